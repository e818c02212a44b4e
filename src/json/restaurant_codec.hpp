#pragma once
// The restaurant document: what GET /v1/restaurant answers, what PUT
// accepts (any subset of the fields, nested objects merged field by field),
// and what the store keeps in its `doc` column.

#include <optional>
#include <string>
#include <string_view>

#include "domain/restaurant.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

// The document as the API serves it and events record it: without secrets
// (the SMTP password shows only as smtp.passwordSet).
void write_restaurant(JsonWriter& out, const domain::Restaurant& restaurant);
// {"street", "city", "postalCode", "country"}: in the restaurant document
// and in what the public booking API tells guests.
void write_address(JsonWriter& out, const domain::Address& address);
std::string restaurant_to_json(const domain::Restaurant& restaurant);

// The document as the store keeps it: with the SMTP password.
std::string restaurant_to_stored_json(const domain::Restaurant& restaurant);

// Overwrites the fields present in `in` (a PUT body). Read-only fields
// (_id, createdAt, updatedAt) are accepted when sent back unchanged in
// meaning and otherwise ignored; unknown fields are refused.
void apply_restaurant_changes(ObjectReader& in, domain::Restaurant& restaurant);

// nullopt when `text` is not a restaurant document this version wrote.
std::optional<domain::Restaurant> restaurant_from_json(std::string_view text);

}  // namespace maitred::json
