#pragma once
// Running a CSV import: every row through the same use case as the API's
// own write (create_booking for bookings, so the seating check, validation
// and customer linking apply unchanged), each row in its own transaction so
// a refused row rolls back only itself. Shared by the server's job runner
// and `maitred import`.

#include <functional>
#include <string>

#include "app/booking_service.hpp"
#include "app/import_sheet.hpp"
#include "domain/import_job.hpp"

namespace maitred::app {

// A new job document for `sheet` (status queued, not yet stored).
domain::ImportJob new_import_job(const std::string& restaurant_id, const ImportSheet& sheet, core::SystemTime now);

void save_import_job(store::Store& store, const domain::ImportJob& job, bool first_time);

struct ImportHooks {
  // Called after every row, and when the job starts and ends.
  std::function<void(const domain::ImportJob&)> progress;
  // Asked between rows; true stops the job as failed (server shutting down).
  std::function<bool()> stop_requested;
  // The server keeps the job document in the store; `maitred import` only
  // prints it.
  bool save = true;
};

// Runs every row of `sheet` and leaves `job` done (or failed when stopped),
// saving its progress to the store as it goes (hooks.save).
void run_import(const BookingContext& context, const ImportSheet& sheet, domain::ImportJob& job,
                const ImportHooks& hooks = {});

// Jobs left queued or running by a process that ended: marked failed (their
// CSV lived only in that process's memory). Returns how many.
int fail_interrupted_imports(store::Store& store, const core::Clock& clock);

// Forgets jobs that finished before `cutoff` (their rows stay imported).
// Returns how many.
int purge_finished_imports(store::Store& store, core::SystemTime cutoff);

}  // namespace maitred::app
