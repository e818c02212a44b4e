#include "store/guest_repository.hpp"

#include <vector>

#include "core/text.hpp"
#include "json/customer_codec.hpp"
#include "json/document_diff.hpp"
#include "store/corrupt_document.hpp"

namespace maitred::store {

FoundCustomer GuestRepository::find_or_add_customer(std::string_view restaurant_id, const domain::Customer& candidate) {
  if (!candidate.email.empty()) lock_name(restaurant_id, "email:" + core::ascii_lowered(candidate.email));
  if (!candidate.phone.empty()) lock_name(restaurant_id, "phone:" + candidate.phone);
  if (auto found = find_customer_document(restaurant_id, candidate.email, candidate.phone)) return {found->id, false};
  insert_customer(restaurant_id, candidate);
  return {candidate.id, true};
}

std::optional<StoredCustomer> GuestRepository::find_customer_for_update(std::string_view restaurant_id,
                                                                        std::string_view customer_id) {
  lock_name(restaurant_id, "customer:" + std::string(customer_id));
  auto stored = customer_documents().find_document(Collection::customers, restaurant_id, customer_id);
  if (!stored) return std::nullopt;
  auto customer = decode_document("customer", customer_id, [&] { return json::customer_from_stored(stored->json); });
  return StoredCustomer{std::move(customer), std::move(stored->json)};
}

std::optional<StoredCustomer> GuestRepository::find_customer_by_contact(std::string_view restaurant_id,
                                                                        std::string_view email,
                                                                        std::string_view phone) {
  auto found = find_customer_document(restaurant_id, email, phone);
  if (!found) return std::nullopt;
  auto customer = decode_document("customer", found->id, [&] { return json::customer_from_stored(found->json); });
  return StoredCustomer{std::move(customer), std::move(found->json)};
}

void GuestRepository::insert_customer(std::string_view restaurant_id, const domain::Customer& customer) {
  customer_documents().insert_document({Collection::customers, std::string(restaurant_id), customer.id,
                                        json::customer_to_json(customer), std::nullopt, false, customer.created_at});
}

std::string GuestRepository::update_customer(std::string_view restaurant_id, const StoredCustomer& before,
                                             const domain::Customer& after, core::SystemTime at,
                                             CustomerChanges scope) {
  auto json = json::customer_to_json(after);
  static const std::vector<std::string_view> kCounts{"bookingCount", "firstBookingAt", "lastBookingAt"};
  auto changes = json::document_changes(
      before.stored_json, json, scope == CustomerChanges::details_only ? kCounts : std::vector<std::string_view>{});
  customer_documents().update_document(
      {Collection::customers, std::string(restaurant_id), after.id, std::move(json), std::nullopt, false, at});
  return changes;
}

}  // namespace maitred::store
