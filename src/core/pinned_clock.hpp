#pragma once
// The clock of a test build's process: "now" starts at a pinned instant and
// runs on from there at the machine's pace, so a test states its own date
// and passes whatever the machine's date is. A black-box test moves a
// running server's clock by rewriting the file the clock was pinned with.
//
// Only cli/process_clock.cpp creates one, and only in a test build: a
// production server cannot be moved to another date by accident.

#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>

#include "core/clock.hpp"

namespace maitred::core {

class PinnedClock final : public Clock {
 public:
  // `pin` is an instant as format_utc writes it ("2026-12-02T10:00:00Z"), or
  // "@PATH" naming a file that holds one. A file is read again on every
  // now(); when its instant changes, the clock jumps there and runs on.
  // Throws std::invalid_argument when the pin or the file cannot be read.
  explicit PinnedClock(const std::string& pin);

  SystemTime now() const override;

 private:
  void reread_file() const;  // with mutex_ held

  std::filesystem::path file_;  // empty: pinned once, never moved
  mutable std::mutex mutex_;
  mutable std::string file_text_;
  mutable SystemTime pinned_at_;
  mutable std::chrono::steady_clock::time_point pinned_when_;
};

}  // namespace maitred::core
