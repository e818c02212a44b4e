#include "support/webhook_receiver.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <vector>

namespace maitred::test {

namespace {

constexpr auto kStartTimeout = std::chrono::seconds(30);

std::string first_line(int fd) {
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  std::string line;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char c = 0;
    if (::read(fd, &c, 1) <= 0) break;
    if (c == '\n') return line;
    line.push_back(c);
  }
  return line;
}

}  // namespace

WebhookReceiver::WebhookReceiver(const std::filesystem::path& clock_file, const std::filesystem::path& tls_cert,
                                 const std::filesystem::path& tls_key)
    : tls_cert_(tls_cert) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  std::string script = MAITRED_WEBHOOK_RECEIVER;
  std::string clock = clock_file.string();
  std::string node = "node";
  std::string clock_flag = "--clock";
  std::string tls_flag = "--tls";
  std::string cert = tls_cert.string();
  std::string key = tls_key.string();
  std::vector<char*> argv{node.data(), script.data(), clock_flag.data(), clock.data()};
  if (!tls_cert.empty()) argv.insert(argv.end(), {tls_flag.data(), cert.data(), key.data()});
  argv.push_back(nullptr);
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlives the test
    if (::getppid() != parent) ::_exit(1);
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::execvp("node", argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  const std::string line = first_line(out[0]);
  ::close(out[0]);
  if (!line.starts_with("listening ")) throw std::runtime_error("the webhook receiver did not start: '" + line + "'");
  port_ = static_cast<std::uint16_t>(std::stoi(line.substr(10)));
}

WebhookReceiver::~WebhookReceiver() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
}

std::string WebhookReceiver::url(const std::string& name) const {
  if (!tls_cert_.empty()) return "https://localhost:" + std::to_string(port_) + "/hook/" + name;
  return "http://127.0.0.1:" + std::to_string(port_) + "/hook/" + name;
}

HttpClient WebhookReceiver::control() {
  return tls_cert_.empty() ? HttpClient::plain(port_) : HttpClient(port_, tls_cert_);
}

void WebhookReceiver::configure(const std::string& name, const std::string& json) {
  auto reply = control().request("POST", "/control/" + name, {{"Content-Type", "application/json"}}, json);
  if (reply.status != 200) throw std::runtime_error("the receiver refused its configuration: " + reply.body);
}

std::string WebhookReceiver::received(const std::string& name) {
  return control().request("GET", "/received?name=" + name).body;
}

}  // namespace maitred::test
