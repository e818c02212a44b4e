#include "app/import_runner.hpp"

#include "app/import_service.hpp"
#include "core/logging.hpp"

namespace maitred::app {

ImportRunner::ImportRunner(store::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {
  if (int failed = fail_interrupted_imports(store_, clock_); failed > 0) {
    core::log().warn("marked {} import job(s) failed: the previous run stopped before finishing them", failed);
  }
  worker_ = std::thread([this] { work(); });
}

ImportRunner::~ImportRunner() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

domain::ImportJob ImportRunner::submit(const domain::Restaurant& restaurant, const Actor& actor, ImportSheet sheet) {
  auto job = new_import_job(restaurant.id, sheet, clock_.now());
  save_import_job(store_, job, true);
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(Work{restaurant, actor, std::move(sheet), job});
  }
  wake_.notify_one();
  return job;
}

bool ImportRunner::stopping() {
  std::lock_guard lock(mutex_);
  return stop_;
}

void ImportRunner::work() {
  for (;;) {
    Work next;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;
      next = std::move(queue_.front());
      queue_.pop_front();
    }
    auto& job = next.job;
    try {
      const BookingContext context{store_, clock_, next.restaurant, next.actor};
      run_import(context, next.sheet, job, {nullptr, [this] { return stopping(); }, true});
      core::log().info("import {} ({}) of restaurant {}: {} imported, {} failed, {}", job.id, job.type,
                       job.restaurant_id, job.imported, job.failed, job.status);
    } catch (const std::exception& e) {
      // Not a row's fault (the job document itself could not be written):
      // say so on the job if the store lets us.
      core::log().error("import {} stopped: {}", job.id, e.what());
      try {
        job.status = "failed";
        job.message = "The import stopped because of an internal error after " + std::to_string(job.processed) +
                      " rows; those are kept.";
        job.finished_at = clock_.now();
        save_import_job(store_, job, false);
      } catch (const std::exception& again) {
        core::log().error("import {}: could not record the failure: {}", job.id, again.what());
      }
    }
  }
}

}  // namespace maitred::app
