// Tenant isolation of the setup resources, and their behaviour under
// concurrent writes, against the real server.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <latch>
#include <set>
#include <stdexcept>
#include <thread>

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

// Restaurant A is the fixture's own (key()); restaurant B is made here, with
// the CLI, and has a key of its own. A has one document of every kind.
class SetupIsolationTest : public SetupApiBase {
 protected:
  void SetUp() override {
    SetupApiBase::SetUp();
    if (HasFatalFailure()) return;
    auto made =
        run_maitred({"restaurant", "create", "--name", "Other Place", "--timezone", "UTC", "--data", data().string()});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    b_id_ = string_at(made.out, "_id");
    auto made_key = run_maitred({"key", "create", "--restaurant", b_id_, "--data", data().string()});
    ASSERT_EQ(made_key.exit_code, 0) << made_key.err;
    b_key_ = made_key.last_line();

    area_ = create("/v1/areas", R"({"name":"Terrace"})");
    t1_ = create("/v1/tables", R"({"name":"T1","seatsMax":4,"areaId":")" + area_ + R"("})");
    t2_ = create("/v1/tables", R"({"name":"T2","seatsMax":4})");
    combination_ = create("/v1/tableCombinations", R"({"tableIds":[")" + t1_ + R"(",")" + t2_ + R"("],"seatsMax":8})");
    hour_ = create("/v1/openingHours",
                   R"({"name":"Dinner","day":5,"open":1730,"close":2300,"areaIds":[")" + area_ + R"("]})");
    field_ = create("/v1/customFields", R"({"name":"allergies","openingHourIds":[")" + hour_ + R"("]})");
  }

  struct Doc {
    std::string collection;
    std::string id;
    std::string update;  // a valid PUT body
  };
  std::vector<Doc> a_documents() const {
    return {
        {"/v1/areas", area_, R"({"name":"Stolen"})"},
        {"/v1/tables", t1_, R"({"seatsMax":6})"},
        {"/v1/tableCombinations", combination_, R"({"seatsMax":10})"},
        {"/v1/openingHours", hour_, R"({"close":2330})"},
        {"/v1/customFields", field_, R"({"label":"Stolen"})"},
    };
  }

  Reply as_b(const std::string& method, const std::string& target, const std::string& body = {}) {
    return call_as(b_key_, method, target, body);
  }

  std::string b_id_, b_key_;
  std::string area_, t1_, t2_, combination_, hour_, field_;
};

TEST_F(SetupIsolationTest, AnotherRestaurantsKeyGets404ForEveryDocument) {
  const std::string unknown = "MMMMMMMMMMMMMMMMM";
  for (const auto& doc : a_documents()) {
    SCOPED_TRACE(doc.collection);
    const std::string before = call("GET", doc.collection + "/" + doc.id).body;
    for (const std::string method : {"GET", "PUT", "DELETE"}) {
      SCOPED_TRACE(method);
      const std::string body = method == "PUT" ? doc.update : "";
      Reply theirs = as_b(method, doc.collection + "/" + doc.id, body);
      expect_error(theirs, 404, "not_found", "_id");
      // Word for word what an id that exists nowhere gets: nothing is learnt.
      Reply nowhere = as_b(method, doc.collection + "/" + unknown, body);
      std::string message = string_at(theirs.body, "message");
      if (auto pos = message.find(doc.id); pos != std::string::npos) message.replace(pos, doc.id.size(), unknown);
      EXPECT_EQ(message, string_at(nowhere.body, "message"));
    }
    EXPECT_EQ(call("GET", doc.collection + "/" + doc.id).body, before) << "A's document is untouched";
  }
}

TEST_F(SetupIsolationTest, AnotherRestaurantsListsAreEmpty) {
  for (const std::string collection : {"/v1/areas", "/v1/tables", "/v1/tableCombinations", "/v1/openingHours",
                                       "/v1/openingHours?showDeleted=true", "/v1/customFields"}) {
    SCOPED_TRACE(collection);
    Reply theirs = as_b("GET", collection);
    EXPECT_EQ(theirs.status, 200u);
    EXPECT_EQ(theirs.body, "[]");
    EXPECT_GE(ids_of(read(collection)).size(), 1u) << "A still sees its own";
  }
  // The demo restaurant on the same server does not see A's documents either.
  Reply demo = get_with_key("/v1/tables", demo_key_);
  ASSERT_EQ(demo.status, 200u);
  for (const auto& id : ids_of(parse(demo.body))) {
    EXPECT_NE(id, t1_);
    EXPECT_NE(id, t2_);
  }
}

TEST_F(SetupIsolationTest, AnotherRestaurantCannotReferenceTheseDocuments) {
  expect_error(as_b("POST", "/v1/tables", R"({"name":"B1","seatsMax":4,"areaId":")" + area_ + R"("})"), 404,
               "unknown_reference", "areaId");
  expect_error(as_b("POST", "/v1/tables", R"({"name":"B1","seatsMax":4,"area":{"_id":")" + area_ + R"("}})"), 404,
               "unknown_reference", "areaId");
  expect_error(
      as_b("POST", "/v1/tableCombinations", R"({"tableIds":[")" + t1_ + R"(",")" + t2_ + R"("],"seatsMax":8})"), 404,
      "unknown_reference", "tableIds[0]");
  expect_error(as_b("POST", "/v1/openingHours",
                    R"({"name":"Dinner","day":5,"open":1730,"close":2300,"areaIds":[")" + area_ + R"("]})"),
               404, "unknown_reference", "areaIds[0]");
  expect_error(as_b("POST", "/v1/customFields", R"({"name":"x","openingHourIds":[")" + hour_ + R"("]})"), 404,
               "unknown_reference", "openingHourIds[0]");

  // Nor mix them into its own documents.
  const std::string b_table = call_as(b_key_, "POST", "/v1/tables", R"({"name":"B1","seatsMax":4})").body;
  ASSERT_EQ(b_table.size(), 19u) << b_table;  // the new id in quotes
  expect_error(
      as_b("POST", "/v1/tableCombinations", R"({"tableIds":[)" + b_table + R"(,")" + t1_ + R"("],"seatsMax":8})"), 404,
      "unknown_reference", "tableIds[1]");
  expect_error(as_b("PUT", "/v1/tables/" + b_table.substr(1, 17), R"({"areaId":")" + area_ + R"("})"), 404,
               "unknown_reference", "areaId");
  Reply b_tables = as_b("GET", "/v1/tables");
  auto list = parse(b_tables.body);
  EXPECT_EQ(at(list, "0.areaId"), "null");
  EXPECT_EQ(at(list, "1"), "<absent>");
  EXPECT_EQ(as_b("GET", "/v1/tableCombinations").body, "[]");
}

TEST_F(SetupIsolationTest, RestaurantIdInABodyMustBeTheCallersOwn) {
  const std::string a_id = restaurant_id_;
  expect_error(as_b("POST", "/v1/areas", R"({"name":"Bar","restaurantId":")" + a_id + R"("})"), 422, "invalid_field",
               "restaurantId");
  expect_error(as_b("PUT", "/v1/restaurant", R"({"restaurantId":")" + a_id + R"("})"), 422, "invalid_field",
               "restaurantId");
  expect_error(as_b("PUT", "/v1/restaurant", R"({"_id":")" + a_id + R"(","name":"Hijacked"})"), 422, "invalid_field",
               "_id");
  EXPECT_EQ(as_b("GET", "/v1/areas").body, "[]");
  EXPECT_EQ(at(read("/v1/restaurant"), "name"), q("Setup Test"));
  // Its own id is fine.
  Reply own = as_b("POST", "/v1/areas", R"({"name":"Bar","restaurantId":")" + b_id_ + R"("})");
  EXPECT_EQ(own.status, 200u) << own.body;
}

TEST_F(SetupIsolationTest, TableNamesAreUniquePerRestaurantOnly) {
  Reply r = as_b("POST", "/v1/tables", R"({"name":"T1","seatsMax":2})");
  EXPECT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(at(read("/v1/tables/" + t1_), "seatsMax"), "4");
}

// ---------------------------------------------------------------- concurrency

class SetupConcurrencyTest : public SetupApiBase {
 protected:
  static constexpr int kThreads = 16;

  struct Outcome {
    unsigned status = 0;
    std::string body;
  };

  // Sends one request per body from its own thread and connection, all
  // released at the same moment.
  std::vector<Outcome> at_once(const std::string& method, const std::vector<std::string>& targets,
                               const std::vector<std::string>& bodies) {
    std::vector<HttpClient> clients;
    for (std::size_t i = 0; i < bodies.size(); ++i) clients.push_back(client());
    std::vector<Outcome> outcomes(bodies.size());
    std::latch start(static_cast<std::ptrdiff_t>(bodies.size()));
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < bodies.size(); ++i) {
      threads.emplace_back([&, i] {
        start.arrive_and_wait();
        try {
          Reply r = clients[i].request(method, targets[i],
                                       {{"Authorization", basic_auth(key())}, {"Content-Type", "application/json"}},
                                       bodies[i]);
          outcomes[i] = {r.status, r.body};
        } catch (const std::exception& e) {
          outcomes[i] = {0, e.what()};
        }
      });
    }
    for (auto& t : threads) t.join();
    return outcomes;
  }

  static std::vector<std::string> names_of(const rapidjson::Value& list) {
    std::vector<std::string> names;
    if (!list.IsArray()) return names;
    for (const auto& item : list.GetArray()) names.push_back(at(item, "name"));
    return names;
  }
};

TEST_F(SetupConcurrencyTest, OnlyOneOfManySimultaneousTablesWithTheSameNameIsCreated) {
  const std::vector<std::string> targets(kThreads, "/v1/tables");
  const std::vector<std::string> bodies(kThreads, R"({"name":"Window","seatsMax":4})");
  auto outcomes = at_once("POST", targets, bodies);
  int created = 0;
  int duplicates = 0;
  for (const auto& o : outcomes) {
    if (o.status == 200) {
      ++created;
    } else if (o.status == 422 && string_at(o.body, "code") == "duplicate_name") {
      ++duplicates;
    } else {
      ADD_FAILURE() << "unexpected answer " << o.status << " " << o.body;
    }
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(duplicates, kThreads - 1);
  auto list = read("/v1/tables");
  ASSERT_TRUE(list.IsArray());
  EXPECT_EQ(names_of(list), std::vector<std::string>{q("Window")});
}

TEST_F(SetupConcurrencyTest, SimultaneousTablesWithDifferentNamesAreAllCreated) {
  const std::vector<std::string> targets(kThreads, "/v1/tables");
  std::vector<std::string> bodies;
  for (int i = 0; i < kThreads; ++i) bodies.push_back(R"({"name":"T)" + std::to_string(i) + R"(","seatsMax":4})");
  auto outcomes = at_once("POST", targets, bodies);
  std::set<std::string> ids;
  for (const auto& o : outcomes) {
    EXPECT_EQ(o.status, 200u) << o.body;
    ids.insert(o.body);
  }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kThreads)) << "every table has its own id";
  EXPECT_EQ(ids_of(read("/v1/tables")).size(), static_cast<std::size_t>(kThreads));
}

TEST_F(SetupConcurrencyTest, OnlyOneOfManySimultaneousRenamesToTheSameNameSucceeds) {
  std::vector<std::string> targets;
  for (int i = 0; i < kThreads; ++i) {
    targets.push_back("/v1/tables/" + create("/v1/tables", R"({"name":"T)" + std::to_string(i) + R"(","seatsMax":4})"));
  }
  const std::vector<std::string> bodies(kThreads, R"({"name":"Window"})");
  auto outcomes = at_once("PUT", targets, bodies);
  int renamed = 0;
  for (const auto& o : outcomes) {
    if (o.status == 200) {
      ++renamed;
    } else {
      EXPECT_EQ(o.status, 422u) << o.body;
      EXPECT_EQ(string_at(o.body, "code"), "duplicate_name") << o.body;
    }
  }
  EXPECT_EQ(renamed, 1);
  auto names = names_of(read("/v1/tables"));
  EXPECT_EQ(std::count(names.begin(), names.end(), q("Window")), 1);
  EXPECT_EQ(names.size(), static_cast<std::size_t>(kThreads));
}

}  // namespace
}  // namespace maitred::test
