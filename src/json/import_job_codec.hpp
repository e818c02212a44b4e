#pragma once
// The import job document, as answered and as stored, and the metadata an
// imported customer's note goes into.

#include <string>
#include <string_view>

#include "domain/import_job.hpp"

namespace maitred::json {

std::string import_job_to_json(const domain::ImportJob& job);
domain::ImportJob import_job_from_stored(std::string_view json);

// Customers have no note of their own: an imported one becomes their
// metadata object, {"note": …}.
std::string imported_note_metadata(std::string_view note);

}  // namespace maitred::json
