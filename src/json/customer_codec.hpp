#pragma once
// JSON for customers, orders and feedback (resos-api.md "Other").

#include <string>
#include <string_view>

#include "domain/customer.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

std::string customer_to_json(const domain::Customer& customer);
domain::Customer customer_from_stored(std::string_view json);

std::string order_to_json(const domain::Order& order);
// A create body: bookingId, items[{name, quantity, price, notes}], status.
void apply_order(ObjectReader& in, domain::Order& order);
domain::Order order_from_stored(std::string_view json);

std::string feedback_to_json(const domain::Feedback& feedback);
// A create body: bookingId, rating 1-5, comment, isPublic.
void apply_feedback(ObjectReader& in, domain::Feedback& feedback);
domain::Feedback feedback_from_stored(std::string_view json);

}  // namespace maitred::json
