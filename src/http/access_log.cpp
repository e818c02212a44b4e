#include "http/access_log.hpp"

#include <algorithm>
#include <string>

#include "core/clock.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"
#include "json/json_writer.hpp"

namespace maitred::http {

namespace {

// A manage link's token is a secret: the log shows where it was, not what.
std::string logged_path(std::string_view path) {
  constexpr std::string_view kManage = "/manage/";
  const auto at = path.find(kManage);
  if (at == std::string_view::npos) return std::string(path.substr(0, 512));
  const auto token_start = at + kManage.size();
  const auto token_end = std::min(path.find_first_of("/?", token_start), path.size());
  std::string out(path.substr(0, token_start));
  out += "{token}";
  out += path.substr(token_end);
  return out.substr(0, 512);
}

}  // namespace

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
  out.member("path", logged_path(e.path));
  out.member("status", static_cast<long long>(e.status));
  out.member("durationUs", static_cast<long long>(e.duration.count()));
  if (!e.restaurant_id.empty()) out.member("restaurantId", e.restaurant_id);
  if (!e.client_address.empty()) out.member("client", e.client_address);
  out.end_object();
  logger.info("{}", line);
}

}  // namespace maitred::http
