#include "domain/setup_rules.hpp"

#include <algorithm>
#include <set>

#include "domain/calendar.hpp"
#include "domain/errors.hpp"

namespace maitred::domain {

namespace {

[[noreturn]] void fail(std::string field, const std::string& message) {
  throw InvalidInput("invalid_field", std::move(field), message);
}

template <typename Doc>
bool contains_id(std::span<const Doc> docs, const std::string& id) {
  return std::ranges::any_of(docs, [&](const Doc& d) { return d.id == id; });
}

void require_area(std::span<const Area> areas, const std::string& id, const std::string& field) {
  if (!contains_id(areas, id)) throw NotFound("unknown_reference", field, "There is no area with id '" + id + "'.");
}

void check_seats(int seats_min, int seats_max) {
  if (seats_min < 1) fail("seatsMin", "seatsMin must be at least 1.");
  if (seats_min > seats_max) fail("seatsMin", "seatsMin must not be larger than seatsMax.");
}

std::string lower(std::string s) {
  for (auto& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

}  // namespace

void check_area(const Area& area) {
  if (area.name.find_first_not_of(" \t\r\n") == std::string::npos) fail("name", "The area needs a name.");
}

void check_table(const Table& table, std::span<const Area> areas) {
  if (table.name.find_first_not_of(" \t\r\n") == std::string::npos) fail("name", "The table needs a name.");
  check_seats(table.seats_min, table.seats_max);
  if (!table.area_id.empty()) require_area(areas, table.area_id, "areaId");
}

void check_table_combination(TableCombination& combination, std::span<const Table> tables) {
  if (combination.table_ids.size() < 2) fail("tableIds", "A combination joins two or more tables.");
  std::set<std::string> seen;
  std::string joined;
  for (std::size_t i = 0; i < combination.table_ids.size(); ++i) {
    const auto& id = combination.table_ids[i];
    const std::string field = "tableIds[" + std::to_string(i) + "]";
    if (!seen.insert(id).second) fail(field, "Table '" + id + "' is listed twice.");
    auto it = std::ranges::find(tables, id, &Table::id);
    if (it == tables.end()) throw NotFound("unknown_reference", field, "There is no table with id '" + id + "'.");
    joined += (joined.empty() ? "" : " + ") + it->name;
  }
  check_seats(combination.seats_min, combination.seats_max);
  // seatsMax is the restaurant's to say: joined tables seat more or fewer
  // than the sum of their parts.
  if (combination.name.empty()) combination.name = joined;
}

void check_opening_hour(const OpeningHour& h, std::span<const Area> areas) {
  if (h.name.find_first_not_of(" \t\r\n") == std::string::npos && (!h.special || h.is_open)) {
    fail("name", "The service needs a name (for example Lunch or Dinner).");
  }
  if (h.special) {
    auto from = parse_iso_date(h.date);
    if (!from) fail("date", "A special day needs a date as YYYY-MM-DD.");
    if (!is_client_year(*from)) fail("date", "A special day must be in the years 1900 to 2199.");
    if (!h.to_date.empty()) {
      auto to = parse_iso_date(h.to_date);
      if (!to) fail("toDate", "toDate must be a date as YYYY-MM-DD.");
      if (!is_client_year(*to)) fail("toDate", "toDate must be in the years 1900 to 2199.");
      if (*to < *from) fail("toDate", "toDate must not be before date.");
      if (h.is_open) fail("toDate", "A date range (toDate) is only for closures: set isOpen to false.");
      if (date::sys_days{*to} - date::sys_days{*from} > date::days{366}) {
        fail("toDate", "A closure may span at most a year.");
      }
    }
  } else if (h.day < 1 || h.day > 7) {
    fail("day", "day must be 1 (Monday) to 7 (Sunday).");
  }
  if (!h.special || h.is_open) {
    if (!is_valid_hhmm(h.open)) fail("open", "open must be a time as HHMM, for example 1130.");
    if (!is_valid_hhmm(h.close)) fail("close", "close must be a time as HHMM, for example 2230.");
    if (h.open == h.close) fail("close", "close must differ from open.");
    // A service is shorter than 24 hours by construction (HHMM wraps once).
    if (h.seating.duration > service_length_minutes(h.open, h.close) + 6 * 60) {
      fail("seating.duration", "The seating duration is far longer than the service.");
    }
  }
  if (h.max_people && h.max_people_per_slot && *h.max_people_per_slot > *h.max_people) {
    fail("maxPeoplePerSlot", "maxPeoplePerSlot must not exceed maxPeople.");
  }
  for (std::size_t i = 0; i < h.area_ids.size(); ++i) {
    require_area(areas, h.area_ids[i], "areaIds[" + std::to_string(i) + "]");
  }
}

void check_custom_field(const CustomField& f, std::span<const OpeningHour> opening_hours) {
  if (f.name.find_first_not_of(" \t\r\n") == std::string::npos) fail("name", "The custom field needs a name.");
  static const std::set<std::string> kTypes = {"string", "radio", "dropdown", "checkbox", "number"};
  if (!kTypes.contains(f.type)) fail("type", "type must be one of string, radio, dropdown, checkbox, number.");
  const bool choice_type = f.type == "radio" || f.type == "dropdown" || f.type == "checkbox";
  if (choice_type && f.choices.empty()) {
    fail("multipleChoiceSelections", "A " + f.type + " field needs at least one choice.");
  }
  if (!choice_type && !f.choices.empty()) {
    fail("multipleChoiceSelections", "Only radio, dropdown and checkbox fields have choices.");
  }
  std::set<std::string> names;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < f.choices.size(); ++i) {
    // Booking answers pick a choice by _id: two choices must never share one.
    if (!ids.insert(f.choices[i].id).second) {
      fail("multipleChoiceSelections[" + std::to_string(i) + "]._id", "Two choices have the same _id.");
    }
    const std::string field = "multipleChoiceSelections[" + std::to_string(i) + "].name";
    if (f.choices[i].name.find_first_not_of(" \t\r\n") == std::string::npos) fail(field, "A choice needs a name.");
    if (!names.insert(lower(f.choices[i].name)).second) fail(field, "Two choices have the same name.");
  }
  for (const auto& flow : f.active_flows) {
    if (flow != "booking" && flow != "waitlist" && flow != "online") {
      fail("activeFlows", "activeFlows may contain booking, waitlist and online.");
    }
  }
  for (std::size_t i = 0; i < f.opening_hour_ids.size(); ++i) {
    const auto& id = f.opening_hour_ids[i];
    if (!contains_id(opening_hours, id)) {
      throw NotFound("unknown_reference", "openingHourIds[" + std::to_string(i) + "]",
                     "There is no opening hour with id '" + id + "'.");
    }
  }
}

std::string table_unique_key(const Table& table) {
  return lower(table.name);
}

void check_area_unused(std::string_view area_id, std::string_view name, std::span<const Table> tables,
                       std::span<const OpeningHour> opening_hours) {
  const auto in_area = std::ranges::count(tables, area_id, &Table::area_id);
  if (in_area > 0) {
    throw IllegalOperation("in_use", "_id",
                           "The area '" + std::string(name) + "' still has " + std::to_string(in_area) +
                               " table(s). Move or delete them first.");
  }
  const auto services = std::ranges::count_if(
      opening_hours, [&](const auto& h) { return std::ranges::find(h.area_ids, area_id) != h.area_ids.end(); });
  if (services > 0) {
    throw IllegalOperation("in_use", "_id",
                           "The area '" + std::string(name) + "' is used by " + std::to_string(services) +
                               " opening hour(s). Remove it from them first.");
  }
}

void check_table_unused(std::string_view table_id, std::string_view name,
                        std::span<const TableCombination> combinations, std::size_t bookings_holding_it) {
  std::string names;
  for (const auto& c : combinations) {
    if (std::ranges::find(c.table_ids, table_id) == c.table_ids.end()) continue;
    names += (names.empty() ? "'" : ", '") + c.name + "'";
  }
  if (!names.empty()) {
    throw IllegalOperation(
        "in_use", "_id",
        "Table '" + std::string(name) + "' is part of the combination(s) " + names + ". Delete those first.");
  }
  if (bookings_holding_it > 0) {
    throw IllegalOperation("in_use", "_id",
                           "Table '" + std::string(name) + "' is held by " + std::to_string(bookings_holding_it) +
                               " current or upcoming booking(s). Move them to another table first.");
  }
}

}  // namespace maitred::domain
