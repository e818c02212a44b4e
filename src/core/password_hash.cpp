#include "core/password_hash.hpp"

#include <argon2.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "core/crypto.hpp"

namespace maitred::core {

namespace {
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
}  // namespace

std::string hash_password(std::string_view password, const PasswordHashCost& cost) {
  std::array<unsigned char, kSaltBytes> salt{};
  random_bytes(salt);
  std::vector<char> encoded(
      argon2_encodedlen(cost.time_cost, cost.memory_kib, cost.parallelism, kSaltBytes, kHashBytes, Argon2_id) + 1);
  int rc = argon2id_hash_encoded(cost.time_cost, cost.memory_kib, cost.parallelism, password.data(), password.size(),
                                 salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2id: ") + argon2_error_message(rc));
  return std::string(encoded.data());
}

bool verify_password(const std::string& encoded_hash, std::string_view password) {
  if (!encoded_hash.starts_with("$argon2id$")) return false;
  return argon2id_verify(encoded_hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

}  // namespace maitred::core
