#include "domain/booking_fields.hpp"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "support/domain_error.hpp"

namespace maitred::domain {
namespace {

using test::kAccepted;
using test::Thrown;
using test::thrown;

TEST(BookingFields, SourcesAreResosEightInOrderThenOnline) {
  const auto sources = booking_sources();
  EXPECT_EQ(std::vector<std::string_view>(sources.begin(), sources.end()),
            (std::vector<std::string_view>{"walkin", "website", "phone", "email", "message", "eatie", "api", "other",
                                           "online"}));
}

TEST(BookingFields, EverySourceIsAccepted) {
  for (auto source : booking_sources()) EXPECT_EQ(thrown([&] { check_booking_source(source); }), kAccepted) << source;
}

TEST(BookingFields, AnUnknownSourceIsRefusedListingTheSources) {
  const Thrown refused{"InvalidInput", "invalid_field", "source",
                       "source must be one of walkin, website, phone, email, message, eatie, api, other, online."};
  for (const char* source : {"", "web", "Website", "walk-in", "phone "}) {
    EXPECT_EQ(thrown([&] { check_booking_source(source); }), refused) << "'" << source << "'";
  }
}

TEST(BookingFields, EverySupportedLanguageIsAccepted) {
  for (const char* code : {"en", "es", "de", "da", "sv"}) {
    EXPECT_EQ(thrown([&] { check_booking_language(code); }), kAccepted) << code;
  }
}

TEST(BookingFields, AnUnsupportedLanguageIsRefusedListingTheLanguages) {
  const Thrown refused{"InvalidInput", "invalid_field", "languageCode",
                       "languageCode must be one of en, es, de, da, sv."};
  for (const char* code : {"", "no", "EN", "en-GB", "english"}) {
    EXPECT_EQ(thrown([&] { check_booking_language(code); }), refused) << "'" << code << "'";
  }
}

}  // namespace
}  // namespace maitred::domain
