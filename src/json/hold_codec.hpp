#pragma once
// The hold document: what POST /v1/bookingFlow/holds answers and the store keeps.

#include <string>
#include <string_view>

#include "domain/hold.hpp"

namespace maitred::json {

std::string hold_to_json(const domain::Hold& hold);
domain::Hold hold_from_stored(std::string_view json);

}  // namespace maitred::json
