#include "http/query_params.hpp"

#include <charconv>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "domain/errors.hpp"

namespace maitred::http {

namespace {

[[noreturn]] void invalid_parameter(std::string_view name, const std::string& message) {
  throw domain::InvalidInput("invalid_parameter", std::string(name), message);
}

constexpr std::size_t kMaxParameters = 100;

}  // namespace

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = core::hex_digit_value(text[i + 1]), lo = core::hex_digit_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

QueryParams::QueryParams(std::string_view query) {
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    if (params_.size() >= kMaxParameters) invalid_parameter({}, "The query string has too many parameters.");
    auto eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq));
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    if (!name || !value) {
      invalid_parameter(name ? *name : std::string{}, "The query string has a malformed %-escape.");
    }
    // Values reach stored documents (search text, ids): text or nothing.
    if (!core::is_valid_utf8(*name)) invalid_parameter({}, "A parameter name is not valid UTF-8.");
    if (!core::is_valid_utf8(*value)) {
      invalid_parameter(*name, "The value of '" + *name + "' is not valid UTF-8 (after %-decoding).");
    }
    params_.emplace_back(std::move(*name), std::move(*value));
  }
}

std::optional<std::string> QueryParams::get(std::string_view name) const {
  for (const auto& [k, v] : params_) {
    if (k == name) return v;
  }
  return std::nullopt;
}

bool QueryParams::get_bool(std::string_view name, bool fallback) const {
  auto v = get(name);
  if (!v) return fallback;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  invalid_parameter(name, "'" + std::string(name) + "' must be true or false.");
}

long long QueryParams::get_integer(std::string_view name, long long fallback, long long min, long long max) const {
  auto v = get(name);
  if (!v) return fallback;
  long long value = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), value);
  if (v->empty() || ec != std::errc{} || end != v->data() + v->size() || value < min || value > max) {
    invalid_parameter(name, "'" + std::string(name) + "' must be a whole number from " + std::to_string(min) + " to " +
                                std::to_string(max) + ".");
  }
  return value;
}

}  // namespace maitred::http
