#pragma once
// A response before it is serialised. The body is always JSON.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace maitred::http {

struct LongPoll;  // http/long_poll.hpp

struct Response {
  unsigned status = 200;
  std::string body;  // JSON text; empty for 204/304
  std::vector<std::pair<std::string, std::string>> headers;
  bool close_connection = false;
  // Set by a handler that waits for news before it answers (long_poll.hpp);
  // the connection then sends what `long_poll->answer` returns instead.
  std::shared_ptr<LongPoll> long_poll;

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  std::string_view header(std::string_view name) const;

  static Response json(unsigned status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
};

}  // namespace maitred::http
