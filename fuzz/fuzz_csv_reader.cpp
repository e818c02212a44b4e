// libFuzzer target: the CSV reader of the imports, and the import sheet and
// row mapping on top of it.
//
// The whole input goes to core::read_csv. core::CsvError is the expected
// answer to malformed quoting; any other exception, a crash, a sanitizer
// report or a broken contract is a finding. What reads is written back out
// with every field quoted and read again: it must give the same fields (the
// reader and a writer agree on the format). Then the input goes through
// read_import_sheet for both types and every row through the row mapping,
// where domain errors are the only acceptable failures.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "app/import_sheet.hpp"
#include "core/csv_reader.hpp"
#include "domain/errors.hpp"

namespace {

using namespace maitred;

void contract(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "contract violated: %s\n", what);
    std::abort();
  }
}

std::string quoted_csv(const std::vector<core::CsvRecord>& records) {
  std::string out;
  for (const auto& record : records) {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (i > 0) out += ',';
      out += '"';
      for (char c : record.fields[i]) out += c == '"' ? std::string("\"\"") : std::string(1, c);
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

void check_sheet(app::ImportType type, std::string_view text) {
  try {
    const auto sheet = app::read_import_sheet(type, text, 50);
    contract(!sheet.rows.empty() && !sheet.header.empty(), "a sheet has a header and rows");
    for (const auto& row : sheet.rows) {
      try {
        if (type == app::ImportType::bookings) {
          (void)app::booking_changes_from_row(sheet, row, {});
        } else {
          (void)app::customer_from_row(sheet, row);
        }
      } catch (const domain::DomainError&) {
      }
    }
  } catch (const domain::InvalidInput& e) {
    contract(!e.code.empty(), "sheet errors have a code");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto records = core::read_csv(text);
    std::size_t previous_line = 0;
    for (const auto& record : records) {
      contract(!record.fields.empty(), "a record has a field");
      contract(record.line > previous_line, "records start on increasing lines");
      previous_line = record.line;
    }
    const auto again = core::read_csv(quoted_csv(records));
    contract(again.size() == records.size(), "round trip keeps the record count");
    for (std::size_t i = 0; i < records.size(); ++i) {
      contract(again[i].fields == records[i].fields, "round trip keeps the fields");
    }
  } catch (const core::CsvError& e) {
    contract(e.line >= 1, "errors name a line");
  }
  check_sheet(app::ImportType::bookings, text);
  check_sheet(app::ImportType::customers, text);
  return 0;
}

// Findings are fatal even though the preset builds recoverable checks.
extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:print_stacktrace=1";
}
