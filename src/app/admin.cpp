#include "app/admin.hpp"

#include <sys/stat.h>

#include <fstream>

#include "app/demo_bookings.hpp"
#include "app/demo_setup.hpp"
#include "app/record_event.hpp"
#include "core/check.hpp"
#include "core/ids.hpp"
#include "core/utf8.hpp"
#include "domain/public_page_rules.hpp"
#include "domain/restaurant_rules.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {
// Who the command line acts as, in events.
const domain::Actor kCommandLine{"cli", ""};
}  // namespace

namespace {

constexpr std::size_t kMaxLabelLength = 100;
constexpr const char* kDemoSetting = "demo_restaurant_id";
constexpr const char* kDemoKeyFile = "demo-api-key";

void require_restaurant(store::Store& store, const std::string& restaurant_id) {
  if (!core::is_valid_id(restaurant_id) || !store.restaurants().find_restaurant(restaurant_id)) {
    throw UsageError("no restaurant with id '" + restaurant_id + "' (see: maitred restaurant list)");
  }
}

std::string read_demo_key(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string secret;
  std::getline(in, secret);
  return secret;
}

bool key_still_works(store::Store& store, const std::string& restaurant_id, const std::string& secret) {
  auto prefix = domain::lookup_prefix_of(secret);
  if (!prefix) return false;
  for (const auto& key : store.restaurants().find_api_keys_by_prefix(*prefix)) {
    if (key.restaurant_id == restaurant_id && !key.revoked_at && domain::secret_matches(key, secret)) return true;
  }
  return false;
}

void write_secret_file(const std::filesystem::path& file, const std::string& secret) {
  auto tmp = file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    ::chmod(tmp.c_str(), 0600);
    out << secret << '\n';
    if (!out.flush()) throw std::runtime_error("cannot write " + tmp.string());
  }
  std::filesystem::rename(tmp, file);
}

// `wanted`, or the first of wanted-2, wanted-3, ... no restaurant uses: a new
// restaurant's booking page address, which its owner may change later.
std::string free_slug(store::Store& store, const std::string& wanted) {
  for (int n = 1;; ++n) {
    std::string slug = n == 1 ? wanted : wanted.substr(0, domain::kMaxSlugLength - 4) + "-" + std::to_string(n);
    if (!store.restaurants().find_restaurant_by_slug(slug)) return slug;
  }
}

}  // namespace

domain::Restaurant create_restaurant(store::Store& store, const core::Clock& clock, const std::string& name,
                                     const std::string& timezone) {
  if (auto error = domain::check_restaurant_name(name)) throw UsageError(error->message);
  if (!domain::is_known_timezone(timezone)) {
    throw UsageError("'" + timezone + "' is not an IANA time zone (for example Europe/Copenhagen)");
  }
  domain::Restaurant restaurant;
  restaurant.id = core::new_id();
  restaurant.name = name;
  restaurant.timezone = timezone;
  restaurant.created_at = restaurant.updated_at = clock.now();
  store.atomically([&] {
    restaurant.slug = free_slug(store, domain::slug_from_name(name));
    store.restaurants().create_restaurant(restaurant);
    record_event({store, clock, kCommandLine, restaurant.id}, "restaurant.created", restaurant.id);
  });
  return restaurant;
}

std::string create_api_key(store::Store& store, const core::Clock& clock, const std::string& restaurant_id,
                           const std::string& label) {
  if (label.size() > kMaxLabelLength) throw UsageError("the key name is longer than 100 characters");
  if (!core::is_valid_utf8(label)) throw UsageError("the key name is not valid UTF-8");
  require_restaurant(store, restaurant_id);
  auto generated = domain::generate_api_key(restaurant_id, label, clock.now());
  store.atomically([&] {
    store.restaurants().create_api_key(generated.key);
    record_event({store, clock, kCommandLine, restaurant_id}, "api_key.created", generated.key.id);
  });
  return generated.secret;
}

std::vector<domain::ApiKey> list_api_keys(store::Store& store, const std::string& restaurant_id) {
  require_restaurant(store, restaurant_id);
  return store.restaurants().list_api_keys(restaurant_id);
}

domain::ApiKey revoke_api_key(store::Store& store, const core::Clock& clock, const std::string& key_id) {
  std::optional<domain::ApiKey> key;
  store.atomically([&] {
    if (!core::is_valid_id(key_id) || !store.restaurants().revoke_api_key(key_id, clock.now())) {
      throw UsageError("no API key with id '" + key_id + "' (see: maitred key list --restaurant ID)");
    }
    key = store.restaurants().find_api_key(key_id);
    MAITRED_CHECK(key, "API keys are never deleted, and this one was just revoked");
    record_event({store, clock, kCommandLine, key->restaurant_id}, "api_key.revoked", key_id);
  });
  return std::move(*key);
}

DemoRestaurant ensure_demo(store::Store& store, const core::Clock& clock, const std::filesystem::path& data_dir,
                           bool with_bookings) {
  std::optional<domain::Restaurant> restaurant;
  if (auto id = store.restaurants().get_setting(kDemoSetting)) restaurant = store.restaurants().find_restaurant(*id);
  bool created = false;
  if (!restaurant) {
    restaurant = create_restaurant(store, clock, "Bistro Maitred (demo)", "Europe/Copenhagen");
    store.restaurants().put_setting(kDemoSetting, restaurant->id);
    created = true;
  }
  // A demo restaurant made before booking pages existed gets its address.
  if (restaurant->slug.empty()) {
    store.atomically([&] {
      restaurant->slug = free_slug(store, domain::slug_from_name(restaurant->name));
      store.restaurants().update_restaurant(*restaurant);
    });
  }
  // Also for a demo restaurant made by an older version without a setup.
  int bookings_added = 0;
  if (ensure_demo_setup(store, clock, restaurant->id) && with_bookings) {
    bookings_added = add_demo_bookings(store, clock, *restaurant);
  }
  const auto key_file = data_dir / kDemoKeyFile;
  std::string secret = read_demo_key(key_file);
  if (!key_still_works(store, restaurant->id, secret)) {
    secret = create_api_key(store, clock, restaurant->id, "demo");
    write_secret_file(key_file, secret);
  }
  return {std::move(*restaurant), std::move(secret), created, bookings_added};
}

}  // namespace maitred::app
