#include "domain/contact_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace maitred::domain {
namespace {

// The normalised phone, or "nullopt".
std::string phone(std::string_view text) {
  return normalize_phone(text).value_or("nullopt");
}

// --- is_valid_email ---------------------------------------------------------

TEST(ContactRules, AcceptsPlausibleEmails) {
  for (const char* email :
       {"guest@example.com", "a@b.co", "x@y.z", "first.last+tag@sub.example.dk", "UPPER@EXAMPLE.COM",
        "o'brien@example.ie", "123@456.78", "guest@xn--mller-kva.de", "guest@example.co.uk"}) {
    EXPECT_TRUE(is_valid_email(email)) << email;
  }
}

TEST(ContactRules, RefusesImplausibleEmails) {
  for (const char* email : {"",
                            "a",
                            "ab",
                            "a@b",
                            "guest",
                            "guest.example.com",
                            "@example.com",
                            "guest@",
                            "guest@example",
                            "guest@@example.com",
                            "guest@ex@ample.com",
                            "gu est@example.com",
                            "guest@example .com",
                            " guest@example.com",
                            "guest@example.com ",
                            "guest@.com",
                            "guest@.example.com",
                            "guest@example.",
                            "guest@example..com",
                            "guest@sub..example.com",
                            "guest@."}) {
    EXPECT_FALSE(is_valid_email(email)) << "'" << email << "'";
  }
}

TEST(ContactRules, RefusesControlCharactersInEmails) {
  EXPECT_FALSE(is_valid_email("guest\t@example.com"));
  EXPECT_FALSE(is_valid_email("guest@example.com\n"));
  EXPECT_FALSE(is_valid_email(std::string("guest\0@example.com", 18)));
}

TEST(ContactRules, EmailLengthLimitIs254) {
  const std::string domain = "@example.com";  // 12 characters
  EXPECT_TRUE(is_valid_email(std::string(254 - domain.size(), 'a') + domain));
  EXPECT_FALSE(is_valid_email(std::string(255 - domain.size(), 'a') + domain));
}

// --- normalize_phone --------------------------------------------------------

TEST(ContactRules, NormalisesInternationalNumbers) {
  EXPECT_EQ(phone("+45 11 11 11 11"), "+4511111111");
  EXPECT_EQ(phone("+45-1111-1111"), "+4511111111");
  EXPECT_EQ(phone("0045 11111111"), "+4511111111");
  EXPECT_EQ(phone("+4511111111"), "+4511111111");
  EXPECT_EQ(phone("+45.11.11.11.11"), "+4511111111");
  EXPECT_EQ(phone("+45 (11) 11-11.11"), "+4511111111");
  EXPECT_EQ(phone("+1 (212) 555-0100"), "+12125550100");
  EXPECT_EQ(phone("004420 7946 0958"), "+442079460958");
}

TEST(ContactRules, SurroundingSpacesAreAllowed) {
  EXPECT_EQ(phone("   +4511111111"), "+4511111111");
  EXPECT_EQ(phone("+4511111111   "), "+4511111111");
  EXPECT_EQ(phone("  0045 1111 1111 "), "+4511111111");
}

TEST(ContactRules, ParenthesisedCountryCodeIsNotInternational) {
  // The '+' or '00' must come first; "(+45)" starts with '(' and the '+'
  // inside it is not a separator.
  EXPECT_EQ(phone("(+45) 11111111"), "nullopt");
  EXPECT_EQ(phone("(0045) 11111111"), "nullopt");
}

TEST(ContactRules, NationalNumbersAreRefused) {
  EXPECT_EQ(phone("11111111"), "nullopt");
  EXPECT_EQ(phone("11 11 11 11"), "nullopt");
  EXPECT_EQ(phone("020 7946 0958"), "nullopt");
  EXPECT_EQ(phone("0 045 11111111"), "nullopt");  // "0 0" is not "00"
}

TEST(ContactRules, LettersAndOtherCharactersAreRefused) {
  EXPECT_EQ(phone("+45 1111 111a"), "nullopt");
  EXPECT_EQ(phone("+45 CALL-NOW"), "nullopt");
  EXPECT_EQ(phone("+45/11111111"), "nullopt");
  EXPECT_EQ(phone("++4511111111"), "nullopt");
  EXPECT_EQ(phone("+45 11111111 ext 2"), "nullopt");
  EXPECT_EQ(phone("+45\t11111111"), "nullopt");
  EXPECT_EQ(phone("+45_11111111"), "nullopt");
}

TEST(ContactRules, DigitCountIsSevenToFifteen) {
  EXPECT_EQ(phone("+123456"), "nullopt");  // 6 digits
  EXPECT_EQ(phone("+1234567"), "+1234567");
  EXPECT_EQ(phone("+123456789012345"), "+123456789012345");  // 15
  EXPECT_EQ(phone("+1234567890123456"), "nullopt");          // 16
  EXPECT_EQ(phone("00123456"), "nullopt");                   // 6 after 00
  EXPECT_EQ(phone("001234567"), "+1234567");
  EXPECT_EQ(phone("+ - ( ) ."), "nullopt");  // no digits at all
  EXPECT_EQ(phone("+"), "nullopt");
  EXPECT_EQ(phone("00"), "nullopt");
}

TEST(ContactRules, SeparatorsDoNotCountAsDigits) {
  EXPECT_EQ(phone("+1-2-3-4-5-6"), "nullopt");  // 6 digits, 11 characters
  EXPECT_EQ(phone("+1 2 3 4 5 6 7"), "+1234567");
}

TEST(ContactRules, EmptyStaysEmpty) {
  auto empty = normalize_phone("");
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, "");
  auto blank = normalize_phone("    ");
  ASSERT_TRUE(blank);
  EXPECT_EQ(*blank, "");
}

TEST(ContactRules, LeadingZeroAfterTheCountryCodeIsRefused) {
  EXPECT_EQ(phone("+045 11111111"), "nullopt");
  EXPECT_EQ(phone("+0 4511111111"), "nullopt");
  EXPECT_EQ(phone("00045 11111111"), "nullopt");
  EXPECT_EQ(phone("0000 4511111111"), "nullopt");
  EXPECT_EQ(phone("+ 045 11111111"), "nullopt");
}

}  // namespace
}  // namespace maitred::domain
