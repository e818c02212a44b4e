#pragma once
// The few cryptographic primitives maitred needs, all from OpenSSL.

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace maitred::core {

using Sha256Digest = std::array<unsigned char, 32>;

// Fills `out` from OpenSSL's CSPRNG; aborts if the CSPRNG fails (nothing
// secure can be done without it).
void random_bytes(std::span<unsigned char> out);

Sha256Digest sha256(std::string_view data);
// HMAC-SHA256 of `data` keyed with `key` (webhook signatures).
Sha256Digest hmac_sha256(std::string_view key, std::string_view data);

std::string to_hex(std::span<const unsigned char> bytes);

// Compares in time that depends only on the sizes, not on the contents.
bool constant_time_equal(std::span<const unsigned char> a, std::span<const unsigned char> b);

// Strict RFC 4648 base64 (padding required, no whitespace); nullopt on any
// malformed input.
std::optional<std::string> base64_decode(std::string_view text);
std::string base64_encode(std::string_view data);

}  // namespace maitred::core
