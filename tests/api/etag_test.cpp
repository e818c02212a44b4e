// ETag and If-None-Match on GETs of documents and lists, in both dialects.

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class EtagTest : public SetupApiBase {
 protected:
  Reply get_if_none_match(const std::string& target, const std::string& tags) {
    return send("GET", target, {{"Authorization", basic_auth(key())}, {"If-None-Match", tags}});
  }

  // A 200 GET carries an ETag; sending it back is a 304 without a body but
  // with the same ETag and the headers every answer has.
  std::string expect_revalidates(const std::string& target) {
    Reply full = call("GET", target);
    EXPECT_EQ(full.status, 200u) << target << ": " << full.body;
    const std::string tag = full.header("etag");
    EXPECT_EQ(tag.size(), 18u) << target;
    Reply same = call("GET", target);
    EXPECT_EQ(same.header("etag"), tag) << "ETags must be stable: " << target;

    Reply cached = get_if_none_match(target, tag);
    EXPECT_EQ(cached.status, 304u) << target << ": " << cached.body;
    EXPECT_TRUE(cached.body.empty());
    EXPECT_EQ(cached.header("etag"), tag);
    EXPECT_TRUE(cached.has("retry-after"));
    EXPECT_TRUE(cached.has("x-request-id"));
    EXPECT_FALSE(cached.has("content-type"));
    EXPECT_EQ(get_if_none_match(target, "\"stale\", W/" + tag).status, 304u) << target;
    EXPECT_EQ(get_if_none_match(target, "*").status, 304u) << target;
    EXPECT_EQ(get_if_none_match(target, "\"stale\"").status, 200u) << target;
    return tag;
  }
};

TEST_F(EtagTest, DocumentsAndListsRevalidateInBothDialects) {
  const std::string id = create("/v1/areas", R"({"name":"Terrace"})");
  for (const std::string base : {"/v1", "/api/v3"}) {
    SCOPED_TRACE(base);
    expect_revalidates(base + "/areas/" + id);
    expect_revalidates(base + "/areas");
    expect_revalidates(base + "/restaurant");
  }
  // The same bytes under both dialects have the same ETag.
  EXPECT_EQ(call("GET", "/v1/areas/" + id).header("etag"), call("GET", "/api/v3/areas/" + id).header("etag"));
}

TEST_F(EtagTest, ChangedDataHasANewEtag) {
  const std::string id = create("/v1/areas", R"({"name":"Terrace"})");
  const std::string document = expect_revalidates("/api/v3/areas/" + id);
  const std::string list = expect_revalidates("/v1/areas");

  expect_true(call("PUT", "/v1/areas/" + id, R"({"name":"Garden"})"));

  Reply fresh = get_if_none_match("/api/v3/areas/" + id, document);
  EXPECT_EQ(fresh.status, 200u);
  EXPECT_NE(fresh.body.find("Garden"), std::string::npos) << fresh.body;
  EXPECT_NE(fresh.header("etag"), document);
  EXPECT_EQ(get_if_none_match("/api/v3/areas/" + id, fresh.header("etag")).status, 304u);

  Reply fresh_list = get_if_none_match("/v1/areas", list);
  EXPECT_EQ(fresh_list.status, 200u);
  EXPECT_NE(fresh_list.header("etag"), list);
}

TEST_F(EtagTest, OnlySuccessfulGetsCarryAnEtag) {
  EXPECT_FALSE(call("GET", "/v1/areas/AAAAAAAAAAAAAAAAA").has("etag"));
  Reply created = call("POST", "/api/v3/areas", R"({"name":"Terrace"})");
  EXPECT_EQ(created.status, 201u);
  EXPECT_FALSE(created.has("etag"));
  // A 404 stays a 404 whatever If-None-Match says.
  EXPECT_EQ(get_if_none_match("/v1/areas/AAAAAAAAAAAAAAAAA", "*").status, 404u);
}

}  // namespace
}  // namespace maitred::test
