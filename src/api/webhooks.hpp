#pragma once
#include "http/handler.hpp"

namespace maitred::api {

// /v1/webhooks (managers, owners and API keys): endpoints that receive the
// restaurant's events, signed (docs/API.md "Webhooks"). The same answers in
// both dialects: 201 with the endpoint (and its secret, that once) on
// create, the endpoint on update, 204 on delete.
http::Response list_webhooks(http::RequestContext& context);
http::Response get_webhook(http::RequestContext& context);
http::Response create_webhook(http::RequestContext& context);
http::Response update_webhook(http::RequestContext& context);
http::Response delete_webhook(http::RequestContext& context);
// POST /webhooks/{id}/rotateSecret: 200 {"secret"}; the old one signs for 24 h more.
http::Response rotate_webhook_secret(http::RequestContext& context);
// POST /webhooks/{id}/test: 202 {"deliveryId"}; a `ping` is queued.
http::Response test_webhook(http::RequestContext& context);
// GET /webhooks/{id}/deliveries (skip, limit): the newest first, with attempts.
http::Response list_webhook_deliveries(http::RequestContext& context);
// POST /webhooks/{id}/deliveries/{deliveryId}/retry: 202; due now again.
http::Response retry_webhook_delivery(http::RequestContext& context);

}  // namespace maitred::api
