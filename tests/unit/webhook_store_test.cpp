// The webhook delivery rows (store/webhook_repository.hpp) on both stores:
// what a claim takes (due, in order per resource, leased), what recording
// an attempt does, and on PostgreSQL that two processes never claim the
// same row.

#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <latch>

#include "unit/fresh_database.hpp"
#include "unit/store_records.hpp"

namespace maitred::store {
namespace {

using namespace std::chrono_literals;
using Kind = DatabaseUrl::Kind;
const core::SystemTime kNow = test::kStoreNow;

WebhookDelivery delivery(std::string id, std::string resource, std::uint64_t sequence) {
  WebhookDelivery d;
  d.id = std::move(id);
  d.restaurant_id = "R";
  d.endpoint_id = "E";
  d.message_id = "msg_" + d.id;
  d.event_id = "EV" + d.id;
  d.event_sequence = sequence;
  d.event_type = "booking.updated";
  d.event_at = kNow;
  d.resource_id = std::move(resource);
  d.next_attempt_at = kNow;
  d.created_at = kNow;
  return d;
}

class WebhookStore : public ::testing::TestWithParam<Kind> {
 protected:
  std::vector<std::string> claim(Store& store, core::SystemTime now, std::size_t limit = 10) {
    std::vector<std::string> ids;
    store.atomically_unlocked([&] {
      for (const auto& d : store.webhooks().claim_due_webhook_deliveries(now, now + 60s, limit, {}))
        ids.push_back(d.id);
    });
    return ids;
  }
  void delivered(const std::string& id, int number = 1) {
    s_.webhooks().record_webhook_attempt({{id, number, kNow, "delivered", 5, 204, "", ""}, "delivered", std::nullopt});
  }

  test::TempDir dir_;
  DatabaseUrl url_ = test::fresh_database(GetParam(), dir_);
  std::unique_ptr<Store> store_ = open_store(url_, test::store_test_options(true));
  Store& s_ = *store_;
};

INSTANTIATE_TEST_SUITE_P(BothStores, WebhookStore, ::testing::Values(Kind::sqlite, Kind::postgresql),
                         [](const auto& info) { return info.param == Kind::sqlite ? "sqlite" : "postgresql"; });

TEST_P(WebhookStore, AClaimTakesDueDeliveriesOneResourceAtATimeAndLeasesThem) {
  auto& hooks = s_.webhooks();
  ASSERT_TRUE(hooks.insert_webhook_delivery(delivery("X1", "X", 1)));
  ASSERT_TRUE(hooks.insert_webhook_delivery(delivery("X2", "X", 2)));
  ASSERT_TRUE(hooks.insert_webhook_delivery(delivery("Y3", "Y", 3)));
  auto again = delivery("X1b", "X", 1);
  again.event_id = "EVX1";  // the same event for the same endpoint
  EXPECT_FALSE(hooks.insert_webhook_delivery(again)) << "queued once";

  EXPECT_EQ(claim(s_, kNow), (std::vector<std::string>{"X1", "Y3"})) << "X2 waits for X1";
  EXPECT_TRUE(claim(s_, kNow + 59s).empty()) << "leased";
  auto x1 = hooks.find_webhook_delivery("R", "E", "X1");
  ASSERT_TRUE(x1);
  EXPECT_EQ(x1->attempts, 1);
  EXPECT_EQ(x1->next_attempt_at, kNow + 60s);

  delivered("X1");
  hooks.record_webhook_attempt(
      {{"Y3", 1, kNow, "failed", 7, 500, "oops", "the receiver answered 500, not 2xx"}, "pending", kNow + 5s});
  EXPECT_EQ(claim(s_, kNow + 1s), (std::vector<std::string>{"X2"}));
  EXPECT_EQ(claim(s_, kNow + 5s), (std::vector<std::string>{"Y3"})) << "due again after its back-off";
  auto attempts = hooks.webhook_attempts("Y3");
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0].response_code, 500);
  EXPECT_EQ(attempts[0].response_body, "oops");

  EXPECT_EQ(hooks.list_webhook_deliveries("R", "E", 0, 10).size(), 3u);
  EXPECT_EQ(hooks.end_pending_webhook_deliveries("R", "E", "canceled"), 2u) << "X2 and Y3";
  EXPECT_EQ(hooks.find_webhook_delivery("R", "E", "X2")->status, "canceled");
  hooks.erase_webhook_data("R", "E");
  EXPECT_TRUE(hooks.list_webhook_deliveries("R", "E", 0, 10).empty());
  EXPECT_TRUE(hooks.webhook_attempts("Y3").empty());
}

TEST_P(WebhookStore, ARotatedSecretSignsUntilItExpires) {
  auto& hooks = s_.webhooks();
  hooks.add_webhook_secret("R", "E", "whsec_old", kNow);
  hooks.expire_webhook_secrets("R", "E", kNow + 24h);
  hooks.add_webhook_secret("R", "E", "whsec_new", kNow + 1s);
  EXPECT_EQ(hooks.live_webhook_secrets("R", "E", kNow + 2s), (std::vector<std::string>{"whsec_new", "whsec_old"}));
  EXPECT_EQ(hooks.live_webhook_secrets("R", "E", kNow + 24h), (std::vector<std::string>{"whsec_new"}));
}

TEST_P(WebhookStore, RetentionDropsFinishedDeliveriesQueuedBeforeTheCutoff) {
  auto& hooks = s_.webhooks();
  auto later = delivery("N3", "N", 3);
  later.created_at = kNow + 48h;
  for (const auto& d : {delivery("D1", "D", 1), delivery("P2", "P", 2), later}) hooks.insert_webhook_delivery(d);
  delivered("D1");
  delivered("N3");
  EXPECT_EQ(hooks.purge_webhook_deliveries(kNow + 24h), 1u) << "D1; P2 is still pending, N3 is newer";
  EXPECT_FALSE(hooks.find_webhook_delivery("R", "E", "D1"));
  EXPECT_TRUE(hooks.webhook_attempts("D1").empty());
  EXPECT_TRUE(hooks.find_webhook_delivery("R", "E", "P2"));
  EXPECT_EQ(hooks.webhook_attempts("N3").size(), 1u);
}

class PgWebhookStore : public WebhookStore {};
INSTANTIATE_TEST_SUITE_P(Postgres, PgWebhookStore, ::testing::Values(Kind::postgresql),
                         [](const auto&) { return "postgresql"; });

TEST_P(PgWebhookStore, RowsOneProcessHasClaimedAreSkippedByAnother) {
  for (const char* id : {"A1", "B2", "C3"}) s_.webhooks().insert_webhook_delivery(delivery(id, id, 1));
  auto other = open_store(url_, test::store_test_options(false));
  std::latch claimed{1};
  std::latch release{1};
  std::vector<std::string> held;
  auto holder = std::async(std::launch::async, [&] {
    s_.atomically_unlocked([&] {
      for (const auto& d : s_.webhooks().claim_due_webhook_deliveries(kNow, kNow + 60s, 2, {})) held.push_back(d.id);
      claimed.count_down();
      release.wait();
    });
  });
  claimed.wait();
  EXPECT_EQ(held.size(), 2u);
  const auto theirs = claim(*other, kNow);
  EXPECT_EQ(theirs.size(), 1u) << "the two held rows skipped, not waited for";
  if (!theirs.empty()) {
    EXPECT_EQ(std::ranges::count(held, theirs[0]), 0);
  }
  release.count_down();  // (no ASSERT above: the holder must always be let go)
  holder.get();
}

}  // namespace
}  // namespace maitred::store
