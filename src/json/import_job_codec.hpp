#pragma once
// The import job document, as answered and as stored.

#include <string>
#include <string_view>

#include "domain/import_job.hpp"

namespace maitred::json {

std::string import_job_to_json(const domain::ImportJob& job);
domain::ImportJob import_job_from_stored(std::string_view json);

}  // namespace maitred::json
