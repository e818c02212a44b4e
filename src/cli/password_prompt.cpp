#include "cli/password_prompt.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "app/admin.hpp"

namespace maitred::cli {

namespace {

std::string read_line() {
  std::string line;
  if (!std::getline(std::cin, line)) return {};
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// Echo off while reading; restored even if reading throws.
std::string read_hidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  const bool have_terminal = ::tcgetattr(STDIN_FILENO, &saved) == 0;
  if (have_terminal) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  try {
    line = read_line();
  } catch (...) {
    if (have_terminal) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    throw;
  }
  if (have_terminal) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << "\n";
  return line;
}

}  // namespace

std::string read_new_password() {
  std::string password;
  if (::isatty(STDIN_FILENO)) {
    password = read_hidden("New password: ");
    if (read_hidden("Repeat it: ") != password) throw app::UsageError("the two passwords differ");
  } else {
    password = read_line();
  }
  if (password.empty()) throw app::UsageError("no password given (type it, or send it on stdin)");
  return password;
}

}  // namespace maitred::cli
