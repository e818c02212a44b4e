#pragma once
// What each role may do (SPEC.md section 2), as data. Every route carries the
// permission it needs; the request pipeline compares it with the caller's
// role after authentication and answers 403 when the role is too low.
//
//   read       readonly and up: every GET
//   operate    host and up: bookings, notes, comments, customers, orders,
//              feedback, holds
//   configure  manager and up: restaurant settings, areas, tables,
//              combinations, opening hours, custom fields, webhooks (these
//              also to read)
//   administer owner: API keys, staff users
//
// API keys act as owner.

#include <string_view>

#include "domain/staff_user.hpp"

namespace maitred::domain {

enum class Permission { read, operate, configure, administer };

std::string_view permission_name(Permission permission);

// The lowest role that has `permission`.
Role minimum_role(Permission permission);

inline bool allows(Role role, Permission permission) {
  return role >= minimum_role(permission);
}

// The permission a route needs, from its method and its resource family: the
// first path segment after the base path ("/v1", "/api/v1", "/api/v3"), so a
// route mirrored under another base path needs the same permission.
// `/v1/bookings/{id}` -> family "bookings".
Permission permission_for_route(bool read_only_method, std::string_view pattern);

}  // namespace maitred::domain
