// The rules a guest's own booking follows (domain/guest_booking_rules.hpp).

#include "domain/guest_booking_rules.hpp"

#include <gtest/gtest.h>

#include "core/time_format.hpp"
#include "domain/errors.hpp"

namespace maitred::domain {
namespace {

using namespace std::chrono_literals;

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code;
  }
  return "ok";
}

core::SystemTime at(const char* utc) {
  return *core::parse_utc(utc);
}

TEST(GuestBookingRules, ContactNeedsAllThreeAndTheCountryCode) {
  const auto c = checked_online_contact("Ada", "ada@example.com", "+45 11 11 11 11");
  EXPECT_EQ(c.phone, "+4511111111");
  EXPECT_EQ(code_of([] { checked_online_contact(" ", "a@example.com", "+4511"); }), "missing_field");
  EXPECT_EQ(code_of([] { checked_online_contact("Ada", "", "+4511111111"); }), "missing_field");
  EXPECT_EQ(code_of([] { checked_online_contact("Ada", "a@example.com", ""); }), "missing_field");
  EXPECT_EQ(code_of([] { checked_online_contact("Ada", "a@example.com", "0045 11111111"); }), "invalid_field");
  EXPECT_EQ(code_of([] { checked_online_contact("Ada", "a@example.com", "+45-11-11"); }), "invalid_field");
  EXPECT_EQ(code_of([] { checked_online_contact("Ada", "nope", "+4511111111"); }), "invalid_field");
}

TEST(GuestBookingRules, ConsentAndHoneypot) {
  EXPECT_EQ(code_of([] { check_consent(false); }), "consent_required");
  EXPECT_EQ(code_of([] { check_consent(true); }), "ok");
  EXPECT_EQ(code_of([] { check_honeypot(""); }), "ok");
  EXPECT_EQ(code_of([] { check_honeypot("x"); }), "rejected");
}

TEST(GuestBookingRules, FillTimeCountsFromThePlacingOfTheHold) {
  BookingRules rules;
  rules.hold_minutes = 10;
  const auto placed = hold_placed_at(at("2026-12-02T10:10:00Z"), rules);
  EXPECT_EQ(placed, at("2026-12-02T10:00:00Z"));
  EXPECT_EQ(fill_time_remaining(placed, placed + 1s, 3000ms), std::optional(2000ms));
  EXPECT_EQ(fill_time_remaining(placed, placed + 3s, 3000ms), std::nullopt);
}

TEST(GuestBookingRules, TheDeadlineAndWhatTheGuestMayDo) {
  Restaurant r;
  r.timezone = "Europe/Copenhagen";
  r.contact.phone = "+4533123456";
  Booking b;
  b.date_time = at("2027-01-08T18:00:00Z");
  b.status = "approved";
  auto may = guest_permissions(b, r, at("2027-01-08T15:59:59Z"));
  EXPECT_EQ(may.cancel_until, at("2027-01-08T16:00:00Z"));
  EXPECT_TRUE(may.cancel);
  EXPECT_TRUE(may.change);
  may = guest_permissions(b, r, at("2027-01-08T16:00:00Z"));
  EXPECT_FALSE(may.cancel);
  EXPECT_FALSE(may.change);
  EXPECT_EQ(code_of([&] { check_before_deadline(b, r, at("2027-01-08T16:00:00Z")); }), "cancellation_deadline_passed");
  r.booking_rules.online_booking = false;
  may = guest_permissions(b, r, at("2027-01-08T10:00:00Z"));
  EXPECT_TRUE(may.cancel) << "a guest can always cancel";
  EXPECT_FALSE(may.change);
  b.status = "canceled";
  EXPECT_FALSE(guest_permissions(b, r, at("2027-01-08T10:00:00Z")).cancel);
}

TEST(GuestBookingRules, TheOnlineWindowBindsAChange) {
  Restaurant r;
  r.timezone = "Europe/Copenhagen";
  const auto now = at("2026-12-02T10:00:00Z");
  EXPECT_EQ(code_of([&] { check_online_window(r, at("2026-12-10T18:00:00Z"), "2026-12-10", 2, now); }), "ok");
  EXPECT_EQ(code_of([&] { check_online_window(r, at("2026-12-10T18:00:00Z"), "2026-12-10", 9, now); }),
            "party_too_large");
  EXPECT_EQ(code_of([&] { check_online_window(r, at("2026-12-02T10:30:00Z"), "2026-12-02", 2, now); }), "too_soon");
  EXPECT_EQ(code_of([&] { check_online_window(r, at("2027-06-01T18:00:00Z"), "2027-06-01", 2, now); }),
            "too_far_ahead");
}

}  // namespace
}  // namespace maitred::domain
