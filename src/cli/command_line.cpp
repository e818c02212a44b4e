#include "cli/command_line.hpp"

#include <CLI/CLI.hpp>

#include <map>
#include <type_traits>

#include "core/check.hpp"

namespace maitred::cli {

namespace {

CLI::Option* add(CLI::App& command, const Option& row) {
  const std::string name(row.name);
  const std::string help(row.help);
  return std::visit(
      [&](auto* target) -> CLI::Option* {
        if constexpr (std::is_same_v<decltype(target), bool*>) {
          return command.add_flag(name, *target, help);
        } else {
          return command.add_option(name, *target, help);
        }
      },
      row.target);
}

void add_options(CLI::App& command, const std::vector<Option>& rows) {
  for (const auto& row : rows) {
    auto* option = add(command, row);
    if (row.range) option->check(CLI::Range(row.range->min, row.range->max));
    if (row.show_default) option->capture_default_str();
    if (row.required) option->required();
  }
}

// "key create" -> {"key", "create"}; "serve" -> {"", "serve"}.
std::pair<std::string, std::string> split_path(std::string_view path) {
  const auto space = path.rfind(' ');
  if (space == std::string_view::npos) return {"", std::string(path)};
  return {std::string(path.substr(0, space)), std::string(path.substr(space + 1))};
}

}  // namespace

int run_command_line(const std::string& description, std::span<const Command> commands, int argc, char** argv,
                     const core::Clock& clock) {
  CLI::App cli{description};
  cli.require_subcommand(1);
  std::map<std::string, CLI::App*, std::less<>> apps{{"", &cli}};
  int exit_code = 0;
  for (const auto& command : commands) {
    const auto [parent, name] = split_path(command.path);
    const auto group = apps.find(parent);
    MAITRED_CHECK(group != apps.end(), "the group of '" + std::string(command.path) + "' comes before it in the table");
    auto* app = group->second->add_subcommand(name, std::string(command.help));
    apps.emplace(std::string(command.path), app);
    if (command.handler == nullptr) {
      app->require_subcommand(1);
      continue;
    }
    auto handler = command.handler();
    add_options(*app, handler.options);
    app->callback([&exit_code, &clock, run = std::move(handler.run)] { exit_code = run(clock); });
  }
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  return exit_code;
}

}  // namespace maitred::cli
