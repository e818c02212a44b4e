#pragma once
// Shared set-up for the black-box tests: a data folder with the demo
// restaurant and its key, made through the real CLI, and a running server.

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <memory>
#include <optional>
#include <string>
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

class ApiTest : public ::testing::Test {
 protected:
  // Extra `serve` arguments for a fixture; override in a derived fixture.
  virtual std::vector<std::string> server_args() const { return {}; }

  void SetUp() override {
    // The demo setup without its sample bookings: tests book what they need.
    auto demo = run_maitred({"demo", "--no-bookings", "--data", data().string()});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    key_ = demo.last_line();
    ASSERT_FALSE(key_.empty());
    server_ = std::make_unique<ServerProcess>(data(), server_args());
  }

  const std::filesystem::path& data() const { return dir_.path(); }
  ServerProcess& server() { return *server_; }
  const std::string& key() const { return key_; }

  // The pinned clock of the data folder: every maitred process on it, the
  // server included, runs from kTestNow; tests move it instead of sleeping.
  TestClock clock() const { return TestClock(data()); }

  HttpClient client() { return HttpClient(server_->port(), data() / "tls-cert.pem"); }

  // A further restaurant and an API key for it, made with the CLI; the key.
  std::string restaurant_with_key(const std::string& name, const std::string& timezone = "Europe/Copenhagen") {
    auto made =
        run_maitred({"restaurant", "create", "--name", name, "--timezone", timezone, "--data", data().string()});
    EXPECT_EQ(made.exit_code, 0) << made.err;
    auto key = run_maitred({"key", "create", "--restaurant", string_at(made.out, "_id"), "--data", data().string()});
    EXPECT_EQ(key.exit_code, 0) << key.err;
    return key.last_line();
  }

  Reply get(const std::string& target, const Headers& headers = {}) {
    auto c = client();
    return c.request("GET", target, headers);
  }
  // One request with the restaurant's key on a fresh connection; a JSON
  // body when one is given.
  Reply call(const std::string& method, const std::string& target, const std::string& body = {},
             const Headers& extra = {}) {
    Headers headers{{"Authorization", basic_auth(key())}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    headers.insert(headers.end(), extra.begin(), extra.end());
    auto c = client();
    return c.request(method, target, headers, body);
  }

  Reply get_with_key(const std::string& target, const std::string& key) {
    return get(target, {{"Authorization", basic_auth(key)}});
  }

  TempDir dir_;
  std::string key_;
  std::unique_ptr<ServerProcess> server_;
};

}  // namespace maitred::test
