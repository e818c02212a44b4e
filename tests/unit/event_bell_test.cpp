// The bell the change feed's long polls wait on (core/event_bell.hpp).

#include "core/event_bell.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "domain/event.hpp"

namespace maitred::core {
namespace {

TEST(EventBellTest, AWaiterIsWokenOnceByTheNextRingOfItsKey) {
  EventBell bell;
  int woken = 0;
  bell.wait("A", bell.rings("A"), [&] { ++woken; });
  bell.ring("B");
  EXPECT_EQ(woken, 0);
  bell.ring("A");
  EXPECT_EQ(woken, 1);
  bell.ring("A");
  EXPECT_EQ(woken, 1) << "called once";
  EXPECT_EQ(bell.rings("A"), 2u);
  EXPECT_EQ(bell.waiting(), 0u);
}

TEST(EventBellTest, ARingBetweenLookingAndWaitingWakesAtOnce) {
  EventBell bell;
  const auto seen = bell.rings("A");
  bell.ring("A");  // an event committed while the feed was reading
  int woken = 0;
  bell.wait("A", seen, [&] { ++woken; });
  EXPECT_EQ(woken, 1);
  EXPECT_EQ(bell.waiting(), 0u);
}

TEST(EventBellTest, ACancelledWaiterIsNeverCalled) {
  EventBell bell;
  int woken = 0;
  auto ticket = bell.wait("A", 0, [&] { ++woken; });
  bell.cancel(ticket);
  bell.ring("A");
  EXPECT_EQ(woken, 0);
  bell.cancel(ticket);  // harmless twice
}

TEST(EventBellTest, RingingAllWakesEveryWaiterAndCountsForLaterWaits) {
  EventBell bell;
  int woken = 0;
  bell.wait("A", 0, [&] { ++woken; });
  bell.wait("B", 0, [&] { ++woken; });
  bell.ring_all();
  EXPECT_EQ(woken, 2);
  bell.wait("A", 0, [&] { ++woken; });  // looked before the ring: wakes at once
  EXPECT_EQ(woken, 3);
}

TEST(EventBellTest, RingsFromManyThreadsWakeEveryWaiter) {
  EventBell bell;
  std::atomic<int> woken{0};
  for (int i = 0; i < 100; ++i) bell.wait("A", 0, [&] { ++woken; });
  std::vector<std::thread> ringers;
  for (int i = 0; i < 4; ++i) ringers.emplace_back([&] { bell.ring("A"); });
  for (auto& t : ringers) t.join();
  EXPECT_EQ(woken.load(), 100);
  EXPECT_EQ(bell.rings("A"), 4u);
}

TEST(EventBellTest, AWaiterOnAnyKeyIsWokenByTheNextRingOfEveryKey) {
  EventBell bell;
  int woken = 0;
  bell.wait_any(bell.rings_of_any(), [&] { ++woken; });
  bell.ring("B");
  EXPECT_EQ(woken, 1);
  bell.ring("A");
  EXPECT_EQ(woken, 1) << "called once";
  EXPECT_EQ(bell.rings_of_any(), 2u);
  EXPECT_EQ(bell.rings("A"), 1u) << "the per-key counts are unchanged";

  const auto seen = bell.rings_of_any();
  bell.ring("C");  // rang between looking and waiting
  bell.wait_any(seen, [&] { ++woken; });
  EXPECT_EQ(woken, 2);

  bell.wait_any(bell.rings_of_any(), [&] { ++woken; });
  bell.ring_all();
  EXPECT_EQ(woken, 3);
  EXPECT_EQ(bell.waiting(), 0u);
}

TEST(EventTypeTest, PatternsMatchTypesExactlyByResourceOrAll) {
  using domain::event_type_matches;
  EXPECT_TRUE(event_type_matches("*", "booking.created"));
  EXPECT_TRUE(event_type_matches("booking.*", "booking.created"));
  EXPECT_FALSE(event_type_matches("booking.*", "bookingx.created"));
  EXPECT_FALSE(event_type_matches("table.*", "table_combination.created"));
  EXPECT_TRUE(event_type_matches("table.created", "table.created"));
  EXPECT_FALSE(event_type_matches("table.created", "table.updated"));
  EXPECT_EQ(domain::resource_type_of("table_combination.deleted"), "table_combination");
}

TEST(EventTypeTest, OnlyWellFormedPatternsAreAccepted) {
  using domain::is_valid_event_type_pattern;
  for (const char* good : {"*", "booking.*", "booking.created", "table_combination.updated"}) {
    EXPECT_TRUE(is_valid_event_type_pattern(good)) << good;
  }
  for (const char* bad :
       {"", "booking", "Booking.*", "booking.", ".created", "booking.*.*", "book%.*", "booking.c-d", "*.created"}) {
    EXPECT_FALSE(is_valid_event_type_pattern(bad)) << bad;
  }
}

}  // namespace
}  // namespace maitred::core
