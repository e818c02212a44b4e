#pragma once
#include <filesystem>

namespace maitred::cli {

// Creates the data folder (mode 0700: it holds the database and TLS key) if
// it does not exist; throws std::runtime_error with a readable message.
void prepare_data_dir(const std::filesystem::path& dir);

std::filesystem::path database_file(const std::filesystem::path& dir);

}  // namespace maitred::cli
