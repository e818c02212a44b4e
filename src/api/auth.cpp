#include "api/auth.hpp"

#include <optional>

#include "app/staff_auth.hpp"
#include "core/crypto.hpp"
#include "core/text.hpp"
#include "domain/errors.hpp"
#include "domain/password_policy.hpp"
#include "domain/staff_user.hpp"
#include "http/query_params.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::api {

namespace {

struct BasicLogin {
  std::string username;
  std::string password;
};

// "Basic base64(username:password)". nullopt when the header is absent or is
// not Basic; a Basic header that does not decode is a 422.
std::optional<BasicLogin> basic_login(std::string_view header) {
  constexpr std::string_view scheme = "Basic ";
  if (header.size() < scheme.size() || !core::iequals(header.substr(0, scheme.size()), scheme)) return std::nullopt;
  auto decoded = core::base64_decode(header.substr(scheme.size()));
  const auto colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon == std::string::npos) {
    throw domain::InvalidInput("malformed_authorization", "Authorization",
                               "The Basic credentials must be base64 of username:password.");
  }
  BasicLogin login{decoded->substr(0, colon), decoded->substr(colon + 1)};
  // The same bounds as the JSON body's: they also bound the throttle's memory
  // and the work before the hash is checked.
  if (login.username.size() > domain::kMaxUsernameLength || login.password.size() > domain::kPasswordMaximumBytes) {
    throw domain::InvalidInput("invalid_field", "Authorization", "The Basic username or password is too long.");
  }
  return login;
}

http::Response token_reply(const app::TokenPair& pair) {
  std::string body;
  json::JsonWriter out(body);
  out.start_object();
  out.member("token", pair.access_token);
  out.member("refreshToken", pair.refresh_token);
  out.member("expiresIn", static_cast<long long>(pair.expires_in.count()));
  out.end_object();
  return http::Response::json(200, std::move(body));
}

app::StaffAuth& staff_auth(http::RequestContext& context) {
  if (context.services.staff_auth == nullptr) throw std::logic_error("staff sign-in is not configured");
  return *context.services.staff_auth;
}

// username, password and restaurantId: what sign-in and password change share.
app::LoginAttempt read_credentials(json::ObjectReader& in) {
  app::LoginAttempt attempt;
  attempt.username = in.required_string("username", domain::kMaxUsernameLength);
  attempt.password = in.required_string("password", domain::kPasswordMaximumBytes);
  attempt.restaurant_id = in.optional_string("restaurantId", 64);
  return attempt;
}

}  // namespace

app::LoginAttempt read_sign_in_body(std::string_view body) {
  auto parsed = json::parse_body(body);
  json::ObjectReader in(parsed);
  auto attempt = read_credentials(in);
  in.finish();
  return attempt;
}

PasswordChange read_password_change_body(std::string_view body) {
  auto parsed = json::parse_body(body);
  json::ObjectReader in(parsed);
  PasswordChange change{read_credentials(in), in.required_string("newPassword", domain::kPasswordMaximumBytes)};
  in.finish();
  return change;
}

std::string read_refresh_body(std::string_view body) {
  auto parsed = json::parse_body(body);
  json::ObjectReader in(parsed);
  auto token = in.required_string("refreshToken", 200);
  in.finish();
  return token;
}

http::Response login(http::RequestContext& context) {
  app::LoginAttempt attempt;
  attempt.client_address = context.request.client_address;
  if (auto basic = basic_login(context.request.header("Authorization")); basic && context.request.body.empty()) {
    attempt.username = std::move(basic->username);
    attempt.password = std::move(basic->password);
    attempt.restaurant_id = http::QueryParams(context.request.query).get("restaurantId");
  } else {
    attempt = read_sign_in_body(context.request.body);
    attempt.client_address = context.request.client_address;
  }
  return token_reply(staff_auth(context).login(attempt));
}

http::Response change_password(http::RequestContext& context) {
  auto change = read_password_change_body(context.request.body);
  change.attempt.client_address = context.request.client_address;
  return token_reply(staff_auth(context).change_password(change.attempt, change.new_password));
}

http::Response refresh_tokens(http::RequestContext& context) {
  return token_reply(staff_auth(context).refresh(read_refresh_body(context.request.body)));
}

http::Response logout(http::RequestContext& context) {
  const auto& caller = context.caller();
  if (caller.session_id.empty()) {
    throw domain::IllegalOperation("not_a_session", "",
                                   "Sign-out ends a staff token; an API key is revoked with maitred key revoke.");
  }
  staff_auth(context).logout(caller.session_id);
  http::Response r;
  r.status = 204;
  return r;
}

}  // namespace maitred::api
