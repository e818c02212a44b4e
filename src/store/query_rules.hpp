#pragma once
// What the SQLite and PostgreSQL query compilers share, so that both stores
// refuse the same hand-built input and match phones alike: the checks that
// keep everything but trusted identifiers out of SQL text, and the phone rule.

#include <string>
#include <string_view>

namespace maitred::store {

// Column names come from code, but they are the only text that goes into the
// SQL unbound, so they are held to plain (optionally qualified) identifiers:
// `status`, `b.status`. Throws std::invalid_argument naming `what`.
void require_sql_identifier(std::string_view name, const char* what);

// A customQuery / sort path (domain::is_valid_field_path); a parsed one always
// is, a hand-built one might not be. Throws std::invalid_argument.
void require_field_path(std::string_view path);

// "phone" or a path ending in ".phone": matched as digits, not as written.
bool is_phone_path(std::string_view path);

// What replace(ltrim(x, '+'), ' ', '') computes in SQL (the same in SQLite
// and PostgreSQL): leading '+' signs dropped, then every space.
std::string normalise_phone(std::string_view phone);

}  // namespace maitred::store
