#pragma once
// A throwaway PostgreSQL 15 cluster for tests: initdb in a fresh folder under
// /tmp, the server on a free 127.0.0.1 port with its unix socket in that
// folder, fsync off. Run as root (CI), initdb and the server run as the
// `postgres` system user (`runuser -u postgres --`, the folder chowned to
// it): PostgreSQL refuses to run as root. Otherwise they run as the caller.
// The destructor stops the server (immediate mode) and removes the folder.
//
// Missing binaries or a failed start throw std::runtime_error saying why:
// tests that need PostgreSQL fail, they never skip silently.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::test {

class PgCluster {
 public:
  // Debian's PostgreSQL 15; the environment variable MAITRED_PG_BIN overrides it.
  static constexpr const char* kBinDir = "/usr/lib/postgresql/15/bin";
  static constexpr const char* kSuperuser = "maitred";

  PgCluster();  // initdb + start
  ~PgCluster();
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  // postgresql://maitred@127.0.0.1:PORT/DATABASE (trust auth, loopback only).
  std::string url(std::string_view database = "postgres") const;
  int port() const { return port_; }
  bool running() const { return running_; }
  const std::filesystem::path& folder() const { return folder_; }

  // Immediate shutdown (like a crash: connections are cut), then start again
  // on the same port. For outage tests.
  void stop();
  void start();

  // A new empty database, named uniquely; returns its URL.
  std::string create_database();

  // One cluster per test process, started on first use, stopped at exit.
  static PgCluster& shared();

 private:
  void run_tool(const std::string& tool, const std::vector<std::string>& args, const std::string& what) const;

  std::string bin_dir_;
  std::filesystem::path folder_;
  std::filesystem::path data_;
  int port_ = 0;
  bool running_ = false;
  bool as_postgres_user_ = false;
  int databases_ = 0;
};

}  // namespace maitred::test
