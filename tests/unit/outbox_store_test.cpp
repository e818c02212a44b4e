// The outbox cursors (store/outbox_cursors.hpp) on both stores, and on
// PostgreSQL what several processes sharing one database rely on: a cursor
// one process holds is skipped by the others, and consumers of the same name
// in two processes fan each event out exactly once.

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <mutex>
#include <set>

#include "core/ids.hpp"
#include "delivery/outbox_consumer.hpp"
#include "unit/fresh_database.hpp"
#include "unit/store_records.hpp"

namespace maitred::store {
namespace {

using Kind = DatabaseUrl::Kind;

domain::Event event_of(const std::string& restaurant_id) {
  domain::Event e;
  e.id = core::new_id();
  e.restaurant_id = restaurant_id;
  e.type = "booking.created";
  e.at = test::kStoreNow;
  e.actor = {"apiKey", "K1"};
  e.resource_id = core::new_id();
  return e;
}

class OutboxStore : public ::testing::TestWithParam<Kind> {
 protected:
  std::unique_ptr<Store> open_another() const { return open_store(url_, test::store_test_options(false)); }
  std::optional<std::uint64_t> claim(Store& store, const std::string& consumer, const std::string& restaurant) {
    std::optional<std::uint64_t> cursor;
    store.atomically_unlocked([&] { cursor = store.outbox().claim_cursor(consumer, restaurant); });
    return cursor;
  }

  test::TempDir dir_;
  DatabaseUrl url_ = test::fresh_database(GetParam(), dir_);
  std::unique_ptr<Store> store_ = open_store(url_, test::store_test_options(true));
  Store& s_ = *store_;
};

INSTANTIATE_TEST_SUITE_P(BothStores, OutboxStore, ::testing::Values(Kind::sqlite, Kind::postgresql),
                         [](const auto& info) { return info.param == Kind::sqlite ? "sqlite" : "postgresql"; });

TEST_P(OutboxStore, ARegisteredConsumerStartsAtTheLatestEventAndReadsOnFromItsCursor) {
  s_.events().append_event(event_of("R1"));
  s_.events().append_event(event_of("R1"));
  auto& outbox = s_.outbox();
  outbox.register_consumer("c");
  EXPECT_TRUE(outbox.restaurants_behind("c").empty());
  EXPECT_EQ(claim(s_, "c", "R1"), 2u);

  s_.events().append_event(event_of("R1"));
  s_.events().append_event(event_of("R2"));  // a restaurant new since registration
  EXPECT_EQ(outbox.restaurants_behind("c"), (std::vector<std::string>{"R1", "R2"}));
  EXPECT_EQ(claim(s_, "c", "R2"), 0u);
  s_.atomically_unlocked([&] { outbox.set_cursor("c", "R1", 3); });
  s_.atomically_unlocked([&] { outbox.set_cursor("c", "R2", 1); });
  EXPECT_TRUE(outbox.restaurants_behind("c").empty());

  outbox.register_consumer("c");  // again: changes nothing
  EXPECT_EQ(claim(s_, "c", "R1"), 3u);
  EXPECT_EQ(outbox.restaurants_behind("other").size(), 2u) << "a consumer never registered is behind everywhere";
}

TEST_P(OutboxStore, ACursorMoveRollsBackWithItsTransaction) {
  s_.outbox().register_consumer("c");
  s_.events().append_event(event_of("R1"));
  EXPECT_THROW(s_.atomically_unlocked([&] {
    s_.outbox().set_cursor("c", "R1", 1);
    throw std::runtime_error("fan-out failed");
  }),
               std::runtime_error);
  EXPECT_EQ(claim(s_, "c", "R1"), 0u);
}

class PgOutbox : public OutboxStore {};
INSTANTIATE_TEST_SUITE_P(Postgres, PgOutbox, ::testing::Values(Kind::postgresql),
                         [](const auto&) { return "postgresql"; });

TEST_P(PgOutbox, ACursorHeldByOneProcessIsSkippedByAnotherWithoutWaiting) {
  s_.outbox().register_consumer("c");
  s_.events().append_event(event_of("R1"));
  auto other = open_another();
  std::latch held{1};
  std::latch release{1};
  auto holder = std::async(std::launch::async, [&] {
    s_.atomically_unlocked([&] {
      EXPECT_EQ(s_.outbox().claim_cursor("c", "R1"), 0u);
      held.count_down();
      release.wait();
    });
  });
  held.wait();
  EXPECT_EQ(claim(*other, "c", "R1"), std::nullopt) << "skipped, not waited for";
  EXPECT_EQ(claim(*other, "c", "R2"), 0u) << "other restaurants are free";
  release.count_down();
  holder.get();
  EXPECT_EQ(claim(*other, "c", "R1"), 0u);
}

TEST_P(PgOutbox, TwoProcessesPumpingTheSameConsumerFanOutEachEventOnce) {
  auto other = open_another();
  std::mutex mutex;
  std::multiset<std::string> seen;
  auto record = [&](const std::vector<domain::Event>& events) {
    std::lock_guard lock(mutex);
    for (const auto& e : events) seen.insert(e.id);
  };
  delivery::OutboxConsumer mine(s_, "webhooks", record, 7);
  delivery::OutboxConsumer theirs(*other, "webhooks", record, 7);
  std::atomic<bool> writing{true};
  auto pump = [&](delivery::OutboxConsumer& consumer) {
    while (writing) consumer.pump();
    consumer.pump();
  };
  auto a = std::async(std::launch::async, pump, std::ref(mine));
  auto b = std::async(std::launch::async, pump, std::ref(theirs));
  std::set<std::string> written;
  for (int i = 0; i < 200; ++i) {
    auto e = event_of(i % 2 == 0 ? "R1" : "R2");
    written.insert(e.id);
    (i % 3 == 0 ? *other : s_).events().append_event(e);
  }
  writing = false;
  a.get();
  b.get();
  mine.pump();
  theirs.pump();
  EXPECT_EQ(seen.size(), written.size()) << "no event twice";
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), written) << "and none left out";
}

}  // namespace
}  // namespace maitred::store
