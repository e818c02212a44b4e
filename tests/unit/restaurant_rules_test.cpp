#include "domain/restaurant_rules.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.hpp"
#include "support/domain_error.hpp"

namespace maitred::domain {
namespace {

Restaurant valid_restaurant() {
  Restaurant r;
  r.id = "GWgiZtHfOGCGiIDv4";
  r.name = "Bistro Maitred";
  r.timezone = "Europe/Copenhagen";
  r.language = "da";
  return r;
}

// The field of the InvalidInput check_restaurant throws ("" when none).
std::string failing_field(const Restaurant& r) {
  try {
    check_restaurant(r);
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.code, "invalid_field");
    return e.field;
  }
  return "";
}

// --- check_restaurant ---------------------------------------------------------

TEST(RestaurantRules, DefaultsWithNameAndZoneAreValid) {
  EXPECT_NO_THROW(check_restaurant(valid_restaurant()));
  Restaurant r;
  r.name = "X";
  r.timezone = "UTC";
  EXPECT_NO_THROW(check_restaurant(r));  // the default booking rules pass their own checks
}

TEST(RestaurantRules, NameIsRequired) {
  for (const char* blank : {"", " ", "\t\r\n"}) {
    auto r = valid_restaurant();
    r.name = blank;
    EXPECT_EQ(failing_field(r), "name") << "'" << blank << "'";
  }
}

TEST(RestaurantRules, NameAtMost200Characters) {
  auto r = valid_restaurant();
  r.name = std::string(kMaxNameLength, 'a');
  EXPECT_EQ(failing_field(r), "");
  r.name = std::string(kMaxNameLength + 1, 'a');
  EXPECT_EQ(failing_field(r), "name");
}

TEST(RestaurantRules, CheckRestaurantNameDirectly) {
  EXPECT_FALSE(check_restaurant_name("Noma"));
  auto blank = check_restaurant_name("  ");
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->field, "name");
  EXPECT_FALSE(blank->message.empty());
  auto long_name = check_restaurant_name(std::string(201, 'x'));
  ASSERT_TRUE(long_name);
  EXPECT_EQ(long_name->field, "name");
  for (const char* bad : {"Bistro \xed\xb0\x80", "Caf\xe9", "\xff"}) {
    auto not_text = check_restaurant_name(bad);
    ASSERT_TRUE(not_text) << bad;
    EXPECT_EQ(not_text->field, "name");
  }
}

TEST(RestaurantRules, TimezoneMustBeIana) {
  for (const char* bad : {"", "Mars/Base", "CET+1", "europe/copenhagen", "Europe/Copenhagen "}) {
    auto r = valid_restaurant();
    r.timezone = bad;
    EXPECT_EQ(failing_field(r), "timezone") << "'" << bad << "'";
  }
}

TEST(RestaurantRules, LanguageMustBeSupported) {
  for (const char* ok : {"en", "es", "de", "da", "sv"}) {
    auto r = valid_restaurant();
    r.language = ok;
    EXPECT_EQ(failing_field(r), "") << ok;
  }
  for (const char* bad : {"", "fr", "EN", "en-GB", "dan"}) {
    auto r = valid_restaurant();
    r.language = bad;
    EXPECT_EQ(failing_field(r), "language") << "'" << bad << "'";
  }
}

TEST(RestaurantRules, IsSupportedLanguage) {
  EXPECT_TRUE(is_supported_language("sv"));
  EXPECT_FALSE(is_supported_language("no"));
  EXPECT_FALSE(is_supported_language(""));
}

TEST(RestaurantRules, SupportedLanguagesInOrder) {
  const auto languages = supported_languages();
  EXPECT_EQ(std::vector<std::string_view>(languages.begin(), languages.end()),
            (std::vector<std::string_view>{"en", "es", "de", "da", "sv"}));
  for (auto code : languages) EXPECT_TRUE(is_supported_language(code)) << code;
}

TEST(RestaurantRules, AnUnsupportedLanguageIsRefusedListingTheLanguages) {
  auto r = valid_restaurant();
  r.language = "no";
  EXPECT_EQ(
      test::thrown([&] { check_restaurant(r); }),
      (test::Thrown{"InvalidInput", "invalid_field", "language", "The language must be one of en, es, de, da, sv."}));
}

TEST(RestaurantRules, SlotIntervalDividesAnHour) {
  for (int ok : {5, 10, 15, 20, 30, 60}) {
    auto r = valid_restaurant();
    r.booking_rules.slot_interval = ok;
    EXPECT_EQ(failing_field(r), "") << ok;
  }
  for (int bad : {7, 25, 45, 50, 90}) {
    auto r = valid_restaurant();
    r.booking_rules.slot_interval = bad;
    EXPECT_EQ(failing_field(r), "bookingRules.slotInterval") << bad;
  }
}

TEST(RestaurantRules, SlotIntervalOfWholeHoursIsAccepted) {
  for (int hours : {120, 180, 240}) {
    auto r = valid_restaurant();
    r.booking_rules.slot_interval = hours;
    EXPECT_EQ(failing_field(r), "") << hours;
  }
}

TEST(RestaurantRules, DurationRulesMayBeEmptyOrHaveGaps) {
  auto r = valid_restaurant();
  r.booking_rules.durations = {};
  EXPECT_EQ(failing_field(r), "");
  r.booking_rules.durations = {{1, 2, 90}, {5, 6, 150}};  // 3..4 fall back to the default
  EXPECT_EQ(failing_field(r), "");
  r.booking_rules.durations = {{5, 6, 150}, {1, 2, 90}, {3, 4, 120}};  // any order
  EXPECT_EQ(failing_field(r), "");
  r.booking_rules.durations = {{3, 3, 100}};  // min == max
  EXPECT_EQ(failing_field(r), "");
}

TEST(RestaurantRules, InvertedDurationRuleIsRefused) {
  auto r = valid_restaurant();
  r.booking_rules.durations = {{1, 2, 90}, {6, 5, 120}};
  EXPECT_EQ(failing_field(r), "bookingRules.durations[1]");
}

TEST(RestaurantRules, InvertedDurationRuleIsNamedByItsPositionInTheRequest) {
  auto r = valid_restaurant();
  // The inverted rule is the first one the client sent.
  r.booking_rules.durations = {{6, 5, 120}, {1, 2, 90}};
  // The rules are checked sorted by minPeople; the error must still name the
  // rule by its position in the request.
  EXPECT_EQ(failing_field(r), "bookingRules.durations[0]");
}

TEST(RestaurantRules, OverlappingDurationRulesAreRefused) {
  auto r = valid_restaurant();
  r.booking_rules.durations = {{1, 4, 90}, {4, 6, 120}};  // 4 covered twice
  EXPECT_EQ(failing_field(r), "bookingRules.durations[1]");
  r.booking_rules.durations = {{1, 10, 90}, {3, 4, 120}};  // nested
  EXPECT_EQ(failing_field(r), "bookingRules.durations[1]");
  r.booking_rules.durations = {{2, 2, 90}, {2, 2, 120}};  // identical
  EXPECT_EQ(failing_field(r), "bookingRules.durations[1]");
}

TEST(RestaurantRules, OverlapIsFoundWhateverTheOrder) {
  auto r = valid_restaurant();
  r.booking_rules.durations = {{5, 8, 150}, {9, 20, 180}, {1, 5, 90}};
  EXPECT_TRUE(failing_field(r).starts_with("bookingRules.durations["));
}

TEST(RestaurantRules, DefaultStatus) {
  for (const char* ok : {"request", "approved", "waitlist"}) {
    auto r = valid_restaurant();
    r.booking_rules.default_status = ok;
    EXPECT_EQ(failing_field(r), "") << ok;
  }
  // Real statuses, but not ones a new booking starts in; and non-statuses.
  for (const char* bad : {"declined", "arrived", "seated", "left", "no_show", "canceled", "", "Request", "pending"}) {
    auto r = valid_restaurant();
    r.booking_rules.default_status = bad;
    EXPECT_EQ(failing_field(r), "bookingRules.defaultStatus") << "'" << bad << "'";
  }
}

TEST(RestaurantRules, ChecksInOrderNameFirst) {
  Restaurant r;  // no name, no zone
  r.language = "xx";
  EXPECT_EQ(failing_field(r), "name");
  r.name = "X";
  EXPECT_EQ(failing_field(r), "timezone");
  r.timezone = "Europe/Copenhagen";
  EXPECT_EQ(failing_field(r), "language");
}

// --- duration_for -------------------------------------------------------------

TEST(RestaurantRules, DurationForDefaultRules) {
  BookingRules rules;
  EXPECT_EQ(duration_for(rules, 1), 90);
  EXPECT_EQ(duration_for(rules, 2), 90);
  EXPECT_EQ(duration_for(rules, 3), 120);
  EXPECT_EQ(duration_for(rules, 4), 120);
  EXPECT_EQ(duration_for(rules, 5), 150);
  EXPECT_EQ(duration_for(rules, 8), 150);
  EXPECT_EQ(duration_for(rules, 9), 180);
  EXPECT_EQ(duration_for(rules, 1000), 180);
  EXPECT_EQ(duration_for(rules, 1001), rules.default_duration);
  EXPECT_EQ(duration_for(rules, 0), 120);
}

TEST(RestaurantRules, DurationForFallsBackToTheDefault) {
  BookingRules rules;
  rules.durations = {{2, 2, 75}, {6, 8, 200}};
  rules.default_duration = 111;
  EXPECT_EQ(duration_for(rules, 1), 111);
  EXPECT_EQ(duration_for(rules, 2), 75);
  EXPECT_EQ(duration_for(rules, 4), 111);
  EXPECT_EQ(duration_for(rules, 7), 200);
  EXPECT_EQ(duration_for(rules, 9), 111);
  rules.durations.clear();
  EXPECT_EQ(duration_for(rules, 2), 111);
}

// --- is_known_timezone ---------------------------------------------------------

TEST(RestaurantRules, KnownTimezones) {
  EXPECT_TRUE(is_known_timezone("Europe/Copenhagen"));
  EXPECT_TRUE(is_known_timezone("America/New_York"));
  EXPECT_TRUE(is_known_timezone("UTC"));
}

TEST(RestaurantRules, UnknownTimezones) {
  EXPECT_FALSE(is_known_timezone("Mars/Base"));
  EXPECT_FALSE(is_known_timezone(""));
  EXPECT_FALSE(is_known_timezone("Europe/Atlantis"));
  EXPECT_FALSE(is_known_timezone(std::string(65, 'A')));
  EXPECT_FALSE(is_known_timezone("Europe/" + std::string(10'000, 'x')));
  EXPECT_FALSE(is_known_timezone(std::string_view("Europe/Copenhagen\0", 18)));
}

}  // namespace
}  // namespace maitred::domain
