#pragma once
// A domain event: one committed change to a restaurant's data, as the change
// feed (GET /v1/events) serves it and as the outbox that webhooks and e-mails
// will read. Written in the same transaction as the change it describes, so
// there is an event exactly for every change that committed.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace maitred::domain {

// Who made a change: an API key, a staff user, the command line, the server
// itself (an import job runs as the key that started it).
struct Actor {
  std::string type;  // "apiKey", "user", "cli", "system"
  std::string id;    // the key's or user's id; empty for cli and system
};

struct Event {
  // Per restaurant, strictly increasing in commit order, from 1; set by the
  // store at commit.
  std::uint64_t sequence = 0;
  std::string id;  // unique across restaurants; stable for consumers that deduplicate
  std::string restaurant_id;
  std::string type;  // "<resource>.<what happened>": booking.created, table.deleted, ...
  core::SystemTime at;
  Actor actor;
  std::string resource_id;
  // For updates: the changed fields as a JSON array of {"field","from","to"},
  // the same list the booking history keeps; empty otherwise. Erasures never
  // carry one (no personal data in the log).
  std::string changes_json;
};

// "booking" for "booking.created": the kind of resource the event is about.
std::string_view resource_type_of(std::string_view event_type);

// Whether `type` is matched by `pattern`: the exact type, "<resource>.*",
// or "*".
bool event_type_matches(std::string_view pattern, std::string_view type);

// A pattern as the feed's `types` parameter takes it: "*", "<resource>.*" or
// "<resource>.<what>", each part lower-case letters and underscores.
bool is_valid_event_type_pattern(std::string_view pattern);

}  // namespace maitred::domain
