#pragma once
// A CSV import's job document (docs/API.md "Imports"): what was asked, how
// far it got, and why rows were refused.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace maitred::domain {

struct ImportRowError {
  int row = 0;  // 1-based data row, the header not counted
  std::string field;
  std::string code;
  std::string message;
};

struct ImportJob {
  // Stored errors stop here (the `failed` count goes on): a 10,000-row file
  // of the wrong shape must not make a 10,000-entry document.
  static constexpr std::size_t kMaxErrors = 1000;

  std::string id;
  std::string restaurant_id;
  std::string type;               // "bookings", "customers"
  std::string status = "queued";  // queued, running, done, failed
  int rows = 0;
  int processed = 0;
  int imported = 0;
  int failed = 0;
  std::vector<ImportRowError> errors;
  bool errors_truncated = false;
  std::string message;  // why the job itself failed; empty otherwise
  core::SystemTime created_at;
  std::optional<core::SystemTime> finished_at;

  bool finished() const { return status == "done" || status == "failed"; }

  void record_error(ImportRowError error) {
    ++failed;
    if (errors.size() < kMaxErrors)
      errors.push_back(std::move(error));
    else
      errors_truncated = true;
  }
};

}  // namespace maitred::domain
