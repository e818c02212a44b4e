#pragma once
// What the libFuzzer targets share: how a broken property stops the run, and
// an independent oracle for "valid UTF-8" (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), written here rather than taken from
// src/ so a bug in the code under test cannot hide itself.

#include <exception>
#include <string>
#include <string_view>

namespace maitred::fuzz {

// Aborts with "contract violated: <what>" (and `detail`, if any) when `ok`
// is false; libFuzzer then saves the input as a crash.
void contract(bool ok, const char* what, std::string_view detail = {});

bool is_strict_utf8(std::string_view text);

// What `f` returns; any exception it throws is a broken contract. For reads
// that must succeed (a document maitred itself wrote), where a
// domain::InvalidInput must not pass for a client error.
template <typename F>
auto must(F f, const char* what, std::string_view text) {
  try {
    return f();
  } catch (const std::exception& e) {
    contract(false, what, std::string(e.what()) + "\ninput: " + std::string(text));
    throw;
  }
}

}  // namespace maitred::fuzz
