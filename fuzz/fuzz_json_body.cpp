// libFuzzer target: request bodies and query strings.
//
// The input's first byte chooses what the rest is fed to, the way a request
// body reaches it: json::parse_body and then each resource's apply_* codec
// followed by its domain check (areas, tables, combinations, opening hours,
// custom fields, restaurant settings), or http::QueryParams with each of its
// typed getters. Every failure must be a domain error (a 4xx for the
// client); anything else escaping, a crash or a sanitizer finding is a bug.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "domain/errors.hpp"
#include "domain/restaurant_rules.hpp"
#include "domain/setup_rules.hpp"
#include "http/query_params.hpp"
#include "json/json_reader.hpp"
#include "json/restaurant_codec.hpp"
#include "json/setup_codec.hpp"

namespace {

using namespace maitred;

template <typename Doc, typename Check>
void apply_then_check(std::string_view body, void (*apply)(json::ObjectReader&, Doc&), Check check) {
  auto parsed = json::parse_body(body);
  json::ObjectReader in(parsed);
  Doc doc;
  apply(in, doc);
  in.finish();
  check(doc);
}

void feed(std::uint8_t selector, std::string_view text) {
  const std::vector<domain::Area> areas = {{"AAAAAAAAAAAAAAAAA", "Room", "", 0}};
  std::vector<domain::Table> tables(2);
  tables[0].id = "BBBBBBBBBBBBBBBBB";
  tables[0].name = "T1";
  tables[1].id = "CCCCCCCCCCCCCCCCC";
  tables[1].name = "T2";
  switch (selector % 7) {
    case 0:
      apply_then_check<domain::Area>(text, json::apply_area, [](const auto& a) { domain::check_area(a); });
      break;
    case 1:
      apply_then_check<domain::Table>(text, json::apply_table,
                                      [&](const auto& t) { domain::check_table(t, areas); });
      break;
    case 2:
      apply_then_check<domain::TableCombination>(text, json::apply_table_combination, [&](auto c) {
        domain::check_table_combination(c, tables);
      });
      break;
    case 3:
      apply_then_check<domain::OpeningHour>(text, json::apply_opening_hour,
                                            [&](const auto& h) { domain::check_opening_hour(h, areas); });
      break;
    case 4:
      apply_then_check<domain::CustomField>(text, json::apply_custom_field,
                                            [](const auto& f) { domain::check_custom_field(f, {}); });
      break;
    case 5: {
      auto parsed = json::parse_body(text);
      json::ObjectReader in(parsed);
      domain::Restaurant r;
      r.id = "AAAAAAAAAAAAAAAAA";
      r.name = "R";
      r.timezone = "UTC";
      json::apply_restaurant_changes(in, r);
      domain::check_restaurant(r);
      (void)json::restaurant_to_json(r);
      break;
    }
    default: {
      http::QueryParams query(text);
      for (const auto& [name, value] : query.all()) {
        (void)query.get(name);
        try {
          (void)query.get_bool(name, false);
        } catch (const domain::InvalidInput&) {
        }
        (void)query.get_integer("nonexistent", 7, 0, 10);
        try {
          (void)query.get_integer(name, 0, -100, 100);
        } catch (const domain::InvalidInput&) {
        }
      }
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    feed(data[0], text);
  } catch (const domain::DomainError&) {
    // A client error: exactly what bad input must produce.
  }
  return 0;
}

// Findings are fatal even though the preset builds recoverable checks;
// fuzz/smoke.sh adds the RapidJSON suppression (fuzz/ubsan.supp).
extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1"; }
