// Authentication and tenant isolation, against the real server.

#include "api/api_fixture.hpp"

namespace maitred::test {
namespace {

class AuthTest : public ApiTest {};

// Stops the server: one of its own.
class AuthStopTest : public AuthTest {
 protected:
  bool own_server() const override { return true; }
};

TEST_F(AuthTest, HeartNeedsNoKeyUnderEveryBasePath) {
  for (const char* path : {"/heart", "/v1/heart", "/api/v1/heart", "/api/v3/heart"}) {
    Reply r = get(path);
    EXPECT_EQ(r.status, 200u) << path;
    auto doc = parse(r.body);
    EXPECT_TRUE(doc.IsString()) << path << " answered " << r.body;
    EXPECT_GT(doc.GetStringLength(), 0u);
  }
}

TEST_F(AuthTest, ValidKeyReadsItsRestaurant) {
  Reply r = get_with_key("/v1/restaurant", key());
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(string_at(r.body, "_id").size(), 17u);
  EXPECT_EQ(string_at(r.body, "timezone"), "Europe/Copenhagen");
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
}

TEST_F(AuthTest, KeyWithoutTrailingColonIsAccepted) {
  Reply r = get("/v1/restaurant", {{"Authorization", basic_auth(key(), /*with_colon=*/false)}});
  EXPECT_EQ(r.status, 200u) << r.body;
}

struct BadCredential {
  std::string authorization;  // empty: header not sent
  std::string code;
};

TEST_F(AuthTest, EachKindOfBadCredentialGetsItsOwn401) {
  const std::vector<BadCredential> cases = {
      {"", "missing_credentials"},
      {"Basic", "missing_credentials"},
      {"Basic !!!not-base64!!!", "malformed_authorization"},
      {basic_auth("mtd_" + std::string(40, 'A')), "invalid_api_key"},
      {basic_auth("short"), "invalid_api_key"},
      {"Basic " + std::string("a2V5OnNlY3JldA=="), "password_not_expected"},  // key:secret
      {"Bearer abc.def", "unknown_token"},
      {"Digest username=x", "unsupported_auth_scheme"},
  };
  for (const auto& c : cases) {
    Headers headers;
    if (!c.authorization.empty()) headers.emplace_back("Authorization", c.authorization);
    Reply r = get("/v1/restaurant", headers);
    EXPECT_EQ(r.status, 401u) << c.authorization;
    EXPECT_EQ(string_at(r.body, "code"), c.code) << c.authorization << " -> " << r.body;
    EXPECT_FALSE(string_at(r.body, "message").empty());
    EXPECT_NE(r.header("www-authenticate").find("Basic"), std::string::npos);
  }
}

TEST_F(AuthTest, AKeyThatDiffersInOneCharacterIsRefused) {
  std::string altered = key();
  altered.back() = altered.back() == 'a' ? 'b' : 'a';
  Reply r = get_with_key("/v1/restaurant", altered);
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(string_at(r.body, "code"), "invalid_api_key");
}

TEST_F(AuthTest, RevokedKeyIsRefusedByTheRunningServerFromTheNextRequest) {
  const std::string restaurant_id = this->restaurant_id();
  auto created =
      run_maitred({"key", "create", "--restaurant", restaurant_id, "--name", "pos", "--data", data().string()});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  const std::string second_key = created.last_line();

  auto keep_alive = client();
  Reply before = keep_alive.request("GET", "/v1/restaurant", {{"Authorization", basic_auth(second_key)}});
  ASSERT_EQ(before.status, 200u);

  auto listed = run_maitred({"key", "list", "--restaurant", restaurant_id, "--data", data().string()});
  auto keys = parse(listed.out);
  std::string second_key_id;
  for (const auto& k : keys.GetArray()) {
    if (std::string(k["name"].GetString()) == "pos") second_key_id = k["_id"].GetString();
  }
  ASSERT_FALSE(second_key_id.empty()) << listed.out;
  auto revoked = run_maitred({"key", "revoke", second_key_id, "--data", data().string()});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;

  // Same connection, next request: refused.
  Reply after = keep_alive.request("GET", "/v1/restaurant", {{"Authorization", basic_auth(second_key)}});
  EXPECT_EQ(after.status, 401u);
  EXPECT_EQ(string_at(after.body, "code"), "revoked_api_key");
  // The other key still works.
  EXPECT_EQ(get_with_key("/v1/restaurant", key()).status, 200u);
}

TEST_F(AuthTest, AKeyOnlyEverSeesItsOwnRestaurant) {
  auto other = run_maitred(
      {"restaurant", "create", "--name", "Other Place", "--timezone", "America/New_York", "--data", data().string()});
  ASSERT_EQ(other.exit_code, 0) << other.err;
  const std::string other_id = string_at(other.out, "_id");
  auto other_key = run_maitred({"key", "create", "--restaurant", other_id, "--data", data().string()});
  ASSERT_EQ(other_key.exit_code, 0);

  Reply mine = get_with_key("/v1/restaurant", key());
  Reply theirs = get_with_key("/v1/restaurant", other_key.last_line());
  ASSERT_EQ(mine.status, 200u);
  ASSERT_EQ(theirs.status, 200u);
  EXPECT_EQ(string_at(theirs.body, "_id"), other_id);
  EXPECT_NE(string_at(mine.body, "_id"), other_id);
  EXPECT_EQ(string_at(theirs.body, "name"), "Other Place");
}

TEST_F(AuthTest, SecretsNeverReachTheLog) {
  ASSERT_EQ(get("/v1/restaurant?apiKey=" + key(), {{"Authorization", basic_auth(key())}}).status, 200u);
  ASSERT_EQ(get_with_key("/v1/restaurant", key() + "x").status, 401u);
  const std::string log = server_log();
  EXPECT_NE(log.find("/v1/restaurant"), std::string::npos) << "no access log line at all";
  EXPECT_EQ(log.find(key()), std::string::npos) << log;
  EXPECT_EQ(log.find(key().substr(0, 20)), std::string::npos) << log;
}

TEST_F(AuthStopTest, LastUsedTimeIsRecorded) {
  ASSERT_EQ(get_with_key("/v1/restaurant", key()).status, 200u);
  server().stop(SIGTERM);  // flushes the batched last-used stamps
  auto keys = parse(run_maitred({"key", "list", "--restaurant", restaurant_id(), "--data", data().string()}).out);
  ASSERT_EQ(keys.Size(), 1u);
  EXPECT_TRUE(keys[0]["lastUsedAt"].IsString());
  EXPECT_FALSE(keys[0].HasMember("secret"));
  EXPECT_TRUE(keys[0]["revokedAt"].IsNull());
}

}  // namespace
}  // namespace maitred::test
