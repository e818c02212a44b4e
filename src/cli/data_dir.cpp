#include "cli/data_dir.hpp"

#include <stdexcept>
#include <system_error>

#include "app/admin.hpp"

namespace maitred::cli {

void prepare_data_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec)) {
    if (!std::filesystem::is_directory(dir, ec)) throw std::runtime_error(dir.string() + " is not a folder");
    return;
  }
  std::filesystem::create_directories(dir, ec);
  if (ec) throw std::runtime_error("cannot create the data folder " + dir.string() + ": " + ec.message());
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
}

std::filesystem::path database_file(const std::filesystem::path& dir) {
  return dir / "maitred.db";
}

store::DatabaseUrl choose_database(const std::filesystem::path& data_dir, const std::string& database_option) {
  if (database_option.empty()) {
    store::DatabaseUrl url;
    url.sqlite_file = database_file(data_dir);
    return url;
  }
  std::string error;
  auto url = store::parse_database_url(database_option, error);
  if (!url) throw app::UsageError("--database: " + error);
  return *url;
}

}  // namespace maitred::cli
