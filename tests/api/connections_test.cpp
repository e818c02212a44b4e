// How connections are held and let go: lingering close after an early error,
// the header timeout from accept, the per-address share of the connections,
// request framing (RFC 9112) and requests still arriving at SIGTERM.

#include <signal.h>

#include <chrono>
#include <thread>

#include "api/api_fixture.hpp"

namespace maitred::test {
namespace {

// Tests connections: a new one per request, on a server the suite shares.
class ConnectionsTest : public ApiTest {
 protected:
  bool keep_alive() const override { return false; }
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }
};

// A request head with the whole body behind it, written before anything is
// read: what most HTTP libraries (Python requests among them) do.
std::string post_with_body(const std::string& target, const std::string& body) {
  return "POST " + target +
         " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

TEST_F(ConnectionsTest, A413ReachesAClientThatWritesItsWholeBodyBeforeReading) {
  auto c = client();
  ASSERT_NO_THROW(c.send_raw(post_with_body("/v1/restaurant", std::string(2200 * 1024, 'x'))));
  Reply r = c.read_reply();
  EXPECT_EQ(r.status, 413u) << r.body;
  EXPECT_EQ(string_at(r.body, "code"), "body_too_large");
  EXPECT_FALSE(r.keep_alive);
}

TEST_F(ConnectionsTest, A431ReachesAClientThatWritesItsWholeBodyBeforeReading) {
  auto c = client();
  const std::string body(2200 * 1024, 'x');
  ASSERT_NO_THROW(c.send_raw("POST /v1/restaurant HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(17 * 1024, 'a') +
                             "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body));
  Reply r = c.read_reply();
  EXPECT_EQ(r.status, 431u) << r.body;
}

// Plain HTTP on the TLS port is refused the same way: the body still coming
// must not reset the connection under the answer.
TEST_F(ConnectionsTest, HttpsRequiredReachesAPlainClientThatWritesItsWholeBodyFirst) {
  auto c = HttpClient::plain(server().port());
  ASSERT_NO_THROW(c.send_raw(post_with_body("/v1/restaurant", std::string(2200 * 1024, 'x'))));
  Reply r = c.read_reply();
  EXPECT_EQ(r.status, 400u) << r.body;
  EXPECT_EQ(string_at(r.body, "code"), "https_required");
}

void expect_refused_and_closed(HttpClient& c, const std::string& raw) {
  c.send_raw(raw);
  Reply r = c.read_reply();
  EXPECT_EQ(r.status, 400u) << raw << "\n" << r.body;
  EXPECT_EQ(string_at(r.body, "code"), "malformed_request") << r.body;
  EXPECT_FALSE(r.keep_alive);
  EXPECT_TRUE(c.closed_by_server(std::chrono::seconds(10))) << raw;
}

// RFC 9112 section 6.3: a request whose Transfer-Encoding is not chunked
// alone has no length the server can trust. Behind each head here is a
// second request, which must never be answered.
TEST_F(ConnectionsTest, TransferEncodingOtherThanExactlyChunkedIs400AndClosed) {
  const std::string smuggled = "GET /heart HTTP/1.1\r\nHost: x\r\n\r\n";
  for (const std::string coding : {"identity", "xchunked", "gzip, chunked", "chunked, chunked", "gzip"}) {
    auto c = client();
    expect_refused_and_closed(
        c, "POST /v1/restaurant HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding + "\r\n\r\n0\r\n\r\n" + smuggled);
  }
  auto twice = client();
  expect_refused_and_closed(
      twice,
      "POST /v1/restaurant HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
      "0\r\n\r\n" +
          smuggled);
}

TEST_F(ConnectionsTest, ChunkedInAnyCaseIsStillAccepted) {
  auto c = client();
  c.send_raw("POST /heart HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  EXPECT_EQ(c.read_reply().status, 405u);  // framed fine; /heart only takes GET
}

TEST_F(ConnectionsTest, Http11WithoutExactlyOneHostIs400) {
  auto none = client();
  expect_refused_and_closed(none, "GET /heart HTTP/1.1\r\n\r\n");
  auto two = client();
  expect_refused_and_closed(two, "GET /heart HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
  // HTTP/1.0 did not require it.
  auto old = client();
  old.send_raw("GET /heart HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old.read_reply().status, 200u);
}

// Waits until the server's log has `text`: how a test knows that a signal
// it sent has been handled.
bool log_shows(const ServerProcess& server, const std::string& text) {
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (server.log().find(text) == std::string::npos) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

class ShutdownTest : public ApiTest {
 protected:
  bool own_server() const override { return true; }
  bool keep_alive() const override { return false; }
  // One I/O thread: the partial request below has been read by the time a
  // later connection's round trip completes.
  std::vector<std::string> server_args() const override { return {"--threads", "1"}; }
};

TEST_F(ShutdownTest, ARequestWhoseBodyIsStillArrivingAtSigtermIsAnswered) {
  auto c = client();
  const std::string body = R"({"name":"Still arriving"})";
  const std::string whole = "PUT /v1/restaurant HTTP/1.1\r\nHost: x\r\nAuthorization: " + basic_auth(key()) +
                            "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                            "\r\n\r\n" + body;
  const auto half = whole.size() - body.size() / 2;
  c.send_raw(whole.substr(0, half));
  ASSERT_EQ(get("/heart").status, 200u);
  ASSERT_EQ(::kill(server().pid(), SIGTERM), 0);
  ASSERT_TRUE(log_shows(server(), "shutting down"));
  c.send_raw(whole.substr(half));
  Reply r = c.read_reply();
  EXPECT_EQ(r.status, 200u) << r.body;
  EXPECT_FALSE(r.keep_alive);
  EXPECT_EQ(server().stop(SIGTERM), 0);
}

class HeaderTimeoutTest : public ApiTest {
 protected:
  bool own_server() const override { return true; }
  bool keep_alive() const override { return false; }
  // A header timeout far shorter than the idle timeout, so that only the
  // former can be what closes a silent connection within the test's wait.
  std::vector<std::string> server_args() const override {
    return {"--header-timeout-ms", "1500", "--idle-timeout-ms", "3600000"};
  }
};

TEST_F(HeaderTimeoutTest, AConnectionThatNeverSendsARequestIsClosedAfterTheHeaderTimeout) {
  auto c = client();  // the TLS handshake is done; no request follows
  EXPECT_TRUE(c.closed_by_server(std::chrono::seconds(30)));
}

TEST_F(HeaderTimeoutTest, AKeepAliveConnectionStillWaitsTheIdleTimeout) {
  auto c = client();
  ASSERT_EQ(c.request("GET", "/heart").status, 200u);
  // Longer than the header timeout, far shorter than the idle one.
  EXPECT_FALSE(c.closed_by_server(std::chrono::seconds(3)));
}

// Without --max-connections-per-address, one address may hold half of
// --max-connections: here 2 of 4.
// Counts the server's connections: a server of its own.
class PerAddressCapTest : public ApiTest {
 protected:
  bool own_server() const override { return true; }
  bool keep_alive() const override { return false; }
  std::vector<std::string> server_args() const override { return {"--max-connections", "4"}; }
};

TEST_F(PerAddressCapTest, OneAddressCannotTakeEveryConnection) {
  auto first = client();
  auto second = client();
  ASSERT_EQ(first.request("GET", "/heart").status, 200u);
  ASSERT_EQ(second.request("GET", "/heart").status, 200u);
  EXPECT_THROW(client(), std::exception);  // a third from 127.0.0.1: closed before the handshake
  HttpClient other(server().port(), data() / "tls-cert.pem", "127.0.0.2");
  EXPECT_EQ(other.request("GET", "/heart").status, 200u);
  EXPECT_EQ(first.request("GET", "/heart").status, 200u);
}

}  // namespace
}  // namespace maitred::test
