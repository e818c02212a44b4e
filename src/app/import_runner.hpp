#pragma once
// The server's import jobs run here, off the request threads: one worker
// thread and a queue, so imports run one at a time and never compete with
// each other for the database's single writer. A job's document is stored
// before it is queued and updated as it runs; its CSV stays in memory only,
// so a job the process did not finish (a restart, a crash) is marked failed
// on the next start rather than resumed (docs/API.md "Imports").

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "app/booking_service.hpp"
#include "app/import_sheet.hpp"
#include "domain/import_job.hpp"

namespace maitred::app {

class ImportRunner {
 public:
  // Marks jobs an earlier process left unfinished as failed, then starts the worker.
  ImportRunner(store::Store& store, const core::Clock& clock);
  // Stops between two rows: the running job and any queued ones end failed.
  ~ImportRunner();
  ImportRunner(const ImportRunner&) = delete;
  ImportRunner& operator=(const ImportRunner&) = delete;

  // Stores the job (queued) and queues it; returns the stored document.
  domain::ImportJob submit(const domain::Restaurant& restaurant, const Actor& actor, ImportSheet sheet);

 private:
  struct Work {
    domain::Restaurant restaurant;
    Actor actor;
    ImportSheet sheet;
    domain::ImportJob job;
  };
  void work();
  bool stopping();

  store::Store& store_;
  const core::Clock& clock_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Work> queue_;
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace maitred::app
