#pragma once
// The persistence boundary. Callers see domain types only; the embedded
// SQLite store (store/sqlite) and the PostgreSQL store (store/postgres)
// implement the same interface and pass the same conformance suite
// (DESIGN.md "Data").
//
// Error policy: a missing document is a value (nullopt / false). Failures of
// the environment (database locked past its timeout, disk full, I/O error)
// throw StoreError, which the HTTP layer maps to 503 or 500.

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "store/booking_repository.hpp"
#include "store/document_repository.hpp"
#include "store/event_log.hpp"
#include "store/guest_message_repository.hpp"
#include "store/guest_repository.hpp"
#include "store/manage_token_repository.hpp"
#include "store/outbox_cursors.hpp"
#include "store/restaurant_repository.hpp"
#include "store/staff_repository.hpp"
#include "store/webhook_repository.hpp"

namespace maitred::store {

struct StoreError : std::runtime_error {
  enum class Kind {
    unavailable,  // busy/locked beyond the timeout, cannot open: retry later (503)
    conflict,     // a uniqueness or reference rule was broken
    internal,     // anything else (500)
  };
  Kind kind;
  StoreError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
};

// The store cannot serve the request now but likely can shortly: locked by
// another writer beyond the busy timeout, or the file cannot be opened. A type
// of its own so the HTTP layer answers 503 + Retry-After (never a 500, never a
// hang) without inspecting error codes.
struct StoreUnavailable : StoreError {
  explicit StoreUnavailable(const std::string& what) : StoreError(Kind::unavailable, what) {}
};

// The store as a whole: one repository per aggregate, each an interface of
// its own (store/*_repository.hpp, store/event_log.hpp), and the transactions
// that span them.
class Store {
 public:
  virtual ~Store() = default;

  virtual RestaurantRepository& restaurants() = 0;
  virtual DocumentRepository& documents() = 0;
  virtual BookingRepository& bookings() = 0;
  virtual GuestRepository& guests() = 0;
  virtual StaffRepository& staff() = 0;
  // The events of every write (store/event_log.hpp).
  virtual EventLog& events() = 0;
  // Guest e-mails: the queue and the log (store/guest_message_repository.hpp).
  virtual GuestMessageRepository& guest_messages() = 0;
  // The outbox consumers' cursors (store/outbox_cursors.hpp).
  virtual OutboxCursors& outbox() = 0;
  // Webhook secrets, deliveries and attempts (store/webhook_repository.hpp).
  virtual WebhookRepository& webhooks() = 0;
  // Guests' manage-link tokens, kept hashed (store/manage_token_repository.hpp).
  virtual ManageTokenRepository& manage_tokens() = 0;

  // Runs `body` so that no other writer, in this process or another, writes
  // between its reads and its writes, and its writes land together or not at
  // all (an exception rolls them back). Reads inside see the body's own
  // writes. Nested calls join the outer one.
  virtual void atomically(const std::function<void()>& body) = 0;

  // atomically() without the store-wide writer exclusion, for bodies that
  // lock exactly the rows they touch (an outbox consumer's cursor, delivery
  // rows claimed with SKIP LOCKED) and keep no invariant across other
  // writers' data: on PostgreSQL they run beside booking writes instead of
  // queuing with them. The embedded store has one writer, so it is
  // atomically(). Events appended inside are written at its commit.
  virtual void atomically_unlocked(const std::function<void()>& body) { atomically(body); }

  // atomically() for a booking write about one restaurant's local date (the
  // day whose availability the body re-checks): it excludes every writer that
  // could change that check — other bookings of that restaurant on that date
  // or the dates either side (a late dinner runs past midnight), and every
  // plain atomically() body, which may change tables or hours. Writers of
  // other days may run beside it where the store allows (PostgreSQL, several
  // processes); the embedded store runs one writer at a time anyway. Nested
  // inside another atomic body it joins that one, whose scope then applies.
  // What such bodies share beyond their day (a customer, an
  // Idempotency-Key) the repositories lock themselves (guest_repository.hpp).
  virtual void atomically_for_day(std::string_view restaurant_id, std::string_view local_date,
                                  const std::function<void()>& body) {
    (void)restaurant_id;
    (void)local_date;
    atomically(body);
  }
};

}  // namespace maitred::store
