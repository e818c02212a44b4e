#include "store/postgres/rate_counter.hpp"

#include <algorithm>

#include "core/crypto.hpp"

namespace maitred::store::postgres {

namespace {

// bytea in PostgreSQL's text (hex) input format.
std::string bucket_param(std::string_view bucket) {
  return "\\x" + core::to_hex(core::sha256(bucket));
}

// A conflicting row at the saturation count is left unwritten: the WHERE
// fails, nothing is returned, and a flood does not write a row version per
// request.
const std::string kAdd =
    "INSERT INTO rate_limits AS rl (bucket, window_start, hits) VALUES ($1::bytea, $2, 1) "
    "ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rl.hits + 1 WHERE rl.hits < $3 "
    "RETURNING hits";

const std::string kPurge = "DELETE FROM rate_limits WHERE window_start < $1";

}  // namespace

std::uint32_t RateCounter::add(std::string_view bucket, core::SystemTime window_start, std::uint32_t saturation) {
  auto connection = pool_.acquire();
  auto result =
      connection->run_prepared(kAdd, bucket_param(bucket), window_start.time_since_epoch().count(), saturation);
  if (result.rows() == 0) return saturation;
  return static_cast<std::uint32_t>(std::min<long long>(result.integer(0, 0), saturation));
}

long long RateCounter::purge_before(core::SystemTime before) {
  auto connection = pool_.acquire();
  return connection->run_prepared(kPurge, before.time_since_epoch().count()).affected();
}

PoolOptions rate_counter_pool_options(std::string url, std::size_t max_connections) {
  using namespace std::chrono_literals;
  PoolOptions options;
  options.connection.url = std::move(url);
  options.connection.connect_timeout = 2s;  // libpq's minimum
  options.connection.statement_timeout = 1000ms;
  options.max_connections = max_connections;
  options.acquire_timeout = 500ms;
  return options;
}

}  // namespace maitred::store::postgres
