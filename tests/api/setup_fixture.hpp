#pragma once
// Shared by the setup black-box tests: each test works in a fresh restaurant
// of its own (the demo restaurant has a sample setup), with helpers to call,
// create, read and check error bodies.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/json_paths.hpp"

namespace maitred::test {

class SetupApiBase : public ApiTest {
 protected:
  // Many requests per test: the default 100/s per key must not interfere.
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  // Every test works in a restaurant of its own with an empty setup (the demo
  // restaurant comes with sample tables and hours); key() is its key.
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    demo_key_ = key_;
    auto made = new_tenant("Setup Test");
    restaurant_id_ = made.restaurant_id;
    ASSERT_EQ(restaurant_id_.size(), 17u);
    key_ = made.key;
    ASSERT_FALSE(key_.empty());
  }

  Reply call(const std::string& method, const std::string& target, const std::string& body = {}) {
    return call_as(key(), method, target, body);
  }
  Reply call_as(const std::string& api_key, const std::string& method, const std::string& target,
                const std::string& body = {}) {
    Headers headers{{"Authorization", basic_auth(api_key)}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return send(method, target, headers, body);
  }

  // POSTs `body` to `collection` and returns the new id; throws (failing the
  // test) when the server refuses.
  std::string create(const std::string& collection, const std::string& body) {
    Reply r = call("POST", collection, body);
    if (r.status != 200) {
      throw std::runtime_error("POST " + collection + " " + body + " -> " + std::to_string(r.status) + " " + r.body);
    }
    auto doc = parse(r.body);
    if (!doc.IsString()) throw std::runtime_error("POST " + collection + " did not answer an id: " + r.body);
    EXPECT_EQ(doc.GetStringLength(), 17u) << r.body;
    return doc.GetString();
  }

  rapidjson::Document read(const std::string& target) {
    Reply r = call("GET", target);
    if (r.status != 200) throw std::runtime_error("GET " + target + " -> " + std::to_string(r.status) + " " + r.body);
    return parse(r.body);
  }

  static void expect_true(const Reply& r) {
    EXPECT_EQ(r.status, 200u) << r.body;
    EXPECT_EQ(r.body, "true");
  }

  static void expect_error(const Reply& r, unsigned status, const std::string& code, const std::string& field = {}) {
    EXPECT_EQ(r.status, status) << r.body;
    rapidjson::Document doc;
    doc.Parse(r.body.c_str());
    ASSERT_TRUE(doc.IsObject()) << r.body;
    EXPECT_EQ(at(doc, "code"), q(code)) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(at(doc, "field"), q(field)) << r.body;
    }
    ASSERT_TRUE(doc.HasMember("message") && doc["message"].IsString()) << r.body;
    EXPECT_GT(doc["message"].GetStringLength(), 10u) << r.body;
    EXPECT_EQ(at(doc, "requestId"), q(r.header("x-request-id"))) << r.body;
  }

  std::string demo_key_;  // of the restaurant with the demo setup
};

}  // namespace maitred::test
