#pragma once
// Which database a maitred process works on, as given by `--database`:
//   sqlite:///absolute/path.db  or  sqlite://relative/path.db   the embedded store
//   postgresql://user:password@host:port/dbname?options          PostgreSQL (also postgres://)
// Without `--database` the embedded store lives in the data folder.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace maitred::store {

struct DatabaseUrl {
  enum class Kind { sqlite, postgresql };
  Kind kind = Kind::sqlite;
  std::filesystem::path sqlite_file;  // Kind::sqlite
  std::string postgresql_url;         // Kind::postgresql: handed to libpq as written

  // The URL with any password replaced by "***", for logs and messages.
  std::string redacted() const;
};

// nullopt with `error` set (a sentence naming the accepted forms) when the
// text is neither form. Never quotes a password back.
std::optional<DatabaseUrl> parse_database_url(std::string_view text, std::string& error);

}  // namespace maitred::store
