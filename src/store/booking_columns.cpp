#include "store/booking_columns.hpp"

#include <algorithm>

namespace maitred::store {

const std::vector<std::pair<std::string, std::string>>& booking_column_paths() {
  static const std::vector<std::pair<std::string, std::string>> columns{
      {"dateTime", "start_utc"},   {"date", "local_date"},        {"status", "status"},          {"people", "people"},
      {"createdAt", "created_at"}, {"activityAt", "activity_at"}, {"customerId", "customer_id"}, {"_id", "id"}};
  return columns;
}

std::string joined_table_ids(const domain::Booking& booking) {
  std::string out;
  for (const auto& t : booking.tables) {
    if (!out.empty()) out += ',';
    out += t.id;
  }
  return out;
}

void add_tables_from_ids(std::string_view joined, domain::Booking& booking) {
  while (!joined.empty()) {
    const auto comma = std::min(joined.find(','), joined.size());
    booking.tables.push_back({std::string(joined.substr(0, comma)), {}, {}, {}});
    joined.remove_prefix(std::min(comma + 1, joined.size()));
  }
}

}  // namespace maitred::store
