#include "domain/webhook_schedule.hpp"

#include <algorithm>

namespace maitred::domain {

std::optional<core::SystemTime> next_webhook_attempt(int attempts, core::SystemTime failed_at, double jitter) {
  if (attempts < 1 || attempts >= kWebhookMaxAttempts) return std::nullopt;
  const std::chrono::milliseconds delay = kWebhookRetryDelays[static_cast<std::size_t>(attempts - 1)];
  const double stretch = std::clamp(jitter, 0.0, 1.0) * kWebhookJitter;
  const auto extra = std::chrono::milliseconds{static_cast<long long>(static_cast<double>(delay.count()) * stretch)};
  return failed_at + delay + extra;
}

}  // namespace maitred::domain
