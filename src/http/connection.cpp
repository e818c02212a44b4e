#include "http/connection.hpp"

#include <ctime>
#include <exception>
#include <string>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include "core/logging.hpp"
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
  if (!bodiless) message.set(bhttp::field::content_type, "application/json; charset=utf-8");
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

// Runs handle() on `pool` and completes with the response on the executor
// associated with the completion handler: for a coroutine, its own I/O
// executor, so the stream is only ever touched from its I/O thread.
// `request` (views into the connection's parser and buffer) must outlive the
// operation; the awaiting coroutine is suspended until it completes, so its
// locals do.
template <class Token>
auto async_handle(asio::thread_pool& pool, RequestPipeline& pipeline, const Request& request, Token&& token) {
  auto initiation = [&pool, &pipeline, &request](auto handler) {
    // Keeps the I/O context from running out of work while the handler is
    // away on the pool.
    auto io_work = asio::make_work_guard(asio::get_associated_executor(handler));
    asio::post(pool, [&pipeline, &request, handler = std::move(handler), io_work = std::move(io_work)]() mutable {
      Response response = handle_without_throwing(pipeline, request);
      auto io = io_work.get_executor();
      asio::post(io, [handler = std::move(handler), response = std::move(response)]() mutable {
        std::move(handler)(std::move(response));
      });
      io_work.reset();
    });
  };
  return asio::async_initiate<Token, void(Response)>(initiation, token);
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

// An error found while reading the request head or body, as a response; none
// when the connection should just be dropped (timeout, client gone).
std::optional<Response> read_failure_response(const beast::error_code& ec, ConnectionShared& shared,
                                              const bhttp::request_parser<bhttp::string_body>& parser,
                                              const std::string& client) {
  const auto& config = shared.config;
  std::string_view method = parser.is_header_done() ? sv(parser.get().method_string()) : std::string_view{};
  std::string_view path = parser.is_header_done() ? split_target(sv(parser.get().target())).first : std::string_view{};
  if (ec == bhttp::error::header_limit) {
    return shared.pipeline.early_error(
        431, "headers_too_large",
        "The request headers are larger than " + std::to_string(config.max_header_bytes / 1024) + " KiB.", method, path,
        client);
  }
  if (ec == bhttp::error::body_limit) {
    return shared.pipeline.early_error(
        413, "body_too_large",
        "The request body is larger than " + std::to_string(config.max_body_bytes / 1024) + " KiB.", method, path,
        client);
  }
  if (ec == beast::error::timeout || ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
      ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
      ec == asio::ssl::error::stream_truncated || ec == bhttp::error::partial_message) {
    return std::nullopt;
  }
  return shared.pipeline.early_error(400, "malformed_request", "The request is not valid HTTP/1.1: " + ec.message(),
                                     method, path, client);
}

// The keep-alive loop, the same for TLS and (with --insecure-http) plain TCP.
template <class Stream>
asio::awaitable<void> serve_requests(Stream& stream, beast::flat_buffer& buffer, ConnectionShared& shared,
                                     std::string client, bool secure) {
  const auto& config = shared.config;
  auto& lowest = beast::get_lowest_layer(stream);
  beast::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  for (;;) {
    if (shared.stopping) co_return;
    if (buffer.size() == 0) {
      // Idle keep-alive wait: the header timeout starts with the first byte.
      lowest.expires_after(config.idle_timeout);
      std::size_t n = co_await stream.async_read_some(buffer.prepare(kReadChunk), token);
      if (ec) co_return;
      buffer.commit(n);
    }
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(config.max_header_bytes));
    parser.body_limit(config.max_body_bytes);
    lowest.expires_after(config.header_timeout);
    co_await bhttp::async_read_header(stream, buffer, parser, token);
    if (!ec) {
      lowest.expires_after(config.body_timeout);
      co_await bhttp::async_read(stream, buffer, parser, token);
    }
    if (ec) {
      auto failure = read_failure_response(ec, shared, parser, client);
      if (failure) {
        auto write = write_response(stream, std::move(*failure), false);
        co_await std::move(write);
      }
      co_return;
    }

    Counted in_flight(shared.requests_in_flight);
    const auto& message = parser.get();
    Request request = to_request(message, client, secure);
    Response response;
    if (shared.handlers == nullptr) {
      response = shared.pipeline.handle(request);
    } else {
      auto handled = async_handle(*shared.handlers, shared.pipeline, request, asio::use_awaitable);
      response = co_await std::move(handled);
    }
    const bool keep_alive = message.keep_alive() && !shared.stopping;
    auto write = write_response(stream, std::move(response), keep_alive);
    bool keep_going = co_await std::move(write);
    if (!keep_going) co_return;
  }
}

// A plain-HTTP request on the TLS port: read its head (within the limits),
// answer that HTTPS is required, and close. The request is never processed.
asio::awaitable<void> refuse_plain_http(beast::tcp_stream& stream, beast::flat_buffer& buffer, ConnectionShared& shared,
                                        std::string client) {
  beast::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  bhttp::request_parser<bhttp::empty_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(shared.config.max_header_bytes));
  stream.expires_after(shared.config.header_timeout);
  co_await bhttp::async_read_header(stream, buffer, parser, token);
  if (ec && ec != bhttp::error::header_limit && ec != bhttp::error::body_limit) co_return;
  std::string_view method = parser.is_header_done() ? sv(parser.get().method_string()) : std::string_view{};
  std::string_view path = parser.is_header_done() ? split_target(sv(parser.get().target())).first : std::string_view{};
  Response response = shared.pipeline.early_error(
      400, "https_required", "This server only speaks HTTPS. Use https:// in the URL.", method, path, client);
  auto write = write_response(stream, std::move(response), false);
  co_await std::move(write);
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
}

}  // namespace

asio::awaitable<void> run_connection(tcp::socket socket, ConnectionShared& shared) {
  Counted open(shared.open_connections);
  std::string client = address_of(socket);
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  beast::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);

  if (shared.tls == nullptr) {
    auto serve = serve_requests(stream, buffer, shared, client, false);
    co_await std::move(serve);
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    co_return;
  }

  stream.expires_after(shared.config.header_timeout);
  bool is_tls = co_await beast::async_detect_ssl(stream, buffer, token);
  if (ec) co_return;
  if (!is_tls) {
    auto refuse = refuse_plain_http(stream, buffer, shared, client);
    co_await std::move(refuse);
    co_return;
  }

  beast::ssl_stream<beast::tcp_stream> tls(std::move(stream), *shared.tls);
  beast::get_lowest_layer(tls).expires_after(shared.config.header_timeout);
  std::size_t used = co_await tls.async_handshake(asio::ssl::stream_base::server, buffer.data(), token);
  if (ec) co_return;
  buffer.consume(used);

  auto serve = serve_requests(tls, buffer, shared, client, true);
  co_await std::move(serve);

  beast::get_lowest_layer(tls).expires_after(kTlsShutdownTimeout);
  co_await tls.async_shutdown(token);
}

}  // namespace maitred::http
