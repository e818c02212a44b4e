#include "domain/table_conflicts.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace maitred::domain {
namespace {

using namespace std::chrono_literals;

// 2026-01-20T00:00:00Z, a base for readable times of day.
const core::SystemTime kDay = core::SystemTime{std::chrono::seconds{1'768'867'200}};

core::SystemTime at(std::chrono::minutes since_midnight) {
  return kDay + since_midnight;
}

BookedTable table(const std::string& id) {
  return BookedTable{id, "Table " + id, "area-1", "Inside"};
}

Booking booking(const std::string& id, std::chrono::minutes start, int duration, const std::string& status,
                std::vector<std::string> table_ids) {
  Booking b;
  b.id = id;
  b.date_time = at(start);
  b.duration = duration;
  b.status = status;
  for (const auto& t : table_ids) b.tables.push_back(table(t));
  return b;
}

std::optional<TableConflict> conflict(const Booking& candidate, const std::vector<Booking>& others, int buffer) {
  return find_table_conflict(candidate, others, buffer);
}

// --- occupancy --------------------------------------------------------------

TEST(TableConflicts, OccupancyIsDurationPlusBuffer) {
  auto b = booking("b1", 18h, 120, "approved", {"t1"});
  auto o = occupancy(b, 15);
  EXPECT_EQ(o.start, at(18h));
  EXPECT_EQ(o.end, at(20h + 15min));
  auto without = occupancy(b, 0);
  EXPECT_EQ(without.start, at(18h));
  EXPECT_EQ(without.end, at(20h));
}

TEST(TableConflicts, EveryHoldingStatusOccupies) {
  for (const char* status : {"request", "approved", "arrived", "seated", "left"}) {
    auto o = occupancy(booking("b1", 12h, 90, status, {"t1"}), 10);
    EXPECT_EQ(o.start, at(12h)) << status;
    EXPECT_EQ(o.end, at(13h + 40min)) << status;
  }
}

TEST(TableConflicts, NonHoldingStatusesAreEmpty) {
  for (const char* status : {"waitlist", "declined", "canceled", "no_show"}) {
    auto o = occupancy(booking("b1", 12h, 90, status, {"t1"}), 10);
    EXPECT_EQ(o.start, at(12h)) << status;
    EXPECT_EQ(o.end, at(12h)) << status;
  }
}

TEST(TableConflicts, LeftBookingEndsWhenTheGuestLeft) {
  auto b = booking("b1", 18h, 120, "left", {"t1"});
  b.stamps.left_at = at(19h + 5min);
  auto o = occupancy(b, 15);
  EXPECT_EQ(o.start, at(18h));
  EXPECT_EQ(o.end, at(19h + 5min));  // no buffer added after leaving
}

TEST(TableConflicts, LeftStampIsClampedToTheBooking) {
  auto late = booking("b1", 18h, 120, "left", {"t1"});
  late.stamps.left_at = at(23h);
  EXPECT_EQ(occupancy(late, 15).end, at(20h + 15min));

  auto early = booking("b1", 18h, 120, "left", {"t1"});
  early.stamps.left_at = at(17h);
  auto o = occupancy(early, 15);
  EXPECT_EQ(o.start, at(18h));
  EXPECT_EQ(o.end, at(18h));
}

TEST(TableConflicts, LeftWithoutStampHoldsTheWholeBooking) {
  auto b = booking("b1", 18h, 120, "left", {"t1"});
  EXPECT_EQ(occupancy(b, 15).end, at(20h + 15min));
}

TEST(TableConflicts, LeftStampIsIgnoredForOtherStatuses) {
  auto b = booking("b1", 18h, 120, "seated", {"t1"});
  b.stamps.left_at = at(19h);  // left earlier, then seated again
  EXPECT_EQ(occupancy(b, 0).end, at(20h));
}

// --- find_table_conflict ----------------------------------------------------

TEST(TableConflicts, OverlapOnTheSameTableConflicts) {
  auto candidate = booking("new", 19h, 120, "request", {"t1"});
  std::vector<Booking> others = {booking("old", 18h, 120, "approved", {"t1"})};
  auto c = conflict(candidate, others, 0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->table_id, "t1");
  EXPECT_EQ(c->table_name, "Table t1");
  EXPECT_EQ(c->booking_id, "old");
}

TEST(TableConflicts, ContainedAndContainingIntervalsConflict) {
  std::vector<Booking> others = {booking("old", 18h, 180, "approved", {"t1"})};
  EXPECT_TRUE(conflict(booking("inside", 19h, 30, "approved", {"t1"}), others, 0));
  EXPECT_TRUE(conflict(booking("around", 17h, 300, "approved", {"t1"}), others, 0));
  EXPECT_TRUE(conflict(booking("same", 18h, 180, "approved", {"t1"}), others, 0));
  EXPECT_TRUE(conflict(booking("before", 17h, 61, "approved", {"t1"}), others, 0));
}

TEST(TableConflicts, TouchingIntervalsDoNotConflict) {
  std::vector<Booking> others = {booking("old", 18h, 120, "approved", {"t1"})};
  // Starting exactly when the other ends.
  EXPECT_FALSE(conflict(booking("after", 20h, 120, "approved", {"t1"}), others, 0));
  // Ending exactly when the other starts.
  EXPECT_FALSE(conflict(booking("before", 16h, 120, "approved", {"t1"}), others, 0));
}

TEST(TableConflicts, BufferMakesTouchingBookingsConflict) {
  std::vector<Booking> others = {booking("old", 18h, 120, "approved", {"t1"})};
  auto after = conflict(booking("after", 20h, 120, "approved", {"t1"}), others, 15);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->booking_id, "old");
  // The candidate's own buffer runs into the other's start.
  EXPECT_TRUE(conflict(booking("before", 16h, 120, "approved", {"t1"}), others, 15));
  // Once the buffer has passed, the table is free again.
  EXPECT_FALSE(conflict(booking("later", 20h + 15min, 120, "approved", {"t1"}), others, 15));
  EXPECT_FALSE(conflict(booking("earlier", 15h + 45min, 120, "approved", {"t1"}), others, 15));
  EXPECT_TRUE(conflict(booking("earlier", 15h + 46min, 120, "approved", {"t1"}), others, 15));
}

TEST(TableConflicts, DifferentTablesDoNotConflict) {
  std::vector<Booking> others = {booking("old", 18h, 120, "approved", {"t2", "t3"})};
  EXPECT_FALSE(conflict(booking("new", 18h, 120, "approved", {"t1"}), others, 15));
}

TEST(TableConflicts, TheCandidateItselfIsSkippedById) {
  auto candidate = booking("b1", 18h, 120, "approved", {"t1"});
  auto stored = booking("b1", 17h, 120, "approved", {"t1"});  // its own old version
  EXPECT_FALSE(conflict(candidate, {stored}, 15));
  stored.id = "b2";
  EXPECT_TRUE(conflict(candidate, {stored}, 15));
}

TEST(TableConflicts, OthersThatHoldNothingNeverConflict) {
  auto candidate = booking("new", 18h, 120, "approved", {"t1"});
  for (const char* status : {"waitlist", "canceled", "no_show", "declined"}) {
    std::vector<Booking> others = {booking("old", 18h, 120, status, {"t1"})};
    EXPECT_FALSE(conflict(candidate, others, 15)) << status;
  }
}

TEST(TableConflicts, CandidateThatHoldsNothingNeverConflicts) {
  std::vector<Booking> others = {booking("old", 18h, 120, "approved", {"t1"})};
  for (const char* status : {"waitlist", "canceled", "no_show", "declined"}) {
    EXPECT_FALSE(conflict(booking("new", 18h, 120, status, {"t1"}), others, 15)) << status;
  }
}

TEST(TableConflicts, EveryHoldingStatusOfTheOtherConflicts) {
  auto candidate = booking("new", 18h, 120, "request", {"t1"});
  for (const char* status : {"request", "approved", "arrived", "seated", "left"}) {
    std::vector<Booking> others = {booking("old", 18h, 120, status, {"t1"})};
    EXPECT_TRUE(conflict(candidate, others, 0)) << status;
  }
}

TEST(TableConflicts, CandidateWithoutTablesNeverConflicts) {
  std::vector<Booking> others = {booking("old", 18h, 120, "approved", {"t1"})};
  EXPECT_FALSE(conflict(booking("new", 18h, 120, "approved", {}), others, 15));
}

TEST(TableConflicts, ZeroDurationWithoutBufferHoldsNothing) {
  std::vector<Booking> others = {booking("old", 18h, 120, "approved", {"t1"})};
  EXPECT_FALSE(conflict(booking("new", 19h, 0, "approved", {"t1"}), others, 0));
  EXPECT_TRUE(conflict(booking("new", 19h, 0, "approved", {"t1"}), others, 1));
}

TEST(TableConflicts, GuestWhoLeftFreesTheTable) {
  auto gone = booking("old", 18h, 120, "left", {"t1"});
  gone.stamps.left_at = at(19h);
  EXPECT_FALSE(conflict(booking("new", 19h, 120, "approved", {"t1"}), {gone}, 15));
  EXPECT_TRUE(conflict(booking("new", 18h + 59min, 120, "approved", {"t1"}), {gone}, 15));
}

TEST(TableConflicts, CombinationConflictsOnTheSharedTable) {
  // Candidate on a combination t1 + t2, the other on t3 + t2.
  auto candidate = booking("new", 18h, 120, "approved", {"t1", "t2"});
  std::vector<Booking> others = {booking("old", 19h, 120, "approved", {"t3", "t2"})};
  auto c = conflict(candidate, others, 0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->table_id, "t2");
  EXPECT_EQ(c->table_name, "Table t2");
  EXPECT_EQ(c->booking_id, "old");
}

TEST(TableConflicts, CombinationReportsTheCandidatesFirstSharedTable) {
  auto candidate = booking("new", 18h, 120, "approved", {"t4", "t3", "t2"});
  std::vector<Booking> others = {booking("old", 18h, 120, "approved", {"t2", "t3"})};
  auto c = conflict(candidate, others, 0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->table_id, "t3");
}

TEST(TableConflicts, ReportsTheFirstConflictingBooking) {
  auto candidate = booking("new", 18h, 120, "approved", {"t1", "t2"});
  std::vector<Booking> others = {
      booking("free-time", 12h, 60, "approved", {"t1"}),  // earlier, no overlap
      booking("other-table", 18h, 60, "approved", {"t9"}), booking("canceled", 18h, 60, "canceled", {"t1"}),
      booking("second", 19h, 60, "seated", {"t2"}),        booking("third", 18h, 60, "approved", {"t1"}),
  };
  auto c = conflict(candidate, others, 0);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->booking_id, "second");
  EXPECT_EQ(c->table_id, "t2");
}

TEST(TableConflicts, NoOthersNoConflict) {
  EXPECT_FALSE(conflict(booking("new", 18h, 120, "approved", {"t1"}), {}, 15));
}

}  // namespace
}  // namespace maitred::domain
