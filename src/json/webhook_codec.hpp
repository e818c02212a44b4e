#pragma once
// JSON for webhook endpoints: the document as stored and served (never with
// a secret: the create and rotate answers add it themselves), and the
// fields a create or update body may set.

#include <string>
#include <string_view>

#include "domain/webhook_endpoint.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {

// {"_id","url","events","description","enabled","disabledReason"?,"createdAt","updatedAt"}
void write_webhook_endpoint(JsonWriter& out, const domain::WebhookEndpoint& endpoint);
std::string webhook_endpoint_to_json(const domain::WebhookEndpoint& endpoint);

// A create or update body: url, events, description, enabled (each
// optional here; the use case checks the result). Read-only fields sent
// back as answered (_id, createdAt, updatedAt, disabledReason) are ignored.
void apply_webhook_endpoint(ObjectReader& in, domain::WebhookEndpoint& endpoint);

// The stored document back (throws InvalidInput when it is not one).
domain::WebhookEndpoint webhook_endpoint_from_stored(std::string_view json);

}  // namespace maitred::json
