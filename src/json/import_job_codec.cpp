#include "json/import_job_codec.hpp"

#include "core/time_format.hpp"
#include "json/json_reader.hpp"
#include "json/json_writer.hpp"
#include "json/time_member.hpp"

namespace maitred::json {

std::string imported_note_metadata(std::string_view note) {
  std::string metadata;
  JsonWriter out(metadata);
  out.start_object();
  out.member("note", note);
  out.end_object();
  return metadata;
}

std::string import_job_to_json(const domain::ImportJob& job) {
  std::string text;
  JsonWriter out(text);
  out.start_object();
  out.member("_id", job.id);
  out.member("restaurantId", job.restaurant_id);
  out.member("type", job.type);
  out.member("status", job.status);
  out.member("rows", job.rows);
  out.member("processed", job.processed);
  out.member("imported", job.imported);
  out.member("failed", job.failed);
  out.key("errors");
  out.start_array();
  for (const auto& e : job.errors) {
    out.start_object();
    out.member("row", e.row);
    out.member("field", e.field);
    out.member("code", e.code);
    out.member("message", e.message);
    out.end_object();
  }
  out.end_array();
  out.member("errorsTruncated", job.errors_truncated);
  out.member("message", job.message);
  out.member("createdAt", core::format_utc(job.created_at));
  write_optional_time(out, "finishedAt", job.finished_at);
  out.end_object();
  return text;
}

namespace {

core::SystemTime time_of(const std::string& text) {
  auto t = core::parse_utc(text);
  if (!t) invalid("createdAt", "not a UTC time");
  return *t;
}

}  // namespace

domain::ImportJob import_job_from_stored(std::string_view json) {
  auto doc = parse_body(json);
  ObjectReader in(doc);
  domain::ImportJob job;
  constexpr long long kMax = 1'000'000'000;
  job.id = in.required_string("_id", 64);
  job.restaurant_id = in.required_string("restaurantId", 64);
  job.type = in.required_string("type", 20);
  job.status = in.required_string("status", 20);
  job.rows = static_cast<int>(in.required_integer("rows", 0, kMax));
  job.processed = static_cast<int>(in.required_integer("processed", 0, kMax));
  job.imported = static_cast<int>(in.required_integer("imported", 0, kMax));
  job.failed = static_cast<int>(in.required_integer("failed", 0, kMax));
  for (auto& e :
       in.optional_object_array("errors", domain::ImportJob::kMaxErrors).value_or(std::vector<ObjectReader>{})) {
    job.errors.push_back({static_cast<int>(e.required_integer("row", 0, kMax)), e.required_string("field", 10000),
                          e.required_string("code", 10000), e.required_string("message", 100000)});
    e.finish();
  }
  job.errors_truncated = in.optional_bool("errorsTruncated").value_or(false);
  job.message = in.optional_string("message", 100000).value_or("");
  job.created_at = time_of(in.required_string("createdAt", 40));
  if (!in.is_null("finishedAt")) {
    if (auto finished = in.optional_string("finishedAt", 40)) job.finished_at = time_of(*finished);
  }
  in.finish();
  return job;
}

}  // namespace maitred::json
