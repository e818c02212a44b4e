#include "support/https_client.hpp"

#include "http/asio.hpp"

#include <sys/socket.h>

#include <cctype>
#include <cerrno>
#include <optional>
#include <stdexcept>

#include "core/crypto.hpp"

namespace maitred::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {
constexpr auto kIoTimeout = std::chrono::seconds(30);

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
}  // namespace

std::string Reply::header(const std::string& name) const {
  auto it = headers.find(lower(name));
  return it == headers.end() ? std::string{} : it->second;
}

std::string basic_auth(const std::string& key, bool with_colon) {
  return "Basic " + core::base64_encode(with_colon ? key + ":" : key);
}

struct HttpClient::Impl {
  asio::io_context io;
  std::optional<asio::ssl::context> ssl;
  std::optional<beast::ssl_stream<beast::tcp_stream>> tls;
  std::optional<beast::tcp_stream> tcp;
  beast::flat_buffer buffer;

  beast::tcp_stream& lowest() { return tls ? beast::get_lowest_layer(*tls) : *tcp; }

  // Runs one asynchronous operation to completion on the private io_context,
  // so every step has a timeout (synchronous Asio calls have none).
  template <typename Start>
  beast::error_code run(Start start, std::chrono::steady_clock::duration timeout = kIoTimeout) {
    beast::error_code result;
    lowest().expires_after(timeout);
    if (tls)
      start(*tls, result);
    else
      start(*tcp, result);
    io.restart();
    io.run();
    return result;
  }
};

HttpClient::HttpClient() : impl_(std::make_unique<Impl>()) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;

HttpClient::HttpClient(std::uint16_t port, const std::filesystem::path& ca_file, const std::string& source)
    : HttpClient() {
  auto& s = *impl_;
  s.ssl.emplace(asio::ssl::context::tls_client);
  s.ssl->load_verify_file(ca_file.string());
  s.ssl->set_verify_mode(asio::ssl::verify_peer);
  s.tls.emplace(s.io, *s.ssl);
  auto& socket = beast::get_lowest_layer(*s.tls).socket();
  if (!source.empty()) {
    socket.open(tcp::v4());
    socket.bind(tcp::endpoint(asio::ip::make_address(source), 0));
  }
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  beast::error_code ec;
  beast::get_lowest_layer(*s.tls).expires_after(kIoTimeout);
  s.tls->async_handshake(asio::ssl::stream_base::client, [&ec](beast::error_code e) { ec = e; });
  s.io.run();
  if (ec) throw std::runtime_error("TLS handshake failed: " + ec.message());
}

HttpClient HttpClient::plain(std::uint16_t port) {
  HttpClient client;
  client.impl_->tcp.emplace(client.impl_->io);
  client.impl_->tcp->connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  return client;
}

void HttpClient::send_raw(const std::string& bytes) {
  auto ec = impl_->run([&bytes](auto& stream, beast::error_code& out) {
    asio::async_write(stream, asio::buffer(bytes), [&out](beast::error_code e, std::size_t) { out = e; });
  });
  if (ec) throw std::runtime_error("write failed: " + ec.message());
}

Reply HttpClient::read_reply() {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  auto ec = impl_->run([&](auto& stream, beast::error_code& out) {
    bhttp::async_read(stream, impl_->buffer, parser, [&out](beast::error_code e, std::size_t) { out = e; });
  });
  if (ec) throw std::runtime_error("reading the reply failed: " + ec.message());
  const auto& message = parser.get();
  Reply reply;
  reply.status = message.result_int();
  for (const auto& field : message) {
    reply.headers[lower(std::string(field.name_string()))] = std::string(field.value());
  }
  reply.body = message.body();
  reply.keep_alive = message.keep_alive();
  return reply;
}

Reply HttpClient::request(const std::string& method, const std::string& target, const Headers& headers,
                          const std::string& body) {
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  bool has_length = false;
  for (const auto& [name, value] : headers) {
    raw += name + ": " + value + "\r\n";
    if (lower(name) == "content-length" || lower(name) == "transfer-encoding") has_length = true;
  }
  if (!has_length && (!body.empty() || method == "POST" || method == "PUT")) {
    raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  raw += "\r\n" + body;
  send_raw(raw);
  return read_reply();
}

std::size_t HttpClient::bytes_waiting() {
  return impl_->buffer.size() + impl_->lowest().socket().available();
}

bool HttpClient::idle_and_open() {
  if (impl_->buffer.size() > 0) return false;
  char byte = 0;
  const auto n = ::recv(impl_->lowest().socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

bool HttpClient::closed_by_server(std::chrono::milliseconds wait) {
  std::array<char, 512> scratch{};
  std::size_t received = 0;
  auto ec = impl_->run(
      [&](auto& stream, beast::error_code& out) {
        stream.async_read_some(asio::buffer(scratch), [&](beast::error_code e, std::size_t n) {
          out = e;
          received = n;
        });
      },
      wait);
  if (received > 0) return false;
  return ec == asio::error::eof || ec == asio::ssl::error::stream_truncated || ec == asio::error::connection_reset ||
         ec == asio::error::broken_pipe;
}

}  // namespace maitred::test
