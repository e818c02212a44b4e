#pragma once
// `maitred serve`: the HTTPS API server (options: cli/serve_options.hpp).

#include "cli/command.hpp"
#include "core/clock.hpp"
#include "core/config.hpp"

namespace maitred::cli {

// Runs the server until SIGINT/SIGTERM; returns the process exit code.
int serve(const core::ServeConfig& config, const core::Clock& clock);

Handler serve_command();

}  // namespace maitred::cli
