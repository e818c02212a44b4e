#pragma once
#include <filesystem>
#include <string>

#include "store/database_url.hpp"

namespace maitred::cli {

// Creates the data folder (mode 0700: it holds the database and TLS key) if
// it does not exist; throws std::runtime_error with a readable message.
void prepare_data_dir(const std::filesystem::path& dir);

std::filesystem::path database_file(const std::filesystem::path& dir);

// The database a command works on: `--database` when given, else the
// embedded store in the data folder. Throws app::UsageError for a URL that
// is neither form.
store::DatabaseUrl choose_database(const std::filesystem::path& data_dir, const std::string& database_option);

}  // namespace maitred::cli
