#include "domain/booking_status.hpp"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "support/domain_error.hpp"

namespace maitred::domain {
namespace {

using namespace std::chrono_literals;
using test::kAccepted;
using test::Thrown;
using test::thrown;

// The order booking_statuses() promises, which is also the order of the rows
// and columns of kExpected below.
constexpr std::array<std::string_view, 9> kOrder = {"request", "approved", "declined", "waitlist", "arrived",
                                                    "seated",  "left",     "no_show",  "canceled"};

// Written by hand from kTransitions in booking_status.cpp (plus the diagonal:
// staying put is always allowed). Rows: from; columns: to, in kOrder.
// clang-format off
constexpr bool kExpected[9][9] = {
    //            req    appr   decl   wait   arr    seat   left   noshw  canc
    /* request */ {true,  true,  true,  true,  true,  true,  false, true,  true},
    /* approved*/ {true,  true,  true,  false, true,  true,  false, true,  true},
    /* declined*/ {true,  true,  true,  false, false, false, false, false, false},
    /* waitlist*/ {true,  true,  true,  true,  false, false, false, false, true},
    /* arrived */ {false, true,  false, false, true,  true,  true,  true,  true},
    /* seated  */ {false, false, false, false, true,  true,  true,  false, false},
    /* left    */ {false, false, false, false, false, true,  true,  false, false},
    /* no_show */ {false, true,  false, false, true,  true,  false, true,  false},
    /* canceled*/ {true,  true,  false, false, false, false, false, false, true},
};
// clang-format on

core::SystemTime at(long long seconds) {
  return core::SystemTime{std::chrono::seconds{seconds}};
}

TEST(BookingStatus, ListsTheNineStatusesInOrder) {
  auto statuses = booking_statuses();
  ASSERT_EQ(statuses.size(), 9u);
  for (std::size_t i = 0; i < kOrder.size(); ++i) EXPECT_EQ(statuses[i], kOrder[i]) << i;
}

TEST(BookingStatus, TransitionTableMatchesEveryPair) {
  int allowed = 0;
  for (std::size_t from = 0; from < kOrder.size(); ++from) {
    for (std::size_t to = 0; to < kOrder.size(); ++to) {
      EXPECT_EQ(is_allowed_transition(kOrder[from], kOrder[to]), kExpected[from][to])
          << kOrder[from] << " -> " << kOrder[to];
      if (from != to && kExpected[from][to]) ++allowed;
    }
  }
  EXPECT_EQ(allowed, 32);  // the 32 entries of kTransitions
}

TEST(BookingStatus, StayingInTheSameStatusIsAlwaysAllowed) {
  for (auto status : kOrder) EXPECT_TRUE(is_allowed_transition(status, status)) << status;
}

TEST(BookingStatus, EveryDocumentedUndoIsAllowed) {
  EXPECT_TRUE(is_allowed_transition("seated", "arrived"));    // seated by mistake
  EXPECT_TRUE(is_allowed_transition("no_show", "seated"));    // a late no-show
  EXPECT_TRUE(is_allowed_transition("canceled", "request"));  // reinstated
  EXPECT_TRUE(is_allowed_transition("canceled", "approved"));
  EXPECT_TRUE(is_allowed_transition("left", "seated"));
  EXPECT_TRUE(is_allowed_transition("declined", "approved"));
}

TEST(BookingStatus, RefusesImpossibleChanges) {
  const std::pair<std::string_view, std::string_view> refused[] = {
      {"request", "left"},      {"approved", "waitlist"}, {"approved", "left"},   {"declined", "seated"},
      {"declined", "canceled"}, {"waitlist", "arrived"},  {"waitlist", "seated"}, {"waitlist", "no_show"},
      {"arrived", "request"},   {"arrived", "waitlist"},  {"seated", "canceled"}, {"seated", "no_show"},
      {"seated", "approved"},   {"left", "arrived"},      {"left", "canceled"},   {"left", "request"},
      {"no_show", "canceled"},  {"no_show", "left"},      {"canceled", "seated"}, {"canceled", "arrived"},
      {"canceled", "no_show"},  {"canceled", "waitlist"},
  };
  for (auto [from, to] : refused) EXPECT_FALSE(is_allowed_transition(from, to)) << from << " -> " << to;
}

TEST(BookingStatus, UnknownStatusesAreNotTransitions) {
  EXPECT_FALSE(is_allowed_transition("request", "accepted"));
  EXPECT_FALSE(is_allowed_transition("accepted", "approved"));
  EXPECT_FALSE(is_allowed_transition("request", "Approved"));
  EXPECT_FALSE(is_allowed_transition("request", ""));
  EXPECT_FALSE(is_allowed_transition("", "request"));
  EXPECT_FALSE(is_allowed_transition("canceled", "cancelled"));
}

TEST(BookingStatus, IsBookingStatus) {
  for (auto status : kOrder) EXPECT_TRUE(is_booking_status(status)) << status;
  for (const char* s : {"", "cancelled", "noshow", "no-show", "Approved", "confirmed", "request "}) {
    EXPECT_FALSE(is_booking_status(s)) << "'" << s << "'";
  }
}

TEST(BookingStatus, ANewBookingTakesAnyStatus) {
  for (auto status : kOrder) EXPECT_EQ(thrown([&] { check_new_status(status); }), kAccepted) << status;
}

TEST(BookingStatus, ANewBookingRefusesAnUnknownStatusListingTheStatuses) {
  EXPECT_EQ(thrown([] { check_new_status("accepted"); }),
            (Thrown{"InvalidInput", "invalid_field", "status",
                    "'accepted' is not a booking status (request, approved, declined, waitlist, arrived, seated, left,"
                    " no_show, canceled)."}));
  EXPECT_EQ(thrown([] { check_new_status(""); }).message.substr(0, 28), "'' is not a booking status (");
}

TEST(BookingStatus, AStatusChangeTheLifecycleAllowsIsAccepted) {
  EXPECT_EQ(thrown([] { check_status_change("request", "approved"); }), kAccepted);
  EXPECT_EQ(thrown([] { check_status_change("canceled", "request"); }), kAccepted);
  EXPECT_EQ(thrown([] { check_status_change("seated", "seated"); }), kAccepted);
}

TEST(BookingStatus, AStatusChangeToAnUnknownStatusIsInvalid) {
  // Unlike a new booking's, this message does not list the statuses: clients
  // see it as it always was.
  EXPECT_EQ(thrown([] { check_status_change("request", "cancelled"); }),
            (Thrown{"InvalidInput", "invalid_field", "status", "'cancelled' is not a booking status."}));
}

TEST(BookingStatus, AStatusChangeTheLifecycleForbidsIsIllegal) {
  EXPECT_EQ(
      thrown([] { check_status_change("seated", "canceled"); }),
      (Thrown{"IllegalOperation", "illegal_status_change", "status", "A booking cannot go from seated to canceled."}));
  EXPECT_EQ(thrown([] { check_status_change("left", "request"); }).code, "illegal_status_change");
}

TEST(BookingStatus, HoldsTables) {
  for (auto status : {"request", "approved", "arrived", "seated", "left"}) {
    EXPECT_TRUE(holds_tables(status)) << status;
  }
  for (auto status : {"waitlist", "declined", "canceled", "no_show", "", "accepted", "Approved"}) {
    EXPECT_FALSE(holds_tables(status)) << status;
  }
}

TEST(BookingStatus, IsConfirmed) {
  for (auto status : {"approved", "arrived", "seated", "left"}) EXPECT_TRUE(is_confirmed(status)) << status;
  for (auto status : {"request", "waitlist", "declined", "canceled", "no_show", "", "confirmed"}) {
    EXPECT_FALSE(is_confirmed(status)) << status;
  }
}

// Which stamp (by name) each status sets; "" for none.
std::string stamped(const StatusStamps& s) {
  std::string out;
  auto add = [&](const char* name, const std::optional<core::SystemTime>& t) {
    if (t) out += std::string(out.empty() ? "" : ",") + name;
  };
  add("approved", s.approved_at);
  add("declined", s.declined_at);
  add("canceled", s.canceled_at);
  add("arrived", s.arrived_at);
  add("seated", s.seated_at);
  add("left", s.left_at);
  add("no_show", s.no_show_at);
  return out;
}

TEST(BookingStatus, StampStatusSetsExactlyTheMatchingStamp) {
  const auto t = at(1'790'000'000);
  const std::pair<std::string_view, std::string> cases[] = {
      {"request", ""},  {"approved", "approved"}, {"declined", "declined"},
      {"waitlist", ""}, {"arrived", "arrived"},   {"seated", "seated"},
      {"left", "left"}, {"no_show", "no_show"},   {"canceled", "canceled"},
      {"bogus", ""},
  };
  for (const auto& [status, expected] : cases) {
    StatusStamps stamps;
    stamp_status(stamps, status, t);
    EXPECT_EQ(stamped(stamps), expected) << status;
  }
}

TEST(BookingStatus, StampStatusWritesTheGivenInstant) {
  StatusStamps stamps;
  stamp_status(stamps, "approved", at(100));
  stamp_status(stamps, "declined", at(200));
  stamp_status(stamps, "canceled", at(300));
  stamp_status(stamps, "arrived", at(400));
  stamp_status(stamps, "seated", at(500));
  stamp_status(stamps, "left", at(600));
  stamp_status(stamps, "no_show", at(700));
  EXPECT_EQ(stamps.approved_at, at(100));
  EXPECT_EQ(stamps.declined_at, at(200));
  EXPECT_EQ(stamps.canceled_at, at(300));
  EXPECT_EQ(stamps.arrived_at, at(400));
  EXPECT_EQ(stamps.seated_at, at(500));
  EXPECT_EQ(stamps.left_at, at(600));
  EXPECT_EQ(stamps.no_show_at, at(700));
}

TEST(BookingStatus, StampStatusOverwritesOnlyItsOwnStamp) {
  StatusStamps stamps;
  stamp_status(stamps, "approved", at(100));
  stamp_status(stamps, "canceled", at(200));
  stamp_status(stamps, "approved", at(300));  // reinstated
  EXPECT_EQ(stamps.approved_at, at(300));
  EXPECT_EQ(stamps.canceled_at, at(200));
  EXPECT_FALSE(stamps.seated_at);
  stamp_status(stamps, "request", at(400));
  EXPECT_EQ(stamps.approved_at, at(300));
  EXPECT_EQ(stamps.canceled_at, at(200));
  EXPECT_EQ(stamped(stamps), "approved,canceled");
}

}  // namespace
}  // namespace maitred::domain
