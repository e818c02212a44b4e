// GET /v1/bookingFlow/availableTables, end to end.

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class AvailableTablesTest : public SetupApiBase {
 protected:
  void SetUp() override {
    SetupApiBase::SetUp();
    if (HasFatalFailure()) return;
    area_ = create("/v1/areas", R"({"name":"Room"})");
    small_ = create("/v1/tables", R"({"name":"S1","seatsMin":1,"seatsMax":2,"areaId":")" + area_ + R"("})");
    four_a_ = create("/v1/tables", R"({"name":"F1","seatsMin":2,"seatsMax":4})");
    four_b_ = create("/v1/tables", R"({"name":"F2","seatsMin":2,"seatsMax":4})");
    pair_ = create("/v1/tableCombinations",
                   R"({"tableIds":[")" + four_a_ + R"(",")" + four_b_ + R"("],"seatsMin":5,"seatsMax":8})");
  }
  std::vector<std::string> names(const std::string& query) {
    auto list = read("/v1/bookingFlow/availableTables?" + query);
    std::vector<std::string> out;
    for (const auto& item : list.GetArray()) out.emplace_back(item["name"].GetString());
    return out;
  }
  // Sets the scene in a restaurant without opening hours: written as given.
  void book(const std::string& time, const std::string& table, const std::string& status = "request") {
    create("/v1/bookings", R"({"date":"2027-01-08","time":")" + time + R"(","people":3,"duration":120,"status":")" +
                               status + R"(","guest":{"name":"G"},"tables":[")" + table +
                               R"("],"allowOverbooking":true})");
  }
  std::string area_, small_, four_a_, four_b_, pair_;
};

const std::string kWindow = "fromDateTime=2027-01-08T19:00:00&toDateTime=2027-01-08T21:00:00";

TEST_F(AvailableTablesTest, ListsTheTablesAndCombinationsThatSeatTheParty) {
  EXPECT_EQ(names("people=2&" + kWindow), (std::vector<std::string>{"S1", "F1", "F2"}));
  EXPECT_EQ(names("people=4&" + kWindow), (std::vector<std::string>{"F1", "F2"}));
  EXPECT_EQ(names("people=6&" + kWindow), (std::vector<std::string>{"F1 + F2"}));
  EXPECT_TRUE(names("people=9&" + kWindow).empty());
  auto with_area = read("/v1/bookingFlow/availableTables?people=2&" + kWindow);
  EXPECT_EQ(at(with_area, "0.area.name"), q("Room"));
  EXPECT_EQ(at(with_area, "1.area"), "null");
}

TEST_F(AvailableTablesTest, BookedTablesAreLeftOutOrFlagged) {
  book("20:00", four_a_);  // 20:00-22:00 overlaps the window
  EXPECT_EQ(names("people=4&" + kWindow), (std::vector<std::string>{"F2"}));
  EXPECT_TRUE(names("people=6&" + kWindow).empty()) << "the combination needs F1 too";
  auto all = read("/v1/bookingFlow/availableTables?people=4&returnAllTables=true&" + kWindow);
  ASSERT_EQ(all.Size(), 4u);
  EXPECT_EQ(at(all, "1.name"), q("F1"));
  EXPECT_EQ(at(all, "1.booked"), "true");
  EXPECT_EQ(at(all, "2.booked"), "false");
  EXPECT_EQ(at(all, "3.booked"), "true");
  // A booking that ends when the window starts does not hold the table.
  EXPECT_EQ(names("people=4&fromDateTime=2027-01-08T22:00:00&toDateTime=2027-01-08T23:00:00"),
            (std::vector<std::string>{"F1", "F2"}));
}

TEST_F(AvailableTablesTest, CanceledAndWaitlistBookingsHoldNothing) {
  book("19:00", four_a_, "waitlist");
  book("19:00", four_b_, "canceled");
  EXPECT_EQ(names("people=4&" + kWindow), (std::vector<std::string>{"F1", "F2"}));
}

TEST_F(AvailableTablesTest, ParametersAreChecked) {
  expect_error(call("GET", "/v1/bookingFlow/availableTables?" + kWindow), 422, "missing_parameter", "people");
  expect_error(call("GET", "/v1/bookingFlow/availableTables?people=2&toDateTime=2027-01-08T21:00:00"), 422,
               "missing_parameter", "fromDateTime");
  expect_error(call("GET", "/v1/bookingFlow/availableTables?people=2&fromDateTime=soon&toDateTime=2027-01-08"), 422,
               "invalid_parameter", "fromDateTime");
  expect_error(call("GET",
                    "/v1/bookingFlow/availableTables?people=2&fromDateTime=2027-01-08T21:00:00&toDateTime=2027-01-08T"
                    "20:00:00"),
               422, "invalid_parameter", "toDateTime");
  expect_error(call("GET", "/v1/bookingFlow/availableTables?people=0&" + kWindow), 422, "invalid_parameter", "people");
}

}  // namespace
}  // namespace maitred::test
