// Black-box: the real `maitred migrate` binary against a throwaway
// PostgreSQL, as an operator runs it.

#include <gtest/gtest.h>

#include <string>

#include "app/admin.hpp"
#include "store/postgres/connection.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/transfer/tables.hpp"
#include "support/cli_runner.hpp"
#include "support/pg_cluster.hpp"
#include "support/temp_dir.hpp"

namespace maitred {
namespace {

using test::PgCluster;
using test::run_maitred;

// The verification table's line for `table`.
std::string line_of(const std::string& out, const std::string& table) {
  const auto start = out.find("\n" + table + " ");
  if (start == std::string::npos) return {};
  return out.substr(start + 1, out.find('\n', start + 1) - start - 1);
}

class PgMigrateCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::sqlite::SqliteStore store(source_, store::sqlite::SqliteStore::Owner::admin);
    app::ensure_demo(store, clock_, dir_.path());
  }

  std::string from() const { return "sqlite://" + source_.string(); }

  test::TempDir dir_;
  std::filesystem::path source_ = dir_.path() / "maitred.db";
  core::ManualClock clock_{core::SystemTime{std::chrono::milliseconds{1'795'687'200'000}}};
  std::string target_ = PgCluster::shared().create_database();
};

TEST_F(PgMigrateCommandTest, CopiesVerifiesAndARerunFindsEverythingInPlace) {
  auto r = run_maitred({"migrate", "--from", from(), "--to", target_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("table"), std::string::npos) << r.out;
  for (const char* table : {"restaurants", "api_keys", "documents", "bookings", "booking_history"})
    EXPECT_NE(r.out.find(table), std::string::npos) << table;
  EXPECT_EQ(r.out.find("DIFFERS"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("bookings: 100% ("), std::string::npos) << r.err;
  const std::string verified = "Verified: " + std::to_string(store::transfer::transfer_tables().size()) + " tables";
  EXPECT_NE(r.err.find(verified), std::string::npos) << r.err;

  // Again: every row is found in place, nothing is written twice.
  auto again = run_maitred({"migrate", "--from", from(), "--to", target_});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("already in the target"), std::string::npos) << again.err;
  EXPECT_EQ(again.out.substr(again.out.find('\n')), r.out.substr(r.out.find('\n')));
}

TEST_F(PgMigrateCommandTest, AChangedTargetRowExitsThreeAndAMissingOneIsCopiedAgain) {
  ASSERT_EQ(run_maitred({"migrate", "--from", from(), "--to", target_}).exit_code, 0);
  {
    store::postgres::ConnectOptions options;
    options.url = target_;
    store::postgres::Connection pg(options);
    pg.exec("DELETE FROM booking_history WHERE seq = (SELECT min(seq) FROM booking_history)");
    pg.exec("UPDATE api_keys SET label = 'changed'");
  }
  auto r = run_maitred({"migrate", "--from", from(), "--to", target_});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.out.find("DIFFERS: row ("), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("Verification failed: api_keys differ"), std::string::npos) << r.err;
  EXPECT_NE(line_of(r.out, "api_keys").find("DIFFERS: row ("), std::string::npos) << r.out;
  EXPECT_NE(line_of(r.out, "api_keys").find(") differs in label"), std::string::npos) << r.out;
  // The deleted row was simply copied again.
  EXPECT_TRUE(line_of(r.out, "booking_history").ends_with(" ok")) << r.out;
  EXPECT_EQ(r.out.find("DIFFERS"), r.out.rfind("DIFFERS")) << r.out;
}

TEST_F(PgMigrateCommandTest, RefusesUrlsOfTheWrongKindWithUsageExit) {
  auto r = run_maitred({"migrate", "--from", target_, "--to", target_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--from must name the SQLite store"), std::string::npos) << r.err;
  r = run_maitred({"migrate", "--from", from(), "--to", "sqlite:///tmp/other.db"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--to must name the PostgreSQL database"), std::string::npos) << r.err;
  r = run_maitred({"migrate", "--from", "sqlite://" + (dir_.path() / "nothing.db").string(), "--to", target_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("there is no SQLite database at"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "nothing.db"));
}

TEST_F(PgMigrateCommandTest, NeverPrintsThePassword) {
  // Trust authentication ignores the password; the command still must not show it.
  std::string with_password = target_;
  with_password.replace(with_password.find("maitred@"), 8, "maitred:s3cr3t-pw@");
  auto r = run_maitred({"migrate", "--from", from(), "--to", with_password});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("maitred:***@"), std::string::npos) << r.err;
  // Unreachable: the error path does not show it either.
  std::string unreachable = "postgresql://maitred:s3cr3t-pw@127.0.0.1:1/nowhere?connect_timeout=2";
  auto down = run_maitred({"migrate", "--from", from(), "--to", unreachable});
  EXPECT_EQ(down.exit_code, 1);
  EXPECT_NE(down.err.find("run the same command again"), std::string::npos) << down.err;
  for (const auto* text : {&r.out, &r.err, &down.out, &down.err})
    EXPECT_EQ(text->find("s3cr3t"), std::string::npos) << *text;
}

}  // namespace
}  // namespace maitred
