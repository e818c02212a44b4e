// libFuzzer target: values read from headers and query strings. The first
// byte of an input picks the consumer, the rest is the value:
//
//   0  If-None-Match         http::if_none_match_matches, apply_conditional_get
//   1  fromDateTime/toDateTime  domain::parse_date_time_bound, in six zones
//   2  a guest's phone       domain::normalize_phone
//   3  a guest's e-mail      domain::is_valid_email
//
// Each has properties that must hold whatever the value; see the check_*
// functions. Sanitizer reports and broken properties are findings.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/contact_rules.hpp"
#include "domain/date_time_bounds.hpp"
#include "fuzz_support.hpp"
#include "http/etag.hpp"

namespace {

using namespace maitred;
using fuzz::contract;

// A strong tag of some body, the W/ form, a list around it and "*" always
// match; a field matches only if it holds the tag or a "*"; once a field
// matches, more elements after it change nothing; apply_conditional_get
// answers 304 exactly when the field matches, with no body and the tag.
void check_if_none_match(std::string_view field) {
  const std::string body = "{\"field\":\"" + std::string(field.substr(0, 8)) + "\"}";
  const std::string etag = http::strong_etag(body);
  contract(etag.size() == 18 && etag.front() == '"' && etag.back() == '"' &&
               etag.find_first_not_of("0123456789abcdef", 1) == 17,
           "a strong ETag is 16 hex digits in quotes", etag);
  for (const std::string& always : {etag, "W/" + etag, " ," + etag + " ,", "\"x\", " + etag, std::string("*")}) {
    contract(http::if_none_match_matches(always, etag), "the tag, its weak form, a list with it and * match", always);
  }
  const bool matches = http::if_none_match_matches(field, etag);
  const std::string_view hex = std::string_view(etag).substr(1, 16);
  if (matches) {
    contract(field.find(hex) != std::string_view::npos || field.find('*') != std::string_view::npos,
             "only a field with the tag or * matches", field);
    if (field.find('*') == std::string_view::npos) {
      contract(http::if_none_match_matches(std::string(field) + ", \"other\"", etag),
               "elements after a match change nothing", field);
    }
  }
  http::Request request;
  request.method = http::Method::get;
  request.headers = {{"if-none-match", field}};
  auto response = http::Response::json(200, body);
  http::apply_conditional_get(request, response);
  contract(response.header("ETag") == etag, "a 200 or 304 carries the ETag");
  contract(response.status == (matches ? 304u : 200u), "304 exactly when If-None-Match matches", field);
  contract(response.status == 200 || response.body.empty(), "a 304 has no body");
}

// Both bounds accept the same texts; from <= to; a date spans one local day
// (23 to 25 hours, less the last second); an instant is one moment.
void check_bounds(std::string_view text) {
  using namespace std::chrono_literals;
  for (std::string_view zone :
       {"UTC", "Europe/Copenhagen", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/St_Johns"}) {
    const auto from = domain::parse_date_time_bound(text, zone, domain::Bound::from);
    const auto to = domain::parse_date_time_bound(text, zone, domain::Bound::to);
    contract(from.has_value() == to.has_value(), "fromDateTime and toDateTime accept the same texts", text);
    if (!from) continue;
    contract(*from <= *to, "a bound's from is not after its to", text);
    const auto span = *to - *from;
    if (text.size() == 10) {
      contract(span >= 23h - 1s && span <= 25h - 1s, "a date bound spans one local day", text);
    } else {
      contract(span == 0s, "a date-time bound is one instant", text);
    }
  }
}

// Accepted: "" or "+" and 7 to 15 digits, the first not 0; normalising is
// idempotent.
void check_phone(std::string_view text) {
  const auto phone = domain::normalize_phone(text);
  if (!phone) return;
  if (!phone->empty()) {
    contract(phone->size() >= 8 && phone->size() <= 16 && (*phone)[0] == '+' && (*phone)[1] != '0' &&
                 phone->find_first_not_of("0123456789", 1) == std::string::npos,
             "a phone is + and 7 to 15 digits", *phone);
  }
  contract(domain::normalize_phone(*phone) == phone, "normalising a phone twice changes nothing", *phone);
}

// Accepted: 3 to 254 bytes, one @ with something before it, a dotted
// domain, no spaces or control characters.
void check_email(std::string_view text) {
  if (!domain::is_valid_email(text)) return;
  const auto at = text.find('@');
  contract(text.size() >= 3 && text.size() <= 254, "an e-mail is 3 to 254 bytes", text);
  contract(at != std::string_view::npos && at > 0 && text.find('@', at + 1) == std::string_view::npos,
           "an e-mail has one @ and a local part", text);
  const auto domain = text.substr(at + 1);
  contract(domain.find('.') != std::string_view::npos && !domain.starts_with('.') && !domain.ends_with('.'),
           "an e-mail's domain is dotted", text);
  for (unsigned char c : text) contract(c > 0x20, "an e-mail has no spaces or control characters", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view value(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0: check_if_none_match(value); break;
    case 1: check_bounds(value); break;
    case 2: check_phone(value); break;
    default: check_email(value); break;
  }
  return 0;
}
