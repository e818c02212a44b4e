#pragma once
// The "now" of every test. Each maitred process a test starts runs on a
// pinned clock (MAITRED_TEST_NOW, src/cli/process_clock.hpp) that begins at
// kTestNow, so literal dates in tests mean the same thing on any machine
// date. All processes on one data folder share the folder's clock file, and
// a test moves their time with TestClock::advance instead of sleeping.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace maitred::test {

// A Wednesday morning in Copenhagen (the demo restaurant's time zone): the
// tests' "today" is 2026-12-02, "tomorrow" 2026-12-03.
inline constexpr const char* kTestNow = "2026-12-02T10:00:00Z";
core::SystemTime test_now();

// The clock file of a data folder (created at kTestNow on first use).
class TestClock {
 public:
  explicit TestClock(const std::filesystem::path& data_dir);

  // The instant the folder's processes count from (they add the time they
  // have been running).
  core::SystemTime pinned() const;
  void set(core::SystemTime instant);
  // Whole seconds: the file holds an instant as the API writes it.
  void advance(std::chrono::seconds by) { set(pinned() + by); }
  // Back to kTestNow, as if the processes on the folder had just started:
  // they jump there even when the file holds kTestNow already.
  void restart();

  // "@FILE": the pin of a core::PinnedClock that follows the file.
  std::string pin() const { return "@" + file_.string(); }
  // "MAITRED_TEST_NOW=@FILE", for a child process's environment.
  std::string environment_entry() const;

 private:
  void write(const std::string& text);

  std::filesystem::path file_;
};

// The environment for a maitred child process: this process's, with
// MAITRED_TEST_NOW set to the data folder's clock file, or to kTestNow when
// `data_dir` is empty.
std::vector<std::string> child_environment(const std::filesystem::path& data_dir);

}  // namespace maitred::test
