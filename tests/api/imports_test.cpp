// CSV imports over HTTPS: 202 and a job to poll, row errors with their
// codes, tenant isolation, roles, and `maitred import` on the command line.

#include <chrono>
#include <fstream>
#include <thread>

#include "api/json_paths.hpp"
#include "api/staff_fixture.hpp"

namespace maitred::test {
namespace {

// 2026-12-11 is a Friday: the demo restaurant serves dinner 17:30-00:30.
const std::string kBookings =
    "date,time,people,name,email,phone,status,source,comment,tables,note\r\n"
    "2026-12-11,19:00,2,Ada Lovelace,ada@example.com,,approved,phone,,T7,VIP\r\n"       // 1: fine
    "2026-12-11,19:00,2,Bo,,,,,,T7,\r\n"                                                // 2: T7 is taken
    "2026-12-32,19:00,2,Cy,,,,,,,\r\n"                                                  // 3: no such date
    "2026-12-11,20:00,2,Di,,,,,,T99,\r\n"                                               // 4: no such table
    "2026-12-11,20:00,14,Ed,,,,,,,\r\n"                                                 // 5: nothing seats 14
    "2026-12-11,21:00,3,\"Hansen, Fay\",,+45 22 22 22 22,,,\"said \"\"hi\"\"\",,\r\n";  // 6: fine

// One server for the suite: its only sign-ins are two users of one test.
class ImportsTest : public StaffApiTest {
 protected:
  bool own_server() const override { return false; }
  Reply submit(const std::string& type, const std::string& csv, const std::string& auth,
               const std::string& content_type = "text/csv", const std::string& base = "/api/v3") {
    return send("POST", base + "/imports?type=" + type, {{"Authorization", auth}, {"Content-Type", content_type}}, csv);
  }
  Reply submit(const std::string& type, const std::string& csv) { return submit(type, csv, basic_auth(key())); }

  // Polls the job until it is finished (at most ~10 s).
  rapidjson::Document finished(const std::string& location) {
    for (int i = 0; i < 1000; ++i) {
      Reply r = get_with_key(location, key());
      EXPECT_EQ(r.status, 200u) << r.body;
      auto job = parse(r.body);
      const auto status = at(job, "status");
      if (status == "\"done\"" || status == "\"failed\"") return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "the import did not finish";
    return parse("{}");
  }
};

// Stops the server: one of its own.
class ImportsCommandLineTest : public ImportsTest {
 protected:
  bool own_server() const override { return true; }
};

TEST_F(ImportsTest, BookingsImportAnswers202AndTheJobListsTheRefusedRows) {
  Reply r = submit("bookings", kBookings);
  ASSERT_EQ(r.status, 202u) << r.body;
  auto accepted = parse(r.body);
  const std::string id = accepted["_id"].GetString();
  EXPECT_EQ(r.header("location"), "/api/v3/imports/" + id);
  EXPECT_EQ(at(accepted, "type"), "\"bookings\"");
  EXPECT_EQ(at(accepted, "rows"), "6");
  EXPECT_TRUE(at(accepted, "status") == "\"queued\"" || at(accepted, "status") == "\"running\"") << r.body;

  auto job = finished(r.header("location"));
  EXPECT_EQ(at(job, "status"), "\"done\"");
  EXPECT_EQ(at(job, "processed"), "6");
  EXPECT_EQ(at(job, "imported"), "2");
  EXPECT_EQ(at(job, "failed"), "4");
  EXPECT_EQ(at(job, "errors.0.row"), "2");
  EXPECT_EQ(at(job, "errors.0.code"), "\"table_unavailable\"");
  EXPECT_EQ(at(job, "errors.0.field"), "\"tables\"");
  EXPECT_EQ(at(job, "errors.1.row"), "3");
  EXPECT_EQ(at(job, "errors.1.field"), "\"date\"");
  EXPECT_EQ(at(job, "errors.2.row"), "4");
  EXPECT_EQ(at(job, "errors.2.code"), "\"unknown_reference\"");
  EXPECT_EQ(at(job, "errors.3.row"), "5");
  EXPECT_EQ(at(job, "errors.3.code"), "\"no_table\"");
  EXPECT_EQ(at(job, "errors.4"), "<absent>");
  EXPECT_NE(at(job, "finishedAt"), "null");

  // The good rows are bookings like any other, the bad ones left no trace.
  auto list = parse(get_with_key("/v1/bookings?fromDateTime=2026-12-11&toDateTime=2026-12-11", key()).body);
  ASSERT_EQ(list.Size(), 2u);
  EXPECT_EQ(at(list, "0.guest.name"), "\"Ada Lovelace\"");
  EXPECT_EQ(at(list, "0.tables.0.name"), "\"T7\"");
  EXPECT_EQ(at(list, "0.restaurantNotes.0.restaurantNote"), "\"VIP\"");
  EXPECT_NE(at(list, "0.customerId"), "\"\"");
  EXPECT_EQ(at(list, "1.guest.name"), "\"Hansen, Fay\"");
  EXPECT_EQ(at(list, "1.guest.phone"), "\"+4522222222\"");
  EXPECT_EQ(at(list, "1.comment"), "\"said \\\"hi\\\"\"");
  // Filed under the service they start in, as bookings made over the API.
  EXPECT_EQ(at(list, "0.openingHourName"), "\"Dinner\"");
  EXPECT_EQ(at(list, "1.openingHourName"), "\"Dinner\"");

  // The same job under /v1.
  Reply v1 = get_with_key("/v1/imports/" + id, key());
  EXPECT_EQ(v1.status, 200u);
  EXPECT_EQ(at(parse(v1.body), "imported"), "2");
}

TEST_F(ImportsTest, AllowOverbookingSkipsTheSeatingCheckForEveryRow) {
  const std::string csv = "date,time,people,name\n2026-12-11,20:00,14,Ed\n2026-12-11,03:00,2,Night owl\n";
  auto refused = finished(submit("bookings", csv).header("location"));
  EXPECT_EQ(at(refused, "failed"), "2");
  EXPECT_EQ(at(refused, "errors.1.code"), "\"closed\"");
  auto c = client();
  Reply over = c.request("POST", "/api/v3/imports?type=bookings&allowOverbooking=true",
                         {{"Authorization", basic_auth(key())}, {"Content-Type", "text/csv"}}, csv);
  ASSERT_EQ(over.status, 202u) << over.body;
  auto job = finished(over.header("location"));
  EXPECT_EQ(at(job, "imported"), "2");
  EXPECT_EQ(at(job, "failed"), "0");
}

TEST_F(ImportsTest, CustomersImport) {
  Reply r = submit("customers",
                   "name,email,phone,note\n"
                   "Ada,ada@example.com,,regular\n"
                   "Bo,,0045 33 33 33 33,\n"
                   "Nobody,,,\n");
  ASSERT_EQ(r.status, 202u) << r.body;
  auto job = finished(r.header("location"));
  EXPECT_EQ(at(job, "imported"), "2");
  EXPECT_EQ(at(job, "errors.0.row"), "3");
  EXPECT_EQ(at(job, "errors.0.code"), "\"missing_field\"");
  auto clients = parse(get_with_key("/api/v3/clients?sort=name:1", key()).body);
  ASSERT_EQ(clients.Size(), 2u);
  EXPECT_EQ(at(clients, "0.metadata.note"), "\"regular\"");
  EXPECT_EQ(at(clients, "1.phone"), "\"+4533333333\"");
}

TEST_F(ImportsTest, AFileOfTheWrongShapeIsRefusedBeforeAnyJob) {
  Reply unknown = submit("bookings", "date,time,people,name,guests\n2026-12-11,19:00,2,Ada,3\n");
  EXPECT_EQ(unknown.status, 422u) << unknown.body;
  EXPECT_EQ(string_at(unknown.body, "code"), "unknown_column");
  EXPECT_EQ(string_at(unknown.body, "field"), "guests");
  EXPECT_FALSE(unknown.has("location"));

  Reply type = submit("orders", "name\nAda\n");
  EXPECT_EQ(type.status, 422u);
  EXPECT_EQ(string_at(type.body, "field"), "type");

  Reply broken = submit("customers", "name,email\n\"Ada,ada@example.com\n");
  EXPECT_EQ(broken.status, 422u);
  EXPECT_EQ(string_at(broken.body, "code"), "invalid_csv");

  std::string many = "name,email\n";
  for (int i = 0; i < 10'001; ++i) many += "a,a@b.co\n";
  Reply too_many = submit("customers", many);
  EXPECT_EQ(too_many.status, 422u);
  EXPECT_EQ(string_at(too_many.body, "code"), "too_many_rows");
}

TEST_F(ImportsTest, TheBodyMustBeDeclaredCsv) {
  Reply json = submit("customers", "name\nAda\n", basic_auth(key()), "application/json");
  EXPECT_EQ(json.status, 415u) << json.body;
  EXPECT_EQ(string_at(json.body, "code"), "unsupported_media_type");
  EXPECT_NE(string_at(json.body, "message").find("text/csv"), std::string::npos);
  EXPECT_EQ(submit("customers", "name,email\nAda,a@b.co\n", basic_auth(key()), "text/csv; charset=utf-8").status, 202u);
  // Other routes still take only JSON.
  auto c = client();
  Reply booking = c.request("POST", "/v1/bookings",
                            {{"Authorization", basic_auth(key())}, {"Content-Type", "text/csv"}}, "date\n2026-12-11\n");
  EXPECT_EQ(booking.status, 415u);
}

TEST_F(ImportsTest, V1AnswersTheSameWithItsOwnLocation) {
  Reply r = submit("customers", "name,email\nAda,a@b.co\n", basic_auth(key()), "text/csv", "/v1");
  ASSERT_EQ(r.status, 202u) << r.body;
  EXPECT_EQ(r.header("location"), "/v1/imports/" + string_at(r.body, "_id"));
  EXPECT_EQ(at(finished(r.header("location")), "imported"), "1");
}

TEST_F(ImportsTest, AnotherRestaurantsJobIsNotFound) {
  Reply r = submit("customers", "name,email\nAda,a@b.co\n");
  ASSERT_EQ(r.status, 202u);
  auto made = run_maitred({"restaurant", "create", "--name", "Other", "--timezone", "UTC", "--data", data().string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  auto other_key =
      run_maitred({"key", "create", "--restaurant", string_at(made.out, "_id"), "--data", data().string()}).last_line();
  Reply theirs = get_with_key(r.header("location"), other_key);
  EXPECT_EQ(theirs.status, 404u) << theirs.body;
  EXPECT_EQ(get_with_key("/api/v3/imports/nosuchid", key()).status, 404u);
}

TEST_F(ImportsTest, ImportingNeedsHostAndReadingNeedsReadonly) {
  add_user("reader", "readonly", "reader-pass-word-7");
  add_user("front", "host", "front-pass-word-7");
  const auto reader = tokens_for("reader", "reader-pass-word-7").first;
  const auto host = tokens_for("front", "front-pass-word-7").first;
  Reply refused = submit("customers", "name,email\nAda,a@b.co\n", "Bearer " + reader);
  EXPECT_EQ(refused.status, 403u) << refused.body;
  EXPECT_EQ(string_at(refused.body, "code"), "forbidden");
  Reply accepted = submit("customers", "name,email\nAda,a@b.co\n", "Bearer " + host);
  ASSERT_EQ(accepted.status, 202u) << accepted.body;
  Reply seen = call("GET", accepted.header("location"), reader);
  EXPECT_EQ(seen.status, 200u) << seen.body;
}

TEST_F(ImportsCommandLineTest, CommandLineImportPrintsTheSummaryAndExits3WhenRowsFailed) {
  server_.reset();  // one process on the database at a time
  const auto file = data() / "bookings.csv";
  std::ofstream(file) << kBookings;
  auto r = run_maitred(
      {"import", file.string(), "--restaurant", restaurant_id_, "--type", "bookings", "--data", data().string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  auto summary = parse(r.out);
  EXPECT_EQ(at(summary, "status"), "\"done\"");
  EXPECT_EQ(at(summary, "imported"), "2");
  EXPECT_EQ(at(summary, "failed"), "4");
  EXPECT_EQ(at(summary, "errors.0.code"), "\"table_unavailable\"");
  // Not a terminal: progress comes as lines, the last at 100 %.
  EXPECT_NE(r.err.find("import: 100% (6/6 rows, 4 failed)"), std::string::npos) << r.err;

  std::ofstream(file, std::ios::trunc) << "name,email\nAda,ada@example.com\n";
  auto clean = run_maitred(
      {"import", file.string(), "--restaurant", restaurant_id_, "--type", "customers", "--data", data().string()});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(at(parse(clean.out), "imported"), "1");

  std::ofstream(file, std::ios::trunc) << "name,guests\nAda,2\n";
  auto unknown = run_maitred(
      {"import", file.string(), "--restaurant", restaurant_id_, "--type", "customers", "--data", data().string()});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("guests"), std::string::npos) << unknown.err;
  EXPECT_TRUE(unknown.out.empty());
}

}  // namespace
}  // namespace maitred::test
