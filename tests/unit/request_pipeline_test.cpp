// The request pipeline without sockets: routing, auth, rate limits, error mapping.

#include "http/request_pipeline.hpp"

#include <gtest/gtest.h>

#include "app/admin.hpp"
#include "core/crypto.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace maitred::http {
namespace {

using namespace std::chrono_literals;
using store::sqlite::SqliteStore;

Response throws_runtime_error(RequestContext&) {
  throw std::runtime_error("secret internal detail");
}
Response throws_unavailable(RequestContext&) {
  throw store::StoreUnavailable("database is locked");
}
Response echoes_restaurant(RequestContext& c) {
  return Response::json(200, "\"" + c.caller().restaurant_id + "\"");
}

class PipelineTest : public ::testing::Test {
 protected:
  PipelineTest() {
    router_.add(Method::get, "/boom", Access::open, throws_runtime_error);
    router_.add(Method::get, "/busy", Access::open, throws_unavailable);
    router_.add(Method::get, "/me", Access::api_key, echoes_restaurant);
    restaurant_ = app::create_restaurant(store_, clock_, "R", "UTC");
    key_ = app::create_api_key(store_, clock_, restaurant_.id, "");
  }

  Response send(std::string_view path, std::string authorization = {}, std::string client = "10.0.0.1") {
    Request r;
    r.method = Method::get;
    r.target = path;
    r.path = path;
    authorization_ = std::move(authorization);
    if (!authorization_.empty()) r.headers.emplace_back("authorization", authorization_);
    r.client_address = std::move(client);
    return pipeline_.handle(r);
  }
  std::string basic(const std::string& key) { return "Basic " + core::base64_encode(key + ":"); }

  test::TempDir dir_;
  SqliteStore store_{dir_.path() / "m.db", SqliteStore::Owner::server};
  core::ManualClock clock_{core::SystemTime{1'795'687'200'000ms}};
  Authenticator authenticator_{store_, clock_};
  FixedWindowRateLimiter limiter_{3, 1000ms, clock_};
  Router router_;
  Services services_{store_, clock_};
  RequestPipeline pipeline_{router_, services_, authenticator_, limiter_};
  domain::Restaurant restaurant_;
  std::string key_;
  std::string authorization_;
};

TEST_F(PipelineTest, AuthenticatedRouteSeesItsRestaurant) {
  auto r = send("/me", basic(key_));
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, "\"" + restaurant_.id + "\"");
}

TEST_F(PipelineTest, MissingKeyIs401WithChallenge) {
  auto r = send("/me");
  EXPECT_EQ(r.status, 401u);
  EXPECT_FALSE(r.header("WWW-Authenticate").empty());
}

TEST_F(PipelineTest, InternalErrorsShowOnlyTheRequestId) {
  auto r = send("/boom");
  EXPECT_EQ(r.status, 500u);
  EXPECT_EQ(r.body.find("secret internal detail"), std::string::npos);
  EXPECT_NE(r.body.find(std::string(r.header("X-Request-Id"))), std::string::npos);
}

TEST_F(PipelineTest, StoreUnavailableIs503WithRetryAfter) {
  auto r = send("/busy");
  EXPECT_EQ(r.status, 503u);
  EXPECT_EQ(r.header("Retry-After"), "1000");
  EXPECT_EQ(r.body.find("locked"), std::string::npos);
  EXPECT_NE(r.body.find(R"("code":"store_unavailable")"), std::string::npos) << r.body;
}

// A shared limiter whose database is gone: a store outage like any other
// (503), and the errors answered before a request is parsed still go out.
TEST_F(PipelineTest, ASharedLimiterWithItsStoreDownGives503AndEarlyErrorsStillAnswer) {
  SharedRateLimiter down(3, 1000ms, clock_, [](std::string_view, core::SystemTime, std::uint32_t) -> std::uint32_t {
    throw store::StoreUnavailable("postgresql: connection refused");
  });
  RequestPipeline pipeline(router_, services_, authenticator_, down);
  const std::string authorization = basic(key_);
  Request r;
  r.method = Method::get;
  r.target = r.path = "/me";
  r.headers.emplace_back("authorization", authorization);
  r.client_address = "10.0.0.1";
  auto refused = pipeline.handle(r);
  EXPECT_EQ(refused.status, 503u);
  EXPECT_EQ(refused.header("Retry-After"), "1000");
  EXPECT_NE(refused.body.find(R"("code":"store_unavailable")"), std::string::npos) << refused.body;

  auto early = pipeline.early_error(431, "headers_too_large", "Too large.", "GET", "/me", "10.0.0.1");
  EXPECT_EQ(early.status, 431u);
  EXPECT_EQ(early.header("Retry-After"), "1000");
  EXPECT_TRUE(early.close_connection);
}

TEST_F(PipelineTest, RateLimitPerKeyWithRetryAfterUntilTheWindowEnds) {
  clock_.advance(400ms);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(send("/me", basic(key_)).status, 200u);
  auto limited = send("/me", basic(key_));
  EXPECT_EQ(limited.status, 429u);
  EXPECT_EQ(limited.header("Retry-After"), "600");
  // Another client address with the same key shares the key's budget.
  EXPECT_EQ(send("/me", basic(key_), "10.0.0.2").status, 429u);
  clock_.advance(600ms);
  EXPECT_EQ(send("/me", basic(key_)).status, 200u);
}

TEST_F(PipelineTest, UnknownPathsCountAgainstTheAddress) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(send("/nope").status, 404u);
  EXPECT_EQ(send("/nope").status, 429u);
  EXPECT_EQ(send("/nope", {}, "10.0.0.9").status, 404u);
}

TEST_F(PipelineTest, RevokedKeyIsRefused) {
  auto keys = store_.restaurants().list_api_keys(restaurant_.id);
  ASSERT_EQ(keys.size(), 1u);
  app::revoke_api_key(store_, clock_, keys[0].id);
  auto r = send("/me", basic(key_));
  EXPECT_EQ(r.status, 401u);
  EXPECT_NE(r.body.find("revoked_api_key"), std::string::npos);
}

TEST_F(PipelineTest, KeyRevokedByAnotherProcessIsRefusedOnTheNextRequest) {
  ASSERT_EQ(send("/me", basic(key_)).status, 200u);  // now cached
  ASSERT_EQ(send("/me", basic(key_)).status, 200u);
  // A second store on the same file stands for `maitred key revoke` in another process.
  SqliteStore admin{dir_.path() / "m.db", SqliteStore::Owner::admin};
  app::revoke_api_key(admin, clock_, store_.restaurants().list_api_keys(restaurant_.id)[0].id);
  EXPECT_EQ(send("/me", basic(key_)).status, 401u);
}

TEST_F(PipelineTest, KeyCreatedByAnotherProcessWorksAtOnce) {
  SqliteStore admin{dir_.path() / "m.db", SqliteStore::Owner::admin};
  auto other = app::create_api_key(admin, clock_, restaurant_.id, "second");
  EXPECT_EQ(send("/me", basic(other)).status, 200u);
  EXPECT_EQ(send("/me", basic(key_)).status, 200u);
}

TEST_F(PipelineTest, LastUseIsFlushedInBatches) {
  EXPECT_EQ(send("/me", basic(key_)).status, 200u);
  EXPECT_FALSE(store_.restaurants().list_api_keys(restaurant_.id)[0].last_used_at);
  authenticator_.flush_key_uses();
  EXPECT_EQ(store_.restaurants().list_api_keys(restaurant_.id)[0].last_used_at, clock_.now());
}

}  // namespace
}  // namespace maitred::http
