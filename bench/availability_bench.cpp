// The availability engine alone (no I/O): /times for one party size on a day
// with 60, 600 or 6,000 bookings, and one table assignment. The restaurant is
// the one of issue 5: 60 tables, 40 combinations, lunch and dinner.
//
//   cmake --preset bench && cmake --build --preset bench
//   build/bench/bench/availability_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//
// Bookings are placed at random (tables, times, party sizes, statuses): the
// engine's cost does not depend on whether they could really all fit.

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "domain/availability.hpp"
#include "domain/calendar.hpp"
#include "domain/restaurant.hpp"
#include "domain/seating.hpp"
#include "domain/time_zone.hpp"

namespace {

using namespace maitred;

constexpr const char* kZone = "Europe/Copenhagen";
const date::year_month_day kDay{date::year{2027}, date::month{3}, date::day{12}};  // a Friday

struct World {
  domain::Restaurant restaurant;
  std::vector<domain::OpeningHour> hours;
  std::vector<domain::Area> areas;
  std::vector<domain::Table> tables;
  std::vector<domain::TableCombination> combinations;
  std::vector<domain::Booking> bookings;

  domain::RestaurantSnapshot snapshot() const { return {restaurant, hours, areas, tables, combinations, bookings}; }
};

domain::OpeningHour service(const std::string& name, int open, int close) {
  domain::OpeningHour h;
  h.id = name;
  h.name = name;
  h.day = 5;
  h.open = open;
  h.close = close;
  h.seating.interval = 15;
  // No cover limits: every slot goes all the way to the table choice, the
  // engine's costliest path.
  return h;
}

World make_world(int bookings_that_day) {
  World w;
  w.restaurant.id = "r";
  w.restaurant.timezone = kZone;
  w.restaurant.booking_rules.turnover_buffer = 15;
  w.areas = {{"in", "Inside", "", 0}, {"out", "Terrace", "", 1}};
  const int sizes[] = {2, 2, 2, 4, 4, 4, 6, 8};
  for (int i = 0; i < 60; ++i) {
    domain::Table t;
    t.id = "table" + std::to_string(i);
    t.name = "T" + std::to_string(i);
    t.seats_min = 1;
    t.seats_max = sizes[i % 8];
    t.area_id = i < 40 ? "in" : "out";
    t.priority = i;
    w.tables.push_back(t);
  }
  for (int i = 0; i < 40; ++i) {
    domain::TableCombination c;
    c.id = "combination" + std::to_string(i);
    c.name = "C" + std::to_string(i);
    c.table_ids = {w.tables[i].id, w.tables[i + 1].id};
    c.seats_min = 3;
    c.seats_max = w.tables[i].seats_max + w.tables[i + 1].seats_max;
    w.combinations.push_back(c);
  }
  w.hours = {service("lunch", 1130, 1430), service("dinner", 1730, 2300)};

  std::mt19937 rng(42);
  const char* statuses[] = {"approved", "approved", "approved", "request", "seated", "waitlist", "canceled"};
  for (int i = 0; i < bookings_that_day; ++i) {
    domain::Booking b;
    b.id = "booking" + std::to_string(i);
    b.date = "2027-03-12";
    b.time = (i % 3 == 0 ? 11 * 60 + 30 : 17 * 60 + 30) + static_cast<int>(rng() % 14) * 15;
    b.date_time = domain::local_to_utc(kZone, kDay, b.time).instant;
    b.people = 1 + static_cast<int>(rng() % 6);
    b.duration = 90 + static_cast<int>(rng() % 3) * 30;
    b.status = statuses[rng() % 7];
    const auto& t = w.tables[rng() % w.tables.size()];
    b.tables.push_back({t.id, t.name, t.area_id, ""});
    w.bookings.push_back(std::move(b));
  }
  return w;
}

// One /times answer for a party of two, as a guest asks (online rules).
void BM_Times(benchmark::State& state) {
  const World w = make_world(static_cast<int>(state.range(0)));
  const auto snapshot = w.snapshot();
  const domain::AvailabilityRequest request{kDay, 2, true, {}, {}};
  const auto now = domain::local_to_utc(kZone, kDay, 9 * 60).instant;
  for (auto _ : state) {
    auto services = domain::available_times(snapshot, request, now);
    benchmark::DoNotOptimize(services);
  }
}
BENCHMARK(BM_Times)->Arg(60)->Arg(600)->Arg(6000)->Unit(benchmark::kMicrosecond);

// The check and assignment of one new booking for four at 20:00.
void BM_CheckSeating(benchmark::State& state) {
  const World w = make_world(static_cast<int>(state.range(0)));
  const auto snapshot = w.snapshot();
  domain::Booking b;
  b.id = "new";
  b.date = "2027-03-12";
  b.time = 20 * 60;
  b.date_time = domain::local_to_utc(kZone, kDay, b.time).instant;
  b.people = 4;
  b.duration = 120;
  b.status = "approved";
  for (auto _ : state) {
    auto verdict = domain::check_seating(snapshot, b);
    benchmark::DoNotOptimize(verdict);
  }
}
BENCHMARK(BM_CheckSeating)->Arg(60)->Arg(600)->Arg(6000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
