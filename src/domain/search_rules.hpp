#pragma once
// The list conventions every reading of a customQuery or sort shares: the
// SQLite and PostgreSQL query compilers (store/) and the in-memory selection
// of setup documents (json/document_selection.hpp). One rule each, so the
// three readings cannot drift apart.

#include <string>
#include <string_view>

namespace maitred::domain {

// A customQuery / sort path (is_valid_field_path); a parsed one always is, a
// hand-built one might not be. Throws std::invalid_argument.
void require_field_path(std::string_view path);

// "phone" or a path ending in ".phone": matched as digits, not as written.
bool is_phone_path(std::string_view path);

// What replace(ltrim(x, '+'), ' ', '') computes in SQL (the same in SQLite
// and PostgreSQL): leading '+' signs dropped, then every space.
std::string normalise_phone(std::string_view phone);

}  // namespace maitred::domain
