#pragma once
#include "core/config.hpp"

namespace maitred::cli {

// Runs the server until SIGINT/SIGTERM; returns the process exit code.
int serve(const core::ServeConfig& config);

}  // namespace maitred::cli
