#pragma once
// Numbered schema migrations, embedded from store/<dialect>/migrations/*.sql.

#include <span>
#include <string_view>

namespace maitred::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

}  // namespace maitred::store
