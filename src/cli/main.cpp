// maitred: the server and its administration commands (see README.md).

#include <iostream>

#include "app/admin.hpp"
#include "cli/command_line.hpp"
#include "cli/demo_command.hpp"
#include "cli/import_command.hpp"
#include "cli/key_command.hpp"
#include "cli/migrate_command.hpp"
#include "cli/process_clock.hpp"
#include "cli/restaurant_command.hpp"
#include "cli/serve_command.hpp"
#include "cli/user_command.hpp"
#include "core/logging.hpp"

namespace {

namespace cli = maitred::cli;

// Every command, in the order --help lists them; a group comes before its
// commands.
constexpr cli::Command kCommands[] = {
    {"serve", "Run the HTTPS API server", cli::serve_command},
    {"restaurant", "Manage restaurants"},
    {"restaurant create", "Create a restaurant; prints it as JSON", cli::restaurant_create_command},
    {"restaurant list", "List restaurants as JSON", cli::restaurant_list_command},
    {"key", "Manage API keys"},
    {"key create", "Create an API key; prints the secret (shown only once)", cli::key_create_command},
    {"key list", "List a restaurant's API keys (never the secrets)", cli::key_list_command},
    {"key revoke", "Revoke an API key; refused from the next request on", cli::key_revoke_command},
    {"user", "Manage staff users (password read from stdin, never from arguments)"},
    {"user create", "Create a staff user; prints it as JSON", cli::user_create_command},
    {"user list", "List a restaurant's staff users as JSON", cli::user_list_command},
    {"user delete", "Delete a staff user; their tokens stop working at once", cli::user_delete_command},
    {"user passwd", "Set a staff user's password; their tokens stop working", cli::user_passwd_command},
    {"import", "Import bookings or customers from a CSV file (docs/API.md, Imports)", cli::import_command},
    {"demo", "Create the demo restaurant (once); prints its API key last", cli::demo_command},
    {"migrate", "Copy a SQLite store into PostgreSQL (resumable) and verify the copy", cli::migrate_command},
};

int run(int argc, char** argv) {
  maitred::core::init_logging(spdlog::level::warn);  // admin commands: only what went wrong
  const auto clock = cli::process_clock();
  return cli::run_command_line("maitred: a self-hosted restaurant reservation server", kCommands, argc, argv, *clock);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const maitred::app::UsageError& e) {
    std::cerr << "maitred: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "maitred: error: " << e.what() << "\n";
    return 1;
  }
}
