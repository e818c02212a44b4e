// The seating check of booking writes (docs/AVAILABILITY.md, "Booking
// writes"): a POST without tables is given the best free seating or refused
// with the reason, named tables are checked, staff can overbook on purpose,
// and 100 guests racing for the last time get exactly what fits.

#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "api/booking_bodies.hpp"
#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

constexpr const char* kFriday = "2027-01-08";

class SeatingTest : public SetupApiBase {
 protected:
  void SetUp() override {
    SetupApiBase::SetUp();
    if (HasFatalFailure()) return;
    // Five tables for four, two for two that combine into one for four.
    for (int i = 1; i <= 5; ++i) tables_["A" + std::to_string(i)] = table("A" + std::to_string(i), 2, 4);
    tables_["B1"] = table("B1", 1, 2);
    tables_["B2"] = table("B2", 1, 2);
    create("/v1/tableCombinations",
           R"({"tableIds":[")" + tables_["B1"] + R"(",")" + tables_["B2"] + R"("],"seatsMin":3,"seatsMax":4})");
    service_ =
        create("/v1/openingHours", R"({"name":"Dinner","day":5,"open":1800,"close":2200,"seating":{"interval":30}})");
  }

  std::string table(const std::string& name, int seats_min, int seats_max) {
    return create("/v1/tables", R"({"name":")" + name + R"(","seatsMin":)" + std::to_string(seats_min) +
                                    R"(,"seatsMax":)" + std::to_string(seats_max) + "}");
  }

  Reply post(const std::string& body) { return call("POST", "/v1/bookings", body); }

  std::string booked(const std::string& body) {
    Reply r = post(body);
    EXPECT_EQ(r.status, 200u) << body << " -> " << r.body;
    auto doc = parse(r.body);
    return doc.IsString() ? doc.GetString() : std::string{};
  }

  std::vector<std::string> table_names(const std::string& booking_id) {
    auto doc = read("/v1/bookings/" + booking_id);
    std::vector<std::string> out;
    for (const auto& t : doc["tables"].GetArray()) out.emplace_back(t["name"].GetString());
    return out;
  }

  std::map<std::string, std::string> tables_;  // name -> id
  std::string service_;
};

TEST_F(SeatingTest, ABookingWithoutTablesGetsTheBestFreeOne) {
  const std::string two = booked(booking_body(kFriday, "19:00", 2));
  EXPECT_EQ(table_names(two), std::vector<std::string>{"B1"});  // fewest empty seats
  const std::string four = booked(booking_body(kFriday, "19:00", 4));
  EXPECT_EQ(table_names(four), std::vector<std::string>{"A1"});
  // An empty list asks the same.
  const std::string other = booked(booking_body(kFriday, "19:00", 2, R"("tables":[])"));
  EXPECT_EQ(table_names(other), std::vector<std::string>{"B2"});
}

TEST_F(SeatingTest, ARefusalSaysWhy) {
  expect_error(post(booking_body("2027-01-07", "19:00", 2)), 422, "closed", "time");  // a Thursday
  expect_error(post(booking_body(kFriday, "22:00", 2)), 422, "closed", "time");       // closing time
  expect_error(post(booking_body(kFriday, "19:00", 5)), 422, "no_table", "tables");
  expect_error(post(booking_body(kFriday, "19:00", 3, R"("tables":[")" + tables_["B1"] + R"("])")), 422,
               "tables_too_small", "tables");

  expect_true(call("PUT", "/v1/openingHours/" + service_, R"({"maxPeoplePerSlot":6,"maxPeople":10})"));
  booked(booking_body(kFriday, "19:10", 4));
  expect_error(post(booking_body(kFriday, "19:00", 3)), 422, "pacing_full", "time");
  booked(booking_body(kFriday, "19:30", 4));
  expect_error(post(booking_body(kFriday, "21:00", 3)), 422, "service_full", "time");
  // What was refused was not written.
  EXPECT_EQ(read("/v1/bookings?fromDateTime=2027-01-08&toDateTime=2027-01-08").Size(), 2u);
}

TEST_F(SeatingTest, TheWaitlistNeedsNoTable) {
  const std::string waiting = booked(booking_body("2027-01-07", "19:00", 12, R"("status":"waitlist")"));
  EXPECT_TRUE(table_names(waiting).empty());
  // Taking it off the waitlist is a request for a table like any other.
  expect_error(call("PUT", "/v1/bookings/" + waiting, R"({"status":"approved"})"), 422, "closed", "time");
  expect_error(call("PUT", "/v1/bookings/" + waiting, R"({"status":"approved","date":"2027-01-08"})"), 422, "no_table",
               "tables");
  expect_true(call("PUT", "/v1/bookings/" + waiting, R"({"status":"approved","date":"2027-01-08","people":4})"));
  EXPECT_EQ(table_names(waiting), std::vector<std::string>{"A1"});
}

TEST_F(SeatingTest, StaffCanOverbookOnPurposeAndTheHistorySaysSo) {
  const std::string closed_day = booked(overbooking_body("2027-01-07", "19:00", 2));
  EXPECT_TRUE(table_names(closed_day).empty());  // written as given: no table chosen
  const std::string a1 = R"("tables":[")" + tables_["A1"] + R"("])";
  booked(booking_body(kFriday, "19:00", 4, a1));
  expect_error(post(booking_body(kFriday, "19:00", 4, a1)), 422, "table_unavailable", "tables");
  const std::string doubled = booked(overbooking_body(kFriday, "19:00", 4, a1));
  EXPECT_EQ(table_names(doubled), std::vector<std::string>{"A1"});

  auto history = read("/v1/bookings/" + doubled + "/history");
  ASSERT_EQ(history.Size(), 1u);
  EXPECT_EQ(at(history, "0.overbooked"), "true");
  // A booking that needed no override is not marked.
  const std::string fine = booked(overbooking_body(kFriday, "20:00", 2));
  EXPECT_EQ(at(read("/v1/bookings/" + fine + "/history"), "0.overbooked"), "<absent>");
  expect_error(post(booking_body(kFriday, "19:00", 2, R"("allowOverbooking":"yes")")), 422, "invalid_field",
               "allowOverbooking");
}

TEST_F(SeatingTest, AMovedBookingKeepsItsTableWhenFreeElseIsSeatedAfresh) {
  const std::string first = booked(booking_body(kFriday, "18:00", 4));   // A1 until 20:00
  const std::string second = booked(booking_body(kFriday, "20:00", 4));  // A1 from 20:00
  EXPECT_EQ(table_names(second), std::vector<std::string>{"A1"});
  expect_true(call("PUT", "/v1/bookings/" + second, R"({"time":"20:30"})"));
  EXPECT_EQ(table_names(second), std::vector<std::string>{"A1"});
  expect_true(call("PUT", "/v1/bookings/" + second, R"({"time":"19:00"})"));  // A1 is the first's then
  EXPECT_EQ(table_names(second), std::vector<std::string>{"A2"});
  EXPECT_EQ(table_names(first), std::vector<std::string>{"A1"});
  // Growing past its table's seats moves it too, or is refused when nothing fits.
  expect_error(call("PUT", "/v1/bookings/" + second, R"({"people":6})"), 422, "no_table", "tables");
  EXPECT_EQ(at(read("/v1/bookings/" + second), "people"), "4");
}

// 100 guests ask for the last start time of the evening at once. Seven
// tables and one combination can seat a party of four there: the five
// A tables and B1 + B2. Exactly those six bookings are made, no table twice.
TEST_F(SeatingTest, HundredGuestsRaceForTheLastTimeAndExactlyWhatFitsIsBooked) {
  auto times = read(std::string("/v1/bookingFlow/times?date=") + kFriday + "&people=4&onlyBookableOnline=false");
  ASSERT_TRUE(times.IsArray() && times.Size() == 1u) << at(times, "");
  const auto& available = times[0]["availableTimes"];
  ASSERT_GT(available.Size(), 0u);
  const std::string last = available[available.Size() - 1].GetString();

  constexpr int kGuests = 100;
  std::vector<Reply> replies(kGuests);
  std::vector<std::thread> guests;
  for (int i = 0; i < kGuests; ++i) {
    guests.emplace_back([&, i] {
      replies[static_cast<std::size_t>(i)] =
          post(booking_body(kFriday, last, 4, {}, R"({"name":"Guest )" + std::to_string(i) + R"("})"));
    });
  }
  for (auto& g : guests) g.join();

  int accepted = 0;
  for (const auto& r : replies) {
    if (r.status == 200) {
      ++accepted;
    } else {
      EXPECT_EQ(r.status, 422u) << r.body;
      EXPECT_EQ(string_at(r.body, "code"), "no_table") << r.body;
    }
  }
  EXPECT_EQ(accepted, 6);

  // The scan: every booking of the evening, each table at most once.
  auto day = read("/v1/bookings?fromDateTime=2027-01-08&toDateTime=2027-01-08&limit=100");
  EXPECT_EQ(day.Size(), 6u);
  std::map<std::string, int> uses;
  for (const auto& b : day.GetArray()) {
    EXPECT_GT(b["tables"].Size(), 0u);
    for (const auto& t : b["tables"].GetArray()) ++uses[t["_id"].GetString()];
  }
  EXPECT_EQ(uses.size(), 7u);
  for (const auto& [table, count] : uses) EXPECT_EQ(count, 1) << table;
  // And the booking flow agrees that the time is gone.
  auto after = read(std::string("/v1/bookingFlow/times?date=") + kFriday + "&people=4&onlyBookableOnline=false");
  EXPECT_EQ(std::ranges::count_if(after[0]["availableTimes"].GetArray(),
                                  [&](const auto& t) { return last == t.GetString(); }),
            0);
}

}  // namespace
}  // namespace maitred::test
