#pragma once
// When a webhook delivery is tried again after a failed attempt: a fixed
// back-off (5 s, 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: nine attempts
// over about 28 hours, so a receiver down for a night still gets
// everything), each delay stretched by up to 10 % of jitter so that the
// retries of many deliveries that failed together (a receiver's outage) do
// not all come back in the same second. After the ninth attempt fails the
// delivery is given up and its endpoint disabled.

#include <array>
#include <chrono>
#include <optional>

#include "core/clock.hpp"

namespace maitred::domain {

inline constexpr std::array<std::chrono::seconds, 8> kWebhookRetryDelays{
    std::chrono::seconds{5}, std::chrono::minutes{1}, std::chrono::minutes{5}, std::chrono::minutes{30},
    std::chrono::hours{2},   std::chrono::hours{5},   std::chrono::hours{10},  std::chrono::hours{10}};

// How many attempts a delivery gets in all (the first and the retries).
inline constexpr int kWebhookMaxAttempts = static_cast<int>(kWebhookRetryDelays.size()) + 1;

// The share of a delay that jitter may add (0.1: up to 10 % later).
inline constexpr double kWebhookJitter = 0.1;

// When to try again after attempt number `attempts` (1 for the first) failed
// at `failed_at`; nullopt when that was the last. `jitter` is a number in
// [0, 1) the caller draws (tests pass 0 or 0.999...): the delay is
// stretched by jitter * kWebhookJitter.
std::optional<core::SystemTime> next_webhook_attempt(int attempts, core::SystemTime failed_at, double jitter);

}  // namespace maitred::domain
