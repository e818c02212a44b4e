#pragma once
// Which store the black-box tests run the server on.
//
// By default the embedded store in each test's data folder. When the
// environment names a PostgreSQL server (MAITRED_TEST_POSTGRES_URL, set by
// the `with_postgres` runner, tests/support/with_postgres_main.cpp), every
// data folder a test uses gets a fresh database of its own, and the `maitred`
// commands and servers the tests start are pointed at it with `--database`.
// So the same tests run against both stores without knowing which.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace maitred::test {

// The PostgreSQL server to run on, or nullopt for the embedded store.
std::optional<std::string> postgres_server_url();
bool on_postgres();

// `--database URL` for the database of `data_dir` (created on first use and
// dropped when the test process exits), or nothing on the embedded store.
std::vector<std::string> database_args(const std::filesystem::path& data_dir);

// From now on, commands and servers on `data_dir` use `database_url` (on
// either run): for tests that bring their own PostgreSQL cluster.
void use_database_for(const std::filesystem::path& data_dir, const std::string& database_url);

// `args` with `--database` added when they name a data folder (`--data DIR`)
// that has a database (see above) and no `--database` is given yet.
std::vector<std::string> with_database(std::vector<std::string> args);

// The store a server on `data_dir` uses, opened from the test process (as an
// admin command would be) to look behind the API's back.
std::unique_ptr<store::Store> open_test_store(const std::filesystem::path& data_dir);

// Helpers for PostgreSQL tests: a new empty database on the server at
// `server_url` (its URL), and dropping one (connections to it are cut).
std::string create_postgres_database(const std::string& server_url);
void drop_postgres_database(const std::string& server_url, const std::string& database_url);

}  // namespace maitred::test
