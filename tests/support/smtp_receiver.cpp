#include "support/smtp_receiver.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace maitred::test {

namespace {

// Debian's python3 has aiosmtpd; a pyenv one on PATH may not.
constexpr const char* kPython = "/usr/bin/python3";

std::string receivers_dir() {
  return std::string(MAITRED_SOURCE_DIR) + "/tests/receivers/";
}

}  // namespace

SmtpReceiver::SmtpReceiver(std::filesystem::path folder) : folder_(std::move(folder)) {
  std::filesystem::create_directories(folder_);
  int in[2], out[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe failed");
  const std::string script = receivers_dir() + "smtp_receiver.py";
  const std::string dir = folder_.string();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::close(in[1]);
    ::close(out[0]);
    ::execl(kPython, kPython, script.c_str(), dir.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  stdin_fd_ = in[1];
  // "listening on PORT\n"
  std::string line;
  char c;
  while (line.size() < 100 && ::read(out[0], &c, 1) == 1 && c != '\n') line += c;
  ::close(out[0]);
  const auto space = line.rfind(' ');
  if (line.rfind("listening on ", 0) != 0 || space == std::string::npos) {
    throw std::runtime_error("smtp_receiver.py did not start: '" + line + "'");
  }
  port_ = static_cast<std::uint16_t>(std::stoi(line.substr(space + 1)));
}

SmtpReceiver::~SmtpReceiver() {
  if (stdin_fd_ >= 0) ::close(stdin_fd_);
  if (pid_ > 0) {
    int status = 0;
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
  }
}

std::string SmtpReceiver::url() const {
  return "smtp://127.0.0.1:" + std::to_string(port_) + "?tls=none";
}

void SmtpReceiver::answer_with(const std::string& reply) {
  const auto file = folder_ / "reply";
  if (reply.empty()) {
    std::filesystem::remove(file);
    return;
  }
  std::ofstream(file) << reply << "\n";
}

std::vector<std::filesystem::path> SmtpReceiver::messages() const {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
    if (entry.path().extension() == ".eml") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::filesystem::path> SmtpReceiver::wait_for(std::size_t count, int seconds) const {
  // Bounded polling on a condition, not a timing assumption.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{seconds};
  auto found = messages();
  while (found.size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
    found = messages();
  }
  return found;
}

std::string mail_summary(const std::filesystem::path& message) {
  const std::string command =
      std::string(kPython) + " " + receivers_dir() + "mail_summary.py '" + message.string() + "'";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed");
  std::string out;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  if (::pclose(pipe) != 0) throw std::runtime_error("mail_summary.py failed on " + message.string());
  return out;
}

}  // namespace maitred::test
