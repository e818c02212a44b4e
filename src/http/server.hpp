#pragma once
// The network side of `maitred serve`: TLS (or, when asked, plain HTTP), one
// io_context per thread, a listener that deals connections out round-robin,
// and graceful shutdown on SIGINT/SIGTERM. Asio and Beast stay behind this
// interface so the rest of the code compiles fast.

#include <memory>
#include <string>

#include "core/config.hpp"
#include "core/event_bell.hpp"

namespace maitred::http {

class RequestPipeline;

class Server {
 public:
  // `bell`: what long-polling requests wait on, rung for all at shutdown.
  Server(const core::ServeConfig& config, RequestPipeline& pipeline, core::EventBell* bell = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket and returns the base URL, with the real port
  // when port 0 was asked for. Throws std::runtime_error when it cannot.
  std::string bind();

  // Serves until SIGINT or SIGTERM, then stops accepting, lets in-flight
  // requests finish (up to the configured grace), and returns.
  void run();

  struct Impl;  // public so the accept coroutine (a free function) can see it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace maitred::http
