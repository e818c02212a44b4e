// A hostile client, and data corrupted behind the server's back: bodies
// nested deeper than any reader allows, text that is not UTF-8 (lone UTF-16
// surrogates spelled as escapes, raw ill-formed bytes) in bodies, query
// parameters, headers and CSV cells, and stored documents that cannot be
// decoded. Each is refused with a 422 naming the field, or, when stored, is
// a 500 about that one document: the server keeps running, starts, serves
// the other restaurants, and the document can be deleted.

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"
#include "api/json_paths.hpp"
#include "core/utf8.hpp"
#include "store/postgres/connection.hpp"
#include "support/test_database.hpp"

namespace maitred::test {
namespace {

// 2027-01-08 is a Friday: the demo restaurant serves dinner then.
const std::string kDate = "2027-01-08";

// A JSON value nested `depth` arrays deep: 2 bytes per level.
std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']');
}

class HostileInputTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  Reply call(const std::string& method, const std::string& target, const std::string& body = {},
             const std::string& key_to_use = {}) {
    Headers headers{{"Authorization", basic_auth(key_to_use.empty() ? key() : key_to_use)}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return send(method, target, headers, body);
  }

  // The reply must be a 422 with `code` naming `field`.
  static void expect_refused(const Reply& r, const std::string& code, const std::string& field) {
    EXPECT_EQ(r.status, 422u) << r.body;
    auto error = parse(r.body);
    EXPECT_EQ(at(error, "code"), q(code)) << r.body;
    EXPECT_EQ(at(error, "field"), q(field)) << r.body;
  }

  void expect_still_serving() {
    EXPECT_EQ(get("/heart").status, 200u);
    EXPECT_EQ(call("GET", "/v1/restaurant").status, 200u);
  }

  std::string create_booking() {
    Reply r = call("POST", "/v1/bookings", overbooking_body(kDate, "19:00", 2));
    EXPECT_EQ(r.status, 200u) << r.body;
    return parse(r.body).GetString();
  }

  // With the server stopped, makes the stored document `id` of `table`
  // undecodable: on SQLite the bytes an older maitred stored for a lone
  // surrogate (ED B0 80) inside its first name; PostgreSQL's json column
  // cannot hold those, so there a document whose name is a number.
  void corrupt_stored(const std::string& table, const std::string& id) {
    ASSERT_EQ(server_, nullptr) << "stop the server first";
    if (on_postgres()) {
      store::postgres::Connection pg(store::postgres::ConnectOptions{database_args(data()).at(1)});
      pg.exec_script("UPDATE " + table + R"( SET doc = '{"_id": ")" + id + R"(", "name": 42}' WHERE id = ')" + id +
                     "'");
      return;
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((data() / "maitred.db").c_str(), &db), SQLITE_OK);
    std::string doc;
    {
      sqlite3_stmt* read = nullptr;
      ASSERT_EQ(sqlite3_prepare_v2(db, ("SELECT doc FROM " + table + " WHERE id = ?1").c_str(), -1, &read, nullptr),
                SQLITE_OK);
      sqlite3_bind_text(read, 1, id.c_str(), -1, SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(read), SQLITE_ROW) << "no " << table << " " << id;
      doc = reinterpret_cast<const char*>(sqlite3_column_text(read, 0));
      sqlite3_finalize(read);
    }
    const auto name = doc.find(R"("name":")");
    ASSERT_NE(name, std::string::npos) << doc;
    doc.insert(name + 8, "\xed\xb0\x80");
    sqlite3_stmt* write = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, ("UPDATE " + table + " SET doc = ?1 WHERE id = ?2").c_str(), -1, &write, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(write, 1, doc.data(), static_cast<int>(doc.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(write, 2, id.c_str(), -1, SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(write), SQLITE_DONE) << sqlite3_errmsg(db);
    sqlite3_finalize(write);
    sqlite3_close(db);
  }

  void stop_server() { server_.reset(); }
  void start_server() { server_ = std::make_unique<ServerProcess>(data(), server_args()); }

  // Polls an import job until it is finished (at most ~10 s).
  rapidjson::Document finished_import(const std::string& location) {
    for (int i = 0; i < 1000; ++i) {
      auto job = parse(call("GET", location).body);
      const auto status = at(job, "status");
      if (status == "\"done\"" || status == "\"failed\"") return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "the import did not finish";
    return parse("{}");
  }
};

// Stops the server (to change the store behind its back, or to start it on
// what it stored): a server of its own.
class HostileStoreTest : public HostileInputTest {
 protected:
  bool own_server() const override { return true; }
};

// --- Nesting ---------------------------------------------------------------------

TEST_F(HostileInputTest, DeeplyNestedMetadataOnCreateIsRefusedAndTheServerKeepsRunning) {
  // ~70 KB: under the body limit, and once enough to overflow the stack.
  Reply r = call("POST", "/v1/bookings",
                 overbooking_body(kDate, "19:00", 2, R"("metadata": {"x": )" + nested_arrays(35'000) + "}"));
  EXPECT_EQ(r.status, 422u) << r.body.substr(0, 300);
  EXPECT_EQ(at(parse(r.body), "code"), q("nested_too_deep"));
  EXPECT_EQ(text_at(parse(r.body), "field").substr(0, 11), "metadata.x[");
  expect_still_serving();
}

TEST_F(HostileInputTest, DeeplyNestedMetadataOnUpdateIsRefusedAndTheServerKeepsRunning) {
  const std::string id = create_booking();
  Reply r = call("PUT", "/v1/bookings/" + id, R"({"metadata": {"x": )" + nested_arrays(35'000) + "}}");
  EXPECT_EQ(r.status, 422u) << r.body.substr(0, 300);
  EXPECT_EQ(at(parse(r.body), "code"), q("nested_too_deep"));
  expect_still_serving();
  EXPECT_EQ(call("GET", "/v1/bookings/" + id).status, 200u);
}

TEST_F(HostileInputTest, NestingWithinTheLimitIsStoredAndReadBack) {
  // The body is level 1 and metadata level 2: 62 arrays inside it make 64.
  Reply r = call("POST", "/v1/bookings",
                 overbooking_body(kDate, "19:00", 2, R"("metadata": {"x": )" + nested_arrays(62) + "}"));
  ASSERT_EQ(r.status, 200u) << r.body;
  Reply back = call("GET", "/v1/bookings/" + std::string(parse(r.body).GetString()));
  ASSERT_EQ(back.status, 200u);
  EXPECT_EQ(at(parse(back.body), "metadata.x"), nested_arrays(62));
  Reply over = call("POST", "/v1/bookings",
                    overbooking_body(kDate, "19:00", 2, R"("metadata": {"x": )" + nested_arrays(63) + "}"));
  expect_refused(
      over, "nested_too_deep", "metadata.x" + [] {
        std::string path;
        for (int i = 0; i < 62; ++i) path += "[0]";
        return path;
      }());
}

// --- Text that is not UTF-8 --------------------------------------------------------

TEST_F(HostileStoreTest, ALoneSurrogateInTheRestaurantNameIsRefusedAndNothingIsStored) {
  const std::string before = at(parse(call("GET", "/v1/restaurant").body), "name");
  expect_refused(call("PUT", "/v1/restaurant", R"({"name": "Bistro \udc00"})"), "invalid_utf8", "name");
  expect_refused(call("PUT", "/v1/restaurant", "{\"name\": \"Bistro \xff\"}"), "invalid_utf8", "name");
  EXPECT_EQ(at(parse(call("GET", "/v1/restaurant").body), "name"), before);
  // And the restaurant still starts after a restart.
  stop_server();
  start_server();
  expect_still_serving();
}

TEST_F(HostileInputTest, ALoneSurrogateInAnAreaNameIsRefused) {
  expect_refused(call("POST", "/v1/areas", R"({"name": "\udc00"})"), "invalid_utf8", "name");
  Reply list = call("GET", "/v1/areas");
  EXPECT_EQ(list.status, 200u) << list.body;
}

TEST_F(HostileInputTest, ALoneSurrogateInAGuestNameIsRefusedOnCreateAndUpdate) {
  expect_refused(call("POST", "/v1/bookings", overbooking_body(kDate, "19:00", 2, {}, R"({"name": "Ann \udc00"})")),
                 "invalid_utf8", "guest.name");
  const std::string id = create_booking();
  expect_refused(call("PUT", "/v1/bookings/" + id, R"({"guest": {"name": "\udfff"}})"), "invalid_utf8", "guest.name");
  expect_refused(call("PUT", "/v1/bookings/" + id, "{\"comment\": \"ok \xc3\"}"), "invalid_utf8", "comment");
  Reply back = call("GET", "/v1/bookings/" + id);
  ASSERT_EQ(back.status, 200u);
  EXPECT_EQ(at(parse(back.body), "guest.name"), q("Ann Hansen"));
}

TEST_F(HostileInputTest, AQueryParameterThatIsNotUtf8IsRefusedNamingIt) {
  expect_refused(call("GET", "/v1/bookings?customQuery=%ED%B0%80"), "invalid_parameter", "customQuery");
  expect_refused(call("GET", "/v1/bookings?fromDateTime=" + kDate + "%FF"), "invalid_parameter", "fromDateTime");
}

TEST_F(HostileInputTest, AnIdInThePathThatIsNotUtf8IsNotEchoedBack) {
  for (const std::string target : {"/v1/bookings/ab\xff", "/v1/bookings/ab%FF", "/v1/areas/ab\xed\xb0\x80"}) {
    Reply r = call("GET", target);
    EXPECT_TRUE(r.status == 404u || r.status == 400u) << r.status << " " << r.body;
    EXPECT_TRUE(core::is_valid_utf8(r.body)) << r.body;
  }
}

TEST_F(HostileInputTest, AnIdempotencyKeyThatIsNotUtf8IsRefused) {
  auto c = client();
  Reply r = c.request(
      "POST", "/v1/bookings",
      {{"Authorization", basic_auth(key())}, {"Content-Type", "application/json"}, {"Idempotency-Key", "key-\xff"}},
      overbooking_body(kDate, "19:00", 2));
  EXPECT_EQ(r.status, 422u) << r.body;
  EXPECT_EQ(at(parse(r.body), "field"), q("Idempotency-Key"));
}

TEST_F(HostileInputTest, ACsvRowWithBytesThatAreNotUtf8IsRefusedAndTheOthersImport) {
  auto c = client();
  Reply r = c.request(
      "POST", "/api/v3/imports?type=bookings&allowOverbooking=true",
      {{"Authorization", basic_auth(key())}, {"Content-Type", "text/csv"}},
      "date,time,people,name\n" + kDate + ",19:00,2,Ada\n" + kDate + ",19:30,2,Bo \xff\n" + kDate + ",20:00,2,Cy\n");
  ASSERT_EQ(r.status, 202u) << r.body;
  auto job = finished_import(r.header("location"));
  EXPECT_EQ(at(job, "imported"), "2");
  EXPECT_EQ(at(job, "failed"), "1");
  EXPECT_EQ(at(job, "errors.0.row"), "2");
  EXPECT_EQ(at(job, "errors.0.code"), q("invalid_utf8"));
  EXPECT_EQ(at(job, "errors.0.field"), q("name"));
  auto list = parse(call("GET", "/v1/bookings?fromDateTime=" + kDate + "&toDateTime=" + kDate).body);
  ASSERT_EQ(list.Size(), 2u);
  EXPECT_EQ(at(list, "0.guest.name"), q("Ada"));
  EXPECT_EQ(at(list, "1.guest.name"), q("Cy"));
}

// --- Stored documents that cannot be decoded ---------------------------------------

TEST_F(HostileStoreTest, ACorruptRestaurantDocumentBreaksOnlyThatRestaurant) {
  const std::string other_key = restaurant_with_key("Other Place");
  const std::string id = restaurant_id();
  stop_server();
  corrupt_stored("restaurants", id);
  start_server();  // starts at all: that was the bug

  EXPECT_EQ(get("/heart").status, 200u);
  Reply other = call("GET", "/v1/restaurant", {}, other_key);
  EXPECT_EQ(other.status, 200u) << other.body;
  EXPECT_EQ(at(parse(other.body), "name"), q("Other Place"));
  EXPECT_EQ(call("POST", "/v1/bookings", overbooking_body(kDate, "19:00", 2), other_key).status, 200u);

  Reply broken = call("GET", "/v1/restaurant");
  EXPECT_EQ(broken.status, 500u) << broken.body;
  EXPECT_EQ(at(parse(broken.body), "code"), q("internal_error"));
  EXPECT_EQ(call("POST", "/v1/bookings", overbooking_body(kDate, "19:00", 2)).status, 500u);
  const std::string log = server().log();
  EXPECT_NE(log.find("corrupt restaurant document '" + id + "'"), std::string::npos) << log;
}

TEST_F(HostileStoreTest, ACorruptBookingAnswers500AndCanBeDeleted) {
  const std::string id = create_booking();
  const std::string kept = create_booking();
  stop_server();
  corrupt_stored("bookings", id);
  start_server();

  Reply broken = call("GET", "/v1/bookings/" + id);
  EXPECT_EQ(broken.status, 500u) << broken.body;
  EXPECT_NE(server().log().find("corrupt booking document '" + id + "'"), std::string::npos) << server().log();
  EXPECT_EQ(call("GET", "/v1/bookings/" + kept).status, 200u);

  Reply erased = call("DELETE", "/v1/bookings/" + id);
  EXPECT_EQ(erased.status, 204u) << erased.body;
  EXPECT_EQ(call("GET", "/v1/bookings/" + id).status, 404u);
  EXPECT_EQ(call("GET", "/v1/bookings/" + kept).status, 200u);
}

TEST_F(HostileStoreTest, ACorruptOpeningHourAnswers500AndCanBeDeleted) {
  auto hours = parse(call("GET", "/v1/openingHours").body);
  ASSERT_TRUE(hours.IsArray() && hours.Size() > 0u);
  const std::string id = text_at(hours, "0._id");
  stop_server();
  corrupt_stored("documents", id);
  start_server();

  EXPECT_EQ(call("GET", "/v1/openingHours/" + id).status, 500u);
  Reply erased = call("DELETE", "/v1/openingHours/" + id);
  EXPECT_EQ(erased.status, 200u) << erased.body;
  EXPECT_EQ(call("GET", "/v1/openingHours/" + id).status, 404u);
  EXPECT_EQ(call("GET", "/v1/openingHours").status, 200u);
}

TEST_F(HostileStoreTest, ACorruptAreaAnswers500AndCanBeDeleted) {
  Reply made = call("POST", "/v1/areas", R"({"name": "Terrace"})");
  ASSERT_EQ(made.status, 200u) << made.body;
  const std::string id = parse(made.body).GetString();
  stop_server();
  corrupt_stored("documents", id);
  start_server();

  Reply list = call("GET", "/v1/areas");
  EXPECT_EQ(list.status, 500u) << list.body;  // not a 422: the client did nothing wrong
  EXPECT_EQ(call("GET", "/v1/areas/" + id).status, 500u);
  EXPECT_NE(server().log().find("corrupt area document '" + id + "'"), std::string::npos) << server().log();

  Reply erased = call("DELETE", "/v1/areas/" + id);
  EXPECT_EQ(erased.status, 200u) << erased.body;
  EXPECT_EQ(call("GET", "/v1/areas/" + id).status, 404u);
  EXPECT_EQ(call("GET", "/v1/areas").status, 200u);
}

}  // namespace
}  // namespace maitred::test
