#include "api/webhooks.hpp"

#include "api/booking_context.hpp"
#include "api/setup_documents.hpp"
#include "app/webhook_service.hpp"
#include "core/time_format.hpp"
#include "json/json_writer.hpp"
#include "json/webhook_codec.hpp"

namespace maitred::api {

namespace {

const app::WebhookOptions kDefaults;

app::WebhookService service(const http::RequestContext& context) {
  const auto* options = context.services.webhooks;
  return {context.services.store, context.services.clock, context.caller().restaurant_id, actor_of(context.caller()),
          options != nullptr ? *options : kDefaults};
}

// The endpoint, with its secret when one was just issued.
http::Response endpoint_response(unsigned status, const domain::WebhookEndpoint& endpoint,
                                 const std::string& secret = {}) {
  std::string body = json::webhook_endpoint_to_json(endpoint);
  if (!secret.empty()) {
    body.pop_back();  // the closing brace: the secret joins the object
    std::string member;
    json::JsonWriter out(member);
    out.string(secret);
    body += ",\"secret\":" + member + "}";
  }
  return http::Response::json(status, std::move(body));
}

// {"<name>": "<value>"}
http::Response one_member(unsigned status, std::string_view name, std::string_view value) {
  std::string body;
  json::JsonWriter out(body);
  out.start_object();
  out.member(name, value);
  out.end_object();
  return http::Response::json(status, std::move(body));
}

void write_attempt(json::JsonWriter& out, const store::WebhookAttempt& a) {
  out.start_object();
  out.member("number", a.number);
  out.member("at", core::format_utc(a.at));
  out.member("status", a.outcome);
  out.member("durationMs", a.duration_ms);
  out.key("responseCode");
  if (a.response_code)
    out.integer(*a.response_code);
  else
    out.null();
  out.member("response", a.response_body);
  if (!a.error.empty()) out.member("error", a.error);
  out.end_object();
}

void write_delivery(json::JsonWriter& out, const app::WebhookDeliveryRecord& record) {
  const auto& d = record.delivery;
  out.start_object();
  out.member("_id", d.id);
  out.member("webhookId", d.endpoint_id);
  out.member("messageId", d.message_id);
  out.key("event");
  out.start_object();
  out.member("id", d.event_id);
  out.member("type", d.event_type);
  out.member("at", core::format_utc(d.event_at));
  out.member("resourceId", d.resource_id);
  out.end_object();
  out.member("status", d.status);
  out.key("nextAttemptAt");
  if (d.status == "pending" && d.next_attempt_at)
    out.string(core::format_utc(*d.next_attempt_at));
  else
    out.null();
  out.member("createdAt", core::format_utc(d.created_at));
  out.key("attempts");
  out.start_array();
  for (const auto& a : record.attempts) write_attempt(out, a);
  out.end_array();
  out.end_object();
}

domain::WebhookEndpoint read_draft(const http::RequestContext& context) {
  BodyReader body(context);
  for (auto required : {"url", "events"}) {
    if (!body.reader().has(required))
      json::invalid(required, "'" + std::string(required) + "' is required.", "missing_field");
  }
  domain::WebhookEndpoint draft;
  json::apply_webhook_endpoint(body.reader(), draft);
  body.reader().finish();
  return draft;
}

}  // namespace

http::Response list_webhooks(http::RequestContext& context) {
  std::string body;
  json::JsonWriter out(body);
  out.start_array();
  for (const auto& endpoint : service(context).list()) json::write_webhook_endpoint(out, endpoint);
  out.end_array();
  return http::Response::json(200, std::move(body));
}

http::Response get_webhook(http::RequestContext& context) {
  return endpoint_response(200, service(context).get(context.path_param("id")));
}

http::Response create_webhook(http::RequestContext& context) {
  auto created = service(context).create(read_draft(context));
  return endpoint_response(201, created.endpoint, created.secret);
}

http::Response update_webhook(http::RequestContext& context) {
  const auto id = context.path_param("id");
  auto endpoint = service(context).update(id, [&](domain::WebhookEndpoint& stored) {
    BodyReader body(context, stored.id);
    json::apply_webhook_endpoint(body.reader(), stored);
    body.reader().finish();
  });
  return endpoint_response(200, endpoint);
}

http::Response delete_webhook(http::RequestContext& context) {
  service(context).remove(context.path_param("id"));
  http::Response response;
  response.status = 204;
  return response;
}

http::Response rotate_webhook_secret(http::RequestContext& context) {
  return one_member(200, "secret", service(context).rotate_secret(context.path_param("id")));
}

http::Response test_webhook(http::RequestContext& context) {
  return one_member(202, "deliveryId", service(context).send_test(context.path_param("id")));
}

http::Response list_webhook_deliveries(http::RequestContext& context) {
  const http::QueryParams params(context.request.query);
  const auto skip =
      static_cast<std::size_t>(params.get_integer("skip", params.get_integer("offset", 0, 0, 1'000'000), 0, 1'000'000));
  const auto limit = static_cast<std::size_t>(params.get_integer("limit", 100, 1, 100));
  std::string body;
  json::JsonWriter out(body);
  out.start_array();
  for (const auto& record : service(context).deliveries(context.path_param("id"), skip, limit)) {
    write_delivery(out, record);
  }
  out.end_array();
  return http::Response::json(200, std::move(body));
}

http::Response retry_webhook_delivery(http::RequestContext& context) {
  service(context).retry(context.path_param("id"), context.path_param("deliveryId"));
  return http::Response::json(202, "true");
}

}  // namespace maitred::api
