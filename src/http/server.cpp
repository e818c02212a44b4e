#include "http/server.hpp"

#include "http/asio.hpp"  // first of the Asio headers

#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <csignal>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/logging.hpp"
#include "core/self_signed_cert.hpp"
#include "http/connection.hpp"

namespace maitred::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

constexpr std::chrono::milliseconds kDrainPoll{25};

asio::ssl::context make_tls_context(const core::ServeConfig& config) {
  core::CertificatePaths paths;
  if (config.tls_cert) {
    paths = {*config.tls_cert, *config.tls_key};
  } else {
    paths = core::ensure_self_signed_certificate(config.data_dir);
    core::log().info("using the self-signed certificate {}", paths.certificate.string());
  }
  asio::ssl::context tls(asio::ssl::context::tls_server);
  tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                  asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                  asio::ssl::context::single_dh_use);
  beast::error_code ec;
  tls.use_certificate_chain_file(paths.certificate.string(), ec);
  if (ec)
    throw std::runtime_error("cannot read the TLS certificate " + paths.certificate.string() + ": " + ec.message());
  tls.use_private_key_file(paths.private_key.string(), asio::ssl::context::pem, ec);
  if (ec) throw std::runtime_error("cannot read the TLS key " + paths.private_key.string() + ": " + ec.message());
  if (SSL_CTX_check_private_key(tls.native_handle()) != 1) {
    throw std::runtime_error("the TLS key does not match the certificate");
  }
  return tls;
}

void log_connection_failure(std::exception_ptr error) {
  if (!error) return;
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    core::log().error("connection ended by an exception: {}", e.what());
  } catch (...) {
    core::log().error("connection ended by a non-standard exception");
  }
}

}  // namespace

struct Server::Impl {
  core::ServeConfig config;
  std::optional<asio::ssl::context> tls;
  ConnectionShared shared;
  AddressSlots per_address;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::optional<tcp::acceptor> acceptor;
  std::size_t next_context = 0;
  std::chrono::steady_clock::time_point drain_deadline;
  std::optional<asio::steady_timer> drain_timer;
  std::optional<asio::signal_set> signals;
  // Declared after the contexts so it is destroyed first: a task it still
  // holds owns a suspended connection (socket and all) of one of them.
  std::optional<asio::thread_pool> handlers;

  Impl(const core::ServeConfig& c, RequestPipeline& pipeline, core::EventBell* bell)
      : config(c),
        tls(config.insecure_http ? std::nullopt : std::optional(make_tls_context(config))),
        shared{config, pipeline, tls ? &*tls : nullptr, nullptr},
        per_address(config.max_connections_per_address) {
    shared.bell = bell;
    shared.trusted_proxies = TrustedProxies(config.trusted_proxies);
    unsigned threads = config.threads != 0 ? config.threads : std::max(1U, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < threads; ++i) {
      contexts.push_back(std::make_unique<asio::io_context>(1));
      work.push_back(asio::make_work_guard(*contexts.back()));
    }
    if (config.handler_threads > 0) {
      handlers.emplace(config.handler_threads);
      shared.handlers = &*handlers;
      core::log().info("{} run on {} worker thread(s), off the {} I/O thread(s)",
                       config.every_request_on_handler_threads ? "requests" : "requests that may wait",
                       config.handler_threads, threads);
    }
    // Installed now, before the caller announces the port, so a SIGTERM
    // that follows the announcement is never lost.
    signals.emplace(*contexts[0], SIGINT, SIGTERM);
    signals->async_wait([this](const beast::error_code& ec, int) {
      if (!ec) begin_shutdown();
    });
  }

  void begin_shutdown() {
    if (shared.stopping.exchange(true)) return;
    core::log().info("shutting down: no new connections; waiting for {} request(s) in flight",
                     shared.requests_in_flight.load());
    beast::error_code ignored;
    if (acceptor) acceptor->close(ignored);
    if (shared.bell != nullptr) shared.bell->ring_all();  // long polls answer now
    drain_deadline = std::chrono::steady_clock::now() + config.shutdown_grace;
    drain_timer.emplace(*contexts[0]);
    poll_drain();
  }

  void poll_drain() {
    if (shared.requests_in_flight == 0 || std::chrono::steady_clock::now() >= drain_deadline) {
      if (shared.requests_in_flight != 0) {
        core::log().warn("{} request(s) still running after the grace period; stopping anyway",
                         shared.requests_in_flight.load());
      }
      work.clear();
      for (auto& context : contexts) context->stop();
      return;
    }
    drain_timer->expires_after(kDrainPoll);
    drain_timer->async_wait([this](const beast::error_code&) { poll_drain(); });
  }
};

namespace {

asio::awaitable<void> accept_loop(Server::Impl& impl) {
  for (;;) {
    auto& target = *impl.contexts[impl.next_context++ % impl.contexts.size()];
    tcp::socket socket(target);
    beast::error_code ec;
    auto token = asio::redirect_error(asio::use_awaitable, ec);
    co_await impl.acceptor->async_accept(socket, token);
    if (ec) {
      if (impl.shared.stopping || ec == asio::error::operation_aborted) co_return;
      core::log().warn("accept failed: {}", ec.message());
      // Out of file descriptors and the like: back off instead of spinning.
      asio::steady_timer pause(impl.acceptor->get_executor(), std::chrono::milliseconds(100));
      co_await pause.async_wait(token);
      continue;
    }
    if (impl.shared.open_connections >= impl.config.max_connections) {
      core::log().warn("connection limit ({}) reached; refusing a connection", impl.config.max_connections);
      socket.close(ec);
      continue;
    }
    const auto peer = socket.remote_endpoint(ec);
    if (ec) continue;  // gone already
    auto slot = impl.per_address.try_take(peer.address().to_string());
    if (!slot) {
      core::log().warn("{} already holds {} connections; refusing another", peer.address().to_string(),
                       impl.config.max_connections_per_address);
      socket.close(ec);
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto executor = socket.get_executor();
    asio::co_spawn(executor, run_connection(std::move(socket), impl.shared, std::move(*slot)), log_connection_failure);
  }
}

}  // namespace

Server::Server(const core::ServeConfig& config, RequestPipeline& pipeline, core::EventBell* bell)
    : impl_(std::make_unique<Impl>(config, pipeline, bell)) {}

Server::~Server() = default;

std::string Server::bind() {
  auto& impl = *impl_;
  beast::error_code ec;
  std::string host = impl.config.listen.host == "localhost" ? "127.0.0.1" : impl.config.listen.host;
  auto address = asio::ip::make_address(host, ec);
  if (ec) throw std::runtime_error("cannot listen on '" + impl.config.listen.host + "': not an IP address");
  tcp::endpoint endpoint(address, impl.config.listen.port);
  impl.acceptor.emplace(*impl.contexts[0]);
  impl.acceptor->open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor->bind(endpoint, ec);
  if (!ec) impl.acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + impl.config.listen.host + ":" +
                             std::to_string(impl.config.listen.port) + ": " + ec.message());
  }
  auto bound = impl.acceptor->local_endpoint();
  std::string shown_host =
      bound.address().is_v6() ? "[" + bound.address().to_string() + "]" : bound.address().to_string();
  return std::string(impl.tls ? "https://" : "http://") + shown_host + ":" + std::to_string(bound.port());
}

void Server::run() {
  auto& impl = *impl_;
  if (!impl.acceptor) bind();
  asio::co_spawn(*impl.contexts[0], accept_loop(impl), log_connection_failure);

  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < impl.contexts.size(); ++i) {
    threads.emplace_back([context = impl.contexts[i].get()] { context->run(); });
  }
  impl.contexts[0]->run();
  for (auto& t : threads) t.join();
  // The drain above waited for every request in flight, up to the grace
  // period. Handlers still running past it finish here (their completions are
  // queued on the stopped contexts and discarded with them); ones queued but
  // not started are dropped.
  if (impl.handlers) {
    impl.handlers->stop();
    impl.handlers->join();
  }
}

}  // namespace maitred::http
