#include "http/static_asset.hpp"

#include <gtest/gtest.h>

#include "web/assets.hpp"

namespace maitred::http {
namespace {

TEST(StaticAsset, TheBestAcceptableCodingIsChosen) {
  EXPECT_EQ(preferred_coding(""), ContentCoding::identity);
  EXPECT_EQ(preferred_coding("gzip, deflate, br, zstd"), ContentCoding::brotli);
  EXPECT_EQ(preferred_coding("gzip"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("GZIP;q=0.5"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("br;q=0, gzip"), ContentCoding::gzip);
  EXPECT_EQ(preferred_coding("br;q=0.0, gzip;q=0.000"), ContentCoding::identity);
  EXPECT_EQ(preferred_coding("*"), ContentCoding::brotli);
  EXPECT_EQ(preferred_coding("*;q=0, identity"), ContentCoding::identity);
  EXPECT_EQ(preferred_coding("deflate"), ContentCoding::identity);
}

TEST(StaticAsset, EveryBundledAssetHasAllThreeEncodingsAndAnEtag) {
  ASSERT_NE(web::find_asset("/widget.js"), nullptr);
  ASSERT_NE(web::find_asset("/book"), nullptr);
  for (const web::Asset& asset : web::all_assets()) {
    EXPECT_GT(asset.identity.size, 0u) << asset.path;
    EXPECT_GT(asset.gzip.size, 0u) << asset.path;
    EXPECT_GT(asset.brotli.size, 0u) << asset.path;
    EXPECT_EQ(asset.etag.size(), 18u) << asset.path;
    EXPECT_EQ(asset.immutable, asset.path.starts_with("/assets/")) << asset.path;
  }
}

// The booking page's budget (issue: at most 60 KB compressed for the page's
// own assets): the shell, its script and its style, as browsers get them.
TEST(StaticAsset, TheBookingPageStaysWithinSixtyKilobytesCompressed) {
  std::size_t brotli = 0;
  std::size_t gzip = 0;
  for (const web::Asset& asset : web::all_assets()) {
    if (asset.path == "/book" || asset.path.starts_with("/assets/booking.")) {
      brotli += asset.brotli.size;
      gzip += asset.gzip.size;
    }
  }
  EXPECT_GT(gzip, 0u);
  EXPECT_LE(gzip, 60u * 1024) << "gzip";
  EXPECT_LE(brotli, 60u * 1024) << "brotli";
}

}  // namespace
}  // namespace maitred::http
