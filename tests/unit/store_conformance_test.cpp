// The store conformance suite: what store/store.hpp promises, checked on the
// embedded SQLite store and on PostgreSQL alike (each test on a fresh
// database), so the server behaves the same on either. Store-specific
// behaviour lives beside it: sqlite_store_test.cpp, and the PostgreSQL day
// locks at the end of this file.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <condition_variable>
#include <exception>
#include <future>
#include <latch>
#include <mutex>
#include <set>
#include <thread>

#include "core/ids.hpp"
#include "domain/api_key.hpp"
#include "domain/auth_session.hpp"
#include "domain/booking_status.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "json/booking_codec.hpp"
#include "store/open_store.hpp"
#include "store/postgres/connection.hpp"
#include "support/pg_cluster.hpp"
#include "support/temp_dir.hpp"
#include "unit/fresh_database.hpp"
#include "unit/store_records.hpp"

namespace maitred::store {
namespace {

using namespace std::chrono_literals;
using test::make_booking;
using test::make_restaurant;
using Kind = DatabaseUrl::Kind;
const core::SystemTime kNow = test::kStoreNow;
constexpr const char* kNoSuchId = "AAAAAAAAAAAAAAAAA";

using test::fresh_database;

OpenOptions open_options(bool server) {
  return test::store_test_options(server);
}

// A store on a fresh database holding one restaurant.
class StoreTest : public ::testing::Test {
 protected:
  explicit StoreTest(Kind kind)
      : url_(fresh_database(kind, dir_)), store_(open_store(url_, open_options(true))), s_(*store_) {
    s_.restaurants().create_restaurant(restaurant_);
  }

  // Another instance on the same data, as another process would open it.
  std::unique_ptr<Store> open_another() const { return open_store(url_, open_options(false)); }

  DocumentWrite document(Collection collection, std::string id, std::string json,
                         std::optional<std::string> unique_key = std::nullopt) const {
    return DocumentWrite{collection, restaurant_.id, std::move(id), std::move(json), std::move(unique_key), false,
                         kNow};
  }

  domain::StaffUser staff_user(const std::string& restaurant_id, const std::string& username,
                               domain::Role role = domain::Role::host) const {
    domain::StaffUser u;
    u.id = core::new_id();
    u.restaurant_id = restaurant_id;
    u.username = username;
    u.username_key = domain::username_key(username);
    u.role = role;
    u.password_hash = "$argon2id$not-a-real-hash";
    u.created_at = u.password_changed_at = kNow;
    return u;
  }

  test::TempDir dir_;
  DatabaseUrl url_;
  std::unique_ptr<Store> store_;
  Store& s_;
  domain::Restaurant restaurant_ = make_restaurant("R", "Europe/Copenhagen");
};

class StoreConformance : public ::testing::WithParamInterface<Kind>, public StoreTest {
 protected:
  StoreConformance() : StoreTest(GetParam()) {}
};

std::string store_name(const ::testing::TestParamInfo<Kind>& info) {
  return info.param == Kind::sqlite ? "sqlite" : "postgresql";
}

INSTANTIATE_TEST_SUITE_P(BothStores, StoreConformance, ::testing::Values(Kind::sqlite, Kind::postgresql), store_name);

template <typename Call>
void expect_conflict(Call&& call, const char* what) {
  try {
    call();
    ADD_FAILURE() << what << ": expected a conflict";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::conflict) << what << ": " << e.what();
  }
}

// The "_id" of a stored JSON document (the tests write it first, unescaped).
std::string id_of(std::string_view doc) {
  const auto start = doc.find("\"_id\":\"") + 7;
  return std::string(doc.substr(start, doc.find('"', start) - start));
}

std::vector<std::string> ids_of(const std::vector<std::string>& docs) {
  std::vector<std::string> ids;
  for (const auto& doc : docs) ids.push_back(id_of(doc));
  return ids;
}

std::vector<std::string> ids_of(const std::vector<Document>& documents) {
  std::vector<std::string> ids;
  for (const auto& d : documents) ids.push_back(d.id);
  return ids;
}

// ---------------------------------------------------------------------------
// Restaurants, keys, settings

TEST_P(StoreConformance, RestaurantsRoundTrip) {
  auto r = make_restaurant("Noma \"quoted\" \xC3\xA6", "Europe/Copenhagen");
  s_.restaurants().create_restaurant(r);
  auto found = s_.restaurants().find_restaurant(r.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, r.name);
  EXPECT_EQ(found->timezone, r.timezone);
  EXPECT_EQ(found->created_at, r.created_at);
  EXPECT_FALSE(s_.restaurants().find_restaurant(kNoSuchId));
  EXPECT_EQ(s_.restaurants().list_restaurants().size(), 2u);

  r.name = "Renamed";
  EXPECT_TRUE(s_.restaurants().update_restaurant(r));
  EXPECT_EQ(s_.restaurants().find_restaurant(r.id)->name, "Renamed");
  auto unknown = make_restaurant("Nowhere", "UTC");
  EXPECT_FALSE(s_.restaurants().update_restaurant(unknown));
  EXPECT_FALSE(s_.restaurants().find_restaurant(unknown.id));
}

TEST_P(StoreConformance, RestaurantsAreFoundByTheirUniqueSlug) {
  auto a = make_restaurant("A", "Europe/Copenhagen");
  a.slug = "bistro-a";
  s_.restaurants().create_restaurant(a);
  auto b = make_restaurant("B", "Europe/Copenhagen");  // no slug: no public page
  s_.restaurants().create_restaurant(b);
  auto c = make_restaurant("C", "Europe/Copenhagen");
  s_.restaurants().create_restaurant(c);

  ASSERT_TRUE(s_.restaurants().find_restaurant_by_slug("bistro-a"));
  EXPECT_EQ(s_.restaurants().find_restaurant_by_slug("bistro-a")->id, a.id);
  EXPECT_FALSE(s_.restaurants().find_restaurant_by_slug("bistro-b"));
  EXPECT_FALSE(s_.restaurants().find_restaurant_by_slug(""));  // many have none

  c.slug = "bistro-a";
  expect_conflict([&] { s_.restaurants().update_restaurant(c); }, "a slug another restaurant has");
  a.slug = "bistro-a-moved";
  ASSERT_TRUE(s_.restaurants().update_restaurant(a));
  EXPECT_FALSE(s_.restaurants().find_restaurant_by_slug("bistro-a"));
  EXPECT_EQ(s_.restaurants().find_restaurant_by_slug("bistro-a-moved")->id, a.id);
  EXPECT_TRUE(s_.restaurants().update_restaurant(c));  // now free
  EXPECT_EQ(s_.restaurants().find_restaurant_by_slug("bistro-a")->id, c.id);
}

TEST_P(StoreConformance, DuplicateRestaurantIdIsAConflict) {
  expect_conflict([&] { s_.restaurants().create_restaurant(restaurant_); }, "same restaurant twice");
}

TEST_P(StoreConformance, KeysAreFoundByPrefixAndRevoked) {
  auto k = domain::generate_api_key(restaurant_.id, "pos", kNow);
  s_.restaurants().create_api_key(k.key);

  auto found = s_.restaurants().find_api_keys_by_prefix(k.key.lookup_prefix);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(domain::secret_matches(found[0], k.secret));
  EXPECT_EQ(found[0].label, "pos");
  EXPECT_FALSE(found[0].revoked_at);

  EXPECT_TRUE(s_.restaurants().revoke_api_key(k.key.id, kNow + 5s));
  EXPECT_TRUE(s_.restaurants().revoke_api_key(k.key.id, kNow + 10s));  // idempotent, keeps the first time
  EXPECT_EQ(s_.restaurants().find_api_key(k.key.id)->revoked_at, kNow + 5s);
  EXPECT_EQ(s_.restaurants().find_api_keys_by_prefix(k.key.lookup_prefix).at(0).revoked_at, kNow + 5s)
      << "revoked ones included";
  EXPECT_FALSE(s_.restaurants().revoke_api_key(kNoSuchId, kNow));
}

TEST_P(StoreConformance, KeyOfUnknownRestaurantIsRefused) {
  auto k = domain::generate_api_key(kNoSuchId, "", kNow);
  expect_conflict([&] { s_.restaurants().create_api_key(k.key); }, "key of an unknown restaurant");
  EXPECT_FALSE(s_.restaurants().find_api_key(k.key.id));
}

TEST_P(StoreConformance, KeyUsesOnlyMoveForward) {
  auto k = domain::generate_api_key(restaurant_.id, "", kNow);
  s_.restaurants().create_api_key(k.key);
  std::vector<KeyUse> uses{{k.key.id, kNow + 60s}};
  s_.restaurants().record_key_uses(uses);
  std::vector<KeyUse> older{{k.key.id, kNow + 30s}, {kNoSuchId, kNow}};
  s_.restaurants().record_key_uses(older);
  EXPECT_EQ(s_.restaurants().find_api_key(k.key.id)->last_used_at, kNow + 60s);
}

TEST_P(StoreConformance, ListsAreScopedToTheRestaurant) {
  auto other = make_restaurant("B", "UTC");
  s_.restaurants().create_restaurant(other);
  s_.restaurants().create_api_key(domain::generate_api_key(restaurant_.id, "a1", kNow).key);
  s_.restaurants().create_api_key(domain::generate_api_key(restaurant_.id, "a2", kNow).key);
  s_.restaurants().create_api_key(domain::generate_api_key(other.id, "b1", kNow).key);
  EXPECT_EQ(s_.restaurants().list_api_keys(restaurant_.id).size(), 2u);
  EXPECT_EQ(s_.restaurants().list_api_keys(other.id).size(), 1u);
}

TEST_P(StoreConformance, SettingsUpsert) {
  EXPECT_FALSE(s_.restaurants().get_setting("x"));
  s_.restaurants().put_setting("x", "1");
  s_.restaurants().put_setting("x", "2");
  EXPECT_EQ(s_.restaurants().get_setting("x"), "2");
}

TEST_P(StoreConformance, ConcurrentReadersAndAWriter) {
  std::vector<std::string> ids;
  for (int i = 0; i < 20; ++i) {
    auto r = make_restaurant("R" + std::to_string(i), "UTC");
    s_.restaurants().create_restaurant(r);
    ids.push_back(r.id);
  }
  std::atomic<int> found{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (s_.restaurants().find_restaurant(ids[static_cast<std::size_t>(i) % ids.size()])) ++found;
      }
    });
  }
  threads.emplace_back([&] {
    for (int i = 0; i < 50; ++i) s_.restaurants().put_setting("counter", std::to_string(i));
  });
  for (auto& t : threads) t.join();
  EXPECT_EQ(found.load(), 800);
  EXPECT_EQ(s_.restaurants().get_setting("counter"), "49");
}

// ---------------------------------------------------------------------------
// The data generation: caches of restaurants and keys compare it on each use.

TEST_P(StoreConformance, TheDataGenerationMovesWithWhatCachesHold) {
  auto key = domain::generate_api_key(restaurant_.id, "", kNow);
  auto booking = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  auto user = staff_user(restaurant_.id, "anna");
  const auto session = domain::new_session(user, kNow, {}).session;
  auto renamed = restaurant_;
  renamed.name = "Renamed";
  std::vector<KeyUse> uses{{key.key.id, kNow + 1s}};
  struct Write {
    const char* what;
    std::function<void()> write;
    bool moves;
  };
  const std::vector<Write> writes{
      {"create restaurant", [&] { s_.restaurants().create_restaurant(make_restaurant("New", "UTC")); }, true},
      {"update restaurant", [&] { s_.restaurants().update_restaurant(renamed); }, true},
      {"create key", [&] { s_.restaurants().create_api_key(key.key); }, true},
      {"revoke key", [&] { s_.restaurants().revoke_api_key(key.key.id, kNow); }, true},
      {"put setting", [&] { s_.restaurants().put_setting("x", "1"); }, true},
      {"insert table", [&] { s_.documents().insert_document(document(Collection::tables, "T1", R"({"_id":"T1"})")); },
       true},
      {"update table",
       [&] { s_.documents().update_document(document(Collection::tables, "T1", R"({"_id":"T1","n":1})")); }, true},
      {"erase table", [&] { s_.documents().erase_document(Collection::tables, restaurant_.id, "T1"); }, true},
      // Written on nearly every request: moving the generation for them would
      // empty the restaurant and key caches for nothing.
      {"record key use", [&] { s_.restaurants().record_key_uses(uses); }, false},
      {"insert booking", [&] { s_.bookings().insert_booking(booking); }, false},
      {"update booking", [&] { s_.bookings().update_booking(booking); }, false},
      {"append history", [&] { s_.bookings().append_booking_history(restaurant_.id, booking.id, kNow, "{}"); }, false},
      {"put idempotency key",
       [&] {
         s_.bookings().put_idempotency_key(restaurant_.id, "k", {"h", booking.id, kNow});
       },
       false},
      {"erase booking", [&] { s_.bookings().erase_booking(restaurant_.id, booking.id); }, false},
      {"insert customer",
       [&] { s_.documents().insert_document(document(Collection::customers, "C1", R"({"_id":"C1"})")); }, false},
      {"insert hold", [&] { s_.documents().insert_document(document(Collection::holds, "H1", R"({"_id":"H1"})")); },
       false},
      {"create staff user", [&] { s_.staff().create_staff_user(user); }, false},
      {"create session", [&] { s_.staff().create_session(session); }, false},
      {"rolled-back setting",
       [&] {
         EXPECT_THROW(s_.atomically([&] {
           s_.restaurants().put_setting("y", "1");
           throw std::runtime_error("undo");
         }),
                      std::runtime_error);
       },
       false},
  };
  for (const auto& w : writes) {
    const auto before = s_.restaurants().data_generation();
    w.write();
    EXPECT_EQ(s_.restaurants().data_generation() != before, w.moves) << w.what;
  }
}

TEST_P(StoreConformance, ASecondInstanceSeesARevocationAtOnce) {
  auto other = open_another();
  auto k = domain::generate_api_key(restaurant_.id, "pos", kNow);
  s_.restaurants().create_api_key(k.key);
  ASSERT_EQ(other->restaurants().find_api_keys_by_prefix(k.key.lookup_prefix).size(), 1u);
  EXPECT_FALSE(other->restaurants().find_api_keys_by_prefix(k.key.lookup_prefix)[0].revoked_at);
  const auto seen = other->restaurants().data_generation();

  ASSERT_TRUE(s_.restaurants().revoke_api_key(k.key.id, kNow + 1s));
  EXPECT_NE(other->restaurants().data_generation(), seen) << "the other instance's caches must learn of it";
  auto found = other->restaurants().find_api_keys_by_prefix(k.key.lookup_prefix);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].revoked_at, kNow + 1s);
}

TEST_P(StoreConformance, ASecondInstanceSeesARestaurantChangeThroughItsCache) {
  auto other = open_another();
  ASSERT_EQ(other->restaurants().find_restaurant(restaurant_.id)->name, "R");  // cached there now
  auto renamed = restaurant_;
  renamed.name = "Renamed";
  ASSERT_TRUE(s_.restaurants().update_restaurant(renamed));
  EXPECT_EQ(other->restaurants().find_restaurant(restaurant_.id)->name, "Renamed");
}

// ---------------------------------------------------------------------------
// Documents

TEST_P(StoreConformance, DocumentsAreInsertedFoundUpdatedAndErased) {
  s_.documents().insert_document(document(Collection::areas, "A1", R"({"_id":"A1","name":"Inside"})"));
  auto found = s_.documents().find_document(Collection::areas, restaurant_.id, "A1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, "A1");
  EXPECT_EQ(found->json, R"({"_id":"A1","name":"Inside"})");
  EXPECT_FALSE(found->deleted);
  EXPECT_FALSE(s_.documents().find_document(Collection::tables, restaurant_.id, "A1")) << "another collection";
  EXPECT_FALSE(s_.documents().find_document(Collection::areas, kNoSuchId, "A1")) << "another restaurant";

  EXPECT_TRUE(s_.documents().update_document(document(Collection::areas, "A1", R"({"_id":"A1","name":"Terrace"})")));
  EXPECT_EQ(s_.documents().find_document(Collection::areas, restaurant_.id, "A1")->json,
            R"({"_id":"A1","name":"Terrace"})");
  EXPECT_FALSE(s_.documents().update_document(document(Collection::areas, "A2", R"({"_id":"A2"})")));
  EXPECT_FALSE(s_.documents().find_document(Collection::areas, restaurant_.id, "A2")) << "an update creates nothing";

  EXPECT_TRUE(s_.documents().erase_document(Collection::areas, restaurant_.id, "A1"));
  EXPECT_FALSE(s_.documents().find_document(Collection::areas, restaurant_.id, "A1"));
  EXPECT_FALSE(s_.documents().erase_document(Collection::areas, restaurant_.id, "A1"));
  expect_conflict(
      [&] {
        auto w = document(Collection::areas, "A3", R"({"_id":"A3"})");
        w.restaurant_id = kNoSuchId;
        s_.documents().insert_document(w);
      },
      "document of an unknown restaurant");
}

TEST_P(StoreConformance, DocumentsListInInsertionOrderAndSoftDeletedOnlyWhenAsked) {
  for (const char* id : {"T3", "T1", "T2"}) {
    s_.documents().insert_document(document(Collection::tables, id, std::string(R"({"_id":")") + id + "\"}"));
  }
  auto gone = document(Collection::tables, "T1", R"({"_id":"T1","deleted":true})");
  gone.deleted = true;
  ASSERT_TRUE(s_.documents().update_document(gone));
  s_.documents().insert_document(document(Collection::areas, "A1", R"({"_id":"A1"})"));

  EXPECT_EQ(ids_of(s_.documents().list_documents(Collection::tables, restaurant_.id, false)),
            (std::vector<std::string>{"T3", "T2"}));
  const auto all = s_.documents().list_documents(Collection::tables, restaurant_.id, true);
  EXPECT_EQ(ids_of(all), (std::vector<std::string>{"T3", "T1", "T2"}));
  EXPECT_TRUE(all[1].deleted);
  EXPECT_FALSE(all[0].deleted);
  EXPECT_TRUE(s_.documents().find_document(Collection::tables, restaurant_.id, "T1")->deleted) << "found, and says so";
  EXPECT_TRUE(s_.documents().list_documents(Collection::tables, kNoSuchId, true).empty());
}

TEST_P(StoreConformance, AUniqueKeyClashesOnlyAmongLiveDocuments) {
  s_.documents().insert_document(document(Collection::tables, "T1", R"({"_id":"T1"})", "table 1"));
  expect_conflict(
      [&] { s_.documents().insert_document(document(Collection::tables, "T2", R"({"_id":"T2"})", "table 1")); },
      "insert with a live document's key");
  s_.documents().insert_document(document(Collection::tables, "T2", R"({"_id":"T2"})", "table 2"));
  expect_conflict(
      [&] { s_.documents().update_document(document(Collection::tables, "T2", R"({"_id":"T2"})", "table 1")); },
      "update to a live document's key");
  // Other collections, other restaurants and keyless documents do not clash.
  s_.documents().insert_document(document(Collection::areas, "A1", R"({"_id":"A1"})", "table 1"));
  auto other = make_restaurant("B", "UTC");
  s_.restaurants().create_restaurant(other);
  auto elsewhere = document(Collection::tables, "T1", R"({"_id":"T1"})", "table 1");
  elsewhere.restaurant_id = other.id;
  s_.documents().insert_document(elsewhere);
  s_.documents().insert_document(document(Collection::tables, "T3", R"({"_id":"T3"})"));
  s_.documents().insert_document(document(Collection::tables, "T4", R"({"_id":"T4"})"));

  auto gone = document(Collection::tables, "T1", R"({"_id":"T1"})", "table 1");
  gone.deleted = true;
  ASSERT_TRUE(s_.documents().update_document(gone));
  s_.documents().insert_document(document(Collection::tables, "T5", R"({"_id":"T5"})", "table 1"));
  EXPECT_TRUE(s_.documents().find_document(Collection::tables, restaurant_.id, "T5"));
}

TEST_P(StoreConformance, QueryDocumentsFiltersSortsAndPagesLiveDocuments) {
  struct Customer {
    const char* id;
    int visits;
    bool vip;
  };
  // Inserted out of id order, one second apart: createdAt is insertion order.
  const Customer customers[] = {{"c4", 3, true}, {"c2", 9, false}, {"c6", 5, true},
                                {"c1", 3, true}, {"c5", 7, true},  {"c3", 1, true}};
  auto at = kNow;
  for (const auto& c : customers) {
    auto w = document(Collection::customers, c.id,
                      std::string(R"({"_id":")") + c.id + R"(","visits":)" + std::to_string(c.visits) + R"(,"vip":)" +
                          (c.vip ? "true" : "false") + "}");
    w.at = at += 1s;
    s_.documents().insert_document(w);
  }
  auto gone = document(Collection::customers, "c5", R"({"_id":"c5","visits":7,"vip":true})");
  gone.deleted = true;
  ASSERT_TRUE(s_.documents().update_document(gone));
  s_.documents().insert_document(document(Collection::orders, "o1", R"({"_id":"o1","visits":4,"vip":true})"));

  DocumentQuery q{Collection::customers, restaurant_.id};
  EXPECT_EQ(ids_of(s_.documents().query_documents(q)), (std::vector<std::string>{"c4", "c2", "c6", "c1", "c3"}))
      << "by createdAt, without the soft-deleted one or other collections";

  const auto filter = domain::parse_search_expression("vip:true");
  const auto sort = domain::parse_sort("visits:-1");
  q.filter = &filter;
  q.sort = &sort;
  EXPECT_EQ(ids_of(s_.documents().query_documents(q)), (std::vector<std::string>{"c6", "c1", "c4", "c3"}))
      << "ties by id";
  q.skip = 1;
  q.limit = 2;
  EXPECT_EQ(ids_of(s_.documents().query_documents(q)), (std::vector<std::string>{"c1", "c4"}));
  q.restaurant_id = kNoSuchId;
  EXPECT_TRUE(s_.documents().query_documents(q).empty());
}

TEST_P(StoreConformance, CustomersAreFoundByEmailIgnoringCaseOrByPhone) {
  s_.documents().insert_document(
      document(Collection::customers, "C1", R"({"_id":"C1","email":"Anna@Example.com","phone":"+4511111111"})"));
  s_.documents().insert_document(document(Collection::customers, "C2", R"({"_id":"C2","phone":"+4522222222"})"));
  auto by_email = s_.guests().find_customer_document(restaurant_.id, "anna@example.COM", "");
  ASSERT_TRUE(by_email);
  EXPECT_EQ(by_email->id, "C1");
  EXPECT_EQ(by_email->json, R"({"_id":"C1","email":"Anna@Example.com","phone":"+4511111111"})");
  EXPECT_EQ(s_.guests().find_customer_document(restaurant_.id, "", "+4522222222")->id, "C2");
  EXPECT_EQ(s_.guests().find_customer_document(restaurant_.id, "someone@else.com", "+4522222222")->id, "C2");
  EXPECT_FALSE(s_.guests().find_customer_document(restaurant_.id, "someone@else.com", "+4599999999"));
  EXPECT_FALSE(s_.guests().find_customer_document(restaurant_.id, "", ""));
  EXPECT_FALSE(s_.guests().find_customer_document(kNoSuchId, "anna@example.com", "+4511111111"));
}

// What a booking asks of its guest: the customer with the e-mail or phone,
// else the candidate inserted; then that customer decoded, to be written back.
TEST_P(StoreConformance, FindOrAddCustomerFindsByContactElseInsertsTheCandidate) {
  domain::Customer anna;
  anna.id = "C1";
  anna.name = "Anna";
  anna.email = "Anna@Example.com";
  anna.created_at = kNow;
  store::FoundCustomer first;
  s_.atomically([&] { first = s_.guests().find_or_add_customer(restaurant_.id, anna); });
  EXPECT_TRUE(first.created);
  EXPECT_EQ(first.id, "C1");

  auto again = anna;
  again.id = "C2";
  again.email = "anna@example.COM";
  store::FoundCustomer second;
  s_.atomically([&] { second = s_.guests().find_or_add_customer(restaurant_.id, again); });
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.id, "C1");
  EXPECT_FALSE(s_.documents().find_document(Collection::customers, restaurant_.id, "C2"));

  s_.atomically([&] {
    auto locked = s_.guests().find_customer_for_update(restaurant_.id, "C1");
    ASSERT_TRUE(locked);
    EXPECT_EQ(locked->customer.name, "Anna");
    EXPECT_EQ(locked->customer.email, "Anna@Example.com");
    EXPECT_NE(locked->stored_json.find("\"Anna\""), std::string::npos) << locked->stored_json;
    EXPECT_FALSE(s_.guests().find_customer_for_update(restaurant_.id, "C9"));
  });
}

TEST_P(StoreConformance, CustomerStatsCountTheBodysOwnWrites) {
  auto for_customer = [&](const std::string& start, const std::string& customer) {
    auto b = make_booking(restaurant_.id, start, 2);
    b.customer_id = customer;
    return b;
  };
  s_.bookings().insert_booking(for_customer("2026-12-04T18:00:00Z", "C1"));
  s_.bookings().insert_booking(for_customer("2026-12-10T18:00:00Z", "C1"));
  s_.bookings().insert_booking(for_customer("2026-12-20T18:00:00Z", "C2"));
  auto stats = s_.guests().customer_booking_stats(restaurant_.id, "C1");
  EXPECT_EQ(stats.booking_count, 2);
  EXPECT_EQ(stats.first, core::parse_utc("2026-12-04T18:00:00Z"));
  EXPECT_EQ(stats.last, core::parse_utc("2026-12-10T18:00:00Z"));

  EXPECT_THROW(s_.atomically([&] {
    s_.bookings().insert_booking(for_customer("2026-11-30T18:00:00Z", "C1"));
    const auto inside = s_.guests().customer_booking_stats(restaurant_.id, "C1");
    EXPECT_EQ(inside.booking_count, 3);
    EXPECT_EQ(inside.first, core::parse_utc("2026-11-30T18:00:00Z"));
    throw std::runtime_error("undo");
  }),
               std::runtime_error);
  EXPECT_EQ(s_.guests().customer_booking_stats(restaurant_.id, "C1").booking_count, 2);
  const auto none = s_.guests().customer_booking_stats(restaurant_.id, "C9");
  EXPECT_EQ(none.booking_count, 0);
  EXPECT_FALSE(none.first);
  EXPECT_FALSE(none.last);
}

TEST_P(StoreConformance, ExpiredHoldsArePurged) {
  auto hold = [&](const std::string& id, core::SystemTime expires) {
    return document(Collection::holds, id,
                    R"({"_id":")" + id + R"(","expiresAt":")" + core::format_utc(expires) + "\"}");
  };
  s_.documents().insert_document(hold("H1", kNow - 1s));
  s_.documents().insert_document(hold("H2", kNow + 1s));
  auto other = make_restaurant("B", "UTC");
  s_.restaurants().create_restaurant(other);
  auto elsewhere = hold("H3", kNow - 60s);
  elsewhere.restaurant_id = other.id;
  s_.documents().insert_document(elsewhere);

  EXPECT_EQ(s_.bookings().purge_expired_holds(kNow), 2u) << "every restaurant's";
  EXPECT_EQ(ids_of(s_.documents().list_documents(Collection::holds, restaurant_.id, true)),
            std::vector<std::string>{"H2"});
  EXPECT_TRUE(s_.documents().list_documents(Collection::holds, other.id, true).empty());
  EXPECT_EQ(s_.bookings().purge_expired_holds(kNow), 0u);
}

// ---------------------------------------------------------------------------
// Manage tokens

TEST_P(StoreConformance, ManageTokensAreFoundByHashMovedErasedAndPurged) {
  auto token = [&](const std::string& hash, const std::string& booking, core::SystemTime expires) {
    return ManageToken{hash, restaurant_.id, booking, expires, kNow};
  };
  // Several tokens per booking are normal (one per e-mail).
  s_.manage_tokens().insert_manage_token(token("aa01", "B1", kNow + 60s));
  s_.manage_tokens().insert_manage_token(token("aa02", "B1", kNow + 60s));
  s_.manage_tokens().insert_manage_token(token("bb01", "B2", kNow - 1s));

  auto found = s_.manage_tokens().find_manage_token("aa02");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->restaurant_id, restaurant_.id);
  EXPECT_EQ(found->booking_id, "B1");
  EXPECT_EQ(found->expires_at, kNow + 60s);
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_FALSE(s_.manage_tokens().find_manage_token("zz99").has_value());
  expect_conflict([&] { s_.manage_tokens().insert_manage_token(token("aa01", "B3", kNow)); }, "same hash twice");

  s_.atomically([&] { s_.manage_tokens().set_manage_token_expiry(restaurant_.id, "B1", kNow + 3600s); });
  EXPECT_EQ(s_.manage_tokens().find_manage_token("aa01")->expires_at, kNow + 3600s);
  EXPECT_EQ(s_.manage_tokens().find_manage_token("aa02")->expires_at, kNow + 3600s);
  EXPECT_EQ(s_.manage_tokens().find_manage_token("bb01")->expires_at, kNow - 1s) << "other bookings keep theirs";

  EXPECT_EQ(s_.manage_tokens().purge_expired_manage_tokens(kNow), 1u);
  EXPECT_FALSE(s_.manage_tokens().find_manage_token("bb01").has_value());
  EXPECT_EQ(s_.manage_tokens().purge_expired_manage_tokens(kNow), 0u);

  s_.manage_tokens().erase_manage_tokens(restaurant_.id, "B1");
  EXPECT_FALSE(s_.manage_tokens().find_manage_token("aa01").has_value());
  EXPECT_FALSE(s_.manage_tokens().find_manage_token("aa02").has_value());
}

// ---------------------------------------------------------------------------
// Staff users and sessions

TEST_P(StoreConformance, StaffUsersAreFoundByNameAndUniquePerRestaurant) {
  auto other = make_restaurant("B", "UTC");
  s_.restaurants().create_restaurant(other);
  const auto anna = staff_user(restaurant_.id, "Anna", domain::Role::owner);
  s_.staff().create_staff_user(anna);
  s_.staff().create_staff_user(staff_user(restaurant_.id, "bo"));
  s_.staff().create_staff_user(staff_user(other.id, "anna"));  // another restaurant: its own names

  auto found = s_.staff().find_staff_user(restaurant_.id, "anna");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, anna.id);
  EXPECT_EQ(found->username, "Anna");
  EXPECT_EQ(found->role, domain::Role::owner);
  EXPECT_EQ(found->password_hash, anna.password_hash);
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_FALSE(s_.staff().find_staff_user(restaurant_.id, "Anna")) << "found by the key, which is lower-cased";
  EXPECT_EQ(s_.staff().find_staff_users_named("anna").size(), 2u);
  const auto users = s_.staff().list_staff_users(restaurant_.id);
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].username_key, "anna");
  EXPECT_EQ(users[1].username_key, "bo");

  expect_conflict([&] { s_.staff().create_staff_user(staff_user(restaurant_.id, "ANNA")); }, "a taken username");
  expect_conflict([&] { s_.staff().create_staff_user(staff_user(kNoSuchId, "carl")); },
                  "user of an unknown restaurant");
}

TEST_P(StoreConformance, SessionsAreFoundByEitherHashAndRevoked) {
  auto user = staff_user(restaurant_.id, "anna", domain::Role::manager);
  s_.staff().create_staff_user(user);
  const auto session = domain::new_session(user, kNow, {}).session;
  s_.staff().create_session(session);

  auto by_access = s_.staff().find_session_by_access(session.access_hash);
  ASSERT_TRUE(by_access);
  EXPECT_EQ(by_access->id, session.id);
  EXPECT_EQ(by_access->family_id, session.family_id);
  EXPECT_EQ(by_access->user_id, user.id);
  EXPECT_EQ(by_access->restaurant_id, restaurant_.id);
  EXPECT_EQ(by_access->role, domain::Role::manager);
  EXPECT_EQ(by_access->access_expires_at, session.access_expires_at);
  EXPECT_EQ(by_access->refresh_expires_at, session.refresh_expires_at);
  EXPECT_FALSE(by_access->revoked_at);
  EXPECT_EQ(s_.staff().find_session_by_refresh(session.refresh_hash)->id, session.id);
  EXPECT_FALSE(s_.staff().find_session_by_access(session.refresh_hash)) << "each hash finds it only as what it is";

  EXPECT_TRUE(s_.staff().revoke_session(session.id, kNow + 1s));
  EXPECT_FALSE(s_.staff().revoke_session(session.id, kNow + 2s)) << "already revoked";
  EXPECT_FALSE(s_.staff().revoke_session(kNoSuchId, kNow));
  EXPECT_EQ(s_.staff().find_session_by_access(session.access_hash)->revoked_at, kNow + 1s);
}

TEST_P(StoreConformance, AFamilyIsRevokedTogether) {
  auto user = staff_user(restaurant_.id, "anna");
  s_.staff().create_staff_user(user);
  const auto first = domain::new_session(user, kNow, {}).session;
  const auto second = domain::new_session(user, kNow + 1s, {}, first.family_id).session;
  const auto third = domain::new_session(user, kNow + 2s, {}, first.family_id).session;
  const auto unrelated = domain::new_session(user, kNow, {}).session;
  for (const auto& s : {first, second, third, unrelated}) s_.staff().create_session(s);
  ASSERT_TRUE(s_.staff().revoke_session(first.id, kNow + 1s));  // rotated: revoked already

  EXPECT_EQ(s_.staff().revoke_session_family(first.family_id, kNow + 5s), 2u) << "the live ones";
  EXPECT_EQ(s_.staff().find_session_by_access(first.access_hash)->revoked_at, kNow + 1s);
  EXPECT_EQ(s_.staff().find_session_by_access(third.access_hash)->revoked_at, kNow + 5s);
  EXPECT_FALSE(s_.staff().find_session_by_access(unrelated.access_hash)->revoked_at);
}

TEST_P(StoreConformance, ANewPasswordRevokesTheUsersSessions) {
  auto user = staff_user(restaurant_.id, "anna");
  auto colleague = staff_user(restaurant_.id, "bo");
  s_.staff().create_staff_user(user);
  s_.staff().create_staff_user(colleague);
  const auto session = domain::new_session(user, kNow, {}).session;
  const auto theirs = domain::new_session(colleague, kNow, {}).session;
  s_.staff().create_session(session);
  s_.staff().create_session(theirs);

  EXPECT_TRUE(s_.staff().set_staff_password(user.id, "$argon2id$new", kNow + 10s));
  const auto changed = s_.staff().find_staff_user(restaurant_.id, "anna");
  EXPECT_EQ(changed->password_hash, "$argon2id$new");
  EXPECT_EQ(changed->password_changed_at, kNow + 10s);
  EXPECT_EQ(s_.staff().find_session_by_access(session.access_hash)->revoked_at, kNow + 10s);
  EXPECT_FALSE(s_.staff().find_session_by_access(theirs.access_hash)->revoked_at);
  EXPECT_FALSE(s_.staff().set_staff_password(kNoSuchId, "$argon2id$new", kNow));
}

TEST_P(StoreConformance, DeletingAUserEndsItsSessions) {
  auto user = staff_user(restaurant_.id, "anna");
  s_.staff().create_staff_user(user);
  const auto session = domain::new_session(user, kNow, {}).session;
  s_.staff().create_session(session);
  EXPECT_TRUE(s_.staff().delete_staff_user(user.id));
  EXPECT_FALSE(s_.staff().find_staff_user(restaurant_.id, "anna"));
  EXPECT_FALSE(s_.staff().find_session_by_access(session.access_hash));
  EXPECT_FALSE(s_.staff().find_session_by_refresh(session.refresh_hash));
  EXPECT_FALSE(s_.staff().delete_staff_user(user.id));
}

TEST_P(StoreConformance, SessionsWhoseRefreshExpiredArePurged) {
  auto user = staff_user(restaurant_.id, "anna");
  s_.staff().create_staff_user(user);
  const domain::SessionLifetimes lifetimes{1h, 24h};
  const auto old = domain::new_session(user, kNow - 48h, lifetimes).session;
  const auto access_expired = domain::new_session(user, kNow - 2h, lifetimes).session;  // refresh still works
  s_.staff().create_session(old);
  s_.staff().create_session(access_expired);
  EXPECT_EQ(s_.staff().purge_expired_sessions(kNow), 1u);
  EXPECT_FALSE(s_.staff().find_session_by_refresh(old.refresh_hash));
  EXPECT_TRUE(s_.staff().find_session_by_refresh(access_expired.refresh_hash));
}

// ---------------------------------------------------------------------------
// Bookings

TEST_P(StoreConformance, StoredBookingIsServedAsWritten) {
  auto b = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  s_.bookings().insert_booking(b);
  auto found = s_.bookings().find_booking(restaurant_.id, b.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(json::booking_to_json(*found), json::booking_to_json(b));
  BookingQuery q;
  q.restaurant_id = restaurant_.id;
  auto docs = s_.bookings().list_booking_documents(q);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0], json::booking_to_json(b));
  EXPECT_FALSE(s_.bookings().find_booking(kNoSuchId, b.id)) << "another restaurant must not see it";

  b.people = 5;
  b.status = "approved";
  EXPECT_TRUE(s_.bookings().update_booking(b));
  EXPECT_EQ(json::booking_to_json(*s_.bookings().find_booking(restaurant_.id, b.id)), json::booking_to_json(b));
  auto unknown = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  EXPECT_FALSE(s_.bookings().update_booking(unknown));
  EXPECT_FALSE(s_.bookings().find_booking(restaurant_.id, unknown.id));
}

// What the availability engine reads: only bookings that hold tables, in the
// window, with the fields seating needs equal to the full document's.
TEST_P(StoreConformance, SeatingBookingsAreTheHoldingOnesInTheWindow) {
  std::vector<std::string> holding;
  for (const char* status :
       {"request", "approved", "arrived", "seated", "left", "waitlist", "declined", "canceled", "no_show"}) {
    auto b = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 3, status);
    b.tables = {{"T1", "Table 1", "A1", "Inside"}, {"T2", "Table 2", "A1", "Inside"}};
    b.duration = 150;
    if (std::string(status) == "left") b.stamps.left_at = *core::parse_utc("2026-12-04T19:10:00Z");
    s_.bookings().insert_booking(b);
    if (domain::holds_tables(status)) holding.push_back(b.id);
  }
  s_.bookings().insert_booking(make_booking(restaurant_.id, "2026-12-05T18:00:00Z", 2));  // outside the window
  const auto from = *core::parse_utc("2026-12-04T00:00:00Z");
  const auto to = *core::parse_utc("2026-12-05T00:00:00Z");
  const auto found = s_.bookings().seating_bookings_between(restaurant_.id, from, to);
  std::vector<std::string> ids;
  for (const auto& b : found) {
    ids.push_back(b.id);
    const auto full = *s_.bookings().find_booking(restaurant_.id, b.id);
    EXPECT_EQ(b.date, full.date);
    EXPECT_EQ(b.date_time, full.date_time);
    EXPECT_EQ(b.people, 3);
    EXPECT_EQ(b.duration, 150);
    EXPECT_EQ(b.status, full.status);
    ASSERT_EQ(b.tables.size(), 2u);
    EXPECT_EQ(b.tables[0].id, "T1");
    EXPECT_EQ(b.tables[1].id, "T2");
    EXPECT_EQ(b.stamps.left_at, full.stamps.left_at);
  }
  std::ranges::sort(ids);
  std::ranges::sort(holding);
  EXPECT_EQ(ids, holding);
  EXPECT_EQ(s_.bookings().bookings_starting_between(restaurant_.id, from, to).size(), 9u) << "every status, [from, to)";
}

TEST_P(StoreConformance, ListFiltersByStartAndConfirmationAndPagesStably) {
  for (int i = 0; i < 30; ++i) {
    s_.bookings().insert_booking(
        make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 1 + i % 5, i % 2 ? "approved" : "request"));
  }
  s_.bookings().insert_booking(make_booking(restaurant_.id, "2026-12-05T18:00:00Z", 2));
  BookingQuery q;
  q.restaurant_id = restaurant_.id;
  q.to = *core::parse_utc("2026-12-04T23:59:59Z");
  q.limit = 7;
  std::vector<std::string> seen;
  for (q.skip = 0;; q.skip += q.limit) {
    auto page = s_.bookings().list_booking_documents(q);
    for (const auto& doc : page) seen.push_back(json::booking_from_stored(doc).id);
    if (static_cast<long long>(page.size()) < q.limit) break;
  }
  EXPECT_EQ(seen.size(), 30u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << "same start: ties broken by id";
  q.skip = 0;
  q.limit = 100;
  q.only_confirmed = true;
  EXPECT_EQ(s_.bookings().list_booking_documents(q).size(), 15u);
  q.only_confirmed = false;
  q.to.reset();
  q.from = *core::parse_utc("2026-12-05T18:00:00Z");
  EXPECT_EQ(s_.bookings().list_booking_documents(q).size(), 1u) << "from is inclusive";
}

TEST_P(StoreConformance, ErasingABookingTakesItsHistoryKeysOrdersAndFeedback) {
  auto b = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  s_.bookings().insert_booking(b);
  s_.bookings().append_booking_history(restaurant_.id, b.id, kNow, R"({"action":"created"})");
  s_.bookings().append_booking_history(restaurant_.id, b.id, kNow + 1s, R"({"action":"approved"})");
  s_.bookings().put_idempotency_key(restaurant_.id, "k1", {"hash", b.id, kNow});
  const std::string attached = R"(","bookingId":")" + b.id + "\"}";
  s_.documents().insert_document(document(Collection::orders, "O1", R"({"_id":"O1)" + attached));
  s_.documents().insert_document(document(Collection::feedback, "F1", R"({"_id":"F1)" + attached));
  s_.documents().insert_document(document(Collection::orders, "O2", R"({"_id":"O2","bookingId":"another"})"));
  EXPECT_EQ(s_.bookings().booking_history(restaurant_.id, b.id),
            (std::vector<std::string>{R"({"action":"created"})", R"({"action":"approved"})"}))
      << "oldest first";

  EXPECT_TRUE(s_.bookings().erase_booking(restaurant_.id, b.id));
  EXPECT_FALSE(s_.bookings().find_booking(restaurant_.id, b.id));
  EXPECT_TRUE(s_.bookings().booking_history(restaurant_.id, b.id).empty());
  EXPECT_FALSE(s_.bookings().find_idempotency_key(restaurant_.id, "k1"));
  EXPECT_FALSE(s_.documents().find_document(Collection::orders, restaurant_.id, "O1"));
  EXPECT_FALSE(s_.documents().find_document(Collection::feedback, restaurant_.id, "F1"));
  EXPECT_TRUE(s_.documents().find_document(Collection::orders, restaurant_.id, "O2"));
  EXPECT_FALSE(s_.bookings().erase_booking(restaurant_.id, b.id));
}

TEST_P(StoreConformance, OldIdempotencyKeysArePurged) {
  s_.bookings().put_idempotency_key(restaurant_.id, "old", {"h", kNoSuchId, kNow - 49h});
  s_.bookings().put_idempotency_key(restaurant_.id, "new", {"h2", "BBBBBBBBBBBBBBBBB", kNow});
  EXPECT_EQ(s_.bookings().purge_idempotency_keys(kNow - 48h), 1u);
  EXPECT_FALSE(s_.bookings().find_idempotency_key(restaurant_.id, "old"));
  const auto kept = s_.bookings().find_idempotency_key(restaurant_.id, "new");
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->request_hash, "h2");
  EXPECT_EQ(kept->booking_id, "BBBBBBBBBBBBBBBBB");
  EXPECT_EQ(kept->created_at, kNow);
  EXPECT_FALSE(s_.bookings().find_idempotency_key(kNoSuchId, "new"));
}

TEST_P(StoreConformance, CountsOnlyUpcomingHoldingBookingsOfATable) {
  auto with_table = [&](std::string start, std::string status) {
    auto b = make_booking(restaurant_.id, start, 2, status);
    b.tables.push_back({"TTTTTTTTTTTTTTTTT", "T1", "", ""});
    s_.bookings().insert_booking(b);
  };
  with_table("2026-12-04T18:00:00Z", "request");
  with_table("2026-12-05T18:00:00Z", "approved");
  with_table("2026-12-06T18:00:00Z", "canceled");
  with_table("2026-11-01T18:00:00Z", "approved");  // past
  EXPECT_EQ(s_.bookings().count_bookings_holding_table(restaurant_.id, "TTTTTTTTTTTTTTTTT", kNow), 2u);
  EXPECT_EQ(s_.bookings().count_bookings_holding_table(restaurant_.id, "XXXXXXXXXXXXXXXXX", kNow), 0u);
}

// ---------------------------------------------------------------------------
// Atomic bodies

TEST_P(StoreConformance, AFailedAtomicBodyLeavesNothingBehind) {
  auto b = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  EXPECT_THROW(s_.atomically([&] {
    s_.bookings().insert_booking(b);
    s_.bookings().append_booking_history(restaurant_.id, b.id, kNow, "{}");
    throw std::runtime_error("the check after the write failed");
  }),
               std::runtime_error);
  EXPECT_FALSE(s_.bookings().find_booking(restaurant_.id, b.id));
  EXPECT_TRUE(s_.bookings().booking_history(restaurant_.id, b.id).empty());
}

TEST_P(StoreConformance, AFailedDayScopedBodyLeavesNothingBehind) {
  auto b = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  EXPECT_THROW(s_.atomically_for_day(restaurant_.id, b.date,
                                     [&] {
                                       s_.bookings().insert_booking(b);
                                       s_.bookings().put_idempotency_key(restaurant_.id, "k1", {"h", b.id, kNow});
                                       ASSERT_TRUE(s_.bookings().find_booking(restaurant_.id, b.id))
                                           << "reads see the body";
                                       throw std::runtime_error("over capacity");
                                     }),
               std::runtime_error);
  EXPECT_FALSE(s_.bookings().find_booking(restaurant_.id, b.id));
  EXPECT_FALSE(s_.bookings().find_idempotency_key(restaurant_.id, "k1"));
  // And a body that returns commits.
  s_.atomically_for_day(restaurant_.id, b.date, [&] { s_.bookings().insert_booking(b); });
  EXPECT_TRUE(s_.bookings().find_booking(restaurant_.id, b.id));
}

// Nested bodies join the outer one: they neither deadlock on its locks nor
// commit early, so the outer failure takes their writes back too.
TEST_P(StoreConformance, NestedAtomicBodiesJoinTheOuterOne) {
  auto first = make_booking(restaurant_.id, "2026-12-04T18:00:00Z", 2);
  auto second = make_booking(restaurant_.id, "2026-12-09T18:00:00Z", 2);
  auto third = make_booking(restaurant_.id, "2026-12-04T20:00:00Z", 2);
  EXPECT_THROW(s_.atomically([&] {
    s_.bookings().insert_booking(first);
    s_.atomically_for_day(restaurant_.id, second.date, [&] {
      s_.bookings().insert_booking(second);
      s_.atomically([&] { s_.restaurants().put_setting("inner", "1"); });
      EXPECT_TRUE(s_.bookings().find_booking(restaurant_.id, first.id)) << "the outer body's write";
    });
    EXPECT_TRUE(s_.bookings().find_booking(restaurant_.id, second.id));
    throw std::runtime_error("undo all");
  }),
               std::runtime_error);
  EXPECT_FALSE(s_.bookings().find_booking(restaurant_.id, first.id));
  EXPECT_FALSE(s_.bookings().find_booking(restaurant_.id, second.id));
  EXPECT_FALSE(s_.restaurants().get_setting("inner"));

  s_.atomically_for_day(restaurant_.id, third.date, [&] {
    s_.atomically_for_day(restaurant_.id, third.date, [&] { s_.bookings().insert_booking(third); });
  });
  EXPECT_TRUE(s_.bookings().find_booking(restaurant_.id, third.id));
}

// Two writers, each on its own instance (as two processes would be), both
// check "at most kLimit bookings that day" and then book. Serialised bodies
// can never exceed the limit, however the threads interleave.
TEST_P(StoreConformance, DayScopedBodiesNeverOverbook) {
  constexpr int kRounds = 25;
  constexpr int kAttemptsPerWriter = 3;
  constexpr std::size_t kLimit = 4;
  auto other = open_another();
  std::barrier round_start(2);
  std::mutex errors_mutex;
  std::vector<std::string> errors;
  std::atomic<std::size_t> most_seen{0};

  auto day_of = [](int round) { return std::string("2027-01-") + (round < 9 ? "0" : "") + std::to_string(round + 1); };
  auto writer = [&](Store& store) {
    for (int round = 0; round < kRounds; ++round) {
      const auto day = day_of(round);
      const auto from = *core::parse_utc(day + "T00:00:00Z");
      round_start.arrive_and_wait();  // both writers contend for the same day
      for (int attempt = 0; attempt < kAttemptsPerWriter; ++attempt) {
        try {
          store.atomically_for_day(restaurant_.id, day, [&] {
            const auto booked = store.bookings().bookings_starting_between(restaurant_.id, from, from + 24h).size();
            std::size_t seen = most_seen.load();
            while (booked > seen && !most_seen.compare_exchange_weak(seen, booked)) {
            }
            if (booked >= kLimit) return;
            std::this_thread::yield();  // invites the other writer in, were it not kept out
            store.bookings().insert_booking(make_booking(restaurant_.id, day + "T19:00:00Z", 2));
          });
        } catch (const std::exception& e) {
          std::lock_guard lock(errors_mutex);
          errors.push_back(e.what());
        }
      }
    }
  };
  std::thread a(writer, std::ref(s_));
  std::thread b(writer, std::ref(*other));
  a.join();
  b.join();

  EXPECT_TRUE(errors.empty()) << errors.size() << " failed, first: " << errors.front();
  EXPECT_LE(most_seen.load(), kLimit);
  for (int round = 0; round < kRounds; ++round) {
    const auto from = *core::parse_utc(day_of(round) + "T00:00:00Z");
    EXPECT_EQ(s_.bookings().bookings_starting_between(restaurant_.id, from, from + 24h).size(), kLimit)
        << day_of(round);
  }
}

// ---------------------------------------------------------------------------
// Guest e-mails: the queue and log (store/guest_message_repository.hpp)

domain::GuestMessage guest_message(const std::string& restaurant_id, const std::string& booking_id,
                                   std::string dedupe_key, core::SystemTime due) {
  domain::GuestMessage m;
  m.id = core::new_id();
  m.restaurant_id = restaurant_id;
  m.booking_id = booking_id;
  m.kind = "confirmed";
  m.language = "da";
  m.to_address = "ada@example.com";
  m.created_at = due;  // lists are in order of creation
  m.next_attempt_at = due;
  m.dedupe_key = std::move(dedupe_key);
  return m;
}

TEST_P(StoreConformance, GuestMessagesQueueOnceAndList) {
  auto first = guest_message(restaurant_.id, "B1", "event:E1", kNow);
  EXPECT_TRUE(s_.guest_messages().queue_guest_message(first));
  EXPECT_FALSE(s_.guest_messages().queue_guest_message(guest_message(restaurant_.id, "B1", "event:E1", kNow)));
  auto second = guest_message(restaurant_.id, "B1", "event:E2", kNow + 1min);
  second.sequence = 1;
  EXPECT_TRUE(s_.guest_messages().queue_guest_message(second));
  EXPECT_TRUE(s_.guest_messages().queue_guest_message(guest_message(restaurant_.id, "B2", "event:E3", kNow)));
  const auto listed = s_.guest_messages().list_guest_messages(restaurant_.id, "B1");
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, first.id);
  EXPECT_EQ(listed[0].status, "queued");
  EXPECT_EQ(listed[0].language, "da");
  EXPECT_EQ(listed[0].created_at, kNow);
  EXPECT_EQ(listed[0].next_attempt_at, kNow);
  EXPECT_FALSE(listed[0].sent_at);
  EXPECT_EQ(listed[1].sequence, 1);
  EXPECT_TRUE(s_.guest_messages().list_guest_messages("other", "B1").empty());
}

TEST_P(StoreConformance, GuestMessagesClaimDueOnceThenFinish) {
  ASSERT_TRUE(s_.guest_messages().queue_guest_message(guest_message(restaurant_.id, "B1", "a", kNow - 1min)));
  ASSERT_TRUE(s_.guest_messages().queue_guest_message(guest_message(restaurant_.id, "B1", "b", kNow + 1h)));
  auto claimed = s_.guest_messages().claim_due_guest_messages(kNow, 10, kNow + 10min);
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_EQ(claimed[0].dedupe_key, "a");
  EXPECT_EQ(claimed[0].attempts, 1);
  EXPECT_EQ(claimed[0].next_attempt_at, kNow + 10min);
  // Leased: not claimed again until the lease ends, by this or another instance.
  EXPECT_TRUE(s_.guest_messages().claim_due_guest_messages(kNow + 1min, 10, kNow + 20min).empty());
  EXPECT_TRUE(open_another()->guest_messages().claim_due_guest_messages(kNow + 1min, 10, kNow + 20min).empty());

  auto done = claimed[0];
  done.status = "sent";
  done.sent_at = kNow + 1min;
  done.message_id = done.id + "@maitred";
  s_.guest_messages().finish_guest_message_attempt(done);
  EXPECT_TRUE(s_.guest_messages().claim_due_guest_messages(kNow + 1h, 10, kNow + 2h).size() == 1u);  // only "b"
  const auto listed = s_.guest_messages().list_guest_messages(restaurant_.id, "B1");
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].status, "sent");
  EXPECT_EQ(listed[0].sent_at, kNow + 1min);
  EXPECT_EQ(listed[0].message_id, done.id + "@maitred");
}

TEST_P(StoreConformance, GuestMessagesClaimedByOneOfTwoInstances) {
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(s_.guest_messages().queue_guest_message(
        guest_message(restaurant_.id, "B1", "k" + std::to_string(i), kNow - 1min)));
  }
  auto other = open_another();
  std::vector<domain::GuestMessage> mine, theirs;
  std::thread t([&] {
    for (int i = 0; i < 10; ++i) {
      auto got = other->guest_messages().claim_due_guest_messages(kNow, 2, kNow + 10min);
      theirs.insert(theirs.end(), got.begin(), got.end());
    }
  });
  for (int i = 0; i < 10; ++i) {
    auto got = s_.guest_messages().claim_due_guest_messages(kNow, 2, kNow + 10min);
    mine.insert(mine.end(), got.begin(), got.end());
  }
  t.join();
  std::set<std::string> ids;
  for (const auto& m : mine) ids.insert(m.id);
  for (const auto& m : theirs) EXPECT_TRUE(ids.insert(m.id).second) << "claimed twice: " << m.id;
  EXPECT_EQ(ids.size(), 20u);
}

TEST_P(StoreConformance, ErasingABookingErasesItsMessages) {
  auto b = make_booking(restaurant_.id, "2026-12-18T18:30:00Z", 2);
  s_.bookings().insert_booking(b);
  ASSERT_TRUE(s_.guest_messages().queue_guest_message(guest_message(restaurant_.id, b.id, "x", kNow)));
  ASSERT_TRUE(s_.bookings().erase_booking(restaurant_.id, b.id));
  EXPECT_TRUE(s_.guest_messages().list_guest_messages(restaurant_.id, b.id).empty());
}

// ---------------------------------------------------------------------------
// PostgreSQL only: day-scoped bodies of different days run side by side,
// while a plain atomically() body waits for them (store.hpp, pg_store.hpp).

class PgDayLocks : public StoreTest {
 protected:
  PgDayLocks() : StoreTest(Kind::postgresql) {}

  // Holds a day-scoped body for `day` open on a thread of its own until
  // release() (or the destructor) lets it finish.
  class OpenDay {
   public:
    OpenDay(Store& store, const std::string& restaurant_id, const std::string& day)
        : done_(std::async(std::launch::async, [&store, restaurant_id, day, this] {
            try {
              store.atomically_for_day(restaurant_id, day, [this] {
                entered_ = true;
                inside_.count_down();
                release_.wait();
              });
            } catch (...) {
              if (!entered_) inside_.count_down();  // the constructor must not wait for good
              throw;
            }
          })) {
      inside_.wait();
      if (!entered_) done_.get();  // throws what kept the body out
    }
    ~OpenDay() { release(); }
    void release() {
      if (!released_.exchange(true)) release_.count_down();
    }
    bool finished() { return done_.wait_for(0s) == std::future_status::ready; }
    void join() { done_.get(); }

   private:
    std::latch inside_{1};
    std::latch release_{1};
    std::atomic<bool> entered_{false};
    std::atomic<bool> released_{false};
    std::future<void> done_;
  };

  // Advisory-lock requests in this test's database that are waiting.
  long long waiting_lock_requests() {
    postgres::ConnectOptions options;
    options.url = url_.postgresql_url;
    postgres::Connection connection(options);
    return connection
        .exec(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
        .integer(0, 0);
  }

  // Polls until `count` lock requests wait; false if that never happens.
  bool until_waiting(long long count) {
    for (int poll = 0; poll < 2000; ++poll) {
      if (waiting_lock_requests() == count) return true;
      std::this_thread::sleep_for(5ms);
    }
    return false;
  }
};

TEST_F(PgDayLocks, BodiesForOtherDaysOrRestaurantsDoNotWait) {
  auto other = make_restaurant("B", "UTC");
  s_.restaurants().create_restaurant(other);
  OpenDay open(s_, restaurant_.id, "2026-12-04");
  // Each finishes while the open body is still inside: nothing waited on it.
  // (The 10th, not the 6th: days two apart share the lock of the day between.)
  // Were one to wait, it would run into the statement timeout and throw.
  s_.atomically_for_day(restaurant_.id, "2026-12-10",
                        [&] { s_.bookings().insert_booking(make_booking(restaurant_.id, "2026-12-10T18:00:00Z", 2)); });
  s_.atomically_for_day(other.id, "2026-12-04",
                        [&] { s_.bookings().insert_booking(make_booking(other.id, "2026-12-04T18:00:00Z", 2)); });
  EXPECT_FALSE(open.finished());
  open.release();
  open.join();
}

TEST_F(PgDayLocks, TheNextDayWaitsForAnOpenDay) {
  // A late dinner on the 4th runs into the 5th: a body for the 5th re-checks it.
  OpenDay open(s_, restaurant_.id, "2026-12-04");
  auto next_day = std::async(std::launch::async, [&] { s_.atomically_for_day(restaurant_.id, "2026-12-05", [] {}); });
  ASSERT_TRUE(until_waiting(1)) << "the body for the next day never waited";
  EXPECT_EQ(next_day.wait_for(0s), std::future_status::timeout);
  open.release();
  open.join();
  next_day.get();
}

TEST_F(PgDayLocks, APlainAtomicBodyWaitsForAnOpenDay) {
  OpenDay open(s_, restaurant_.id, "2026-12-04");
  std::atomic<bool> ran{false};
  auto plain = std::async(std::launch::async, [&] { s_.atomically([&] { ran = true; }); });
  ASSERT_TRUE(until_waiting(1)) << "the plain body never waited";
  EXPECT_FALSE(ran.load());
  open.release();
  open.join();
  plain.get();
  EXPECT_TRUE(ran.load());
}

// --- The event log (store/event_log.hpp) ---

domain::Event event_about(const std::string& restaurant_id, std::string type, std::string resource_id,
                          core::SystemTime at = kNow) {
  domain::Event e;
  e.id = core::new_id();
  e.restaurant_id = restaurant_id;
  e.type = std::move(type);
  e.at = at;
  e.actor = {"apiKey", "K1"};
  e.resource_id = std::move(resource_id);
  return e;
}

TEST_P(StoreConformance, EventsAreNumberedPerRestaurantAtCommitAndVanishWithARollback) {
  auto other = make_restaurant("Other", "UTC");
  s_.restaurants().create_restaurant(other);
  auto& log = s_.events();
  s_.atomically([&] {
    log.append_event(event_about(restaurant_.id, "booking.created", "B1"));
    log.append_event(event_about(other.id, "table.created", "T1"));
    log.append_event(event_about(restaurant_.id, "booking.updated", "B1"));
    EXPECT_EQ(log.event_range(restaurant_.id).latest, 0u) << "nothing is written before the commit";
  });
  EXPECT_THROW(s_.atomically([&] {
    log.append_event(event_about(restaurant_.id, "booking.deleted", "B1"));
    throw std::runtime_error("rolled back");
  }),
               std::runtime_error);
  log.append_event(event_about(restaurant_.id, "hold.created", "H1"));  // outside a body: at once

  auto page = log.read_events({restaurant_.id, 0, 100, {}});
  ASSERT_EQ(page.events.size(), 3u);
  EXPECT_EQ(page.events[0].sequence, 1u);
  EXPECT_EQ(page.events[0].type, "booking.created");
  EXPECT_EQ(page.events[0].actor.id, "K1");
  EXPECT_EQ(page.events[1].sequence, 2u);
  EXPECT_EQ(page.events[1].type, "booking.updated");
  EXPECT_EQ(page.events[2].type, "hold.created");
  EXPECT_EQ(page.next, 3u);
  EXPECT_FALSE(page.more);
  EXPECT_EQ(log.event_range(restaurant_.id).latest, 3u);
  auto theirs = log.read_events({other.id, 0, 100, {}});
  ASSERT_EQ(theirs.events.size(), 1u);
  EXPECT_EQ(theirs.events[0].sequence, 1u);
}

TEST_P(StoreConformance, EventPagesFollowTheCursorAndTheTypeFilter) {
  auto& log = s_.events();
  for (int i = 0; i < 5; ++i) {
    log.append_event(event_about(restaurant_.id, i % 2 == 0 ? "booking.created" : "table_combination.updated",
                                 "R" + std::to_string(i)));
  }
  auto first = log.read_events({restaurant_.id, 0, 2, {}});
  ASSERT_EQ(first.events.size(), 2u);
  EXPECT_TRUE(first.more);
  EXPECT_EQ(first.next, 2u);
  auto rest = log.read_events({restaurant_.id, first.next, 10, {}});
  ASSERT_EQ(rest.events.size(), 3u);
  EXPECT_EQ(rest.events[0].sequence, 3u);
  EXPECT_FALSE(rest.more);

  auto combos = log.read_events({restaurant_.id, 0, 10, {"table_combination.*"}});
  ASSERT_EQ(combos.events.size(), 2u);
  EXPECT_EQ(combos.next, 5u) << "past the events the filter skipped";
  // '_' is no wildcard: "table.*" does not match table_combination events.
  EXPECT_TRUE(log.read_events({restaurant_.id, 0, 10, {"table.*"}}).events.empty());
  EXPECT_EQ(log.read_events({restaurant_.id, 0, 10, {"booking.created", "table_combination.updated"}}).events.size(),
            5u);
  EXPECT_EQ(log.read_events({restaurant_.id, 0, 10, {"*"}}).events.size(), 5u);
}

TEST_P(StoreConformance, PurgingEventsRemembersWhereTheFeedNowStarts) {
  auto& log = s_.events();
  log.append_event(event_about(restaurant_.id, "booking.created", "B1", kNow - 48h));
  log.append_event(event_about(restaurant_.id, "booking.created", "B2", kNow - 47h));
  log.append_event(event_about(restaurant_.id, "booking.created", "B3", kNow));
  EXPECT_EQ(log.purge_events(kNow - 24h), 2u);
  auto range = log.event_range(restaurant_.id);
  EXPECT_EQ(range.latest, 3u);
  EXPECT_EQ(range.purged_through, 2u);
  auto page = log.read_events({restaurant_.id, range.purged_through, 10, {}});
  ASSERT_EQ(page.events.size(), 1u);
  EXPECT_EQ(page.events[0].resource_id, "B3");
  EXPECT_EQ(log.purge_events(kNow - 24h), 0u);
  EXPECT_EQ(log.event_range(restaurant_.id).purged_through, 2u);
}

TEST_P(StoreConformance, ACommitWithEventsRingsTheBellOfItsRestaurant) {
  auto& bell = s_.events().bell();
  // On PostgreSQL the server store's listener rings too: once for
  // everything when it connects, and again when the NOTIFY of this commit
  // comes back. Those extra rings are allowed there, and only there.
  const bool only_commits_ring = GetParam() == Kind::sqlite;
  const auto before = bell.rings(restaurant_.id);
  std::atomic<int> woken{0};
  bell.wait(restaurant_.id, before, [&] { ++woken; });
  s_.atomically([&] { s_.restaurants().put_setting("no events", "1"); });
  if (only_commits_ring) EXPECT_EQ(woken.load(), 0);
  s_.atomically([&] { s_.events().append_event(event_about(restaurant_.id, "booking.created", "B1")); });
  EXPECT_EQ(woken.load(), 1) << "a waiter is called once";
  if (only_commits_ring)
    EXPECT_EQ(bell.rings(restaurant_.id), before + 1);
  else
    EXPECT_GE(bell.rings(restaurant_.id), before + 1);
}

// Events committed through another instance (another process) reach this
// one's waiters: on PostgreSQL by NOTIFY; the embedded store has one
// server process, whose own commits ring.
TEST_P(StoreConformance, AnotherProcesssEventsWakeThisOnesWaitersOnPostgresql) {
  if (GetParam() != Kind::postgresql) GTEST_SKIP() << "one server process per SQLite store";
  auto& bell = s_.events().bell();
  std::mutex mutex;
  std::condition_variable rang;
  bool woken = false;
  const auto seen = bell.rings(restaurant_.id);
  bell.wait(restaurant_.id, seen, [&] {
    std::lock_guard lock(mutex);
    woken = true;
    rang.notify_all();
  });
  auto another = open_another();
  another->events().append_event(event_about(restaurant_.id, "booking.created", "B1"));
  std::unique_lock lock(mutex);
  EXPECT_TRUE(rang.wait_for(lock, 20s, [&] { return woken; })) << "no NOTIFY arrived";
}

}  // namespace
}  // namespace maitred::store
