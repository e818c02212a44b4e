#include "store/postgres/pool.hpp"

#include <stdexcept>
#include <string>

#include "store/store.hpp"

namespace maitred::store::postgres {

Pool::Pool(PoolOptions options) : options_(std::move(options)) {
  if (options_.max_connections == 0) throw std::invalid_argument("postgresql pool: max_connections must be at least 1");
}

Pool::~Pool() = default;

Pool::Lease::~Lease() {
  if (connection_) pool_->give_back(std::move(connection_));
}

Pool::Lease Pool::acquire() {
  const auto deadline = std::chrono::steady_clock::now() + options_.acquire_timeout;
  std::unique_lock lock(mutex_);
  for (;;) {
    while (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      lock.unlock();  // the slot stays counted in open_ while we look at it
      if (connection->healthy()) return Lease(*this, std::move(connection));
      // Lost while idle (server restarted, connection killed): drop it, the
      // slot is free for a new one.
      connection.reset();
      lock.lock();
      --open_;
    }
    if (open_ < options_.max_connections) {
      ++open_;
      lock.unlock();
      try {
        return Lease(*this, std::make_unique<Connection>(options_.connection));
      } catch (...) {
        lock.lock();
        --open_;
        available_.notify_one();
        throw;
      }
    }
    if (available_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= options_.max_connections) {
      throw StoreUnavailable("postgresql pool: no connection free within " +
                             std::to_string(options_.acquire_timeout.count()) + " ms (" +
                             std::to_string(options_.max_connections) + " in use)");
    }
  }
}

void Pool::give_back(std::unique_ptr<Connection> connection) {
  // Broken, or a transaction left open (a failed ROLLBACK): never hand it out.
  const bool keep = connection->healthy() && !connection->in_transaction();
  if (!keep) connection.reset();
  std::lock_guard lock(mutex_);
  if (keep)
    idle_.push_back(std::move(connection));
  else
    --open_;
  available_.notify_one();
}

std::size_t Pool::open_connections() const {
  std::lock_guard lock(mutex_);
  return open_;
}

std::size_t Pool::idle_connections() const {
  std::lock_guard lock(mutex_);
  return idle_.size();
}

}  // namespace maitred::store::postgres
