#include "app/staff_auth.hpp"

#include <gtest/gtest.h>

#include "app/admin.hpp"
#include "app/staff_users.hpp"
#include "core/password_hash.hpp"
#include "domain/errors.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/temp_dir.hpp"

namespace maitred::app {
namespace {

using namespace std::chrono_literals;
using store::sqlite::SqliteStore;

const core::PasswordHashCost kCheap{1, 1024, 1};

// The code of the Unauthenticated error `f` throws, or "ok".
template <typename F>
std::string refusal(F f) {
  try {
    f();
  } catch (const domain::Unauthenticated& e) {
    return e.code;
  } catch (const domain::DomainError& e) {
    return e.code;
  }
  return "ok";
}

class StaffAuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    restaurant_ = create_restaurant(store_, clock_, "R", "UTC").id;
    create_staff_user(store_, clock_, {restaurant_, "Anna", "host", "tr4mpoline"}, kCheap);
  }
  LoginAttempt attempt(std::string username, std::string password) {
    return {std::nullopt, std::move(username), std::move(password), "10.0.0.1"};
  }
  std::string role_of(const std::string& access_token) {
    auto s = store_.staff().find_session_by_access(core::sha256(access_token));
    return s ? std::string(domain::role_name(s->role)) : "none";
  }

  test::TempDir dir_;
  SqliteStore store_{dir_.path() / "m.db", SqliteStore::Owner::admin};
  core::ManualClock clock_{core::SystemTime{std::chrono::milliseconds{1'795'687'200'000}}};
  StaffAuthSettings settings_{{3h, 30 * 24h}, {3, 1000ms, 5, 60'000ms, 5}};
  StaffAuth auth_{store_, clock_, settings_};
  std::string restaurant_;
};

TEST_F(StaffAuthTest, LoginGivesATokenPairForTheUsersRoleInAnyCaseOfTheName) {
  auto pair = auth_.login(attempt("anna", "tr4mpoline"));
  EXPECT_TRUE(pair.access_token.starts_with("mta_"));
  EXPECT_TRUE(pair.refresh_token.starts_with("mtr_"));
  EXPECT_EQ(pair.expires_in, 3h);
  EXPECT_EQ(role_of(pair.access_token), "host");
}

TEST_F(StaffAuthTest, EachFailureHasItsOwnCode) {
  EXPECT_EQ(refusal([&] { auth_.login(attempt("bob", "tr4mpoline")); }), "unknown_user");
  EXPECT_EQ(refusal([&] { auth_.login(attempt("anna", "tr4mpolinE")); }), "wrong_password");
  EXPECT_EQ(refusal([&] { auth_.login(attempt("not a name", "x")); }), "unknown_user");
  // Stored before the list knew it: the hash matches, the policy says no.
  auto user = store_.staff().find_staff_user(restaurant_, "anna");
  store_.staff().set_staff_password(user->id, core::hash_password("password1", kCheap), clock_.now());
  EXPECT_EQ(refusal([&] { auth_.login(attempt("anna", "password1")); }), "password_change_required");
}

TEST_F(StaffAuthTest, ANameInTwoRestaurantsNeedsTheRestaurant) {
  auto other = create_restaurant(store_, clock_, "S", "UTC").id;
  create_staff_user(store_, clock_, {other, "ANNA", "owner", "other-pass-42"}, kCheap);
  EXPECT_EQ(refusal([&] { auth_.login(attempt("anna", "tr4mpoline")); }), "restaurant_required");
  auto a = attempt("anna", "other-pass-42");
  a.restaurant_id = other;
  EXPECT_EQ(role_of(auth_.login(a).access_token), "owner");
}

TEST_F(StaffAuthTest, RefreshRotatesAndTheOldRefreshTokenIsRefused) {
  auto first = auth_.login(attempt("anna", "tr4mpoline"));
  auto second = auth_.refresh(first.refresh_token);
  EXPECT_NE(second.access_token, first.access_token);
  EXPECT_EQ(role_of(second.access_token), "host");
  EXPECT_EQ(
      domain::access_state(*store_.staff().find_session_by_access(core::sha256(first.access_token)), clock_.now()),
      domain::TokenState::revoked);
  EXPECT_EQ(refusal([&] { auth_.refresh("mtr_nonsense"); }), "unknown_token");
  EXPECT_EQ(refusal([&] { auth_.refresh(second.access_token); }), "unknown_token");
  clock_.advance(31 * 24h);
  EXPECT_EQ(refusal([&] { auth_.refresh(second.refresh_token); }), "token_expired");
}

TEST_F(StaffAuthTest, ARefreshTokenUsedTwiceEndsTheWholeFamilyButNoOtherSignIn) {
  auto first = auth_.login(attempt("anna", "tr4mpoline"));
  auto elsewhere = auth_.login(attempt("anna", "tr4mpoline"));  // another device
  auto second = auth_.refresh(first.refresh_token);
  auto third = auth_.refresh(second.refresh_token);
  EXPECT_EQ(refusal([&] { auth_.refresh(first.refresh_token); }), "token_revoked");
  auto state = [&](const std::string& access) {
    return domain::access_state(*store_.staff().find_session_by_access(core::sha256(access)), clock_.now());
  };
  EXPECT_EQ(state(third.access_token), domain::TokenState::revoked);
  EXPECT_EQ(refusal([&] { auth_.refresh(third.refresh_token); }), "token_revoked");
  EXPECT_EQ(state(elsewhere.access_token), domain::TokenState::valid);
}

TEST_F(StaffAuthTest, GuessingAtOneRestaurantsNameDoesNotLockAnothersSameName) {
  auto other = create_restaurant(store_, clock_, "S", "UTC").id;
  create_staff_user(store_, clock_, {other, "anna", "owner", "other-pass-42"}, kCheap);
  auto here = attempt("anna", "wrong-password-1");
  here.restaurant_id = restaurant_;
  for (int i = 0; i < 5; ++i) refusal([&] { auth_.login(here); });
  here.password = "tr4mpoline";
  EXPECT_EQ(refusal([&] { auth_.login(here); }), "too_many_attempts");
  auto there = attempt("anna", "other-pass-42");
  there.restaurant_id = other;
  there.client_address = "10.0.0.2";
  EXPECT_EQ(refusal([&] { auth_.login(there); }), "ok");
}

TEST_F(StaffAuthTest, SessionsPastTheirRefreshLifeArePurged) {
  auto old = auth_.login(attempt("anna", "tr4mpoline"));
  clock_.advance(20 * 24h);
  auto recent = auth_.login(attempt("anna", "tr4mpoline"));
  clock_.advance(11 * 24h);
  EXPECT_EQ(store_.staff().purge_expired_sessions(clock_.now()), 1u);
  EXPECT_FALSE(store_.staff().find_session_by_access(core::sha256(old.access_token)));
  EXPECT_TRUE(store_.staff().find_session_by_access(core::sha256(recent.access_token)));
}

TEST_F(StaffAuthTest, RepeatedFailuresSlowThenLockTheName) {
  auto wrong = [&] { auth_.login(attempt("anna", "wrong-password-1")); };
  auto right = [&] { auth_.login(attempt("anna", "tr4mpoline")); };
  for (int i = 0; i < 3; ++i) EXPECT_EQ(refusal(wrong), "wrong_password");
  EXPECT_EQ(refusal(right), "too_many_attempts") << "even the right password waits its turn";
  clock_.advance(1000ms);
  EXPECT_EQ(refusal(wrong), "wrong_password");
  clock_.advance(2000ms);
  EXPECT_EQ(refusal(wrong), "wrong_password");  // the 5th: locked
  try {
    right();
    FAIL() << "not locked";
  } catch (const domain::TooManyAttempts& e) {
    EXPECT_EQ(e.retry_after, 60'000ms);
  }
  clock_.advance(60'000ms);
  EXPECT_EQ(refusal(right), "ok");
}

TEST_F(StaffAuthTest, PasswordChangeAndDeletionEndSessions) {
  auto pair = auth_.login(attempt("anna", "tr4mpoline"));
  change_staff_password(store_, clock_, restaurant_, "ANNA", "n3w-password", kCheap);
  EXPECT_TRUE(store_.staff().find_session_by_access(core::sha256(pair.access_token))->revoked_at);
  pair = auth_.login(attempt("anna", "n3w-password"));
  delete_staff_user(store_, clock_, restaurant_, "anna");
  EXPECT_FALSE(store_.staff().find_session_by_access(core::sha256(pair.access_token)));
}

TEST_F(StaffAuthTest, UserAdministrationChecksItsInput) {
  EXPECT_THROW(create_staff_user(store_, clock_, {restaurant_, "ANNA", "host", "tr4mpoline"}, kCheap), UsageError)
      << "usernames are unique per restaurant in any case";
  EXPECT_THROW(create_staff_user(store_, clock_, {restaurant_, "b", "chef", "tr4mpoline"}, kCheap), UsageError);
  EXPECT_THROW(create_staff_user(store_, clock_, {restaurant_, "b", "host", "password1"}, kCheap), UsageError);
  EXPECT_THROW(create_staff_user(store_, clock_, {restaurant_, "b:c", "host", "tr4mpoline"}, kCheap), UsageError);
  EXPECT_THROW(create_staff_user(store_, clock_, {"AAAAAAAAAAAAAAAAA", "b", "host", "tr4mpoline"}, kCheap), UsageError);
  EXPECT_EQ(list_staff_users(store_, restaurant_).size(), 1u);
  EXPECT_THROW(delete_staff_user(store_, clock_, restaurant_, "nobody"), UsageError);
}

}  // namespace
}  // namespace maitred::app
