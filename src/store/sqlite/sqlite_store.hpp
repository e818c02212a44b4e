#pragma once
// The embedded store: one SQLite file in WAL mode.
//
// One writer connection does every write (and, in the server, every
// checkpoint), serialised by a mutex; reads use a pool of read-only
// connections, one per concurrently reading thread. See DESIGN.md for why one
// writer (SQLite 3.40's WAL-reset bug, and group commit later).

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/shared_generation.hpp"
#include "store/event_log.hpp"
#include "store/generation_cache.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/query_compiler.hpp"
#include "store/store.hpp"

namespace maitred::store::sqlite {

class SqliteStore final : public Store,
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
  enum class Owner {
    server,  // the long-running process: owns checkpoints
    admin,   // a CLI command that may run beside a server
  };
  // Opens (creating if needed) `file` and applies pending migrations.
  SqliteStore(std::filesystem::path file, Owner owner,
              std::chrono::milliseconds busy_timeout = Connection::kDefaultBusyTimeout);
  ~SqliteStore() override;

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
  std::uint64_t data_generation() override { return generation_->current(); }

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

  int schema_version();

 private:
  DocumentRepository& customer_documents() override { return *this; }
  class ReaderLease;
  ReaderLease reader();
  void migrate();
  // Runs a list query (text built from fixed fragments and the compiler's
  // output only) and returns its first column.
  std::vector<std::string> select_documents(const std::string& sql, const std::vector<SqlParam>& params);
  // After a write: bump the data generation now, or at commit when inside
  // atomically() (bumping earlier would let a cache refill with old data).
  void wrote();
  // A document write: bumps the generation only for collections caches may
  // hold (store::caches_may_hold).
  void wrote(Collection collection);
  // sqlite_events.cpp: the body's events, written before its COMMIT, rung after.
  void write_pending_events();
  void ring_for_committed_events();

  std::filesystem::path file_;
  std::chrono::milliseconds busy_timeout_;
  std::unique_ptr<core::SharedGeneration> generation_;  // bumped after every write but key-use stamps
  GenerationCache<domain::Restaurant> restaurants_;     // read on nearly every request
  std::recursive_mutex writer_mutex_;                   // recursive: atomically() bodies call the write methods
  std::unique_ptr<Connection> writer_;
  bool in_transaction_ = false;  // guarded by writer_mutex_
  // The thread running atomically(); its reads go to the writer connection.
  std::atomic<std::thread::id> transaction_thread_{};
  bool pending_bump_ = false;                  // guarded by writer_mutex_
  std::vector<domain::Event> pending_events_;  // guarded by writer_mutex_
  core::EventBell bell_;
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

// Borrows an idle read connection for one call and gives it back afterwards.
class SqliteStore::ReaderLease {
 public:
  ReaderLease(SqliteStore& store, std::unique_ptr<Connection> connection)
      : store_(store), owned_(std::move(connection)), connection_(owned_.get()) {}
  // Inside atomically(): the writer itself, so reads see the body's own writes.
  ReaderLease(SqliteStore& store, Connection& writer) : store_(store), connection_(&writer) {}
  ~ReaderLease() {
    if (!owned_) return;
    std::lock_guard lock(store_.readers_mutex_);
    store_.idle_readers_.push_back(std::move(owned_));
  }
  ReaderLease(ReaderLease&&) = default;
  Connection* operator->() { return connection_; }

 private:
  SqliteStore& store_;
  std::unique_ptr<Connection> owned_;
  Connection* connection_;
};

}  // namespace maitred::store::sqlite
