#pragma once
// A small RFC 4180 reader for the CSV imports: pure, no I/O, fuzzed
// (fuzz/fuzz_csv_reader.cpp). Hand-written rather than libcsv because the
// imports need the line each record starts on (for row errors) and strict
// refusal of malformed quoting, which libcsv's callback API would need the
// same amount of wrapping to give.
//
// Accepted: a UTF-8 byte order mark at the start (skipped), CRLF or LF line
// ends (a lone CR too), quoted fields with "" for a quote and line breaks
// inside, blank lines (skipped: spreadsheets leave them at the end).
// Refused (CsvError): text after a closing quote other than a separator or a
// line end, a quote inside an unquoted field, a quoted field never closed.
// Records may have different lengths ("ragged"): the caller decides.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace maitred::core {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line of the input where the record starts
  std::vector<std::string> fields;
};

struct CsvError : std::runtime_error {
  std::size_t line;
  CsvError(std::size_t line_, const std::string& message) : std::runtime_error(message), line(line_) {}
};

// More records than the caller reads (the line is the first one too many).
struct CsvTooManyRecords : CsvError {
  using CsvError::CsvError;
};

// Stops with CsvTooManyRecords once more than `max_records` were read, so a
// caller's limit also bounds the work.
std::vector<CsvRecord> read_csv(std::string_view text, std::size_t max_records = static_cast<std::size_t>(-1));

}  // namespace maitred::core
