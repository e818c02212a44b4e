// Starting, serving plain HTTP when asked, and stopping cleanly.

#include <signal.h>

#include <fstream>

#include "api/api_fixture.hpp"

namespace maitred::test {
namespace {

// Stops and starts servers: one of its own per test.
class LifecycleTest : public ApiTest {
 protected:
  bool own_server() const override { return true; }
  bool keep_alive() const override { return false; }
};

TEST_F(LifecycleTest, SigtermStopsCleanlyWithExitZero) {
  auto c = client();
  ASSERT_EQ(c.request("GET", "/heart").status, 200u);
  EXPECT_EQ(server().stop(SIGTERM), 0);
  EXPECT_NE(server().log().find("stopped cleanly"), std::string::npos);
}

TEST_F(LifecycleTest, SigintStopsCleanlyWithExitZero) {
  EXPECT_EQ(server().stop(SIGINT), 0);
}

TEST_F(LifecycleTest, TheSelfSignedCertificateIsMadeOnceAndReused) {
  std::ifstream first(data() / "tls-cert.pem");
  std::string before((std::istreambuf_iterator<char>(first)), {});
  ASSERT_NE(before.find("BEGIN CERTIFICATE"), std::string::npos);
  ASSERT_EQ(server().stop(SIGTERM), 0);
  ServerProcess again(data());
  std::ifstream second(data() / "tls-cert.pem");
  std::string after((std::istreambuf_iterator<char>(second)), {});
  EXPECT_EQ(before, after);
  EXPECT_EQ((std::filesystem::status(data() / "tls-key.pem").permissions() & std::filesystem::perms::others_read),
            std::filesystem::perms::none);
  HttpClient c(again.port(), data() / "tls-cert.pem");
  EXPECT_EQ(c.request("GET", "/heart").status, 200u);
}

TEST_F(LifecycleTest, GivenCertificateAndKeyAreUsed) {
  TempDir other;
  std::filesystem::copy_file(data() / "tls-cert.pem", other.path() / "cert.pem");
  std::filesystem::copy_file(data() / "tls-key.pem", other.path() / "key.pem");
  TempDir fresh;
  ServerProcess s(fresh.path(), {"--tls-cert", (other.path() / "cert.pem").string(), "--tls-key",
                                 (other.path() / "key.pem").string()});
  EXPECT_FALSE(std::filesystem::exists(fresh.path() / "tls-cert.pem"));
  HttpClient c(s.port(), other.path() / "cert.pem");
  EXPECT_EQ(c.request("GET", "/heart").status, 200u);
}

TEST_F(LifecycleTest, InsecureHttpServesPlainHttpAndSaysSoLoudly) {
  TempDir plain_data;
  ServerProcess s(plain_data.path(), {"--insecure-http"});
  auto c = HttpClient::plain(s.port());
  EXPECT_EQ(c.request("GET", "/heart").status, 200u);
  EXPECT_NE(s.log().find("PLAIN HTTP"), std::string::npos);
}

TEST_F(LifecycleTest, AfterShutdownNewConnectionsAreRefused) {
  const auto port = server().port();
  ASSERT_EQ(server().stop(SIGTERM), 0);
  EXPECT_THROW(HttpClient(port, data() / "tls-cert.pem"), std::exception);
}

}  // namespace
}  // namespace maitred::test
