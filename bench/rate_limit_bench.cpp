// What one rate-limit hit costs: in memory (FixedWindowRateLimiter) against
// the count shared through PostgreSQL (SharedRateLimiter over RateCounter),
// with the session's synchronous_commit on and off, and, for comparison, the
// same upsert into an ordinary (logged) table. docs/BENCHMARKS.md, "Shared
// rate limit".
//
//   cmake --preset bench && cmake --build --preset bench
//   bash bench/rate_limit_bench.sh            # a throwaway cluster with production settings
//   MAITRED_PG_URL=postgresql://... build/bench/bench/rate_limit_bench   # or your own server
//
// The database in MAITRED_PG_URL gets maitred's migrations and a scratch
// table rate_limits_logged. Hits rotate over 1,000 buckets under a limit
// never reached, so every hit writes (a saturated bucket writes nothing and
// would flatter PostgreSQL).

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "http/rate_limiter.hpp"
#include "store/postgres/migrate.hpp"
#include "store/postgres/rate_counter.hpp"

namespace {

using namespace maitred;
using namespace std::chrono_literals;

constexpr std::uint32_t kLimit = 1'000'000'000;
constexpr int kBuckets = 1000;

std::string base_url() {
  const char* url = std::getenv("MAITRED_PG_URL");
  return url == nullptr ? std::string() : std::string(url);
}

// synchronous_commit for this client's sessions only, through libpq's
// `options` connection parameter.
std::string url_with_synchronous_commit(bool on) {
  std::string url = base_url();
  url += url.find('?') == std::string::npos ? '?' : '&';
  return url + "options=-c%20synchronous_commit%3D" + (on ? "on" : "off");
}

const std::vector<std::string>& buckets() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (int i = 0; i < kBuckets; ++i) v.push_back("key:bench" + std::to_string(i));
    return v;
  }();
  return names;
}

void BM_InMemoryHit(benchmark::State& state) {
  static core::SystemClock clock;
  static http::FixedWindowRateLimiter limiter(kLimit, 1000ms, clock);
  std::size_t i = static_cast<std::size_t>(state.thread_index()) * 7;
  for (auto _ : state) benchmark::DoNotOptimize(limiter.hit(buckets()[i++ % kBuckets]));
}
BENCHMARK(BM_InMemoryHit)->Threads(1)->Threads(4)->UseRealTime();

// One pool per benchmark run, shared by its threads (as the I/O threads of
// one process share theirs).
struct Shared {
  std::unique_ptr<store::postgres::Pool> pool;
  std::unique_ptr<store::postgres::RateCounter> counter;
  std::unique_ptr<http::SharedRateLimiter> limiter;
};
Shared shared;
core::SystemClock clock;

void set_up(const benchmark::State& state) {
  auto options = store::postgres::rate_counter_pool_options(url_with_synchronous_commit(state.range(0) != 0), 4);
  options.connection.statement_timeout = 10s;
  shared.pool = std::make_unique<store::postgres::Pool>(options);
  shared.pool->acquire()->exec_script(
      "TRUNCATE rate_limits; "
      "CREATE TABLE IF NOT EXISTS rate_limits_logged (LIKE rate_limits INCLUDING ALL); "
      "TRUNCATE rate_limits_logged");
  shared.counter = std::make_unique<store::postgres::RateCounter>(*shared.pool);
  shared.limiter = std::make_unique<http::SharedRateLimiter>(
      kLimit, 1000ms, clock, [](std::string_view key, core::SystemTime window, std::uint32_t saturation) {
        return shared.counter->add(key, window, saturation);
      });
}
void tear_down(const benchmark::State&) {
  shared.limiter.reset();
  shared.counter.reset();
  shared.pool.reset();
}

void postgres_runs(benchmark::internal::Benchmark* b) {
  b->ArgName("synchronous_commit")->Arg(1)->Arg(0)->Setup(set_up)->Teardown(tear_down);
  b->Threads(1)->Threads(4)->UseRealTime();
}

void BM_PostgresHit(benchmark::State& state) {
  std::size_t i = static_cast<std::size_t>(state.thread_index()) * 7;
  for (auto _ : state) benchmark::DoNotOptimize(shared.limiter->hit(buckets()[i++ % kBuckets]));
}
BENCHMARK(BM_PostgresHit)->Apply(postgres_runs);

// Not maitred's code: the same statement against a logged copy of the table,
// to show what UNLOGGED buys.
void BM_LoggedTableUpsert(benchmark::State& state) {
  static const std::string kSql =
      "INSERT INTO rate_limits_logged AS rl (bucket, window_start, hits) VALUES ($1::bytea, $2, 1) "
      "ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rl.hits + 1 WHERE rl.hits < $3 RETURNING hits";
  std::size_t i = static_cast<std::size_t>(state.thread_index()) * 7;
  for (auto _ : state) {
    const auto now = clock.now();
    const auto window = now.time_since_epoch().count() / 1000 * 1000;
    auto connection = shared.pool->acquire();
    benchmark::DoNotOptimize(connection->run_prepared(
        kSql, "\\x" + core::to_hex(core::sha256(buckets()[i++ % kBuckets])), window, kLimit + 1));
  }
}
BENCHMARK(BM_LoggedTableUpsert)->Apply(postgres_runs);

}  // namespace

int main(int argc, char** argv) {
  if (base_url().empty()) {
    std::cerr << "rate_limit_bench: set MAITRED_PG_URL (or run bench/rate_limit_bench.sh)\n";
    return 2;
  }
  {
    store::postgres::Pool pool(store::postgres::rate_counter_pool_options(base_url(), 1));
    store::postgres::apply_migrations(pool);
    auto connection = pool.acquire();
    auto settings = connection->exec(
        "SELECT current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') || "
        "', full_page_writes ' || current_setting('full_page_writes')");
    benchmark::AddCustomContext("postgres", "fsync " + std::string(settings.text(0, 0)));
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
