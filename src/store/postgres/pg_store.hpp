#pragma once
// The PostgreSQL store: several maitred processes on one database.
//
// Connections come from a bounded pool (store/postgres/pool.hpp); a call
// outside atomically() borrows one for its statement(s) and gives it back.
// An atomically() body keeps one connection for the whole transaction, found
// again by every store call the body makes on the same thread.
//
// Serialising writers across processes uses transaction-scoped advisory
// locks instead of SQLite's single writer:
//   atomically()                 exclusive lock on one store-wide key: one such
//                                body at a time in every process, and none
//                                beside a day-scoped one (like SQLite's writer);
//   atomically_for_day(r, date)  shared lock on that key, then locks on
//                                (r, date-1) shared, (r, date) exclusive,
//                                (r, date+1) shared, in that order: writes for
//                                one day or two neighbouring days queue, for
//                                other days or restaurants run side by side.
// Locks are taken first thing in the transaction, always in the same order,
// so two bodies cannot deadlock on them.
//
// The data generation is one row, bumped inside the writing transaction (so
// it moves exactly when the write becomes visible) and read per call: a key
// revoked through one process is refused by every other from the next request.

#include <chrono>
#include <cstdint>
#include <type_traits>

#include <memory>

#include "store/event_log.hpp"
#include "store/generation_cache.hpp"
#include "store/postgres/event_listener.hpp"
#include "store/postgres/pool.hpp"
#include "store/store.hpp"

namespace maitred::store::postgres {

// The store-wide advisory lock (a single bigint: "maitred" and 1 in ASCII);
// day locks use the two-integer form, a key space of its own.
inline constexpr long long kWritersLockKey = 0x6d61697472656401LL;

class PgStore final : public Store,
                      public RestaurantRepository,
                      public DocumentRepository,
                      public BookingRepository,
                      public GuestRepository,
                      public StaffRepository,
                      public EventLog,
                      public GuestMessageRepository,
                      public OutboxCursors,
                      public WebhookRepository,
                      public ManageTokenRepository {
 public:
  // Connects lazily (the pool opens connections on demand), applies pending
  // migrations now. Throws StoreUnavailable when PostgreSQL cannot be reached.
  // `listen_for_events`: rings bell() on events other processes commit (the
  // server; a CLI command has no one waiting).
  explicit PgStore(PoolOptions options, bool listen_for_events = false);
  ~PgStore() override;

  // The store implements each repository itself, as it does the event log:
  // they share one connection pool and one transaction (atomically()), so
  // separate objects would only forward to it.
  RestaurantRepository& restaurants() override { return *this; }
  DocumentRepository& documents() override { return *this; }
  BookingRepository& bookings() override { return *this; }
  GuestRepository& guests() override { return *this; }
  StaffRepository& staff() override { return *this; }
  EventLog& events() override { return *this; }
  GuestMessageRepository& guest_messages() override { return *this; }
  OutboxCursors& outbox() override { return *this; }
  WebhookRepository& webhooks() override { return *this; }
  ManageTokenRepository& manage_tokens() override { return *this; }

  void create_restaurant(const domain::Restaurant& restaurant) override;
  std::optional<domain::Restaurant> find_restaurant(std::string_view id) override;
  std::vector<domain::Restaurant> list_restaurants() override;
  std::optional<domain::Restaurant> find_restaurant_by_slug(std::string_view slug) override;
  bool update_restaurant(const domain::Restaurant& restaurant) override;

  std::vector<Document> list_documents(Collection collection, std::string_view restaurant_id,
                                       bool include_deleted) override;
  std::optional<Document> find_document(Collection collection, std::string_view restaurant_id,
                                        std::string_view id) override;
  void insert_document(const DocumentWrite& write) override;
  bool update_document(const DocumentWrite& write) override;
  bool erase_document(Collection collection, std::string_view restaurant_id, std::string_view id) override;
  std::vector<std::string> query_documents(const DocumentQuery& query) override;
  std::optional<Document> find_customer_document(std::string_view restaurant_id, std::string_view email,
                                                 std::string_view phone) override;
  CustomerStats customer_booking_stats(std::string_view restaurant_id, std::string_view customer_id) override;
  void atomically(const std::function<void()>& body) override;
  void atomically_for_day(std::string_view restaurant_id, std::string_view local_date,
                          const std::function<void()>& body) override;

  std::optional<domain::Booking> find_booking(std::string_view restaurant_id, std::string_view id) override;
  std::vector<std::string> list_booking_documents(const BookingQuery& query) override;
  std::vector<domain::Booking> bookings_starting_between(std::string_view restaurant_id, core::SystemTime from,
                                                         core::SystemTime to) override;
  std::vector<domain::Booking> seating_bookings_between(std::string_view restaurant_id, core::SystemTime from,
                                                        core::SystemTime to) override;
  std::size_t count_bookings_holding_table(std::string_view restaurant_id, std::string_view table_id,
                                           core::SystemTime from) override;
  void insert_booking(const domain::Booking& booking) override;
  bool update_booking(const domain::Booking& booking) override;
  bool erase_booking(std::string_view restaurant_id, std::string_view id) override;
  void append_booking_history(std::string_view restaurant_id, std::string_view booking_id, core::SystemTime at,
                              std::string_view entry_json) override;
  std::vector<std::string> booking_history(std::string_view restaurant_id, std::string_view booking_id) override;
  std::optional<IdempotencyRecord> find_idempotency_key(std::string_view restaurant_id, std::string_view key) override;
  void put_idempotency_key(std::string_view restaurant_id, std::string_view key,
                           const IdempotencyRecord& record) override;
  std::size_t purge_idempotency_keys(core::SystemTime cutoff) override;
  std::size_t purge_expired_holds(core::SystemTime now) override;

  void create_api_key(const domain::ApiKey& key) override;
  std::optional<domain::ApiKey> find_api_key(std::string_view key_id) override;
  std::vector<domain::ApiKey> find_api_keys_by_prefix(std::string_view lookup_prefix) override;
  std::vector<domain::ApiKey> list_api_keys(std::string_view restaurant_id) override;
  bool revoke_api_key(std::string_view key_id, core::SystemTime at) override;
  void record_key_uses(std::span<const KeyUse> uses) override;

  void create_staff_user(const domain::StaffUser& user) override;
  std::optional<domain::StaffUser> find_staff_user(std::string_view restaurant_id,
                                                   std::string_view username_key) override;
  std::vector<domain::StaffUser> find_staff_users_named(std::string_view username_key) override;
  std::vector<domain::StaffUser> list_staff_users(std::string_view restaurant_id) override;
  bool delete_staff_user(std::string_view user_id) override;
  bool set_staff_password(std::string_view user_id, std::string_view password_hash, core::SystemTime at) override;
  void create_session(const domain::AuthSession& session) override;
  std::optional<domain::AuthSession> find_session_by_access(const core::Sha256Digest& access_hash) override;
  std::optional<domain::AuthSession> find_session_by_refresh(const core::Sha256Digest& refresh_hash) override;
  bool revoke_session(std::string_view session_id, core::SystemTime at) override;
  std::size_t revoke_session_family(std::string_view family_id, core::SystemTime at) override;
  std::size_t purge_expired_sessions(core::SystemTime now) override;
  std::uint64_t data_generation() override;

  std::optional<std::string> get_setting(std::string_view name) override;
  void put_setting(std::string_view name, std::string_view value) override;

  void append_event(domain::Event event) override;
  EventRange event_range(std::string_view restaurant_id) override;
  EventPage read_events(const EventQuery& query) override;
  std::size_t purge_events(core::SystemTime cutoff) override;
  core::EventBell& bell() override { return bell_; }

  bool queue_guest_message(const domain::GuestMessage& message) override;
  std::vector<domain::GuestMessage> claim_due_guest_messages(core::SystemTime now, std::size_t limit,
                                                             core::SystemTime lease_until) override;
  void finish_guest_message_attempt(const domain::GuestMessage& message) override;
  std::vector<domain::GuestMessage> list_guest_messages(std::string_view restaurant_id,
                                                        std::string_view booking_id) override;

  // sqlite_manage_tokens.cpp / pg_manage_tokens.cpp
  void insert_manage_token(const ManageToken& token) override;
  std::optional<ManageToken> find_manage_token(std::string_view token_hash) override;
  void set_manage_token_expiry(std::string_view restaurant_id, std::string_view booking_id,
                               core::SystemTime expires_at) override;
  void erase_manage_tokens(std::string_view restaurant_id, std::string_view booking_id) override;
  std::size_t purge_expired_manage_tokens(core::SystemTime now) override;

  // sqlite_webhooks.cpp / pg_webhooks.cpp
  void add_webhook_secret(std::string_view restaurant_id, std::string_view endpoint_id, std::string_view secret,
                          core::SystemTime at) override;
  void expire_webhook_secrets(std::string_view restaurant_id, std::string_view endpoint_id,
                              core::SystemTime expires_at) override;
  std::vector<std::string> live_webhook_secrets(std::string_view restaurant_id, std::string_view endpoint_id,
                                                core::SystemTime now) override;
  void erase_webhook_data(std::string_view restaurant_id, std::string_view endpoint_id) override;
  bool insert_webhook_delivery(const WebhookDelivery& delivery) override;
  std::vector<WebhookDelivery> claim_due_webhook_deliveries(core::SystemTime now, core::SystemTime lease_until,
                                                            std::size_t limit,
                                                            const std::vector<std::string>& busy) override;
  void record_webhook_attempt(const WebhookAttemptResult& result) override;
  std::vector<WebhookDelivery> list_webhook_deliveries(std::string_view restaurant_id, std::string_view endpoint_id,
                                                       std::size_t skip, std::size_t limit) override;
  std::optional<WebhookDelivery> find_webhook_delivery(std::string_view restaurant_id, std::string_view endpoint_id,
                                                       std::string_view delivery_id) override;
  std::vector<WebhookAttempt> webhook_attempts(std::string_view delivery_id) override;
  void reschedule_webhook_delivery(std::string_view delivery_id, core::SystemTime now) override;
  std::size_t end_pending_webhook_deliveries(std::string_view restaurant_id, std::string_view endpoint_id,
                                             std::string_view status) override;
  std::size_t purge_webhook_deliveries(core::SystemTime cutoff) override;
  // sqlite_outbox.cpp / pg_outbox.cpp
  void register_consumer(std::string_view consumer) override;
  std::vector<std::string> restaurants_behind(std::string_view consumer) override;
  std::optional<std::uint64_t> claim_cursor(std::string_view consumer, std::string_view restaurant_id) override;
  void set_cursor(std::string_view consumer, std::string_view restaurant_id, std::uint64_t sequence) override;
  void atomically_unlocked(const std::function<void()>& body) override;

  Pool& pool() { return pool_; }

 private:
  // An advisory lock on the name until the transaction ends (guest_repository.hpp).
  void lock_name(std::string_view restaurant_id, std::string_view name) override;
  DocumentRepository& customer_documents() override { return *this; }
  // The connection of the atomically() body running on this thread, if any.
  Connection* current_transaction() const;
  // Runs `work` on the current transaction's connection, or on a borrowed one.
  template <typename Work>
  auto on_connection(Work&& work);
  // Runs `work` inside a transaction: the current one, or a new one that
  // commits when `work` returns.
  template <typename Work>
  auto in_transaction(Work&& work);
  // Opens the transaction of an atomic body: BEGIN, take `lock_sql`'s locks,
  // run the body with this thread's calls routed to the connection, COMMIT.
  void run_atomic(const std::function<void(Connection&)>& take_locks, const std::function<void()>& body);
  // Inside the writing transaction: moves the data generation.
  static void bump_generation(Connection& connection);
  void wrote(Connection& connection, Collection collection);
  std::vector<std::string> select_documents(const std::string& sql, const std::vector<Param>& params);
  // The events the atomically() body on this thread appended, if one runs.
  std::vector<domain::Event>* pending_events() const;
  // pg_events.cpp: just before COMMIT, with the body's connection.
  static void write_pending_events(Connection& connection, std::vector<domain::Event>& events);

  Pool pool_;
  GenerationCache<domain::Restaurant> restaurants_;
  core::EventBell bell_;
  std::unique_ptr<EventListener> listener_;  // after bell_: stops before it goes
};

template <typename Work>
auto PgStore::on_connection(Work&& work) {
  if (Connection* connection = current_transaction()) return work(*connection);
  auto lease = pool_.acquire();
  return work(*lease);
}

template <typename Work>
auto PgStore::in_transaction(Work&& work) {
  if (Connection* connection = current_transaction()) return work(*connection);
  auto lease = pool_.acquire();
  Transaction transaction(*lease);
  if constexpr (std::is_void_v<decltype(work(*lease))>) {
    work(*lease);
    transaction.commit();
  } else {
    auto result = work(*lease);
    transaction.commit();
    return result;
  }
}

}  // namespace maitred::store::postgres
