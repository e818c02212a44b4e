// The administration subcommands, as an operator types them.

#include "api/api_fixture.hpp"
#include "core/time_format.hpp"

namespace maitred::test {
namespace {

class AdminCliTest : public ::testing::Test {
 protected:
  CliResult maitred(std::vector<std::string> args) {
    args.push_back("--data");
    args.push_back(dir_.path().string());
    return run_maitred(args);
  }
  std::string create_restaurant(const std::string& name = "Chez Test") {
    auto r = maitred({"restaurant", "create", "--name", name, "--timezone", "Europe/Berlin"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return string_at(r.out, "_id");
  }
  TempDir dir_;
};

TEST_F(AdminCliTest, RestaurantCreatePrintsOneJsonObject) {
  auto r = maitred({"restaurant", "create", "--name", "Chez Test", "--timezone", "Europe/Berlin"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = parse(r.out);
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(std::string(doc["_id"].GetString()).size(), 17u);
  EXPECT_STREQ(doc["name"].GetString(), "Chez Test");
  EXPECT_STREQ(doc["timezone"].GetString(), "Europe/Berlin");
  auto list = parse(maitred({"restaurant", "list"}).out);
  ASSERT_EQ(list.Size(), 1u);
}

// A test build runs on the data folder's pinned clock (support/test_clock.hpp),
// whatever the machine's date, and moves when the test moves it.
TEST_F(AdminCliTest, ATestBuildRunsOnThePinnedClock) {
  auto first = maitred({"restaurant", "create", "--name", "Then", "--timezone", "Europe/Berlin"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(string_at(first.out, "createdAt").substr(0, 13), std::string(kTestNow).substr(0, 13)) << first.out;

  TestClock(dir_.path()).set(*core::parse_utc("2037-12-30T22:00:00Z"));
  auto later = maitred({"restaurant", "create", "--name", "Later", "--timezone", "Europe/Berlin"});
  ASSERT_EQ(later.exit_code, 0) << later.err;
  EXPECT_EQ(string_at(later.out, "createdAt").substr(0, 13), "2037-12-30T22") << later.out;
}

TEST_F(AdminCliTest, AnUnknownDatabaseUrlIsAUsageErrorThatHidesThePassword) {
  auto r = maitred({"restaurant", "list", "--database", "mysql://root:hunter2@db/maitred"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--database"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("postgresql://"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("hunter2"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(AdminCliTest, AnUnreachablePostgresqlIsAnErrorWithoutTheUrl) {
  // Port 1 on loopback: refused at once.
  auto r = maitred({"restaurant", "list", "--database", "postgresql://maitred:hunter2@127.0.0.1:1/maitred"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find("hunter2"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(AdminCliTest, ASqliteUrlNamesTheDatabaseFile) {
  const auto file = dir_.path() / "elsewhere.db";
  auto made = maitred({"restaurant", "create", "--name", "Elsewhere", "--timezone", "Europe/Berlin", "--database",
                       "sqlite://" + file.string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_TRUE(std::filesystem::exists(file));
  auto there = maitred({"restaurant", "list", "--database", "sqlite://" + file.string()});
  EXPECT_EQ(parse(there.out).Size(), 1u) << there.out;
}

TEST_F(AdminCliTest, BadTimezoneIsRefusedAndNothingIsWritten) {
  auto r = maitred({"restaurant", "create", "--name", "X", "--timezone", "Europe/Atlantis"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("time zone"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(parse(maitred({"restaurant", "list"}).out).Size(), 0u);
}

TEST_F(AdminCliTest, BlankNameIsRefused) {
  auto r = maitred({"restaurant", "create", "--name", "  ", "--timezone", "UTC"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("name"), std::string::npos) << r.err;
}

TEST_F(AdminCliTest, NamesThatAreNotUtf8AreRefusedAndNothingIsWritten) {
  auto r = maitred({"restaurant", "create", "--name", "Caf\xe9", "--timezone", "UTC"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("UTF-8"), std::string::npos) << r.err;
  auto listed = parse(maitred({"restaurant", "list"}).out);
  EXPECT_TRUE(listed.IsArray() && listed.Size() == 0u);

  auto made = maitred({"restaurant", "create", "--name", "Cafe", "--timezone", "UTC"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  auto key = maitred({"key", "create", "--restaurant", string_at(made.out, "_id"), "--name", "till \xff"});
  EXPECT_NE(key.exit_code, 0);
  EXPECT_NE(key.err.find("UTF-8"), std::string::npos) << key.err;
}

TEST_F(AdminCliTest, MissingAndUnknownArgumentsFailWithAMessage) {
  for (auto args : std::vector<std::vector<std::string>>{
           {},
           {"restaurant"},
           {"restaurant", "create", "--name", "X"},
           {"key", "create"},
           {"frobnicate"},
           {"serve", "--threads", "0"},
           {"serve", "--listen", "nonsense"},
           {"serve", "--listen", "127.0.0.1:99999"},
           {"serve", "--tls-cert", "/nonexistent.pem"},
           {"serve", "--rate-limit", "-3"},
       }) {
    auto r = run_maitred(args);
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    EXPECT_NE(r.exit_code, 0) << joined;
    EXPECT_FALSE(r.err.empty()) << joined;
    EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("Aborted"), std::string::npos) << r.err;
  }
}

TEST_F(AdminCliTest, KeyCreatePrintsOnlyTheSecret) {
  const auto id = create_restaurant();
  auto r = maitred({"key", "create", "--restaurant", id, "--name", "website"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, r.last_line() + "\n");
  EXPECT_EQ(r.last_line().rfind("mtd_", 0), 0u);
  EXPECT_EQ(r.last_line().size(), 44u);
}

TEST_F(AdminCliTest, KeyListShowsNoSecret) {
  const auto id = create_restaurant();
  const auto secret = maitred({"key", "create", "--restaurant", id, "--name", "website"}).last_line();
  auto list = maitred({"key", "list", "--restaurant", id});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out.find(secret), std::string::npos);
  EXPECT_EQ(list.out.find(secret.substr(0, 12)), std::string::npos);
  auto doc = parse(list.out);
  ASSERT_EQ(doc.Size(), 1u);
  EXPECT_STREQ(doc[0]["name"].GetString(), "website");
  EXPECT_TRUE(doc[0]["createdAt"].IsString());
  EXPECT_TRUE(doc[0]["lastUsedAt"].IsNull());
}

TEST_F(AdminCliTest, KeyForUnknownRestaurantIsRefused) {
  create_restaurant();
  auto r = maitred({"key", "create", "--restaurant", "AAAAAAAAAAAAAAAAA"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("no restaurant"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(AdminCliTest, RevokeUnknownKeyIsRefused) {
  create_restaurant();
  auto r = maitred({"key", "revoke", "AAAAAAAAAAAAAAAAA"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("no API key"), std::string::npos) << r.err;
}

TEST_F(AdminCliTest, RevokeMarksTheKey) {
  const auto id = create_restaurant();
  maitred({"key", "create", "--restaurant", id});
  auto key_id = std::string(parse(maitred({"key", "list", "--restaurant", id}).out)[0]["_id"].GetString());
  auto r = maitred({"key", "revoke", key_id});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto list = parse(maitred({"key", "list", "--restaurant", id}).out);
  EXPECT_TRUE(list[0]["revokedAt"].IsString());
}

TEST_F(AdminCliTest, DemoIsIdempotentAndPrintsTheKeyLast) {
  auto first = maitred({"demo"});
  auto second = maitred({"demo"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(first.last_line(), second.last_line());
  EXPECT_EQ(first.last_line().rfind("mtd_", 0), 0u);
  EXPECT_EQ(parse(maitred({"restaurant", "list"}).out).Size(), 1u);
}

TEST_F(AdminCliTest, DemoMakesANewKeyWhenItsKeyWasRevoked) {
  auto first = maitred({"demo"});
  const auto id = std::string(parse(maitred({"restaurant", "list"}).out)[0]["_id"].GetString());
  auto key_id = std::string(parse(maitred({"key", "list", "--restaurant", id}).out)[0]["_id"].GetString());
  ASSERT_EQ(maitred({"key", "revoke", key_id}).exit_code, 0);
  auto second = maitred({"demo"});
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_NE(first.last_line(), second.last_line());
  EXPECT_EQ(parse(maitred({"restaurant", "list"}).out).Size(), 1u);
}

}  // namespace
}  // namespace maitred::test
