// Nothing that waits runs on an I/O thread: a write that waits for a
// database lock held by another process, or a sign-in hashing its password,
// holds a handler thread while every other connection keeps being answered.
// One I/O thread, so that anything blocking it would stall every request.
// The tests assert what finishes before what, never how long anything took.

#include <sqlite3.h>

#include <atomic>
#include <future>

#include "api/booking_bodies.hpp"
#include "api/staff_fixture.hpp"
#include "support/test_database.hpp"

namespace maitred::test {
namespace {

// Another process's write transaction on the data folder's database, as the
// `sqlite3` shell would hold it: BEGIN IMMEDIATE takes the write lock.
class HeldWriteLock {
 public:
  explicit HeldWriteLock(const std::filesystem::path& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + file.string());
    }
    sqlite3_busy_timeout(db_, 30'000);
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("BEGIN IMMEDIATE failed: ") + sqlite3_errmsg(db_));
    }
  }
  ~HeldWriteLock() {
    release();
    sqlite3_close(db_);
  }
  HeldWriteLock(const HeldWriteLock&) = delete;
  HeldWriteLock& operator=(const HeldWriteLock&) = delete;

  void release() {
    if (held_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    held_ = false;
  }

 private:
  sqlite3* db_ = nullptr;
  bool held_ = true;
};

// Locks the store behind the server's back: a server of its own.
class LockWaitTest : public ApiTest {
 protected:
  bool own_server() const override { return true; }
  // A busy timeout longer than the test, so the write waits until the lock
  // is released.
  std::vector<std::string> server_args() const override {
    return {"--threads", "1", "--busy-timeout-ms", "120000", "--rate-limit", "100000"};
  }
};

TEST_F(LockWaitTest, ReadsAreAnsweredWhileAWriteWaitsForAnotherProcesssLock) {
  if (on_postgres()) GTEST_SKIP() << "about SQLite's file lock";
  auto reader = client();  // connected before the write, so its handshake cannot queue behind it
  auto writer = client();
  HeldWriteLock lock(data() / "maitred.db");
  std::atomic<bool> written{false};
  auto write = std::async(std::launch::async, [&] {
    Reply r = writer.request("POST", "/v1/bookings",
                             {{"Authorization", basic_auth(key())}, {"Content-Type", "application/json"}},
                             overbooking_body("2027-01-08", "19:00", 2, {}, R"({"name":"Waits For The Lock"})"));
    written = true;
    return r;
  });
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(reader.request("GET", "/heart").status, 200u);
    EXPECT_EQ(reader.request("GET", "/v1/restaurant", {{"Authorization", basic_auth(key())}}).status, 200u);
  }
  auto fresh = client();  // new connections are accepted and served too
  EXPECT_EQ(fresh.request("GET", "/heart").status, 200u);
  EXPECT_FALSE(written) << "the write cannot have finished while the lock is held";
  lock.release();
  Reply done = write.get();
  EXPECT_EQ(done.status, 200u) << done.body;
}

class SignInLoadTest : public StaffApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--threads", "1", "--rate-limit", "100000"}; }
};

// Each sign-in hashes a password (argon2, tens of milliseconds of CPU). All
// of them are sent before a GET /heart. On the I/O thread they would all be
// answered before it (requests are read in the order they arrived); on the
// handler threads it is answered while some are still hashing. Whether a
// sign-in was answered is read from the socket: on loopback a reply written
// before /heart's has arrived by the time /heart's has.
TEST_F(SignInLoadTest, HeartIsAnsweredWhileManySignInsAreHashing) {
  constexpr int kSignIns = 24;
  add_user("marta", "host", "correct horse battery");
  std::vector<HttpClient> clients;
  for (int i = 0; i < kSignIns; ++i) {
    clients.push_back(client());
    // A first round trip reads past what TLS 1.3 sends after the handshake
    // (session tickets), so that bytes waiting below can only be a reply.
    ASSERT_EQ(clients.back().request("GET", "/heart").status, 200u);
  }
  auto heart = client();
  const std::string body = R"({"username":"marta","password":"correct horse battery"})";
  for (auto& c : clients) {
    c.send_raw("POST /api/v3/auth HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n" + body);
  }
  EXPECT_EQ(heart.request("GET", "/heart").status, 200u);
  int answered_before_heart = 0;
  for (auto& c : clients) answered_before_heart += c.bytes_waiting() > 0 ? 1 : 0;
  EXPECT_LT(answered_before_heart, kSignIns) << "/heart waited for every sign-in";
  for (auto& c : clients) EXPECT_EQ(c.read_reply().status, 200u);
}

}  // namespace
}  // namespace maitred::test
