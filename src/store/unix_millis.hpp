#pragma once
// Instants as the tables that keep them as numbers store them: Unix
// milliseconds of the store's clock (ordered as numbers in SQL).

#include <chrono>

#include "core/clock.hpp"

namespace maitred::store {

inline long long unix_millis(core::SystemTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

inline core::SystemTime from_unix_millis(long long value) {
  return core::SystemTime{std::chrono::milliseconds{value}};
}

}  // namespace maitred::store
