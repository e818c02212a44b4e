#include "app/import_sheet.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "domain/contact_rules.hpp"
#include "domain/errors.hpp"
#include "json/import_job_codec.hpp"

namespace maitred::app {

namespace {

struct Columns {
  std::vector<std::string_view> known;
  std::vector<std::string_view> required;
};

const Columns& columns_of(ImportType type) {
  static const Columns bookings{
      {"date", "time", "people", "name", "email", "phone", "status", "source", "comment", "tables", "note"},
      {"date", "time", "people", "name"}};
  static const Columns customers{{"name", "email", "phone", "note"}, {"name"}};
  return type == ImportType::bookings ? bookings : customers;
}

std::string joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (auto name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

// The row has one cell per column, and every cell is text: bytes that are
// not UTF-8 would be stored and make the document unreadable, so the row is
// refused (the file's other rows still import).
void check_row(const ImportSheet& sheet, const core::CsvRecord& row) {
  if (row.fields.size() != sheet.header.size()) {
    throw domain::InvalidInput("wrong_column_count", "",
                               "The row has " + std::to_string(row.fields.size()) + " values; the header has " +
                                   std::to_string(sheet.header.size()) + " columns.");
  }
  for (std::size_t i = 0; i < row.fields.size(); ++i) {
    if (!core::is_valid_utf8(row.fields[i])) {
      throw domain::InvalidInput("invalid_utf8", sheet.header[i],
                                 "The '" + sheet.header[i] + "' cell is not valid UTF-8 text.");
    }
  }
}

// Set only when the cell says something: an empty cell is "not given", so
// the API's defaults (status, source, duration) apply.
void set_if_given(std::optional<std::string>& target, std::string_view cell) {
  auto value = trimmed(cell);
  if (!value.empty()) target = std::move(value);
}

std::vector<std::string> table_ids_for(std::string_view cell, const std::vector<domain::Table>& tables) {
  std::vector<std::string> ids;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const auto end = std::min(cell.find(';', start), cell.size());
    const auto name = trimmed(cell.substr(start, end - start));
    start = end + 1;
    if (name.empty()) continue;
    auto found = std::ranges::find_if(tables, [&](const auto& t) { return core::iequals(t.name, name); });
    if (found == tables.end()) {
      throw domain::NotFound("unknown_reference", "tables", "There is no table named '" + name + "'.");
    }
    ids.push_back(found->id);
  }
  return ids;
}

}  // namespace

std::optional<ImportType> import_type_from(std::string_view name) {
  if (name == "bookings") return ImportType::bookings;
  if (name == "customers") return ImportType::customers;
  return std::nullopt;
}

std::string_view import_type_name(ImportType type) {
  return type == ImportType::bookings ? "bookings" : "customers";
}

std::string_view ImportSheet::value(const core::CsvRecord& row, std::string_view column) const {
  for (std::size_t i = 0; i < header.size() && i < row.fields.size(); ++i) {
    if (header[i] == column) return row.fields[i];
  }
  return {};
}

ImportSheet read_import_sheet(ImportType type, std::string_view csv, std::size_t max_rows) {
  ImportSheet sheet;
  sheet.type = type;
  std::vector<core::CsvRecord> records;
  try {
    records = core::read_csv(csv, max_rows + 1);  // + the header
  } catch (const core::CsvTooManyRecords&) {
    throw domain::InvalidInput("too_many_rows", "body",
                               "An import holds at most " + std::to_string(max_rows) +
                                   " rows; split the file and import the parts one after another.");
  } catch (const core::CsvError& e) {
    throw domain::InvalidInput("invalid_csv", "body", std::string("The CSV cannot be read: ") + e.what());
  }
  if (records.empty()) {
    throw domain::InvalidInput("missing_column", "body", "The CSV is empty: it needs a header row.");
  }
  const auto& columns = columns_of(type);
  for (const auto& raw : records.front().fields) {
    if (!core::is_valid_utf8(raw)) {
      throw domain::InvalidInput("invalid_csv", "body", "The header row is not valid UTF-8 text.");
    }
    auto name = core::ascii_lowered(trimmed(raw));
    if (std::ranges::find(columns.known, name) == columns.known.end()) {
      throw domain::InvalidInput("unknown_column", name,
                                 "Unknown column '" + std::string(raw) + "' for a " +
                                     std::string(import_type_name(type)) + " import; the columns are " +
                                     joined(columns.known) + ".");
    }
    if (std::ranges::find(sheet.header, name) != sheet.header.end()) {
      throw domain::InvalidInput("duplicate_column", name, "The column '" + name + "' appears twice.");
    }
    sheet.header.push_back(std::move(name));
  }
  for (auto required : columns.required) {
    if (std::ranges::find(sheet.header, required) == sheet.header.end()) {
      throw domain::InvalidInput("missing_column", std::string(required),
                                 "The column '" + std::string(required) + "' is required; a " +
                                     std::string(import_type_name(type)) + " import needs " + joined(columns.required) +
                                     ".");
    }
  }
  records.erase(records.begin());
  if (records.empty()) throw domain::InvalidInput("empty_import", "body", "The CSV has a header but no rows.");
  sheet.rows = std::move(records);
  return sheet;
}

domain::BookingDraft booking_changes_from_row(const ImportSheet& sheet, const core::CsvRecord& row,
                                              const std::vector<domain::Table>& tables) {
  check_row(sheet, row);
  domain::BookingDraft changes;
  set_if_given(changes.date, sheet.value(row, "date"));
  set_if_given(changes.time, sheet.value(row, "time"));
  if (auto people = trimmed(sheet.value(row, "people")); !people.empty()) {
    int n = 0;
    auto [end, ec] = std::from_chars(people.data(), people.data() + people.size(), n);
    if (ec != std::errc{} || end != people.data() + people.size()) {
      throw domain::InvalidInput("invalid_field", "people", "'" + people + "' is not a whole number of people.");
    }
    changes.people = n;
  }
  // The guest's name is required by the booking write itself; an empty cell
  // is passed on so its message is the API's.
  changes.guest_name = trimmed(sheet.value(row, "name"));
  set_if_given(changes.guest_email, sheet.value(row, "email"));
  set_if_given(changes.guest_phone, sheet.value(row, "phone"));
  set_if_given(changes.status, sheet.value(row, "status"));
  set_if_given(changes.source, sheet.value(row, "source"));
  set_if_given(changes.comment, sheet.value(row, "comment"));
  set_if_given(changes.note, sheet.value(row, "note"));
  if (auto ids = table_ids_for(sheet.value(row, "tables"), tables); !ids.empty()) changes.table_ids = std::move(ids);
  changes.allow_overbooking = sheet.allow_overbooking;
  return changes;
}

domain::Customer customer_from_row(const ImportSheet& sheet, const core::CsvRecord& row) {
  check_row(sheet, row);
  domain::Customer customer;
  customer.name = trimmed(sheet.value(row, "name"));
  if (customer.name.empty()) throw domain::InvalidInput("missing_field", "name", "The customer needs a name.");
  customer.email = trimmed(sheet.value(row, "email"));
  if (!customer.email.empty() && !domain::is_valid_email(customer.email)) {
    throw domain::InvalidInput("invalid_field", "email", "'" + customer.email + "' is not a valid e-mail address.");
  }
  const auto phone_cell = trimmed(sheet.value(row, "phone"));
  auto phone = domain::normalize_phone(phone_cell);
  if (!phone) {
    throw domain::InvalidInput("invalid_field", "phone",
                               "'" + phone_cell + "' is not an international phone number (+ and country code).");
  }
  customer.phone = *phone;
  if (customer.email.empty() && customer.phone.empty()) {
    throw domain::InvalidInput("missing_field", "email",
                               "A customer needs an e-mail or a phone number: that is how bookings find them.");
  }
  // Customers have no note of their own: it goes into their metadata.
  if (auto note = trimmed(sheet.value(row, "note")); !note.empty()) {
    customer.metadata_json = json::imported_note_metadata(note);
  }
  return customer;
}

std::string import_column_for(std::string_view field) {
  if (field.starts_with("guest.")) field.remove_prefix(6);
  if (auto bracket = field.find('['); bracket != std::string_view::npos) field = field.substr(0, bracket);
  return std::string(field);
}

}  // namespace maitred::app
