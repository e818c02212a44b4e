#pragma once
// Shared by the staff sign-in tests: staff users made through the real CLI
// (password on stdin) and sign-in over HTTPS.
//
// A server per test by default: sign-in finds a user by name across all the
// restaurants of a data folder, and failed sign-ins count per client address
// in the server's memory. A fixture whose usernames are unique in the suite
// and that fails no sign-in may share one (own_server() false).

#include <string>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/json_paths.hpp"

namespace maitred::test {

class StaffApiTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }
  bool own_server() const override { return true; }

  void add_user(const std::string& username, const std::string& role, const std::string& password) {
    auto made = run_maitred({"user", "create", "--restaurant", restaurant_id_, "--username", username, "--role", role,
                             "--data", data().string()},
                            password + "\n");
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }

  Reply post(const std::string& target, const std::string& body, Headers headers = {}) {
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return send("POST", target, headers, body);
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
    return send(method, target, headers, body);
  }
};

}  // namespace maitred::test
