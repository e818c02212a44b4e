#include "http/connection.hpp"

#include <ctime>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>

#include "core/logging.hpp"
#include "http/long_poll.hpp"
#include "http/request.hpp"
#include "http/request_pipeline.hpp"
#include "http/response.hpp"

namespace maitred::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kReadChunk = 4096;
constexpr std::chrono::seconds kWriteTimeout{30};
constexpr std::chrono::seconds kTlsShutdownTimeout{2};
// Lingering close after an error answered before the request was read whole
// (nginx's lingering_time; the size bound, ours, applies where the input is
// drained raw: plain TCP, or TLS when waiting for close_notify failed).
constexpr std::chrono::seconds kLingeringTime{30};
constexpr std::size_t kLingeringBytes = 64 * 1024 * 1024;

std::string_view sv(beast::string_view s) {
  return {s.data(), s.size()};
}

// The Date header, formatted at most once per second per thread.
std::string_view http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local char text[64] = {};
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached_second = now;
  }
  return text;
}

struct Counted {
  std::atomic<std::size_t>& counter;
  explicit Counted(std::atomic<std::size_t>& c) : counter(c) { ++counter; }
  ~Counted() { --counter; }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
};

std::string address_of(const tcp::socket& socket) {
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string{} : endpoint.address().to_string();
}

// The client's address: the peer's, or behind a trusted proxy the one its
// X-Forwarded-For names (every such header, in order, as one list).
std::string client_of(const bhttp::request<bhttp::string_body>& message, const std::string& peer,
                      const TrustedProxies& proxies) {
  if (proxies.empty() || !proxies.contains(peer)) return peer;
  std::string forwarded;
  const auto [first, last] = message.equal_range("X-Forwarded-For");
  for (auto field = first; field != last; ++field) {
    if (!forwarded.empty()) forwarded += ',';
    forwarded += sv(field->value());
  }
  return proxies.client_address(peer, forwarded);
}

Request to_request(const bhttp::request<bhttp::string_body>& message, std::string client_address, bool secure) {
  Request request;
  request.method = parse_method(sv(message.method_string()));
  request.target = sv(message.target());
  std::tie(request.path, request.query) = split_target(request.target);
  request.headers.reserve(16);
  for (const auto& field : message) request.headers.emplace_back(sv(field.name_string()), sv(field.value()));
  request.body = message.body();
  request.client_address = std::move(client_address);
  request.secure = secure;
  return request;
}

bhttp::response<bhttp::string_body> to_message(Response&& response, bool keep_alive) {
  bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), 11};
  message.set(bhttp::field::server, "maitred");
  const auto date = http_date();
  message.set(bhttp::field::date, beast::string_view(date.data(), date.size()));
  const bool bodiless = response.status == 204 || response.status == 304;
  // JSON unless the handler says otherwise (the web pages and their assets).
  if (!bodiless && response.header("Content-Type").empty()) {
    message.set(bhttp::field::content_type, "application/json; charset=utf-8");
  }
  for (auto& [name, value] : response.headers) message.insert(name, value);
  message.body() = std::move(response.body);
  message.keep_alive(keep_alive && !response.close_connection);
  if (!bodiless) message.prepare_payload();
  return message;
}

// RequestPipeline::handle on a handler-pool thread. It must not throw there:
// an exception leaving a pool task would end the process and, before that,
// lose the completion handler, leaving the connection suspended forever.
// handle() already maps handler exceptions to responses; what remains
// (allocation failures in its logging or headers) is answered with the
// pipeline's own 500, and should even that throw, with a bare 500. (Only the
// allocation in posting the result back can still fail; out of memory ends
// the process there, as anywhere else.)
Response handle_without_throwing(RequestPipeline& pipeline, const Request& request) noexcept {
  try {
    return pipeline.handle(request);
  } catch (const std::exception& e) {
    core::log().error("request pipeline failed on a handler thread: {}", e.what());
  } catch (...) {
    core::log().error("request pipeline failed on a handler thread with a non-standard exception");
  }
  try {
    return pipeline.early_error(500, "internal_error",
                                "Something went wrong on the server. Quote this request id when reporting it.",
                                method_name(request.method), request.path, request.client_address);
  } catch (...) {
    Response bare;
    bare.status = 500;
    bare.close_connection = true;
    return bare;
  }
}

// An error answered before the request could be handled: the arguments of
// RequestPipeline::early_error. The views point into the connection's
// parser, which outlives the answer.
struct EarlyError {
  unsigned status;
  std::string_view code;
  std::string message;
  std::string_view method;
  std::string_view path;
};

// early_error, likewise never throwing where it may run on a handler thread:
// should even it fail, a bare response with the status.
Response early_error_without_throwing(RequestPipeline& pipeline, const EarlyError& error,
                                      const std::string& client) noexcept {
  try {
    return pipeline.early_error(error.status, error.code, error.message, error.method, error.path, client);
  } catch (...) {
    Response bare;
    bare.status = error.status;
    bare.close_connection = true;
    return bare;
  }
}

// Runs `work` (a noexcept callable returning a Response) on `pool` and
// completes with the response on the executor associated with the
// completion handler: for a coroutine, its own I/O executor, so the stream
// is only ever touched from its I/O thread. What `work` refers to (the
// request: views into the connection's parser and buffer) must outlive the
// operation; the awaiting coroutine is suspended until it completes, so its
// locals do.
template <class Work, class Token>
auto async_on_pool(asio::thread_pool& pool, Work work, Token&& token) {
  auto initiation = [&pool](auto handler, Work work) {
    // Keeps the I/O context from running out of work while the handler is
    // away on the pool.
    auto io_work = asio::make_work_guard(asio::get_associated_executor(handler));
    asio::post(pool, [work = std::move(work), handler = std::move(handler), io_work = std::move(io_work)]() mutable {
      Response response = work();
      auto io = io_work.get_executor();
      asio::post(io, [handler = std::move(handler), response = std::move(response)]() mutable {
        std::move(handler)(std::move(response));
      });
      io_work.reset();
    });
  };
  return asio::async_initiate<Token, void(Response)>(initiation, token, std::move(work));
}

// An early error's answer. early_error spends the client address's
// rate-limit budget: a round trip where the limiter is shared (PostgreSQL),
// so there it runs on the handler threads too.
asio::awaitable<Response> answer_early(ConnectionShared& shared, const EarlyError& error, const std::string& client) {
  auto work = [&shared, &error, &client]() noexcept {
    return early_error_without_throwing(shared.pipeline, error, client);
  };
  if (shared.handlers == nullptr || !shared.config.every_request_on_handler_threads) co_return work();
  auto answered = async_on_pool(*shared.handlers, work, asio::use_awaitable);
  co_return co_await std::move(answered);
}

// A long poll's wait (http/long_poll.hpp), on this connection's I/O thread:
// a timer that the bell cancels when news arrives. The bell's callback runs
// on whichever thread rings it and only posts the cancel here. (The stream's
// own timeouts are not running meanwhile: nothing reads or writes.)
asio::awaitable<void> wait_for_news(const LongPoll& poll, ConnectionShared& shared) {
  if (shared.stopping || poll.wait.count() <= 0) co_return;
  auto executor = co_await asio::this_coro::executor;
  auto timer = std::make_shared<asio::steady_timer>(executor, poll.wait);
  const auto ticket =
      poll.bell.wait(poll.key, poll.seen, [executor, timer] { asio::post(executor, [timer] { timer->cancel(); }); });
  beast::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  // A ring that came before the wait began only posted its cancel, which
  // runs after this suspends: the wait then ends at once.
  co_await timer->async_wait(token);
  poll.bell.cancel(ticket);
}

// RequestPipeline::resume, as handle_without_throwing does for handle.
Response resume_without_throwing(RequestPipeline& pipeline, const Request& request, LongPoll& poll,
                                 bool may_wait) noexcept {
  try {
    return pipeline.resume(request, poll, may_wait);
  } catch (...) {
    core::log().error("answering a long poll failed");
  }
  Response bare;
  bare.status = 500;
  bare.close_connection = true;
  return bare;
}

// Requests that may wait run on the handler threads: every write (a
// database lock held by another process, up to the busy timeout) and staff
// sign-in (argon2), that is all but GET and HEAD. Reads stay on the I/O
// thread, saving two thread hops: on SQLite they read a WAL snapshot and
// never wait for a lock. On PostgreSQL every statement is a round trip, so
// every request goes.
bool runs_on_handler_threads(const Request& request, const ConnectionShared& shared) {
  if (shared.handlers == nullptr) return false;
  if (shared.config.every_request_on_handler_threads) return true;
  return request.method != Method::get && request.method != Method::head;
}

// RFC 9112 rules a request head must meet before anything reads its body;
// the reason it does not, or none. Beast takes "gzip, chunked" and its like
// as chunked and "identity" as no body at all (the body would then be read
// as the next request): only exactly "chunked" is accepted (section 6.3).
std::optional<std::string> head_problem(const bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& head = parser.get();
  const auto codings = head.count(bhttp::field::transfer_encoding);
  if (codings > 1 || (codings == 1 && !beast::iequals(head[bhttp::field::transfer_encoding], "chunked"))) {
    return "Transfer-Encoding must be exactly \"chunked\" (or absent, with Content-Length).";
  }
  if (head.version() >= 11 && head.count(bhttp::field::host) != 1) {
    return "An HTTP/1.1 request must carry exactly one Host header.";
  }
  return std::nullopt;
}

template <class Stream>
asio::awaitable<bool> write_response(Stream& stream, Response response, bool keep_alive) {
  auto message = to_message(std::move(response), keep_alive);
  beast::get_lowest_layer(stream).expires_after(kWriteTimeout);
  beast::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  co_await bhttp::async_write(stream, message, token);
  co_return !ec && message.keep_alive();
}

// An error found while reading the request head or body; none when the
// connection should just be dropped (timeout, client gone).
std::optional<EarlyError> read_failure(const beast::error_code& ec, const core::ServeConfig& config,
                                       const bhttp::request_parser<bhttp::string_body>& parser) {
  std::string_view method = parser.is_header_done() ? sv(parser.get().method_string()) : std::string_view{};
  std::string_view path = parser.is_header_done() ? split_target(sv(parser.get().target())).first : std::string_view{};
  if (ec == bhttp::error::header_limit) {
    return EarlyError{431, "headers_too_large",
                      "The request headers are larger than " + std::to_string(config.max_header_bytes / 1024) + " KiB.",
                      method, path};
  }
  if (ec == bhttp::error::body_limit) {
    return EarlyError{413, "body_too_large",
                      "The request body is larger than " + std::to_string(config.max_body_bytes / 1024) + " KiB.",
                      method, path};
  }
  if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
      ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
      ec == asio::ssl::error::stream_truncated || ec == bhttp::error::partial_message) {
    return std::nullopt;
  }
  return EarlyError{400, "malformed_request", "The request is not valid HTTP/1.1: " + ec.message(), method, path};
}

// How serve_requests ended: whether the client may still be sending what
// was never read (an error was answered before the request was whole).
enum class Ending { done, unread_input };

// The keep-alive loop, the same for TLS and (with --insecure-http) plain TCP.
// The first request's head must arrive within the header timeout that
// run_connection started at accept. How it ended goes to `ending` (not
// returned: GCC 12 warns -Wmismatched-new-delete on an awaitable<Ending>
// frame here).
template <class Stream>
asio::awaitable<void> serve_requests(Stream& stream, beast::flat_buffer& buffer, ConnectionShared& shared,
                                     std::string client, bool secure, Ending& ending) {
  const auto& config = shared.config;
  auto& lowest = beast::get_lowest_layer(stream);
  beast::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  for (bool first = true;; first = false) {
    if (shared.stopping) co_return;
    if (buffer.size() == 0) {
      // Keep-alive: the idle wait for the next request's first byte.
      if (!first) lowest.expires_after(config.idle_timeout);
      std::size_t n = co_await stream.async_read_some(buffer.prepare(kReadChunk), token);
      if (ec) co_return;
      buffer.commit(n);
    }
    if (!first) lowest.expires_after(config.header_timeout);
    // From its first byte a request is in flight: shutdown waits for it to
    // arrive whole and be answered.
    Counted in_flight(shared.requests_in_flight);
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(config.max_header_bytes));
    parser.body_limit(config.max_body_bytes);
    co_await bhttp::async_read_header(stream, buffer, parser, token);
    std::optional<EarlyError> failure;
    if (!ec) {
      if (auto problem = head_problem(parser)) {
        const auto& head = parser.get();
        failure = EarlyError{400, "malformed_request", std::move(*problem), sv(head.method_string()),
                             split_target(sv(head.target())).first};
      }
    }
    if (!ec && !failure) {
      lowest.expires_after(config.body_timeout);
      co_await bhttp::async_read(stream, buffer, parser, token);
    }
    if (ec) failure = read_failure(ec, config, parser);
    if (ec || failure) {
      if (!failure) co_return;
      auto answer = answer_early(shared, *failure, client);
      Response response = co_await std::move(answer);
      auto write = write_response(stream, std::move(response), false);
      co_await std::move(write);
      ending = Ending::unread_input;
      co_return;
    }

    const auto& message = parser.get();
    Request request = to_request(message, client_of(message, client, shared.trusted_proxies), secure);
    Response response;
    if (!runs_on_handler_threads(request, shared)) {
      response = shared.pipeline.handle(request);
    } else {
      auto handle = [&shared, &request]() noexcept { return handle_without_throwing(shared.pipeline, request); };
      auto handled = async_on_pool(*shared.handlers, handle, asio::use_awaitable);
      response = co_await std::move(handled);
    }
    // A long poll waits until its answer has news or its time is up; each
    // round holds no thread while it waits.
    while (auto poll = std::move(response.long_poll)) {
      auto waited = wait_for_news(*poll, shared);
      co_await std::move(waited);
      // Shutting down: answer with what there is, never wait again.
      const bool may_wait = !shared.stopping;
      if (!runs_on_handler_threads(request, shared)) {
        response = resume_without_throwing(shared.pipeline, request, *poll, may_wait);
      } else {
        auto resume = [&shared, &request, &poll, may_wait]() noexcept {
          return resume_without_throwing(shared.pipeline, request, *poll, may_wait);
        };
        auto resumed = async_on_pool(*shared.handlers, resume, asio::use_awaitable);
        response = co_await std::move(resumed);
      }
    }
    const bool keep_alive = message.keep_alive() && !shared.stopping;
    auto write = write_response(stream, std::move(response), keep_alive);
    bool keep_going = co_await std::move(write);
    if (!keep_going) co_return;
  }
}

// Lingering close, as nginx does it: closing a socket with unread input
// makes the kernel send a reset, which destroys a response the client has
// not read yet, and a client that sends its whole body before reading (most
// HTTP libraries) would see the connection torn down instead of the 413. So
// stop sending, then read and discard what still comes, for a bounded time
// and size, before closing.
asio::awaitable<void> drain_input(beast::tcp_stream& stream) {
  beast::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.expires_after(kLingeringTime);
  std::vector<char> scratch(16 * 1024);
  for (std::size_t drained = 0; !ec && drained < kLingeringBytes;) {
    drained += co_await stream.async_read_some(asio::buffer(scratch), token);
  }
}

// A plain-HTTP request on the TLS port: read its head (within the limits),
// answer that HTTPS is required, and close. The request is never processed.
// The head must arrive within the header timeout started at accept.
asio::awaitable<void> refuse_plain_http(beast::tcp_stream& stream, beast::flat_buffer& buffer, ConnectionShared& shared,
                                        std::string client) {
  beast::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  bhttp::request_parser<bhttp::empty_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(shared.config.max_header_bytes));
  co_await bhttp::async_read_header(stream, buffer, parser, token);
  if (ec && ec != bhttp::error::header_limit && ec != bhttp::error::body_limit) co_return;
  std::string_view method = parser.is_header_done() ? sv(parser.get().method_string()) : std::string_view{};
  std::string_view path = parser.is_header_done() ? split_target(sv(parser.get().target())).first : std::string_view{};
  const EarlyError refusal{400, "https_required", "This server only speaks HTTPS. Use https:// in the URL.", method,
                           path};
  auto answer = answer_early(shared, refusal, client);
  Response response = co_await std::move(answer);
  auto write = write_response(stream, std::move(response), false);
  co_await std::move(write);
  auto drain = drain_input(stream);
  co_await std::move(drain);
}

}  // namespace

asio::awaitable<void> run_connection(tcp::socket socket, ConnectionShared& shared,
                                     [[maybe_unused]] AddressSlots::Slot slot) {
  Counted open(shared.open_connections);
  std::string client = address_of(socket);
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  // One deadline from accept for the TLS handshake and the first request's
  // head: a client that connects and says nothing is dropped after the
  // header timeout, not kept for the idle timeout.
  stream.expires_after(shared.config.header_timeout);

  if (shared.tls == nullptr) {
    Ending ending = Ending::done;
    auto serve = serve_requests(stream, buffer, shared, client, false, ending);
    co_await std::move(serve);
    if (ending == Ending::unread_input) {
      auto drain = drain_input(stream);
      co_await std::move(drain);
    } else {
      stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    }
    co_return;
  }

  bool is_tls = co_await beast::async_detect_ssl(stream, buffer, token);
  if (ec) co_return;
  if (!is_tls) {
    auto refuse = refuse_plain_http(stream, buffer, shared, client);
    co_await std::move(refuse);
    co_return;
  }

  beast::ssl_stream<beast::tcp_stream> tls(std::move(stream), *shared.tls);
  std::size_t used = co_await tls.async_handshake(asio::ssl::stream_base::server, buffer.data(), token);
  if (ec) co_return;
  buffer.consume(used);

  Ending ending = Ending::done;
  auto serve = serve_requests(tls, buffer, shared, client, true, ending);
  co_await std::move(serve);

  // close_notify, then wait for the client's. After an early error the
  // client may still be sending its body: OpenSSL discards application data
  // that arrives once close_notify is sent, so the wait drains it (lingering
  // close, see drain_input); should the wait fail otherwise than by the
  // client closing or the time running out, the rest is drained raw.
  auto& lowest = beast::get_lowest_layer(tls);
  lowest.expires_after(ending == Ending::unread_input ? kLingeringTime : kTlsShutdownTimeout);
  co_await tls.async_shutdown(token);
  if (ending == Ending::unread_input && ec && ec != asio::error::eof && ec != asio::ssl::error::stream_truncated &&
      ec != beast::error::timeout) {
    auto drain = drain_input(lowest);
    co_await std::move(drain);
  }
}

}  // namespace maitred::http
