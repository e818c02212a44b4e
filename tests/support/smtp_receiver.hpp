#pragma once
// The tests' SMTP server (tests/receivers/smtp_receiver.py, aiosmtpd) as a
// child process on a free loopback port, storing each message in a folder.

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace maitred::test {

class SmtpReceiver {
 public:
  explicit SmtpReceiver(std::filesystem::path folder);
  ~SmtpReceiver();  // closes its stdin (it stops), then waits for it
  SmtpReceiver(const SmtpReceiver&) = delete;
  SmtpReceiver& operator=(const SmtpReceiver&) = delete;

  std::uint16_t port() const { return port_; }
  // smtp://127.0.0.1:PORT?tls=none
  std::string url() const;

  // From now on, refuse each message at DATA with `reply` ("451 4.3.0 busy");
  // an empty reply accepts again.
  void answer_with(const std::string& reply);

  // The stored messages (*.eml), in arrival order.
  std::vector<std::filesystem::path> messages() const;

  // Waits (polling, at most `seconds`) until at least `count` are stored.
  std::vector<std::filesystem::path> wait_for(std::size_t count, int seconds = 30) const;

 private:
  std::filesystem::path folder_;
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  std::uint16_t port_ = 0;
};

// What Python's e-mail parser reads in a stored message
// (tests/receivers/mail_summary.py): a JSON object as text.
std::string mail_summary(const std::filesystem::path& message);

}  // namespace maitred::test
