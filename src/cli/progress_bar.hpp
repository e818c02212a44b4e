#pragma once
// Progress of a long command on stderr: a bar redrawn in place on a
// terminal; on a file or a pipe (logs, CI), where carriage returns would be
// noise, a plain line each time another tenth is reached. Used by
// `maitred import` (rows of the CSV) and `maitred migrate` (rows per table).

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace maitred::cli {

class ProgressBar {
 public:
  // `label` names what progresses ("import", a table's name).
  ProgressBar(std::string label, long long total);
  ProgressBar(std::string label, long long total, std::ostream& out, bool terminal);

  // On a terminal the label is padded to `width`, so the bars of several
  // lines (one per table) line up.
  void pad_label(std::size_t width) { label_width_ = width; }

  // `detail` follows the counts, e.g. ", 2 failed".
  void show(long long done, std::string_view detail = {});
  // The last state, always drawn; ends the terminal line.
  void finish(long long done, std::string_view detail = {});

 private:
  void draw(long long done, std::string_view detail, int percent);
  int percent_of(long long done) const;

  std::string label_;
  long long total_;
  std::ostream& out_;
  bool terminal_;
  std::size_t label_width_ = 0;
  int shown_percent_ = -1;  // terminal: the last redraw
  int shown_tenth_ = 0;     // plain lines: the last tenth printed
  bool final_shown_ = false;
};

}  // namespace maitred::cli
