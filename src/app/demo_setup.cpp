#include "app/demo_setup.hpp"

#include <date/date.h>

#include <vector>

#include "core/ids.hpp"
#include "domain/calendar.hpp"
#include "domain/setup.hpp"
#include "domain/setup_rules.hpp"
#include "store/setup_kinds.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {

using store::Collection;

struct Writer {
  store::Store& store;
  const std::string& restaurant_id;
  core::SystemTime now;

  template <typename Doc>
  void insert(const Doc& doc, std::optional<std::string> unique_key = {}) {
    store.documents().insert_document({store::SetupKind<Doc>::collection, restaurant_id, doc.id,
                                       store::stored_json(doc), std::move(unique_key), false, now});
  }
};

domain::Table table(std::string name, int seats_min, int seats_max, const std::string& area_id, int priority) {
  domain::Table t;
  t.id = core::new_id();
  t.name = std::move(name);
  t.seats_min = seats_min;
  t.seats_max = seats_max;
  t.area_id = area_id;
  t.priority = priority;
  return t;
}

domain::OpeningHour service(std::string name, int day, int open, int close, int duration) {
  domain::OpeningHour h;
  h.id = core::new_id();
  h.name = std::move(name);
  h.day = day;
  h.open = open;
  h.close = close;
  h.seating = {15, duration};
  return h;
}

// The next occurrence of month/day on or after `today`.
std::string next(date::year_month_day today, unsigned month, unsigned day) {
  date::year_month_day candidate{today.year(), date::month{month}, date::day{day}};
  if (candidate < today) candidate = {today.year() + date::years{1}, date::month{month}, date::day{day}};
  return domain::format_iso_date(candidate);
}

}  // namespace

bool ensure_demo_setup(store::Store& store, const core::Clock& clock, const std::string& restaurant_id) {
  bool added = false;
  store.atomically([&] {
    if (!store.documents().list_documents(Collection::tables, restaurant_id, false).empty()) return;
    Writer w{store, restaurant_id, clock.now()};

    domain::Area dining{core::new_id(), "Dining room", "Main room, by the open kitchen.", 0};
    domain::Area terrace{core::new_id(), "Terrace", "Outdoors; heaters from October.", 1};
    w.insert(dining);
    w.insert(terrace);

    std::vector<domain::Table> tables;
    for (int i = 1; i <= 6; ++i) tables.push_back(table("T" + std::to_string(i), 1, 2, dining.id, i));
    for (int i = 7; i <= 10; ++i) tables.push_back(table("T" + std::to_string(i), 2, 4, dining.id, i));
    for (int i = 11; i <= 12; ++i) tables.push_back(table("T" + std::to_string(i), 4, 6, dining.id, i));
    for (int i = 1; i <= 6; ++i) tables.push_back(table("P" + std::to_string(i), 2, 4, terrace.id, 20 + i));
    tables.push_back(table("P7", 6, 8, terrace.id, 27));
    tables.push_back(table("P8", 6, 8, terrace.id, 28));
    tables.back().bookable_online = false;  // the big terrace table: staff only
    for (const auto& t : tables) w.insert(t, domain::table_unique_key(t));

    auto by_name = [&](const std::string& name) {
      for (const auto& t : tables) {
        if (t.name == name) return t.id;
      }
      return std::string{};
    };
    for (auto [a, b, min, max] :
         {std::tuple{"T1", "T2", 3, 4}, std::tuple{"T7", "T8", 5, 8}, std::tuple{"T11", "T12", 8, 12}}) {
      domain::TableCombination c;
      c.id = core::new_id();
      c.table_ids = {by_name(a), by_name(b)};
      c.seats_min = min;
      c.seats_max = max;
      domain::check_table_combination(c, tables);  // fills in the name "T1 + T2"
      w.insert(c);
    }

    std::vector<domain::OpeningHour> hours;
    for (int day = 2; day <= 6; ++day) hours.push_back(service("Lunch", day, 1130, 1430, 90));
    for (int day = 2; day <= 7; ++day) {
      // Friday and Saturday dinner runs past midnight.
      auto dinner = service("Dinner", day, 1730, day == 5 || day == 6 ? 30 : 2300, 120);
      dinner.max_people = 120;
      dinner.max_people_per_slot = 24;
      hours.push_back(dinner);
    }
    const auto today = date::year_month_day{std::chrono::floor<date::days>(clock.now())};
    domain::OpeningHour closed;
    closed.id = core::new_id();
    closed.name = "Christmas Eve";
    closed.special = true;
    closed.date = next(today, 12, 24);
    closed.is_open = false;
    hours.push_back(closed);
    auto late = service("New Year's Eve", 1, 1800, 200, 240);
    late.special = true;
    late.date = next(today, 12, 31);
    late.note = "Set menu only.";
    hours.push_back(late);
    for (const auto& h : hours) w.insert(h);

    domain::CustomField allergies;
    allergies.id = core::new_id();
    allergies.name = "allergies";
    allergies.label = "Allergies or dietary needs";
    allergies.helptext = "Tell us about allergies so the kitchen can prepare.";
    allergies.sort_index = 1;
    domain::CustomField occasion;
    occasion.id = core::new_id();
    occasion.name = "occasion";
    occasion.label = "Occasion";
    occasion.type = "dropdown";
    occasion.sort_index = 2;
    for (const char* name : {"Birthday", "Anniversary", "Business", "Date night"}) {
      occasion.choices.push_back({core::new_id(), name});
    }
    domain::CustomField high_chairs;
    high_chairs.id = core::new_id();
    high_chairs.name = "highChairs";
    high_chairs.label = "High chairs";
    high_chairs.type = "number";
    high_chairs.sort_index = 3;
    for (const auto* f : {&allergies, &occasion, &high_chairs}) {
      w.insert(*f);
    }
    added = true;
  });
  return added;
}

}  // namespace maitred::app
