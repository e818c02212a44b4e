#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// GET /v1/events?after=CURSOR&limit=N&types=booking.*,table.updated&wait=SECONDS:
// the restaurant's change feed, oldest first, with the cursor of the next
// page. With `wait` (up to 30 s) and nothing new, the answer waits for the
// next event to commit (http/long_poll.hpp). A cursor older than the
// retention is 410 cursor_expired.
http::Response list_events(http::RequestContext& context);

}  // namespace maitred::api
