#pragma once
// One client connection: TLS detection and handshake, the keep-alive request
// loop with its limits and timeouts, and responses. Internal to http/.

#include <atomic>
#include <cstddef>

#include "core/config.hpp"
#include "core/event_bell.hpp"
#include "http/address_slots.hpp"
#include "http/asio.hpp"
#include "http/trusted_proxies.hpp"

#include <boost/asio/thread_pool.hpp>

namespace maitred::http {

class RequestPipeline;

struct ConnectionShared {
  const core::ServeConfig& config;
  RequestPipeline& pipeline;
  boost::asio::ssl::context* tls;  // null: plain HTTP (--insecure-http)
  // Where RequestPipeline::handle runs for requests that may wait
  // (--handler-threads); null: everything inline on the connection's I/O
  // thread.
  boost::asio::thread_pool* handlers;
  std::atomic<std::size_t> open_connections{0};
  std::atomic<std::size_t> requests_in_flight{0};
  std::atomic<bool> stopping{false};
  // What long polls wait on (http/long_poll.hpp); rung for all at shutdown
  // so no request waits out its poll then. Null where nothing long-polls.
  core::EventBell* bell = nullptr;
  // --trusted-proxy: whose X-Forwarded-For names the client.
  TrustedProxies trusted_proxies{};
};

// `slot` is the client address's share of the connections, held until the
// connection ends.
boost::asio::awaitable<void> run_connection(boost::asio::ip::tcp::socket socket, ConnectionShared& shared,
                                            AddressSlots::Slot slot);

}  // namespace maitred::http
