#pragma once
// One JSON line per request. Only the path is logged, never the query string
// or any header, so no secret can reach the log.

#include <chrono>
#include <string_view>

#include "http/request.hpp"

namespace maitred::http {

struct AccessLogEntry {
  std::string_view request_id;
  std::string_view method;
  std::string_view path;
  unsigned status;
  std::chrono::microseconds duration;
  std::string_view restaurant_id;  // empty when not authenticated
  std::string_view client_address;
};

void write_access_log(const AccessLogEntry& entry);

}  // namespace maitred::http
