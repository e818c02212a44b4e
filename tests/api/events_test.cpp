// The change feed, GET /v1/events (and /api/v3/events), through the real
// server: every kind of write produces exactly its events, in commit order,
// with its actor; pages have no gaps or repeats under concurrent writers; a
// long poll answers when an event commits; a killed server keeps exactly the
// events of the writes it acknowledged; restaurants never see each other's.

#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"

namespace maitred::test {
namespace {

struct FeedEvent {
  long long sequence = 0;
  std::string type;
  std::string actor_type;
  std::string actor_id;
  std::string resource_type;
  std::string resource_id;
  std::string changes;  // the changed fields' names, comma-separated
};

struct FeedPage {
  unsigned status = 0;
  std::vector<FeedEvent> events;
  std::string next;
  bool more = false;
  std::string body;
};

FeedPage read_page(const Reply& reply) {
  FeedPage page;
  page.status = reply.status;
  page.body = reply.body;
  if (reply.status != 200) return page;
  auto doc = parse(reply.body);
  for (const auto& e : doc["events"].GetArray()) {
    FeedEvent event;
    event.sequence = e["sequence"].GetInt64();
    event.type = e["type"].GetString();
    event.actor_type = e["actor"]["type"].GetString();
    if (e["actor"].HasMember("id")) event.actor_id = e["actor"]["id"].GetString();
    event.resource_type = e["resource"]["type"].GetString();
    event.resource_id = e["resource"]["id"].GetString();
    if (e.HasMember("changes")) {
      for (const auto& change : e["changes"].GetArray()) {
        if (!event.changes.empty()) event.changes += ",";
        event.changes += change["field"].GetString();
      }
    }
    page.events.push_back(std::move(event));
  }
  page.next = doc["next"].GetString();
  page.more = doc["hasMore"].GetBool();
  return page;
}

std::vector<std::string> types_of(const std::vector<FeedEvent>& events) {
  std::vector<std::string> types;
  for (const auto& e : events) types.push_back(e.type);
  return types;
}

class EventsTest : public ApiTest {
 protected:
  // The concurrent writers below outrun the default 100 requests a second.
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }
  // The feed starts with the folder's first restaurant, and the tests kill,
  // restart and move the clock of their server.
  bool own_server() const override { return true; }

  FeedPage feed(const std::string& query, const std::string& key) {
    return read_page(get_with_key("/v1/events" + query, key));
  }
  FeedPage feed(const std::string& query = {}) { return feed(query, key()); }

  // The cursor of the newest event: what follows it is what the test does.
  std::string latest() {
    auto page = feed("?after=latest");
    EXPECT_EQ(page.status, 200u) << page.body;
    return page.next;
  }

  // Everything after `cursor`, page by page.
  std::vector<FeedEvent> all_after(std::string cursor, const std::string& extra = {}, int limit = 100) {
    std::vector<FeedEvent> events;
    for (;;) {
      auto page = feed("?after=" + cursor + "&limit=" + std::to_string(limit) + extra);
      EXPECT_EQ(page.status, 200u) << page.body;
      if (page.status != 200) return events;
      events.insert(events.end(), page.events.begin(), page.events.end());
      cursor = page.next;
      if (!page.more) return events;
    }
  }

  std::string create(const std::string& body) {
    auto created = call("POST", "/v1/bookings", body);
    EXPECT_EQ(created.status, 200u) << created.body;
    return parse(created.body).GetString();
  }
};

TEST_F(EventsTest, TheDemoRestaurantsCreationIsTheFirstEvent) {
  auto page = feed();
  ASSERT_EQ(page.status, 200u) << page.body;
  ASSERT_GE(page.events.size(), 2u);
  EXPECT_EQ(page.events[0].sequence, 1);
  EXPECT_EQ(page.events[0].type, "restaurant.created");
  EXPECT_EQ(page.events[0].actor_type, "cli");
  EXPECT_EQ(page.events[1].type, "api_key.created");
  EXPECT_FALSE(page.more);
}

TEST_F(EventsTest, EveryBookingWriteProducesExactlyItsEventInCommitOrder) {
  const auto start = latest();
  const auto id =
      create(overbooking_body("2026-12-03", "19:00", 2, {}, R"({"name":"Ann Hansen","email":"ann@example.com"})"));
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"people":3})").status, 200u);
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"status":"arrived"})").status, 200u);
  // Echoing the booking back unchanged is no news.
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, R"({"people":3})").status, 200u);
  ASSERT_EQ(call("POST", "/v1/bookings/" + id + "/restaurantNote", R"({"text":"window seat"})").status, 200u);
  ASSERT_EQ(call("POST", "/v1/bookings/" + id + "/comment", R"({"text":"see you"})").status, 200u);
  ASSERT_EQ(call("DELETE", "/v1/bookings/" + id).status, 204u);

  const auto events = all_after(start);
  EXPECT_EQ(types_of(events), (std::vector<std::string>{"customer.created", "booking.created", "booking.updated",
                                                        "booking.status_changed", "booking.note_added",
                                                        "booking.comment_added", "booking.deleted"}));
  for (std::size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].actor_type, "apiKey");
    EXPECT_FALSE(events[i].actor_id.empty());
    EXPECT_EQ(events[i].actor_id, events[0].actor_id);
    if (i > 0) EXPECT_EQ(events[i].sequence, events[i - 1].sequence + 1);
    if (events[i].resource_type == "booking") EXPECT_EQ(events[i].resource_id, id);
  }
  ASSERT_EQ(events.size(), 7u);
  EXPECT_TRUE(events[2].changes.starts_with("people")) << events[2].changes;  // and the tables seating 3
  EXPECT_NE(events[3].changes.find("status"), std::string::npos);
  EXPECT_EQ(events[6].changes, "");  // an erasure carries ids only
}

TEST_F(EventsTest, SetupHoldsOrdersFeedbackAndSettingsProduceTheirEvents) {
  const auto start = latest();
  auto table = call("POST", "/v1/tables", R"({"name":"Events 1","seatsMin":1,"seatsMax":4})");
  ASSERT_EQ(table.status, 200u) << table.body;
  const std::string table_id = parse(table.body).GetString();
  ASSERT_EQ(call("PUT", "/v1/tables/" + table_id, R"({"seatsMax":6})").status, 200u);
  ASSERT_EQ(call("DELETE", "/v1/tables/" + table_id).status, 200u);
  auto settings = call("PUT", "/v1/restaurant", R"({"contact":{"phone":"+4533221100"}})");
  ASSERT_EQ(settings.status, 200u) << settings.body;
  const auto booking = create(overbooking_body("2026-12-03", "12:00", 2));
  ASSERT_EQ(
      call("POST", "/v1/orders", R"({"bookingId":")" + booking + R"(","items":[{"name":"Wine","quantity":1}]})").status,
      200u);
  ASSERT_EQ(call("POST", "/v1/feedback", R"({"bookingId":")" + booking + R"(","rating":5})").status, 200u);

  const auto events = all_after(start);
  EXPECT_EQ(types_of(events),
            (std::vector<std::string>{"table.created", "table.updated", "table.deleted", "restaurant.updated",
                                      "booking.created", "order.created", "feedback.created"}));
  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(events[0].resource_id, table_id);
  EXPECT_EQ(events[1].changes, "seatsMax");
  EXPECT_EQ(events[3].changes, "contact.phone");
}

TEST_F(EventsTest, HoldsAreasAndTheCommandLinesKeysProduceTheirEvents) {
  const auto start = latest();
  auto hold = call("POST", "/v1/bookingFlow/holds", R"({"date":"2026-12-03","time":"19:00","people":2})");
  ASSERT_EQ(hold.status, 200u) << hold.body;
  const auto hold_id = string_at(hold.body, "_id");
  ASSERT_EQ(call("DELETE", "/v1/bookingFlow/holds/" + hold_id).status, 200u);
  auto area = call("POST", "/v1/areas", R"({"name":"Terrace"})");
  ASSERT_EQ(area.status, 200u) << area.body;
  const std::string area_id = parse(area.body).GetString();
  ASSERT_EQ(call("DELETE", "/v1/areas/" + area_id).status, 200u);
  // Keys are made and revoked on the command line, beside the running server.
  const auto restaurant_id = string_at(call("GET", "/v1/restaurant").body, "_id");
  auto key_ids = [&] {
    std::set<std::string> ids;
    auto list = parse(run_maitred({"key", "list", "--restaurant", restaurant_id, "--data", data().string()}).out);
    for (const auto& key : list.GetArray()) ids.insert(key["_id"].GetString());
    return ids;
  };
  const auto before = key_ids();
  auto made = run_maitred({"key", "create", "--restaurant", restaurant_id, "--data", data().string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  std::string new_key_id;
  for (const auto& id : key_ids()) {
    if (!before.contains(id)) new_key_id = id;
  }
  ASSERT_FALSE(new_key_id.empty());
  ASSERT_EQ(run_maitred({"key", "revoke", new_key_id, "--data", data().string()}).exit_code, 0);

  const auto events = all_after(start);
  EXPECT_EQ(types_of(events), (std::vector<std::string>{"hold.created", "hold.released", "area.created", "area.deleted",
                                                        "api_key.created", "api_key.revoked"}));
  ASSERT_EQ(events.size(), 6u);
  EXPECT_EQ(events[0].resource_id, hold_id);
  EXPECT_EQ(events[2].resource_id, area_id);
  EXPECT_EQ(events[4].actor_type, "cli");
  EXPECT_EQ(events[4].resource_id, new_key_id);
  EXPECT_EQ(events[5].resource_id, new_key_id);
}

TEST_F(EventsTest, TheTypesFilterKeepsOnlyMatchingEventsAndTheCursorMovesPastTheRest) {
  const auto start = latest();
  create(overbooking_body("2026-12-03", "19:00", 2));
  ASSERT_EQ(call("POST", "/v1/tables", R"({"name":"Filtered","seatsMax":2})").status, 200u);
  auto page = feed("?after=" + start + "&types=table.*");
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_EQ(types_of(page.events), std::vector<std::string>{"table.created"});
  // Nothing left to read for this filter: the cursor is at the newest event.
  EXPECT_EQ(page.next, latest());
  EXPECT_EQ(feed("?types=booking").status, 422u);
  EXPECT_EQ(feed("?types=booking.*,Table.*").status, 422u);
  EXPECT_EQ(feed("?after=abc").status, 422u);
  EXPECT_EQ(feed("?after=999999").status, 422u);  // ahead of the feed
  EXPECT_EQ(feed("?limit=0").status, 422u);
  EXPECT_EQ(feed("?wait=31").status, 422u);
}

TEST_F(EventsTest, TheV3DialectServesTheSameFeed) {
  auto v1 = get_with_key("/v1/events", key());
  auto v3 = get_with_key("/api/v3/events", key());
  ASSERT_EQ(v3.status, 200u) << v3.body;
  EXPECT_EQ(v1.body, v3.body);
}

TEST_F(EventsTest, PagesHaveNoGapsOrRepeatsUnderEightConcurrentWriters) {
  const auto start = latest();
  constexpr int kWriters = 8;
  constexpr int kEach = 6;
  std::mutex ids_mutex;
  std::set<std::string> acknowledged;
  std::atomic<bool> done{false};
  // A reader pages along while the writers write.
  std::vector<FeedEvent> seen;
  std::thread reader([&] {
    std::string cursor = start;
    while (true) {
      const bool last_round = done.load();
      // Caught up while the writers write: wait for the next commit.
      auto page = feed("?limit=5&after=" + cursor + (last_round ? "" : "&wait=1"));
      ASSERT_EQ(page.status, 200u) << page.body;
      seen.insert(seen.end(), page.events.begin(), page.events.end());
      cursor = page.next;
      if (last_round && !page.more) return;
    }
  });
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < kEach; ++i) {
        const std::string date = "2026-12-" + std::to_string(10 + w);
        auto id = create(overbooking_body(date, "19:00", 2));
        std::lock_guard lock(ids_mutex);
        acknowledged.insert(id);
      }
    });
  }
  for (auto& t : writers) t.join();
  done = true;
  reader.join();

  ASSERT_EQ(seen.size(), static_cast<std::size_t>(kWriters * kEach));
  std::set<std::string> created;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i].sequence, seen[0].sequence + static_cast<long long>(i)) << "a gap or a repeat at " << i;
    EXPECT_EQ(seen[i].type, "booking.created");
    created.insert(seen[i].resource_id);
  }
  EXPECT_EQ(created, acknowledged);
}

TEST_F(EventsTest, ALongPollAnswersWhenAnEventCommits) {
  const auto start = latest();
  FeedPage polled;
  const auto began = std::chrono::steady_clock::now();
  std::thread poller([&] { polled = feed("?wait=30&after=" + start); });
  // The write may land before or after the poll starts waiting: either way
  // the poll answers with it, long before its 30 s are up.
  const auto id = create(overbooking_body("2026-12-03", "19:00", 2));
  poller.join();
  const auto took = std::chrono::steady_clock::now() - began;
  ASSERT_EQ(polled.status, 200u) << polled.body;
  ASSERT_EQ(polled.events.size(), 1u);
  EXPECT_EQ(polled.events[0].resource_id, id);
  EXPECT_LT(took, std::chrono::seconds{20}) << "the poll ran into its timeout instead of waking";
}

TEST_F(EventsTest, ALongPollWokenByAnEventItsFilterSkipsWaitsOnForOneItKeeps) {
  const auto start = latest();
  FeedPage polled;
  std::thread poller([&] { polled = feed("?wait=30&types=table.*&after=" + start); });
  // A booking rings the restaurant's bell, but the poll asked for tables:
  // it must not answer with an empty page, only with the table.
  create(overbooking_body("2026-12-03", "19:00", 2));
  create(overbooking_body("2026-12-03", "20:00", 2));
  auto table = call("POST", "/v1/tables", R"({"name":"Polled","seatsMax":2})");
  ASSERT_EQ(table.status, 200u) << table.body;
  poller.join();
  ASSERT_EQ(polled.status, 200u) << polled.body;
  ASSERT_EQ(types_of(polled.events), std::vector<std::string>{"table.created"});
  EXPECT_EQ(polled.events[0].resource_id, parse(table.body).GetString());
}

TEST_F(EventsTest, ALongPollWithNothingNewAnswersAnEmptyPageAtItsEnd) {
  const auto start = latest();
  auto page = feed("?wait=1&after=" + start);
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_TRUE(page.events.empty());
  EXPECT_EQ(page.next, start);
}

TEST_F(EventsTest, ACursorOlderThanTheRetentionIsGone) {
  const auto start = latest();
  create(overbooking_body("2026-12-03", "19:00", 2));
  const auto after_first = latest();
  // A server started 31 days later drops what is older than 30 days.
  ASSERT_EQ(server().stop(SIGTERM), 0);
  clock().advance(std::chrono::hours{24 * 31});
  server_ = std::make_unique<ServerProcess>(data(), server_args());
  create(overbooking_body("2027-01-10", "19:00", 2));
  auto expired = feed("?after=" + start);
  EXPECT_EQ(expired.status, 410u) << expired.body;
  EXPECT_EQ(string_at(expired.body, "code"), "cursor_expired");
  // The newest dropped event's cursor still reads on; so does a fresh start.
  auto page = feed("?after=" + after_first);
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_EQ(types_of(page.events), std::vector<std::string>{"booking.created"});
  auto fresh = feed();
  ASSERT_EQ(fresh.status, 200u);
  EXPECT_EQ(types_of(fresh.events), std::vector<std::string>{"booking.created"});
}

TEST_F(EventsTest, ARestaurantNeverSeesAnotherRestaurantsEvents) {
  const auto other_key = restaurant_with_key("Other Place");
  const auto other_start = feed("?after=latest", other_key).next;
  const auto mine = create(overbooking_body("2026-12-03", "19:00", 2));
  auto theirs = feed("?after=" + other_start, other_key);
  ASSERT_EQ(theirs.status, 200u) << theirs.body;
  EXPECT_TRUE(theirs.events.empty());
  for (const auto& event : feed("", other_key).events) EXPECT_NE(event.resource_id, mine);
  // A's cursor means nothing in B's feed: it is ahead of it.
  EXPECT_EQ(feed("?after=" + latest(), other_key).status, 422u);
}

TEST_F(EventsTest, AKilledServerKeepsTheEventsOfEveryAcknowledgedWriteAndNoOthers) {
  const auto start = latest();
  std::mutex ids_mutex;
  std::condition_variable twenty_in;
  std::set<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      while (!stop) {
        Reply reply;
        try {
          auto c = client();
          reply = c.request("POST", "/v1/bookings",
                            {{"Authorization", basic_auth(key())}, {"Content-Type", "application/json"}},
                            overbooking_body("2026-12-" + std::to_string(10 + w), "19:00", 2));
        } catch (const std::exception&) {
          return;  // the server is gone: this write was not acknowledged
        }
        if (reply.status != 200) return;
        std::lock_guard lock(ids_mutex);
        acknowledged.insert(parse(reply.body).GetString());
        if (acknowledged.size() >= 20) twenty_in.notify_all();
      }
    });
  }
  // Killed while the writers are still writing.
  {
    std::unique_lock lock(ids_mutex);
    twenty_in.wait(lock, [&] { return acknowledged.size() >= 20; });
  }
  ASSERT_EQ(server().stop(SIGKILL), 128 + SIGKILL);
  stop = true;
  for (auto& t : writers) t.join();

  server_ = std::make_unique<ServerProcess>(data(), server_args());
  const auto events = all_after(start);
  std::set<std::string> created;
  for (const auto& event : events) {
    ASSERT_EQ(event.type, "booking.created");
    created.insert(event.resource_id);
    // No event of a write that did not commit: its booking exists.
    EXPECT_EQ(call("GET", "/v1/bookings/" + event.resource_id).status, 200u) << event.resource_id;
  }
  for (const auto& id : acknowledged) EXPECT_TRUE(created.contains(id)) << "acknowledged, no event: " << id;
}

}  // namespace
}  // namespace maitred::test
