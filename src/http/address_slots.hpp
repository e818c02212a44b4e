#pragma once
// Open connections counted per client address, so that one address cannot
// take every slot of --max-connections (--max-connections-per-address).
// Accepting and closing happen on different I/O threads: a short mutex.

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace maitred::http {

class AddressSlots {
 public:
  explicit AddressSlots(std::size_t per_address) : per_address_(per_address) {}

  // Holds one slot of an address until destroyed; empty when moved from.
  class Slot {
   public:
    Slot() = default;
    Slot(AddressSlots& owner, std::string address) : owner_(&owner), address_(std::move(address)) {}
    Slot(Slot&& other) noexcept : owner_(std::exchange(other.owner_, nullptr)), address_(std::move(other.address_)) {}
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() {
      if (owner_ != nullptr) owner_->release(address_);
    }

   private:
    AddressSlots* owner_ = nullptr;
    std::string address_;
  };

  // A slot for `address`; none when it already holds its share.
  std::optional<Slot> try_take(const std::string& address);

 private:
  void release(const std::string& address);

  const std::size_t per_address_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> open_;
};

}  // namespace maitred::http
