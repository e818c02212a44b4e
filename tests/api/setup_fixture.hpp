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

namespace maitred::test {

// The value at a dotted path ("area.name", "tableIds.1"; "" for the whole)
// as compact JSON; "<absent>" when there is no such value.
inline std::string at(const rapidjson::Value& root, const std::string& path) {
  const rapidjson::Value* v = &root;
  std::size_t start = 0;
  while (!path.empty()) {
    const auto dot = path.find('.', start);
    const std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (v->IsObject()) {
      auto it = v->FindMember(part.c_str());
      if (it == v->MemberEnd()) return "<absent>";
      v = &it->value;
    } else if (v->IsArray() && !part.empty() && part.find_first_not_of("0123456789") == std::string::npos) {
      const auto index = std::stoul(part);
      if (index >= v->Size()) return "<absent>";
      v = &(*v)[static_cast<rapidjson::SizeType>(index)];
    } else {
      return "<absent>";
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  v->Accept(writer);
  return buffer.GetString();
}

// A JSON string literal (no escaping needed for the values used here).
inline std::string q(const std::string& s) {
  return "\"" + s + "\"";
}

// The `_id`s of a JSON array of documents, in order.
inline std::vector<std::string> ids_of(const rapidjson::Value& list) {
  std::vector<std::string> ids;
  if (!list.IsArray()) return ids;
  for (const auto& item : list.GetArray()) {
    if (item.IsObject() && item.HasMember("_id") && item["_id"].IsString()) ids.emplace_back(item["_id"].GetString());
  }
  return ids;
}

class SetupApiBase : public ApiTest {
 protected:
  // Many requests per test: the default 100/s per key must not interfere.
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  // Every test works in a restaurant of its own with an empty setup (the demo
  // restaurant comes with sample tables and hours); key() is its key.
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    auto made = run_maitred(
        {"restaurant", "create", "--name", "Setup Test", "--timezone", "Europe/Copenhagen", "--data", data().string()});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    demo_key_ = key_;
    restaurant_id_ = string_at(made.out, "_id");
    ASSERT_EQ(restaurant_id_.size(), 17u) << made.out;
    auto made_key = run_maitred({"key", "create", "--restaurant", restaurant_id_, "--data", data().string()});
    ASSERT_EQ(made_key.exit_code, 0) << made_key.err;
    key_ = made_key.last_line();
    ASSERT_FALSE(key_.empty());
  }

  Reply call(const std::string& method, const std::string& target, const std::string& body = {}) {
    return call_as(key(), method, target, body);
  }
  Reply call_as(const std::string& api_key, const std::string& method, const std::string& target,
                const std::string& body = {}) {
    Headers headers{{"Authorization", basic_auth(api_key)}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    auto c = client();
    return c.request(method, target, headers, body);
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

  std::string restaurant_id_;  // of the restaurant key() belongs to
  std::string demo_key_;
};

}  // namespace maitred::test
