#pragma once
// The list commands' output: a JSON array on stdout, one item a line.

#include <iostream>

namespace maitred::cli {

template <typename Items, typename ToJson>
void print_json_array(const Items& items, ToJson to_json) {
  std::cout << "[";
  bool first = true;
  for (const auto& item : items) {
    std::cout << (first ? "\n  " : ",\n  ") << to_json(item);
    first = false;
  }
  std::cout << (first ? "]\n" : "\n]\n");
}

}  // namespace maitred::cli
