// `maitred migrate`'s copy and verification (store/transfer) from a real
// SQLite store into a throwaway PostgreSQL database: everything arrives byte
// for byte, an interrupted copy resumes without duplicates, and the
// verification names a target that differs.

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/admin.hpp"
#include "app/staff_users.hpp"
#include "domain/auth_session.hpp"
#include "store/migration.hpp"
#include "store/open_store.hpp"
#include "store/postgres/connection.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "store/transfer/sqlite_to_postgres.hpp"
#include "support/pg_cluster.hpp"
#include "support/temp_dir.hpp"

namespace maitred::store::transfer {
namespace {

using namespace std::chrono_literals;
using sqlite::SqliteStore;
using test::PgCluster;

struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("interrupted by the test") {}
};

postgres::ConnectOptions connect_to(const std::string& url) {
  postgres::ConnectOptions options;
  options.url = url;
  options.statement_timeout = 30s;
  return options;
}

// One column of every row of a query, in order.
std::vector<std::string> pg_column(const std::string& url, const std::string& sql) {
  postgres::Connection connection(connect_to(url));
  auto result = connection.exec(sql);
  std::vector<std::string> values;
  for (int r = 0; r < result.rows(); ++r) values.emplace_back(result.is_null(r, 0) ? "NULL" : result.text(r, 0));
  return values;
}

long long pg_count(const std::string& url, const std::string& sql) {
  postgres::Connection connection(connect_to(url));
  return connection.exec(sql).integer(0, 0);
}

const TableCheck& check_of(const MigrateReport& report, std::string_view table) {
  for (const auto& check : report.checks)
    if (check.table == table) return check;
  throw std::logic_error("no check for " + std::string(table));
}

const TableCopy& copy_of(const MigrateReport& report, std::string_view table) {
  for (const auto& copy : report.copies)
    if (copy.table == table) return copy;
  throw std::logic_error("no copy of " + std::string(table));
}

class PgTransferTest : public ::testing::Test {
 protected:
  // The demo restaurant (setup documents, ~435 bookings with history, an
  // API key) plus a row in each table the demo leaves empty.
  void fill_source() {
    SqliteStore store(source_file(), SqliteStore::Owner::admin);
    auto demo = app::ensure_demo(store, clock_, dir_.path());
    restaurant_id_ = demo.restaurant.id;
    auto user =
        app::create_staff_user(store, clock_, {restaurant_id_, "Ana", "manager", "correct horse battery"}, {1, 8, 1});
    store.staff().create_session(domain::new_session(user, clock_.now(), {}).session);
    store.restaurants().put_setting("migrate-test", "a value");
    store.bookings().put_idempotency_key(restaurant_id_, "key-1", {"hash", "booking", clock_.now()});
    // A soft-deleted document keeps its place in insertion order.
    store.documents().insert_document({Collection::customers, restaurant_id_, "CUSTOMERDELETED01", R"({"_id":"x"})",
                                       std::nullopt, true, clock_.now()});
    domain::GuestMessage message;
    message.id = "GUESTMESSAGE00001";
    message.restaurant_id = restaurant_id_;
    message.booking_id = "BOOKING0000000001";
    message.kind = "confirmed";
    message.language = "en";
    message.to_address = "ada@example.com";
    message.status = "sent";
    message.created_at = message.next_attempt_at = clock_.now();
    message.sent_at = clock_.now();
    message.dedupe_key = "event:E1";
    store.guest_messages().queue_guest_message(message);
    // The outbox and webhook tables, a row each (NULLs included).
    store.outbox().register_consumer("webhooks");
    store.webhooks().add_webhook_secret(restaurant_id_, "ENDPOINT000000001", "whsec_AAAA", clock_.now());
    store::WebhookDelivery delivery{.id = "DELIVERY000000001",
                                    .restaurant_id = restaurant_id_,
                                    .endpoint_id = "ENDPOINT000000001",
                                    .message_id = "msg_1",
                                    .event_id = "EVENT000000000001",
                                    .event_type = "ping",
                                    .resource_id = "ENDPOINT000000001"};
    store.webhooks().insert_webhook_delivery(delivery);
    store.webhooks().record_webhook_attempt(
        {{delivery.id, 1, clock_.now(), "timeout", 10'000, std::nullopt, "", "no answer"}, "failed", std::nullopt});
    // A guest's manage link (only its hash is kept).
    store.manage_tokens().insert_manage_token({std::string(64, 'a'), restaurant_id_, "BOOKING0000000001",
                                               clock_.now() + std::chrono::hours(2), clock_.now()});
  }

  std::filesystem::path source_file() const { return dir_.path() / "maitred.db"; }

  MigrateOptions options() const {
    MigrateOptions o;
    o.source = source_file();
    o.target_url = target_url_;
    return o;
  }

  // A column of every row of an SQLite query, in order.
  std::vector<std::string> sqlite_column(const char* sql) {
    sqlite::Connection connection(source_file(), sqlite::Connection::Role::reader, false);
    auto q = connection.prepare(sql);
    std::vector<std::string> values;
    while (q.step()) values.emplace_back(q.is_null(0) ? "NULL" : std::string(q.text(0)));
    return values;
  }

  test::TempDir dir_;
  core::ManualClock clock_{core::SystemTime{std::chrono::milliseconds{1'795'687'200'000}}};
  std::string restaurant_id_;
  std::string target_url_ = PgCluster::shared().create_database();
};

TEST_F(PgTransferTest, CopiesTheDemoDatabaseAndVerifiesIt) {
  fill_source();
  const auto report = migrate_sqlite_to_postgres(options());

  ASSERT_TRUE(report.verified());
  ASSERT_EQ(report.checks.size(), transfer_tables().size());
  for (const auto& check : report.checks) {
    EXPECT_GT(check.source_rows, 0) << check.table;
    EXPECT_EQ(check.source_rows, check.target_rows) << check.table;
    EXPECT_EQ(check.source_checksum, check.target_checksum) << check.table;
    EXPECT_EQ(check.source_checksum.size(), 64u);
    EXPECT_EQ(check.first_difference, "") << check.table;
    EXPECT_EQ(copy_of(report, check.table).copied, check.source_rows) << check.table;
    EXPECT_EQ(copy_of(report, check.table).skipped, 0) << check.table;
  }
  EXPECT_GT(check_of(report, "bookings").source_rows, 400);

  // Documents served byte for byte: the booking documents, and the setup in
  // insertion order (SQLite's rowid became the seq PostgreSQL orders by).
  EXPECT_EQ(pg_column(target_url_, "SELECT doc FROM bookings ORDER BY restaurant_id COLLATE \"C\", id COLLATE \"C\""),
            sqlite_column("SELECT doc FROM bookings ORDER BY restaurant_id, id"));
  EXPECT_EQ(pg_column(target_url_, "SELECT collection || '/' || id || '/' || doc FROM documents ORDER BY seq"),
            sqlite_column("SELECT collection || '/' || id || '/' || doc FROM documents ORDER BY rowid"));
  EXPECT_EQ(pg_column(target_url_, "SELECT encode(secret_hash, 'hex') FROM api_keys ORDER BY id COLLATE \"C\""),
            sqlite_column("SELECT lower(hex(secret_hash)) FROM api_keys ORDER BY id"));
  EXPECT_EQ(pg_column(target_url_, "SELECT deleted::text FROM documents WHERE id = 'CUSTOMERDELETED01'"),
            std::vector<std::string>{"true"});

  // The identity sequences continue after the copied values: the server's
  // next history entry or document does not collide with a copied one.
  postgres::Connection pg(connect_to(target_url_));
  const auto max_seq = pg.exec("SELECT max(seq) FROM booking_history").integer(0, 0);
  EXPECT_GT(pg.exec("INSERT INTO booking_history(restaurant_id, booking_id, at, entry) VALUES ('r', 'b', 'now', '{}') "
                    "RETURNING seq")
                .integer(0, 0),
            max_seq);
  const auto max_document_seq = pg.exec("SELECT max(seq) FROM documents").integer(0, 0);
  EXPECT_GT(pg.exec("INSERT INTO documents(restaurant_id, collection, id, doc, created_at, updated_at) "
                    "VALUES ($1, 'areas', 'NEWAREA', '{}', 'now', 'now') RETURNING seq",
                    restaurant_id_)
                .integer(0, 0),
            max_document_seq);
  // Verified: the progress record is gone; servers were told to drop caches.
  EXPECT_EQ(pg.exec("SELECT to_regclass('migrate_progress') IS NULL").text(0, 0), "t");
  EXPECT_EQ(pg.exec("SELECT value FROM data_generation").integer(0, 0), 1);
}

TEST_F(PgTransferTest, TheStoresAnswerAlikeAfterTheCopy) {
  fill_source();
  ASSERT_TRUE(migrate_sqlite_to_postgres(options()).verified());
  SqliteStore sqlite_store(source_file(), SqliteStore::Owner::admin);
  DatabaseUrl url;
  url.kind = DatabaseUrl::Kind::postgresql;
  url.postgresql_url = target_url_;
  auto pg_store = open_store(url, {});

  ASSERT_EQ(pg_store->restaurants().list_restaurants().size(), 1u);
  EXPECT_EQ(pg_store->restaurants().list_restaurants()[0].id, restaurant_id_);
  EXPECT_EQ(pg_store->restaurants().get_setting("migrate-test"), std::optional<std::string>("a value"));
  // Documents in insertion order, deleted ones included, byte for byte.
  for (auto collection : {Collection::areas, Collection::tables, Collection::custom_fields, Collection::customers}) {
    const auto expected = sqlite_store.documents().list_documents(collection, restaurant_id_, true);
    const auto copied = pg_store->documents().list_documents(collection, restaurant_id_, true);
    ASSERT_EQ(copied.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(copied[i].id, expected[i].id);
      EXPECT_EQ(copied[i].json, expected[i].json);
      EXPECT_EQ(copied[i].deleted, expected[i].deleted);
    }
  }
  // A day's bookings page (the documents the API serves) and their history.
  BookingQuery query;
  query.restaurant_id = restaurant_id_;
  query.limit = 1000;
  const auto bookings = sqlite_store.bookings().list_booking_documents(query);
  ASSERT_GT(bookings.size(), 400u);
  EXPECT_EQ(pg_store->bookings().list_booking_documents(query), bookings);
  for (const auto& id : sqlite_column("SELECT id FROM bookings LIMIT 20"))
    EXPECT_EQ(pg_store->bookings().booking_history(restaurant_id_, id),
              sqlite_store.bookings().booking_history(restaurant_id_, id));
  // Keys and staff sign-in work against the copy: hashes arrived intact.
  const auto keys = sqlite_store.restaurants().list_api_keys(restaurant_id_);
  ASSERT_EQ(keys.size(), 1u);
  const auto key = pg_store->restaurants().find_api_key(keys[0].id);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->secret_hash, keys[0].secret_hash);
  EXPECT_EQ(pg_store->staff().find_staff_users_named("ana").size(), 1u);
}

TEST_F(PgTransferTest, AnInterruptedCopyResumesWithoutDuplicates) {
  fill_source();
  auto interrupted = options();
  interrupted.copy.batch_rows = 100;
  interrupted.copy.after_batch = [](std::string_view table, long long done) {
    if (table == "bookings" && done == 200) throw Interrupted();
  };
  EXPECT_THROW(migrate_sqlite_to_postgres(interrupted), Interrupted);
  EXPECT_EQ(pg_count(target_url_, "SELECT count(*) FROM bookings"), 200);
  EXPECT_GT(pg_count(target_url_, "SELECT count(*) FROM restaurants"), 0);
  EXPECT_EQ(pg_count(target_url_, "SELECT count(*) FROM booking_history"), 0);

  auto resumed = options();
  resumed.copy.batch_rows = 100;
  std::map<std::string, long long, std::less<>> first_done;
  resumed.copy.on_progress = [&first_done](const TableProgress& p) {
    first_done.try_emplace(std::string(p.table), p.done);
  };
  const auto report = migrate_sqlite_to_postgres(resumed);

  ASSERT_TRUE(report.verified());
  // Restarted after the last committed batch: the 200 bookings already there
  // were neither inserted again nor even offered again.
  EXPECT_EQ(first_done["bookings"], 200);
  EXPECT_EQ(copy_of(report, "bookings").copied, check_of(report, "bookings").source_rows - 200);
  EXPECT_EQ(copy_of(report, "bookings").skipped, 0);
  EXPECT_EQ(copy_of(report, "restaurants").copied, 0);
  EXPECT_EQ(copy_of(report, "restaurants").skipped, 0);
  EXPECT_EQ(pg_count(target_url_, "SELECT count(*) FROM bookings"), check_of(report, "bookings").source_rows);
}

TEST_F(PgTransferTest, ACopyCutOffByPostgresqlGoingAwayResumes) {
  fill_source();
  auto cut = options();
  cut.copy.batch_rows = 50;
  cut.copy.after_batch = [](std::string_view table, long long done) {
    if (table == "documents" && done == 50) PgCluster::shared().stop();
  };
  EXPECT_THROW(migrate_sqlite_to_postgres(cut), StoreUnavailable);
  PgCluster::shared().start();
  // The test cluster runs with synchronous_commit off, so the last commit
  // may be lost in the crash; if so, its progress record went with it.
  const auto kept = pg_count(target_url_, "SELECT count(*) FROM documents");
  EXPECT_TRUE(kept == 0 || kept == 50) << kept;
  if (kept == 50) {
    EXPECT_EQ(pg_count(target_url_, "SELECT rows_done FROM migrate_progress WHERE table_name = 'documents'"), 50);
  }

  const auto report = migrate_sqlite_to_postgres(options());
  EXPECT_TRUE(report.verified());
  EXPECT_EQ(copy_of(report, "documents").skipped, 0);
}

TEST_F(PgTransferTest, VerificationNamesTheRowsATargetChangedOrAdded) {
  fill_source();
  ASSERT_TRUE(migrate_sqlite_to_postgres(options()).verified());
  const auto booking_id = sqlite_column("SELECT id FROM bookings ORDER BY restaurant_id, id LIMIT 1 OFFSET 7").at(0);
  {
    postgres::Connection pg(connect_to(target_url_));
    // One character of one document; the columns beside it untouched.
    pg.exec("UPDATE bookings SET doc = replace(doc::text, '\"people\":', '\"people\": ')::json WHERE id = $1",
            booking_id);
    pg.exec("INSERT INTO settings(name, value) VALUES ('written-since', 'x')");
  }

  const auto report = migrate_sqlite_to_postgres(options());
  EXPECT_FALSE(report.verified());
  const auto& bookings = check_of(report, "bookings");
  EXPECT_FALSE(bookings.matches());
  EXPECT_EQ(bookings.source_rows, bookings.target_rows);
  EXPECT_NE(bookings.source_checksum, bookings.target_checksum);
  EXPECT_EQ(bookings.first_difference, "row (" + restaurant_id_ + ", " + booking_id + ") differs in doc");
  const auto& settings = check_of(report, "settings");
  EXPECT_EQ(settings.target_rows, settings.source_rows + 1);
  EXPECT_EQ(settings.first_difference, "target has extra row (written-since)");
  for (const auto& check : report.checks) {
    if (check.table != "bookings" && check.table != "settings") {
      EXPECT_TRUE(check.matches()) << check.table;
    }
  }
  // Unverified: the progress record stays, so the next run only verifies.
  EXPECT_EQ(pg_count(target_url_, "SELECT count(*) FROM migrate_progress"),
            static_cast<long long>(transfer_tables().size()));
}

TEST_F(PgTransferTest, ATargetHoldingOtherDataForTheSameKeysIsReportedNotOverwritten) {
  fill_source();
  const auto restaurant_doc = sqlite_column("SELECT doc FROM restaurants").at(0);
  // The schema first (a first run would apply it), then a row of its own.
  {
    auto empty = dir_.path() / "empty.db";
    { SqliteStore store(empty, SqliteStore::Owner::admin); }
    auto o = options();
    o.source = empty;
    ASSERT_TRUE(migrate_sqlite_to_postgres(o).verified());
    postgres::Connection pg(connect_to(target_url_));
    pg.exec("INSERT INTO restaurants(id, doc, created_at) VALUES ($1, '{\"name\":\"Someone else\"}', 'then')",
            restaurant_id_);
  }

  const auto report = migrate_sqlite_to_postgres(options());
  EXPECT_FALSE(report.verified());
  EXPECT_EQ(copy_of(report, "restaurants").skipped, 1);
  EXPECT_EQ(check_of(report, "restaurants").first_difference, "row (" + restaurant_id_ + ") differs in doc");
  EXPECT_EQ(pg_column(target_url_, "SELECT doc FROM restaurants"),
            std::vector<std::string>{"{\"name\":\"Someone else\"}"});
  EXPECT_NE(restaurant_doc, "{\"name\":\"Someone else\"}");
  EXPECT_TRUE(check_of(report, "bookings").matches());
}

TEST_F(PgTransferTest, AnEmptySourceGivesAnEmptyVerifiedTarget) {
  { SqliteStore store(source_file(), SqliteStore::Owner::admin); }
  const auto report = migrate_sqlite_to_postgres(options());
  EXPECT_TRUE(report.verified());
  for (const auto& check : report.checks) {
    EXPECT_EQ(check.source_rows, 0) << check.table;
    EXPECT_EQ(check.target_rows, 0) << check.table;
  }
  EXPECT_EQ(pg_count(target_url_, "SELECT count(*) FROM schema_migrations"),
            static_cast<long long>(postgres_migrations().size()));
}

TEST_F(PgTransferTest, RefusesASourceThatIsNotAMaitredDatabaseAndNeverCreatesOne) {
  auto o = options();
  o.source = dir_.path() / "missing.db";
  EXPECT_THROW(migrate_sqlite_to_postgres(o), SourceRefused);
  EXPECT_FALSE(std::filesystem::exists(o.source));

  o.source = dir_.path() / "other.db";
  {
    sqlite::Connection other(o.source, sqlite::Connection::Role::writer, true);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
  }
  EXPECT_THROW(migrate_sqlite_to_postgres(o), SourceRefused);
  // Nothing was written to the target for a refused source.
  EXPECT_EQ(pg_count(target_url_, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), 0);
}

TEST_F(PgTransferTest, RefusesASourceWithAColumnItWouldNotCopy) {
  { SqliteStore store(source_file(), SqliteStore::Owner::admin); }
  {
    sqlite::Connection writer(source_file(), sqlite::Connection::Role::writer, true);
    writer.exec("ALTER TABLE bookings ADD COLUMN added_later TEXT");
  }
  try {
    migrate_sqlite_to_postgres(options());
    FAIL() << "copied a source with an unknown column";
  } catch (const SourceRefused& e) {
    EXPECT_NE(std::string(e.what()).find("added_later"), std::string::npos) << e.what();
  }
}

TEST_F(PgTransferTest, OneRowPerStatementGivesTheSameResult) {
  fill_source();
  auto o = options();
  o.copy.rows_per_statement = 1;
  const auto report = migrate_sqlite_to_postgres(o);
  EXPECT_TRUE(report.verified());
}

}  // namespace
}  // namespace maitred::store::transfer
