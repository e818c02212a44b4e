#include "support/cli_runner.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/temp_dir.hpp"
#include "support/test_clock.hpp"
#include "support/test_database.hpp"

namespace maitred::test {

std::string CliResult::last_line() const {
  std::string text = out;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  auto nl = text.rfind('\n');
  return nl == std::string::npos ? text : text.substr(nl + 1);
}

namespace {
std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

CliResult run_maitred(const std::vector<std::string>& args, const std::string& stdin_text) {
  TempDir io;
  const auto in_file = io.path() / "stdin";
  const auto out_file = io.path() / "stdout";
  const auto err_file = io.path() / "stderr";
  std::ofstream(in_file) << stdin_text;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_file.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

  // On the test run's store (support/test_database.hpp).
  std::vector<std::string> argv_strings = with_database(args);
  argv_strings.insert(argv_strings.begin(), MAITRED_BINARY);
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);

  // Pinned to the clock of the data folder it works on, if any.
  std::filesystem::path data_dir;
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--data") data_dir = args[i + 1];
  }
  std::vector<std::string> env_strings = child_environment(data_dir);
  std::vector<char*> env;
  for (auto& e : env_strings) env.push_back(e.data());
  env.push_back(nullptr);

  pid_t pid = 0;
  int rc = posix_spawn(&pid, MAITRED_BINARY, &actions, nullptr, argv.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " MAITRED_BINARY);
  int status = 0;
  waitpid(pid, &status, 0);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return {code, slurp(out_file), slurp(err_file)};
}

}  // namespace maitred::test
