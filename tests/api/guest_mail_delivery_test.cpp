// Guest e-mails from queue to mailbox: the use cases (app/guest_mail_queue)
// and the sender (delivery/guest_mail_sender) on the store the tests run on
// (SQLite, or PostgreSQL under with_postgres), sending through a real SMTP
// server (tests/receivers/smtp_receiver.py); each stored message is read
// back with Python's own e-mail parser (mail_summary.py). The clock is
// pinned; nothing waits on time but bounded polling for the receiver's file.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <memory>
#include <string>

#include "app/admin.hpp"
#include "app/guest_booking_service.hpp"
#include "app/guest_mail_queue.hpp"
#include "core/ids.hpp"
#include "core/time_format.hpp"
#include "delivery/guest_mail_fan_out.hpp"
#include "delivery/guest_mail_sender.hpp"
#include "domain/time_zone.hpp"
#include "store/store.hpp"
#include "support/smtp_receiver.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace maitred::test {
namespace {

using namespace std::chrono_literals;

core::SystemTime utc(std::string_view text) {
  return core::parse_utc(text).value();
}

constexpr const char* kFrom = "table@bistro.example";

class GuestMailDelivery : public ::testing::Test {
 protected:
  GuestMailDelivery()
      : clock_(utc("2026-10-01T08:00:00Z")),
        store_(open_test_store(data_.path())),
        receiver_(data_.path() / "mailbox") {
    restaurant_ = app::create_restaurant(*store_, clock_, "Bistro Ø", "Europe/Copenhagen");
    restaurant_.language = "en";
    restaurant_.address = {"Nyhavn 1", "København", "1051", "Denmark"};
    restaurant_.contact.phone = "+45 12 34 56 78";
    store_->restaurants().update_restaurant(restaurant_);
  }

  // An approved booking at 19:30 Copenhagen time on `date`, made now.
  domain::Booking book(date::year_month_day day, bool wants_email = true) {
    domain::Booking b;
    b.id = core::new_id();
    b.restaurant_id = restaurant_.id;
    b.date = date::format("%F", date::sys_days{day});
    b.time = 19 * 60 + 30;
    b.date_time = domain::local_to_utc(restaurant_.timezone, day, b.time).instant;
    b.people = 4;
    b.status = "approved";
    b.source = "api";
    b.language_code = "en";
    b.guest.name = "Ada Lovelace";
    b.guest.email = "ada@example.com";
    b.guest.notification_email = wants_email;
    b.created_at = b.activity_at = clock_.now();
    store_->bookings().insert_booking(b);
    return b;
  }

  bool on_event(const domain::Booking& b, std::string type, std::string changes = {}) {
    domain::Event e;
    e.id = core::new_id();
    e.restaurant_id = restaurant_.id;
    e.type = std::move(type);
    e.at = clock_.now();
    e.actor = {"system", ""};
    e.resource_id = b.id;
    e.changes_json = std::move(changes);
    return delivery::fan_out_guest_mail(*store_, clock_, {e}) == 1;
  }

  delivery::GuestMailSender sender(std::string url, std::string public_url = {}) {
    return delivery::GuestMailSender(*store_, clock_, {std::move(url), kFrom, std::move(public_url)});
  }

  // The n-th stored message (1-based), as Python reads it.
  rapidjson::Document received(std::size_t n) {
    auto files = receiver_.wait_for(n);
    EXPECT_GE(files.size(), n);
    rapidjson::Document doc;
    if (files.size() >= n) doc.Parse(mail_summary(files[n - 1]).c_str());
    return doc;
  }

  std::vector<domain::GuestMessage> messages(const domain::Booking& b) {
    return store_->guest_messages().list_guest_messages(restaurant_.id, b.id);
  }

  std::string history(const domain::Booking& b) {
    std::string all;
    for (const auto& entry : store_->bookings().booking_history(restaurant_.id, b.id)) all += entry + "\n";
    return all;
  }

  TempDir data_;
  core::ManualClock clock_;
  std::unique_ptr<store::Store> store_;
  SmtpReceiver receiver_;
  domain::Restaurant restaurant_;
};

std::string field(const rapidjson::Value& v, const char* name) {
  return v.HasMember(name) && v[name].IsString() ? v[name].GetString() : "";
}

TEST_F(GuestMailDelivery, ConfirmationCarriesBothPartsAndTheInviteAcrossDst) {
  using date::October;
  // Copenhagen leaves summer time on 25 October 2026: 19:30 is 17:30Z the
  // day before and 18:30Z the day after.
  const auto before = book(date::year{2026} / October / 24);
  const auto after = book(date::year{2026} / October / 26);
  ASSERT_TRUE(on_event(before, "booking.created"));
  ASSERT_TRUE(on_event(after, "booking.created"));
  auto s = sender(receiver_.url());
  EXPECT_EQ(s.send_due(), 2u);

  auto first = received(1);
  auto second = received(2);
  ASSERT_TRUE(first.IsObject());
  ASSERT_TRUE(second.IsObject());
  // Which file is which booking: by the invite's UID.
  if (field(first["icsFields"], "UID") != before.id + "@maitred") std::swap(first, second);
  EXPECT_EQ(field(first, "subject"), "Your booking at Bistro Ø is confirmed");
  EXPECT_NE(field(first, "from").find(kFrom), std::string::npos) << field(first, "from");
  EXPECT_EQ(field(first, "to"), "Ada Lovelace <ada@example.com>");
  EXPECT_FALSE(field(first, "date").empty());
  EXPECT_NE(field(first, "messageId").find("@maitred>"), std::string::npos);
  EXPECT_TRUE(first["crlfOnly"].GetBool());
  std::string structure;
  for (const auto& part : first["structure"].GetArray()) structure += std::string(part.GetString()) + " ";
  EXPECT_EQ(structure, "multipart/mixed multipart/alternative text/plain text/html text/calendar ");
  EXPECT_NE(field(first, "text").find("Saturday 24 October 2026 at 19:30"), std::string::npos) << field(first, "text");
  EXPECT_NE(field(first, "text").find("Nyhavn 1, 1051 København, Denmark"), std::string::npos);
  EXPECT_NE(field(first, "html").find("Dear Ada Lovelace,"), std::string::npos);
  EXPECT_EQ(field(first, "icsMethodParam"), "REQUEST");
  EXPECT_EQ(field(first, "icsFilename"), "invite.ics");
  EXPECT_TRUE(first["icsCrlfOnly"].GetBool());
  const auto& ics = first["icsFields"];
  EXPECT_EQ(field(ics, "METHOD"), "REQUEST");
  EXPECT_EQ(field(ics, "UID"), before.id + "@maitred");
  EXPECT_EQ(field(ics, "SEQUENCE"), "0");
  EXPECT_EQ(field(ics, "DTSTART"), "20261024T173000Z");
  EXPECT_EQ(field(ics, "DTEND"), "20261024T193000Z");
  EXPECT_EQ(field(ics, "LOCATION"), "Nyhavn 1\\, 1051 København\\, Denmark");
  EXPECT_EQ(field(second["icsFields"], "DTSTART"), "20261026T183000Z");
  EXPECT_NE(field(second, "text").find("Monday 26 October 2026 at 19:30"), std::string::npos);

  const auto log = messages(before);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, "sent");
  EXPECT_EQ(log[0].kind, "confirmed");
  EXPECT_EQ(log[0].to_address, "ada@example.com");
  EXPECT_EQ(log[0].sent_at, clock_.now());
}

TEST_F(GuestMailDelivery, ChangeAndCancelUpdateTheSameCalendarEntry) {
  auto b = book(date::year{2026} / date::December / 18);
  auto s = sender(receiver_.url());
  ASSERT_TRUE(on_event(b, "booking.created"));
  b.people = 6;
  ASSERT_TRUE(store_->bookings().update_booking(b));
  ASSERT_TRUE(on_event(b, "booking.updated", R"([{"field":"people","from":4,"to":6}])"));
  ASSERT_FALSE(on_event(b, "booking.updated", R"([{"field":"comment","from":"","to":"window"}])"));
  b.status = "canceled";
  ASSERT_TRUE(store_->bookings().update_booking(b));
  ASSERT_TRUE(on_event(b, "booking.status_changed", R"([{"field":"status","from":"approved","to":"canceled"}])"));
  EXPECT_EQ(s.send_due(), 3u);
  std::map<std::string, rapidjson::Document> by_sequence;
  for (std::size_t n = 1; n <= 3; ++n) {
    auto doc = received(n);
    ASSERT_TRUE(doc.IsObject());
    by_sequence[field(doc["icsFields"], "SEQUENCE")] = std::move(doc);
  }
  ASSERT_EQ(by_sequence.size(), 3u);
  EXPECT_EQ(field(by_sequence["1"], "subject"), "Your booking at Bistro Ø has changed");
  EXPECT_EQ(field(by_sequence["1"]["icsFields"], "METHOD"), "REQUEST");
  auto& cancel = by_sequence["2"];
  EXPECT_EQ(field(cancel, "subject"), "Your booking at Bistro Ø is canceled");
  EXPECT_EQ(field(cancel, "icsMethodParam"), "CANCEL");
  EXPECT_EQ(field(cancel["icsFields"], "METHOD"), "CANCEL");
  EXPECT_EQ(field(cancel["icsFields"], "STATUS"), "CANCELLED");
  EXPECT_EQ(field(cancel["icsFields"], "UID"), b.id + "@maitred");
}

TEST_F(GuestMailDelivery, EachEmailButTheCancellationCarriesAManageLinkOfItsOwn) {
  auto b = book(date::year{2026} / date::December / 18);
  auto s = sender(receiver_.url(), "https://book.example.com");
  ASSERT_TRUE(on_event(b, "booking.created"));
  EXPECT_EQ(s.send_due(), 1u);
  auto confirmation = received(1);
  ASSERT_TRUE(confirmation.IsObject());
  const std::string text = field(confirmation, "text");
  const std::string prefix = "Change or cancel: https://book.example.com/manage/";
  const auto at = text.find(prefix);
  ASSERT_NE(at, std::string::npos) << text;
  const std::string token = text.substr(at + prefix.size(), 43);
  auto managed = app::find_managed_booking(*store_, clock_, token);
  ASSERT_TRUE(managed.has_value()) << token;
  EXPECT_EQ(managed->booking.id, b.id);
  EXPECT_EQ(history(b).find(token), std::string::npos);
  for (const auto& m : messages(b)) EXPECT_EQ(m.last_error.find(token), std::string::npos);

  b.status = "canceled";
  ASSERT_TRUE(store_->bookings().update_booking(b));
  ASSERT_TRUE(on_event(b, "booking.status_changed", R"([{"field":"status","from":"approved","to":"canceled"}])"));
  EXPECT_EQ(s.send_due(), 1u);
  auto cancel = received(2);
  ASSERT_TRUE(cancel.IsObject());
  EXPECT_EQ(field(cancel, "subject"), "Your booking at Bistro Ø is canceled");
  EXPECT_EQ(field(cancel, "text").find("/manage/"), std::string::npos) << field(cancel, "text");
}

TEST_F(GuestMailDelivery, ReminderComesDueAndIsQueuedOnce) {
  const auto b = book(date::year{2026} / date::October / 10);             // 17:30Z
  EXPECT_EQ(app::queue_due_reminders(*store_, clock_, restaurant_), 0u);  // 9 days ahead
  clock_.set(utc("2026-10-09T17:30:00Z"));                                // 24 hours before
  EXPECT_EQ(app::queue_due_reminders(*store_, clock_, restaurant_), 1u);
  EXPECT_EQ(app::queue_due_reminders(*store_, clock_, restaurant_), 0u);
  EXPECT_EQ(sender(receiver_.url()).send_due(), 1u);
  auto doc = received(1);
  EXPECT_EQ(field(doc, "subject"), "See you soon at Bistro Ø");
  EXPECT_EQ(field(doc["icsFields"], "DTSTART"), "20261010T173000Z");
  EXPECT_EQ(messages(b).at(0).kind, "reminder");
}

TEST_F(GuestMailDelivery, FanOutQueuesForBookingEventsOnlyAndOnce) {
  const auto b = book(date::year{2026} / date::December / 18);
  auto event = [&](std::string type, std::string resource) {
    domain::Event e;
    e.id = core::new_id();
    e.restaurant_id = restaurant_.id;
    e.type = std::move(type);
    e.at = clock_.now();
    e.resource_id = std::move(resource);
    return e;
  };
  const std::vector<domain::Event> batch = {event("table.created", "T1"), event("booking.created", b.id),
                                            event("booking.note_added", b.id)};
  EXPECT_EQ(delivery::fan_out_guest_mail(*store_, clock_, batch), 1u);
  // The same batch again (a redelivery after a crash): nothing new.
  EXPECT_EQ(delivery::fan_out_guest_mail(*store_, clock_, batch), 0u);
  ASSERT_EQ(messages(b).size(), 1u);
  EXPECT_EQ(messages(b)[0].kind, "confirmed");
  clock_.set(utc("2026-12-17T18:30:00Z"));  // 24 hours before 19:30 Copenhagen time (18:30Z)
  EXPECT_EQ(delivery::queue_reminders_everywhere(*store_, clock_), 1u);
  EXPECT_EQ(messages(b).size(), 2u);
}

TEST_F(GuestMailDelivery, NoEmailWhenTheGuestSaidNo) {
  const auto b = book(date::year{2026} / date::December / 18, false);
  EXPECT_FALSE(on_event(b, "booking.created"));
  EXPECT_TRUE(messages(b).empty());
}

TEST_F(GuestMailDelivery, WithoutSmtpTheMessageIsRecordedAsNotSent) {
  const auto b = book(date::year{2026} / date::December / 18);
  ASSERT_TRUE(on_event(b, "booking.created"));
  EXPECT_EQ(sender("").send_due(), 1u);
  const auto log = messages(b);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, "not_sent");
  EXPECT_EQ(log[0].last_error, "not sent: no SMTP server");
  EXPECT_NE(history(b).find(R"("action":"email.not_sent")"), std::string::npos) << history(b);
  EXPECT_NE(history(b).find("not sent: no SMTP server"), std::string::npos);
  EXPECT_TRUE(receiver_.messages().empty());
}

TEST_F(GuestMailDelivery, TemporaryFailureIsRetriedAfterTheBackoff) {
  const auto b = book(date::year{2026} / date::December / 18);
  ASSERT_TRUE(on_event(b, "booking.created"));
  auto s = sender(receiver_.url());
  receiver_.answer_with("451 4.3.0 try again later");
  EXPECT_EQ(s.send_due(), 1u);
  auto log = messages(b);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, "queued");
  EXPECT_EQ(log[0].attempts, 1);
  EXPECT_EQ(log[0].next_attempt_at, clock_.now() + 1min);
  EXPECT_NE(log[0].last_error.find("451"), std::string::npos) << log[0].last_error;
  EXPECT_EQ(s.send_due(), 0u);  // not due yet
  receiver_.answer_with("");
  clock_.advance(1min);
  EXPECT_EQ(s.send_due(), 1u);
  EXPECT_EQ(receiver_.wait_for(1).size(), 1u);
  log = messages(b);
  EXPECT_EQ(log[0].status, "sent");
  EXPECT_EQ(log[0].attempts, 2);
}

TEST_F(GuestMailDelivery, PermanentFailureGivesUpWithTheReasonInHistory) {
  const auto b = book(date::year{2026} / date::December / 18);
  ASSERT_TRUE(on_event(b, "booking.created"));
  receiver_.answer_with("550 5.1.1 no such user");
  EXPECT_EQ(sender(receiver_.url()).send_due(), 1u);
  const auto log = messages(b);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, "failed");
  EXPECT_NE(log[0].last_error.find("550 5.1.1 no such user"), std::string::npos) << log[0].last_error;
  EXPECT_NE(history(b).find(R"("action":"email.failed")"), std::string::npos);
  EXPECT_NE(history(b).find("550 5.1.1 no such user"), std::string::npos) << history(b);
}

}  // namespace
}  // namespace maitred::test
