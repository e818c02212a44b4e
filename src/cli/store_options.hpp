#pragma once
// --data and --database, which every command but `migrate` takes, and the
// store an administrative command opens with them.

#include <memory>
#include <string>
#include <vector>

#include "cli/option.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::cli {

struct StoreOptions {
  std::string data_dir = "maitred-data";
  std::string database;  // empty: the embedded store in the data folder
};

// --data and --database first (as every command lists them), then `more`.
std::vector<Option> with_store_options(StoreOptions& store, std::vector<Option> more = {});

// Creates the data folder when missing; throws app::UsageError for a bad --database.
std::unique_ptr<store::Store> open_admin_store(const StoreOptions& options);

}  // namespace maitred::cli
