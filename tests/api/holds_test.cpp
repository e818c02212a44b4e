// Holds: tables kept while a guest fills in the form, end to end.

#include <algorithm>
#include <csignal>
#include <thread>

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class HoldsTest : public SetupApiBase {
 protected:
  void SetUp() override {
    SetupApiBase::SetUp();
    if (HasFatalFailure()) return;
    // One four-seat table, dinner on Fridays; 2027-01-08 is a Friday.
    table_ = create("/v1/tables", R"({"name":"F1","seatsMin":1,"seatsMax":4})");
    create("/v1/openingHours", R"({"name":"Dinner","day":5,"open":1800,"close":2300})");
  }
  Reply hold(const std::string& time = "19:00", int people = 2) {
    return call("POST", "/v1/bookingFlow/holds",
                R"({"date":"2027-01-08","time":")" + time + R"(","people":)" + std::to_string(people) + "}");
  }
  std::string available_at(const std::string& time) {
    auto blocks = read("/v1/bookingFlow/times?date=2027-01-08&people=2");
    for (const auto& t : blocks[0]["availableTimes"].GetArray()) {
      if (time == t.GetString()) return "available";
    }
    for (const auto& u : blocks[0]["unavailableReasons"].GetArray()) {
      if (time == u["time"].GetString()) return u["reason"].GetString();
    }
    return "absent";
  }
  std::string book_from(const std::string& hold_id, int people = 2) {
    return create("/v1/bookings", R"({"date":"2027-01-08","time":"19:00","people":)" + std::to_string(people) +
                                      R"(,"guest":{"name":"Ada"},"holdId":")" + hold_id + R"("})");
  }
  std::string table_;
};

TEST_F(HoldsTest, AHoldTakesTheTableUntilItBecomesABooking) {
  Reply r = hold();
  ASSERT_EQ(r.status, 200u) << r.body;
  auto doc = parse(r.body);
  const std::string id = doc["_id"].GetString();
  EXPECT_EQ(at(doc, "tables.0._id"), q(table_));
  EXPECT_EQ(at(doc, "tables.0.name"), q("F1"));
  EXPECT_TRUE(doc.HasMember("expiresAt"));
  EXPECT_EQ(available_at("19:00"), "no_table");
  EXPECT_EQ(available_at("21:00"), "available");  // after the held 90 minutes
  expect_error(hold(), 422, "no_table", "time");

  const std::string booking = book_from(id);
  EXPECT_EQ(at(read("/v1/bookings/" + booking), "tables.0._id"), q(table_));
  EXPECT_EQ(at(read("/v1/bookings/" + booking), "openingHourName"), q("Dinner"));
  EXPECT_EQ(available_at("19:00"), "no_table") << "the booking holds it now";
  // A hold is used once.
  expect_error(call("POST", "/v1/bookings",
                    R"({"date":"2027-01-08","time":"19:00","people":2,"guest":{"name":"B"},"holdId":")" + id + R"("})"),
               404, "unknown_reference", "holdId");
}

TEST_F(HoldsTest, AReleasedHoldFreesTheTable) {
  const std::string id = parse(hold().body)["_id"].GetString();
  EXPECT_EQ(available_at("19:00"), "no_table");
  expect_true(call("DELETE", "/v1/bookingFlow/holds/" + id));
  EXPECT_EQ(available_at("19:00"), "available");
  EXPECT_EQ(call("DELETE", "/v1/bookingFlow/holds/" + id).status, 404u);
}

TEST_F(HoldsTest, OthersCannotBookAHeldTable) {
  const std::string id = parse(hold().body)["_id"].GetString();
  expect_error(
      call("POST", "/v1/bookings",
           R"({"date":"2027-01-08","time":"19:30","people":2,"guest":{"name":"B"},"tables":[")" + table_ + R"("]})"),
      422, "table_unavailable", "tables");
  EXPECT_FALSE(book_from(id).empty());
}

TEST_F(HoldsTest, TheBookingMustMatchTheHold) {
  const std::string id = parse(hold().body)["_id"].GetString();
  expect_error(call("POST", "/v1/bookings",
                    R"({"date":"2027-01-08","time":"19:00","people":3,"guest":{"name":"B"},"holdId":")" + id + R"("})"),
               422, "invalid_field", "holdId");
  expect_error(call("POST", "/v1/bookings",
                    R"({"date":"2027-01-08","time":"19:00","people":2,"guest":{"name":"B"},"holdId":")" + id +
                        R"(","tables":[")" + table_ + R"("]})"),
               422, "invalid_field", "tables");
  // The hold has the only table: a booking beside it is refused unless
  // squeezed in on purpose.
  expect_error(call("POST", "/v1/bookings", R"({"date":"2027-01-08","time":"19:00","people":2,"guest":{"name":"B"}})"),
               422, "no_table", "tables");
  Reply booking =
      call("POST", "/v1/bookings",
           R"({"date":"2027-01-08","time":"19:00","people":2,"guest":{"name":"B"},"allowOverbooking":true})");
  ASSERT_EQ(booking.status, 200u) << booking.body;
  expect_error(
      call("PUT", "/v1/bookings/" + std::string(parse(booking.body).GetString()), R"({"holdId":")" + id + R"("})"), 422,
      "invalid_field", "holdId");
}

TEST_F(HoldsTest, OnlyOfferedTimesCanBeHeld) {
  expect_error(hold("19:07"), 422, "not_bookable", "time");
  expect_error(hold("23:30"), 422, "not_bookable", "time");
  expect_error(hold("19:00", 5), 422, "no_table", "time");
  expect_error(call("POST", "/v1/bookingFlow/holds", R"({"date":"2027-01-08","time":"1900","people":2})"), 422,
               "invalid_field", "time");
  expect_error(call("POST", "/v1/bookingFlow/holds", R"({"date":"2027-01-08","people":2})"), 422, "missing_field",
               "time");
}

// Restarts the server: one of its own.
class HoldsRestartTest : public HoldsTest {
 protected:
  bool own_server() const override { return true; }
};

TEST_F(HoldsRestartTest, HoldsSurviveARestart) {
  ASSERT_EQ(hold().status, 200u);
  ASSERT_EQ(server().stop(SIGTERM), 0);
  server_ = std::make_unique<ServerProcess>(data(), server_args());
  EXPECT_EQ(available_at("19:00"), "no_table");
}

class HoldsConcurrencyTest : public HoldsTest {};

TEST_F(HoldsConcurrencyTest, TwelveGuestsRaceForTheLastTableAndOneWins) {
  std::vector<unsigned> statuses(12);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] { statuses[i] = hold().status; });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200u), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 422u), 11);
}

}  // namespace
}  // namespace maitred::test
