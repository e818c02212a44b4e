#include "cli/import_command.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/admin.hpp"
#include "app/import_service.hpp"
#include "cli/progress_bar.hpp"
#include "cli/store_options.hpp"
#include "json/import_job_codec.hpp"
#include "store/store.hpp"

namespace maitred::cli {

namespace {

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
  auto restaurant = store.restaurants().find_restaurant(restaurant_id);
  if (!restaurant) throw app::UsageError("there is no restaurant with id '" + restaurant_id + "'");
  auto sheet = app::read_import_sheet(*type, read_file(file));
  sheet.allow_overbooking = allow_overbooking;
  auto job = app::new_import_job(restaurant->id, sheet, clock.now());
  ProgressBar progress("import", job.rows);
  const auto show = [&progress](const domain::ImportJob& j) {
    const std::string failed = ", " + std::to_string(j.failed) + " failed";
    if (j.finished())
      progress.finish(j.processed, failed);
    else
      progress.show(j.processed, failed);
  };
  const app::BookingContext context{store, clock, *restaurant, {"system", "import"}};
  run_import(context, sheet, job, {show, nullptr, false});
  std::cout << json::import_job_to_json(job) << "\n";
  return job.failed == 0 ? 0 : kSomeRowsFailed;
}

namespace {

struct ImportArguments {
  StoreOptions store;
  std::string file;
  std::string restaurant_id;
  std::string type;
  bool allow_overbooking = false;
};

std::vector<Option> options(ImportArguments& a) {
  std::vector<Option> rows = {
      {.name = "FILE", .target = &a.file, .help = "CSV file with a header row", .required = true},
      {.name = "--restaurant", .target = &a.restaurant_id, .help = "Restaurant id", .required = true},
      {.name = "--type", .target = &a.type, .help = "bookings or customers", .required = true},
      {.name = "--allow-overbooking",
       .target = &a.allow_overbooking,
       .help = "Bookings: no seating check (moving existing bookings)"},
  };
  return with_store_options(a.store, std::move(rows));
}

int run(const ImportArguments& a, const core::Clock& clock) {
  auto store = open_admin_store(a.store);
  return import_file(*store, clock, a.file, a.restaurant_id, a.type, a.allow_overbooking);
}

}  // namespace

Handler import_command() {
  return handler<ImportArguments>(options, run);
}

}  // namespace maitred::cli
