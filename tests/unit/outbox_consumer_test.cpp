// The generic outbox consumer (delivery/outbox_consumer.hpp) and the worker
// thread it runs on (delivery/delivery_worker.hpp), against a real SQLite
// store in a temp folder: where a new consumer starts, that a fan-out's
// writes and the cursor commit together or not at all, batches, durability
// across a reopen, and what wakes the worker.

#include "delivery/outbox_consumer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

#include "core/ids.hpp"
#include "delivery/delivery_worker.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace maitred::delivery {
namespace {

using namespace std::chrono_literals;

class OutboxConsumerTest : public ::testing::Test {
 protected:
  void append(const std::string& restaurant_id, const std::string& type = "booking.created") {
    domain::Event event;
    event.id = core::new_id();
    event.restaurant_id = restaurant_id;
    event.type = type;
    event.at = core::SystemTime{std::chrono::milliseconds{1'795'687'200'000}};
    event.actor = {"cli", ""};
    event.resource_id = core::new_id();
    store_->events().append_event(event);
  }

  // A consumer that keeps what it was given.
  std::unique_ptr<OutboxConsumer> consumer(const std::string& name = "test", std::size_t batch = 100) {
    return std::make_unique<OutboxConsumer>(
        *store_, name,
        [this](const std::vector<domain::Event>& events) {
          ++batches_;
          for (const auto& e : events) seen_.push_back(e);
        },
        batch);
  }

  test::TempDir dir_;
  std::unique_ptr<store::sqlite::SqliteStore> store_ = open();
  std::vector<domain::Event> seen_;
  int batches_ = 0;

  std::unique_ptr<store::sqlite::SqliteStore> open() {
    return std::make_unique<store::sqlite::SqliteStore>(dir_.path() / "o.db",
                                                        store::sqlite::SqliteStore::Owner::server);
  }
};

TEST_F(OutboxConsumerTest, ANewConsumerStartsAtTheLatestEventOfTheRestaurantsThatExist) {
  append("R1");
  append("R1");
  auto c = consumer();
  EXPECT_EQ(c->pump(), 0u) << "no replay of history";
  append("R1", "table.created");
  EXPECT_EQ(c->pump(), 1u);
  ASSERT_EQ(seen_.size(), 1u);
  EXPECT_EQ(seen_[0].type, "table.created");
  EXPECT_EQ(seen_[0].sequence, 3u);
  EXPECT_EQ(c->pump(), 0u) << "each event once";
}

TEST_F(OutboxConsumerTest, ARestaurantThatGetsItsFirstEventsLaterIsFannedOutFromTheStart) {
  auto c = consumer();
  append("R2");
  append("R3");
  append("R2");
  EXPECT_EQ(c->pump(), 3u);
  EXPECT_EQ(batches_, 2) << "one batch per restaurant";
  ASSERT_EQ(seen_.size(), 3u);
  EXPECT_EQ(seen_[0].restaurant_id, "R2");
  EXPECT_EQ(seen_[0].sequence, 1u);
  EXPECT_EQ(seen_[1].sequence, 2u);
  EXPECT_EQ(seen_[2].restaurant_id, "R3");
}

TEST_F(OutboxConsumerTest, AFanOutThatThrowsLeavesNeitherItsWritesNorTheCursorMove) {
  bool fail = true;
  int calls = 0;
  OutboxConsumer c(*store_, "flaky", [&](const std::vector<domain::Event>& events) {
    ++calls;
    append("QUEUE", "message.queued");  // a write of the fan-out, in its transaction
    EXPECT_EQ(events.size(), 1u);
    if (fail) throw std::runtime_error("receiver table full");
  });
  append("R1");
  EXPECT_EQ(c.pump(), 0u) << "the failure is logged, not thrown";
  EXPECT_EQ(store_->events().event_range("QUEUE").latest, 0u) << "its write rolled back";
  fail = false;
  EXPECT_EQ(c.pump(), 1u) << "the same event again";
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(store_->events().event_range("QUEUE").latest, 1u) << "committed with the cursor";
}

TEST_F(OutboxConsumerTest, ManyEventsComeInBatchesInOrder) {
  auto c = consumer("batched", 10);
  for (int i = 0; i < 25; ++i) append("R1");
  EXPECT_EQ(c->pump(), 25u);
  EXPECT_EQ(batches_, 3);
  for (std::size_t i = 0; i < seen_.size(); ++i) EXPECT_EQ(seen_[i].sequence, i + 1);
}

TEST_F(OutboxConsumerTest, TheCursorIsDurableAndEachConsumerHasItsOwn) {
  {
    auto c = consumer("webhooks");
    append("R1");
    append("R1");
    EXPECT_EQ(c->pump(), 2u);
  }
  store_.reset();
  store_ = open();
  auto again = consumer("webhooks");
  EXPECT_EQ(again->pump(), 0u) << "nothing twice after a restart";
  auto other = consumer("guest-mail");
  append("R1");
  EXPECT_EQ(other->pump(), 1u) << "a second consumer registers at the latest event and reads on";
  EXPECT_EQ(again->pump(), 1u);
}

TEST_F(OutboxConsumerTest, EventsDroppedByRetentionBeforeTheyWereReadAreSkipped) {
  auto c = consumer();
  append("R1");
  append("R1");
  // A second later: stored times are whole seconds.
  store_->events().purge_events(core::SystemTime{std::chrono::milliseconds{1'795'687'201'000}});
  EXPECT_EQ(c->pump(), 0u);
  append("R1");
  EXPECT_EQ(c->pump(), 1u);
  EXPECT_EQ(seen_.back().sequence, 3u);
}

// Waits (bounded, on the steady clock) for a condition another thread makes true.
template <typename Condition>
bool eventually(Condition condition) {
  for (int i = 0; i < 2000; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return condition();
}

TEST_F(OutboxConsumerTest, TheWorkerRunsItsStepsAtStartAndWhenEventsCommit) {
  auto c = consumer();
  std::atomic<std::size_t> fanned{0};
  DeliveryWorker worker(store_->events().bell(), 1h);  // never by time in this test
  worker.add_step([&] { fanned += c->pump(); });
  worker.start();
  ASSERT_TRUE(eventually([&] { return worker.rounds() >= 1; }));
  append("R1");  // commits and rings the bell
  EXPECT_TRUE(eventually([&] { return fanned.load() == 1; }));
  append("R2");
  EXPECT_TRUE(eventually([&] { return fanned.load() == 2; }));
  worker.stop();
  EXPECT_EQ(store_->events().bell().waiting(), 0u) << "no waiter left behind";
}

TEST_F(OutboxConsumerTest, TheWorkerRunsItsStepsWhenWokenAndAStepThatThrowsDoesNotStopIt) {
  std::atomic<int> runs{0};
  DeliveryWorker worker(store_->events().bell(), 1h);
  worker.add_step([] { throw std::runtime_error("down"); });
  worker.add_step([&] { ++runs; });
  worker.start();
  ASSERT_TRUE(eventually([&] { return runs.load() == 1; }));
  worker.wake();
  EXPECT_TRUE(eventually([&] { return runs.load() == 2; }));
}

TEST_F(OutboxConsumerTest, TheWorkerRunsItsStepsAgainAfterThePollInterval) {
  std::atomic<int> runs{0};
  DeliveryWorker worker(store_->events().bell(), 10ms);
  worker.add_step([&] { ++runs; });
  worker.start();
  EXPECT_TRUE(eventually([&] { return runs.load() >= 3; }));
}

}  // namespace
}  // namespace maitred::delivery
