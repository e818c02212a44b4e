// libFuzzer target: the write bodies besides bookings and setup. The first
// byte of an input picks the route, the rest is its body:
//
//   0  POST /v1/bookingFlow/holds   api::create_hold
//   1  POST /v1/orders              api::create_order
//   2  POST /v1/feedback            api::create_feedback
//   3  POST /v1/auth                api::read_sign_in_body
//   4  POST /v1/auth/password       api::read_password_change_body
//   5  POST /v1/auth/refresh        api::read_refresh_body
//
// Holds, orders and feedback run through their real handlers into a real
// SQLite store (fuzz_restaurant.hpp; booking BBBBBBBBBBBBBBBBB exists for
// orders and feedback to name). What is accepted must be stored as valid
// UTF-8, read back by the store's own decoder and re-encode to the stored
// bytes; the document is then removed so the store stays small. The staff
// bodies are only decoded (a sign-in would cost an argon2 hash): what is
// accepted must be valid UTF-8 within the documented lengths, and must read
// back the same once written as JSON again. Customers have no body of their
// own; fuzz_booking_roundtrip covers the records bookings make.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/auth.hpp"
#include "api/booking_flow.hpp"
#include "api/guest_records.hpp"
#include "domain/errors.hpp"
#include "domain/password_policy.hpp"
#include "domain/staff_user.hpp"
#include "fuzz_restaurant.hpp"
#include "fuzz_support.hpp"
#include "http/api_error.hpp"
#include "json/customer_codec.hpp"
#include "json/hold_codec.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace {

using namespace maitred;
using fuzz::contract;

// The stored document `id` of `collection`: valid UTF-8, and what `from` and
// `to` make of it is the same bytes. Then it is removed.
template <typename From, typename To>
void check_and_remove(store::Collection collection, const std::string& id, From from, To to) {
  auto& store = fuzz::fuzz_restaurant().store();
  const auto stored = store.documents().find_document(collection, fuzz::kRestaurantId, id);
  contract(stored.has_value(), "an accepted document is stored", id);
  contract(fuzz::is_strict_utf8(stored->json), "a stored document is valid UTF-8", stored->json);
  const auto again = fuzz::must([&] { return to(from(stored->json)); }, "a stored document reads back", stored->json);
  contract(again == stored->json, "read back and re-encoded, a document is the stored bytes",
           stored->json + "\n" + again);
  store.documents().erase_document(collection, fuzz::kRestaurantId, id);
}

std::string id_of_created(const http::Response& created) {
  contract(created.status == 200 && created.body.size() == 19, "a create answers the new id", created.body);
  return created.body.substr(1, 17);
}

void hold(std::string_view body) {
  auto& r = fuzz::fuzz_restaurant();
  const auto answer = r.call(api::create_hold, http::Method::post, body);
  const auto hold = fuzz::must([&] { return json::hold_from_stored(answer.body); }, "a hold answer reads", answer.body);
  check_and_remove(store::Collection::holds, hold.id, json::hold_from_stored, json::hold_to_json);
}

void order(std::string_view body) {
  const auto id = id_of_created(fuzz::fuzz_restaurant().call(api::create_order, http::Method::post, body));
  check_and_remove(store::Collection::orders, id, json::order_from_stored, json::order_to_json);
}

void feedback(std::string_view body) {
  const auto id = id_of_created(fuzz::fuzz_restaurant().call(api::create_feedback, http::Method::post, body));
  check_and_remove(store::Collection::feedback, id, json::feedback_from_stored, json::feedback_to_json);
}

// Accepted credentials: valid UTF-8, within bounds, and the same after a
// trip through the JSON writer and the body reader.
void check_sign_in(const app::LoginAttempt& attempt, const std::string* new_password = nullptr) {
  contract(attempt.username.size() <= domain::kMaxUsernameLength * 4, "username within bounds");
  for (const auto* text : {&attempt.username, &attempt.password, new_password}) {
    if (text != nullptr) contract(fuzz::is_strict_utf8(*text), "accepted credentials are valid UTF-8", *text);
  }
  std::string body;
  json::JsonWriter out(body);
  out.start_object();
  out.member("username", attempt.username);
  out.member("password", attempt.password);
  if (attempt.restaurant_id) out.member("restaurantId", *attempt.restaurant_id);
  if (new_password != nullptr) out.member("newPassword", *new_password);
  out.end_object();
  app::LoginAttempt again;
  std::string new_again;
  fuzz::must(
      [&] {
        if (new_password == nullptr) {
          again = api::read_sign_in_body(body);
          return 0;
        }
        auto change = api::read_password_change_body(body);
        again = change.attempt;
        new_again = change.new_password;
        return 0;
      },
      "re-encoded credentials read back", body);
  contract(again.username == attempt.username && again.password == attempt.password &&
               again.restaurant_id == attempt.restaurant_id && (!new_password || new_again == *new_password),
           "re-encoded credentials read back the same", body);
}

void feed(std::uint8_t selector, std::string_view body) {
  switch (selector % 6) {
    case 0: hold(body); break;
    case 1: order(body); break;
    case 2: feedback(body); break;
    case 3: check_sign_in(api::read_sign_in_body(body)); break;
    case 4: {
      const auto change = api::read_password_change_body(body);
      check_sign_in(change.attempt, &change.new_password);
      break;
    }
    default: {
      const auto token = api::read_refresh_body(body);
      contract(fuzz::is_strict_utf8(token), "an accepted refresh token is valid UTF-8", token);
      std::string again = "{\"refreshToken\":" + json::quoted(token) + "}";
      const auto token_again = fuzz::must([&] { return api::read_refresh_body(again); }, "a refresh body reads", again);
      contract(token_again == token, "a re-encoded refresh token reads back the same", again);
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  try {
    feed(data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  } catch (const domain::DomainError&) {
    // A client error (4xx): what bad input must produce.
  } catch (const http::ApiError&) {
  }
  return 0;
}
