#include "domain/public_page_rules.hpp"

#include <gtest/gtest.h>

namespace maitred::domain {
namespace {

TEST(PublicPageRules, SlugsAreLowerCaseWordsJoinedByHyphens) {
  EXPECT_TRUE(is_valid_slug("bistro-maitred"));
  EXPECT_TRUE(is_valid_slug("noma2"));
  EXPECT_FALSE(is_valid_slug("x"));
  EXPECT_FALSE(is_valid_slug("-bistro"));
  EXPECT_FALSE(is_valid_slug("bistro-"));
  EXPECT_FALSE(is_valid_slug("Bistro"));
  EXPECT_FALSE(is_valid_slug("bistro maitred"));
  EXPECT_FALSE(is_valid_slug("bistro/../x"));
  EXPECT_FALSE(is_valid_slug(std::string(65, 'a')));
  EXPECT_TRUE(is_valid_slug(std::string(64, 'a')));
}

TEST(PublicPageRules, SlugsFromNamesFoldLatinLettersAndDropTheRest) {
  EXPECT_EQ(slug_from_name("Bistro Maitred (demo)"), "bistro-maitred-demo");
  EXPECT_EQ(slug_from_name("Café Ørsted & Co."), "cafe-orsted-co");
  EXPECT_EQ(slug_from_name("Straße 12"), "strasse-12");
  EXPECT_EQ(slug_from_name("  ---  "), "restaurant");
  EXPECT_EQ(slug_from_name("寿司"), "restaurant");
  EXPECT_TRUE(is_valid_slug(slug_from_name(std::string(300, 'x') + " end")));
  for (const char* name : {"Æblegrød", "Ö", "a-b", "A  B", "Smørrebrød & Øl!"}) {
    EXPECT_TRUE(is_valid_slug(slug_from_name(name))) << name << " -> " << slug_from_name(name);
  }
}

TEST(PublicPageRules, OriginsAreSchemeHostAndPortOnly) {
  EXPECT_TRUE(is_valid_origin("https://www.example.com"));
  EXPECT_TRUE(is_valid_origin("http://localhost:8080"));
  EXPECT_TRUE(is_valid_origin("http://127.0.0.1:5173"));
  EXPECT_FALSE(is_valid_origin("https://www.example.com/"));
  EXPECT_FALSE(is_valid_origin("https://WWW.example.com"));
  EXPECT_FALSE(is_valid_origin("ftp://example.com"));
  EXPECT_FALSE(is_valid_origin("https://"));
  EXPECT_FALSE(is_valid_origin("https://example.com:"));
  EXPECT_FALSE(is_valid_origin("https://example.com:123456"));
  EXPECT_FALSE(is_valid_origin("*"));
}

}  // namespace
}  // namespace maitred::domain
