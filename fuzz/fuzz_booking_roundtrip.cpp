// libFuzzer target: a booking body, from POST /v1/bookings to what is read
// back. The input is the body. It goes through the real handler
// (api::create_booking: BodyReader, json::read_booking_changes, the booking
// use case) into a real SQLite store (fuzz_restaurant.hpp). When accepted:
//
// - the stored document is valid UTF-8 and reads back (find_booking), and
//   re-encoding what was read gives the stored bytes exactly;
// - the guest's name, the comment, the referrer and the metadata read back
//   as the body gave them;
// - the guest's customer record and every history entry read back the same
//   way.
//
// The same body is then sent as PUT /v1/bookings/{id} (the update path and
// the history diff), the checks run again, and the booking is deleted so the
// store stays small. A 4xx (domain::DomainError, http::ApiError) is the
// expected answer to garbage; any other exception, a crash, a sanitizer
// report or a broken check is a finding.

#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/bookings.hpp"
#include "domain/errors.hpp"
#include "domain/search_expression.hpp"
#include "fuzz_restaurant.hpp"
#include "fuzz_support.hpp"
#include "http/api_error.hpp"
#include "json/booking_codec.hpp"
#include "json/customer_codec.hpp"
#include "json/json_reader.hpp"

namespace {

using namespace maitred;
using fuzz::contract;

// The handler's answer without the cost of a 4xx: true when it accepted.
template <typename Call>
bool accepted(Call call) {
  try {
    call();
    return true;
  } catch (const domain::DomainError&) {
  } catch (const http::ApiError&) {
  }
  return false;
}

std::string stored_booking(store::Store& store, const std::string& id) {
  const auto filter = domain::parse_search_expression("_id:\"" + id + "\"");
  store::BookingQuery query;
  query.restaurant_id = fuzz::kRestaurantId;
  query.filter = &filter;
  const auto documents = store.bookings().list_booking_documents(query);
  contract(documents.size() == 1, "the booking is listed once");
  return documents.front();
}

// A string member of the body (or of its guest) must read back unchanged.
void same_string(const rapidjson::Value& object, const char* key, const std::string& read, const char* what) {
  if (!object.IsObject()) return;
  const auto member = object.FindMember(key);
  if (member == object.MemberEnd() || !member->value.IsString()) return;
  contract(std::string_view(member->value.GetString(), member->value.GetStringLength()) == read, what, read);
}

void check_given_fields(const rapidjson::Document& body, const domain::Booking& b) {
  if (const auto guest = body.FindMember("guest"); guest != body.MemberEnd()) {
    same_string(guest->value, "name", b.guest.name, "guest.name reads back as given");
  }
  same_string(body, "comment", b.comment, "comment reads back as given");
  same_string(body, "referrer", b.referrer, "referrer reads back as given");
  // Compared as text: RapidJSON's == is not defined for an object with a key
  // twice, which metadata may have (it is kept as sent).
  if (const auto metadata = body.FindMember("metadata"); metadata != body.MemberEnd()) {
    contract(json::serialize(metadata->value) == b.metadata_json, "metadata reads back as given", b.metadata_json);
  }
}

void check_stored(fuzz::FuzzRestaurant& r, const std::string& id, const rapidjson::Document& body) {
  auto& store = r.store();
  const std::string stored = stored_booking(store, id);
  contract(fuzz::is_strict_utf8(stored), "a stored booking is valid UTF-8", stored);
  const auto booking = fuzz::must([&] { return store.bookings().find_booking(fuzz::kRestaurantId, id); },
                                  "a stored booking reads back", stored);
  contract(booking.has_value(), "the booking is found");
  contract(json::booking_to_json(*booking) == stored, "read back and re-encoded, a booking is the stored bytes",
           stored + "\n" + json::booking_to_json(*booking));
  check_given_fields(body, *booking);

  if (!booking->customer_id.empty()) {
    const auto customer =
        store.documents().find_document(store::Collection::customers, fuzz::kRestaurantId, booking->customer_id);
    contract(customer.has_value(), "the booking's customer exists");
    contract(fuzz::is_strict_utf8(customer->json), "a stored customer is valid UTF-8", customer->json);
    const auto decoded = fuzz::must([&] { return json::customer_from_stored(customer->json); },
                                    "a stored customer reads back", customer->json);
    contract(json::customer_to_json(decoded) == customer->json,
             "read back and re-encoded, a customer is the stored "
             "bytes",
             customer->json);
  }
  for (const auto& entry : store.bookings().booking_history(fuzz::kRestaurantId, id)) {
    contract(fuzz::is_strict_utf8(entry), "a history entry is valid UTF-8", entry);
    fuzz::must([&] { return json::parse_body(entry).IsObject(); }, "a history entry is JSON", entry);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto& r = fuzz::fuzz_restaurant();
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  http::Response created;
  if (!accepted([&] { created = r.call(api::create_booking, http::Method::post, body); })) return 0;
  contract(created.status == 200 && created.body.size() == 19, "a create answers the new id", created.body);
  const std::string id = created.body.substr(1, 17);
  const auto given = json::parse_body(body);  // it parsed once already
  check_stored(r, id, given);

  if (accepted([&] { r.call(api::update_booking, http::Method::put, body, {{"id", id}}); })) {
    check_stored(r, id, given);
  }
  r.call(api::delete_booking, http::Method::del, {}, {{"id", id}});
  contract(!r.store().bookings().find_booking(fuzz::kRestaurantId, id), "a deleted booking is gone");
  return 0;
}
