#pragma once
// `maitred import FILE --restaurant ID --type bookings|customers`: the CSV
// import of POST /api/v3/imports, run in this process straight on the store.

#include <filesystem>
#include <string>

#include "cli/command.hpp"
#include "core/clock.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::cli {

// Exit code when the import ran but some rows were refused (README.md).
inline constexpr int kSomeRowsFailed = 3;

// Prints the job document (the summary) on stdout and progress on stderr;
// returns 0 when every row was imported, kSomeRowsFailed otherwise. Throws
// (exit 1 or 2) when nothing could be imported: no such file or restaurant,
// an unknown type or column.
int import_file(store::Store& store, const core::Clock& clock, const std::filesystem::path& file,
                const std::string& restaurant_id, const std::string& type, bool allow_overbooking);

// The command: its options, then import_file on the store they name.
Handler import_command();

}  // namespace maitred::cli
