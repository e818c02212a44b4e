#include "domain/guest_rules.hpp"

#include <gtest/gtest.h>

#include "support/domain_error.hpp"

namespace maitred::domain {
namespace {

using test::Thrown;
using test::thrown;

TEST(GuestRules, ANameIsKeptAsGiven) {
  EXPECT_EQ(checked_guest_name("Ann Hansen"), "Ann Hansen");
  EXPECT_EQ(checked_guest_name(" Ann "), " Ann ");
  EXPECT_EQ(checked_guest_name("Æ"), "Æ");
}

TEST(GuestRules, ABlankNameIsRefused) {
  const Thrown refused{"InvalidInput", "invalid_field", "guest.name", "The guest needs a name."};
  for (const char* name : {"", " ", "\t", " \r\n "}) {
    EXPECT_EQ(thrown([&] { checked_guest_name(name); }), refused) << "'" << name << "'";
  }
}

TEST(GuestRules, AnEmailIsKeptAsGivenAndMayBeEmpty) {
  EXPECT_EQ(checked_guest_email("ann@example.com"), "ann@example.com");
  EXPECT_EQ(checked_guest_email(""), "");  // no e-mail
}

TEST(GuestRules, AnImplausibleEmailIsRefusedQuotingIt) {
  EXPECT_EQ(thrown([] { checked_guest_email("ann@example"); }),
            (Thrown{"InvalidInput", "invalid_field", "guest.email", "'ann@example' is not a valid e-mail address."}));
  EXPECT_EQ(thrown([] { checked_guest_email(" "); }).message, "' ' is not a valid e-mail address.");
}

TEST(GuestRules, APhoneIsNormalizedAndMayBeEmpty) {
  EXPECT_EQ(checked_guest_phone("+45 11 11 11 11"), "+4511111111");
  EXPECT_EQ(checked_guest_phone("0045-1111-1111"), "+4511111111");
  EXPECT_EQ(checked_guest_phone(""), "");  // no phone
}

TEST(GuestRules, ANationalPhoneNumberIsRefused) {
  const Thrown refused{"InvalidInput", "invalid_field", "guest.phone",
                       "The phone number must be international: + and the country code, e.g. +4511111111."};
  for (const char* phone : {"11111111", "+45", "+45 1111 abcd", "++4511111111"}) {
    EXPECT_EQ(thrown([&] { checked_guest_phone(phone); }), refused) << phone;
  }
}

}  // namespace
}  // namespace maitred::domain
