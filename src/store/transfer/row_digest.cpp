#include "store/transfer/row_digest.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <stdexcept>

#include "core/crypto.hpp"

namespace maitred::store::transfer {

struct RowDigest::State {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  ~State() { EVP_MD_CTX_free(context); }
};

RowDigest::RowDigest() : state_(std::make_unique<State>()) {
  if (state_->context == nullptr || EVP_DigestInit_ex(state_->context, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("openssl: cannot start SHA-256");
}

RowDigest::~RowDigest() = default;

void RowDigest::add(const Row& row) {
  for (const auto& value : row) {
    if (!value) {
      EVP_DigestUpdate(state_->context, "N", 1);
      continue;
    }
    std::array<unsigned char, 9> frame{'V'};
    std::uint64_t size = value->size();
    for (int i = 0; i < 8; ++i) frame[1 + i] = static_cast<unsigned char>(size >> (8 * i));  // little-endian
    EVP_DigestUpdate(state_->context, frame.data(), frame.size());
    EVP_DigestUpdate(state_->context, value->data(), value->size());
  }
  ++rows_;
}

std::string RowDigest::finish() {
  core::Sha256Digest digest{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(state_->context, digest.data(), &size) != 1 || size != digest.size())
    throw std::runtime_error("openssl: cannot finish SHA-256");
  return core::to_hex(digest);
}

}  // namespace maitred::store::transfer
