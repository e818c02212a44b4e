#pragma once
// The guest-facing web pages maitred serves from its compiled-in assets
// (web/): the booking page /book/{slug}, its hashed scripts and styles under
// /assets/, and /widget.js for restaurants' websites.

#include "http/router.hpp"

namespace maitred::api {

void add_web_page_routes(http::Router& router);

}  // namespace maitred::api
