#pragma once
// Holds (POST /v1/bookingFlow/holds): a time the availability engine offers,
// its tables kept for the restaurant's holdMinutes while the guest fills in
// the form. A booking with the hold's id takes them over.

#include <string>

#include "app/booking_service.hpp"
#include "domain/hold.hpp"

namespace maitred::app {

struct HoldRequest {
  std::string date;
  std::string time;
  int people = 2;
  std::string opening_hour_id;
  std::string area_id;
};

// Checked against availability inside the write transaction, so two guests
// can never hold the same table. Throws InvalidInput (422) with the reason
// when the time cannot be held.
domain::Hold place_hold(const BookingContext& context, const HoldRequest& request);

// False when there was no such hold.
bool release_hold(const BookingContext& context, const std::string& hold_id);

}  // namespace maitred::app
