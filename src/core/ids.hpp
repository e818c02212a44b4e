#pragma once
// Document ids in the resOS (Meteor) style: 17 random base62 characters.

#include <string>
#include <string_view>

namespace maitred::core {

inline constexpr std::size_t kIdLength = 17;

// Cryptographically random, so ids cannot be guessed across tenants.
std::string new_id();

// `length` random characters from [0-9A-Za-z], without modulo bias.
std::string random_base62(std::size_t length);

// True for ids of the form new_id() produces.
bool is_valid_id(std::string_view id);

}  // namespace maitred::core
