#pragma once
// XXH64 (https://github.com/Cyan4973/xxHash, doc/xxhash_spec.md): a fast,
// well-specified 64-bit non-cryptographic hash. Used where a content
// fingerprint is needed on the hot path (ETags of list pages of ~70 KB):
// about ten times faster than SHA-256 here, and stable across versions
// because the algorithm is specified, unlike std::hash.

#include <cstdint>
#include <string_view>

namespace maitred::core {

std::uint64_t xxhash64(std::string_view data, std::uint64_t seed = 0);

}  // namespace maitred::core
