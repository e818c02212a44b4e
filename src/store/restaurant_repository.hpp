#pragma once
// Restaurants and what hangs off one restaurant as a whole: its API keys and
// their last uses, the server's own settings, and the data generation that
// tells caches of any of these (and of setup documents) to refill.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "domain/api_key.hpp"
#include "domain/restaurant.hpp"

namespace maitred::store {

struct KeyUse {
  std::string key_id;
  core::SystemTime at;
};

class RestaurantRepository {
 public:
  virtual ~RestaurantRepository() = default;

  virtual void create_restaurant(const domain::Restaurant& restaurant) = 0;
  virtual std::optional<domain::Restaurant> find_restaurant(std::string_view id) = 0;
  virtual std::vector<domain::Restaurant> list_restaurants() = 0;
  // The restaurant whose public booking page is /book/{slug}.
  virtual std::optional<domain::Restaurant> find_restaurant_by_slug(std::string_view slug) = 0;
  // False when there is no such restaurant.
  virtual bool update_restaurant(const domain::Restaurant& restaurant) = 0;

  // Throws StoreError(conflict) when the restaurant does not exist.
  virtual void create_api_key(const domain::ApiKey& key) = 0;
  virtual std::optional<domain::ApiKey> find_api_key(std::string_view key_id) = 0;
  // Revoked keys included: the caller tells "revoked" from "unknown".
  virtual std::vector<domain::ApiKey> find_api_keys_by_prefix(std::string_view lookup_prefix) = 0;
  virtual std::vector<domain::ApiKey> list_api_keys(std::string_view restaurant_id) = 0;
  // False when no such key exists; revoking twice keeps the first time.
  virtual bool revoke_api_key(std::string_view key_id, core::SystemTime at) = 0;
  // Last-used stamps, batched by the caller so requests do not each write.
  virtual void record_key_uses(std::span<const KeyUse> uses) = 0;

  // Changes whenever a restaurant, key or setting changes, in this process or
  // in any other working on the same data. Caches compare it on each use.
  virtual std::uint64_t data_generation() = 0;

  // Small named values the server keeps for itself (the demo restaurant id).
  virtual std::optional<std::string> get_setting(std::string_view name) = 0;
  virtual void put_setting(std::string_view name, std::string_view value) = 0;
};

}  // namespace maitred::store
