#pragma once
// A command of `maitred` as a row of the table in cli/main.cpp: the words
// that name it, its help line, and its handler: the options it parses (a
// table of its own, cli/option.hpp) and what runs on them.

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "cli/option.hpp"
#include "core/clock.hpp"

namespace maitred::cli {

struct Handler {
  std::vector<Option> options;                 // in --help order
  std::function<int(const core::Clock&)> run;  // returns the exit code
};

struct Command {
  std::string_view path;  // "serve"; "key create" is `create` in the group `key`
  std::string_view help;
  Handler (*handler)() = nullptr;  // none for a group, which runs one of its commands
};

// The usual handler: options(arguments) binds the options to a fresh
// Arguments, which the handler owns, and run(arguments, clock) runs on them.
template <typename Arguments>
Handler handler(std::vector<Option> (*options)(Arguments&), int (*run)(const Arguments&, const core::Clock&)) {
  auto arguments = std::make_shared<Arguments>();
  return {options(*arguments), [arguments, run](const core::Clock& clock) { return run(*arguments, clock); }};
}

}  // namespace maitred::cli
