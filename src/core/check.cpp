#include "core/check.hpp"

#include <cstdio>
#include <cstdlib>

namespace maitred::core {

void check_failed(const char* file, int line, const char* condition, std::string_view message) noexcept {
  // One write, unbuffered: the line must reach stderr before abort().
  std::fprintf(stderr, "%s:%d: CHECK failed: %s: %.*s\n", file, line, condition, static_cast<int>(message.size()),
               message.data());
  std::abort();
}

}  // namespace maitred::core
