#include "http/address_slots.hpp"

namespace maitred::http {

std::optional<AddressSlots::Slot> AddressSlots::try_take(const std::string& address) {
  {
    std::lock_guard lock(mutex_);
    auto& open = open_[address];
    if (open >= per_address_) return std::nullopt;
    ++open;
  }
  return std::optional<Slot>(std::in_place, *this, address);
}

void AddressSlots::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto it = open_.find(address);
  if (it == open_.end()) return;
  if (--it->second == 0) open_.erase(it);
}

}  // namespace maitred::http
