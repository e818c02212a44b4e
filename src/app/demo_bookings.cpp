#include "app/demo_bookings.hpp"

#include <array>
#include <random>
#include <string>

#include "app/booking_service.hpp"
#include "app/restaurant_snapshot.hpp"
#include "domain/availability.hpp"
#include "domain/calendar.hpp"
#include "domain/errors.hpp"
#include "domain/time_zone.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {

constexpr std::array<const char*, 16> kFirstNames = {"Anna",  "Mads",   "Sofie", "Lars",  "Ida",   "Jonas",
                                                     "Emma",  "Oliver", "Freja", "Noah",  "Clara", "William",
                                                     "Laura", "Karl",   "Maja",  "Victor"};
constexpr std::array<const char*, 12> kLastNames = {"Hansen",   "Jensen", "Nielsen", "Pedersen",
                                                    "Andersen", "Larsen", "Schmidt", "Kristensen",
                                                    "Berg",     "Holm",   "Lund",    "Dahl"};
constexpr std::array<const char*, 4> kSources = {"website", "website", "phone", "walkin"};

// Party sizes as restaurants see them: couples first, then fours.
int party_size(std::mt19937& rng) {
  static constexpr std::array<int, 20> kSizes = {1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 4, 5, 6, 6, 8};
  return kSizes[rng() % kSizes.size()];
}

std::string status_for(std::mt19937& rng) {
  const auto roll = rng() % 20;
  if (roll < 15) return "approved";
  if (roll < 18) return "request";
  if (roll < 19) return "waitlist";
  return "canceled";
}

// How many parties try to book a service: weekend evenings are busiest.
int attempts_for(const domain::OpeningHour& service, int weekday) {
  const bool evening = service.open >= 1600;
  if (!evening) return 8;
  return weekday >= 5 ? 40 : 22;
}

}  // namespace

int add_demo_bookings(store::Store& store, const core::Clock& clock, const domain::Restaurant& restaurant, int days,
                      unsigned seed) {
  std::mt19937 rng(seed);
  const BookingContext context{store, clock, restaurant, Actor{"system", "demo"}};
  const auto today = domain::utc_to_local(restaurant.timezone, clock.now()).day;
  const auto hours = load_setup<domain::OpeningHour>(store, restaurant.id);
  int made = 0;
  // One transaction: seconds instead of one fsync per booking.
  store.atomically([&] {
    for (int d = 0; d < days; ++d) {
      const date::year_month_day day{date::sys_days{today} + date::days{d}};
      for (const auto* service : domain::services_on(hours, day)) {
        const int open = domain::hhmm_to_minutes(service->open);
        const int last_start = open + domain::service_length_minutes(service->open, service->close) - 90;
        const int interval = std::max(service->seating.interval, 15);
        const int slots = std::max(1, (last_start - open) / interval + 1);
        for (int i = attempts_for(*service, domain::iso_weekday(day)); i > 0; --i) {
          const int start = open + static_cast<int>(rng() % static_cast<unsigned>(slots)) * interval;
          const auto start_day = start >= 24 * 60 ? date::year_month_day{date::sys_days{day} + date::days{1}} : day;
          const std::string first = kFirstNames[rng() % kFirstNames.size()];
          const std::string last = kLastNames[rng() % kLastNames.size()];
          domain::BookingDraft booking;
          booking.date = domain::format_iso_date(start_day);
          booking.time = domain::format_clock_time(start % (24 * 60));
          booking.people = party_size(rng);
          booking.status = status_for(rng);
          booking.source = kSources[rng() % kSources.size()];
          booking.guest_name = first + " " + last;
          if (rng() % 3 != 0) booking.guest_email = first + "." + last + "@example.com";
          try {
            create_booking(context, booking, std::nullopt);
            ++made;
          } catch (const domain::DomainError&) {
            // Full at that time (or the party does not fit): a guest who
            // would have been turned away.
          }
        }
      }
    }
  });
  return made;
}

}  // namespace maitred::app
