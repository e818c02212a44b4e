// The guest confirms a hold (POST /public/{slug}/bookings) and manages the
// booking through the link it gets (/public/manage/{token}). Every confirm
// needs the pinned clock moved past the minimum fill time, so these suites
// run a server per test (own_server()).

#include <chrono>
#include <thread>

#include "api/setup_fixture.hpp"
#include "core/crypto.hpp"
#include "core/time_format.hpp"
#include "store/store.hpp"
#include "support/smtp_receiver.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace maitred::test {
namespace {

class PublicConfirmTest : public SetupApiBase {
 protected:
  bool own_server() const override { return true; }

  void SetUp() override {
    SetupApiBase::SetUp();
    if (HasFatalFailure()) return;
    // One four-seat table, dinner on Fridays; 2027-01-08 is a Friday.
    create("/v1/tables", R"({"name":"F1","seatsMin":1,"seatsMax":4})");
    create("/v1/openingHours", R"({"name":"Dinner","day":5,"open":1800,"close":2300})");
    expect_true(call("PUT", "/v1/restaurant", R"({"contact":{"phone":"+45 33 12 34 56"}})"));
    slug_ = string_at(call("GET", "/v1/restaurant").body, "slug");
    ASSERT_FALSE(slug_.empty());
  }
  std::string base() const { return "/public/" + slug_; }
  Reply guest(const std::string& method, const std::string& path, const std::string& body = {}, Headers headers = {}) {
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return send(method, path.starts_with("/public/manage") ? path : base() + path, headers, body);
  }
  std::string hold(const std::string& time = "19:00", int people = 2) {
    Reply held = guest("POST", "/holds",
                       R"({"date":"2027-01-08","time":")" + time + R"(","people":)" + std::to_string(people) + "}");
    EXPECT_EQ(held.status, 200u) << held.body;
    return string_at(held.body, "_id");
  }
  static std::string details(const std::string& hold_id, const std::string& extra = {}) {
    return R"({"holdId":")" + hold_id +
           R"(","guest":{"name":"Ada Lovelace","email":"ada@example.com","phone":"+45 11 11 11 11"},)"
           R"("comment":"Window please","languageCode":"da","consent":true,"website":"")" +
           extra + "}";
  }
  Reply confirm(const std::string& body) { return guest("POST", "/bookings", body); }
  // Holds, waits as a person would, confirms; the answer's document.
  rapidjson::Document book(const std::string& time = "19:00") {
    const std::string id = hold(time);
    clock().advance(std::chrono::seconds(5));
    Reply r = confirm(details(id));
    EXPECT_EQ(r.status, 200u) << r.body;
    return parse(r.body);
  }
  std::string manage(const rapidjson::Document& confirmed) {
    return std::string("/public/manage/") + confirmed["manageToken"].GetString();
  }
  void set_clock(const char* utc) { clock().set(*core::parse_utc(utc)); }
  // The actors of the booking's own history entries: online bookings want
  // e-mails, and the background sender may record them (email.*) at any
  // moment in between.
  std::vector<std::string> booking_actors(const std::string& id) {
    auto history = read("/v1/bookings/" + id + "/history");
    std::vector<std::string> actors;
    if (!history.IsArray()) return actors;
    for (const auto& entry : history.GetArray()) {
      const std::string action = entry.HasMember("action") ? entry["action"].GetString() : "";
      if (!action.starts_with("email.")) actors.push_back(entry["actor"]["type"].GetString());
    }
    return actors;
  }

  std::string slug_;
};

TEST_F(PublicConfirmTest, AHeldTableBecomesAnOnlineBookingWithAManageLink) {
  const std::string hold_id = hold();
  clock().advance(std::chrono::seconds(5));
  Reply confirmed = confirm(details(hold_id));
  ASSERT_EQ(confirmed.status, 200u) << confirmed.body;
  auto doc = parse(confirmed.body);
  const std::string id = doc["_id"].GetString();
  EXPECT_EQ(at(doc, "date"), q("2027-01-08"));
  EXPECT_EQ(at(doc, "time"), q("19:00"));
  EXPECT_EQ(at(doc, "people"), "2");
  EXPECT_EQ(at(doc, "status"), q("request"));
  EXPECT_EQ(at(doc, "awaitsApproval"), "true");
  const std::string token = doc["manageToken"].GetString();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(at(doc, "manageUrl"), q("/manage/" + token));
  EXPECT_EQ(doc.MemberCount(), 8u) << "no other ids";

  auto booking = read("/v1/bookings/" + id);
  EXPECT_EQ(at(booking, "source"), q("online"));
  EXPECT_EQ(at(booking, "status"), q("request"));
  EXPECT_EQ(at(booking, "guest.phone"), q("+4511111111"));
  EXPECT_EQ(at(booking, "languageCode"), q("da"));
  EXPECT_EQ(at(booking, "comment"), q("Window please"));
  EXPECT_EQ(booking["tables"].Size(), 1u) << "the hold's table";
  auto history = read("/v1/bookings/" + id + "/history");
  EXPECT_EQ(at(history, "0.actor.type"), q("guest"));
  auto events = read("/v1/events?types=booking.*");
  ASSERT_EQ(events["events"].Size(), 1u);
  EXPECT_EQ(at(events, "events.0.type"), q("booking.created"));
  EXPECT_EQ(at(events, "events.0.actor.type"), q("guest"));

  // The hold is used up.
  expect_error(confirm(details(hold_id)), 404, "unknown_reference", "holdId");
}

TEST_F(PublicConfirmTest, TheRestaurantsDefaultStatusDecidesWhetherItAwaitsApproval) {
  expect_true(call("PUT", "/v1/restaurant", R"({"bookingRules":{"defaultStatus":"approved"}})"));
  auto doc = book();
  EXPECT_EQ(at(doc, "status"), q("approved"));
  EXPECT_EQ(at(doc, "awaitsApproval"), "false");
}

TEST_F(PublicConfirmTest, EachDetailIsCheckedAndNamed) {
  const std::string id = hold();
  clock().advance(std::chrono::seconds(5));
  const auto with_guest = [&](const std::string& guest_json, const std::string& rest = R"("consent":true)") {
    return confirm(R"({"holdId":")" + id + R"(","guest":)" + guest_json + "," + rest + "}");
  };
  expect_error(with_guest(R"({"email":"a@example.com","phone":"+4511111111"})"), 422, "missing_field", "guest.name");
  expect_error(with_guest(R"({"name":"Ada","phone":"+4511111111"})"), 422, "missing_field", "guest.email");
  expect_error(with_guest(R"({"name":"Ada","email":"not-an-address","phone":"+4511111111"})"), 422, "invalid_field",
               "guest.email");
  expect_error(with_guest(R"({"name":"Ada","email":"a@example.com"})"), 422, "missing_field", "guest.phone");
  expect_error(with_guest(R"({"name":"Ada","email":"a@example.com","phone":"11 11 11 11"})"), 422, "invalid_field",
               "guest.phone");
  const std::string ok_guest = R"({"name":"Ada","email":"a@example.com","phone":"+45 11 11 11 11"})";
  expect_error(with_guest(ok_guest, R"("consent":false)"), 422, "consent_required", "consent");
  expect_error(with_guest(ok_guest, R"("consent":true,"languageCode":"xx")"), 422, "invalid_field", "languageCode");
  expect_error(with_guest(ok_guest, R"("consent":true,"customFields":[{"_id":"nOsUcHfIeLdAtAlL1","value":"x"}])"), 404,
               "unknown_reference");
  // None of these used the hold: it still books.
  EXPECT_EQ(with_guest(ok_guest).status, 200u);
}

TEST_F(PublicConfirmTest, TheHoneypotRejectsNeutrally) {
  const std::string id = hold();
  clock().advance(std::chrono::seconds(5));
  std::string body = details(id);
  body.replace(body.find(R"("website":"")"), 12, R"("website":"http://spam.example")");
  Reply r = confirm(body);
  expect_error(r, 422, "rejected");
  EXPECT_EQ(string_at(r.body, "message"), "We could not take this booking online. Please call the restaurant.");
  EXPECT_EQ(read("/v1/bookings?fromDateTime=2027-01-08&toDateTime=2027-01-08").Size(), 0u);
}

TEST_F(PublicConfirmTest, AFormFilledFasterThanAPersonCanIsAskedToWait) {
  const std::string id = hold();
  Reply fast = confirm(details(id));
  EXPECT_EQ(fast.status, 429u) << fast.body;
  EXPECT_EQ(string_at(fast.body, "code"), "too_many_attempts");
  // The milliseconds still missing of the 3 seconds (the pinned clock ticks
  // on from where a test puts it).
  const long long wait_ms = std::stoll(fast.header("retry-after"));
  EXPECT_GT(wait_ms, 0);
  EXPECT_LE(wait_ms, 3000);
  clock().advance(std::chrono::seconds(3));
  EXPECT_EQ(confirm(details(id)).status, 200u);
}

TEST_F(PublicConfirmTest, TheTokenIsStoredOnlyAsItsHash) {
  auto doc = book();
  const std::string token = doc["manageToken"].GetString();
  const std::string hash = core::to_hex(core::sha256(token));
  // Used, and still not written to the server's log.
  EXPECT_EQ(guest("GET", manage(doc)).status, 200u);
  EXPECT_EQ(guest("POST", manage(doc) + "/cancel").status, 200u);
  const std::string log = server_log();
  EXPECT_NE(log.find("/public/manage/{token}"), std::string::npos) << log;
  EXPECT_EQ(log.find(token), std::string::npos) << "the token is a secret";
  auto store = open_test_store(data());
  auto stored = store->manage_tokens().find_manage_token(hash);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->booking_id, doc["_id"].GetString());
  EXPECT_EQ(core::format_utc(stored->expires_at), "2027-01-08T19:30:00Z") << "the booking's end";
  EXPECT_FALSE(store->manage_tokens().find_manage_token(token).has_value());
}

TEST_F(PublicConfirmTest, TheManageLinkShowsTheBookingAsTheGuestSeesIt) {
  auto doc = book();
  Reply r = guest("GET", manage(doc));
  ASSERT_EQ(r.status, 200u) << r.body;
  auto view = parse(r.body);
  EXPECT_EQ(at(view, "_id"), at(doc, "_id"));
  EXPECT_EQ(at(view, "restaurant.phone"), q("+45 33 12 34 56"));
  EXPECT_EQ(at(view, "restaurant.slug"), q(slug_));
  EXPECT_EQ(at(view, "date"), q("2027-01-08"));
  EXPECT_EQ(at(view, "time"), q("19:00"));
  EXPECT_EQ(at(view, "people"), "2");
  EXPECT_EQ(at(view, "status"), q("request"));
  EXPECT_EQ(at(view, "guest.name"), q("Ada Lovelace"));
  EXPECT_EQ(at(view, "comment"), q("Window please"));
  EXPECT_EQ(at(view, "cancelUntil"), q("2027-01-08T16:00:00Z"));
  EXPECT_EQ(at(view, "canCancel"), "true");
  EXPECT_EQ(at(view, "canChange"), "true");
  EXPECT_EQ(at(view, "now").substr(0, 17), "\"2026-12-02T10:00") << "the server's clock";
  EXPECT_FALSE(view.HasMember("restaurantId"));
  EXPECT_FALSE(view.HasMember("tables"));
}

TEST_F(PublicConfirmTest, UnknownMalformedAndExpiredTokensAreOne404) {
  auto doc = book();
  const std::string token = doc["manageToken"].GetString();
  std::string guessed = token;
  guessed[0] = guessed[0] == 'A' ? 'B' : 'A';
  std::string message;
  for (const std::string path :
       {"/public/manage/" + guessed, std::string("/public/manage/short"), "/public/manage/" + token + "x"}) {
    Reply r = guest("GET", path);
    expect_error(r, 404, "not_found");
    if (message.empty()) message = string_at(r.body, "message");
    EXPECT_EQ(string_at(r.body, "message"), message) << path;
  }
  // After the booking's end the link is gone too.
  set_clock("2027-01-08T19:30:00Z");
  Reply expired = guest("GET", manage(doc));
  expect_error(expired, 404, "not_found");
  EXPECT_EQ(string_at(expired.body, "message"), message);
}

TEST_F(PublicConfirmTest, TheGuestCancelsOnceAndTheSecondTimeSeesTheState) {
  auto doc = book();
  Reply canceled = guest("POST", manage(doc) + "/cancel");
  ASSERT_EQ(canceled.status, 200u) << canceled.body;
  EXPECT_EQ(string_at(canceled.body, "status"), "canceled");
  EXPECT_EQ(at(parse(canceled.body), "canCancel"), "false");
  Reply again = guest("POST", manage(doc) + "/cancel");
  EXPECT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(string_at(again.body, "status"), "canceled");

  const std::string id = doc["_id"].GetString();
  EXPECT_EQ(at(read("/v1/bookings/" + id), "status"), q("canceled"));
  const auto actors = booking_actors(id);
  ASSERT_EQ(actors.size(), 2u) << "the second cancel changed nothing";
  EXPECT_EQ(actors[1], "guest");
  auto events = read("/v1/events?types=booking.status_changed");
  ASSERT_EQ(events["events"].Size(), 1u);
  EXPECT_EQ(at(events, "events.0.actor.type"), q("guest"));
}

TEST_F(PublicConfirmTest, AfterTheDeadlineTheGuestIsToldToCall) {
  auto doc = book();
  set_clock("2027-01-08T16:00:00Z");  // 19:00 in Copenhagen less 120 minutes
  Reply view = guest("GET", manage(doc));
  EXPECT_EQ(at(parse(view.body), "canCancel"), "false");
  EXPECT_EQ(at(parse(view.body), "canChange"), "false");
  Reply late = guest("POST", manage(doc) + "/cancel");
  expect_error(late, 422, "cancellation_deadline_passed");
  EXPECT_NE(string_at(late.body, "message").find("+45 33 12 34 56"), std::string::npos) << late.body;
  expect_error(guest("PUT", manage(doc), R"({"time":"20:00"})"), 422, "cancellation_deadline_passed");
}

TEST_F(PublicConfirmTest, TheGuestMovesTheBookingThroughTheSameChecks) {
  auto doc = book();
  Reply moved = guest("PUT", manage(doc), R"({"time":"20:00"})");
  ASSERT_EQ(moved.status, 200u) << moved.body;
  EXPECT_EQ(string_at(moved.body, "time"), "20:00");
  const std::string id = doc["_id"].GetString();
  EXPECT_EQ(at(read("/v1/bookings/" + id), "time"), q("20:00"));
  const auto actors = booking_actors(id);
  ASSERT_EQ(actors.size(), 2u);
  EXPECT_EQ(actors[1], "guest");

  // The only table is taken at 22:00 by a staff booking.
  create("/v1/bookings", R"({"date":"2027-01-08","time":"22:00","people":2,"guest":{"name":"Staff"}})");
  expect_error(guest("PUT", manage(doc), R"({"time":"21:45"})"), 422, "no_table", "tables");
  // Online rules: the largest online party.
  expect_true(call("PUT", "/v1/restaurant", R"({"bookingRules":{"maxOnlinePartySize":2}})"));
  expect_error(guest("PUT", manage(doc), R"({"people":3})"), 422, "party_too_large", "people");
  // Switched off: changes are refused, cancelling is not.
  expect_true(call("PUT", "/v1/restaurant", R"({"bookingRules":{"onlineBooking":false}})"));
  expect_error(guest("PUT", manage(doc), R"({"time":"19:30"})"), 403, "online_booking_disabled");
  EXPECT_EQ(guest("POST", manage(doc) + "/cancel").status, 200u);
}

// Per-contact limit: one online booking a day.
class PublicConfirmLimitsTest : public PublicConfirmTest {
 protected:
  std::vector<std::string> server_args() const override {
    return {"--rate-limit", "100000", "--guest-bookings-per-day", "1"};
  }
};

TEST_F(PublicConfirmLimitsTest, OneContactBooksOnlySoOftenADay) {
  const std::string first = hold("19:00");
  const std::string second = hold("21:00");
  clock().advance(std::chrono::seconds(5));
  EXPECT_EQ(confirm(details(first)).status, 200u);
  Reply over = confirm(details(second));
  EXPECT_EQ(over.status, 429u) << over.body;
  EXPECT_EQ(string_at(over.body, "code"), "too_many_attempts");
  EXPECT_GT(std::stoll(over.header("retry-after")), 0);
}

TEST_F(PublicConfirmLimitsTest, ManageLinksAreLookedUpOnlySoOftenPerAddress) {
  // 60 an hour per client address, valid token or not: guessing is slow.
  const std::string unknown = "/public/manage/" + std::string(43, 'A');
  for (int i = 0; i < 60; ++i) ASSERT_EQ(guest("GET", unknown).status, 404u) << i;
  Reply over = guest("GET", unknown);
  EXPECT_EQ(over.status, 429u) << over.body;
  EXPECT_EQ(string_at(over.body, "code"), "too_many_attempts");
  EXPECT_GT(std::stoll(over.header("retry-after")), 0);
}

// The confirmation e-mail of an online booking carries a manage link under
// --public-url, and the link works; the calendar download of the same
// booking. One SMTP receiver for the suite (its messages are told apart by
// the booking id).
SmtpReceiver& link_receiver() {
  static TempDir folder;
  static SmtpReceiver receiver(folder.path() / "mailbox");
  return receiver;
}

class PublicManageLinkTest : public PublicConfirmTest {
 protected:
  std::vector<std::string> server_args() const override {
    return {"--rate-limit", "100000",
            "--smtp-url",   link_receiver().url(),
            "--smtp-from",  "table@bistro.example",
            "--public-url", "https://book.example.com/"};
  }
  // The stored e-mail that mentions `booking_id`, as mail_summary's JSON;
  // empty when none arrives (a bounded poll on the condition, at most 30 s).
  static std::string mail_about(const std::string& booking_id) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
    std::size_t seen = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      const auto files = link_receiver().messages();
      for (; seen < files.size(); ++seen) {
        const auto summary = mail_summary(files[seen]);
        if (summary.find(booking_id + "@maitred") != std::string::npos) return summary;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
    return {};
  }
};

TEST_F(PublicManageLinkTest, TheConfirmationEmailCarriesAManageLinkThatWorks) {
  auto doc = book();
  const std::string id = doc["_id"].GetString();
  EXPECT_EQ(at(read("/v1/bookings/" + id), "guest.notificationEmail"), "true") << "the guest gave an e-mail for this";
  const auto summary = mail_about(id);
  ASSERT_FALSE(summary.empty()) << "no e-mail about " << id;
  const std::string text = string_at(summary, "text");
  const std::string prefix = "https://book.example.com/manage/";
  const auto at_link = text.find(prefix);
  ASSERT_NE(at_link, std::string::npos) << text;
  const std::string token = text.substr(at_link + prefix.size(), 43);
  EXPECT_NE(text.find("Ændr eller aflys: " + prefix + token), std::string::npos) << "in the booking's language\n"
                                                                                 << text;
  EXPECT_NE(token, doc["manageToken"].GetString()) << "each e-mail has a token of its own";
  EXPECT_NE(string_at(summary, "html").find(prefix + token), std::string::npos);

  Reply view = guest("GET", "/public/manage/" + token);
  ASSERT_EQ(view.status, 200u) << view.body;
  EXPECT_EQ(string_at(view.body, "_id"), id);
  // The confirmation answer's token still works beside it.
  EXPECT_EQ(guest("GET", manage(doc)).status, 200u);

  // The messages log lists the e-mail, and no log holds the link.
  auto messages = read("/v1/bookings/" + id + "/messages");
  ASSERT_TRUE(messages.IsArray());
  ASSERT_GE(messages.Size(), 1u);
  EXPECT_EQ(at(messages, "0.kind"), q("requested"));
  EXPECT_EQ(call("GET", "/v1/bookings/" + id + "/messages").body.find(token), std::string::npos);
  EXPECT_EQ(call("GET", "/v1/bookings/" + id + "/history").body.find(token), std::string::npos);
  EXPECT_EQ(server_log().find(token), std::string::npos);
}

TEST_F(PublicManageLinkTest, TheBookingDownloadsAsACalendarEntry) {
  auto doc = book();
  const std::string id = doc["_id"].GetString();
  Reply r = guest("GET", manage(doc) + "/calendar.ics");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(r.header("content-disposition"), R"(attachment; filename="booking.ics")");
  EXPECT_TRUE(r.body.starts_with("BEGIN:VCALENDAR\r\n")) << r.body;
  EXPECT_TRUE(r.body.ends_with("END:VCALENDAR\r\n")) << r.body;
  // 19:00 in Copenhagen (UTC+1 in January), in UTC.
  for (const std::string line : {std::string("METHOD:PUBLISH\r\n"), "UID:" + id + "@maitred\r\n",
                                 std::string("DTSTART:20270108T180000Z\r\n"), std::string("STATUS:CONFIRMED\r\n")}) {
    EXPECT_NE(r.body.find(line), std::string::npos) << line << r.body;
  }
  std::string guessed = doc["manageToken"].GetString();
  guessed[0] = guessed[0] == 'A' ? 'B' : 'A';
  expect_error(guest("GET", "/public/manage/" + guessed + "/calendar.ics"), 404, "not_found");
  expect_error(guest("GET", "/public/manage/short/calendar.ics"), 404, "not_found");
}

TEST_F(PublicConfirmTest, TheManagePageIsServedForAnyToken) {
  Reply r = send("GET", "/manage/" + std::string(43, 'A'));
  ASSERT_EQ(r.status, 200u);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
}

}  // namespace
}  // namespace maitred::test
