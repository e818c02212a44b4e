#pragma once
// The guests' manage links (GET /public/manage/{token}): each token is kept
// only as its SHA-256, with the booking it opens and until when. A booking
// may have several live tokens at once: the confirmation answer issues one
// and every guest e-mail about the booking issues its own, so a link in an
// older e-mail keeps working. Times are Unix milliseconds of the store's
// clock.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::store {

struct ManageToken {
  std::string token_hash;  // hex SHA-256 of the token the guest holds
  std::string restaurant_id;
  std::string booking_id;
  core::SystemTime expires_at{};
  core::SystemTime created_at{};
};

class ManageTokenRepository {
 public:
  virtual ~ManageTokenRepository() = default;

  virtual void insert_manage_token(const ManageToken& token) = 0;
  // The token with this hash, expired or not (the caller decides).
  virtual std::optional<ManageToken> find_manage_token(std::string_view token_hash) = 0;
  // Every token of the booking now runs until `expires_at` (it was moved).
  virtual void set_manage_token_expiry(std::string_view restaurant_id, std::string_view booking_id,
                                       core::SystemTime expires_at) = 0;
  // The booking's tokens (it was erased).
  virtual void erase_manage_tokens(std::string_view restaurant_id, std::string_view booking_id) = 0;
  // Tokens that expired before `now`; returns how many.
  virtual std::size_t purge_expired_manage_tokens(core::SystemTime now) = 0;
};

}  // namespace maitred::store
