// Guest e-mails through the real server: a booking created over the API is
// fanned out by the "guest-mail" outbox consumer, sent by the sender to the
// tests' SMTP receiver, and listed by GET /v1/bookings/{id}/messages; without
// --smtp-url it is recorded as not sent in the booking's history. Waits are
// bounded polls on conditions, never sleeps for time to pass.

#include <chrono>
#include <memory>
#include <thread>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"
#include "api/json_paths.hpp"
#include "support/smtp_receiver.hpp"
#include "support/temp_dir.hpp"

namespace maitred::test {
namespace {

constexpr const char* kWantsEmail = R"({"name":"Ada Lovelace","email":"ada@example.com","notificationEmail":true})";
constexpr const char* kNoEmail = R"({"name":"Bo Nielsen","email":"bo@example.com","notificationEmail":false})";

// One receiver for the suite's server (started before it).
SmtpReceiver& suite_receiver() {
  static TempDir folder;
  static SmtpReceiver receiver(folder.path() / "mailbox");
  return receiver;
}

class GuestMailServerBase : public ApiTest {
 protected:
  std::string create_booking(const std::string& guest) {
    Reply r = call("POST", "/v1/bookings", overbooking_body("2026-12-04", "19:30", 2, R"("status":"approved")", guest));
    EXPECT_EQ(r.status, 200u) << r.body;
    auto doc = parse(r.body);
    return doc.IsString() ? doc.GetString() : std::string();
  }

  // Polls the booking's messages until one has `status` (at most 30 s).
  rapidjson::Document messages_once(const std::string& id, const std::string& status) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
    for (;;) {
      Reply r = call("GET", "/v1/bookings/" + id + "/messages");
      EXPECT_EQ(r.status, 200u) << r.body;
      auto doc = parse(r.body);
      if (r.body.find(R"("status":")" + status + "\"") != std::string::npos ||
          std::chrono::steady_clock::now() > deadline) {
        return doc;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds{50});
    }
  }
};

class GuestMailServerTest : public GuestMailServerBase {
 protected:
  std::vector<std::string> server_args() const override {
    return {"--smtp-url", suite_receiver().url(), "--smtp-from", "table@bistro.example"};
  }
};

TEST_F(GuestMailServerTest, ABookingsConfirmationIsSentAndListed) {
  const auto silent = create_booking(kNoEmail);
  const auto id = create_booking(kWantsEmail);
  auto messages = messages_once(id, "sent");
  ASSERT_TRUE(messages.IsArray());
  ASSERT_EQ(messages.Size(), 1u) << at(messages, "");
  EXPECT_EQ(at(messages, "0.kind"), q("confirmed"));
  EXPECT_EQ(at(messages, "0.status"), q("sent"));
  EXPECT_EQ(at(messages, "0.to"), q("ada@example.com"));
  EXPECT_EQ(at(messages, "0.attempts"), "1");
  // The receiver has it, with the booking's calendar entry.
  bool found = false;
  for (const auto& file : suite_receiver().wait_for(1)) {
    const auto summary = mail_summary(file);
    if (summary.find(id + "@maitred") != std::string::npos) found = true;
  }
  EXPECT_TRUE(found);
  // Events are fanned out in order: the earlier booking was decided on, and
  // its guest said no.
  EXPECT_EQ(call("GET", "/v1/bookings/" + silent + "/messages").body, "[]");
  EXPECT_NE(call("GET", "/v1/bookings/" + id + "/history").body.find(R"("action":"email.sent")"), std::string::npos);
}

class GuestMailWithoutSmtpTest : public GuestMailServerBase {};

TEST_F(GuestMailWithoutSmtpTest, TheEmailIsRecordedAsNotSent) {
  const auto id = create_booking(kWantsEmail);
  auto messages = messages_once(id, "not_sent");
  ASSERT_TRUE(messages.IsArray());
  ASSERT_EQ(messages.Size(), 1u) << at(messages, "");
  EXPECT_EQ(at(messages, "0.status"), q("not_sent"));
  EXPECT_EQ(at(messages, "0.lastError"), q("not sent: no SMTP server"));
  const auto history = call("GET", "/v1/bookings/" + id + "/history").body;
  EXPECT_NE(history.find(R"("action":"email.not_sent")"), std::string::npos) << history;
  EXPECT_NE(history.find("not sent: no SMTP server"), std::string::npos) << history;
}

}  // namespace
}  // namespace maitred::test
