#include "domain/service_at.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/time_format.hpp"

namespace maitred::domain {
namespace {

// Europe/Copenhagen is UTC+1 in January. 2027-01-08 is a Friday.
constexpr const char* kZone = "Europe/Copenhagen";

date::year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year_month_day{date::year{y}, date::month{m}, date::day{d}};
}

OpeningHour service(std::string id, int day, int open, int close) {
  OpeningHour h;
  h.id = id;
  h.name = std::move(id);
  h.day = day;
  h.open = open;
  h.close = close;
  return h;
}

class ServiceAtTest : public ::testing::Test {
 protected:
  // Friday: lunch 11:30-14:30, dinner 17:30-00:30 (past midnight) and a bar
  // 22:00-23:00 inside it; Saturday: a late service 00:00-03:00, overlapping
  // Friday's dinner.
  std::vector<OpeningHour> hours_ = {service("lunch", 5, 1130, 1430), service("dinner", 5, 1730, 30),
                                     service("bar", 5, 2200, 2300), service("late", 6, 0, 300)};

  std::string at(date::year_month_day day, const char* utc, std::string_view preferred = {}) {
    const auto start = core::parse_utc(utc);
    EXPECT_TRUE(start) << utc;
    const auto found = service_at(hours_, kZone, day, *start, preferred);
    return found.service == nullptr ? "" : found.service->id;
  }
};

TEST_F(ServiceAtTest, TheServiceWhoseWindowHoldsTheStart) {
  const auto friday = ymd(2027, 1, 8);
  EXPECT_EQ(at(friday, "2027-01-08T11:00:00Z"), "lunch");      // 12:00
  EXPECT_EQ(at(friday, "2027-01-08T19:00:00Z"), "dinner");     // 20:00
  EXPECT_EQ(at(friday, "2027-01-08T10:30:00Z"), "lunch");      // 11:30: the opening counts
  EXPECT_EQ(at(friday, "2027-01-08T13:30:00Z"), "");           // 14:30: the close does not
  EXPECT_EQ(at(friday, "2027-01-08T15:00:00Z"), "");           // 16:00: between services
  EXPECT_EQ(at(ymd(2027, 1, 7), "2027-01-07T19:00:00Z"), "");  // Thursday: closed
}

TEST_F(ServiceAtTest, AServicePastMidnightHoldsTheNextDatesEarlyStarts) {
  // Saturday 00:15 local: Friday's dinner (and Saturday's late service,
  // which opened later).
  EXPECT_EQ(at(ymd(2027, 1, 9), "2027-01-08T23:15:00Z"), "dinner");
  // 00:45: dinner has closed, the late service runs.
  EXPECT_EQ(at(ymd(2027, 1, 9), "2027-01-08T23:45:00Z"), "late");
}

TEST_F(ServiceAtTest, OverlapsGoToTheNamedServiceElseTheEarliestOpened) {
  const auto friday = ymd(2027, 1, 8);
  EXPECT_EQ(at(friday, "2027-01-08T21:30:00Z"), "dinner");  // 22:30
  EXPECT_EQ(at(friday, "2027-01-08T21:30:00Z", "bar"), "bar");
  EXPECT_EQ(at(friday, "2027-01-08T21:30:00Z", "lunch"), "dinner");  // named, but closed then
  EXPECT_EQ(at(ymd(2027, 1, 9), "2027-01-08T23:15:00Z", "late"), "late");
}

TEST_F(ServiceAtTest, ASpecialDayReplacesTheWeekdaysServices) {
  OpeningHour closed;
  closed.id = "closed";
  closed.special = true;
  closed.is_open = false;
  closed.date = "2027-01-08";
  hours_.push_back(closed);
  EXPECT_EQ(at(ymd(2027, 1, 8), "2027-01-08T19:00:00Z"), "");
  // Its dinner is gone, so nothing runs past midnight into Saturday.
  EXPECT_EQ(at(ymd(2027, 1, 9), "2027-01-08T23:15:00Z"), "late");
}

TEST_F(ServiceAtTest, DeletedServicesHoldNothing) {
  hours_[1].deleted = true;
  EXPECT_EQ(at(ymd(2027, 1, 8), "2027-01-08T19:00:00Z"), "");
}

}  // namespace
}  // namespace maitred::domain
