#pragma once
// The restaurant document: what GET /v1/restaurant answers and what the store
// keeps in its `doc` column.

#include <optional>
#include <string>
#include <string_view>

#include "domain/restaurant.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

void write_restaurant(JsonWriter& out, const domain::Restaurant& restaurant);
std::string restaurant_to_json(const domain::Restaurant& restaurant);

// nullopt when `text` is not a restaurant document this version wrote.
std::optional<domain::Restaurant> restaurant_from_json(std::string_view text);

}  // namespace maitred::json
