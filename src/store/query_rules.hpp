#pragma once
// What the SQLite and PostgreSQL query compilers share, so that both stores
// refuse the same hand-built input and match phones alike: the checks that
// keep everything but trusted identifiers out of SQL text, and (from
// domain/search_rules.hpp) the field paths and the phone rule.

#include <string>
#include <string_view>

#include "domain/search_rules.hpp"

namespace maitred::store {

// Column names come from code, but they are the only text that goes into the
// SQL unbound, so they are held to plain (optionally qualified) identifiers:
// `status`, `b.status`. Throws std::invalid_argument naming `what`.
void require_sql_identifier(std::string_view name, const char* what);

// The list conventions the compilers share with the in-memory selection of
// setup documents (domain/search_rules.hpp): field paths, the phone rule.
using domain::is_phone_path;
using domain::normalise_phone;
using domain::require_field_path;

}  // namespace maitred::store
