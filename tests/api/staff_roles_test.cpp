// Roles against the real server: each role x each kind of action, 2xx or
// 403. A route's permission comes from its resource family
// (domain/permission.hpp), so one row per family stands for all its routes.

#include <algorithm>
#include <map>

#include "api/staff_fixture.hpp"

namespace maitred::test {
namespace {

class StaffRolesTest : public StaffApiTest {
 protected:
  void SetUp() override {
    StaffApiTest::SetUp();
    if (HasFatalFailure()) return;
    for (const char* role : {"readonly", "host", "manager", "owner"}) {
      add_user(std::string(role) + "-user", role, "role-pass-" + std::string(role) + "-7");
      if (HasFatalFailure()) return;
      tokens_[role] = tokens_for(std::string(role) + "-user", "role-pass-" + std::string(role) + "-7").first;
    }
    // A booking to comment on, made with the demo restaurant's API key.
    auto c = client();
    Reply r =
        c.request("POST", "/v1/bookings", {{"Authorization", basic_auth(key())}, {"Content-Type", "application/json"}},
                  R"({"date":"2026-12-11","time":"19:00","people":2,"guest":{"name":"Ada"}})");
    ASSERT_EQ(r.status, 200u) << r.body;
    booking_id_ = parse(r.body).GetString();
  }

  std::map<std::string, std::string> tokens_;
  std::string booking_id_;
};

struct Action {
  const char* name;
  const char* method;
  std::string target;
  std::string body;
  const char* lowest_role;  // this role and those above it may
};

TEST_F(StaffRolesTest, EachRoleMayDoWhatItsRankAllowsAndGets403Otherwise) {
  const std::vector<std::string> ranks = {"readonly", "host", "manager", "owner"};
  int area = 0;
  for (const auto& role : ranks) {
    const std::vector<Action> actions = {
        {"read the restaurant", "GET", "/v1/restaurant", "", "readonly"},
        {"read bookings", "GET", "/v1/bookings", "", "readonly"},
        {"comment on a booking", "POST", "/v1/bookings/" + booking_id_ + "/comment", R"({"text":"VIP"})", "host"},
        {"add a restaurant note", "POST", "/v1/bookings/" + booking_id_ + "/restaurantNote", R"({"text":"Window"})",
         "host"},
        {"create an area", "POST", "/v1/areas", R"({"name":"Area )" + std::to_string(++area) + R"("})", "manager"},
        {"change restaurant settings", "PUT", "/v1/restaurant", R"({"name":"Bistro"})", "manager"},
        {"list staff users", "GET", "/v1/users", "", "owner"},
    };
    for (const auto& a : actions) {
      const auto rank = std::find(ranks.begin(), ranks.end(), role) - ranks.begin();
      const auto needed = std::find(ranks.begin(), ranks.end(), a.lowest_role) - ranks.begin();
      Reply r = call(a.method, a.target, tokens_[role], a.body);
      if (rank >= needed) {
        EXPECT_GE(r.status, 200u) << role << " may " << a.name << ": " << r.body;
        EXPECT_LT(r.status, 300u) << role << " may " << a.name << ": " << r.body;
      } else {
        EXPECT_EQ(r.status, 403u) << role << " may not " << a.name << ": " << r.body;
        EXPECT_EQ(string_at(r.body, "code"), "forbidden");
        EXPECT_NE(string_at(r.body, "message").find(a.lowest_role), std::string::npos) << r.body;
      }
    }
  }
}

TEST_F(StaffRolesTest, ApiKeysActAsOwner) {
  Reply r = get_with_key("/v1/users", key());
  ASSERT_EQ(r.status, 200u) << r.body;
  auto users = parse(r.body);
  ASSERT_EQ(users.Size(), 4u);
  EXPECT_EQ(r.body.find("argon2"), std::string::npos);
  EXPECT_EQ(r.body.find("password\""), std::string::npos);
}

TEST_F(StaffRolesTest, BookingHistoryNamesTheStaffUserWhoWrote) {
  std::string host_id;
  const auto users = parse(get_with_key("/v1/users", key()).body);
  for (const auto& user : users.GetArray()) {
    if (std::string(user["username"].GetString()) == "host-user") host_id = user["_id"].GetString();
  }
  ASSERT_FALSE(host_id.empty());
  const auto& token = tokens_["host"];
  Reply made =
      call("POST", "/v1/bookings", token, R"({"date":"2027-01-08","time":"19:00","people":2,"guest":{"name":"Bo"}})");
  ASSERT_EQ(made.status, 200u) << made.body;
  const std::string id = parse(made.body).GetString();
  ASSERT_EQ(call("PUT", "/v1/bookings/" + id, token, R"({"people":3})").status, 200u);
  ASSERT_EQ(call("POST", "/v1/bookings/" + id + "/restaurantNote", token, R"({"text":"Window"})").status, 200u);

  Reply r = call("GET", "/v1/bookings/" + id + "/history", token);
  ASSERT_EQ(r.status, 200u) << r.body;
  auto history = parse(r.body);
  ASSERT_EQ(history.Size(), 3u) << r.body;
  for (const auto& entry : history.GetArray()) {
    EXPECT_EQ(std::string(entry["actor"]["type"].GetString()), "user") << r.body;
    EXPECT_EQ(std::string(entry["actor"]["id"].GetString()), host_id) << r.body;
  }
}

TEST_F(StaffRolesTest, AStaffTokenSeesOnlyItsOwnRestaurant) {
  auto made = run_maitred({"restaurant", "create", "--name", "Other", "--timezone", "UTC", "--data", data().string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const std::string other = string_at(made.out, "_id");
  auto key_made = run_maitred({"key", "create", "--restaurant", other, "--data", data().string()});
  auto c = client();
  Reply r = c.request("POST", "/v1/areas",
                      {{"Authorization", basic_auth(key_made.last_line())}, {"Content-Type", "application/json"}},
                      R"({"name":"Theirs"})");
  ASSERT_EQ(r.status, 200u) << r.body;
  const std::string their_area = parse(r.body).GetString();
  EXPECT_EQ(call("GET", "/v1/areas/" + their_area, tokens_["owner"]).status, 404u);
  EXPECT_EQ(call("GET", "/v1/bookings/" + booking_id_, tokens_["readonly"]).status, 200u);
}

}  // namespace
}  // namespace maitred::test
