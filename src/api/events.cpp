#include "api/events.hpp"

#include <charconv>
#include <memory>

#include "core/time_format.hpp"
#include "http/api_error.hpp"
#include "http/long_poll.hpp"
#include "http/query_params.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"
#include "store/store.hpp"

namespace maitred::api {

namespace {

using json::invalid;  // InvalidInput (422) naming the parameter

constexpr long long kDefaultLimit = 100;
constexpr long long kMaxLimit = 1000;
constexpr long long kMaxWaitSeconds = 30;
constexpr std::size_t kMaxTypePatterns = 20;

// A cursor is the sequence number of the last event seen, as the feed
// answered it ("next"); "latest" starts at the newest event (only what
// happens from now on); absent starts at the oldest event kept.
struct Cursor {
  enum class Kind { oldest, latest, after } kind = Kind::oldest;
  std::uint64_t sequence = 0;
};

Cursor read_cursor(const http::QueryParams& params) {
  auto text = params.get("after");
  if (!text || text->empty()) return {};
  if (*text == "latest") return {Cursor::Kind::latest};
  std::uint64_t sequence = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), sequence);
  if (error != std::errc{} || end != text->data() + text->size() || text->size() > 19) {
    invalid("after", "'after' must be a cursor the feed answered (its 'next'), or 'latest'.", "invalid_cursor");
  }
  return {Cursor::Kind::after, sequence};
}

std::vector<std::string> read_types(const http::QueryParams& params) {
  std::vector<std::string> patterns;
  auto text = params.get("types");
  if (!text) return patterns;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const auto pattern = rest.substr(0, comma);
    if (!domain::is_valid_event_type_pattern(pattern)) {
      invalid("types", "'" + std::string(pattern) +
                           "' is not an event type pattern: use types such as booking.created, booking.* or *,"
                           " separated by commas.");
    }
    patterns.emplace_back(pattern);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  if (patterns.size() > kMaxTypePatterns) invalid("types", "At most 20 type patterns.");
  return patterns;
}

void write_event(json::JsonWriter& out, const domain::Event& event) {
  out.start_object();
  out.member("id", event.id);
  out.member("sequence", static_cast<long long>(event.sequence));
  out.member("type", event.type);
  out.member("at", core::format_utc(event.at));
  out.key("actor");
  out.start_object();
  out.member("type", event.actor.type);
  if (!event.actor.id.empty()) out.member("id", event.actor.id);
  out.end_object();
  out.key("resource");
  out.start_object();
  out.member("type", domain::resource_type_of(event.type));
  out.member("id", event.resource_id);
  out.end_object();
  if (!event.changes_json.empty()) {
    out.key("changes");
    out.raw(event.changes_json);
  }
  out.end_object();
}

http::Response page_response(const store::EventPage& page) {
  std::string body;
  json::JsonWriter out(body);
  out.start_object();
  out.key("events");
  out.start_array();
  for (const auto& event : page.events) write_event(out, event);
  out.end_array();
  out.member("next", std::to_string(page.next));
  out.member("hasMore", page.more);
  out.end_object();
  return http::Response::json(200, std::move(body));
}

// The page after the query's cursor; or, when there is none yet and the
// deadline is ahead, a long poll that asks again when the restaurant's bell
// rings. Asking again may find nothing (the bell rang for a filtered-out
// event, or for everything when the PostgreSQL listener reconnected): then
// it waits on, until the deadline.
http::Response answer_or_wait(store::Store& store, const store::EventQuery& query,
                              std::chrono::steady_clock::time_point deadline, bool may_wait = true) {
  auto& log = store.events();
  // Read before the events: a commit after this point rings the bell, so a
  // wait that starts from this count cannot miss it.
  const auto seen = log.bell().rings(query.restaurant_id);
  auto page = log.read_events(query);
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (!page.events.empty() || left.count() <= 0 || !may_wait) return page_response(page);
  http::Response waiting;
  waiting.long_poll = std::make_shared<http::LongPoll>(
      http::LongPoll{log.bell(), query.restaurant_id, seen, left, [&store, query, deadline](bool may_wait_again) {
                       return answer_or_wait(store, query, deadline, may_wait_again);
                     }});
  return waiting;
}

}  // namespace

http::Response list_events(http::RequestContext& context) {
  const http::QueryParams params(context.request.query);
  const auto cursor = read_cursor(params);
  store::EventQuery query;
  query.restaurant_id = context.caller().restaurant_id;
  query.limit = static_cast<std::size_t>(params.get_integer("limit", kDefaultLimit, 1, kMaxLimit));
  query.types = read_types(params);
  const auto wait = std::chrono::seconds{params.get_integer("wait", 0, 0, kMaxWaitSeconds)};

  auto& log = context.services.store.events();
  const auto range = log.event_range(query.restaurant_id);
  switch (cursor.kind) {
    case Cursor::Kind::oldest: query.after = range.purged_through; break;
    case Cursor::Kind::latest: query.after = range.latest; break;
    case Cursor::Kind::after:
      if (cursor.sequence < range.purged_through) {
        throw http::ApiError(410, "cursor_expired",
                             "Events before this cursor were removed (events are kept for a limited time). Start "
                             "again without 'after', and fetch the resources you track afresh.",
                             "after");
      }
      if (cursor.sequence > range.latest) {
        invalid("after", "This cursor is ahead of the restaurant's feed; use a 'next' the feed answered.",
                "invalid_cursor");
      }
      query.after = cursor.sequence;
      break;
  }
  return answer_or_wait(context.services.store, query, std::chrono::steady_clock::now() + wait);
}

}  // namespace maitred::api
