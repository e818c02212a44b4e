// The booking flow over /v1/bookingFlow: which start times each service
// offers on a date (/times) and which dates are open (/dates), against the
// real server. Every test builds its own setup over the API in an empty
// restaurant; dates are in 2027 (2027-01-08 is a Friday), with no minimum
// notice, so the wall clock does not matter.

#include <date/date.h>

#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "api/setup_fixture.hpp"
#include "support/test_clock.hpp"

namespace maitred::test {
namespace {

using Times = std::vector<std::string>;
// Unavailable times with their reasons, in order.
using Refusals = std::vector<std::pair<std::string, std::string>>;

// A JSON array of strings, compact.
std::string json_strings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out += ",";
    out += q(item);
  }
  return out + "]";
}

// "HH:MM" start times from `first` to `last` (inclusive) every `step` minutes.
Times every(const std::string& first, const std::string& last, int step) {
  auto minutes = [](const std::string& hhmm) { return std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3)); };
  Times out;
  for (int m = minutes(first); m <= minutes(last); m += step) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", m / 60, m % 60);
    out.emplace_back(text);
  }
  return out;
}

// Every time of `times` refused for `reason`.
Refusals all_for(const Times& times, const std::string& reason) {
  Refusals out;
  for (const auto& t : times) out.emplace_back(t, reason);
  return out;
}

class BookingFlowTest : public SetupApiBase {
 protected:
  void SetUp() override {
    SetupApiBase::SetUp();
    if (HasFatalFailure()) return;
    // No minimum notice and a wide window: the 2027 dates are always bookable.
    expect_true(call("PUT", "/v1/restaurant", R"({"bookingRules":{"minNoticeMinutes":0,"maxDaysAhead":730}})"));
  }

  void rules(const std::string& members) {
    expect_true(call("PUT", "/v1/restaurant", R"({"bookingRules":{)" + members + "}}"));
  }

  std::string table(const std::string& name, int seats_min, int seats_max, const std::string& extra = {}) {
    return create("/v1/tables", R"({"name":")" + name + R"(","seatsMin":)" + std::to_string(seats_min) +
                                    R"(,"seatsMax":)" + std::to_string(seats_max) + (extra.empty() ? "" : "," + extra) +
                                    "}");
  }

  // A recurring service on `day` (1 = Monday).
  std::string service(const std::string& name, int day, int open, int close, int interval,
                      const std::string& extra = {}) {
    return create("/v1/openingHours", R"({"name":")" + name + R"(","day":)" + std::to_string(day) + R"(,"open":)" +
                                          std::to_string(open) + R"(,"close":)" + std::to_string(close) +
                                          R"(,"seating":{"interval":)" + std::to_string(interval) + "}" +
                                          (extra.empty() ? "" : "," + extra) + "}");
  }

  // A special open day.
  std::string special(const std::string& name, const std::string& date, int open, int close, int interval) {
    return create("/v1/openingHours", R"({"special":true,"isOpen":true,"name":")" + name + R"(","date":")" + date +
                                          R"(","open":)" + std::to_string(open) + R"(,"close":)" +
                                          std::to_string(close) + R"(,"seating":{"interval":)" +
                                          std::to_string(interval) + "}}");
  }

  std::string closed(const std::string& date, const std::string& to_date = {}) {
    return create("/v1/openingHours", R"({"special":true,"isOpen":false,"date":")" + date + "\"" +
                                          (to_date.empty() ? "" : R"(,"toDate":")" + to_date + "\"") + "}");
  }

  // A booking on `tables` (none: no table), answering its id. It sets the
  // scene, so it is written as given (overbooking on purpose), whatever the
  // seating check would say.
  std::string book(const std::string& date, const std::string& time, int people, const std::vector<std::string>& tables,
                   const std::string& status = "approved", const std::string& extra = {}) {
    return create("/v1/bookings", R"({"date":")" + date + R"(","time":")" + time + R"(","people":)" +
                                      std::to_string(people) + R"(,"guest":{"name":"Ann Hansen"},"status":")" + status +
                                      R"(","tables":)" + json_strings(tables) + R"(,"allowOverbooking":true)" +
                                      (extra.empty() ? "" : "," + extra) + "}");
  }

  rapidjson::Document times(const std::string& query) { return read("/v1/bookingFlow/times?" + query); }
  std::string dates(const std::string& query) { return at(read("/v1/bookingFlow/dates?" + query), ""); }

  // Block `index` of a /times answer offers `available` and refuses `refused`
  // (use as EXPECT_TRUE(times_are(...)) so a failure names the caller's line).
  static ::testing::AssertionResult times_are(const rapidjson::Value& doc, int index, const Times& available,
                                              const Refusals& refused = {}) {
    const std::string block = std::to_string(index) + ".";
    Times unavailable;
    std::string reasons = "[";
    for (const auto& [time, reason] : refused) {
      unavailable.push_back(time);
      if (reasons.size() > 1) reasons += ",";
      reasons += R"({"time":)" + q(time) + R"(,"reason":)" + q(reason) + "}";
    }
    reasons += "]";
    const std::string expected = json_strings(available) + " " + json_strings(unavailable) + " " + reasons;
    const std::string actual = at(doc, block + "availableTimes") + " " + at(doc, block + "unavailableTimes") + " " +
                               at(doc, block + "unavailableReasons");
    if (expected == actual) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "block " << index << "\n  expected: " << expected
                                         << "\n  actual:   " << actual << "\n  answer:   " << at(doc, "");
  }

  // A second restaurant with a key of its own.
  std::string other_restaurant_key() {
    auto made = run_maitred(
        {"restaurant", "create", "--name", "Other", "--timezone", "Europe/Copenhagen", "--data", data().string()});
    EXPECT_EQ(made.exit_code, 0) << made.err;
    auto made_key =
        run_maitred({"key", "create", "--restaurant", string_at(made.out, "_id"), "--data", data().string()});
    EXPECT_EQ(made_key.exit_code, 0) << made_key.err;
    return made_key.last_line();
  }
};

constexpr const char* kFriday = "2027-01-08";

// ---------------------------------------------------------------- /times

TEST_F(BookingFlowTest, WeekdayWithLunchAndDinnerGivesOneBlockPerService) {
  table("T1", 2, 4);
  const std::string lunch = service("Lunch", 5, 1200, 1500, 30);
  const std::string dinner = service("Dinner", 5, 1800, 2200, 60, R"("note":"Last orders 21:00")");
  service("Thursday dinner", 4, 1700, 2300, 15);

  auto doc = times("date=2027-01-08&people=2");
  ASSERT_TRUE(doc.IsArray()) << at(doc, "");
  ASSERT_EQ(doc.Size(), 2u) << at(doc, "");
  // 2 people sit 90 minutes: the last start lets them leave by close.
  EXPECT_EQ(
      at(doc, "0"),
      R"({"_id":)" + q(lunch) +
          R"(,"name":"Lunch","note":"","availableTimes":["12:00","12:30","13:00","13:30"],"unavailableTimes":[],"unavailableReasons":[],"activeCustomFields":[]})");
  EXPECT_EQ(
      at(doc, "1"),
      R"({"_id":)" + q(dinner) +
          R"(,"name":"Dinner","note":"Last orders 21:00","availableTimes":["18:00","19:00","20:00"],"unavailableTimes":[],"unavailableReasons":[],"activeCustomFields":[]})");
  // The next Friday is the same; Thursday has its own service only.
  EXPECT_EQ(ids_of(times("date=2027-01-15&people=2")), (std::vector<std::string>{lunch, dinner}));
  auto thursday = times("date=2027-01-07&people=2");
  ASSERT_EQ(thursday.Size(), 1u) << at(thursday, "");
  EXPECT_EQ(at(thursday, "0.name"), q("Thursday dinner"));
}

TEST_F(BookingFlowTest, LastStartLetsTheBookingEndByClose) {
  table("Big", 1, 12);
  service("Dinner", 5, 1700, 2000, 15);
  // Default durations: 1-2 people 90 minutes, 3-4 120, 5-8 150, 9+ 180.
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, every("17:00", "18:30", 15)));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=4"), 0, every("17:00", "18:00", 15)));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=6"), 0, every("17:00", "17:30", 15)));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=10&onlyBookableOnline=false"), 0, {"17:00"}));

  // The restaurant's duration rules decide; a party whose stay is longer
  // than the service still gets the block, with no times.
  rules(R"("durations":[{"minPeople":1,"maxPeople":2,"minutes":60}],"defaultDuration":200)");
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, every("17:00", "19:00", 15)));
  auto longer = times("date=2027-01-08&people=3");
  ASSERT_EQ(longer.Size(), 1u) << at(longer, "");
  EXPECT_TRUE(times_are(longer, 0, {}));
}

TEST_F(BookingFlowTest, FridayServicePastMidnightOffersItsLateStartsOnSaturday) {
  const std::string t1 = table("T1", 2, 4);
  const std::string late = service("Late", 5, 2200, 200, 30);
  const std::string saturday = service("Saturday dinner", 6, 1800, 2000, 60);

  auto friday = times("date=2027-01-08&people=2");
  ASSERT_EQ(ids_of(friday), std::vector<std::string>{late});
  EXPECT_TRUE(times_are(friday, 0, {"22:00", "22:30", "23:00", "23:30"}));

  // Saturday: the Friday service's starts after midnight (00:30 + 90 minutes
  // ends at close), then Saturday's own service.
  auto sat = times("date=2027-01-09&people=2");
  ASSERT_EQ(ids_of(sat), (std::vector<std::string>{late, saturday})) << at(sat, "");
  EXPECT_EQ(at(sat, "0.name"), q("Late"));
  EXPECT_TRUE(times_are(sat, 0, {"00:00", "00:30"}));
  EXPECT_TRUE(times_are(sat, 1, {"18:00"}));
  EXPECT_EQ(ids_of(times("date=2027-01-09&people=2&openingHourId=" + saturday)), std::vector<std::string>{saturday});
  EXPECT_EQ(ids_of(times("date=2027-01-09&people=2&openingHourId=" + late)), std::vector<std::string>{late});

  // Saturday's service ends before midnight: nothing spills into Sunday.
  EXPECT_EQ(at(times("date=2027-01-10&people=2"), ""), "[]");
  EXPECT_EQ(at(times("date=2027-01-07&people=2"), ""), "[]");

  // A booking just after midnight takes the table from the Friday starts
  // that overlap it, across the date change.
  book("2027-01-09", "00:00", 2, {t1});
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {"22:00", "22:30"},
                        {{"23:00", "no_table"}, {"23:30", "no_table"}}));
  EXPECT_TRUE(times_are(times("date=2027-01-09&people=2"), 0, {}, {{"00:00", "no_table"}, {"00:30", "no_table"}}));
}

TEST_F(BookingFlowTest, ClosedWeekdayAndSpecialClosedDayAreEmpty) {
  table("T1", 2, 4);
  const std::string dinner = service("Dinner", 5, 1800, 2000, 60);
  const std::string christmas = closed("2027-01-15");

  EXPECT_EQ(at(times("date=2027-01-07&people=2"), ""), "[]") << "no service on Thursdays";
  EXPECT_EQ(at(times("date=2027-01-15&people=2"), ""), "[]") << "closed that Friday";
  EXPECT_EQ(ids_of(times("date=2027-01-08&people=2")), std::vector<std::string>{dinner});
  EXPECT_EQ(ids_of(times("date=2027-01-22&people=2")), std::vector<std::string>{dinner});

  // A deleted special no longer closes the day.
  expect_true(call("DELETE", "/v1/openingHours/" + christmas));
  auto reopened = times("date=2027-01-15&people=2");
  EXPECT_EQ(ids_of(reopened), std::vector<std::string>{dinner});
  EXPECT_TRUE(times_are(reopened, 0, {"18:00"}));
}

TEST_F(BookingFlowTest, SpecialOpenDayReplacesTheRecurringServices) {
  table("T1", 2, 4);
  const std::string lunch = service("Lunch", 5, 1200, 1500, 30);
  const std::string dinner = service("Dinner", 5, 1800, 2200, 60);
  const std::string gala = special("Gala", "2027-01-15", 1900, 2300, 60);
  const std::string popup = special("Pop-up", "2027-01-11", 1200, 1400, 30);

  auto gala_day = times("date=2027-01-15&people=2");
  ASSERT_EQ(ids_of(gala_day), std::vector<std::string>{gala}) << at(gala_day, "");
  EXPECT_EQ(at(gala_day, "0.name"), q("Gala"));
  EXPECT_TRUE(times_are(gala_day, 0, {"19:00", "20:00", "21:00"}));
  EXPECT_EQ(ids_of(times("date=2027-01-22&people=2")), (std::vector<std::string>{lunch, dinner}));

  // A special day opens a weekday that is normally closed.
  auto monday = times("date=2027-01-11&people=2");
  ASSERT_EQ(ids_of(monday), std::vector<std::string>{popup});
  EXPECT_TRUE(times_are(monday, 0, {"12:00", "12:30"}));
  EXPECT_EQ(at(times("date=2027-01-18&people=2"), ""), "[]");

  // Two specials on one date are both services of that day.
  const std::string late = special("Late gala", "2027-01-15", 2300, 100, 30);
  EXPECT_EQ(ids_of(times("date=2027-01-15&people=2")), (std::vector<std::string>{gala, late}));

  // A special running past midnight (New Year's Eve, a Friday) gives its late
  // starts to the next date.
  const std::string nye = special("New Year's Eve", "2027-12-31", 1900, 200, 60);
  auto eve = times("date=2027-12-31&people=2");
  ASSERT_EQ(ids_of(eve), std::vector<std::string>{nye});
  EXPECT_TRUE(times_are(eve, 0, {"19:00", "20:00", "21:00", "22:00", "23:00"}));
  auto new_year = times("date=2028-01-01&people=2");
  ASSERT_EQ(ids_of(new_year), std::vector<std::string>{nye});
  EXPECT_TRUE(times_are(new_year, 0, {"00:00"}));
}

TEST_F(BookingFlowTest, ClosureRangeClosesEveryDayInIt) {
  table("T1", 2, 4);
  for (int day = 1; day <= 7; ++day) service("Dinner", day, 1800, 2000, 60);
  closed("2027-01-10", "2027-01-14");
  // A special open day inside the closure does not reopen it.
  special("Private party", "2027-01-12", 1800, 2000, 60);

  EXPECT_EQ(times("date=2027-01-09&people=2").Size(), 1u);
  for (const char* day : {"2027-01-10", "2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14"}) {
    EXPECT_EQ(at(times(std::string("date=") + day + "&people=2"), ""), "[]") << day;
  }
  auto after = times("date=2027-01-15&people=2");
  ASSERT_EQ(after.Size(), 1u);
  EXPECT_TRUE(times_are(after, 0, {"18:00"}));
}

TEST_F(BookingFlowTest, TimeIsUnavailableWithNoTableWhenEveryFittingTableIsBooked) {
  const std::string t1 = table("T1", 2, 4);
  const std::string t2 = table("T2", 2, 2);
  table("Big", 6, 8);  // free, but too large for two
  service("Dinner", 5, 1700, 2200, 30);
  const Times all = every("17:00", "20:30", 30);

  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, all));
  book(kFriday, "18:00", 2, {t1});
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, all));  // T2 is still free

  // Both fitting tables are taken 18:00-19:30: every start whose 90 minutes
  // overlap that is refused; from 19:30 the tables are free again.
  book(kFriday, "18:00", 2, {t2});
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {"19:30", "20:00", "20:30"},
                        all_for(every("17:00", "19:00", 30), "no_table")));
  // The large table still takes a party of six (150 minutes).
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=6"), 0, every("17:00", "19:30", 30)));
  // Other days are untouched.
  EXPECT_TRUE(times_are(times("date=2027-01-15&people=2"), 0, all));
}

TEST_F(BookingFlowTest, TableComesBackAfterTheBookingsDurationAndTurnoverBuffer) {
  const std::string t1 = table("T1", 2, 4);
  service("Dinner", 5, 1700, 2200, 30);

  // A one-hour booking holds T1 18:00-19:00.
  book(kFriday, "18:00", 2, {t1}, "approved", R"("duration":60)");
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, every("19:00", "20:30", 30),
                        all_for(every("17:00", "18:30", 30), "no_table")));

  // With a 30 minute turn-over buffer the table is held until 19:30, and a
  // new party needs its 90 minutes plus the buffer before 18:00.
  rules(R"("turnoverBuffer":30)");
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, every("19:30", "20:30", 30),
                        all_for(every("17:00", "19:00", 30), "no_table")));
}

TEST_F(BookingFlowTest, CanceledWaitlistAndOtherInactiveBookingsFreeTheTable) {
  const std::string t1 = table("T1", 2, 4);
  service("Dinner", 5, 1800, 2000, 60);

  for (const char* status : {"waitlist", "declined", "no_show", "canceled", "left"}) {
    book(kFriday, "18:00", 2, {t1}, status);
    SCOPED_TRACE(status);
    EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {"18:00"}));
  }
  const std::string approved = book(kFriday, "18:00", 2, {t1}, "approved");
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {}, {{"18:00", "no_table"}}));
  expect_true(call("PUT", "/v1/bookings/" + approved, R"({"status":"canceled"})"));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {"18:00"}));

  // A request (the default status) holds its table too.
  const std::string request = book(kFriday, "18:00", 2, {t1}, "request");
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {}, {{"18:00", "no_table"}}));
  expect_true(call("PUT", "/v1/bookings/" + request, R"({"status":"declined"})"));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {"18:00"}));
}

TEST_F(BookingFlowTest, PacingFullWhenTheSlotsCoversReachMaxPeoplePerSlot) {
  for (const char* name : {"T1", "T2", "T3"}) table(name, 1, 4);
  service("Dinner", 5, 1800, 2100, 30, R"("maxPeoplePerSlot":6)");

  // The 18:00 slot (18:00-18:29) has 6 covers; 18:30 has 4. Bookings that
  // hold nothing do not count.
  book(kFriday, "18:00", 4, {});
  book(kFriday, "18:15", 2, {}, "request");
  book(kFriday, "18:30", 4, {});
  book(kFriday, "18:00", 6, {}, "waitlist");
  const std::string gone = book(kFriday, "19:00", 6, {});
  expect_true(call("PUT", "/v1/bookings/" + gone, R"({"status":"canceled"})"));

  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {"18:30", "19:00", "19:30"}, {{"18:00", "pacing_full"}}));
  // Three more at 18:30 would make 7 (120 minutes: last start 19:00).
  EXPECT_TRUE(
      times_are(times("date=2027-01-08&people=3"), 0, {"19:00"}, {{"18:00", "pacing_full"}, {"18:30", "pacing_full"}}));
  // Six fit exactly into an empty slot.
  EXPECT_TRUE(times_are(times("date=2027-01-15&people=1"), 0, every("18:00", "19:30", 30)));
}

TEST_F(BookingFlowTest, ServiceFullWhenTheServicesCoversReachMaxPeople) {
  for (const char* name : {"T1", "T2"}) table(name, 1, 4);
  service("Lunch", 5, 1200, 1500, 60);
  service("Dinner", 5, 1800, 2200, 60, R"("maxPeople":10)");

  book(kFriday, "18:00", 4, {});
  book(kFriday, "20:00", 4, {});
  book(kFriday, "12:00", 6, {});              // lunch
  book(kFriday, "19:00", 8, {}, "waitlist");  // holds nothing
  book("2027-01-09", "18:00", 8, {});         // another day

  auto two = times("date=2027-01-08&people=2");
  EXPECT_TRUE(times_are(two, 1, {"18:00", "19:00", "20:00"}));  // 8 + 2 covers fit
  auto three = times("date=2027-01-08&people=3");
  EXPECT_TRUE(times_are(three, 0, {"12:00", "13:00"}));  // lunch has no limit
  EXPECT_TRUE(times_are(three, 1, {}, all_for({"18:00", "19:00", "20:00"}, "service_full")));
}

TEST_F(BookingFlowTest, PartyTooLargeOnlineButAllowedForStaff) {
  rules(R"("maxOnlinePartySize":6)");
  table("Big", 1, 12);
  service("Dinner", 5, 1800, 2200, 60);

  EXPECT_TRUE(times_are(times("date=2027-01-08&people=6"), 0, {"18:00", "19:00"}));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=7"), 0, {}, all_for({"18:00", "19:00"}, "party_too_large")));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=8&onlyBookableOnline=true"), 0, {},
                        all_for({"18:00", "19:00"}, "party_too_large")));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=8&onlyBookableOnline=false"), 0, {"18:00", "19:00"}));
}

TEST_F(BookingFlowTest, TableNotBookableOnlineIsOnlyForStaff) {
  table("Staff only", 2, 4, R"("bookableOnline":false)");
  service("Dinner", 5, 1800, 2000, 30);

  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {}, all_for({"18:00", "18:30"}, "no_table")));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2&onlyBookableOnline=true"), 0, {},
                        all_for({"18:00", "18:30"}, "no_table")));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2&onlyBookableOnline=false"), 0, {"18:00", "18:30"}));
}

TEST_F(BookingFlowTest, CombinationsSeatPartiesNoSingleTableFits) {
  const std::string t1 = table("T1", 2, 4);
  const std::string t2 = table("T2", 2, 4);
  service("Dinner", 5, 1800, 2200, 60);

  // Six people sit 150 minutes: 18:00 and 19:00.
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=6"), 0, {}, all_for({"18:00", "19:00"}, "no_table")));
  create("/v1/tableCombinations", R"({"tableIds":[)" + q(t1) + "," + q(t2) + R"(],"seatsMin":5,"seatsMax":8})");
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=6"), 0, {"18:00", "19:00"}));
  // More than the combination seats.
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=9&onlyBookableOnline=false"), 0, {},
                        all_for({"18:00", "19:00"}, "no_table")));

  // One of its tables booked 18:00-19:30: the combination is gone for both
  // starts, while a party of four still gets T2.
  book(kFriday, "18:00", 2, {t1});
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=6"), 0, {}, all_for({"18:00", "19:00"}, "no_table")));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=4"), 0, {"18:00", "19:00", "20:00"}));

  // A combination not bookable online serves staff only.
  const std::string t3 = table("T3", 2, 4);
  const std::string t4 = table("T4", 2, 4);
  create("/v1/tableCombinations",
         R"({"tableIds":[)" + q(t3) + "," + q(t4) + R"(],"seatsMin":5,"seatsMax":8,"bookableOnline":false})");
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=6"), 0, {}, all_for({"18:00", "19:00"}, "no_table")));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=6&onlyBookableOnline=false"), 0, {"18:00", "19:00"}));
}

TEST_F(BookingFlowTest, OpeningHourIdLimitsTheAnswerToOneService) {
  table("T1", 2, 4);
  const std::string lunch = service("Lunch", 5, 1200, 1500, 30);
  const std::string dinner = service("Dinner", 5, 1800, 2200, 60);
  const std::string thursday = service("Thursday dinner", 4, 1800, 2200, 60);

  auto only_dinner = times("date=2027-01-08&people=2&openingHourId=" + dinner);
  ASSERT_EQ(ids_of(only_dinner), std::vector<std::string>{dinner});
  EXPECT_TRUE(times_are(only_dinner, 0, {"18:00", "19:00", "20:00"}));
  EXPECT_EQ(ids_of(times("date=2027-01-08&people=2&openingHourId=" + lunch)), std::vector<std::string>{lunch});
  EXPECT_EQ(at(times("date=2027-01-08&people=2&openingHourId=" + thursday), ""), "[]")
      << "that service does not run on Fridays";
}

TEST_F(BookingFlowTest, AreaIdAndTheServicesAreasLimitTheTables) {
  const std::string inside = create("/v1/areas", R"({"name":"Inside"})");
  const std::string terrace = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string t1 = table("T1", 2, 4, R"("areaId":)" + q(inside));
  const std::string t2 = table("T2", 2, 4, R"("areaId":)" + q(terrace));
  service("Lunch", 5, 1200, 1400, 60, R"("areaIds":[)" + q(terrace) + "]");
  service("Dinner", 5, 1800, 2000, 60);

  book(kFriday, "18:00", 2, {t1});
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 1, {"18:00"}));  // T2 is free
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2&areaId=" + inside), 1, {}, {{"18:00", "no_table"}}));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2&areaId=" + terrace), 1, {"18:00"}));

  // Lunch uses the terrace only: with T2 taken, the free T1 inside does not count.
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {"12:00"}));
  book(kFriday, "12:00", 2, {t2});
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2"), 0, {}, {{"12:00", "no_table"}}));
  EXPECT_TRUE(times_are(times("date=2027-01-08&people=2&areaId=" + inside), 0, {}, {{"12:00", "no_table"}}));
}

TEST_F(BookingFlowTest, ActiveCustomFieldsAreThoseThatApplyToTheService) {
  table("T1", 2, 4);
  const std::string lunch = service("Lunch", 5, 1200, 1500, 30);
  const std::string dinner = service("Dinner", 5, 1800, 2200, 60);
  const std::string menu =
      create("/v1/customFields",
             R"({"name":"menu","sortIndex":1,"defaultOnAllOpeningHours":false,"openingHourIds":[)" + q(dinner) + "]}");
  const std::string allergies = create("/v1/customFields", R"({"name":"allergies","sortIndex":2})");
  create("/v1/customFields", R"({"name":"nowhere","defaultOnAllOpeningHours":false,"openingHourIds":[]})");

  auto doc = times("date=2027-01-08&people=2");
  EXPECT_EQ(ids_of(doc[0]["activeCustomFields"]), std::vector<std::string>{allergies});
  EXPECT_EQ(ids_of(doc[1]["activeCustomFields"]), (std::vector<std::string>{menu, allergies}));
  // The full definitions, as /v1/customFields has them.
  EXPECT_EQ(at(doc, "1.activeCustomFields.0"), at(read("/v1/customFields/" + menu), ""));
  EXPECT_EQ(at(doc, "0.activeCustomFields.0"), at(read("/v1/customFields/" + allergies), ""));
}

TEST_F(BookingFlowTest, ActiveCustomFieldsFollowTheSortIndex) {
  table("T1", 2, 4);
  service("Dinner", 5, 1800, 2200, 60);
  const std::string second = create("/v1/customFields", R"({"name":"occasion","sortIndex":5})");
  const std::string first = create("/v1/customFields", R"({"name":"allergies","sortIndex":1})");
  ASSERT_EQ(ids_of(read("/v1/customFields")), (std::vector<std::string>{first, second}));
  // Created out of order: the block lists them as GET /v1/customFields does.
  EXPECT_EQ(ids_of(times("date=2027-01-08&people=2")[0]["activeCustomFields"]),
            (std::vector<std::string>{first, second}));
}

TEST_F(BookingFlowTest, ActiveCustomFieldsAreThoseABookingIsAsked) {
  // One rule (domain/custom_field_rules.hpp) for the list and for a booking's
  // required answers: a field outside the booking flow (only the waitlist's
  // or the online page's, or no flow) is neither listed nor required.
  table("T1", 2, 4);
  service("Dinner", 5, 1800, 2200, 60);
  const std::string allergies =
      create("/v1/customFields", R"({"name":"allergies","sortIndex":1,"activeFlows":["booking"]})");
  const std::string occasion =
      create("/v1/customFields", R"({"name":"occasion","sortIndex":2,"activeFlows":["online","booking"]})");
  create("/v1/customFields", R"({"name":"queue","sortIndex":3,"isRequired":true,"activeFlows":["waitlist"]})");
  create("/v1/customFields", R"({"name":"web","sortIndex":4,"isRequired":true,"activeFlows":["online"]})");
  create("/v1/customFields", R"({"name":"unused","sortIndex":5,"isRequired":true,"activeFlows":[]})");

  EXPECT_EQ(ids_of(times("date=2027-01-08&people=2")[0]["activeCustomFields"]),
            (std::vector<std::string>{allergies, occasion}));
  const std::string body = R"({"date":"2027-01-08","time":"19:00","people":2,"guest":{"name":"Ann Hansen"}})";
  create("/v1/bookings", body);  // none of the required fields is asked

  const std::string party =
      create("/v1/customFields", R"({"name":"party","sortIndex":6,"isRequired":true,"activeFlows":["booking"]})");
  EXPECT_EQ(ids_of(times("date=2027-01-08&people=2")[0]["activeCustomFields"]),
            (std::vector<std::string>{allergies, occasion, party}));
  expect_error(call("POST", "/v1/bookings", body), 422, "missing_field", "customFields");
}

TEST_F(BookingFlowTest, TooSoonAndTooFarAhead) {
  table("T1", 2, 4);
  service("Dinner", 5, 1800, 2000, 60);
  // A Friday in the past: every start is inside the (zero) notice.
  EXPECT_TRUE(times_are(times("date=2026-01-09&people=2"), 0, {}, {{"18:00", "too_soon"}}));
  // More than 730 days ahead.
  EXPECT_TRUE(times_are(times("date=2037-01-09&people=2"), 0, {}, {{"18:00", "too_far_ahead"}}));
  EXPECT_EQ(dates("fromDate=2037-01-01&toDate=2037-01-31&people=2"), "[]");
}

TEST_F(BookingFlowTest, StaffTimesIgnoreTheOnlineBookingWindow) {
  table("T1", 2, 4);
  for (int day = 1; day <= 7; ++day) service("Dinner", day, 1800, 2000, 60);
  // Staff (onlyBookableOnline=false) use times hidden from the public: past
  // maxDaysAhead, and inside minNoticeMinutes.
  EXPECT_TRUE(times_are(times("date=2037-01-09&people=2"), 0, {}, {{"18:00", "too_far_ahead"}}));
  EXPECT_TRUE(times_are(times("date=2037-01-09&people=2&onlyBookableOnline=false"), 0, {"18:00"}));

  // Three days from now with a 30 day notice: too soon online, fine for staff.
  rules(R"("minNoticeMinutes":43200)");
  const auto soon = date::floor<date::days>(test_now()) + date::days{3};
  const std::string day = date::format("%F", soon);
  EXPECT_TRUE(times_are(times("date=" + day + "&people=2"), 0, {}, {{"18:00", "too_soon"}}));
  EXPECT_TRUE(times_are(times("date=" + day + "&people=2&onlyBookableOnline=false"), 0, {"18:00"}));
}

TEST_F(BookingFlowTest, LocalTimesAcrossDaylightSavingChanges) {
  table("T1", 2, 4);
  service("Night", 7, 100, 400, 30);
  EXPECT_TRUE(times_are(times("date=2027-01-10&people=2"), 0, {"01:00", "01:30", "02:00", "02:30"}));
  // 2027-03-28: 02:00 jumps to 03:00, those wall clock times do not exist.
  EXPECT_TRUE(times_are(times("date=2027-03-28&people=2"), 0, {"01:00", "01:30"}));
  // 2027-10-31: 02:00-02:59 happens twice, offered once.
  EXPECT_TRUE(times_are(times("date=2027-10-31&people=2"), 0, {"01:00", "01:30", "02:00", "02:30"}));
}

TEST_F(BookingFlowTest, TimesParametersAreChecked) {
  table("T1", 2, 4);
  service("Dinner", 5, 1800, 2000, 60);
  const std::string base = "/v1/bookingFlow/times?";
  expect_error(call("GET", base + "people=2"), 422, "missing_parameter", "date");
  expect_error(call("GET", base + "date=&people=2"), 422, "missing_parameter", "date");
  for (const char* bad : {"2027-13-01", "2027-02-29", "08-01-2027", "2027-1-8", "tomorrow", "2038-01-01"}) {
    SCOPED_TRACE(bad);
    expect_error(call("GET", base + "date=" + bad + "&people=2"), 422, "invalid_parameter", "date");
  }
  expect_error(call("GET", base + "date=2027-01-08"), 422, "missing_parameter", "people");
  for (const char* bad : {"0", "-1", "1001", "two", "2.5", ""}) {
    SCOPED_TRACE(bad);
    expect_error(call("GET", base + "date=2027-01-08&people=" + bad), 422, "invalid_parameter", "people");
  }
  expect_error(call("GET", base + "date=2027-01-08&people=2&onlyBookableOnline=maybe"), 422, "invalid_parameter",
               "onlyBookableOnline");
  // The limits themselves are fine.
  EXPECT_EQ(call("GET", base + "date=2027-01-08&people=1").status, 200u);
  EXPECT_EQ(call("GET", base + "date=2027-01-08&people=1000&onlyBookableOnline=false").status, 200u);
  EXPECT_EQ(call("GET", base + "date=2037-12-31&people=2").status, 200u);
  // Without a key: 401.
  auto c = client();
  EXPECT_EQ(c.request("GET", base + "date=2027-01-08&people=2", {}).status, 401u);
}

// ---------------------------------------------------------------- /dates

TEST_F(BookingFlowTest, DatesWithoutPeopleAreTheOpenDays) {
  service("Friday dinner", 5, 1800, 2000, 60);
  service("Saturday dinner", 6, 1800, 2000, 60);
  special("Pop-up", "2027-01-11", 1200, 1400, 30);  // a Monday
  closed("2027-01-15");                             // a Friday
  closed("2027-01-20", "2027-01-23");               // Wednesday to Saturday

  EXPECT_EQ(dates("fromDate=2027-01-04&toDate=2027-01-31"),
            json_strings({"2027-01-08", "2027-01-09", "2027-01-11", "2027-01-16", "2027-01-29", "2027-01-30"}));
  EXPECT_EQ(dates("fromDate=2027-01-08&toDate=2027-01-08"), json_strings({"2027-01-08"})) << "toDate is inclusive";
  EXPECT_EQ(dates("fromDate=2027-01-07&toDate=2027-01-07"), "[]");
  EXPECT_EQ(dates("fromDate=2027-01-15&toDate=2027-01-15"), "[]");

  // 92 days, the widest range: 14 Fridays and 13 Saturdays, less three
  // closed days, plus the pop-up Monday.
  auto quarter = read("/v1/bookingFlow/dates?fromDate=2027-01-01&toDate=2027-04-02");
  ASSERT_TRUE(quarter.IsArray());
  EXPECT_EQ(quarter.Size(), 25u) << at(quarter, "");
  EXPECT_EQ(at(quarter, "0"), q("2027-01-01"));
  EXPECT_EQ(at(quarter, "24"), q("2027-04-02"));
}

TEST_F(BookingFlowTest, DatesWithPeopleAreThoseWithABookableTime) {
  const std::string t1 = table("T1", 2, 4);
  table("Staff", 5, 8, R"("bookableOnline":false)");
  service("Dinner", 5, 1800, 2000, 60);  // 2 people: 18:00 only
  const std::string range = "fromDate=2027-01-04&toDate=2027-01-24";
  const std::string fridays = json_strings({"2027-01-08", "2027-01-15", "2027-01-22"});

  EXPECT_EQ(dates(range), fridays);
  EXPECT_EQ(dates(range + "&people=2"), fridays);
  // The only table is booked at the only time: that Friday drops out for a
  // party, but the restaurant is still open.
  book("2027-01-15", "18:00", 2, {t1});
  EXPECT_EQ(dates(range + "&people=2"), json_strings({"2027-01-08", "2027-01-22"}));
  EXPECT_EQ(dates(range), fridays);
  // No table online for six (the large one is staff only), nine is above the
  // online party size.
  EXPECT_EQ(dates(range + "&people=6"), "[]");
  EXPECT_EQ(dates(range + "&people=9"), "[]");
  closed("2027-01-22");
  EXPECT_EQ(dates(range + "&people=2"), json_strings({"2027-01-08"}));
  EXPECT_EQ(dates(range), json_strings({"2027-01-08", "2027-01-15"}));
}

TEST_F(BookingFlowTest, DatesAgreeWithTimesAboutAServicePastMidnight) {
  table("T1", 2, 4);
  service("Late", 5, 2200, 200, 30);
  // Saturday has bookable starts (00:00, 00:30) from the Friday service.
  EXPECT_TRUE(times_are(times("date=2027-01-09&people=2"), 0, {"00:00", "00:30"}));
  EXPECT_EQ(dates("fromDate=2027-01-08&toDate=2027-01-10&people=2"), json_strings({"2027-01-08", "2027-01-09"}));
  // Without people too: Saturday is a date with starts.
  EXPECT_EQ(dates("fromDate=2027-01-08&toDate=2027-01-10"), json_strings({"2027-01-08", "2027-01-09"}));
}

TEST_F(BookingFlowTest, DatesParametersAreChecked) {
  const std::string base = "/v1/bookingFlow/dates?";
  expect_error(call("GET", base + "toDate=2027-01-31"), 422, "missing_parameter", "fromDate");
  expect_error(call("GET", base + "fromDate=2027-01-01"), 422, "missing_parameter", "toDate");
  expect_error(call("GET", base + "fromDate=2027-01-32&toDate=2027-02-01"), 422, "invalid_parameter", "fromDate");
  expect_error(call("GET", base + "fromDate=2027-01-01&toDate=31-01-2027"), 422, "invalid_parameter", "toDate");
  expect_error(call("GET", base + "fromDate=2027-01-10&toDate=2027-01-09"), 422, "invalid_parameter", "toDate");
  // 93 days is one too many; 92 is fine.
  expect_error(call("GET", base + "fromDate=2027-01-01&toDate=2027-04-03"), 422, "invalid_parameter", "toDate");
  EXPECT_EQ(call("GET", base + "fromDate=2027-01-01&toDate=2027-04-02").status, 200u);
  for (const char* bad : {"0", "1001", "x", ""}) {
    SCOPED_TRACE(bad);
    expect_error(call("GET", base + "fromDate=2027-01-01&toDate=2027-01-31&people=" + bad), 422, "invalid_parameter",
                 "people");
  }
}

// ---------------------------------------------------------------- tenants

TEST_F(BookingFlowTest, EachRestaurantSeesItsOwnSetupAndBookings) {
  const std::string t1 = table("T1", 2, 4);
  const std::string dinner = service("Dinner", 5, 1800, 2000, 60);
  const std::string other = other_restaurant_key();
  ASSERT_FALSE(other.empty());

  // The other restaurant starts empty: closed every day.
  auto other_times = call_as(other, "GET", "/v1/bookingFlow/times?date=2027-01-08&people=2");
  ASSERT_EQ(other_times.status, 200u) << other_times.body;
  EXPECT_EQ(other_times.body, "[]");
  auto other_dates = call_as(other, "GET", "/v1/bookingFlow/dates?fromDate=2027-01-01&toDate=2027-01-31");
  EXPECT_EQ(other_dates.body, "[]");

  // The same setup there; a booking here does not fill its table.
  auto other_table = call_as(other, "POST", "/v1/tables", R"({"name":"T1","seatsMin":2,"seatsMax":4})");
  ASSERT_EQ(other_table.status, 200u) << other_table.body;
  auto made = call_as(other, "POST", "/v1/openingHours",
                      R"({"name":"Dinner","day":5,"open":1800,"close":2000,"seating":{"interval":60}})");
  ASSERT_EQ(made.status, 200u) << made.body;
  const std::string other_dinner = parse(made.body).GetString();
  book(kFriday, "18:00", 2, {t1});

  auto mine = times("date=2027-01-08&people=2");
  ASSERT_EQ(ids_of(mine), std::vector<std::string>{dinner});
  EXPECT_TRUE(times_are(mine, 0, {}, {{"18:00", "no_table"}}));
  auto theirs = parse(call_as(other, "GET", "/v1/bookingFlow/times?date=2027-01-08&people=2").body);
  ASSERT_EQ(ids_of(theirs), std::vector<std::string>{other_dinner});
  EXPECT_TRUE(times_are(theirs, 0, {"18:00"}));
  EXPECT_EQ(dates("fromDate=2027-01-08&toDate=2027-01-08&people=2"), "[]");
  EXPECT_EQ(call_as(other, "GET", "/v1/bookingFlow/dates?fromDate=2027-01-08&toDate=2027-01-08&people=2").body,
            json_strings({"2027-01-08"}));

  // Another restaurant's service or area ids select nothing here.
  EXPECT_EQ(at(times("date=2027-01-08&people=2&openingHourId=" + other_dinner), ""), "[]");
  // The demo restaurant's key sees the demo's services, none of these.
  auto demo = parse(call_as(demo_key_, "GET", "/v1/bookingFlow/times?date=2027-01-08&people=2").body);
  for (const auto& id : ids_of(demo)) {
    EXPECT_NE(id, dinner);
    EXPECT_NE(id, other_dinner);
  }
}

}  // namespace
}  // namespace maitred::test
