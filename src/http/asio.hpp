#pragma once
// Include this before any Boost.Asio/Beast header. Boost 1.74's awaitable.hpp
// uses std::exchange without including <utility>, which GCC 12 rejects in
// C++20 mode (DESIGN.md, known pitfalls).
#include <utility>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
