#include "api/guest_messages.hpp"

#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "json/guest_message_codec.hpp"
#include "store/store.hpp"

namespace maitred::api {

http::Response list_booking_messages(http::RequestContext& context) {
  const std::string id(context.path_param("id"));
  const auto& restaurant_id = context.caller().restaurant_id;
  auto& store = context.services.store;
  if (!core::is_valid_id(id) || !store.bookings().find_booking(restaurant_id, id)) {
    throw domain::NotFound("not_found", "_id", "There is no booking with id '" + id + "'.");
  }
  return http::Response::json(
      200, json::guest_messages_to_json(store.guest_messages().list_guest_messages(restaurant_id, id)));
}

}  // namespace maitred::api
