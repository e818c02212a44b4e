#include "api/heart.hpp"

#include <array>
#include <atomic>

#include "json/json_writer.hpp"

namespace maitred::api {

namespace {
constexpr std::array<std::string_view, 6> kQuotes = {
    "A table is never just a table.",        "Mise en place: everything in its place.",
    "The guest is never an interruption.",   "Hospitality is making people feel at home when you wish they were.",
    "Reservations are promises; keep them.", "Yes, chef!",
};
}  // namespace

http::Response heart(http::RequestContext&) {
  static std::atomic<unsigned> next{0};
  return http::Response::json(200, json::quoted(kQuotes[next++ % kQuotes.size()]));
}

}  // namespace maitred::api
