// AddressSlots: each address holds at most its share of the connections,
// and a slot given back can be taken again.

#include <gtest/gtest.h>

#include "http/address_slots.hpp"

namespace maitred::http {
namespace {

TEST(AddressSlots, AnAddressGetsItsShareAndNoMore) {
  AddressSlots slots(2);
  auto a = slots.try_take("10.0.0.1");
  auto b = slots.try_take("10.0.0.1");
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(slots.try_take("10.0.0.1"));
  EXPECT_TRUE(slots.try_take("10.0.0.2")) << "another address is not affected";
}

TEST(AddressSlots, ASlotGivenBackCanBeTakenAgain) {
  AddressSlots slots(1);
  {
    auto held = slots.try_take("::1");
    ASSERT_TRUE(held);
    auto moved = std::move(*held);  // the moved-from slot gives nothing back
    held.reset();
    EXPECT_FALSE(slots.try_take("::1"));
  }
  EXPECT_TRUE(slots.try_take("::1"));
}

}  // namespace
}  // namespace maitred::http
