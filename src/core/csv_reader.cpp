#include "core/csv_reader.hpp"

namespace maitred::core {

namespace {

// A record of one empty unquoted field is a blank line.
bool is_blank(const CsvRecord& record, bool any_quoted) {
  return !any_quoted && record.fields.size() == 1 && record.fields.front().empty();
}

}  // namespace

std::vector<CsvRecord> read_csv(std::string_view text, std::size_t max_records) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CsvRecord> records;
  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    CsvRecord record;
    record.line = line;
    bool any_quoted = false;
    bool end_of_record = false;
    while (!end_of_record) {
      std::string field;
      if (i < n && text[i] == '"') {
        any_quoted = true;
        const std::size_t opened_on = line;
        ++i;
        for (;;) {
          if (i >= n)
            throw CsvError(opened_on,
                           "A quoted field starting on line " + std::to_string(opened_on) + " is never closed.");
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\n') ++line;
          field += c;
          ++i;
        }
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          throw CsvError(line, "Line " + std::to_string(line) + ": unexpected text after a closing quote.");
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          if (text[i] == '"') {
            throw CsvError(line, "Line " + std::to_string(line) +
                                     ": a quote inside an unquoted field (quote the whole field and double the "
                                     "quote: \"say \"\"hi\"\"\").");
          }
          field += text[i++];
        }
      }
      record.fields.push_back(std::move(field));
      if (i >= n) {
        end_of_record = true;
      } else if (text[i] == ',') {
        ++i;
      } else {  // CR, LF or CRLF
        if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
        ++i;
        ++line;
        end_of_record = true;
      }
    }
    if (is_blank(record, any_quoted)) continue;
    if (records.size() == max_records) {
      throw CsvTooManyRecords(record.line, "Too many records: at most " + std::to_string(max_records) + " are read.");
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace maitred::core
