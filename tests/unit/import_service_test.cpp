// Imports run every row through the API's own writes, each row alone: a
// refused row is reported and rolls back only itself.

#include "app/import_service.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "app/admin.hpp"
#include "app/import_runner.hpp"
#include "core/ids.hpp"
#include "json/import_job_codec.hpp"
#include "json/setup_codec.hpp"
#include "one_table_restaurant.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace maitred::app {
namespace {

class ImportServiceTest : public OneTableRestaurant {
 protected:
  BookingContext context() { return {store_, clock_, restaurant_, {"system", "test"}}; }
  domain::ImportJob run(ImportType type, const std::string& csv) {
    auto sheet = read_import_sheet(type, csv);
    auto job = new_import_job(restaurant_.id, sheet, clock_.now());
    save_import_job(store_, job, true);
    run_import(context(), sheet, job);
    return job;
  }
  std::size_t bookings() {
    store::BookingQuery q;
    q.restaurant_id = restaurant_.id;
    return store_.bookings().list_booking_documents(q).size();
  }
};

TEST_F(ImportServiceTest, GoodRowsAreWrittenAndBadOnesReportedWithRowFieldAndCode) {
  auto job = run(ImportType::bookings,
                 "date,time,people,name,email,tables\n"
                 "2026-12-04,19:00,2,Ada,ada@example.com,F1\n"  // 1: fine
                 "2026-12-04,19:30,2,Bo,,F1\n"                  // 2: F1 is taken
                 "2026-13-04,19:00,2,Cy,,\n"                    // 3: no such date
                 "2026-12-04,20:00,2,Di,,T9\n"                  // 4: no such table
                 "2026-12-04,21:00,9,Ed,,\n"                    // 5: nothing seats nine
                 "2026-12-04,21:00,2,Fay,not-an-address,\n");   // 6: bad e-mail
  EXPECT_EQ(job.status, "done");
  EXPECT_EQ(job.rows, 6);
  EXPECT_EQ(job.processed, 6);
  EXPECT_EQ(job.imported, 1);
  EXPECT_EQ(job.failed, 5);
  ASSERT_EQ(job.errors.size(), 5u);
  EXPECT_EQ(job.errors[0].row, 2);
  EXPECT_EQ(job.errors[0].code, "table_unavailable");
  EXPECT_EQ(job.errors[0].field, "tables");
  EXPECT_EQ(job.errors[1].row, 3);
  EXPECT_EQ(job.errors[1].field, "date");
  EXPECT_EQ(job.errors[2].row, 4);
  EXPECT_EQ(job.errors[2].code, "unknown_reference");
  EXPECT_EQ(job.errors[3].row, 5);
  EXPECT_EQ(job.errors[3].code, "no_table");
  EXPECT_EQ(job.errors[4].row, 6);
  EXPECT_EQ(job.errors[4].field, "email");
  EXPECT_TRUE(job.finished_at);
  EXPECT_EQ(bookings(), 1u);
  // The stored document is what was returned.
  auto stored = store_.documents().find_document(store::Collection::imports, restaurant_.id, job.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->json, json::import_job_to_json(job));
  // Bookings made by an import link customers as the API does.
  EXPECT_EQ(store_.documents().list_documents(store::Collection::customers, restaurant_.id, false).size(), 1u);
}

TEST_F(ImportServiceTest, CustomersAreCreatedOrJoinedByContact) {
  auto job = run(ImportType::customers,
                 "name,email,phone,note\n"
                 "Ada,ada@example.com,,regular\n"
                 "Ada Lovelace,ADA@example.com,+45 11 11 11 11,\n"  // the same customer, by e-mail
                 "Bo,,+4522222222,\n"
                 "Nobody,,,\n");
  EXPECT_EQ(job.imported, 3);
  EXPECT_EQ(job.failed, 1);
  auto customers = store_.documents().list_documents(store::Collection::customers, restaurant_.id, false);
  ASSERT_EQ(customers.size(), 2u);
  EXPECT_NE(customers[0].json.find("\"name\":\"Ada Lovelace\""), std::string::npos) << customers[0].json;
  EXPECT_NE(customers[0].json.find("\"phone\":\"+4511111111\""), std::string::npos) << customers[0].json;
  EXPECT_NE(customers[0].json.find("\"note\":\"regular\""), std::string::npos) << customers[0].json;
}

TEST_F(ImportServiceTest, StoredErrorsAreCappedButCounted) {
  std::string csv = "name,email\n";
  for (int i = 0; i < 1005; ++i) csv += "x,bad\n";
  auto job = run(ImportType::customers, csv);
  EXPECT_EQ(job.failed, 1005);
  EXPECT_EQ(job.errors.size(), domain::ImportJob::kMaxErrors);
  EXPECT_TRUE(job.errors_truncated);
  EXPECT_EQ(json::import_job_from_stored(json::import_job_to_json(job)).errors.size(), domain::ImportJob::kMaxErrors);
}

TEST_F(ImportServiceTest, AStopBetweenRowsFailsTheJobAndKeepsWhatWasDone) {
  auto sheet = read_import_sheet(ImportType::customers, "name,email\na,a@x.io\nb,b@x.io\nc,c@x.io\n");
  auto job = new_import_job(restaurant_.id, sheet, clock_.now());
  save_import_job(store_, job, true);
  int asked = 0;
  run_import(context(), sheet, job, {nullptr, [&] { return ++asked > 2; }, true});
  EXPECT_EQ(job.status, "failed");
  EXPECT_EQ(job.processed, 2);
  EXPECT_NE(job.message.find("stopped"), std::string::npos);
}

TEST_F(ImportServiceTest, JobsAPreviousProcessLeftUnfinishedAreMarkedFailed) {
  auto sheet = read_import_sheet(ImportType::customers, "name,email\na,a@x.io\n");
  auto job = new_import_job(restaurant_.id, sheet, clock_.now());
  job.status = "running";
  save_import_job(store_, job, true);
  EXPECT_EQ(fail_interrupted_imports(store_, clock_), 1);
  auto stored = json::import_job_from_stored(
      store_.documents().find_document(store::Collection::imports, restaurant_.id, job.id)->json);
  EXPECT_EQ(stored.status, "failed");
  EXPECT_NE(stored.message.find("restarted"), std::string::npos) << stored.message;
  EXPECT_TRUE(stored.finished_at);
  EXPECT_EQ(fail_interrupted_imports(store_, clock_), 0);
}

TEST_F(ImportServiceTest, FinishedJobsAreForgottenAfterTheirLifetime) {
  auto done = run(ImportType::customers, "name,email\na,a@x.io\n");
  auto sheet = read_import_sheet(ImportType::customers, "name,email\nb,b@x.io\n");
  auto queued = new_import_job(restaurant_.id, sheet, clock_.now());
  save_import_job(store_, queued, true);
  EXPECT_EQ(purge_finished_imports(store_, clock_.now()), 0);  // finished at now: not before
  clock_.advance(std::chrono::hours{1});
  EXPECT_EQ(purge_finished_imports(store_, clock_.now()), 1);
  EXPECT_FALSE(store_.documents().find_document(store::Collection::imports, restaurant_.id, done.id));
  EXPECT_TRUE(store_.documents().find_document(store::Collection::imports, restaurant_.id,
                                               queued.id));  // never unfinished ones
  EXPECT_EQ(store_.documents().list_documents(store::Collection::customers, restaurant_.id, false).size(), 1u);
}

TEST_F(ImportServiceTest, TheRunnerWorksOffTheCallersThread) {
  ImportRunner runner(store_, clock_);
  auto job = runner.submit(restaurant_, {"system", "test"},
                           read_import_sheet(ImportType::customers, "name,email\na,a@x.io\nb,b@x.io\n"));
  EXPECT_EQ(job.status, "queued");
  for (int i = 0; i < 500; ++i) {
    auto stored = json::import_job_from_stored(
        store_.documents().find_document(store::Collection::imports, restaurant_.id, job.id)->json);
    if (stored.finished()) {
      EXPECT_EQ(stored.status, "done");
      EXPECT_EQ(stored.imported, 2);
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  FAIL() << "the import did not finish in 5 s";
}

}  // namespace
}  // namespace maitred::app
