// maitred: the server and its administration commands (see README.md).

#include <CLI/CLI.hpp>

#include <iostream>

#include "app/admin.hpp"
#include "app/staff_users.hpp"
#include "cli/data_dir.hpp"
#include "cli/import_command.hpp"
#include "cli/migrate_command.hpp"
#include "cli/password_prompt.hpp"
#include "cli/process_clock.hpp"
#include "cli/serve_command.hpp"
#include "core/logging.hpp"
#include "core/time_format.hpp"
#include "json/json_writer.hpp"
#include "json/restaurant_codec.hpp"
#include "json/staff_user_codec.hpp"
#include "store/open_store.hpp"

namespace {

namespace core = maitred::core;
namespace app = maitred::app;
namespace json = maitred::json;

std::unique_ptr<maitred::store::Store> open_admin_store(const std::filesystem::path& data_dir,
                                                        const std::string& database) {
  maitred::cli::prepare_data_dir(data_dir);
  return maitred::store::open_store(maitred::cli::choose_database(data_dir, database), {});
}

void write_optional_time(json::JsonWriter& out, std::string_view key, const std::optional<core::SystemTime>& t) {
  out.key(key);
  if (t)
    out.string(core::format_utc(*t));
  else
    out.null();
}

std::string key_to_json(const maitred::domain::ApiKey& key) {
  std::string text;
  json::JsonWriter out(text);
  out.start_object();
  out.member("_id", key.id);
  out.member("restaurantId", key.restaurant_id);
  out.member("name", key.label);
  out.member("createdAt", core::format_utc(key.created_at));
  write_optional_time(out, "lastUsedAt", key.last_used_at);
  write_optional_time(out, "revokedAt", key.revoked_at);
  out.end_object();
  return text;
}

template <typename Items, typename ToJson>
void print_json_array(const Items& items, ToJson to_json) {
  std::cout << "[";
  bool first = true;
  for (const auto& item : items) {
    std::cout << (first ? "\n  " : ",\n  ") << to_json(item);
    first = false;
  }
  std::cout << (first ? "]\n" : "\n]\n");
}

struct Options {
  std::string data_dir = "maitred-data";
  std::string database;  // empty: the embedded store in the data folder
  std::string listen = "127.0.0.1:8443";
  std::string tls_cert;
  std::string tls_key;
  bool insecure_http = false;
  unsigned threads = 0;
  unsigned handler_threads = 0;
  std::uint32_t rate_limit = 100;
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_address = 0;  // 0: core::default_connections_per_address
  long long header_timeout_ms = 10'000;
  long long idle_timeout_ms = 60'000;
  long long busy_timeout_ms = 5'000;
  std::size_t database_connections = 8;
  std::string name;
  std::string timezone;
  std::string restaurant_id;
  std::string key_label;
  std::string key_id;
  std::string username;
  std::string role;
  long long access_token_seconds = 3 * 3600;
  long long refresh_token_seconds = 30 * 24 * 3600;
  std::uint32_t login_slow_after = 5;
  long long login_delay_ms = 1000;
  std::uint32_t login_lock_after = 10;
  long long login_lock_seconds = 15 * 60;
  long long event_retention_days = 30;
};

core::ServeConfig serve_config(const Options& o) {
  core::ServeConfig config;
  config.data_dir = o.data_dir;
  config.database = o.database;
  std::string error;
  auto listen = core::parse_listen_address(o.listen, error);
  if (!listen) throw app::UsageError("--listen: " + error);
  config.listen = *listen;
  if (!o.tls_cert.empty()) config.tls_cert = o.tls_cert;
  if (!o.tls_key.empty()) config.tls_key = o.tls_key;
  config.insecure_http = o.insecure_http;
  config.threads = o.threads;
  config.handler_threads = o.handler_threads;
  config.rate_limit_per_second = o.rate_limit;
  config.access_token_lifetime = std::chrono::seconds{o.access_token_seconds};
  config.refresh_token_lifetime = std::chrono::seconds{o.refresh_token_seconds};
  config.login_slow_after = o.login_slow_after;
  config.login_delay = std::chrono::milliseconds{o.login_delay_ms};
  config.login_lock_after = o.login_lock_after;
  config.login_lock = std::chrono::seconds{o.login_lock_seconds};
  config.max_connections = o.max_connections;
  config.max_connections_per_address = o.max_connections_per_address != 0
                                           ? o.max_connections_per_address
                                           : core::default_connections_per_address(o.max_connections);
  config.header_timeout = std::chrono::milliseconds{o.header_timeout_ms};
  config.idle_timeout = std::chrono::milliseconds{o.idle_timeout_ms};
  config.store_busy_timeout = std::chrono::milliseconds{o.busy_timeout_ms};
  config.store_connections = o.database_connections;
  config.event_retention = std::chrono::hours{24 * o.event_retention_days};
  if (auto problem = core::validate(config)) throw app::UsageError(*problem);
  return config;
}

int run(int argc, char** argv) {
  core::init_logging(spdlog::level::warn);  // admin commands: only what went wrong
  CLI::App cli{"maitred: a self-hosted restaurant reservation server"};
  cli.require_subcommand(1);
  Options o;
  const auto process_clock = maitred::cli::process_clock();
  core::Clock& clock = *process_clock;
  int exit_code = 0;

  auto add_data = [&o](CLI::App* cmd) {
    cmd->add_option("--data", o.data_dir, "Data folder (embedded database, TLS certificate)")->capture_default_str();
    cmd->add_option("--database", o.database,
                    "sqlite:///path/file.db or postgresql://user@host:port/dbname (default: the data folder's "
                    "maitred.db)");
  };

  auto* serve = cli.add_subcommand("serve", "Run the HTTPS API server");
  add_data(serve);
  serve->add_option("--listen", o.listen, "Address to listen on, HOST:PORT (port 0: any free port)")
      ->capture_default_str();
  serve->add_option("--tls-cert", o.tls_cert, "PEM certificate chain (default: self-signed, in the data folder)");
  serve->add_option("--tls-key", o.tls_key, "PEM private key for --tls-cert");
  serve->add_flag("--insecure-http", o.insecure_http, "Serve plain HTTP (development, or behind a TLS proxy)");
  serve->add_option("--threads", o.threads, "I/O threads (default: one per core)")->check(CLI::Range(1, 256));
  serve
      ->add_option("--handler-threads", o.handler_threads,
                   "Worker threads for the requests that may wait (writes, sign-ins; on PostgreSQL every request), "
                   "off the I/O threads (0: one per core, or one per database connection on PostgreSQL)")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  serve->add_option("--rate-limit", o.rate_limit, "Requests per second per API key or client address")
      ->check(CLI::Range(1, 10'000'000))
      ->capture_default_str();
  serve->add_option("--access-token-seconds", o.access_token_seconds, "Life of a staff access token")
      ->check(CLI::Range(1LL, 7LL * 24 * 3600))
      ->capture_default_str();
  serve->add_option("--refresh-token-seconds", o.refresh_token_seconds, "Life of a staff refresh token")
      ->check(CLI::Range(1LL, 365LL * 24 * 3600))
      ->capture_default_str();
  serve
      ->add_option("--login-slow-after", o.login_slow_after,
                   "Failed sign-ins per username before further attempts are spaced out (x5 per address)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  serve->add_option("--login-delay-ms", o.login_delay_ms, "First spacing; doubles with each further failure")
      ->check(CLI::Range(1LL, 3'600'000LL))
      ->capture_default_str();
  serve
      ->add_option("--login-lock-after", o.login_lock_after,
                   "Failed sign-ins per username that lock it (x5 per address)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  serve
      ->add_option("--login-lock-seconds", o.login_lock_seconds,
                   "How long a lock lasts, and the quiet spell that forgets failures")
      ->check(CLI::Range(1LL, 24LL * 3600))
      ->capture_default_str();
  serve
      ->add_option("--database-connections", o.database_connections,
                   "PostgreSQL: connections this process keeps open at most")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  serve->add_option("--event-retention-days", o.event_retention_days, "Days the change feed (GET /v1/events) keeps")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  serve->add_option("--max-connections", o.max_connections, "Concurrent connections before new ones are refused")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  serve
      ->add_option("--max-connections-per-address", o.max_connections_per_address,
                   "Concurrent connections one client address may hold (default: half of --max-connections, "
                   "at most 256)")
      ->check(CLI::Range(1, 1'000'000));
  serve->add_option("--header-timeout-ms", o.header_timeout_ms, "Time a client has to send the request headers")
      ->check(CLI::Range(10, 600'000))
      ->capture_default_str();
  serve->add_option("--idle-timeout-ms", o.idle_timeout_ms, "Keep-alive wait for the next request")
      ->check(CLI::Range(10, 3'600'000))
      ->capture_default_str();
  serve
      ->add_option("--busy-timeout-ms", o.busy_timeout_ms,
                   "How long a request waits for a database lock held elsewhere before it is answered 503")
      ->check(CLI::Range(0, 600'000))
      ->capture_default_str();
  serve->callback([&] {
    core::init_logging(spdlog::level::info);
    exit_code = maitred::cli::serve(serve_config(o));
  });

  auto* restaurant = cli.add_subcommand("restaurant", "Manage restaurants");
  restaurant->require_subcommand(1);
  auto* restaurant_create = restaurant->add_subcommand("create", "Create a restaurant; prints it as JSON");
  add_data(restaurant_create);
  restaurant_create->add_option("--name", o.name, "Restaurant name")->required();
  restaurant_create->add_option("--timezone", o.timezone, "IANA time zone, e.g. Europe/Copenhagen")->required();
  restaurant_create->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    std::cout << json::restaurant_to_json(app::create_restaurant(*store, clock, o.name, o.timezone)) << "\n";
  });
  auto* restaurant_list = restaurant->add_subcommand("list", "List restaurants as JSON");
  add_data(restaurant_list);
  restaurant_list->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    print_json_array(store->list_restaurants(), json::restaurant_to_json);
  });

  auto* key = cli.add_subcommand("key", "Manage API keys");
  key->require_subcommand(1);
  auto* key_create = key->add_subcommand("create", "Create an API key; prints the secret (shown only once)");
  add_data(key_create);
  key_create->add_option("--restaurant", o.restaurant_id, "Restaurant id")->required();
  key_create->add_option("--name", o.key_label, "A label to recognise the key by");
  key_create->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    std::cout << app::create_api_key(*store, clock, o.restaurant_id, o.key_label) << "\n";
  });
  auto* key_list = key->add_subcommand("list", "List a restaurant's API keys (never the secrets)");
  add_data(key_list);
  key_list->add_option("--restaurant", o.restaurant_id, "Restaurant id")->required();
  key_list->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    print_json_array(app::list_api_keys(*store, o.restaurant_id), key_to_json);
  });
  auto* key_revoke = key->add_subcommand("revoke", "Revoke an API key; refused from the next request on");
  add_data(key_revoke);
  key_revoke->add_option("KEY_ID", o.key_id, "Key id (from key list)")->required();
  key_revoke->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    std::cout << key_to_json(app::revoke_api_key(*store, clock, o.key_id)) << "\n";
  });

  auto* user = cli.add_subcommand("user", "Manage staff users (password read from stdin, never from arguments)");
  user->require_subcommand(1);
  auto add_user_target = [&](CLI::App* cmd) {
    add_data(cmd);
    cmd->add_option("--restaurant", o.restaurant_id, "Restaurant id")->required();
    cmd->add_option("--username", o.username, "Username (unique in the restaurant, any case)")->required();
  };
  auto* user_create = user->add_subcommand("create", "Create a staff user; prints it as JSON");
  add_user_target(user_create);
  user_create->add_option("--role", o.role, "owner, manager, host or readonly")->required();
  user_create->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    const std::string password = maitred::cli::read_new_password();
    std::cout << json::staff_user_to_json(
                     app::create_staff_user(*store, clock, {o.restaurant_id, o.username, o.role, password}))
              << "\n";
  });
  auto* user_list = user->add_subcommand("list", "List a restaurant's staff users as JSON");
  add_data(user_list);
  user_list->add_option("--restaurant", o.restaurant_id, "Restaurant id")->required();
  user_list->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    print_json_array(app::list_staff_users(*store, o.restaurant_id), json::staff_user_to_json);
  });
  auto* user_delete = user->add_subcommand("delete", "Delete a staff user; their tokens stop working at once");
  add_user_target(user_delete);
  user_delete->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    std::cout << json::staff_user_to_json(app::delete_staff_user(*store, clock, o.restaurant_id, o.username)) << "\n";
  });
  auto* user_passwd = user->add_subcommand("passwd", "Set a staff user's password; their tokens stop working");
  add_user_target(user_passwd);
  user_passwd->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    const std::string password = maitred::cli::read_new_password();
    std::cout << json::staff_user_to_json(
                     app::change_staff_password(*store, clock, o.restaurant_id, o.username, password))
              << "\n";
  });

  auto* import_cmd =
      cli.add_subcommand("import", "Import bookings or customers from a CSV file (docs/API.md, Imports)");
  add_data(import_cmd);
  std::string import_path;
  std::string import_type;
  import_cmd->add_option("FILE", import_path, "CSV file with a header row")->required();
  import_cmd->add_option("--restaurant", o.restaurant_id, "Restaurant id")->required();
  import_cmd->add_option("--type", import_type, "bookings or customers")->required();
  bool import_overbooking = false;
  import_cmd->add_flag("--allow-overbooking", import_overbooking,
                       "Bookings: no seating check (moving existing bookings)");
  import_cmd->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    exit_code = maitred::cli::import_file(*store, clock, import_path, o.restaurant_id, import_type, import_overbooking);
  });

  auto* demo = cli.add_subcommand("demo", "Create the demo restaurant (once); prints its API key last");
  add_data(demo);
  bool no_demo_bookings = false;
  demo->add_flag("--no-bookings", no_demo_bookings, "Only the setup: no bookings for the next 14 days");
  demo->callback([&] {
    auto store = open_admin_store(o.data_dir, o.database);
    auto result = app::ensure_demo(*store, clock, o.data_dir, !no_demo_bookings);
    std::cout << (result.created ? "Created" : "Using") << " the demo restaurant \"" << result.restaurant.name << "\" ("
              << result.restaurant.id << ", " << result.restaurant.timezone << ").\n";
    if (result.bookings_added > 0) {
      std::cout << "Booked its next 14 days with " << result.bookings_added << " bookings.\n";
    }
    std::cout << "Its API key:\n" << result.api_key << std::endl;
  });

  auto* migrate = cli.add_subcommand("migrate", "Copy a SQLite store into PostgreSQL (resumable) and verify the copy");
  maitred::cli::MigrateArguments migrate_args;
  migrate->add_option("--from", migrate_args.from, "sqlite:///path/to/maitred.db (only read)")->required();
  migrate->add_option("--to", migrate_args.to, "postgresql://user@host:port/dbname (its schema is created)")
      ->required();
  migrate->add_option("--batch-rows", migrate_args.batch_rows, "Rows per transaction")
      ->check(CLI::Range(1, 5000))
      ->capture_default_str();
  migrate->callback([&] { exit_code = maitred::cli::migrate(migrate_args); });

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  return exit_code;
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
