// The bounded PostgreSQL pool: its bound, its acquire timeout, and recovery
// after the server went away and came back.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <thread>

#include "store/postgres/pool.hpp"
#include "store/store.hpp"
#include "support/pg_cluster.hpp"

namespace maitred::store::postgres {
namespace {

using namespace std::chrono_literals;
using test::PgCluster;

PoolOptions options_for(const std::string& url, std::size_t max, std::chrono::milliseconds acquire_timeout) {
  PoolOptions options;
  options.connection.url = url;
  options.connection.connect_timeout = 2s;
  options.max_connections = max;
  options.acquire_timeout = acquire_timeout;
  return options;
}

TEST(PgPoolTest, NeverOpensMoreThanItsBoundAndTimesOutWhenAllAreInUse) {
  Pool pool(options_for(PgCluster::shared().url(), 2, 300ms));
  auto a = pool.acquire();
  auto b = pool.acquire();
  EXPECT_EQ(pool.open_connections(), 2u);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(pool.acquire(), StoreUnavailable);
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 290ms);
  EXPECT_LT(waited, 2s);
  EXPECT_EQ(pool.open_connections(), 2u);
  // Both leases are distinct working connections.
  EXPECT_NE(a->exec("SELECT pg_backend_pid()").integer(0, 0), b->exec("SELECT pg_backend_pid()").integer(0, 0));
}

TEST(PgPoolTest, AWaiterGetsTheConnectionReturnedByAnother) {
  Pool pool(options_for(PgCluster::shared().url(), 1, 5000ms));
  std::optional<Pool::Lease> held(pool.acquire());
  const auto pid = (*held)->exec("SELECT pg_backend_pid()").integer(0, 0);
  auto waiter = std::async(std::launch::async, [&pool] {
    auto lease = pool.acquire();
    return lease->exec("SELECT pg_backend_pid()").integer(0, 0);
  });
  EXPECT_EQ(waiter.wait_for(100ms), std::future_status::timeout);
  held.reset();
  ASSERT_EQ(waiter.wait_for(3s), std::future_status::ready);
  EXPECT_EQ(waiter.get(), pid);  // the same connection, reused
  EXPECT_EQ(pool.open_connections(), 1u);
}

TEST(PgPoolTest, AConnectionLeftInsideATransactionIsNotReused) {
  Pool pool(options_for(PgCluster::shared().url(), 1, 1000ms));
  long long first = 0;
  {
    auto lease = pool.acquire();
    first = lease->exec("SELECT pg_backend_pid()").integer(0, 0);
    lease->exec_script("BEGIN");
  }
  EXPECT_EQ(pool.open_connections(), 0u);
  auto lease = pool.acquire();
  EXPECT_FALSE(lease->in_transaction());
  EXPECT_NE(lease->exec("SELECT pg_backend_pid()").integer(0, 0), first);
}

TEST(PgPoolTest, ManyThreadsShareABoundedPool) {
  Pool pool(options_for(PgCluster::shared().url(), 3, 5000ms));
  std::vector<std::thread> threads;
  std::atomic<int> done{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        auto lease = pool.acquire();
        if (lease->run_prepared("SELECT $1::int * 2", i).integer(0, 0) == i * 2) ++done;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(done.load(), 160);
  EXPECT_LE(pool.open_connections(), 3u);
}

// Its own cluster: this test stops the server.
TEST(PgPoolTest, OutageGivesStoreUnavailableQuicklyAndThePoolRecoversWhenTheServerReturns) {
  PgCluster cluster;
  Pool pool(options_for(cluster.url(), 2, 1000ms));
  {
    auto a = pool.acquire();
    auto b = pool.acquire();
    EXPECT_EQ(a->exec("SELECT 1").integer(0, 0), 1);
    EXPECT_EQ(b->exec("SELECT 1").integer(0, 0), 1);
  }
  EXPECT_EQ(pool.idle_connections(), 2u);

  {
    auto held = pool.acquire();  // checked out while the server goes away
    cluster.stop();
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(held->exec("SELECT 1"), StoreUnavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
  }
  // Returned broken: dropped, not kept.
  EXPECT_LE(pool.open_connections(), 1u);

  // While down: every attempt fails fast with StoreUnavailable, never hangs.
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(
        {
          auto lease = pool.acquire();
          lease->exec("SELECT 1");
        },
        StoreUnavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  }
  EXPECT_EQ(pool.open_connections(), 0u);

  cluster.start();
  auto lease = pool.acquire();
  EXPECT_EQ(lease->exec("SELECT 41 + 1").integer(0, 0), 42);
  EXPECT_EQ(pool.open_connections(), 1u);
}

// The server restarts while connections sit idle: the next acquire notices
// the dead ones and hands out a fresh one instead of failing a request.
TEST(PgPoolTest, IdleConnectionsKilledByTheServerAreReplacedOnCheckout) {
  Pool pool(options_for(PgCluster::shared().url(), 2, 1000ms));
  long long pid = 0;
  {
    auto lease = pool.acquire();
    pid = lease->exec("SELECT pg_backend_pid()").integer(0, 0);
  }
  {
    auto other = pool.acquire();  // the idle one; kill it from a second connection
    auto killer = pool.acquire();
    killer->exec("SELECT pg_terminate_backend($1::int)", pid);
  }
  std::this_thread::sleep_for(200ms);  // the goodbye reaches the socket
  for (int i = 0; i < 2; ++i) {
    auto lease = pool.acquire();
    EXPECT_EQ(lease->exec("SELECT 1").integer(0, 0), 1);
  }
}

}  // namespace
}  // namespace maitred::store::postgres
