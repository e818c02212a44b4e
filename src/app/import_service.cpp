#include "app/import_service.hpp"

#include <chrono>

#include "app/record_event.hpp"
#include "app/restaurant_snapshot.hpp"
#include "core/ids.hpp"
#include "domain/errors.hpp"
#include "json/import_job_codec.hpp"
#include "store/corrupt_document.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {

// Progress is saved every this many rows (and at the end): polling clients
// see it move without a write per row.
constexpr int kSaveEvery = 25;

// A row's customer joins the one with its e-mail or phone (as bookings do),
// which takes the row's name, any contact data the row adds, and its note;
// otherwise it is a new customer.
void import_customer(const BookingContext& c, domain::Customer row_customer) {
  auto& store = c.store;
  const EventSource source{c.store, c.clock, c.actor, c.restaurant.id};
  const auto now = c.clock.now();
  if (auto found = store.guests().find_customer_by_contact(c.restaurant.id, row_customer.email, row_customer.phone)) {
    auto customer = found->customer;
    customer.name = row_customer.name;
    if (!row_customer.email.empty()) customer.email = row_customer.email;
    if (!row_customer.phone.empty()) customer.phone = row_customer.phone;
    if (row_customer.metadata_json != "{}") customer.metadata_json = row_customer.metadata_json;
    auto changes =
        store.guests().update_customer(c.restaurant.id, *found, customer, now, store::CustomerChanges::all_fields);
    if (!changes.empty()) record_event(source, "customer.updated", customer.id, std::move(changes));
    return;
  }
  row_customer.id = core::new_id();
  row_customer.created_at = now;
  store.guests().insert_customer(c.restaurant.id, row_customer);
  record_event(source, "customer.created", row_customer.id);
}

void import_row(const BookingContext& c, const ImportSheet& sheet, const core::CsvRecord& row,
                const std::vector<domain::Table>& tables) {
  c.store.atomically([&] {
    if (sheet.type == ImportType::bookings) {
      create_booking(c, booking_changes_from_row(sheet, row, tables), std::nullopt);
    } else {
      import_customer(c, customer_from_row(sheet, row));
    }
  });
}

}  // namespace

domain::ImportJob new_import_job(const std::string& restaurant_id, const ImportSheet& sheet, core::SystemTime now) {
  domain::ImportJob job;
  job.id = core::new_id();
  job.restaurant_id = restaurant_id;
  job.type = std::string(import_type_name(sheet.type));
  job.rows = static_cast<int>(sheet.rows.size());
  job.created_at = now;
  return job;
}

void save_import_job(store::Store& store, const domain::ImportJob& job, bool first_time) {
  const auto at = job.finished_at.value_or(job.created_at);
  store::DocumentWrite write{
      store::Collection::imports, job.restaurant_id, job.id, json::import_job_to_json(job), std::nullopt, false, at};
  if (first_time)
    store.documents().insert_document(write);
  else
    store.documents().update_document(write);
}

void run_import(const BookingContext& c, const ImportSheet& sheet, domain::ImportJob& job, const ImportHooks& hooks) {
  auto saved = [&] {
    if (hooks.save) save_import_job(c.store, job, false);
    if (hooks.progress) hooks.progress(job);
  };
  job.status = "running";
  saved();
  // Table names are resolved against the setup as it is when the job starts.
  const auto tables = load_setup<domain::Table>(c.store, c.restaurant.id);
  for (std::size_t i = static_cast<std::size_t>(job.processed); i < sheet.rows.size(); ++i) {
    if (hooks.stop_requested && hooks.stop_requested()) {
      job.status = "failed";
      job.message = "The server stopped after " + std::to_string(job.processed) +
                    " rows; those are kept. Import the remaining rows again.";
      break;
    }
    const int row_number = static_cast<int>(i) + 1;
    try {
      import_row(c, sheet, sheet.rows[i], tables);
      ++job.imported;
    } catch (const domain::DomainError& e) {
      job.record_error({row_number, import_column_for(e.field), e.code, e.what()});
    } catch (const store::StoreError& e) {
      // The database refused this row (busy beyond the timeout, full disk):
      // it is rolled back and reported; the next row tries again.
      job.record_error({row_number, "", "store_error", std::string("The database refused the row: ") + e.what()});
    }
    ++job.processed;
    if (job.processed % kSaveEvery == 0)
      saved();
    else if (hooks.progress)
      hooks.progress(job);
  }
  if (job.status == "running") job.status = "done";
  job.finished_at = c.clock.now();
  saved();
}

namespace {
// The restaurant's import jobs for the start-up and clean-up passes, which
// must not stop at a job that cannot be decoded (it is logged and left).
std::vector<domain::ImportJob> decodable_import_jobs(store::Store& store, const std::string& restaurant_id) {
  std::vector<domain::ImportJob> jobs;
  for (const auto& doc : store.documents().list_documents(store::Collection::imports, restaurant_id, false)) {
    try {
      jobs.push_back(
          store::decode_document("import job", doc.id, [&] { return json::import_job_from_stored(doc.json); }));
    } catch (const store::CorruptDocument& e) {
      store::log_corrupt(e, "left alone by the import clean-up");
    }
  }
  return jobs;
}
}  // namespace

int fail_interrupted_imports(store::Store& store, const core::Clock& clock) {
  int failed = 0;
  for (const auto& restaurant : store.restaurants().list_restaurants()) {
    for (auto job : decodable_import_jobs(store, restaurant.id)) {
      if (job.finished()) continue;
      job.message = "The server restarted while this import was " + job.status + "; the rows processed before (" +
                    std::to_string(job.processed) + ") are kept. Import the remaining rows again.";
      job.status = "failed";
      job.finished_at = clock.now();
      save_import_job(store, job, false);
      ++failed;
    }
  }
  return failed;
}

int purge_finished_imports(store::Store& store, core::SystemTime cutoff) {
  int purged = 0;
  for (const auto& restaurant : store.restaurants().list_restaurants()) {
    for (const auto& job : decodable_import_jobs(store, restaurant.id)) {
      if (job.finished() && job.finished_at && *job.finished_at < cutoff) {
        purged += store.documents().erase_document(store::Collection::imports, restaurant.id, job.id) ? 1 : 0;
      }
    }
  }
  return purged;
}

}  // namespace maitred::app
