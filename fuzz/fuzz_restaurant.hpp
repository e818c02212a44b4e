#pragma once
// One restaurant in a real SQLite store, for the targets that check what an
// accepted body turns into once stored: a temporary folder (in /dev/shm when
// there is one, so commits cost no disk flush), removed at exit. Its setup
// has fixed ids so that seed inputs can name them:
//   area            AAAAAAAAAAAAAAAAA
//   tables          TTTTTTTTTTTTTTTT1 (1-4 seats), TTTTTTTTTTTTTTTT2 (2-8, no area)
//   combination     TTTTTTTTTTTTTTT12 (the two, 4-12)
//   opening hour    HHHHHHHHHHHHHHHHH (every day 10:00-23:00)
//   custom fields   FFFFFFFFFFFFFFFF1 allergies (string), FFFFFFFFFFFFFFFF2
//                   occasion (dropdown; choice CCCCCCCCCCCCCCCC1 Birthday),
//                   FFFFFFFFFFFFFFFF3 highChairs (number),
//                   FFFFFFFFFFFFFFFF4 terrace (checkbox)
//   booking         BBBBBBBBBBBBBBBBB (2027-01-08 19:00, 2 people, request)
// The clock stands still at 2027-01-01T12:00:00Z; the zone is Europe/Copenhagen.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "domain/restaurant.hpp"
#include "http/handler.hpp"
#include "store/store.hpp"

namespace maitred::fuzz {

inline constexpr std::string_view kRestaurantId = "RRRRRRRRRRRRRRRRR";
inline constexpr std::string_view kBookingId = "BBBBBBBBBBBBBBBBB";

class FuzzRestaurant {
 public:
  FuzzRestaurant();
  ~FuzzRestaurant();
  FuzzRestaurant(const FuzzRestaurant&) = delete;
  FuzzRestaurant& operator=(const FuzzRestaurant&) = delete;

  store::Store& store() { return *store_; }
  const core::Clock& clock() const { return clock_; }
  const domain::Restaurant& restaurant() const { return restaurant_; }

  // Calls `handler` as the restaurant's API key would, with `body` and the
  // path parameters given (e.g. {{"id", "..."}}).
  http::Response call(const http::Handler& handler, http::Method method, std::string_view body,
                      std::vector<std::pair<std::string_view, std::string_view>> path_params = {});

 private:
  std::filesystem::path folder_;
  core::ManualClock clock_;
  std::unique_ptr<store::Store> store_;
  domain::Restaurant restaurant_;
  http::Principal caller_;
};

// The process's one restaurant, set up on first use.
FuzzRestaurant& fuzz_restaurant();

}  // namespace maitred::fuzz
