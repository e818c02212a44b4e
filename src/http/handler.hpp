#pragma once
// What a route handler receives and returns.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/check.hpp"
#include "core/clock.hpp"
#include "domain/staff_user.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace maitred::store {
class Store;
}
namespace maitred::app {
class StaffAuth;
class ImportRunner;
struct WebhookOptions;
}  // namespace maitred::app
namespace maitred::api {
class PublicLimits;
}

namespace maitred::http {

// Who is calling: set by the authenticator for routes that need a credential.
// An API key (key_id set) acts as owner; a staff token (user_id and
// session_id set) has its user's role.
struct Principal {
  std::string restaurant_id;
  std::string key_id;
  std::string user_id;
  std::string session_id;
  domain::Role role = domain::Role::owner;

  // The rate-limit budget this caller spends.
  std::string rate_bucket() const { return key_id.empty() ? "user:" + user_id : "key:" + key_id; }
};

// Long-lived collaborators shared by every handler.
struct Services {
  store::Store& store;
  const core::Clock& clock;
  app::StaffAuth* staff_auth = nullptr;        // staff login; null where a test does not need it
  app::ImportRunner* imports = nullptr;        // CSV import jobs; null where a test does not need them
  api::PublicLimits* public_limits = nullptr;  // abuse limits of /public/...; null where a test does not need them
  // The server's webhook settings (app/webhook_service.hpp); null: the
  // defaults (private addresses refused, no sender to wake).
  const app::WebhookOptions* webhooks = nullptr;
};

struct RequestContext {
  const Request& request;
  std::vector<std::pair<std::string_view, std::string_view>> path_params;
  const Principal* principal = nullptr;  // non-null on authenticated routes
  std::string_view request_id;
  Services& services;

  std::string_view path_param(std::string_view name) const {
    for (const auto& [k, v] : path_params) {
      if (k == name) return v;
    }
    return {};
  }
  // Only valid on authenticated routes (the router guarantees it).
  const Principal& caller() const {
    MAITRED_CHECK(principal != nullptr, "caller() on a route that authenticates nobody");
    return *principal;
  }
};

using Handler = std::function<Response(RequestContext&)>;

// open: no credential. api_key: an API key or a staff Bearer token (the
// route's permission then decides by role).
enum class Access { open, api_key };

}  // namespace maitred::http
