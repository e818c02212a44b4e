// The rate limit shared through PostgreSQL: several limiters on one database
// (as several maitred processes would be) spend one budget per key and
// window; what is stored; and what an outage does.

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "core/crypto.hpp"
#include "http/rate_limiter.hpp"
#include "store/postgres/migrate.hpp"
#include "store/postgres/rate_counter.hpp"
#include "store/store.hpp"
#include "support/pg_cluster.hpp"

namespace maitred::store::postgres {
namespace {

using namespace std::chrono_literals;
using test::PgCluster;

// 2026-11-26T10:00:00.000Z: on a window boundary.
const core::SystemTime kStart{1'795'687'200'000ms};

// One "process": its own pool and counter over the shared database.
struct Process {
  explicit Process(const std::string& url) : pool(rate_counter_pool_options(url, 2)), counter(pool) {}

  http::SharedRateLimiter limiter(std::uint32_t limit, const core::Clock& clock) {
    return http::SharedRateLimiter(limit, 1000ms, clock,
                                   [this](std::string_view key, core::SystemTime window, std::uint32_t saturation) {
                                     return counter.add(key, window, saturation);
                                   });
  }

  Pool pool;
  RateCounter counter;
};

std::string migrated_database(PgCluster& cluster) {
  const std::string url = cluster.create_database();
  Pool pool(rate_counter_pool_options(url, 1));
  apply_migrations(pool);
  return url;
}

long long integer(Pool& pool, const std::string& sql) {
  auto lease = pool.acquire();
  return lease->exec(sql).integer(0, 0);
}

// A fresh migrated database per test, and the first "process" on it.
class PgRateLimitTest : public ::testing::Test {
 protected:
  std::string url_ = migrated_database(PgCluster::shared());
  core::ManualClock clock_{kStart};
  Process one_{url_};
};

TEST_F(PgRateLimitTest, TwoProcessesSpendOneBudgetAndTheNextWindowStartsFresh) {
  clock_.advance(250ms);
  Process two(url_);
  auto a = one_.limiter(5, clock_);
  auto b = two.limiter(5, clock_);

  for (std::uint32_t i = 0; i < 5; ++i) {
    auto decision = (i % 2 == 0 ? a : b).hit("key:k1");
    EXPECT_TRUE(decision.allowed) << i;
    EXPECT_EQ(decision.remaining, 4 - i);
    EXPECT_EQ(decision.limit, 5u);
  }
  auto refused = b.hit("key:k1");
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.remaining, 0u);
  EXPECT_EQ(refused.reset_in, 750ms);
  EXPECT_FALSE(a.hit("key:k1").allowed);
  EXPECT_TRUE(a.hit("key:k2").allowed);  // another key, another budget

  clock_.advance(750ms);  // kStart + 1 s: a new window
  auto fresh = b.hit("key:k1");
  EXPECT_TRUE(fresh.allowed);
  EXPECT_EQ(fresh.remaining, 4u);
  EXPECT_EQ(fresh.reset_in, 1000ms);
  EXPECT_EQ(a.hit("key:k1").remaining, 3u);
}

TEST_F(PgRateLimitTest, ConcurrentHitsFromTwoProcessesNeverExceedTheLimit) {
  Process two(url_);
  auto a = one_.limiter(50, clock_);
  auto b = two.limiter(50, clock_);
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      auto& limiter = t % 2 == 0 ? a : b;
      for (int i = 0; i < 30; ++i) {
        if (limiter.hit("key:shared").allowed) ++allowed;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(allowed.load(), 50);
}

TEST_F(PgRateLimitTest, BucketNamesAreStoredOnlyAsTheirSha256) {
  one_.limiter(5, clock_).hit("addr:203.0.113.7");
  auto lease = one_.pool.acquire();
  auto rows = lease->exec("SELECT encode(bucket, 'hex'), window_start, hits FROM rate_limits");
  ASSERT_EQ(rows.rows(), 1);
  EXPECT_EQ(rows.text(0, 0), core::to_hex(core::sha256("addr:203.0.113.7")));
  EXPECT_EQ(rows.integer(0, 1), kStart.time_since_epoch().count());
  EXPECT_EQ(rows.integer(0, 2), 1);
  EXPECT_EQ(
      lease->exec("SELECT count(*) FROM rate_limits WHERE position('203.0.113.7'::bytea IN bucket) > 0").integer(0, 0),
      0);
}

TEST_F(PgRateLimitTest, TheTableIsUnlogged) {
  auto lease = one_.pool.acquire();
  EXPECT_EQ(lease->exec("SELECT relpersistence FROM pg_class WHERE relname = 'rate_limits'").text(0, 0), "u");
}

TEST_F(PgRateLimitTest, AFloodStopsWritingOnceOverTheLimit) {
  auto limiter = one_.limiter(2, clock_);
  for (int i = 0; i < 20; ++i) limiter.hit("addr:flood");
  EXPECT_FALSE(limiter.hit("addr:flood").allowed);
  EXPECT_EQ(integer(one_.pool, "SELECT hits FROM rate_limits"), 3);  // limit + 1: saturated, not 21
}

TEST_F(PgRateLimitTest, PurgeDeletesOnlyPastWindows) {
  auto limiter = one_.limiter(5, clock_);
  limiter.hit("key:a");
  limiter.hit("key:b");
  clock_.advance(1000ms);
  limiter.hit("key:a");
  EXPECT_EQ(one_.counter.purge_before(kStart + 1000ms), 2);
  EXPECT_EQ(integer(one_.pool, "SELECT count(*) FROM rate_limits"), 1);
  EXPECT_EQ(limiter.hit("key:a").remaining, 3u);  // the current window's count survived
}

// Its own cluster: this test stops the server.
TEST(PgRateLimitOutageTest, GivesStoreUnavailableQuicklyThenTheLimiterRecovers) {
  PgCluster cluster;
  const std::string url = migrated_database(cluster);
  core::ManualClock clock(kStart);
  Process one(url);
  auto limiter = one.limiter(5, clock);
  EXPECT_EQ(limiter.hit("key:k").remaining, 4u);
  // The test cluster commits asynchronously: make the migration durable
  // before the crash, or recovery forgets the table itself.
  one.pool.acquire()->exec_script("CHECKPOINT");

  cluster.stop();
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(limiter.hit("key:k"), StoreUnavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  }
  // Needs no database: every response, a 503 too, still gets its Retry-After.
  EXPECT_EQ(limiter.reset_in(), 1000ms);

  cluster.start();
  // stop() was a crash (immediate shutdown): recovery empties unlogged
  // tables, so the window's count starts over. That is the price of
  // UNLOGGED, paid once per crash (migration 0002).
  auto recovered = limiter.hit("key:k");
  EXPECT_TRUE(recovered.allowed);
  EXPECT_EQ(recovered.remaining, 4u);
  EXPECT_EQ(limiter.hit("key:k").remaining, 3u);
}

}  // namespace
}  // namespace maitred::store::postgres
