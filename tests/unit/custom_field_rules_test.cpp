#include "domain/custom_field_rules.hpp"

#include <gtest/gtest.h>

namespace maitred::domain {
namespace {

CustomField field(std::vector<std::string> flows, bool on_all_services, std::vector<std::string> services = {}) {
  CustomField f;
  f.id = "cf";
  f.name = "allergies";
  f.active_flows = std::move(flows);
  f.default_on_all_opening_hours = on_all_services;
  f.opening_hour_ids = std::move(services);
  return f;
}

TEST(CustomFieldRules, AFieldOfTheBookingFlowOnAllServicesApplies) {
  const auto f = field({"booking"}, true);
  EXPECT_TRUE(applies_to_booking(f, "oh-dinner"));
  EXPECT_TRUE(applies_to_booking(f, ""));  // a booking outside any service
  EXPECT_TRUE(applies_to_booking(field({"waitlist", "booking", "online"}, true), "oh-dinner"));
}

TEST(CustomFieldRules, AFieldOnSomeServicesAppliesOnThoseOnly) {
  const auto f = field({"booking"}, false, {"oh-lunch", "oh-brunch"});
  EXPECT_TRUE(applies_to_booking(f, "oh-lunch"));
  EXPECT_TRUE(applies_to_booking(f, "oh-brunch"));
  EXPECT_FALSE(applies_to_booking(f, "oh-dinner"));
  EXPECT_FALSE(applies_to_booking(f, ""));
  EXPECT_FALSE(applies_to_booking(field({"booking"}, false), "oh-lunch"));  // on no service
}

TEST(CustomFieldRules, OnAllServicesIgnoresTheServiceList) {
  EXPECT_TRUE(applies_to_booking(field({"booking"}, true, {"oh-lunch"}), "oh-dinner"));
}

TEST(CustomFieldRules, AFieldOutsideTheBookingFlowNeverApplies) {
  for (const auto& flows : std::vector<std::vector<std::string>>{
           {}, {"waitlist"}, {"online"}, {"waitlist", "online"}, {"Booking"}, {"feedback"}}) {
    EXPECT_FALSE(applies_to_booking(field(flows, true), "oh-lunch")) << flows.size();
    EXPECT_FALSE(applies_to_booking(field(flows, false, {"oh-lunch"}), "oh-lunch")) << flows.size();
  }
}

}  // namespace
}  // namespace maitred::domain
