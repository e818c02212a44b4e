#include "http/response.hpp"

#include "core/text.hpp"

namespace maitred::http {

std::string_view Response::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (core::iequals(key, name)) {
      return value;
    }
  }
  return {};
}

}  // namespace maitred::http
