#pragma once
// The feed's `types` patterns as an SQL condition, shared by both stores:
// "booking.*" is a prefix match, "booking.created" an exact one, "*" all.
// Patterns are checked (domain::is_valid_event_type_pattern) before they get
// here, and travel as parameters, never as SQL text.

#include <string>
#include <vector>

namespace maitred::store {

struct EventTypeFilter {
  std::string sql;                  // "" or " AND (type = ?4 OR substr(type, 1, ?5) = ?6 ...)"
  std::vector<std::string> values;  // bound from the first placeholder on, in order
};

// `first` is the number of the first placeholder; `placeholder` makes its
// text ("?" for SQLite, "$" for PostgreSQL).
EventTypeFilter event_type_filter(const std::vector<std::string>& patterns, int first, char placeholder = '?');

}  // namespace maitred::store
