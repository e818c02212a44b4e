// Staff sign-in and tokens against the real server: issue, use on /v1
// routes, refresh with rotation, sign-out, expiry, every 401 reason and the
// lockout.

#include "api/staff_fixture.hpp"
#include "core/password_hash.hpp"
#include "domain/staff_user.hpp"
#include "support/test_database.hpp"

namespace maitred::test {
namespace {

using namespace std::chrono_literals;

class StaffAuthApiTest : public StaffApiTest {
 protected:
  void SetUp() override {
    StaffApiTest::SetUp();
    if (HasFatalFailure()) return;
    add_user("Anna", "host", "tr4mpoline");
  }
  void expect_401(const Reply& r, const std::string& code) {
    EXPECT_EQ(r.status, 401u) << r.body;
    EXPECT_EQ(string_at(r.body, "code"), code) << r.body;
    EXPECT_FALSE(string_at(r.body, "message").empty());
  }
};

TEST_F(StaffAuthApiTest, LoginGivesTokensThatWorkOnV1Routes) {
  Reply r = login("anna", "tr4mpoline");  // usernames match in any case
  ASSERT_EQ(r.status, 200u) << r.body;
  auto doc = parse(r.body);
  EXPECT_EQ(at(doc, "expiresIn"), "10800");
  const std::string token = text_at(doc, "token");
  EXPECT_TRUE(token.starts_with("mta_")) << token;
  EXPECT_TRUE(text_at(doc, "refreshToken").starts_with("mtr_"));

  Reply restaurant = call("GET", "/v1/restaurant", token);
  ASSERT_EQ(restaurant.status, 200u) << restaurant.body;
  EXPECT_EQ(string_at(restaurant.body, "_id"), restaurant_id_);
  EXPECT_EQ(call("GET", "/v1/tables", token).status, 200u);
  EXPECT_EQ(call("GET", "/v1/bookings", token).status, 200u);
  EXPECT_TRUE(r.has("retry-after"));
  EXPECT_EQ(server().log().find("tr4mpoline"), std::string::npos) << "a password reached the log";
  EXPECT_EQ(server().log().find(token), std::string::npos) << "a token reached the log";
}

TEST_F(StaffAuthApiTest, HttpBasicLoginUnderApiV1) {
  const std::string basic = "Basic " + std::string("QW5uYTp0cjRtcG9saW5l");  // Anna:tr4mpoline
  Reply r = post("/api/v1/auth", "", {{"Authorization", basic}});
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(call("GET", "/v1/restaurant", string_at(r.body, "token")).status, 200u);
  Reply with_id = post("/api/v3/auth?restaurantId=" + restaurant_id_, "", {{"Authorization", basic}});
  EXPECT_EQ(with_id.status, 200u) << with_id.body;
}

TEST_F(StaffAuthApiTest, EachLoginFailureHasItsOwnCode) {
  expect_401(login("bob", "tr4mpoline"), "unknown_user");
  expect_401(login("anna", "Tr4mpoline"), "wrong_password");
  // The stored password was fine once and is now on the breached list: set
  // its hash behind the CLI's back, as an old version might have.
  {
    auto opened = open_test_store(data());
    store::Store& store = *opened;
    auto user = store.staff().find_staff_user(restaurant_id_, "anna");
    ASSERT_TRUE(user);
    store.staff().set_staff_password(user->id, core::hash_password("password1"), core::SystemClock{}.now());
  }
  Reply refused = login("anna", "password1");
  expect_401(refused, "password_change_required");
  EXPECT_NE(string_at(refused.body, "message").find("breached"), std::string::npos) << refused.body;
  Reply missing = post("/api/v3/auth", R"({"username":"anna"})");
  EXPECT_EQ(missing.status, 422u) << missing.body;
  EXPECT_EQ(string_at(missing.body, "field"), "password");
}

TEST_F(StaffAuthApiTest, AUserChangesAPasswordThePolicyNowRefuses) {
  {
    auto opened = open_test_store(data());
    store::Store& store = *opened;
    auto user = store.staff().find_staff_user(restaurant_id_, "anna");
    ASSERT_TRUE(user);
    store.staff().set_staff_password(user->id, core::hash_password("password1"), core::SystemClock{}.now());
  }
  expect_401(login("anna", "password1"), "password_change_required");
  auto change = [&](const std::string& current, const std::string& next) {
    return post("/api/v3/auth/password",
                R"({"username":"anna","password":")" + current + R"(","newPassword":")" + next + R"("})");
  };
  expect_401(change("password2", "n3w-password"), "wrong_password");
  Reply weak = change("password1", "qwerty123");
  EXPECT_EQ(weak.status, 422u) << weak.body;
  EXPECT_EQ(string_at(weak.body, "code"), "password_breached");
  EXPECT_EQ(string_at(weak.body, "field"), "newPassword");
  Reply changed = change("password1", "n3w-password");
  ASSERT_EQ(changed.status, 200u) << changed.body;
  EXPECT_EQ(call("GET", "/v1/restaurant", string_at(changed.body, "token")).status, 200u);
  expect_401(login("anna", "password1"), "wrong_password");
  EXPECT_EQ(login("anna", "n3w-password").status, 200u);
}

TEST_F(StaffAuthApiTest, EachTokenFailureHasItsOwnCode) {
  expect_401(call("GET", "/v1/restaurant", "mta_" + std::string(43, 'x')), "unknown_token");
  expect_401(call("GET", "/v1/restaurant", key()), "api_key_as_bearer");
  auto [token, refresh] = tokens_for("anna", "tr4mpoline");
  expect_401(call("GET", "/v1/restaurant", refresh), "unknown_token");  // a refresh token is no access token
  ASSERT_EQ(call("POST", "/api/v3/auth/logout", token).status, 204u);
  expect_401(call("GET", "/v1/restaurant", token), "token_revoked");
  expect_401(post("/api/v3/auth/refresh", R"({"refreshToken":")" + refresh + R"("})"), "token_revoked");
  expect_401(post("/api/v3/auth/refresh", R"({"refreshToken":"mtr_unknown"})"), "unknown_token");
}

TEST_F(StaffAuthApiTest, RefreshRotatesThePairAndReusingTheOldRefreshTokenEndsBoth) {
  auto [token, refresh] = tokens_for("anna", "tr4mpoline");
  Reply r = post("/api/v3/auth/refresh", R"({"refreshToken":")" + refresh + R"("})");
  ASSERT_EQ(r.status, 200u) << r.body;
  const std::string new_token = string_at(r.body, "token");
  const std::string new_refresh = string_at(r.body, "refreshToken");
  EXPECT_NE(new_token, token);
  EXPECT_NE(new_refresh, refresh);
  EXPECT_EQ(call("GET", "/v1/restaurant", new_token).status, 200u);
  expect_401(call("GET", "/v1/restaurant", token), "token_revoked");
  // Reuse means the token leaked: the pair refreshed from it ends too.
  expect_401(post("/api/v3/auth/refresh", R"({"refreshToken":")" + refresh + R"("})"), "token_revoked");
  expect_401(call("GET", "/v1/restaurant", new_token), "token_revoked");
  expect_401(post("/api/v3/auth/refresh", R"({"refreshToken":")" + new_refresh + R"("})"), "token_revoked");
}

TEST_F(StaffAuthApiTest, DeletingTheUserOrChangingThePasswordEndsItsTokens) {
  auto [token, refresh] = tokens_for("anna", "tr4mpoline");
  auto changed =
      run_maitred({"user", "passwd", "--restaurant", restaurant_id_, "--username", "ANNA", "--data", data().string()},
                  "n3w-password\n");
  ASSERT_EQ(changed.exit_code, 0) << changed.err;
  expect_401(call("GET", "/v1/restaurant", token), "token_revoked");
  expect_401(login("anna", "tr4mpoline"), "wrong_password");
  auto [token2, refresh2] = tokens_for("anna", "n3w-password");
  auto deleted =
      run_maitred({"user", "delete", "--restaurant", restaurant_id_, "--username", "anna", "--data", data().string()});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
  expect_401(call("GET", "/v1/restaurant", token2), "unknown_token");
  expect_401(login("anna", "n3w-password"), "unknown_user");
}

TEST_F(StaffAuthApiTest, TheCliRefusesWeakPasswordsAndDuplicateNames) {
  auto weak = run_maitred({"user", "create", "--restaurant", restaurant_id_, "--username", "bob", "--role", "host",
                           "--data", data().string()},
                          "password1\n");
  EXPECT_EQ(weak.exit_code, 2);
  EXPECT_NE(weak.err.find("breached"), std::string::npos) << weak.err;
  auto dup = run_maitred({"user", "create", "--restaurant", restaurant_id_, "--username", "ANNA", "--role", "host",
                          "--data", data().string()},
                         "tr4mpoline-2\n");
  EXPECT_EQ(dup.exit_code, 2);
  auto empty = run_maitred({"user", "create", "--restaurant", restaurant_id_, "--username", "carl", "--role", "host",
                            "--data", data().string()});
  EXPECT_EQ(empty.exit_code, 2);
  auto listed = run_maitred({"user", "list", "--restaurant", restaurant_id_, "--data", data().string()});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  auto users = parse(listed.out);
  ASSERT_EQ(users.Size(), 1u) << listed.out;
  EXPECT_EQ(text_at(users, "0.username"), "Anna");
  EXPECT_EQ(text_at(users, "0.role"), "host");
  EXPECT_EQ(listed.out.find("argon2"), std::string::npos) << "the hash is never shown";
}

// Short lifetimes and a quick lock; the tests move the server's pinned clock
// past them instead of waiting.
class StaffAuthShortLivedTest : public StaffAuthApiTest {
 protected:
  std::vector<std::string> server_args() const override {
    return {"--access-token-seconds", "60", "--refresh-token-seconds", "120", "--login-slow-after", "3",
            "--login-lock-after",     "3",  "--login-lock-seconds",    "60"};
  }
};

TEST_F(StaffAuthShortLivedTest, TokensExpire) {
  Reply r = login("anna", "tr4mpoline");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(at(parse(r.body), "expiresIn"), "60");
  const std::string token = string_at(r.body, "token");
  const std::string refresh = string_at(r.body, "refreshToken");
  EXPECT_EQ(call("GET", "/v1/restaurant", token).status, 200u);
  clock().advance(61s);
  expect_401(call("GET", "/v1/restaurant", token), "token_expired");
  Reply renewed = post("/api/v3/auth/refresh", R"({"refreshToken":")" + refresh + R"("})");
  ASSERT_EQ(renewed.status, 200u) << renewed.body;
  clock().advance(121s);
  expect_401(post("/api/v3/auth/refresh", R"({"refreshToken":")" + string_at(renewed.body, "refreshToken") + R"("})"),
             "token_expired");
}

TEST_F(StaffAuthShortLivedTest, RepeatedFailuresLockTheUsernameWith429AndRetryAfter) {
  for (int i = 0; i < 3; ++i) expect_401(login("anna", "wrong-password-" + std::to_string(i)), "wrong_password");
  Reply locked = login("anna", "tr4mpoline");
  EXPECT_EQ(locked.status, 429u) << locked.body;
  EXPECT_EQ(string_at(locked.body, "code"), "too_many_attempts");
  const long long retry_after = std::stoll(locked.header("retry-after"));
  EXPECT_GT(retry_after, 55'000);
  EXPECT_LE(retry_after, 60'000);
  // Unknown names count too, and lock on their own.
  for (int i = 0; i < 3; ++i) expect_401(login("mallory", "guess-" + std::to_string(i)), "unknown_user");
  EXPECT_EQ(login("mallory", "guess-x").status, 429u);

  // The lock ends when its minute has passed.
  clock().advance(61s);
  EXPECT_EQ(login("anna", "tr4mpoline").status, 200u);
}

}  // namespace
}  // namespace maitred::test
