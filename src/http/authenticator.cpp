#include "http/authenticator.hpp"

#include <vector>

#include "domain/api_key.hpp"
#include "domain/auth_session.hpp"
#include "http/api_error.hpp"
#include "http/authorization_header.hpp"
#include "store/store.hpp"

namespace maitred::http {

namespace {

constexpr std::string_view kHowTo = "Send the API key as the HTTP Basic username with an empty password.";

ApiError unauthorized(std::string code, const std::string& message) {
  return ApiError(401, std::move(code), message);
}

ApiError error_for(AuthorizationError error) {
  switch (error) {
    case AuthorizationError::missing:
      return unauthorized("missing_credentials", "This request needs an API key. " + std::string(kHowTo));
    case AuthorizationError::unsupported_scheme:
      return unauthorized("unsupported_auth_scheme",
                          "Only HTTP Basic authentication with an API key, or a staff Bearer token, is accepted "
                          "here. " +
                              std::string(kHowTo));
    case AuthorizationError::malformed_basic:
      return unauthorized("malformed_authorization",
                          "The Authorization header could not be decoded. " + std::string(kHowTo));
    case AuthorizationError::password_given:
      return unauthorized("password_not_expected",
                          "The Basic password must be empty: the API key goes in the username. " + std::string(kHowTo));
    case AuthorizationError::empty_secret:
      return unauthorized("missing_credentials", "The Authorization header holds no key. " + std::string(kHowTo));
  }
  return unauthorized("malformed_authorization", "The Authorization header could not be decoded.");
}

}  // namespace

Principal Authenticator::authenticate(const Request& request) {
  auto parsed = parse_authorization(request.header("Authorization"));
  if (auto* error = std::get_if<AuthorizationError>(&parsed)) throw error_for(*error);
  const auto& credential = std::get<Credential>(parsed);
  if (credential.scheme == Credential::Scheme::bearer) return authenticate_bearer(credential.secret);

  const ApiError invalid = unauthorized("invalid_api_key", "The API key is not valid. Check that it was copied whole.");
  auto prefix = domain::lookup_prefix_of(credential.secret);
  if (!prefix) throw invalid;

  // Read the generation before the store: data loaded afterwards is at least
  // that new, so a concurrent revocation always invalidates what we cache.
  const std::uint64_t generation = store_.restaurants().data_generation();
  const core::Sha256Digest digest = core::sha256(credential.secret);
  if (auto principal = cached(digest, generation)) {
    note_use(principal->key_id);
    return *principal;
  }
  for (const auto& key : store_.restaurants().find_api_keys_by_prefix(*prefix)) {
    if (!core::constant_time_equal(key.secret_hash, digest)) continue;
    if (key.revoked_at) {
      throw unauthorized("revoked_api_key", "This API key has been revoked. Ask the restaurant for a new key.");
    }
    Principal principal;  // role: an API key acts as owner
    principal.restaurant_id = key.restaurant_id;
    principal.key_id = key.id;
    remember(digest, generation, principal);
    note_use(key.id);
    return principal;
  }
  throw invalid;
}

Principal Authenticator::authenticate_bearer(const std::string& token) {
  const ApiError unknown =
      unauthorized("unknown_token", "The access token is not known. Sign in again with POST /api/v3/auth.");
  if (token.starts_with(domain::kKeyMarker)) {
    throw unauthorized("api_key_as_bearer", "This is an API key, not a staff token. " + std::string(kHowTo));
  }
  if (!token.starts_with(domain::kAccessTokenMarker)) throw unknown;
  auto session = store_.staff().find_session_by_access(core::sha256(token));
  if (!session) throw unknown;
  switch (domain::access_state(*session, clock_.now())) {
    case domain::TokenState::revoked:
      throw unauthorized("token_revoked",
                         "This access token was revoked (signed out, refreshed, or the password changed). "
                         "Sign in again.");
    case domain::TokenState::expired:
      throw unauthorized("token_expired",
                         "The access token has expired. Get a new one with POST /api/v3/auth/refresh, or sign in "
                         "again.");
    case domain::TokenState::valid: break;
  }
  Principal principal;
  principal.restaurant_id = session->restaurant_id;
  principal.user_id = session->user_id;
  principal.session_id = session->id;
  principal.role = session->role;
  return principal;
}

std::optional<Principal> Authenticator::cached(const core::Sha256Digest& digest, std::uint64_t generation) {
  CacheShard& shard = cache_[digest[0] % kCacheShards];
  std::lock_guard lock(shard.mutex);
  if (shard.generation != generation) {
    shard.entries.clear();
    shard.generation = generation;
    return std::nullopt;
  }
  auto it = shard.entries.find(digest);
  if (it == shard.entries.end()) return std::nullopt;
  return it->second;
}

void Authenticator::remember(const core::Sha256Digest& digest, std::uint64_t generation, const Principal& principal) {
  CacheShard& shard = cache_[digest[0] % kCacheShards];
  std::lock_guard lock(shard.mutex);
  if (shard.generation != generation) return;  // moved on while we read the store
  if (shard.entries.size() >= kMaxEntriesPerShard) shard.entries.clear();
  shard.entries.emplace(digest, principal);
}

void Authenticator::note_use(const std::string& key_id) {
  const auto now = clock_.now();
  std::lock_guard lock(pending_mutex_);
  auto it = pending_uses_.find(key_id);
  if (it == pending_uses_.end())
    pending_uses_.emplace(key_id, now);
  else
    it->second = now;
}

void Authenticator::flush_key_uses() {
  std::vector<store::KeyUse> uses;
  {
    std::lock_guard lock(pending_mutex_);
    uses.reserve(pending_uses_.size());
    for (auto& [id, at] : pending_uses_) uses.push_back({id, at});
    pending_uses_.clear();
  }
  store_.restaurants().record_key_uses(uses);
}

}  // namespace maitred::http
