#pragma once
// The body a webhook delivery sends, rendered when it is sent (not when
// the event happened), so a receiver that was down for hours gets the
// resource as the API serves it now, never a stale copy:
//
//   {"type": "booking.updated", "timestamp": "<the event's time>",
//    "data": {<the resource as GET answers it>},
//    "changes": [{"field","from","to"}, ...]}      <- updates only
//
// Deletions and erasures, resources that are gone by now, and resources
// with secrets or personal data of staff (API keys, staff users) carry
// their ids only: {"_id": "..."}. A ping's data is {"webhookId": "..."}.

#include <string>

#include "store/store.hpp"

namespace maitred::delivery {

std::string render_webhook_payload(store::Store& store, const store::WebhookDelivery& delivery);

}  // namespace maitred::delivery
