#pragma once
// The real `maitred serve` as a child process on a free loopback port.

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace maitred::test {

class ServerProcess {
 public:
  // Starts `maitred serve --data DIR --listen 127.0.0.1:0 ARGS...` and waits
  // for it to announce its port.
  ServerProcess(const std::filesystem::path& data_dir, const std::vector<std::string>& args = {});
  ~ServerProcess();  // SIGTERM, then SIGKILL if it does not stop
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }

  // Sends `signal` and waits for the exit; returns the exit code (128 + signal
  // number when killed by one).
  int stop(int signal);

  // False once the server has exited or was stopped.
  bool running();

  // Everything the server wrote to stderr so far (its log), from byte `from`.
  std::string log(std::size_t from = 0) const;

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::filesystem::path log_file_;
};

}  // namespace maitred::test
