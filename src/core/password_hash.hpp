#pragma once
// Password hashing with argon2id (libargon2), stored as the encoded PHC
// string ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash"), which carries its own
// parameters: changing the defaults later leaves old hashes verifiable.

#include <cstdint>
#include <string>
#include <string_view>

namespace maitred::core {

// OWASP's minimum recommendation for argon2id (2023): 19 MiB of memory, two
// passes, one lane. About 25-60 ms on one core here: slow enough to make a
// stolen database expensive to attack offline, cheap enough that a login
// does not hold an I/O thread long. ASan does not slow it (libargon2 is not
// instrumented).
struct PasswordHashCost {
  std::uint32_t time_cost = 2;
  std::uint32_t memory_kib = 19 * 1024;
  std::uint32_t parallelism = 1;
};

// A fresh 16-byte salt from the CSPRNG each call. Throws std::runtime_error
// when libargon2 refuses (parameters out of range, out of memory).
std::string hash_password(std::string_view password, const PasswordHashCost& cost = {});

// False for a wrong password and for a string that is not an argon2id hash.
bool verify_password(const std::string& encoded_hash, std::string_view password);

}  // namespace maitred::core
