#pragma once
// Shared by the staff sign-in tests: staff users made through the real CLI
// (password on stdin) and sign-in over HTTPS.

#include <string>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/json_paths.hpp"

namespace maitred::test {

class StaffApiTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    auto listed = run_maitred({"restaurant", "list", "--data", data().string()});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    restaurant_id_ = parse(listed.out)[0]["_id"].GetString();
  }

  void add_user(const std::string& username, const std::string& role, const std::string& password) {
    auto made = run_maitred({"user", "create", "--restaurant", restaurant_id_, "--username", username, "--role", role,
                             "--data", data().string()},
                            password + "\n");
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }

  Reply post(const std::string& target, const std::string& body, Headers headers = {}) {
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    auto c = client();
    return c.request("POST", target, headers, body);
  }
  Reply login(const std::string& username, const std::string& password, const std::string& target = "/api/v3/auth") {
    return post(target, R"({"username":")" + username + R"(","password":")" + password + R"("})");
  }
  // Signs in and returns {token, refreshToken}; fails the test otherwise.
  std::pair<std::string, std::string> tokens_for(const std::string& username, const std::string& password) {
    Reply r = login(username, password);
    EXPECT_EQ(r.status, 200u) << r.body;
    return {string_at(r.body, "token"), string_at(r.body, "refreshToken")};
  }
  Reply call(const std::string& method, const std::string& target, const std::string& token,
             const std::string& body = {}) {
    Headers headers{{"Authorization", "Bearer " + token}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    auto c = client();
    return c.request(method, target, headers, body);
  }

  std::string restaurant_id_;
};

}  // namespace maitred::test
