#pragma once
// Bookings and what belongs to one booking: its history, the Idempotency-Keys
// that created it, and the holds that stand in for bookings being made.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/booking.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"

namespace maitred::store {

// What GET /v1/bookings asks for. Times filter on the booking's start.
struct BookingQuery {
  std::string restaurant_id;
  std::optional<core::SystemTime> from;  // inclusive
  std::optional<core::SystemTime> to;    // inclusive
  bool only_confirmed = false;           // approved, arrived, seated, left
  const domain::SearchExpression* filter = nullptr;
  const std::vector<domain::SortKey>* sort = nullptr;  // empty: start time ascending
  long long skip = 0;
  long long limit = 100;
};

struct IdempotencyRecord {
  std::string request_hash;
  std::string booking_id;
  core::SystemTime created_at;
};

class BookingRepository {
 public:
  virtual ~BookingRepository() = default;

  // The stored document is the API's document, byte for byte.
  virtual std::optional<domain::Booking> find_booking(std::string_view restaurant_id, std::string_view id) = 0;
  // Documents, in the query's order, ties broken by id (stable paging).
  virtual std::vector<std::string> list_booking_documents(const BookingQuery& query) = 0;
  // Bookings starting in [from, to): what a conflict check must look at.
  virtual std::vector<domain::Booking> bookings_starting_between(std::string_view restaurant_id, core::SystemTime from,
                                                                 core::SystemTime to) = 0;
  // Bookings starting in [from, to) whose status holds tables, with only
  // what seating reads: id, date, dateTime, status, people, duration, leftAt
  // and the tables' ids (no names, no guest, no time of day).
  virtual std::vector<domain::Booking> seating_bookings_between(std::string_view restaurant_id, core::SystemTime from,
                                                                core::SystemTime to) = 0;
  // Bookings from `from` on, in a status that holds tables, that hold `table_id`.
  virtual std::size_t count_bookings_holding_table(std::string_view restaurant_id, std::string_view table_id,
                                                   core::SystemTime from) = 0;
  virtual void insert_booking(const domain::Booking& booking) = 0;
  virtual bool update_booking(const domain::Booking& booking) = 0;
  // Erases the booking, its history, its idempotency keys, and the orders and
  // feedback attached to it.
  virtual bool erase_booking(std::string_view restaurant_id, std::string_view id) = 0;

  // History entries (JSON objects) of a booking, oldest first.
  virtual void append_booking_history(std::string_view restaurant_id, std::string_view booking_id, core::SystemTime at,
                                      std::string_view entry_json) = 0;
  virtual std::vector<std::string> booking_history(std::string_view restaurant_id, std::string_view booking_id) = 0;

  // Inside an atomic body it first waits for, and until the body ends
  // excludes, every other body looking up the same key of the restaurant,
  // whatever day that body is scoped to: creates with one key then each see
  // the records written before them and answer as sequential retries would.
  // Taken before the customer's names (GuestRepository), so bodies that take
  // both take them in one order.
  virtual std::optional<IdempotencyRecord> find_idempotency_key(std::string_view restaurant_id,
                                                                std::string_view key) = 0;
  virtual void put_idempotency_key(std::string_view restaurant_id, std::string_view key,
                                   const IdempotencyRecord& record) = 0;
  // Forgets keys created before `cutoff`; returns how many.
  virtual std::size_t purge_idempotency_keys(core::SystemTime cutoff) = 0;

  // Forgets holds that expired before `now`; returns how many.
  virtual std::size_t purge_expired_holds(core::SystemTime now) = 0;
};

}  // namespace maitred::store
