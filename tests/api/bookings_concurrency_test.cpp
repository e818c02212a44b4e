// Bookings under concurrent writes: the table check and idempotency keys
// hold when many clients send at the same moment, against the real server.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <functional>
#include <latch>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"
#include "api/json_paths.hpp"

namespace maitred::test {
namespace {

struct Outcome {
  Reply reply;
  std::string error;  // what the client threw, if anything
};

class BookingConcurrencyTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  Headers headers(const Headers& extra = {}) {
    Headers h{{"Authorization", basic_auth(key())}, {"Content-Type", "application/json"}};
    h.insert(h.end(), extra.begin(), extra.end());
    return h;
  }

  Reply call(const std::string& method, const std::string& target, const std::string& body = {}) {
    return send(method, target, headers(), body);
  }

  std::string create(const std::string& body) {
    Reply r = call("POST", "/v1/bookings", body);
    EXPECT_EQ(r.status, 200u) << body << " -> " << r.body;
    auto doc = parse(r.body);
    return r.status == 200 && doc.IsString() ? doc.GetString() : std::string{};
  }

  std::string table_id(const std::string& name) {
    auto doc = parse(call("GET", "/v1/tables").body);
    for (const auto& t : doc.GetArray()) {
      if (name == t["name"].GetString()) return t["_id"].GetString();
    }
    ADD_FAILURE() << "no table " << name;
    return {};
  }

  rapidjson::Document day(const std::string& date) {
    Reply r = call("GET", "/v1/bookings?fromDateTime=" + date + "&toDateTime=" + date + "&limit=100");
    EXPECT_EQ(r.status, 200u) << r.body;
    return parse(r.body);
  }

  // Runs `count` requests at once, each from its own connection, opened
  // before the start so that the requests really race.
  std::vector<Outcome> race(int count, const std::function<Reply(int, HttpClient&)>& send) {
    std::vector<HttpClient> clients;
    clients.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) clients.push_back(client());
    std::vector<Outcome> outcomes(static_cast<std::size_t>(count));
    std::latch start(count);
    std::vector<std::thread> threads;
    for (int i = 0; i < count; ++i) {
      threads.emplace_back([&, i] {
        auto& out = outcomes[static_cast<std::size_t>(i)];
        start.arrive_and_wait();
        try {
          out.reply = send(i, clients[static_cast<std::size_t>(i)]);
        } catch (const std::exception& e) {
          out.error = e.what();
        }
      });
    }
    for (auto& t : threads) t.join();
    return outcomes;
  }
};

TEST_F(BookingConcurrencyTest, FiftyClientsRaceForOneTableAndExactlyOneGetsIt) {
  const std::string t1 = table_id("T1");
  auto outcomes = race(50, [&](int i, HttpClient& c) {
    return c.request("POST", "/v1/bookings", headers(),
                     booking_body("2026-12-18", "19:00", 2, R"("tables":[")" + t1 + R"("])",
                                  R"({"name":"Racer )" + std::to_string(i) + R"("})"));
  });

  std::string winner;
  int won = 0, lost = 0;
  for (const auto& o : outcomes) {
    ASSERT_TRUE(o.error.empty()) << o.error;
    if (o.reply.status == 200) {
      ++won;
      auto id = parse(o.reply.body);
      ASSERT_TRUE(id.IsString()) << o.reply.body;
      winner = id.GetString();
    } else {
      EXPECT_EQ(o.reply.status, 422u) << o.reply.body;
      EXPECT_EQ(string_at(o.reply.body, "code"), "table_unavailable") << o.reply.body;
      ++lost;
    }
  }
  EXPECT_EQ(won, 1);
  EXPECT_EQ(lost, 49);

  auto bookings = day("2026-12-18");
  ASSERT_TRUE(bookings.IsArray());
  int on_t1 = 0;
  for (const auto& b : bookings.GetArray()) {
    for (const auto& t : b["tables"].GetArray()) {
      if (t1 == t["_id"].GetString()) ++on_t1;
    }
  }
  EXPECT_EQ(on_t1, 1);
  EXPECT_EQ(ids_of(bookings), std::vector<std::string>{winner});
}

TEST_F(BookingConcurrencyTest, OverlappingTimesOnOneTableAlsoLetOnlyOneIn) {
  // Start times less than 90 minutes (a pair's duration) apart: all overlap.
  const std::string p5 = table_id("P5");
  const std::vector<std::string> times = {"18:00", "18:15", "18:40", "19:00", "19:15", "19:25"};
  auto outcomes = race(static_cast<int>(times.size()), [&](int i, HttpClient& c) {
    return c.request(
        "POST", "/v1/bookings", headers(),
        booking_body("2026-12-18", times[static_cast<std::size_t>(i)], 2, R"("tables":[")" + p5 + R"("])"));
  });
  int won = 0;
  for (const auto& o : outcomes) {
    ASSERT_TRUE(o.error.empty()) << o.error;
    if (o.reply.status == 200)
      ++won;
    else
      EXPECT_EQ(string_at(o.reply.body, "code"), "table_unavailable") << o.reply.body;
  }
  EXPECT_EQ(won, 1);
  EXPECT_EQ(day("2026-12-18").Size(), 1u);
}

TEST_F(BookingConcurrencyTest, TwentyRetriesWithOneIdempotencyKeyMakeOneBooking) {
  const std::string body = booking_body("2026-12-19", "19:00", 4, R"("comment":"retry storm")");
  auto outcomes = race(20, [&](int, HttpClient& c) {
    return c.request("POST", "/v1/bookings", headers({{"Idempotency-Key", "voice-call-8812"}}), body);
  });
  std::set<std::string> ids;
  int replayed = 0;
  for (const auto& o : outcomes) {
    ASSERT_TRUE(o.error.empty()) << o.error;
    EXPECT_EQ(o.reply.status, 200u) << o.reply.body;
    ids.insert(o.reply.body);
    if (o.reply.header("idempotent-replayed") == "true") ++replayed;
  }
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(replayed, 19);
  auto bookings = day("2026-12-19");
  ASSERT_EQ(bookings.Size(), 1u);
  EXPECT_EQ("\"" + ids_of(bookings)[0] + "\"", *ids.begin());
}

// One key sent at once with bodies for different days (whose writes may run
// side by side): each request answers what it would have answered one after
// the other. The first booking is made; every other body differs from its
// body, so each is idempotency_key_reused (never a conflict or a 500, and
// never the first booking's id for a request that asked for another day).
TEST_F(BookingConcurrencyTest, OneIdempotencyKeyForDifferentDaysMakesOneBookingAndRefusesTheRest) {
  // Days the demo restaurant is open (not Mondays): a closed day's request
  // that ran first would be refused `closed` before any key was recorded.
  const std::vector<std::string> dates = {"2027-01-12", "2027-01-14", "2027-01-16", "2027-01-30",
                                          "2027-01-20", "2027-01-22", "2027-01-26", "2027-01-28"};
  auto outcomes = race(static_cast<int>(dates.size()), [&](int i, HttpClient& c) {
    return c.request("POST", "/v1/bookings", headers({{"Idempotency-Key", "web-form-77"}}),
                     booking_body(dates[static_cast<std::size_t>(i)], "19:00", 2));
  });
  int made = 0;
  std::string made_on;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const auto& o = outcomes[i];
    ASSERT_TRUE(o.error.empty()) << o.error;
    EXPECT_FALSE(o.reply.has("idempotent-replayed")) << o.reply.body;
    if (o.reply.status == 200) {
      ++made;
      made_on = dates[i];
    } else {
      EXPECT_EQ(o.reply.status, 422u) << o.reply.body;
      EXPECT_EQ(string_at(o.reply.body, "code"), "idempotency_key_reused") << o.reply.body;
    }
  }
  EXPECT_EQ(made, 1);
  for (const auto& date : dates) EXPECT_EQ(day(date).Size(), date == made_on ? 1u : 0u) << date;
}

TEST_F(BookingConcurrencyTest, ParallelMovesOntoOneTableLetOnlyOneIn) {
  std::vector<std::string> ids;
  // Twenty unseated guests, squeezed in on purpose (one each: the slot's
  // pacing of 24 covers still lets one of them be seated).
  for (int i = 0; i < 20; ++i) ids.push_back(create(overbooking_body("2026-12-30", "19:00", 1)));
  const std::string t6 = table_id("T6");
  auto outcomes = race(20, [&](int i, HttpClient& c) {
    return c.request("PUT", "/v1/bookings/" + ids[static_cast<std::size_t>(i)], headers(),
                     R"({"tables":[")" + t6 + R"("]})");
  });
  int moved = 0;
  for (const auto& o : outcomes) {
    ASSERT_TRUE(o.error.empty()) << o.error;
    if (o.reply.status == 200) {
      EXPECT_EQ(o.reply.body, "true");
      ++moved;
    } else {
      EXPECT_EQ(o.reply.status, 422u) << o.reply.body;
      EXPECT_EQ(string_at(o.reply.body, "code"), "table_unavailable") << o.reply.body;
    }
  }
  EXPECT_EQ(moved, 1);
  int seated = 0;
  auto bookings = day("2026-12-30");
  for (const auto& b : bookings.GetArray()) seated += b["tables"].Size() > 0 ? 1 : 0;
  EXPECT_EQ(seated, 1);
}

TEST_F(BookingConcurrencyTest, ParallelBookingsOnDifferentTablesAllSucceed) {
  auto tables = parse(call("GET", "/v1/tables").body);
  ASSERT_EQ(tables.Size(), 20u);
  std::vector<std::string> table_ids;
  for (const auto& t : tables.GetArray()) table_ids.emplace_back(t["_id"].GetString());
  auto outcomes = race(20, [&](int i, HttpClient& c) {
    return c.request(
        "POST", "/v1/bookings", headers(),
        // One person each: twenty covers stay inside the slot's pacing (24).
        booking_body("2026-12-22", "19:00", 1, R"("tables":[")" + table_ids[static_cast<std::size_t>(i)] + R"("])"));
  });
  for (const auto& o : outcomes) {
    ASSERT_TRUE(o.error.empty()) << o.error;
    EXPECT_EQ(o.reply.status, 200u) << o.reply.body;
  }
  EXPECT_EQ(day("2026-12-22").Size(), 20u);
}

// 200 parties at one lunch time are far more than the restaurant seats:
// overbooked on purpose, since what is tested is that no write is lost.
TEST_F(BookingConcurrencyTest, NoWriteIsLostWhenManyClientsCreateAtOnce) {
  constexpr int kClients = 10, kEach = 20;
  auto outcomes = race(kClients, [&](int i, HttpClient& c) {
    Reply last;
    for (int k = 0; k < kEach; ++k) {
      last =
          c.request("POST", "/v1/bookings", headers(),
                    overbooking_body("2026-12-23", "12:00", 2, {},
                                     R"({"name":"Client )" + std::to_string(i) + " #" + std::to_string(k) + R"("})"));
      if (last.status != 200) return last;
      // Reads in between, on the same connection.
      last = c.request("GET", "/v1/bookings?fromDateTime=2026-12-23&toDateTime=2026-12-23&limit=10", headers());
      if (last.status != 200) return last;
    }
    return last;
  });
  for (const auto& o : outcomes) {
    ASSERT_TRUE(o.error.empty()) << o.error;
    EXPECT_EQ(o.reply.status, 200u) << o.reply.body;
  }
  std::set<std::string> seen;
  for (int skip = 0; skip < kClients * kEach; skip += 100) {
    Reply r = call("GET",
                   "/v1/bookings?fromDateTime=2026-12-23&toDateTime=2026-12-23&limit=100&skip=" + std::to_string(skip));
    for (const auto& id : ids_of(parse(r.body))) seen.insert(id);
  }
  EXPECT_EQ(seen.size(), static_cast<std::size_t>(kClients * kEach));
}

TEST_F(BookingConcurrencyTest, ConcurrentNotesAndChangesToOneBookingAreAllKept) {
  const std::string id = create(booking_body("2026-12-29", "19:00", 2));
  auto outcomes = race(30, [&](int i, HttpClient& c) {
    if (i % 3 == 2) {
      return c.request("POST", "/v1/bookings/" + id + "/comment", headers(),
                       R"({"text":"Comment )" + std::to_string(i) + R"("})");
    }
    return c.request("POST", "/v1/bookings/" + id + "/restaurantNote", headers(),
                     R"({"text":"Note )" + std::to_string(i) + R"("})");
  });
  std::set<std::string> note_ids;
  for (const auto& o : outcomes) {
    ASSERT_TRUE(o.error.empty()) << o.error;
    EXPECT_EQ(o.reply.status, 200u) << o.reply.body;
    note_ids.insert(o.reply.body);
  }
  EXPECT_EQ(note_ids.size(), 30u);
  auto doc = parse(call("GET", "/v1/bookings/" + id).body);
  EXPECT_EQ(doc["restaurantNotes"].Size(), 20u);
  EXPECT_EQ(doc["comments"].Size(), 10u);
  EXPECT_EQ(parse(call("GET", "/v1/bookings/" + id + "/history").body).Size(), 31u);
}

}  // namespace
}  // namespace maitred::test
