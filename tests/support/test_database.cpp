#include "support/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <stdexcept>

#include "store/database_url.hpp"
#include "store/open_store.hpp"

namespace maitred::test {

namespace {

using PgConnection = std::unique_ptr<PGconn, decltype(&PQfinish)>;

PgConnection connect(const std::string& url) {
  PgConnection conn(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK)
    throw std::runtime_error(std::string("test database: cannot connect: ") + PQerrorMessage(conn.get()));
  return conn;
}

void run(PGconn* conn, const std::string& sql) {
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn, sql.c_str()), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    throw std::runtime_error("test database: " + sql + ": " + PQerrorMessage(conn));
}

// "postgresql://user@host:port/db" -> the same server, database `name`.
std::string with_database_name(const std::string& server_url, const std::string& name) {
  const auto authority = server_url.find("://");
  const auto slash = server_url.find('/', authority == std::string::npos ? 0 : authority + 3);
  return (slash == std::string::npos ? server_url : server_url.substr(0, slash)) + "/" + name;
}

std::string database_name_of(const std::string& database_url) {
  auto name = database_url.substr(database_url.rfind('/') + 1);
  return name.substr(0, name.find('?'));
}

// The database of each data folder. Those this process made on the run's
// server are dropped at exit; those a test brought are the test's business.
struct Databases {
  struct Entry {
    std::string url;
    bool made_here;
  };
  std::mutex mutex;
  std::map<std::filesystem::path, Entry> by_folder;
  ~Databases() {
    const auto server = postgres_server_url();
    if (!server) return;
    for (const auto& [folder, entry] : by_folder) {
      if (!entry.made_here) continue;
      try {
        drop_postgres_database(*server, entry.url);
      } catch (...) {
        // The cluster is thrown away after the run anyway.
      }
    }
  }
};

std::filesystem::path folder_key(const std::filesystem::path& data_dir) {
  return std::filesystem::absolute(data_dir).lexically_normal();
}

Databases& databases() {
  static Databases instance;
  return instance;
}

std::optional<std::string> database_url_for(const std::filesystem::path& data_dir) {
  auto& all = databases();
  std::lock_guard lock(all.mutex);
  const auto key = folder_key(data_dir);
  if (auto found = all.by_folder.find(key); found != all.by_folder.end()) return found->second.url;
  const auto server = postgres_server_url();
  if (!server) return std::nullopt;
  return all.by_folder.emplace(key, Databases::Entry{create_postgres_database(*server), true}).first->second.url;
}

}  // namespace

std::optional<std::string> postgres_server_url() {
  const char* url = std::getenv("MAITRED_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

bool on_postgres() {
  return postgres_server_url().has_value();
}

std::vector<std::string> database_args(const std::filesystem::path& data_dir) {
  auto url = database_url_for(data_dir);
  if (!url) return {};
  return {"--database", *url};
}

void use_database_for(const std::filesystem::path& data_dir, const std::string& database_url) {
  auto& all = databases();
  std::lock_guard lock(all.mutex);
  all.by_folder.insert_or_assign(folder_key(data_dir), Databases::Entry{database_url, false});
}

std::vector<std::string> with_database(std::vector<std::string> args) {
  if (std::ranges::find(args, "--database") != args.end()) return args;
  const auto data = std::ranges::find(args, "--data");
  if (data == args.end() || std::next(data) == args.end()) return args;
  auto extra = database_args(*std::next(data));
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

std::unique_ptr<store::Store> open_test_store(const std::filesystem::path& data_dir) {
  store::DatabaseUrl url;
  if (auto pg = database_url_for(data_dir)) {
    url.kind = store::DatabaseUrl::Kind::postgresql;
    url.postgresql_url = *pg;
  } else {
    url.sqlite_file = data_dir / "maitred.db";
  }
  return store::open_store(url, {});
}

std::string create_postgres_database(const std::string& server_url) {
  static std::mt19937_64 random{std::random_device{}()};
  static std::mutex random_mutex;
  std::string name;
  {
    std::lock_guard lock(random_mutex);
    name = "t_" + std::to_string(::getpid()) + "_" + std::to_string(random() % 1'000'000'000);
  }
  auto conn = connect(server_url);
  run(conn.get(), "CREATE DATABASE " + name);
  return with_database_name(server_url, name);
}

void drop_postgres_database(const std::string& server_url, const std::string& database_url) {
  auto conn = connect(server_url);
  run(conn.get(), "DROP DATABASE IF EXISTS " + database_name_of(database_url) + " WITH (FORCE)");
}

}  // namespace maitred::test
