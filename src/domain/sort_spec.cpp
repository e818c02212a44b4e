#include "domain/sort_spec.hpp"

#include <algorithm>

#include "domain/errors.hpp"
#include "domain/search_expression.hpp"

namespace maitred::domain {

namespace {

[[noreturn]] void fail(const std::string& reason, std::size_t position) {
  throw InvalidInput("invalid_sort", "sort", "sort: " + reason + " at position " + std::to_string(position));
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class SortParser {
 public:
  explicit SortParser(std::string_view text) : text_(text) {}

  std::vector<SortKey> parse() {
    std::vector<SortKey> keys;
    skip_space();
    if (at_end()) return keys;
    for (;;) {
      skip_space();
      if (text_[pos_] == ',') fail("empty sort key", pos_);
      if (keys.size() == max_sort_keys) {
        fail("too many sort keys (at most " + std::to_string(max_sort_keys) + ")", pos_);
      }
      const std::size_t key_at = pos_;
      SortKey key = parse_key();
      auto same = [&](const SortKey& k) { return k.path == key.path; };
      if (std::any_of(keys.begin(), keys.end(), same)) fail("'" + key.path + "' is sorted on twice", key_at);
      keys.push_back(std::move(key));
      skip_space();
      if (at_end()) break;
      if (text_[pos_] != ',') fail("expected ',' or the end of the sort", pos_);
      const std::size_t comma_at = pos_++;
      skip_space();
      if (at_end()) fail("trailing comma", comma_at);
    }
    return keys;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  void skip_space() {
    while (!at_end() && is_space(text_[pos_])) ++pos_;
  }

  SortKey parse_key() {
    const std::size_t start = pos_;
    pos_ = scan_field_path(text_, pos_);
    const auto path = text_.substr(start, pos_ - start);
    if (path.empty()) fail("expected a field name", start);
    if (auto problem = check_field_path(path)) fail(problem->reason, start + problem->offset);
    SortKey key{std::string(path), true};
    skip_space();
    // resOS always names the direction; guessing one for a bare field would
    // hide a client's mistake (`sort=people` meant descending?).
    if (at_end() || text_[pos_] != ':') fail("expected ':' and a direction (1 or -1) after the field name", pos_);
    ++pos_;
    skip_space();
    const std::size_t direction_at = pos_;
    const auto rest = text_.substr(pos_);
    std::size_t length = 0;
    if (rest.substr(0, 2) == "-1") {
      key.ascending = false;
      length = 2;
    } else if (rest.substr(0, 1) == "1") {
      length = 1;
    }
    pos_ += length;
    // `:10` or `:1x` must not pass as `:1`.
    const bool glued = !at_end() && !is_space(text_[pos_]) && text_[pos_] != ',';
    if (length == 0 || glued) fail("expected 1 or -1 after ':'", direction_at);
    return key;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<SortKey> parse_sort(std::string_view text) {
  return SortParser(text).parse();
}

}  // namespace maitred::domain
