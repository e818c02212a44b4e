#include "support/server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include "support/test_clock.hpp"
#include "support/test_database.hpp"

namespace maitred::test {

namespace {

// Sanitizer builds start slowly; this is a ceiling, not an expectation.
constexpr auto kStartTimeout = std::chrono::seconds(30);

std::string read_line(int fd, std::chrono::steady_clock::time_point deadline) {
  std::string line;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, 100);
    if (ready <= 0) continue;
    char c = 0;
    ssize_t n = ::read(fd, &c, 1);
    if (n <= 0) break;
    if (c == '\n') return line;
    line.push_back(c);
  }
  return line;
}

int wait_exit(pid_t pid, std::chrono::milliseconds timeout, bool& exited) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) {
      exited = true;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  exited = false;
  return -1;
}

}  // namespace

ServerProcess::ServerProcess(const std::filesystem::path& data_dir, const std::vector<std::string>& args)
    : log_file_(data_dir / "server.log") {
  std::filesystem::create_directories(data_dir);
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");

  std::vector<std::string> argv_strings{"serve", "--data", data_dir.string(), "--listen", "127.0.0.1:0"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  // On the test run's store (support/test_database.hpp).
  argv_strings = with_database(std::move(argv_strings));
  argv_strings.insert(argv_strings.begin(), MAITRED_BINARY);
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  // On the data folder's pinned clock (support/test_clock.hpp).
  std::vector<std::string> env_strings = child_environment(data_dir);
  std::vector<char*> env;
  for (auto& e : env_strings) env.push_back(e.data());
  env.push_back(nullptr);

  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // A test that crashes must not leave its server running: the kernel sends
    // SIGTERM to the server when the test process dies.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(1);
    int log_fd = ::open(log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    int null_fd = ::open("/dev/null", O_RDONLY);
    if (log_fd < 0 || null_fd < 0) ::_exit(1);
    ::dup2(null_fd, 0);
    ::dup2(out[1], 1);
    ::dup2(log_fd, 2);
    ::close(out[0]);
    ::execve(MAITRED_BINARY, argv.data(), env.data());
    ::_exit(127);
  }
  ::close(out[1]);
  std::string line = read_line(out[0], std::chrono::steady_clock::now() + kStartTimeout);
  ::close(out[0]);
  const std::string marker = "maitred listening on ";
  auto colon = line.rfind(':');
  if (line.rfind(marker, 0) != 0 || colon == std::string::npos) {
    stop(SIGKILL);
    throw std::runtime_error("server did not start; it said: '" + line + "'; log:\n" + log());
  }
  port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGTERM);
}

int ServerProcess::stop(int signal) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  bool exited = false;
  int code = wait_exit(pid_, std::chrono::seconds(20), exited);
  if (!exited) {
    ::kill(pid_, SIGKILL);
    code = wait_exit(pid_, std::chrono::seconds(5), exited);
  }
  pid_ = -1;
  return code;
}

bool ServerProcess::running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) pid_ = -1;
  return pid_ > 0;
}

std::string ServerProcess::log(std::size_t from) const {
  std::ifstream in(log_file_);
  in.seekg(static_cast<std::streamoff>(from));
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace maitred::test
