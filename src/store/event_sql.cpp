#include "store/event_sql.hpp"

#include <algorithm>

namespace maitred::store {

EventTypeFilter event_type_filter(const std::vector<std::string>& patterns, int first, char placeholder) {
  EventTypeFilter filter;
  if (patterns.empty() || std::ranges::find(patterns, "*") != patterns.end()) return filter;
  int next = first;
  auto param = [&](std::string value) {
    filter.values.push_back(std::move(value));
    return std::string(1, placeholder) + std::to_string(next++);
  };
  filter.sql = " AND (";
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (i > 0) filter.sql += " OR ";
    const auto& pattern = patterns[i];
    if (pattern.ends_with(".*")) {
      // "booking." as a prefix: compared with substr, so no LIKE wildcards
      // ('_' is one) can widen it.
      const std::string prefix = pattern.substr(0, pattern.size() - 1);
      const std::string length = std::to_string(prefix.size());
      filter.sql += "substr(type, 1, " + length + ") = " + param(prefix);
    } else {
      filter.sql += "type = " + param(pattern);
    }
  }
  filter.sql += ")";
  return filter;
}

}  // namespace maitred::store
