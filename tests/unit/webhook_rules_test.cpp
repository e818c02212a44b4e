// The pure webhook rules: the retry schedule, Standard Webhooks signatures
// (a known vector from the specification's reference libraries, which the
// npm `standardwebhooks` package reproduces), the address policy against
// SSRF, and the endpoint checks.

#include <gtest/gtest.h>

#include "domain/address_policy.hpp"
#include "domain/errors.hpp"
#include "domain/webhook_endpoint.hpp"
#include "domain/webhook_schedule.hpp"
#include "domain/webhook_signature.hpp"

namespace maitred::domain {
namespace {

using namespace std::chrono_literals;

const core::SystemTime kFailedAt{std::chrono::milliseconds{1'795'687'200'000}};

TEST(WebhookScheduleTest, RetriesFollowTheScheduleAndStopAfterTheNinthAttempt) {
  const std::chrono::seconds expected[] = {5s, 1min, 5min, 30min, 2h, 5h, 10h, 10h};
  for (int attempt = 1; attempt <= 8; ++attempt) {
    auto next = next_webhook_attempt(attempt, kFailedAt, 0.0);
    ASSERT_TRUE(next) << attempt;
    EXPECT_EQ(*next - kFailedAt, expected[attempt - 1]) << "after attempt " << attempt;
  }
  EXPECT_FALSE(next_webhook_attempt(9, kFailedAt, 0.0)) << "the ninth failure is the last";
  EXPECT_FALSE(next_webhook_attempt(0, kFailedAt, 0.0));
}

TEST(WebhookScheduleTest, JitterOnlyDelaysAndByAtMostATenth) {
  EXPECT_EQ(*next_webhook_attempt(2, kFailedAt, 0.5) - kFailedAt, 63s);
  EXPECT_LT(*next_webhook_attempt(2, kFailedAt, 0.9999) - kFailedAt, 66s);
  EXPECT_EQ(*next_webhook_attempt(2, kFailedAt, 7.0) - kFailedAt, 66s) << "clamped";
  EXPECT_EQ(*next_webhook_attempt(2, kFailedAt, -1.0) - kFailedAt, 60s) << "clamped";
}

TEST(WebhookSignatureTest, SignsTheKnownVectorOfTheSpecification) {
  EXPECT_EQ(webhook_signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})",
                              {"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST(WebhookSignatureTest, DuringARotationEachSecretSignsSeparatedBySpaces) {
  const auto both = webhook_signature("msg_1", 1614265330, "{}",
                                      {"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_AAAAAAAAAAAAAAAAAAAAAAAA"});
  const auto first = webhook_signature("msg_1", 1614265330, "{}", {"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"});
  const auto second = webhook_signature("msg_1", 1614265330, "{}", {"whsec_AAAAAAAAAAAAAAAAAAAAAAAA"});
  EXPECT_EQ(both, first + " " + second);
  EXPECT_EQ(webhook_signature("msg_1", 1, "{}", {"not-a-secret", "whsec_!!"}), "") << "malformed secrets skipped";
}

TEST(WebhookSignatureTest, ASecretsKeyIsTheBase64AfterThePrefix) {
  EXPECT_EQ(webhook_secret_key("whsec_aGVsbG8="), "hello");
  EXPECT_FALSE(webhook_secret_key("aGVsbG8="));
  EXPECT_FALSE(webhook_secret_key("whsec_"));
}

IpAddress ip(std::string_view text) {
  auto parsed = parse_ip_literal(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(IpAddress{Ipv4{}});
}

TEST(AddressPolicyTest, RefusesLoopbackPrivateLinkLocalAndMetadataAddresses) {
  for (auto refused : {"127.0.0.1",
                       "127.1.2.3",
                       "10.0.0.1",
                       "172.16.0.1",
                       "172.31.255.255",
                       "192.168.1.1",
                       "169.254.169.254",
                       "100.100.100.200",
                       "0.0.0.0",
                       "255.255.255.255",
                       "224.0.0.1",
                       "::1",
                       "::",
                       "fc00::1",
                       "fd00:ec2::254",
                       "fe80::1",
                       "ff02::1",
                       "::ffff:127.0.0.1",
                       "::ffff:10.1.2.3",
                       "[::1]",
                       "64:ff9b::a00:1"}) {
    EXPECT_TRUE(non_public_address_kind(ip(refused))) << refused;
  }
  for (auto allowed : {"8.8.8.8", "1.1.1.1", "172.32.0.1", "192.169.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"}) {
    EXPECT_FALSE(non_public_address_kind(ip(allowed))) << allowed;
  }
  EXPECT_EQ(non_public_address_kind(ip("127.0.0.1")), "loopback");
  EXPECT_EQ(non_public_address_kind(ip("169.254.169.254")), "link-local (cloud metadata)");
  EXPECT_FALSE(parse_ip_literal("localhost"));
  EXPECT_FALSE(parse_ip_literal("example.com"));
}

WebhookEndpoint endpoint(std::string url, std::vector<std::string> events = {"booking.*"}) {
  WebhookEndpoint e;
  e.url = std::move(url);
  e.events = std::move(events);
  return e;
}

std::string refusal(const WebhookEndpoint& e, bool allow_private = false) {
  try {
    check_webhook_endpoint(e, allow_private);
  } catch (const InvalidInput& error) {
    return error.field;
  }
  return "";
}

TEST(WebhookEndpointTest, AcceptsHttpAndHttpsUrlsWithAPublicHost) {
  EXPECT_EQ(refusal(endpoint("https://hooks.example.com/maitred?x=1")), "");
  EXPECT_EQ(refusal(endpoint("http://example.com:8080")), "");
  EXPECT_EQ(refusal(endpoint("https://[2001:db8::1]:8443/h")), "");
  EXPECT_EQ(refusal(endpoint("https://localhost/h")), "") << "names are judged when connecting";
}

TEST(WebhookEndpointTest, RefusesOtherSchemesCredentialsSpacesAndLiteralPrivateAddresses) {
  for (auto bad : {"", "ftp://example.com", "example.com/h", "https://", "https://user:pw@example.com/",
                   "https://exa mple.com", "https://example.com:99999999/", "https://[::1/", "https://127.0.0.1/h",
                   "http://10.0.0.1:8080/", "http://169.254.169.254/latest/meta-data", "http://[::1]:80/"}) {
    EXPECT_EQ(refusal(endpoint(bad)), "url") << bad;
  }
  EXPECT_EQ(refusal(endpoint("http://127.0.0.1:8080/"), true), "") << "--webhook-allow-private";
  EXPECT_EQ(refusal(endpoint("https://example.com/" + std::string(2000, 'a'))), "url");
}

TEST(WebhookEndpointTest, ChecksEventPatternsAndDescription) {
  EXPECT_EQ(refusal(endpoint("https://example.com", {})), "events");
  EXPECT_EQ(refusal(endpoint("https://example.com", {"Booking.Created"})), "events");
  EXPECT_EQ(refusal(endpoint("https://example.com", {"booking"})), "events");
  EXPECT_EQ(refusal(endpoint("https://example.com", std::vector<std::string>(51, "*"))), "events");
  auto described = endpoint("https://example.com", {"*", "table.created"});
  described.description = std::string(501, 'd');
  EXPECT_EQ(refusal(described), "description");
}

TEST(WebhookEndpointTest, SubscribesToMatchingTypesWhileEnabled) {
  auto e = endpoint("https://example.com", {"booking.*", "table.created"});
  EXPECT_TRUE(webhook_subscribes(e, "booking.updated"));
  EXPECT_TRUE(webhook_subscribes(e, "table.created"));
  EXPECT_FALSE(webhook_subscribes(e, "table.deleted"));
  e.enabled = false;
  EXPECT_FALSE(webhook_subscribes(e, "booking.updated"));
}

}  // namespace
}  // namespace maitred::domain
