#include "domain/custom_field_rules.hpp"

#include <algorithm>

namespace maitred::domain {

bool applies_to_booking(const CustomField& field, std::string_view opening_hour_id) {
  if (std::ranges::find(field.active_flows, "booking") == field.active_flows.end()) return false;
  if (field.default_on_all_opening_hours) return true;
  return std::ranges::find(field.opening_hour_ids, opening_hour_id) != field.opening_hour_ids.end();
}

}  // namespace maitred::domain
