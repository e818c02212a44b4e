#include "support/test_clock.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/time_format.hpp"

extern char** environ;

namespace maitred::test {

namespace {
constexpr std::string_view kVariable = "MAITRED_TEST_NOW";
}

core::SystemTime test_now() {
  auto t = core::parse_utc(kTestNow);
  if (!t) throw std::logic_error("kTestNow is not an instant");
  return *t;
}

TestClock::TestClock(const std::filesystem::path& data_dir) : file_(data_dir / "test-now") {
  if (!std::filesystem::exists(file_)) {
    std::filesystem::create_directories(file_.parent_path());
    set(test_now());
  }
}

core::SystemTime TestClock::pinned() const {
  std::ifstream in(file_);
  std::string text;
  std::getline(in, text);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
  auto t = core::parse_utc(text);
  if (!t) throw std::runtime_error("bad test clock file " + file_.string() + ": " + text);
  return *t;
}

void TestClock::set(core::SystemTime instant) {
  write(core::format_utc(instant) + "\n");
}

void TestClock::restart() {
  // The processes reading the file jump only when its text changes, so the
  // instant is written in one of two spellings, the other than the last.
  std::string text;
  {
    std::ifstream in(file_);
    std::getline(in, text);
  }
  write(std::string(kTestNow) + (text == kTestNow ? " \n" : "\n"));
}

void TestClock::write(const std::string& text) {
  // Replaced in one step: a server reading the file sees the old instant or
  // the new one, never half of it.
  const auto temp = file_.string() + ".new";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + temp);
  }
  std::filesystem::rename(temp, file_);
}

std::string TestClock::environment_entry() const {
  return std::string(kVariable) + "=" + pin();
}

std::vector<std::string> child_environment(const std::filesystem::path& data_dir) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view entry(*e);
    if (entry.substr(0, kVariable.size() + 1) == std::string(kVariable) + "=") continue;
    env.emplace_back(entry);
  }
  env.push_back(data_dir.empty() ? std::string(kVariable) + "=" + kTestNow : TestClock(data_dir).environment_entry());
  return env;
}

}  // namespace maitred::test
