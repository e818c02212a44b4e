// ETags and If-None-Match matching (RFC 9110 sections 8.8.3 and 13.1.2).

#include "http/etag.hpp"

#include <gtest/gtest.h>

namespace maitred::http {
namespace {

TEST(StrongEtag, IsAQuotedHashOfTheBody) {
  const auto tag = strong_etag(R"({"a":1})");
  ASSERT_EQ(tag.size(), 18u);
  EXPECT_EQ(tag.front(), '"');
  EXPECT_EQ(tag.back(), '"');
  EXPECT_EQ(tag.find_first_not_of("0123456789abcdef", 1), 17u);
  EXPECT_EQ(tag, strong_etag(R"({"a":1})"));
  EXPECT_NE(tag, strong_etag(R"({"a":2})"));
  EXPECT_EQ(strong_etag(""), "\"ef46db3751d8e999\"");  // XXH64 of nothing, seed 0
}

TEST(IfNoneMatch, MatchesTheSameTag) {
  EXPECT_TRUE(if_none_match_matches(R"("abc")", R"("abc")"));
  EXPECT_FALSE(if_none_match_matches(R"("abd")", R"("abc")"));
  EXPECT_FALSE(if_none_match_matches(R"("ab")", R"("abc")"));
  EXPECT_FALSE(if_none_match_matches("", R"("abc")"));
}

TEST(IfNoneMatch, StarMatchesAnyCurrentRepresentation) {
  EXPECT_TRUE(if_none_match_matches("*", R"("abc")"));
  EXPECT_TRUE(if_none_match_matches(" * ", R"("abc")"));
  EXPECT_FALSE(if_none_match_matches(R"(*, "x")", R"("abc")"));  // malformed
}

TEST(IfNoneMatch, ListsMatchAnyMember) {
  EXPECT_TRUE(if_none_match_matches(R"("x", "abc")", R"("abc")"));
  EXPECT_TRUE(if_none_match_matches(R"("x","y" ,  "abc")", R"("abc")"));
  EXPECT_TRUE(if_none_match_matches(R"(, "abc",)", R"("abc")"));
  EXPECT_FALSE(if_none_match_matches(R"("x", "y")", R"("abc")"));
}

TEST(IfNoneMatch, UsesTheWeakComparison) {
  EXPECT_TRUE(if_none_match_matches(R"(W/"abc")", R"("abc")"));
  EXPECT_TRUE(if_none_match_matches(R"("x", W/"abc")", R"("abc")"));
  EXPECT_TRUE(if_none_match_matches(R"("abc")", R"(W/"abc")"));
  EXPECT_FALSE(if_none_match_matches(R"(w/"abc")", R"("abc")"));  // W/ is case-sensitive
}

TEST(IfNoneMatch, MalformedElementsMatchNothingFromThereOn) {
  EXPECT_FALSE(if_none_match_matches("abc", R"("abc")"));  // unquoted
  EXPECT_FALSE(if_none_match_matches(R"("abc)", R"("abc")"));
  EXPECT_FALSE(if_none_match_matches(R"(x, "abc")", R"("abc")"));
  EXPECT_TRUE(if_none_match_matches(R"("abc", x)", R"("abc")"));  // matched before the garbage
  EXPECT_FALSE(if_none_match_matches(R"("x"y, "abc")", R"("abc")"));
}

Request get_with(std::vector<std::pair<std::string_view, std::string_view>> headers, Method method = Method::get) {
  Request r;
  r.method = method;
  r.headers = std::move(headers);
  return r;
}

TEST(ConditionalGet, A200GetGetsAnEtag) {
  Response r = Response::json(200, "[1,2]");
  apply_conditional_get(get_with({}), r);
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, "[1,2]");
  EXPECT_EQ(r.header("ETag"), strong_etag("[1,2]"));
}

TEST(ConditionalGet, AMatchingIfNoneMatchIs304WithoutBodyButWithTheEtag) {
  const auto tag = strong_etag("[1,2]");
  Response r = Response::json(200, "[1,2]");
  apply_conditional_get(get_with({{"if-none-match", tag}}), r);
  EXPECT_EQ(r.status, 304u);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.header("ETag"), tag);
}

TEST(ConditionalGet, AnyOfSeveralFieldsMayMatch) {
  const auto tag = strong_etag("[1,2]");
  Response r = Response::json(200, "[1,2]");
  apply_conditional_get(get_with({{"If-None-Match", "\"old\""}, {"If-None-Match", tag}}), r);
  EXPECT_EQ(r.status, 304u);
}

TEST(ConditionalGet, AStaleTagGetsTheFullAnswer) {
  Response r = Response::json(200, "[1,2]");
  apply_conditional_get(get_with({{"If-None-Match", strong_etag("[1]")}}), r);
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, "[1,2]");
}

TEST(ConditionalGet, OnlyGetsAnswered200AreTouched) {
  Response created = Response::json(201, "{}");
  apply_conditional_get(get_with({{"If-None-Match", "*"}}, Method::post), created);
  EXPECT_EQ(created.status, 201u);
  EXPECT_TRUE(created.header("ETag").empty());

  Response put = Response::json(200, "true");
  apply_conditional_get(get_with({{"If-None-Match", "*"}}, Method::put), put);
  EXPECT_EQ(put.status, 200u);
  EXPECT_TRUE(put.header("ETag").empty());

  Response missing = Response::json(404, "{}");
  apply_conditional_get(get_with({{"If-None-Match", "*"}}), missing);
  EXPECT_EQ(missing.status, 404u);
  EXPECT_TRUE(missing.header("ETag").empty());
}

}  // namespace
}  // namespace maitred::http
