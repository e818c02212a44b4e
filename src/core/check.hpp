#pragma once
// MAITRED_CHECK(condition, message): an invariant that stays checked in every
// build, NDEBUG or not (Envoy's RELEASE_ASSERT). Only for states the code
// itself makes impossible; input from clients, files or the database gets
// an error someone can act on instead. A failed check is a bug, and running
// on would be undefined behaviour (a dereferenced end iterator or empty
// optional), so the process stops with the place and the reason on stderr.

#include <string_view>

namespace maitred::core {

// Writes "file:line: CHECK failed: <condition>: <message>" to stderr and
// aborts. Out of line so that a check costs one compare at its call site.
[[noreturn]] void check_failed(const char* file, int line, const char* condition, std::string_view message) noexcept;

}  // namespace maitred::core

// `message` is evaluated only when the check fails.
#define MAITRED_CHECK(condition, message)                                       \
  do {                                                                          \
    if (!(condition)) [[unlikely]] {                                            \
      ::maitred::core::check_failed(__FILE__, __LINE__, #condition, (message)); \
    }                                                                           \
  } while (false)
