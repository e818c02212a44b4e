#pragma once
// Runs the real maitred binary with arguments and collects what it printed.

#include <string>
#include <vector>

namespace maitred::test {

struct CliResult {
  int exit_code;
  std::string out;
  std::string err;
  std::string last_line() const;  // of `out`, without the newline
};

CliResult run_maitred(const std::vector<std::string>& args, const std::string& stdin_text = {});

}  // namespace maitred::test
