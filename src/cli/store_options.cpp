#include "cli/store_options.hpp"

#include "cli/data_dir.hpp"
#include "store/open_store.hpp"

namespace maitred::cli {

std::vector<Option> with_store_options(StoreOptions& store, std::vector<Option> more) {
  std::vector<Option> options{
      {.name = "--data",
       .target = &store.data_dir,
       .help = "Data folder (embedded database, TLS certificate)",
       .show_default = true},
      {.name = "--database",
       .target = &store.database,
       .help = "sqlite:///path/file.db or postgresql://user@host:port/dbname (default: the data folder's "
               "maitred.db)"},
  };
  options.insert(options.end(), more.begin(), more.end());
  return options;
}

std::unique_ptr<store::Store> open_admin_store(const StoreOptions& options) {
  prepare_data_dir(options.data_dir);
  return store::open_store(choose_database(options.data_dir, options.database), {});
}

}  // namespace maitred::cli
