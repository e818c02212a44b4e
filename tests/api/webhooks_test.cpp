// Webhooks through the real server and a real receiver: a Node process
// (tests/receivers/webhook_receiver.mjs) that verifies every delivery with
// the npm `standardwebhooks` library, as integrators will. Subscriptions,
// signatures, the retry schedule on the pinned clock, disabling after the
// last failure, secret rotation, deliveries surviving kill -9, a slow
// receiver that costs booking requests nothing, and the SSRF refusals.
// Every wait is a bounded poll on a condition; the clock only moves when a
// test moves it.

#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <thread>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"
#include "core/time_format.hpp"
#include "support/pg_cluster.hpp"
#include "support/test_database.hpp"
#include "support/webhook_receiver.hpp"

namespace maitred::test {
namespace {

using namespace std::chrono_literals;

// Polls `condition` until it holds; false after 30 s of steady time.
bool eventually(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + 30s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return condition();
}

struct Endpoint {
  std::string id;
  std::string secret;
};

class WebhookTestBase : public ApiTest {
 protected:
  // Each test moves its clock, kills or restarts its server.
  bool own_server() const override { return true; }

  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    if (tls_receiver())
      receiver_ = std::make_unique<WebhookReceiver>(clock().pin().substr(1), cert(), cert_key());
    else
      receiver_ = std::make_unique<WebhookReceiver>(clock().pin().substr(1));
  }

  // True: the receiver speaks HTTPS with a certificate for localhost that
  // no system CA signed (cert()).
  virtual bool tls_receiver() const { return false; }
  // Made once per test process with the openssl command.
  static std::filesystem::path cert() { return tls_dir().path() / "receiver-cert.pem"; }
  static std::filesystem::path cert_key() { return tls_dir().path() / "receiver-key.pem"; }
  static TempDir& tls_dir() {
    static TempDir dir;
    static const bool made = [] {
      const std::string command =
          "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2"
          " -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1"
          " -keyout " +
          (dir.path() / "receiver-key.pem").string() + " -out " + (dir.path() / "receiver-cert.pem").string() +
          " 2>/dev/null";
      return std::system(command.c_str()) == 0;
    }();
    EXPECT_TRUE(made) << "openssl could not make the receiver's certificate";
    return dir;
  }

  // An endpoint for the receiver's `name`, which verifies with its secret.
  Endpoint subscribe(const std::string& name, const std::string& events_json) {
    auto reply = call(
        "POST", "/v1/webhooks",
        R"({"url":")" + receiver_->url(name) + R"(","events":)" + events_json + R"(,"description":"test receiver"})");
    EXPECT_EQ(reply.status, 201u) << reply.body;
    Endpoint e{string_at(reply.body, "_id"), string_at(reply.body, "secret")};
    receiver_->configure(name, R"({"secrets":[")" + e.secret + R"("]})");
    return e;
  }

  rapidjson::Document received(const std::string& name) { return parse(receiver_->received(name)); }
  std::size_t received_count(const std::string& name) { return received(name).GetArray().Size(); }

  rapidjson::Document deliveries(const Endpoint& e) {
    auto reply = call("GET", "/v1/webhooks/" + e.id + "/deliveries");
    EXPECT_EQ(reply.status, 200u) << reply.body;
    return parse(reply.body);
  }
  // The only delivery of an endpoint that has one.
  rapidjson::Document only_delivery(const Endpoint& e) {
    auto list = deliveries(e);
    rapidjson::Document one;
    if (list.GetArray().Size() == 1) one.CopyFrom(list[0], one.GetAllocator());
    return one;
  }

  std::string create_booking(const std::string& date = "2026-12-03", const std::string& time = "19:00") {
    auto reply = call("POST", "/v1/bookings", overbooking_body(date, time, 2));
    EXPECT_EQ(reply.status, 200u) << reply.body;
    return parse(reply.body).GetString();
  }

  std::unique_ptr<WebhookReceiver> receiver_;
};

class WebhooksTest : public WebhookTestBase {
 protected:
  std::vector<std::string> server_args() const override {
    return {"--rate-limit", "100000", "--webhook-allow-private"};
  }
};

TEST_F(WebhooksTest, AnEventReachesTheEndpointsSubscribedToItAndNoOther) {
  auto bookings = subscribe("bookings", R"(["booking.*"])");
  auto tables = subscribe("tables", R"(["table.created"])");
  const auto booking = create_booking();
  ASSERT_TRUE(eventually([&] { return received_count("bookings") == 1; })) << receiver_->received("bookings");
  ASSERT_EQ(call("POST", "/v1/tables", R"({"name":"W1","seatsMin":1,"seatsMax":2})").status, 200u);
  ASSERT_TRUE(eventually([&] { return received_count("tables") == 1; })) << receiver_->received("tables");

  auto got = received("bookings");
  const auto& delivery = got[0];
  EXPECT_EQ(delivery["verifiedBy"].Size(), 1u) << "standardwebhooks verified it: " << receiver_->received("bookings");
  EXPECT_STREQ(delivery["body"]["type"].GetString(), "booking.created");
  EXPECT_STREQ(delivery["body"]["data"]["_id"].GetString(), booking.c_str());
  EXPECT_EQ(delivery["body"]["data"]["people"].GetInt(), 2) << "the booking as GET serves it";
  EXPECT_TRUE(std::string(delivery["webhookId"].GetString()).starts_with("msg_"));
  EXPECT_TRUE(core::parse_utc(delivery["body"]["timestamp"].GetString())) << "the event's time, as the API writes it";

  auto table = received("tables");
  EXPECT_STREQ(table[0]["body"]["type"].GetString(), "table.created");
  EXPECT_STREQ(table[0]["body"]["data"]["name"].GetString(), "W1");
  EXPECT_EQ(received_count("bookings"), 1u) << "no table event, no customer event";

  auto log = only_delivery(bookings);
  ASSERT_TRUE(log.IsObject());
  EXPECT_STREQ(log["status"].GetString(), "delivered");
  ASSERT_EQ(log["attempts"].Size(), 1u);
  EXPECT_EQ(log["attempts"][0]["responseCode"].GetInt(), 204);
  EXPECT_STREQ(log["attempts"][0]["status"].GetString(), "delivered");
  EXPECT_TRUE(log["nextAttemptAt"].IsNull());
  (void)tables;
}

TEST_F(WebhooksTest, AnUpdateCarriesItsChangesAndADeletionTheIdOnly) {
  subscribe("b", R"(["booking.updated","booking.deleted"])");
  const auto booking = create_booking();
  ASSERT_EQ(call("PUT", "/v1/bookings/" + booking, R"({"people":3})").status, 200u);
  ASSERT_EQ(call("DELETE", "/v1/bookings/" + booking).status, 204u);
  ASSERT_TRUE(eventually([&] { return received_count("b") == 2; })) << receiver_->received("b");
  auto got = received("b");
  EXPECT_STREQ(got[0]["body"]["type"].GetString(), "booking.updated");
  EXPECT_STREQ(got[0]["body"]["changes"][0]["field"].GetString(), "people");
  EXPECT_STREQ(got[1]["body"]["type"].GetString(), "booking.deleted");
  EXPECT_EQ(got[1]["body"]["data"].MemberCount(), 1u) << "ids only";
  EXPECT_STREQ(got[1]["body"]["data"]["_id"].GetString(), booking.c_str());
}

TEST_F(WebhooksTest, RetriesFollowTheScheduleThenTheEndpointIsDisabled) {
  receiver_->configure("down", R"({"fail":1000,"status":503})");
  auto e = subscribe("down", R"(["booking.*"])");  // a ping goes to every endpoint
  ASSERT_EQ(call("POST", "/v1/webhooks/" + e.id + "/test").status, 202u);
  const std::chrono::seconds schedule[] = {5s, 1min, 5min, 30min, 2h, 5h, 10h, 10h};
  for (int attempt = 1; attempt <= 9; ++attempt) {
    ASSERT_TRUE(eventually([&] {
      auto d = only_delivery(e);
      if (!d.IsObject() || d["attempts"].Size() != static_cast<unsigned>(attempt)) return false;
      if (attempt == 9) return std::string(d["status"].GetString()) == "failed";
      // Recorded, and rescheduled from the lease to the back-off.
      return std::string(d["status"].GetString()) == "pending" && !d["nextAttemptAt"].IsNull() &&
             core::parse_utc(d["nextAttemptAt"].GetString()) <
                 core::parse_utc(d["attempts"][attempt - 1]["at"].GetString()).value() + 12h;
    })) << "attempt "
        << attempt << ": " << call("GET", "/v1/webhooks/" + e.id + "/deliveries").body;
    auto d = only_delivery(e);
    EXPECT_EQ(d["attempts"][attempt - 1]["responseCode"].GetInt(), 503);
    if (attempt == 9) break;
    const auto at = *core::parse_utc(d["attempts"][attempt - 1]["at"].GetString());
    const auto next = *core::parse_utc(d["nextAttemptAt"].GetString());
    const auto delay = schedule[attempt - 1];
    EXPECT_GE(next - at, delay) << "after attempt " << attempt;
    EXPECT_LE(next - at, delay + delay / 10 + 1s) << "jitter adds at most a tenth";
    clock().set(std::chrono::ceil<std::chrono::seconds>(next) + 1s);
  }
  auto endpoint = parse(call("GET", "/v1/webhooks/" + e.id).body);
  EXPECT_FALSE(endpoint["enabled"].GetBool());
  EXPECT_TRUE(endpoint.HasMember("disabledReason"));
  auto got = received("down");
  ASSERT_EQ(got.Size(), 9u);
  for (const auto& delivery : got.GetArray()) {
    EXPECT_STREQ(delivery["webhookId"].GetString(), got[0]["webhookId"].GetString()) << "the same id every time";
    EXPECT_EQ(delivery["verifiedBy"].Size(), 1u);
  }
  auto feed = call("GET", "/v1/events?types=webhook.disabled");
  EXPECT_NE(feed.body.find(e.id), std::string::npos) << feed.body;
  EXPECT_EQ(call("POST", "/v1/webhooks/" + e.id + "/test").status, 400u) << "disabled: no ping";
}

TEST_F(WebhooksTest, ARotatedSecretSignsBesideTheNewOneFor24Hours) {
  auto e = subscribe("r", R"(["booking.*"])");
  auto rotated = call("POST", "/v1/webhooks/" + e.id + "/rotateSecret");
  ASSERT_EQ(rotated.status, 200u) << rotated.body;
  const auto fresh = string_at(rotated.body, "secret");
  ASSERT_TRUE(fresh.starts_with("whsec_"));
  ASSERT_NE(fresh, e.secret);
  receiver_->configure("r", R"({"secrets":[")" + e.secret + R"(",")" + fresh + R"("]})");
  ASSERT_EQ(call("POST", "/v1/webhooks/" + e.id + "/test").status, 202u);
  ASSERT_TRUE(eventually([&] { return received_count("r") == 1; }));
  auto first = received("r");
  EXPECT_EQ(first[0]["verifiedBy"].Size(), 2u) << "both secrets verify: " << receiver_->received("r");
  EXPECT_NE(std::string(first[0]["signature"].GetString()).find(' '), std::string::npos) << "two signatures";

  clock().advance(24h + 1min);
  ASSERT_EQ(call("POST", "/v1/webhooks/" + e.id + "/test").status, 202u);
  ASSERT_TRUE(eventually([&] { return received_count("r") == 2; }));
  auto second = received("r");
  ASSERT_EQ(second[1]["verifiedBy"].Size(), 1u) << receiver_->received("r");
  EXPECT_EQ(second[1]["verifiedBy"][0].GetInt(), 1) << "only the new secret after 24 hours";
  EXPECT_EQ(parse(call("GET", "/v1/webhooks/" + e.id).body).HasMember("secret"), false) << "never served again";
}

TEST_F(WebhooksTest, ADeliveryCutOffByKill9IsMadeAfterTheRestartWithTheSameId) {
  receiver_->configure("k", R"({"holdMs":600000})");
  subscribe("k", R"(["booking.created"])");
  create_booking();
  // Committed, sent, not answered: the server dies mid-delivery.
  ASSERT_TRUE(eventually([&] { return received_count("k") == 1; }));
  ASSERT_EQ(server().stop(SIGKILL), 128 + SIGKILL);
  receiver_->configure("k", R"({"holdMs":0})");
  server_ = std::make_unique<ServerProcess>(data(), server_args());
  clock().advance(2min);  // past the dead attempt's lease
  ASSERT_TRUE(eventually([&] { return received_count("k") == 2; }));
  auto got = received("k");
  EXPECT_STREQ(got[1]["webhookId"].GetString(), got[0]["webhookId"].GetString());
  EXPECT_EQ(got[1]["verifiedBy"].Size(), 1u);
}

TEST_F(WebhooksTest, AnEventCommittedBeforeAKill9IsDeliveredAfterTheRestart) {
  receiver_->configure("c", R"({"fail":1,"status":500})");
  auto e = subscribe("c", R"(["booking.created"])");
  create_booking();
  // The failed first attempt is recorded (the receiver having answered is
  // not enough: the server may not have written it down yet).
  ASSERT_TRUE(eventually([&] {
    auto d = only_delivery(e);
    return d.IsObject() && d["attempts"].Size() == 1;
  }));
  ASSERT_EQ(server().stop(SIGKILL), 128 + SIGKILL);
  server_ = std::make_unique<ServerProcess>(data(), server_args());
  clock().advance(10s);  // the first retry is due 5 to 5.5 s after the failure
  ASSERT_TRUE(eventually([&] { return received_count("c") == 2; }));
  auto got = received("c");
  EXPECT_STREQ(got[1]["webhookId"].GetString(), got[0]["webhookId"].GetString());
}

TEST_F(WebhooksTest, ASlowReceiverDoesNotHoldUpBookingRequests) {
  receiver_->configure("slow", R"({"holdMs":10000})");
  subscribe("slow", R"(["booking.created"])");
  create_booking("2026-12-03", "18:00");
  ASSERT_TRUE(eventually([&] { return received_count("slow") == 1; }));
  // The receiver holds that delivery for 10 s; creates answer meanwhile.
  for (const char* time : {"18:30", "19:00", "19:30"}) create_booking("2026-12-03", time);
  auto got = received("slow");
  EXPECT_FALSE(got[0]["answered"].GetBool()) << "the creates finished while the receiver still held the delivery";
}

TEST_F(WebhooksTest, EndpointsAreValidatedListedUpdatedAndDeleted) {
  for (const char* body :
       {R"({"url":"ftp://example.com","events":["*"]})", R"({"url":"https://example.com","events":[]})",
        R"({"url":"https://example.com","events":["Booking"]})", R"({"events":["*"]})",
        R"({"url":"https://example.com","events":["*"],"secret":"mine"})"}) {
    auto reply = call("POST", "/v1/webhooks", body);
    EXPECT_EQ(reply.status, 422u) << body << " -> " << reply.body;
  }
  auto e = subscribe("crud", R"(["booking.*"])");
  EXPECT_TRUE(e.secret.starts_with("whsec_"));
  auto list = parse(call("GET", "/v1/webhooks").body);
  ASSERT_EQ(list.GetArray().Size(), 1u);
  EXPECT_FALSE(list[0].HasMember("secret"));
  auto updated = call("PUT", "/v1/webhooks/" + e.id, R"({"events":["table.*"],"enabled":false})");
  ASSERT_EQ(updated.status, 200u) << updated.body;
  EXPECT_FALSE(parse(updated.body)["enabled"].GetBool());
  ASSERT_EQ(call("DELETE", "/v1/webhooks/" + e.id).status, 204u);
  EXPECT_EQ(call("GET", "/v1/webhooks/" + e.id).status, 404u);
  auto feed = call("GET", "/v1/events?types=webhook.*").body;
  for (const char* type : {"webhook.created", "webhook.updated", "webhook.deleted"})
    EXPECT_NE(feed.find(type), std::string::npos) << type << " in " << feed;
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(
        call("POST", "/v1/webhooks", R"({"url":"https://example.com/)" + std::to_string(i) + R"(","events":["*"]})")
            .status,
        201u);
  }
  EXPECT_EQ(call("POST", "/v1/webhooks", R"({"url":"https://example.com/x","events":["*"]})").status, 400u)
      << "at most 20";
}

// The default: receivers on private addresses are refused.
class WebhookSsrfTest : public WebhookTestBase {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }
};

TEST_F(WebhookSsrfTest, LiteralPrivateAddressesAreRefusedAtCreation) {
  for (const char* url : {"http://127.0.0.1:9/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data",
                          "http://[::1]:9/hook"}) {
    auto reply = call("POST", "/v1/webhooks", std::string(R"({"url":")") + url + R"(","events":["*"]})");
    EXPECT_EQ(reply.status, 422u) << url << " -> " << reply.body;
    EXPECT_EQ(string_at(reply.body, "field"), "url") << reply.body;
  }
}

TEST_F(WebhookSsrfTest, ANameThatResolvesToLoopbackIsRefusedWhenConnecting) {
  auto reply =
      call("POST", "/v1/webhooks",
           R"({"url":"http://localhost:)" + std::to_string(receiver_->port()) + R"(/hook/l","events":["booking.*"]})");
  ASSERT_EQ(reply.status, 201u) << reply.body;
  Endpoint e{string_at(reply.body, "_id"), string_at(reply.body, "secret")};
  ASSERT_EQ(call("POST", "/v1/webhooks/" + e.id + "/test").status, 202u);
  ASSERT_TRUE(eventually([&] {
    auto d = only_delivery(e);
    return d.IsObject() && d["attempts"].Size() == 1;
  }));
  auto d = only_delivery(e);
  EXPECT_STREQ(d["attempts"][0]["status"].GetString(), "refused");
  EXPECT_NE(std::string(d["attempts"][0]["error"].GetString()).find("loopback"), std::string::npos)
      << d["attempts"][0]["error"].GetString();
  EXPECT_EQ(received_count("l"), 0u) << "nothing reached the receiver";
}

// An https receiver whose certificate only --webhook-ca vouches for.
class WebhookTlsTest : public WebhookTestBase {
 protected:
  bool tls_receiver() const override { return true; }
  std::vector<std::string> server_args() const override {
    auto args = without_ca();
    args.insert(args.end(), {"--webhook-ca", cert().string()});
    return args;
  }
  static std::vector<std::string> without_ca() { return {"--rate-limit", "100000", "--webhook-allow-private"}; }
};

TEST_F(WebhookTlsTest, AReceiverIsTrustedThroughWebhookCaAndRefusedWithoutIt) {
  auto e = subscribe("tls", R"(["booking.*"])");
  ASSERT_TRUE(receiver_->url("tls").starts_with("https://localhost:"));
  ASSERT_EQ(call("POST", "/v1/webhooks/" + e.id + "/test").status, 202u);
  ASSERT_TRUE(eventually([&] { return received_count("tls") == 1; }))
      << call("GET", "/v1/webhooks/" + e.id + "/deliveries").body;
  EXPECT_EQ(received("tls")[0]["verifiedBy"].Size(), 1u);

  // The same receiver, the system's CAs only: the certificate is refused.
  ASSERT_EQ(server().stop(SIGTERM), 0);
  server_ = std::make_unique<ServerProcess>(data(), without_ca());
  clock().advance(1min);  // the second ping is the newer one in the log
  ASSERT_EQ(call("POST", "/v1/webhooks/" + e.id + "/test").status, 202u);
  ASSERT_TRUE(eventually([&] {
    auto list = deliveries(e);
    return list.GetArray().Size() == 2 && list[0]["attempts"].Size() == 1;
  }));
  auto newest = deliveries(e);
  EXPECT_STREQ(newest[0]["attempts"][0]["status"].GetString(), "error")
      << call("GET", "/v1/webhooks/" + e.id + "/deliveries").body;
  EXPECT_NE(std::string(newest[0]["attempts"][0]["error"].GetString()).find("certificate"), std::string::npos)
      << newest[0]["attempts"][0]["error"].GetString();
  EXPECT_EQ(received_count("tls"), 1u);
}

// Two server processes on one PostgreSQL database, as behind a load
// balancer: each fans out and sends, and every event is delivered once.
// Brings its own cluster (support/pg_cluster.hpp), so it runs in the
// embedded-store run of the suite as well.
class WebhookTwoProcessTest : public WebhookTestBase {
 protected:
  std::vector<std::string> server_args() const override {
    return {"--rate-limit", "100000", "--webhook-allow-private"};
  }
  void SetUp() override {
    const auto database = PgCluster::shared().create_database();
    use_database_for(data(), database);
    use_database_for(second_dir_.path(), database);
    WebhookTestBase::SetUp();
    if (HasFatalFailure()) return;
    second_ = std::make_unique<ServerProcess>(second_dir_.path(), server_args());
  }
  void TearDown() override {
    second_.reset();
    server_.reset();
  }

  TempDir second_dir_;
  std::unique_ptr<ServerProcess> second_;
};

TEST_F(WebhookTwoProcessTest, EachEventIsDeliveredOnceThoughBothProcessesSend) {
  auto e = subscribe("both", R"(["booking.created"])");
  constexpr int kBookings = 20;
  for (int i = 0; i < kBookings; ++i) {
    const auto body = overbooking_body("2026-12-03", "19:00", 2);
    Reply reply;
    if (i % 2 == 0) {
      reply = call("POST", "/v1/bookings", body);
    } else {
      HttpClient b(second_->port(), second_dir_.path() / "tls-cert.pem");
      reply = b.request("POST", "/v1/bookings",
                        {{"Authorization", basic_auth(key())}, {"Content-Type", "application/json"}}, body);
    }
    ASSERT_EQ(reply.status, 200u) << reply.body;
  }
  ASSERT_TRUE(eventually([&] {
    auto list = deliveries(e);
    if (list.GetArray().Size() != kBookings) return false;
    for (const auto& d : list.GetArray())
      if (std::string(d["status"].GetString()) != "delivered") return false;
    return true;
  })) << call("GET", "/v1/webhooks/" + e.id + "/deliveries").body;
  const auto log = deliveries(e);
  for (const auto& d : log.GetArray()) EXPECT_EQ(d["attempts"].Size(), 1u) << "sent by one process, once";
  auto got = received("both");
  std::set<std::string> ids;
  for (const auto& r : got.GetArray()) ids.insert(r["webhookId"].GetString());
  EXPECT_EQ(got.GetArray().Size(), static_cast<unsigned>(kBookings));
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kBookings)) << "no event twice";
}

}  // namespace
}  // namespace maitred::test
