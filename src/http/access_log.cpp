#include "http/access_log.hpp"

#include "core/clock.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"
#include "json/json_writer.hpp"

namespace maitred::http {

void write_access_log(const AccessLogEntry& e) {
  auto& logger = core::log();
  if (!logger.should_log(spdlog::level::info)) return;
  std::string line;
  line.reserve(256);
  json::JsonWriter out(line);
  out.start_object();
  out.member("time", core::format_utc(core::SystemClock{}.now()));
  out.member("requestId", e.request_id);
  out.member("method", e.method);
  out.member("path", e.path.substr(0, 512));
  out.member("status", static_cast<long long>(e.status));
  out.member("durationUs", static_cast<long long>(e.duration.count()));
  if (!e.restaurant_id.empty()) out.member("restaurantId", e.restaurant_id);
  if (!e.client_address.empty()) out.member("client", e.client_address);
  out.end_object();
  logger.info("{}", line);
}

}  // namespace maitred::http
