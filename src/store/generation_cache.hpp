#pragma once
// A read-through cache for rarely changing documents (restaurant settings),
// keyed by id and emptied whenever the store's data generation moves, so it
// never serves a value older than the last write by any process.
//
// Sharded so that threads reading different ids rarely meet on one lock.

#include <array>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace maitred::store {

template <typename Value>
class GenerationCache {
 public:
  // The cached value for `id` at `generation`, or nullopt.
  std::optional<Value> find(std::string_view id, std::uint64_t generation) {
    Shard& shard = shard_for(id);
    std::lock_guard lock(shard.mutex);
    if (shard.generation != generation) {
      shard.entries.clear();
      shard.generation = generation;
      return std::nullopt;
    }
    auto it = shard.entries.find(id);
    if (it == shard.entries.end()) return std::nullopt;
    return it->second;
  }

  // Remembers `value`, read from the store after `generation` was observed.
  void put(std::string_view id, std::uint64_t generation, const Value& value) {
    Shard& shard = shard_for(id);
    std::lock_guard lock(shard.mutex);
    if (shard.generation != generation) return;  // changed while the value was read
    if (shard.entries.size() >= kMaxEntriesPerShard) shard.entries.clear();
    shard.entries.insert_or_assign(std::string(id), value);
  }

 private:
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Shard {
    std::mutex mutex;
    std::uint64_t generation = ~std::uint64_t{0};
    std::unordered_map<std::string, Value, TransparentHash, std::equal_to<>> entries;
  };
  static constexpr std::size_t kShards = 16;
  static constexpr std::size_t kMaxEntriesPerShard = 1024;

  Shard& shard_for(std::string_view id) { return shards_[std::hash<std::string_view>{}(id) % kShards]; }

  std::array<Shard, kShards> shards_;
};

}  // namespace maitred::store
