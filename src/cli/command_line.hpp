#pragma once
// The one option parser of `maitred`: builds the command line from the
// command table (cli/command.hpp), parses argv and runs the command chosen.

#include <span>
#include <string>

#include "cli/command.hpp"
#include "core/clock.hpp"

namespace maitred::cli {

// Returns the command's exit code, or for --help and parse errors the code
// CLI11 prints them with. What the command throws passes through.
int run_command_line(const std::string& description, std::span<const Command> commands, int argc, char** argv,
                     const core::Clock& clock);

}  // namespace maitred::cli
