#pragma once
// The persistence boundary. Callers see domain types only; the embedded
// SQLite store (store/sqlite) and the PostgreSQL store (store/postgres)
// implement the same interface and pass the same conformance suite
// (DESIGN.md "Data").
//
// Error policy: a missing document is a value (nullopt / false). Failures of
// the environment (database locked past its timeout, disk full, I/O error)
// throw StoreError, which the HTTP layer maps to 503 or 500.

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/api_key.hpp"
#include "domain/auth_session.hpp"
#include "domain/booking.hpp"
#include "domain/restaurant.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "domain/staff_user.hpp"
#include "store/event_log.hpp"

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

// The restaurant's documents other than bookings: the setup collections, and
// customers, orders and feedback.
enum class Collection {
  areas,
  tables,
  table_combinations,
  opening_hours,
  custom_fields,
  customers,
  orders,
  feedback,
  holds,
  imports,  // CSV import jobs (domain/import_job.hpp)
};
std::string_view collection_name(Collection collection);
// Whether a cache may hold documents of the collection (the setup ones):
// writes to those move the data generation. Customers, orders, feedback,
// holds and import jobs change too often and nothing caches them.
bool caches_may_hold(Collection collection);

struct Document {
  std::string id;
  std::string json;
  bool deleted = false;
};

struct DocumentWrite {
  Collection collection;
  std::string restaurant_id;
  std::string id;
  std::string json;
  // Unique among the collection's live documents of the restaurant; a clash
  // throws StoreError(conflict).
  std::optional<std::string> unique_key;
  bool deleted = false;  // soft-deleted documents keep their id for references
  core::SystemTime at;
};

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

// A page of a document collection, as GET /v1/customers and friends ask.
struct DocumentQuery {
  Collection collection;
  std::string restaurant_id;
  const domain::SearchExpression* filter = nullptr;
  const std::vector<domain::SortKey>* sort = nullptr;  // empty: createdAt ascending
  long long skip = 0;
  long long limit = 100;
};

struct CustomerStats {
  int booking_count = 0;
  std::optional<core::SystemTime> first;
  std::optional<core::SystemTime> last;
};

struct IdempotencyRecord {
  std::string request_hash;
  std::string booking_id;
  core::SystemTime created_at;
};

struct KeyUse {
  std::string key_id;
  core::SystemTime at;
};

class Store {
 public:
  virtual ~Store() = default;

  virtual void create_restaurant(const domain::Restaurant& restaurant) = 0;
  virtual std::optional<domain::Restaurant> find_restaurant(std::string_view id) = 0;
  virtual std::vector<domain::Restaurant> list_restaurants() = 0;
  // False when there is no such restaurant.
  virtual bool update_restaurant(const domain::Restaurant& restaurant) = 0;

  // In insertion order. Soft-deleted documents only when asked.
  virtual std::vector<Document> list_documents(Collection collection, std::string_view restaurant_id,
                                               bool include_deleted) = 0;
  // Soft-deleted documents included (their `deleted` says so).
  virtual std::optional<Document> find_document(Collection collection, std::string_view restaurant_id,
                                                std::string_view id) = 0;
  virtual void insert_document(const DocumentWrite& write) = 0;
  // False when the document does not exist.
  virtual bool update_document(const DocumentWrite& write) = 0;
  // Erases for good; false when it did not exist.
  virtual bool erase_document(Collection collection, std::string_view restaurant_id, std::string_view id) = 0;
  // Documents (JSON) filtered, sorted (ties by id) and paged.
  virtual std::vector<std::string> query_documents(const DocumentQuery& query) = 0;

  // The customer with this e-mail (case-insensitive) or phone (E.164), if any.
  virtual std::optional<Document> find_customer_by_contact(std::string_view restaurant_id, std::string_view email,
                                                           std::string_view phone) = 0;
  // Counted from the bookings that name the customer, including writes made
  // earlier in the same atomically() body.
  virtual CustomerStats customer_booking_stats(std::string_view restaurant_id, std::string_view customer_id) = 0;

  // Bookings. The stored document is the API's document, byte for byte.
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

  virtual std::optional<IdempotencyRecord> find_idempotency_key(std::string_view restaurant_id,
                                                                std::string_view key) = 0;
  virtual void put_idempotency_key(std::string_view restaurant_id, std::string_view key,
                                   const IdempotencyRecord& record) = 0;
  // Forgets holds that expired before `now`; returns how many.
  virtual std::size_t purge_expired_holds(core::SystemTime now) = 0;

  // Forgets keys created before `cutoff`; returns how many.
  virtual std::size_t purge_idempotency_keys(core::SystemTime cutoff) = 0;

  // Runs `body` so that no other writer, in this process or another, writes
  // between its reads and its writes, and its writes land together or not at
  // all (an exception rolls them back). Reads inside see the body's own
  // writes. Nested calls join the outer one.
  virtual void atomically(const std::function<void()>& body) = 0;

  // atomically() for a booking write about one restaurant's local date (the
  // day whose availability the body re-checks): it excludes every writer that
  // could change that check — other bookings of that restaurant on that date
  // or the dates either side (a late dinner runs past midnight), and every
  // plain atomically() body, which may change tables or hours. Writers of
  // other days may run beside it where the store allows (PostgreSQL, several
  // processes); the embedded store runs one writer at a time anyway. Nested
  // inside another atomic body it joins that one, whose scope then applies.
  virtual void atomically_for_day(std::string_view restaurant_id, std::string_view local_date,
                                  const std::function<void()>& body) {
    (void)restaurant_id;
    (void)local_date;
    atomically(body);
  }

  // Inside an atomic body: waits for, and until the body ends excludes, every
  // other body that serialises on the same name for this restaurant. For
  // what day-scoped bodies share beyond their day, e.g. a customer found by
  // e-mail or created, whose booking count two days' bookings both update.
  // Always take names in one order (the callers' comments say which). A
  // no-op where writers run one at a time anyway (the embedded store).
  virtual void serialize_on(std::string_view restaurant_id, std::string_view name) {
    (void)restaurant_id;
    (void)name;
  }

  // Throws StoreError(conflict) when the restaurant does not exist.
  virtual void create_api_key(const domain::ApiKey& key) = 0;
  virtual std::optional<domain::ApiKey> find_api_key(std::string_view key_id) = 0;
  // Revoked keys included: the caller tells "revoked" from "unknown".
  virtual std::vector<domain::ApiKey> find_api_keys_by_prefix(std::string_view lookup_prefix) = 0;
  virtual std::vector<domain::ApiKey> list_api_keys(std::string_view restaurant_id) = 0;
  // False when no such key exists; revoking twice keeps the first time.
  virtual bool revoke_api_key(std::string_view key_id, core::SystemTime at) = 0;
  // Last-used stamps, batched by the caller so requests do not each write.
  virtual void record_key_uses(std::span<const KeyUse> uses) = 0;

  // Staff users and their sessions (store/sqlite/sqlite_staff.cpp). These
  // writes do not move the data generation: nothing caches them.
  // Throws StoreError(conflict) when the username is taken in the restaurant.
  virtual void create_staff_user(const domain::StaffUser& user) = 0;
  virtual std::optional<domain::StaffUser> find_staff_user(std::string_view restaurant_id,
                                                           std::string_view username_key) = 0;
  // The users of every restaurant with this username key.
  virtual std::vector<domain::StaffUser> find_staff_users_named(std::string_view username_key) = 0;
  virtual std::vector<domain::StaffUser> list_staff_users(std::string_view restaurant_id) = 0;
  // Also ends the user's sessions. False when no such user.
  virtual bool delete_staff_user(std::string_view user_id) = 0;
  // Also revokes the user's sessions. False when no such user.
  virtual bool set_staff_password(std::string_view user_id, std::string_view password_hash, core::SystemTime at) = 0;
  virtual void create_session(const domain::AuthSession& session) = 0;
  // With the user's current role; nullopt when no session has this hash.
  virtual std::optional<domain::AuthSession> find_session_by_access(const core::Sha256Digest& access_hash) = 0;
  virtual std::optional<domain::AuthSession> find_session_by_refresh(const core::Sha256Digest& refresh_hash) = 0;
  // False when it did not exist or was already revoked.
  virtual bool revoke_session(std::string_view session_id, core::SystemTime at) = 0;
  // Revokes every live session of the family; returns how many.
  virtual std::size_t revoke_session_family(std::string_view family_id, core::SystemTime at) = 0;
  // Forgets sessions whose refresh token expired before `now` (neither of
  // their tokens can work any more); returns how many.
  virtual std::size_t purge_expired_sessions(core::SystemTime now) = 0;

  // Changes whenever a restaurant, key or setting changes, in this process or
  // in any other working on the same data. Caches compare it on each use.
  virtual std::uint64_t data_generation() = 0;

  // The events of every write (store/event_log.hpp).
  virtual EventLog& events() = 0;

  // Small named values the server keeps for itself (the demo restaurant id).
  virtual std::optional<std::string> get_setting(std::string_view name) = 0;
  virtual void put_setting(std::string_view name, std::string_view value) = 0;
};

}  // namespace maitred::store
