#pragma once
// One command-line option as a row of its command's table: the name, the
// variable it is parsed into, the help text and the limits. Rows are plain
// data; cli/command_line.cpp alone turns them into parser calls, so every
// command's options are read, checked and shown in --help the same way.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace maitred::cli {

// Inclusive limits of a number, shown in --help as "INT in [min - max]".
struct Range {
  long long min;
  long long max;
};

struct Option {
  // A bool is a flag: given means true. A vector is repeatable.
  using Target =
      std::variant<std::string*, bool*, int*, std::uint32_t*, std::size_t*, long long*, std::vector<std::string>*>;

  std::string_view name;  // "--listen", or "FILE" for a positional argument
  Target target;
  std::string_view help;
  bool required = false;
  bool show_default = false;  // --help shows the target's value before parsing
  std::optional<Range> range = std::nullopt;
};

}  // namespace maitred::cli
