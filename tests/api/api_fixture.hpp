#pragma once
// Shared set-up for the black-box tests: a data folder with a restaurant that
// has the demo setup and an API key for it, and a running `maitred serve`.
//
// How to use it (see docs/TESTING.md, "How the black-box suites share
// servers"):
//
//   class MyTest : public ApiTest {
//    protected:
//     // Optional: extra `serve` arguments.
//     std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }
//   };
//   TEST_F(MyTest, Something) { EXPECT_EQ(call("GET", "/v1/tables").status, 200u); }
//
// By default the tests of one suite (one fixture class) share one data folder
// and one server, started by the suite's first test and stopped after its
// last (ctest runs each suite as one process: tests/CMakeLists.txt). Each
// test still gets a restaurant of its own, with the demo setup, and a key for
// it (key(), restaurant_id()), so it never sees another test's data. The
// folder's pinned clock is put back to kTestNow before each test.
//
// A fixture whose tests cannot share a server overrides own_server() to
// return true: then every test gets a fresh data folder, `maitred demo` and a
// server of its own, as all tests did before. That is needed by tests that
//   - move the pinned clock (clock().advance / set),
//   - stop, kill or restart the server, or start further servers on data(),
//   - write to the store behind the server's back (sqlite3, open_test_store),
//   - count or exhaust something that is global to a server: connections,
//     per-address limits, failed sign-ins, log lines of other requests,
//     the list of all restaurants.
// Split a suite into two fixtures when only some of its tests need that. A
// test on a shared server that moved the clock or whose server stopped fails
// in TearDown, saying so.
//
// call()/get() send on one kept-alive connection per test (a new one when the
// server closed it; other threads of the test open their own); a fixture that tests connection behaviour and needs a
// fresh connection per request overrides keep_alive() to return false. Tests
// that need their own connections open them with client().

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/cli_runner.hpp"
#include "support/https_client.hpp"
#include "support/server_process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_clock.hpp"

namespace maitred::test {

inline rapidjson::Document parse(const std::string& body) {
  rapidjson::Document doc;
  doc.Parse(body.c_str());
  EXPECT_FALSE(doc.HasParseError()) << "not JSON: " << body;
  return doc;
}

// The string member `member` of a JSON object body; empty when absent.
inline std::string string_at(const std::string& body, const char* member) {
  auto doc = parse(body);
  if (!doc.IsObject() || !doc.HasMember(member) || !doc[member].IsString()) return {};
  return doc[member].GetString();
}

// A restaurant made for a test and a key for it.
struct Tenant {
  std::string restaurant_id;
  std::string key;
};

class ApiTest : public ::testing::Test {
 protected:
  // Extra `serve` arguments for a fixture; override in a derived fixture.
  virtual std::vector<std::string> server_args() const { return {}; }
  // True: each test gets a data folder and a server of its own (see above).
  virtual bool own_server() const { return false; }
  // False: call()/get() open a new connection for every request.
  virtual bool keep_alive() const { return true; }

  void SetUp() override;
  void TearDown() override;
  // Stops the suite's shared server.
  static void TearDownTestSuite();

  const std::filesystem::path& data() const;
  ServerProcess& server();
  const std::string& key() const { return key_; }
  // The restaurant key() belongs to.
  const std::string& restaurant_id() const { return restaurant_id_; }

  // The pinned clock of the data folder: every maitred process on it, the
  // server included, runs from kTestNow; tests move it instead of sleeping
  // (only with own_server()).
  TestClock clock() const { return TestClock(data()); }

  // A new connection to the server.
  HttpClient client() { return HttpClient(server().port(), data() / "tls-cert.pem"); }

  // What the server logged since this test began.
  std::string server_log();

  // A further restaurant and an API key for it, made with the CLI; the key.
  std::string restaurant_with_key(const std::string& name, const std::string& timezone = "Europe/Copenhagen");

  // A further restaurant and a key for it, written straight to the store (as
  // the CLI would, without starting a process): with the demo setup (areas,
  // tables, hours, custom fields) when `demo_setup`, else with none.
  Tenant new_tenant(const std::string& name, const std::string& timezone = "Europe/Copenhagen",
                    bool demo_setup = false);

  Reply get(const std::string& target, const Headers& headers = {}) { return send("GET", target, headers); }
  // One request with the restaurant's key; a JSON body when one is given.
  Reply call(const std::string& method, const std::string& target, const std::string& body = {},
             const Headers& extra = {});
  Reply get_with_key(const std::string& target, const std::string& key) {
    return get(target, {{"Authorization", basic_auth(key)}});
  }
  // One request on the test's kept-alive connection (see keep_alive()).
  Reply send(const std::string& method, const std::string& target, const Headers& headers = {},
             const std::string& body = {});

  std::string key_;
  std::string restaurant_id_;
  // With own_server(): this test's folder and server (tests may stop, reset
  // or replace the server).
  mutable std::unique_ptr<TempDir> dir_;
  std::unique_ptr<ServerProcess> server_;

 private:
  struct SharedServer;
  static std::unique_ptr<SharedServer>& shared();
  void set_up_own_server();
  void set_up_shared_server();

  std::thread::id test_thread_;
  std::size_t log_start_ = 0;
  std::optional<HttpClient> connection_;
};

}  // namespace maitred::test
