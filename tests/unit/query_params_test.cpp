#include "http/query_params.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "domain/errors.hpp"

namespace maitred::http {
namespace {

struct Failure {
  std::string code;
  std::string field;
};

Failure failure(const std::function<void()>& f) {
  try {
    f();
  } catch (const domain::InvalidInput& e) {
    return {e.code, e.field};
  }
  ADD_FAILURE() << "no InvalidInput thrown";
  return {"<none>", "<none>"};
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

// --- percent_decode ---------------------------------------------------------------

TEST(QueryParams, PercentDecode) {
  EXPECT_EQ(percent_decode(""), "");
  EXPECT_EQ(percent_decode("plain"), "plain");
  EXPECT_EQ(percent_decode("a%20b"), "a b");
  EXPECT_EQ(percent_decode("a+b"), "a b");
  EXPECT_EQ(percent_decode("a%2Bb"), "a+b");
  EXPECT_EQ(percent_decode("a%2bb"), "a+b");  // lower-case hex
  EXPECT_EQ(percent_decode("%41%42%43"), "ABC");
  EXPECT_EQ(percent_decode("%C3%B8"), "\xC3\xB8");
  EXPECT_EQ(percent_decode("100%25"), "100%");
  EXPECT_EQ(percent_decode("%2525"), "%25");  // decoded once only
  EXPECT_EQ(percent_decode("%26%3D"), "&=");
}

TEST(QueryParams, PercentDecodeRefusesMalformedEscapes) {
  for (const char* bad : {"%", "%4", "%zz", "%4g", "%g4", "a%", "a%2", "%%", "%-1", "% 1", "ok%2x"}) {
    EXPECT_FALSE(percent_decode(bad)) << bad;
  }
}

// --- parsing --------------------------------------------------------------------------

TEST(QueryParams, ParsesPairsInOrder) {
  QueryParams q("date=2026-11-26&people=4&flag");
  EXPECT_EQ(q.all(), (Pairs{{"date", "2026-11-26"}, {"people", "4"}, {"flag", ""}}));
}

TEST(QueryParams, EmptyQuery) {
  QueryParams q("");
  EXPECT_TRUE(q.all().empty());
  EXPECT_FALSE(q.get("a"));
}

TEST(QueryParams, SkipsEmptyPairs) {
  QueryParams q("&&a=1&&&b=2&");
  EXPECT_EQ(q.all(), (Pairs{{"a", "1"}, {"b", "2"}}));
  EXPECT_TRUE(QueryParams("&&").all().empty());
  EXPECT_TRUE(QueryParams("&").all().empty());
}

TEST(QueryParams, DecodesNamesAndValues) {
  QueryParams q("na%6De=J%C3%B8rgen+Hansen&q=a%20b%2Bc&x%3Dy=1&eq=a=b");
  EXPECT_EQ(q.get("name"), "J\xC3\xB8rgen Hansen");
  EXPECT_EQ(q.get("q"), "a b+c");
  EXPECT_EQ(q.get("x=y"), "1");   // an encoded '=' belongs to the name
  EXPECT_EQ(q.get("eq"), "a=b");  // the first raw '=' splits
}

TEST(QueryParams, EmptyNameOrValue) {
  QueryParams q("=v&k=");
  EXPECT_EQ(q.get(""), "v");
  EXPECT_EQ(q.get("k"), "");
}

TEST(QueryParams, MalformedEscapeInValueNamesTheParameter) {
  for (const char* query : {"name=%", "name=%4", "name=%zz", "a=1&name=ab%"}) {
    auto f = failure([&] { QueryParams q(query); });
    EXPECT_EQ(f.code, "invalid_parameter") << query;
    EXPECT_EQ(f.field, "name") << query;
  }
}

TEST(QueryParams, MalformedEscapeInName) {
  for (const char* query : {"%=1", "%4=1", "%zz=1", "%zz"}) {
    auto f = failure([&] { QueryParams q(query); });
    EXPECT_EQ(f.code, "invalid_parameter") << query;
    EXPECT_EQ(f.field, "") << query;
  }
}

TEST(QueryParams, ValuesThatAreNotUtf8NameTheParameter) {
  for (const char* query : {"customQuery=%FF", "a=1&customQuery=%ED%B0%80", "customQuery=%C3", "customQuery=%C0%AF"}) {
    auto f = failure([&] { QueryParams q(query); });
    EXPECT_EQ(f.code, "invalid_parameter") << query;
    EXPECT_EQ(f.field, "customQuery") << query;
  }
  QueryParams ok("name=Sm%C3%B8rrebr%C3%B8d");
  EXPECT_EQ(ok.get("name"),
            "Sm\xc3\xb8rrebr\xc3\xb8"
            "d");
}

TEST(QueryParams, NamesThatAreNotUtf8AreRefused) {
  auto f = failure([] { QueryParams q("%FF=1"); });
  EXPECT_EQ(f.code, "invalid_parameter");
  EXPECT_EQ(f.field, "");
}

TEST(QueryParams, TooManyParameters) {
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "p" + std::to_string(i) + "=" + std::to_string(i) + "&&";
  QueryParams ok(hundred);  // empty pairs do not count
  EXPECT_EQ(ok.all().size(), 100u);
  EXPECT_EQ(ok.get("p99"), "99");

  auto f = failure([&] { QueryParams q(hundred + "one=more"); });
  EXPECT_EQ(f.code, "invalid_parameter");
  EXPECT_EQ(f.field, "");
}

TEST(QueryParams, RepeatedParametersAreAllKept) {
  QueryParams q("a=1&a=2");
  EXPECT_EQ(q.all().size(), 2u);
  EXPECT_EQ(q.get("a"), "1");  // the first wins
}

// --- get -------------------------------------------------------------------------------

TEST(QueryParams, GetIsCaseSensitiveAndExact) {
  QueryParams q("Date=1&date2=2");
  EXPECT_FALSE(q.get("date"));
  EXPECT_EQ(q.get("Date"), "1");
  EXPECT_EQ(q.get("date2"), "2");
}

// --- get_bool ----------------------------------------------------------------------------

TEST(QueryParams, GetBool) {
  QueryParams q("a=true&b=false&c=1&d=0");
  EXPECT_TRUE(q.get_bool("a", false));
  EXPECT_FALSE(q.get_bool("b", true));
  EXPECT_TRUE(q.get_bool("c", false));
  EXPECT_FALSE(q.get_bool("d", true));
}

TEST(QueryParams, GetBoolFallback) {
  QueryParams q("other=1");
  EXPECT_TRUE(q.get_bool("showDeleted", true));
  EXPECT_FALSE(q.get_bool("showDeleted", false));
}

TEST(QueryParams, GetBoolRefusesOtherValues) {
  for (const char* query : {"showDeleted=yes", "showDeleted=TRUE", "showDeleted=True", "showDeleted=", "showDeleted",
                            "showDeleted=2", "showDeleted=true+", "showDeleted=%20true"}) {
    QueryParams q(query);
    auto f = failure([&] { (void)q.get_bool("showDeleted", false); });
    EXPECT_EQ(f.code, "invalid_parameter") << query;
    EXPECT_EQ(f.field, "showDeleted") << query;
  }
}

// --- get_integer ----------------------------------------------------------------------------

TEST(QueryParams, GetInteger) {
  QueryParams q("limit=25&offset=0&delta=-5&big=9000000000");
  EXPECT_EQ(q.get_integer("limit", 10, 1, 100), 25);
  EXPECT_EQ(q.get_integer("offset", 7, 0, 100), 0);
  EXPECT_EQ(q.get_integer("delta", 0, -10, 10), -5);
  EXPECT_EQ(q.get_integer("big", 0, 0, 10'000'000'000LL), 9'000'000'000LL);
}

TEST(QueryParams, GetIntegerFallback) {
  QueryParams q("");
  EXPECT_EQ(q.get_integer("limit", 10, 1, 100), 10);
  // The fallback is returned as given, even outside the range.
  EXPECT_EQ(q.get_integer("limit", 500, 1, 100), 500);
}

TEST(QueryParams, GetIntegerRange) {
  QueryParams q("low=0&high=101&edgeLow=1&edgeHigh=100");
  EXPECT_EQ(q.get_integer("edgeLow", 10, 1, 100), 1);
  EXPECT_EQ(q.get_integer("edgeHigh", 10, 1, 100), 100);
  EXPECT_EQ(failure([&] { (void)q.get_integer("low", 10, 1, 100); }).field, "low");
  EXPECT_EQ(failure([&] { (void)q.get_integer("high", 10, 1, 100); }).field, "high");
}

TEST(QueryParams, GetIntegerRefusesNonNumbers) {
  for (const char* value : {"", "abc", "12abc", "1.5", "4.0", " 4", "4 ", "+4", "0x10", "1e3", "--1",
                            "99999999999999999999", "-99999999999999999999"}) {
    std::string query = std::string("limit=") + value;
    // Spaces cannot be sent raw; encode them.
    for (auto pos = query.find(' '); pos != std::string::npos; pos = query.find(' ')) query.replace(pos, 1, "%20");
    QueryParams q(query);
    auto f = failure([&] { (void)q.get_integer("limit", 10, -1'000'000, 1'000'000); });
    EXPECT_EQ(f.code, "invalid_parameter") << query;
    EXPECT_EQ(f.field, "limit") << query;
  }
}

TEST(QueryParams, GetIntegerWithoutValueIsRefused) {
  QueryParams q("limit");
  EXPECT_EQ(failure([&] { (void)q.get_integer("limit", 10, 1, 100); }).field, "limit");
}

}  // namespace
}  // namespace maitred::http
