#include "store/guest_repository.hpp"

#include "core/text.hpp"
#include "json/customer_codec.hpp"
#include "store/corrupt_document.hpp"

namespace maitred::store {

FoundCustomer GuestRepository::find_or_add_customer(std::string_view restaurant_id, const domain::Customer& candidate) {
  if (!candidate.email.empty()) lock_name(restaurant_id, "email:" + core::ascii_lowered(candidate.email));
  if (!candidate.phone.empty()) lock_name(restaurant_id, "phone:" + candidate.phone);
  if (auto found = find_customer_by_contact(restaurant_id, candidate.email, candidate.phone)) return {found->id, false};
  customer_documents().insert_document({Collection::customers, std::string(restaurant_id), candidate.id,
                                        json::customer_to_json(candidate), std::nullopt, false, candidate.created_at});
  return {candidate.id, true};
}

std::optional<LockedCustomer> GuestRepository::find_customer_for_update(std::string_view restaurant_id,
                                                                        std::string_view customer_id) {
  lock_name(restaurant_id, "customer:" + std::string(customer_id));
  auto stored = customer_documents().find_document(Collection::customers, restaurant_id, customer_id);
  if (!stored) return std::nullopt;
  auto customer = decode_document("customer", customer_id, [&] { return json::customer_from_stored(stored->json); });
  return LockedCustomer{std::move(customer), std::move(stored->json)};
}

}  // namespace maitred::store
