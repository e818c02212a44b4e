#include "app/import_sheet.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain/errors.hpp"

namespace maitred::app {
namespace {

const std::string kHeader = "date,time,people,name,email,phone,status,source,comment,tables,note\n";

std::vector<domain::Table> tables() {
  domain::Table t1;
  t1.id = "t1id";
  t1.name = "T1";
  domain::Table window;
  window.id = "windowid";
  window.name = "Window 2";
  return {t1, window};
}

// The code and field of what `f` throws.
template <typename F>
std::pair<std::string, std::string> refusal(F f) {
  try {
    f();
  } catch (const domain::DomainError& e) {
    return {e.code, e.field};
  }
  return {"nothing thrown", ""};
}

TEST(ImportSheet, ReadsTheHeaderAndTheRows) {
  auto sheet = read_import_sheet(ImportType::bookings, kHeader + "2026-12-04,19:00,2,Ada,,,,,,,\n\n");
  EXPECT_EQ(sheet.header.size(), 11u);
  ASSERT_EQ(sheet.rows.size(), 1u);
  EXPECT_EQ(sheet.value(sheet.rows[0], "name"), "Ada");
}

TEST(ImportSheet, HeaderNamesAreCaseAndSpaceInsensitiveAndMayComeInAnyOrder) {
  auto sheet = read_import_sheet(ImportType::bookings, " Name ,PEOPLE,date,time\nAda,2,2026-12-04,19:00\n");
  EXPECT_EQ(sheet.value(sheet.rows[0], "people"), "2");
  EXPECT_EQ(sheet.value(sheet.rows[0], "email"), "");  // no such column
}

TEST(ImportSheet, RefusesWhatCannotBeImportedBeforeAnyRowRuns) {
  using P = std::pair<std::string, std::string>;
  auto bookings = [](std::string csv) { return [csv] { read_import_sheet(ImportType::bookings, csv); }; };
  EXPECT_EQ(refusal(bookings(kHeader.substr(0, kHeader.size() - 1) + ",guests\nx\n")), (P{"unknown_column", "guests"}));
  EXPECT_EQ(refusal(bookings("date,time,name\n2026-12-04,19:00,Ada\n")), (P{"missing_column", "people"}));
  EXPECT_EQ(refusal(bookings("date,time,people,name,date\nx\n")), (P{"duplicate_column", "date"}));
  EXPECT_EQ(refusal(bookings(kHeader)), (P{"empty_import", "body"}));
  EXPECT_EQ(refusal(bookings("")), (P{"missing_column", "body"}));
  EXPECT_EQ(refusal(bookings(kHeader + "\"open\n")), (P{"invalid_csv", "body"}));
  EXPECT_EQ(refusal([] { read_import_sheet(ImportType::customers, "name,people\nAda,2\n"); }),
            (P{"unknown_column", "people"}));
  EXPECT_EQ(refusal([] { read_import_sheet(ImportType::customers, "name\na\nb\nc\n", 2); }),
            (P{"too_many_rows", "body"}));
  EXPECT_NO_THROW(read_import_sheet(ImportType::customers, "name\na\nb\n", 2));
}

TEST(ImportSheet, ABookingRowBecomesTheBodyOfAPost) {
  auto sheet = read_import_sheet(ImportType::bookings,
                                 kHeader +
                                     "2026-12-04,19:00, 4 ,\"Lovelace, Ada\",ada@example.com,+45 11 11 11 11,"
                                     "approved,phone,\"window, please\",t1; window 2,VIP\n");
  auto changes = booking_changes_from_row(sheet, sheet.rows[0], tables());
  EXPECT_EQ(changes.date, "2026-12-04");
  EXPECT_EQ(changes.time, "19:00");
  EXPECT_EQ(changes.people, 4);
  EXPECT_EQ(changes.guest_name, "Lovelace, Ada");
  EXPECT_EQ(changes.guest_email, "ada@example.com");
  EXPECT_EQ(changes.guest_phone, "+45 11 11 11 11");  // normalised by the booking write
  EXPECT_EQ(changes.status, "approved");
  EXPECT_EQ(changes.source, "phone");
  EXPECT_EQ(changes.comment, "window, please");
  EXPECT_EQ(changes.note, "VIP");
  EXPECT_EQ(changes.table_ids, (std::vector<std::string>{"t1id", "windowid"}));
  EXPECT_FALSE(changes.allow_overbooking);
  sheet.allow_overbooking = true;
  EXPECT_TRUE(booking_changes_from_row(sheet, sheet.rows[0], tables()).allow_overbooking);
}

TEST(ImportSheet, EmptyCellsLeaveTheApiDefaults) {
  auto sheet = read_import_sheet(ImportType::bookings, kHeader + "2026-12-04,19:00,2,Ada,,,,,,,\n");
  auto changes = booking_changes_from_row(sheet, sheet.rows[0], tables());
  EXPECT_FALSE(changes.status);
  EXPECT_FALSE(changes.source);
  EXPECT_FALSE(changes.guest_email);
  EXPECT_FALSE(changes.table_ids);  // the seating check chooses
}

TEST(ImportSheet, BookingRowErrorsNameTheColumn) {
  using P = std::pair<std::string, std::string>;
  auto sheet = read_import_sheet(ImportType::bookings, kHeader +
                                                           "2026-12-04,19:00,two,Ada,,,,,,,\n"
                                                           "2026-12-04,19:00,2,Ada,,,,,,T9,\n"
                                                           "2026-12-04,19:00,2,Ada\n"
                                                           "2026-12-04,19:00,2x,Ada,,,,,,,\n");
  auto row = [&](std::size_t n) { return [&, n] { booking_changes_from_row(sheet, sheet.rows[n], tables()); }; };
  EXPECT_EQ(refusal(row(0)), (P{"invalid_field", "people"}));
  EXPECT_EQ(refusal(row(1)), (P{"unknown_reference", "tables"}));
  EXPECT_EQ(refusal(row(2)), (P{"wrong_column_count", ""}));
  EXPECT_EQ(refusal(row(3)), (P{"invalid_field", "people"}));
}

TEST(ImportSheet, ARowWithACellThatIsNotUtf8IsRefusedNamingTheColumn) {
  using P = std::pair<std::string, std::string>;
  auto sheet = read_import_sheet(ImportType::bookings, kHeader +
                                                           "2027-01-08,19:00,2,Ada \xff,,,,,,,\n"
                                                           "2027-01-08,19:00,2,Ada,,,,,\xed\xb0\x80,,\n"
                                                           "2027-01-08,19:00,2,Ada,,,,,,,\n");
  auto row = [&](std::size_t n) { return [&, n] { booking_changes_from_row(sheet, sheet.rows[n], tables()); }; };
  EXPECT_EQ(refusal(row(0)), (P{"invalid_utf8", "name"}));
  EXPECT_EQ(refusal(row(1)), (P{"invalid_utf8", "comment"}));
  EXPECT_NO_THROW(row(2)());

  auto customers = read_import_sheet(ImportType::customers, "name,note\nAda,\xc3\n");
  EXPECT_EQ(refusal([&] { customer_from_row(customers, customers.rows[0]); }), (P{"invalid_utf8", "note"}));
}

TEST(ImportSheet, AHeaderThatIsNotUtf8RefusesTheFile) {
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(refusal([] { read_import_sheet(ImportType::customers, "name,\xff\nAda,x\n"); }),
            (P{"invalid_csv", "body"}));
}

TEST(ImportSheet, ACustomerRow) {
  auto sheet =
      read_import_sheet(ImportType::customers,
                        "name,email,phone,note\nAda,ada@example.com,0045 11 11 11 11,\"likes \"\"the\"\" window\"\n");
  auto customer = customer_from_row(sheet, sheet.rows[0]);
  EXPECT_EQ(customer.name, "Ada");
  EXPECT_EQ(customer.email, "ada@example.com");
  EXPECT_EQ(customer.phone, "+4511111111");
  EXPECT_EQ(customer.metadata_json, R"({"note":"likes \"the\" window"})");
}

TEST(ImportSheet, CustomerRowErrors) {
  using P = std::pair<std::string, std::string>;
  auto sheet = read_import_sheet(ImportType::customers, "name,email,phone\n,a@b.co,\nAda,not-mail,\nAda,,12\nAda,,\n");
  auto row = [&](std::size_t n) { return [&, n] { customer_from_row(sheet, sheet.rows[n]); }; };
  EXPECT_EQ(refusal(row(0)), (P{"missing_field", "name"}));
  EXPECT_EQ(refusal(row(1)), (P{"invalid_field", "email"}));
  EXPECT_EQ(refusal(row(2)), (P{"invalid_field", "phone"}));
  EXPECT_EQ(refusal(row(3)), (P{"missing_field", "email"}));
}

TEST(ImportSheet, BookingWriteFieldsMapToColumns) {
  EXPECT_EQ(import_column_for("guest.email"), "email");
  EXPECT_EQ(import_column_for("guest.name"), "name");
  EXPECT_EQ(import_column_for("tables[1]"), "tables");
  EXPECT_EQ(import_column_for("time"), "time");
}

}  // namespace
}  // namespace maitred::app
