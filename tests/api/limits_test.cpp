// The HTTP layer's contract: errors, limits, timeouts and common headers.

#include <charconv>

#include "api/api_fixture.hpp"

namespace maitred::test {
namespace {

// Tests connections: a new one per request, on a server the suite shares.
class LimitsTest : public ApiTest {
 protected:
  bool keep_alive() const override { return false; }
  std::vector<std::string> server_args() const override {
    // The header timeout also covers the TLS handshake and the first head
    // from accept: room for a loaded machine, well inside the tests' waits.
    return {"--header-timeout-ms", "1500", "--idle-timeout-ms", "1500", "--rate-limit", "100000"};
  }
};

void expect_error_shape(const Reply& r, unsigned status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  rapidjson::Document doc;
  doc.Parse(r.body.c_str());
  ASSERT_TRUE(doc.IsObject()) << r.body;
  ASSERT_TRUE(doc.HasMember("message") && doc["message"].IsString()) << r.body;
  ASSERT_TRUE(doc.HasMember("code") && doc["code"].IsString()) << r.body;
  EXPECT_EQ(std::string(doc["code"].GetString()), code);
  EXPECT_GT(doc["message"].GetStringLength(), 10u);
  EXPECT_EQ(doc["requestId"].GetString(), r.header("x-request-id"));
}

TEST_F(LimitsTest, UnknownPathIs404) {
  expect_error_shape(get("/v1/nothing-here"), 404, "not_found");
  expect_error_shape(get("/"), 404, "not_found");
}

TEST_F(LimitsTest, WrongMethodIs405WithAllow) {
  auto c = client();
  Reply r = c.request("DELETE", "/v1/restaurant", {{"Authorization", basic_auth(key())}});
  expect_error_shape(r, 405, "method_not_allowed");
  EXPECT_EQ(r.header("allow"), "GET, PUT");
  Reply heart = c.request("POST", "/heart", {{"Content-Type", "application/json"}}, "{}");
  EXPECT_EQ(heart.status, 405u);
  EXPECT_EQ(heart.header("allow"), "GET");
}

TEST_F(LimitsTest, BodyOverOneMebibyteIs413) {
  auto c = client();
  // Announced by Content-Length: refused before the body is read.
  c.send_raw("POST /v1/restaurant HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
             std::to_string(1024 * 1024 + 1) + "\r\n\r\n");
  Reply r = c.read_reply();
  expect_error_shape(r, 413, "body_too_large");
  EXPECT_FALSE(r.keep_alive);
}

TEST_F(LimitsTest, ChunkedBodyOverOneMebibyteIs413) {
  auto c = client();
  std::string chunk(64 * 1024, 'x');
  char size_hex[16];
  auto end = std::to_chars(size_hex, size_hex + sizeof size_hex, chunk.size(), 16).ptr;
  std::string raw = "POST /v1/restaurant HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 17; ++i) raw += std::string(size_hex, end) + "\r\n" + chunk + "\r\n";
  raw += "0\r\n\r\n";
  try {
    c.send_raw(raw);
  } catch (const std::exception&) {
    // The server may close while we are still writing; the reply is what matters.
  }
  expect_error_shape(c.read_reply(), 413, "body_too_large");
}

TEST_F(LimitsTest, HeadersOver16KibAre431) {
  auto c = client();
  Reply r = c.request("GET", "/heart", {{"X-Filler", std::string(17 * 1024, 'a')}});
  expect_error_shape(r, 431, "headers_too_large");
}

TEST_F(LimitsTest, HeadersJustUnderTheLimitAreFine) {
  Reply r = get("/heart", {{"X-Filler", std::string(15 * 1024, 'a')}});
  EXPECT_EQ(r.status, 200u);
}

TEST_F(LimitsTest, PlainHttpOnTheTlsPortIsRefusedWithJson) {
  auto c = HttpClient::plain(server().port());
  Reply r = c.request("GET", "/v1/restaurant", {{"Authorization", basic_auth(key())}});
  expect_error_shape(r, 400, "https_required");
  EXPECT_NE(r.body.find("HTTPS"), std::string::npos);
  EXPECT_TRUE(c.closed_by_server(std::chrono::seconds(5)));
}

TEST_F(LimitsTest, GarbageRequestIs400AndClosed) {
  auto c = client();
  c.send_raw("HELLO WORLD\r\n\r\n");
  expect_error_shape(c.read_reply(), 400, "malformed_request");
  EXPECT_TRUE(c.closed_by_server(std::chrono::seconds(5)));
}

TEST_F(LimitsTest, EveryResponseCarriesRetryAfterMillisecondsAndARequestId) {
  auto c = client();
  std::vector<Reply> replies = {
      c.request("GET", "/heart"),           c.request("GET", "/v1/restaurant", {{"Authorization", basic_auth(key())}}),
      c.request("GET", "/v1/restaurant"),   c.request("GET", "/nope"),
      c.request("PUT", "/heart", {}, "{}"),
  };
  std::set<std::string> ids;
  for (const auto& r : replies) {
    ASSERT_TRUE(r.has("retry-after")) << r.status;
    int ms = std::stoi(r.header("retry-after"));
    EXPECT_GE(ms, 1);
    EXPECT_LE(ms, 1000);
    ASSERT_EQ(r.header("x-request-id").size(), 16u);
    ids.insert(r.header("x-request-id"));
  }
  EXPECT_EQ(ids.size(), replies.size()) << "request ids must differ";
}

TEST_F(LimitsTest, AClientsOwnRequestIdIsEchoed) {
  Reply r = get("/heart", {{"X-Request-Id", "trace-abc.123"}});
  EXPECT_EQ(r.header("x-request-id"), "trace-abc.123");
  Reply odd = get("/heart", {{"X-Request-Id", "has spaces and {json}"}});
  EXPECT_EQ(odd.header("x-request-id").size(), 16u);
}

TEST_F(LimitsTest, KeepAliveServesManyRequestsOnOneConnection) {
  auto c = client();
  for (int i = 0; i < 20; ++i) {
    Reply r = c.request("GET", "/v1/restaurant", {{"Authorization", basic_auth(key())}});
    ASSERT_EQ(r.status, 200u);
    ASSERT_TRUE(r.keep_alive);
  }
}

TEST_F(LimitsTest, SlowHeadersAreCutOff) {
  auto c = client();
  c.send_raw("GET /heart HTTP/1.1\r\nHost: x\r\n");  // never finishes the head
  EXPECT_TRUE(c.closed_by_server(std::chrono::seconds(10)));
}

TEST_F(LimitsTest, IdleKeepAliveConnectionsAreClosed) {
  auto c = client();
  ASSERT_EQ(c.request("GET", "/heart").status, 200u);
  EXPECT_TRUE(c.closed_by_server(std::chrono::seconds(10)));
}

// Counts the server's connections: a server of its own.
class ConnectionCapTest : public ApiTest {
 protected:
  bool own_server() const override { return true; }
  bool keep_alive() const override { return false; }
  std::vector<std::string> server_args() const override {
    return {"--max-connections", "2", "--max-connections-per-address", "2"};
  }
};

TEST_F(ConnectionCapTest, ConnectionsBeyondTheCapAreRefused) {
  auto first = client();
  auto second = client();
  ASSERT_EQ(first.request("GET", "/heart").status, 200u);
  ASSERT_EQ(second.request("GET", "/heart").status, 200u);
  EXPECT_THROW(client(), std::exception);  // closed before the TLS handshake
  // The first two are unaffected.
  EXPECT_EQ(first.request("GET", "/heart").status, 200u);
}

}  // namespace
}  // namespace maitred::test
