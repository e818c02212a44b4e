// The option parser every `maitred` command shares: rows of a table in,
// parsed values and exit codes out (the commands themselves: AdminCliTest).

#include "cli/command_line.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/pinned_clock.hpp"

namespace maitred::cli {
namespace {

// What the last run of the test command saw.
struct Seen {
  std::string name;
  long long count = 0;
  bool loud = false;
  std::string file;
};
Seen seen;

struct Arguments {
  std::string name = "nobody";
  long long count = 3;
  bool loud = false;
  std::string file;
};

std::vector<Option> options(Arguments& a) {
  return {
      {.name = "FILE", .target = &a.file, .help = "A file", .required = true},
      {.name = "--name", .target = &a.name, .help = "A name", .show_default = true},
      {.name = "--count", .target = &a.count, .help = "How many", .range = Range{1, 5}},
      {.name = "--loud", .target = &a.loud, .help = "A flag"},
  };
}

int run(const Arguments& a, const core::Clock&) {
  seen = {a.name, a.count, a.loud, a.file};
  return 7;
}

Handler test_command() {
  return handler<Arguments>(options, run);
}

constexpr Command kCommands[] = {
    {"group", "A group"},
    {"group do", "Does it", test_command},
};

int parse(std::vector<std::string> words) {
  seen = {};
  words.insert(words.begin(), "maitred");
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  const core::PinnedClock clock("2026-01-20T10:00:00Z");
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  const int code = run_command_line("test", kCommands, static_cast<int>(argv.size()), argv.data(), clock);
  testing::internal::GetCapturedStdout();
  testing::internal::GetCapturedStderr();
  return code;
}

TEST(CommandLine, OptionsAreParsedIntoTheArgumentsAndTheExitCodeIsTheCommands) {
  EXPECT_EQ(parse({"group", "do", "f.csv", "--name", "Ann", "--count", "5", "--loud"}), 7);
  EXPECT_EQ(seen.file, "f.csv");
  EXPECT_EQ(seen.name, "Ann");
  EXPECT_EQ(seen.count, 5);
  EXPECT_TRUE(seen.loud);
}

TEST(CommandLine, OptionsNotGivenKeepTheirDefaults) {
  EXPECT_EQ(parse({"group", "do", "f.csv"}), 7);
  EXPECT_EQ(seen.name, "nobody");
  EXPECT_EQ(seen.count, 3);
  EXPECT_FALSE(seen.loud);
}

TEST(CommandLine, AValueOutOfRangeOrAMissingArgumentStopsBeforeTheCommandRuns) {
  EXPECT_NE(parse({"group", "do", "f.csv", "--count", "6"}), 0);
  EXPECT_NE(parse({"group", "do", "--count", "2"}), 0);
  EXPECT_NE(parse({"group"}), 0);
  EXPECT_NE(parse({"group", "do", "f.csv", "--unknown"}), 0);
  EXPECT_EQ(seen.file, "");  // never ran
}

TEST(CommandLine, HelpIsNotAnError) {
  EXPECT_EQ(parse({"group", "do", "--help"}), 0);
  EXPECT_EQ(seen.file, "");
}

TEST(CommandLineDeathTest, ACommandListedBeforeItsGroupIsABugInTheTable) {
  static constexpr Command kOutOfOrder[] = {{"group do", "Does it", test_command}, {"group", "A group"}};
  std::string word = "maitred";
  char* argv[] = {word.data()};
  const core::PinnedClock clock("2026-01-20T10:00:00Z");
  EXPECT_DEATH(run_command_line("test", kOutOfOrder, 1, argv, clock),
               "CHECK failed: .*the group of 'group do' comes before it in the table");
}

}  // namespace
}  // namespace maitred::cli
