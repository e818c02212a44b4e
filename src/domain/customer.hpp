#pragma once
// Customers, orders and feedback (ours; resos-api.md "Other").

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace maitred::domain {

// A guest the restaurant has seen, found again by e-mail or phone when they
// book. The booking statistics are recomputed from the bookings themselves.
struct Customer {
  std::string id;
  std::string name;
  std::string email;
  std::string phone;
  int booking_count = 0;
  std::optional<core::SystemTime> first_booking_at;
  std::optional<core::SystemTime> last_booking_at;
  std::vector<std::string> tags;
  std::string metadata_json = "{}";
  core::SystemTime created_at;
};

struct OrderItem {
  std::string name;
  int quantity = 1;
  long long price_cents = 0;  // money in minor units: never a binary fraction
  std::string notes;
};

// A pre-order tied to a booking.
struct Order {
  std::string id;
  std::string booking_id;
  std::vector<OrderItem> items;
  std::string status = "open";  // open, confirmed, served, canceled
  core::SystemTime created_at;
};

long long order_total_cents(const Order& order);
bool is_order_status(std::string_view status);

struct Feedback {
  std::string id;
  std::string booking_id;
  int rating = 5;  // 1..5
  std::string comment;
  bool is_public = false;
  core::SystemTime created_at;
};

}  // namespace maitred::domain
