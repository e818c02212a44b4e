#include "store/database_url.hpp"

namespace maitred::store {

namespace {

constexpr std::string_view kSqliteScheme = "sqlite://";

// "scheme://user:secret@host" -> "scheme://user:***@host": the password is
// what sits between the first ':' after the scheme and the last '@' before
// the path.
std::string redact_password(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  const auto authority_start = scheme_end + 3;
  auto authority_end = url.find_first_of("/?", authority_start);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  const auto at = url.rfind('@', authority_end);
  if (at == std::string_view::npos || at < authority_start) return std::string(url);
  const auto colon = url.find(':', authority_start);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace

std::string DatabaseUrl::redacted() const {
  if (kind == Kind::sqlite) return std::string(kSqliteScheme) + sqlite_file.string();
  // libpq also takes the password as a query option.
  std::string out = redact_password(postgresql_url);
  if (const auto option = out.find("password="); option != std::string::npos) {
    const auto end = out.find('&', option);
    out.replace(option + 9, (end == std::string::npos ? out.size() : end) - option - 9, "***");
  }
  return out;
}

std::optional<DatabaseUrl> parse_database_url(std::string_view text, std::string& error) {
  DatabaseUrl url;
  if (text.starts_with(kSqliteScheme)) {
    const auto path = text.substr(kSqliteScheme.size());
    if (path.empty() || path == "/") {
      error = "sqlite:// needs a file: sqlite:///absolute/path.db or sqlite://relative/path.db";
      return std::nullopt;
    }
    url.kind = DatabaseUrl::Kind::sqlite;
    url.sqlite_file = std::filesystem::path(path);
    return url;
  }
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    if (text.find('\0') != std::string_view::npos) {
      error = "the PostgreSQL URL contains a NUL byte";
      return std::nullopt;
    }
    url.kind = DatabaseUrl::Kind::postgresql;
    url.postgresql_url = std::string(text);
    return url;
  }
  error = "unknown database URL; use sqlite:///path/to/file.db or postgresql://user@host:port/dbname";
  return std::nullopt;
}

}  // namespace maitred::store
