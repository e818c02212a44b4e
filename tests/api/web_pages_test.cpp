// The booking page, its assets and the widget: served from the binary with
// the right media types, encodings, caching and security headers; and the
// public restaurant endpoint the page starts from.

#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class WebPagesTest : public SetupApiBase {
 protected:
  std::string slug() { return string_at(call("GET", "/v1/restaurant").body, "slug"); }

  // The hashed script a page names.
  std::string script_path(const std::string& page) {
    const auto end_of_name = page.find(".js\"");
    const auto start = page.rfind("/assets/", end_of_name);
    EXPECT_NE(start, std::string::npos) << page;
    return page.substr(start, end_of_name + 3 - start);
  }
};

TEST_F(WebPagesTest, EveryRestaurantGetsAUniqueSlugFromItsName) {
  const Tenant first = new_tenant("Slug Test: Café Ørsted");
  EXPECT_EQ(string_at(get_with_key("/v1/restaurant", first.key).body, "slug"), "slug-test-cafe-orsted");
  const Tenant twin = new_tenant("Slug Test: Café Ørsted");
  EXPECT_EQ(string_at(get_with_key("/v1/restaurant", twin.key).body, "slug"), "slug-test-cafe-orsted-2");
}

TEST_F(WebPagesTest, TheBookingPageIsHtmlWithAStrictContentSecurityPolicy) {
  Reply page = get("/book/" + slug());
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(page.header("cache-control"), "no-cache");
  const std::string csp = page.header("content-security-policy");
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
  EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_EQ(page.header("x-content-type-options"), "nosniff");
  // Script and style inline, allowed by their hashes only.
  EXPECT_NE(csp.find("script-src 'self' 'sha256-"), std::string::npos) << csp;
  EXPECT_NE(csp.find("style-src 'self' 'sha256-"), std::string::npos) << csp;
  // The restaurant is in the page: the first step needs no second request.
  const std::string name = string_at(call("GET", "/v1/restaurant").body, "name");
  EXPECT_NE(page.body.find("\"name\":\"" + name + "\""), std::string::npos);

  Reply unknown = get("/book/no-such-restaurant");
  EXPECT_EQ(unknown.status, 404u);
  EXPECT_NE(unknown.body.find(">null</script>"), std::string::npos);
}

TEST_F(WebPagesTest, ARestaurantNameCannotEndTheScriptItIsWrittenInto) {
  expect_true(call("PUT", "/v1/restaurant", R"({"name":"Bistro </script><script>alert(1)</script>"})"));
  Reply page = get("/book/" + slug());
  ASSERT_EQ(page.status, 200u);
  EXPECT_EQ(page.body.find("</script><script>alert(1)"), std::string::npos);
  EXPECT_NE(page.body.find("Bistro \\u003c/script>\\u003cscript>alert(1)\\u003c/script>"), std::string::npos)
      << page.body.substr(page.body.find("restaurant-data"), 300);
}

TEST_F(WebPagesTest, HashedAssetsAreCachedForAYearInTheBestEncodingTheClientTakes) {
  const std::string script = script_path(get("/manage/some-token").body);

  Reply plain = get(script);
  ASSERT_EQ(plain.status, 200u);
  EXPECT_EQ(plain.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(plain.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_FALSE(plain.has("content-encoding"));
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");

  Reply brotli = get(script, {{"Accept-Encoding", "gzip, deflate, br"}});
  EXPECT_EQ(brotli.header("content-encoding"), "br");
  EXPECT_LT(brotli.body.size(), plain.body.size());
  Reply gzip = get(script, {{"Accept-Encoding", "gzip, br;q=0"}});
  EXPECT_EQ(gzip.header("content-encoding"), "gzip");
  EXPECT_EQ(gzip.body.substr(0, 2), "\x1f\x8b");
  Reply star = get(script, {{"Accept-Encoding", "*"}});
  EXPECT_EQ(star.header("content-encoding"), "br");

  // One validator per representation, each revalidating to a 304.
  EXPECT_NE(brotli.header("etag"), plain.header("etag"));
  EXPECT_NE(gzip.header("etag"), brotli.header("etag"));
  Reply cached = get(script, {{"Accept-Encoding", "br"}, {"If-None-Match", brotli.header("etag")}});
  EXPECT_EQ(cached.status, 304u);
  EXPECT_TRUE(cached.body.empty());
}

TEST_F(WebPagesTest, TheWidgetHasAStableNameAndUnknownAssetsAre404) {
  Reply widget = get("/widget.js");
  ASSERT_EQ(widget.status, 200u);
  EXPECT_EQ(widget.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(widget.header("cache-control"), "no-cache");
  EXPECT_NE(widget.body.find("data-restaurant"), std::string::npos);

  Reply missing = get("/assets/booking.0000000000.js");
  EXPECT_EQ(missing.status, 404u);
  EXPECT_EQ(string_at(missing.body, "code"), "not_found");
}

TEST_F(WebPagesTest, ThePublicRestaurantNeedsNoKeyAndShowsOnlyWhatGuestsNeed) {
  expect_true(call("PUT", "/v1/restaurant",
                   R"({"contact":{"phone":"+45 33 12 34 56"},"address":{"street":"Nyhavn 1","city":"København"}})"));
  Reply info = get("/public/" + slug() + "/restaurant");
  ASSERT_EQ(info.status, 200u) << info.body;
  auto doc = parse(info.body);
  EXPECT_EQ(doc["name"].GetString(), string_at(call("GET", "/v1/restaurant").body, "name"));
  EXPECT_STREQ(doc["phone"].GetString(), "+45 33 12 34 56");
  EXPECT_STREQ(doc["address"]["city"].GetString(), "København");
  EXPECT_TRUE(doc["onlineBooking"]["enabled"].GetBool());
  EXPECT_EQ(doc["onlineBooking"]["maxPartySize"].GetInt(), 8);
  EXPECT_STREQ(doc["now"].GetString(), "2026-12-02T10:00:00Z");
  EXPECT_FALSE(doc.HasMember("_id"));
  EXPECT_FALSE(doc.HasMember("allowedOrigins"));

  for (const std::string unknown : {"no-such-place", "NOT-A-SLUG", "x"}) {
    Reply missing = get("/public/" + unknown + "/restaurant");
    EXPECT_EQ(missing.status, 404u) << unknown;
    EXPECT_EQ(string_at(missing.body, "message"), "There is no restaurant at this address: check the link.");
  }
}

TEST_F(WebPagesTest, TheSlugIsEditableValidatedAndUnique) {
  expect_true(call("PUT", "/v1/restaurant", R"({"slug":"nyhavn-bistro"})"));
  EXPECT_EQ(get("/public/nyhavn-bistro/restaurant").status, 200u);

  Reply bad = call("PUT", "/v1/restaurant", R"({"slug":"Nyhavn Bistro"})");
  EXPECT_EQ(bad.status, 422u) << bad.body;
  EXPECT_EQ(string_at(bad.body, "field"), "slug");

  const Tenant other = new_tenant("Other Place");
  Reply taken = call_as(other.key, "PUT", "/v1/restaurant", R"({"slug":"nyhavn-bistro"})");
  EXPECT_EQ(taken.status, 409u) << taken.body;

  Reply origin = call("PUT", "/v1/restaurant", R"({"allowedOrigins":["https://www.example.com/menu"]})");
  EXPECT_EQ(origin.status, 422u) << origin.body;
  expect_true(
      call("PUT", "/v1/restaurant", R"({"allowedOrigins":["https://www.example.com","http://localhost:8080"]})"));
}

}  // namespace
}  // namespace maitred::test
