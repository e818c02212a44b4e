#include "cli/import_command.hpp"

#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/admin.hpp"
#include "app/import_service.hpp"
#include "json/import_job_codec.hpp"
#include "store/store.hpp"

namespace maitred::cli {

namespace {

// A bar redrawn in place on a terminal; a line per 10 % when stderr is a
// file or a pipe (logs, CI), where carriage returns would be noise.
class Progress {
 public:
  explicit Progress(int rows) : rows_(rows), tty_(::isatty(STDERR_FILENO) == 1) {}

  void show(const domain::ImportJob& job) {
    const int percent = rows_ == 0 ? 100 : job.processed * 100 / rows_;
    if (tty_) {
      if (percent == shown_percent_ && !job.finished()) return;  // one redraw per percent
      shown_percent_ = percent;
      constexpr int kWidth = 30;
      const int filled = percent * kWidth / 100;
      std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] " << percent << "% "
                << job.processed << "/" << rows_ << " rows, " << job.failed << " failed" << std::flush;
      if (job.finished()) std::cerr << "\n";
      return;
    }
    while (next_decile_ <= percent / 10 && next_decile_ <= 10) {
      std::cerr << "import: " << next_decile_ * 10 << "% (" << job.processed << "/" << rows_ << " rows, " << job.failed
                << " failed)\n";
      ++next_decile_;
    }
  }

 private:
  int rows_;
  bool tty_;
  int next_decile_ = 1;
  int shown_percent_ = -1;
};

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw app::UsageError("cannot read " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int import_file(store::Store& store, const core::Clock& clock, const std::filesystem::path& file,
                const std::string& restaurant_id, const std::string& type_name, bool allow_overbooking) {
  const auto type = app::import_type_from(type_name);
  if (!type) throw app::UsageError("--type must be bookings or customers");
  auto restaurant = store.find_restaurant(restaurant_id);
  if (!restaurant) throw app::UsageError("there is no restaurant with id '" + restaurant_id + "'");
  auto sheet = app::read_import_sheet(*type, read_file(file));
  sheet.allow_overbooking = allow_overbooking;
  auto job = app::new_import_job(restaurant->id, sheet, clock.now());
  Progress progress(job.rows);
  const app::BookingContext context{store, clock, *restaurant, {"system", "import"}};
  run_import(context, sheet, job, {[&progress](const domain::ImportJob& j) { progress.show(j); }, nullptr, false});
  std::cout << json::import_job_to_json(job) << "\n";
  return job.failed == 0 ? 0 : kSomeRowsFailed;
}

}  // namespace maitred::cli
