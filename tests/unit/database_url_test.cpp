#include "store/database_url.hpp"

#include <gtest/gtest.h>

namespace maitred::store {
namespace {

std::optional<DatabaseUrl> parse(std::string_view text) {
  std::string error;
  auto url = parse_database_url(text, error);
  EXPECT_EQ(url.has_value(), error.empty()) << text << ": " << error;
  return url;
}

TEST(DatabaseUrl, SqliteTakesAnAbsoluteOrRelativeFile) {
  auto absolute = parse("sqlite:///var/lib/maitred/maitred.db");
  ASSERT_TRUE(absolute);
  EXPECT_EQ(absolute->kind, DatabaseUrl::Kind::sqlite);
  EXPECT_EQ(absolute->sqlite_file, "/var/lib/maitred/maitred.db");
  auto relative = parse("sqlite://data/maitred.db");
  ASSERT_TRUE(relative);
  EXPECT_EQ(relative->sqlite_file, "data/maitred.db");
}

TEST(DatabaseUrl, PostgresqlIsHandedToLibpqAsWritten) {
  for (const char* text : {"postgresql://maitred@127.0.0.1:5432/maitred?sslmode=require", "postgres://db/x"}) {
    auto url = parse(text);
    ASSERT_TRUE(url) << text;
    EXPECT_EQ(url->kind, DatabaseUrl::Kind::postgresql);
    EXPECT_EQ(url->postgresql_url, text);
  }
}

TEST(DatabaseUrl, AnythingElseIsRefusedWithTheFormsToUse) {
  using namespace std::string_view_literals;
  for (std::string_view text : {""sv, "maitred.db"sv, "sqlite://"sv, "sqlite:///"sv, "mysql://x/y"sv,
                                "SQLITE:///x.db"sv, "postgresql"sv, "postgresql://a\0b"sv}) {
    std::string error;
    EXPECT_FALSE(parse_database_url(text, error)) << text;
    EXPECT_FALSE(error.empty());
  }
  std::string error;
  parse_database_url("mysql://root:hunter2@db/x", error);
  EXPECT_NE(error.find("postgresql://"), std::string::npos) << error;
  EXPECT_EQ(error.find("hunter2"), std::string::npos) << "never quotes a password back";
}

TEST(DatabaseUrl, RedactedHidesThePasswordWhereverItIsGiven) {
  auto with_user = parse("postgresql://maitred:s3cret@db.internal:5432/maitred");
  ASSERT_TRUE(with_user);
  EXPECT_EQ(with_user->redacted(), "postgresql://maitred:***@db.internal:5432/maitred");
  auto as_option = parse("postgresql://db/maitred?user=m&password=s3cret&sslmode=require");
  ASSERT_TRUE(as_option);
  EXPECT_EQ(as_option->redacted(), "postgresql://db/maitred?user=m&password=***&sslmode=require");
  auto without = parse("postgresql://maitred@db/maitred");
  ASSERT_TRUE(without);
  EXPECT_EQ(without->redacted(), "postgresql://maitred@db/maitred");
  // An '@' in the path or options is not a user's end.
  auto at_in_option = parse("postgresql://db/maitred?application_name=a@b");
  ASSERT_TRUE(at_in_option);
  EXPECT_EQ(at_in_option->redacted(), "postgresql://db/maitred?application_name=a@b");
  EXPECT_EQ(parse("sqlite:///x.db")->redacted(), "sqlite:///x.db");
}

}  // namespace
}  // namespace maitred::store
