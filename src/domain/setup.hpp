#pragma once
// The restaurant's setup: areas, tables, table combinations, opening hours
// and custom field definitions. Shapes follow resos-api.md; what maitred adds
// is marked (ours) there.

#include <optional>
#include <string>
#include <vector>

namespace maitred::domain {

struct Area {
  std::string id;
  std::string name;
  std::string internal_note;
  int booking_priority = 0;  // lower is offered first
};

struct Table {
  std::string id;
  std::string name;
  int seats_min = 1;
  int seats_max = 2;
  std::string area_id;  // empty: no area
  std::string internal_note;
  bool bookable_online = true;
  int priority = 0;  // lower is offered first
};

struct TableCombination {
  std::string id;
  std::string name;  // default: the tables' names joined with " + "
  std::vector<std::string> table_ids;
  int seats_min = 1;
  int seats_max = 2;
  bool bookable_online = true;
};

struct Seating {
  int interval = 15;   // minutes between start times
  int duration = 120;  // default booking length in this service
};

// One recurring service on one weekday, or a special date (or date range).
struct OpeningHour {
  std::string id;
  std::string name;
  std::string note;
  std::string type = "restaurant";
  bool special = false;
  int day = 1;          // recurring: 1..7, Monday = 1
  std::string date;     // special: YYYY-MM-DD
  std::string to_date;  // special closure over a range (ours): last day, inclusive
  bool is_open = true;  // special: false closes the date(s)
  int open = 1200;      // HHMM
  int close = 1500;     // HHMM; before `open` runs past midnight
  Seating seating;
  std::optional<int> max_people;           // covers per service (ours)
  std::optional<int> max_people_per_slot;  // covers starting per slot (ours)
  std::vector<std::string> area_ids;       // empty: every area (ours)
  bool deleted = false;
};

struct Choice {
  std::string id;
  std::string name;
};

struct CustomField {
  std::string id;
  std::string name;
  std::string label;
  std::string helptext;
  std::string type = "string";  // string, radio, dropdown, checkbox, number
  bool is_required = false;
  int sort_index = 0;
  std::vector<Choice> choices;  // multipleChoiceSelections
  std::vector<std::string> active_flows = {"booking"};
  bool default_on_all_opening_hours = true;
  std::vector<std::string> opening_hour_ids;  // when not on all (ours)
};

}  // namespace maitred::domain
