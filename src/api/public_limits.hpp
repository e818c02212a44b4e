#pragma once
// Abuse limits of the public booking API, where no key identifies the
// caller: holds per client address and per restaurant, confirmed bookings per
// guest e-mail and phone, manage-link lookups per address. Counted in this
// process's memory in fixed windows (http/rate_limiter.hpp); over a limit the
// handler answers 429 with Retry-After.

#include <chrono>
#include <cstdint>
#include <string_view>

#include "core/clock.hpp"
#include "http/rate_limiter.hpp"

namespace maitred::api {

struct PublicLimitSettings {
  std::uint32_t holds_per_address_per_hour = 30;
  std::uint32_t holds_per_restaurant_per_minute = 120;
  std::uint32_t bookings_per_contact_per_day = 5;
  std::uint32_t manage_lookups_per_address_per_hour = 60;
  // A booking confirmed sooner than this after its hold was placed was not
  // typed by a person.
  std::chrono::seconds minimum_fill_time{3};
};

class PublicLimits {
 public:
  PublicLimits(const PublicLimitSettings& settings, const core::Clock& clock);

  // Each counts one attempt and throws ApiError 429 rate_limited (with the
  // milliseconds to wait in the error's retry_after) when over the limit.
  void count_hold(std::string_view client_address, std::string_view restaurant_id);
  void count_booking(std::string_view restaurant_id, std::string_view email, std::string_view phone);
  void count_manage_lookup(std::string_view client_address);

  const PublicLimitSettings& settings() const { return settings_; }

 private:
  PublicLimitSettings settings_;
  http::FixedWindowRateLimiter holds_per_address_;
  http::FixedWindowRateLimiter holds_per_restaurant_;
  http::FixedWindowRateLimiter bookings_per_contact_;
  http::FixedWindowRateLimiter manage_lookups_;
};

}  // namespace maitred::api
