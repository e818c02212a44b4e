#pragma once
// A bounded pool of libpq connections. acquire() waits at most
// `acquire_timeout` for a free connection, then throws StoreUnavailable (503),
// so no request waits unboundedly on a saturated or unreachable database.
// A connection found broken when it is checked out or returned is dropped
// and a new one is opened on demand: after PostgreSQL comes back the pool
// recovers by itself.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "store/postgres/connection.hpp"

namespace maitred::store::postgres {

struct PoolOptions {
  ConnectOptions connection;
  std::size_t max_connections = 4;
  std::chrono::milliseconds acquire_timeout{2000};
};

class Pool {
 public:
  // Opens no connection yet: the first acquire() does.
  explicit Pool(PoolOptions options);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  // A checked-out connection; goes back to the pool (or is dropped when
  // broken or left inside a transaction) at scope exit.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(std::move(other.connection_)) {}
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    friend class Pool;
    Lease(Pool& pool, std::unique_ptr<Connection> connection) : pool_(&pool), connection_(std::move(connection)) {}
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // Waits at most acquire_timeout for a free slot; opening a new connection
  // is bounded by the connect timeout on top. Throws StoreUnavailable.
  Lease acquire();

  // Connections open or being opened, checked out or idle.
  std::size_t open_connections() const;
  std::size_t idle_connections() const;
  const PoolOptions& options() const { return options_; }

 private:
  void give_back(std::unique_ptr<Connection> connection);

  PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_ = 0;
};

}  // namespace maitred::store::postgres
