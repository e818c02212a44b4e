#pragma once
// An API key as JSON (`maitred key list` and `key revoke`). Never the
// secret or its hash.

#include <string>

#include "domain/api_key.hpp"

namespace maitred::json {

std::string api_key_to_json(const domain::ApiKey& key);

}  // namespace maitred::json
