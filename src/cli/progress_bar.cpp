#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>

namespace maitred::cli {

ProgressBar::ProgressBar(std::string label, long long total)
    : ProgressBar(std::move(label), total, std::cerr, ::isatty(STDERR_FILENO) == 1) {}

ProgressBar::ProgressBar(std::string label, long long total, std::ostream& out, bool terminal)
    : label_(std::move(label)), total_(total), out_(out), terminal_(terminal) {}

int ProgressBar::percent_of(long long done) const {
  if (total_ <= 0) return 100;
  // The source may have shrunk under a resumed copy: never past 100 %.
  return static_cast<int>(std::clamp(done * 100 / total_, 0LL, 100LL));
}

void ProgressBar::show(long long done, std::string_view detail) {
  const int percent = percent_of(done);
  if (terminal_) {
    if (percent == shown_percent_) return;  // one redraw per percent
    draw(done, detail, percent);
    return;
  }
  // Only the tenth just reached: a jump from 0 to 100 % is one line, not ten.
  if (percent / 10 <= shown_tenth_) return;
  shown_tenth_ = percent / 10;
  draw(done, detail, shown_tenth_ * 10);
  final_shown_ = percent == 100;
}

void ProgressBar::finish(long long done, std::string_view detail) {
  const int percent = percent_of(done);
  if (terminal_) {
    draw(done, detail, percent);
    out_ << "\n" << std::flush;
    return;
  }
  if (!final_shown_ || percent / 10 != shown_tenth_) draw(done, detail, percent);
  final_shown_ = true;
}

void ProgressBar::draw(long long done, std::string_view detail, int percent) {
  if (terminal_) {
    shown_percent_ = percent;
    constexpr int kWidth = 30;
    const int filled = percent * kWidth / 100;
    const std::size_t padding = label_width_ > label_.size() ? label_width_ - label_.size() : 0;
    out_ << "\r" << label_ << std::string(padding, ' ') << " [" << std::string(filled, '#')
         << std::string(kWidth - filled, ' ') << "] " << percent << "% " << done << "/" << total_ << " rows" << detail
         << std::flush;
    return;
  }
  out_ << label_ << ": " << percent << "% (" << done << "/" << total_ << " rows" << detail << ")\n" << std::flush;
}

}  // namespace maitred::cli
