#include "support/pg_cluster.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace maitred::test {

namespace {

int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("pg_cluster: socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("pg_cluster: cannot find a free loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

std::string tail_of(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str();
  if (text.size() > 2000) text = "..." + text.substr(text.size() - 2000);
  return text;
}

}  // namespace

PgCluster::PgCluster() {
  const char* override_dir = std::getenv("MAITRED_PG_BIN");
  bin_dir_ = override_dir != nullptr && *override_dir != '\0' ? override_dir : kBinDir;
  if (!std::filesystem::exists(std::filesystem::path(bin_dir_) / "initdb") ||
      !std::filesystem::exists(std::filesystem::path(bin_dir_) / "pg_ctl"))
    throw std::runtime_error("pg_cluster: PostgreSQL server binaries (initdb, pg_ctl) not found in " + bin_dir_ +
                             " (install the Debian packages `postgresql` and `libpq-dev`: bash scripts/setup)");
  std::string pattern = (std::filesystem::temp_directory_path() / "maitred-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("pg_cluster: mkdtemp failed");
  folder_ = pattern;
  data_ = folder_ / "data";
  as_postgres_user_ = ::geteuid() == 0;
  try {
    if (as_postgres_user_) {
      const passwd* user = ::getpwnam("postgres");
      if (user == nullptr)
        throw std::runtime_error(
            "pg_cluster: running as root but there is no `postgres` user to run PostgreSQL as "
            "(install the Debian package `postgresql`)");
      if (::chown(folder_.c_str(), user->pw_uid, user->pw_gid) != 0)
        throw std::runtime_error("pg_cluster: cannot chown " + folder_.string() + " to postgres");
    }
    run_tool("initdb",
             {"-D", data_.string(), "-U", kSuperuser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync",
              "--no-instructions"},
             "initdb");
    start();
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
    throw;
  }
}

PgCluster::~PgCluster() {
  try {
    if (running_) stop();
  } catch (...) {
  }
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

std::string PgCluster::url(std::string_view database) const {
  return "postgresql://" + std::string(kSuperuser) + "@127.0.0.1:" + std::to_string(port_) + "/" +
         std::string(database);
}

void PgCluster::run_tool(const std::string& tool, const std::vector<std::string>& args, const std::string& what) const {
  const auto log = folder_ / (what + ".log");
  std::vector<std::string> argv;
  if (as_postgres_user_) argv = {"/usr/sbin/runuser", "-u", "postgres", "--"};
  argv.push_back(bin_dir_ + "/" + tool);
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_argv;
  for (auto& a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);
  // PostgreSQL runs on the machine's real clock even when the tests run
  // under libfaketime (scripts/test-at-date): it is not what is under test,
  // and maitred keeps its own pinned clock anyway.
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    if (entry.starts_with("LD_PRELOAD=") || entry.starts_with("FAKETIME")) continue;
    env_strings.emplace_back(entry);
  }
  std::vector<char*> c_env;
  for (auto& e : env_strings) c_env.push_back(e.data());
  c_env.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("pg_cluster: fork failed");
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
      ::close(fd);
    }
    const int null_in = ::open("/dev/null", O_RDONLY);
    if (null_in >= 0) ::dup2(null_in, STDIN_FILENO);
    ::chdir(folder_.c_str());
    ::execve(c_argv[0], c_argv.data(), c_env.data());
    std::_Exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("pg_cluster: " + what + " failed (status " + std::to_string(status) + "):\n" +
                             tail_of(log));
}

void PgCluster::start() {
  if (running_) return;
  const bool keep_port = port_ != 0;
  for (int attempt = 0;; ++attempt) {
    if (!keep_port) port_ = free_loopback_port();
    const std::string options = "-p " + std::to_string(port_) + " -c listen_addresses=127.0.0.1 -k " +
                                folder_.string() +
                                // No fsync (nothing here must survive the machine), but commits are
                                // written before they are acknowledged: stop() is a crash of the
                                // server, not of the machine, and must not lose them.
                                " -c fsync=off -c full_page_writes=off";
    try {
      run_tool(
          "pg_ctl",
          {"-D", data_.string(), "-l", (folder_ / "server.log").string(), "-w", "-t", "60", "-o", options, "start"},
          "pg_ctl-start");
      running_ = true;
      return;
    } catch (const std::runtime_error& e) {
      // Someone took the port between our probe and the server's bind.
      if (keep_port || attempt >= 2)
        throw std::runtime_error(std::string(e.what()) + "\nserver.log:\n" + tail_of(folder_ / "server.log"));
    }
  }
}

void PgCluster::stop() {
  if (!running_) return;
  running_ = false;
  run_tool("pg_ctl", {"-D", data_.string(), "-m", "immediate", "-w", "-t", "60", "stop"}, "pg_ctl-stop");
}

std::string PgCluster::create_database() {
  const std::string name = "test_" + std::to_string(::getpid()) + "_" + std::to_string(++databases_);
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url().c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK)
    throw std::runtime_error(std::string("pg_cluster: cannot connect: ") + PQerrorMessage(conn.get()));
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), ("CREATE DATABASE " + name).c_str()),
                                                       &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
    throw std::runtime_error(std::string("pg_cluster: CREATE DATABASE failed: ") + PQerrorMessage(conn.get()));
  return url(name);
}

PgCluster& PgCluster::shared() {
  static PgCluster cluster;  // a throw here leaves it unbuilt: the next call retries and fails again
  return cluster;
}

}  // namespace maitred::test
