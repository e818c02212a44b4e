#include "core/pinned_clock.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/time_format.hpp"

namespace maitred::core {

namespace {

SystemTime parse_pin(std::string_view text, std::string_view where) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
  auto instant = parse_utc(text);
  if (!instant) {
    throw std::invalid_argument(std::string(where) + ": not an instant like 2026-12-02T10:00:00Z: \"" +
                                std::string(text) + "\"");
  }
  return *instant;
}

std::string read_whole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::invalid_argument("pinned clock: cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

PinnedClock::PinnedClock(const std::string& pin) {
  if (!pin.empty() && pin.front() == '@') {
    file_ = pin.substr(1);
    std::lock_guard lock(mutex_);
    reread_file();
  } else {
    pinned_at_ = parse_pin(pin, "pinned clock");
    pinned_when_ = std::chrono::steady_clock::now();
  }
}

void PinnedClock::reread_file() const {
  std::string text = read_whole(file_);
  if (text == file_text_) return;
  pinned_at_ = parse_pin(text, file_.string());
  pinned_when_ = std::chrono::steady_clock::now();
  file_text_ = std::move(text);
}

SystemTime PinnedClock::now() const {
  std::lock_guard lock(mutex_);
  if (!file_.empty()) {
    try {
      reread_file();
    } catch (const std::exception& e) {
      // The test that owns the file broke it (tests replace it atomically):
      // running on with a made-up time would only hide that.
      std::fprintf(stderr, "maitred: %s\n", e.what());
      std::abort();
    }
  }
  const auto ran = std::chrono::steady_clock::now() - pinned_when_;
  return pinned_at_ + std::chrono::duration_cast<std::chrono::milliseconds>(ran);
}

}  // namespace maitred::core
