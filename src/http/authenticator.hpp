#pragma once
// Turns an Authorization header into a Principal (the restaurant and the key,
// or the staff user and role of a Bearer token), or throws a 401 ApiError
// that says what was wrong.
//
// Valid keys are cached by the SHA-256 of the presented secret. The cache is
// dropped whenever the store's data generation moves (any process created or
// revoked a key), so a revoked key is refused from the next request while a
// steady stream of requests never touches the database for authentication.
// Last-used stamps are collected in memory and written in batches
// (flush_key_uses), so a request never waits on a write.

#include <array>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "http/handler.hpp"

namespace maitred::store {
class Store;
}

namespace maitred::http {

class Authenticator {
 public:
  Authenticator(store::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  Principal authenticate(const Request& request);

  // Writes the collected last-used stamps; called periodically and at exit.
  void flush_key_uses();

 private:
  struct DigestHash {
    std::size_t operator()(const core::Sha256Digest& d) const {
      std::size_t h;
      std::memcpy(&h, d.data(), sizeof h);  // already uniformly distributed
      return h;
    }
  };
  struct CacheShard {
    std::mutex mutex;
    std::uint64_t generation = ~std::uint64_t{0};
    std::unordered_map<core::Sha256Digest, Principal, DigestHash> entries;
  };
  static constexpr std::size_t kCacheShards = 16;
  static constexpr std::size_t kMaxEntriesPerShard = 4096;

  // Staff access tokens are not cached: a session is one indexed read, and
  // logout must work at once without moving the data generation.
  Principal authenticate_bearer(const std::string& token);
  std::optional<Principal> cached(const core::Sha256Digest& digest, std::uint64_t generation);
  void remember(const core::Sha256Digest& digest, std::uint64_t generation, const Principal& principal);
  void note_use(const std::string& key_id);

  std::array<CacheShard, kCacheShards> cache_;
  store::Store& store_;
  const core::Clock& clock_;
  std::mutex pending_mutex_;
  std::unordered_map<std::string, core::SystemTime> pending_uses_;
};

}  // namespace maitred::http
