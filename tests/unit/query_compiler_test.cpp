#include "store/sqlite/query_compiler.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"

namespace maitred::store::sqlite {
namespace {

using domain::parse_search_expression;
using domain::parse_sort;
using Ids = std::vector<std::string>;
using Params = std::vector<SqlParam>;

const ColumnMap kColumns{{{"dateTime", "start_utc"}, {"status", "status"}, {"people", "people"}}};

// Six bookings, inserted out of id order so that only ORDER BY can sort them.
// b2 has no phone and a text `total`; b3 and b4 share a start and a people
// count so tie-breaking shows.
constexpr const char* kRows[][5] = {
    {"b3", "approved", "4", "2026-11-24T18:00:00Z",
     R"({"status":"approved","people":4,"dateTime":"2026-11-24T18:00:00Z","date":"2026-11-24",)"
     R"("source":"Google Ads","total":120.5,"activityAt":"2026-11-24T10:00:00Z",)"
     R"("guest":{"name":"Anna Berg","phone":"+4511111111","notificationSms":true},)"
     R"("customFields":[{"name":"Allergy","value":"nuts"}]})"},
    {"b1", "request", "2", "2026-11-23T12:00:00Z",
     R"({"status":"request","people":2,"dateTime":"2026-11-23T12:00:00Z","date":"2026-11-23",)"
     R"("source":"website","total":40,"activityAt":"2026-11-23T09:00:00Z",)"
     R"("guest":{"name":"Bo O'Neil","phone":"4522222222","notificationSms":false}})"},
    {"b5", "approved", "6", "2026-11-25T19:30:00Z",
     R"({"status":"approved","people":6,"dateTime":"2026-11-25T19:30:00Z","date":"2026-11-25",)"
     R"("source":"google","total":300,"activityAt":"2026-11-24T11:30:00Z",)"
     R"("guest":{"name":"Carl","phone":"+45 33 33 33 33","notificationSms":true}})"},
    {"b2", "canceled", "2", "2026-11-24T12:00:00Z",
     R"({"status":"canceled","people":2,"dateTime":"2026-11-24T12:00:00Z","date":"2026-11-24",)"
     R"("source":"phone","total":"n/a","activityAt":"2026-11-24T09:59:59Z",)"
     R"("guest":{"name":"dora","email":"d@example.com"}})"},
    {"b6", "approved", "3", "2026-11-22T20:00:00Z",
     R"({"status":"approved","people":3,"dateTime":"2026-11-22T20:00:00Z","date":"2026-11-22",)"
     R"("source":"Google Maps","total":75,"activityAt":"2026-11-22T08:00:00Z",)"
     "\"guest\":{\"name\":\"\xC3\x89mile\",\"phone\":\"4511111111\",\"notificationSms\":false}}"},
    {"b4", "seated", "4", "2026-11-24T18:00:00Z",
     R"({"status":"seated","people":4,"dateTime":"2026-11-24T18:00:00Z","date":"2026-11-24",)"
     R"("source":"Google","total":120.5,"activityAt":"2026-11-25T08:00:00Z",)"
     R"("guest":{"name":"Eve","phone":"+4544444444","notificationSms":true}})"},
};

class QueryCompilerDb : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    exec("CREATE TABLE bookings(id TEXT, status TEXT, people INTEGER, start_utc TEXT, doc TEXT)");
    for (const auto& row : kRows) {
      sqlite3_stmt* stmt = nullptr;
      ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO bookings VALUES (?, ?, ?, ?, ?)", -1, &stmt, nullptr), SQLITE_OK);
      for (int i = 0; i < 5; ++i) sqlite3_bind_text(stmt, i + 1, row[i], -1, SQLITE_STATIC);
      EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE);
      sqlite3_finalize(stmt);
    }
  }
  void TearDown() override { sqlite3_close(db_); }

  void exec(const char* sql) { ASSERT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sql; }

  // Runs SELECT id with the compiled pieces; `tail` (LIMIT/OFFSET) is bound
  // after filter and ORDER BY params, as the header prescribes.
  Ids select(const std::string& where, const std::string& order_by, const Params& params,
             const std::string& tail = "") {
    std::string sql = "SELECT id FROM bookings";
    if (!where.empty()) sql += " WHERE " + where;
    sql += " " + order_by + tail;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sqlite3_errmsg(db_) << " in " << sql;
      return {};
    }
    EXPECT_EQ(sqlite3_bind_parameter_count(stmt), static_cast<int>(params.size())) << sql;
    EXPECT_EQ(bind_params(stmt, params), SQLITE_OK);
    Ids ids;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    }
    EXPECT_EQ(rc, SQLITE_DONE) << sqlite3_errmsg(db_) << " in " << sql;
    sqlite3_finalize(stmt);
    return ids;
  }

  Ids matching(const std::string& expression) {
    auto filter = compile_filter(parse_search_expression(expression), kColumns);
    auto params = filter.params;
    auto order_by = compile_order_by({}, kColumns, params);
    return select(filter.sql, order_by, params);
  }

  Ids sorted(const std::string& sort, const std::string& expression = "") {
    auto filter = compile_filter(parse_search_expression(expression), kColumns);
    auto params = filter.params;
    auto order_by = compile_order_by(parse_sort(sort), kColumns, params);
    return select(filter.sql, order_by, params);
  }

  sqlite3* db_ = nullptr;
};

TEST(QueryCompiler, SpecExamplesCompileToParameterisedSql) {
  auto f = compile_filter(parse_search_expression(R"(people>2,status:"approved")"), kColumns);
  EXPECT_EQ(f.sql, "((people > ? AND typeof(people) IN ('integer', 'real')) AND status = ?)");
  EXPECT_EQ(f.params, (Params{2.0, std::string("approved")}));

  f = compile_filter(parse_search_expression(R"(date<"2021-09-18",source;"google")"), kColumns);
  EXPECT_EQ(f.sql,
            "((json_extract(doc, ?) < ? AND typeof(json_extract(doc, ?)) = 'text') AND "
            "instr(lower(json_extract(doc, ?)), lower(?)) > 0)");
  EXPECT_EQ(f.params, (Params{std::string("$.date"), std::string("2021-09-18"), std::string("$.date"),
                              std::string("$.source"), std::string("google")}));

  f = compile_filter(parse_search_expression(R"(guest.phone:"+45 11 11 11 11")"), kColumns);
  EXPECT_EQ(f.sql, "(replace(ltrim(json_extract(doc, ?), '+'), ' ', '') = ?)");
  EXPECT_EQ(f.params, (Params{std::string("$.guest.phone"), std::string("4511111111")}));
}

TEST(QueryCompiler, ValueKindsAndColumns) {
  auto f = compile_filter(parse_search_expression("guest.notificationSms:true,arrived:false"), kColumns);
  EXPECT_EQ(f.sql, "(json_extract(doc, ?) = ? AND json_extract(doc, ?) = ?)");
  EXPECT_EQ(f.params, (Params{std::string("$.guest.notificationSms"), 1LL, std::string("$.arrived"), 0LL}));

  f = compile_filter(parse_search_expression(R"(dateTime>"2026-11-24T11:00:00+01:00",people:-1.5e1)"), kColumns);
  EXPECT_EQ(f.sql, "((start_utc > ? AND typeof(start_utc) = 'text') AND people = ?)");
  EXPECT_EQ(f.params, (Params{std::string("2026-11-24T10:00:00Z"), -15.0}));

  // `:` with a zoned date-time compares the UTC form; `;` the text as written.
  f = compile_filter(parse_search_expression(R"(dateTime:"2026-11-24T19:00:00+01:00",note;"2026-11-24T19:00")"),
                     kColumns);
  EXPECT_EQ(f.sql, "(start_utc = ? AND instr(lower(json_extract(doc, ?)), lower(?)) > 0)");
  EXPECT_EQ(f.params,
            (Params{std::string("2026-11-24T18:00:00Z"), std::string("$.note"), std::string("2026-11-24T19:00")}));

  f = compile_filter(parse_search_expression(R"(status:"seated")"), kColumns, "b.doc");
  EXPECT_EQ(f.sql, "(status = ?)");
  f = compile_filter(parse_search_expression(R"(guest.name:"x")"), kColumns, "b.doc");
  EXPECT_EQ(f.sql, "(json_extract(b.doc, ?) = ?)");

  f = compile_filter(parse_search_expression("  "), kColumns);
  EXPECT_EQ(f.sql, "");
  EXPECT_TRUE(f.params.empty());
}

TEST(QueryCompiler, OrderByAppendsItsParamsAfterTheFilters) {
  Params params{std::string("filter")};
  auto sql = compile_order_by(parse_sort("people:-1,guest.name:1,createdAt"), kColumns, params);
  EXPECT_EQ(sql, "ORDER BY people DESC, json_extract(doc, ?) ASC, json_extract(doc, ?) ASC, id ASC");
  EXPECT_EQ(params, (Params{std::string("filter"), std::string("$.guest.name"), std::string("$.createdAt")}));

  params.clear();
  EXPECT_EQ(compile_order_by({}, kColumns, params), "ORDER BY id ASC");
  EXPECT_EQ(compile_order_by({}, kColumns, params, "doc", "b.rowid"), "ORDER BY b.rowid ASC");
  EXPECT_TRUE(params.empty());
}

TEST(QueryCompiler, JsonPathsAndPhones) {
  EXPECT_EQ(json_path_for("status"), "$.status");
  EXPECT_EQ(json_path_for("guest.phone"), "$.guest.phone");
  EXPECT_EQ(json_path_for("customFields.0.value"), "$.customFields[0].value");
  EXPECT_EQ(json_path_for("tables.007"), "$.tables[7]");
  EXPECT_EQ(json_path_for("tables.000"), "$.tables[0]");
  EXPECT_EQ(json_path_for("tables.1234567890"), "$.tables.\"1234567890\"");
  EXPECT_EQ(json_path_for("a.1b"), "$.a.1b");
  EXPECT_THROW(json_path_for("a.'b"), std::invalid_argument);

  EXPECT_EQ(normalise_phone("+45 11 11 11 11"), "4511111111");
  EXPECT_EQ(normalise_phone("++4511"), "4511");
  EXPECT_EQ(normalise_phone(" +4511"), "+4511");  // as ltrim(x, '+') then replace does
  EXPECT_EQ(normalise_phone("+"), "");
  EXPECT_EQ(normalise_phone(""), "");
}

TEST(QueryCompiler, HandBuiltBadPathsAndNamesAreRefused) {
  domain::SearchExpression bad;
  bad.terms.push_back({"a') OR 1=1 --", domain::SearchOp::equals, {}, 0});
  EXPECT_THROW(compile_filter(bad, kColumns), std::invalid_argument);

  domain::SearchExpression fine;
  fine.terms.push_back({"a", domain::SearchOp::equals, {}, 0});
  EXPECT_THROW(compile_filter(fine, kColumns, "doc; DROP TABLE x"), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, ColumnMap{{{"a", "a b"}}}), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, kColumns, "1doc"), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, kColumns, "doc."), std::invalid_argument);

  // Meanings the parser refuses are refused here too.
  domain::SearchExpression contains_number;
  domain::SearchValue number;
  number.kind = domain::SearchValue::Kind::number;
  contains_number.terms.push_back({"a", domain::SearchOp::contains, number, 0});
  EXPECT_THROW(compile_filter(contains_number, kColumns), std::invalid_argument);
  domain::SearchExpression less_plain_string;
  less_plain_string.terms.push_back({"a", domain::SearchOp::less, {}, 0});
  EXPECT_THROW(compile_filter(less_plain_string, kColumns), std::invalid_argument);

  Params params;
  EXPECT_THROW(compile_order_by({{"a b", true}}, kColumns, params), std::invalid_argument);
  EXPECT_THROW(compile_order_by({}, kColumns, params, "doc", "id DESC"), std::invalid_argument);
}

TEST_F(QueryCompilerDb, FiltersSelectTheRightRows) {
  const std::vector<std::pair<std::string, Ids>> cases = {
      {R"(people>2,status:"approved")", {"b3", "b5", "b6"}},
      {R"(date<"2026-11-24",source;"google")", {"b6"}},
      {R"(guest.phone:"4511111111")", {"b3", "b6"}},
      {R"(guest.phone:"+4511111111")", {"b3", "b6"}},
      {R"(guest.phone:"4533333333")", {"b5"}},
      {R"(guest.phone:"+45 33 33 33 33")", {"b5"}},
      {"guest.phone:4522222222", {"b1"}},
      {R"(guest.phone;"3333")", {}},  // contains is on the stored text
      {R"(activityAt>"2026-11-24T10:00:00Z")", {"b4", "b5"}},
      {R"(activityAt>"2026-11-24T11:00:00+01:00")", {"b4", "b5"}},
      {R"(activityAt<"2026-11-24T10:00:00Z")", {"b1", "b2", "b6"}},
      {R"(activityAt:"2026-11-24T05:00:00-05:00")", {"b3"}},
      {R"(dateTime>"2026-11-24")", {"b2", "b3", "b4", "b5"}},
      {R"(dateTime<"2026-11-24T12:00:00Z")", {"b1", "b6"}},
      {R"(dateTime:"2026-11-24T19:00:00+01:00")", {"b3", "b4"}},
      {R"(date:"2026-11-24")", {"b2", "b3", "b4"}},
      {"guest.notificationSms:true", {"b3", "b4", "b5"}},
      {"guest.notificationSms:false", {"b1", "b6"}},
      {"total>100", {"b3", "b4", "b5"}},  // b2's text "n/a" is not a number
      {"total<100", {"b1", "b6"}},
      {"total:120.5", {"b3", "b4"}},
      {"people:2", {"b1", "b2"}},
      {"people>3.5,people<6", {"b3", "b4"}},
      {R"(guest.name;"ANNA")", {"b3"}},
      {R"(source;"GOOGLE")", {"b3", "b4", "b5", "b6"}},
      {R"(guest.name:"Anna Berg")", {"b3"}},
      {R"(guest.name:"anna berg")", {}},  // equality is exact
      {R"(guest.name:"Bo O'Neil")", {"b1"}},
      {R"(guest.email;"example")", {"b2"}},
      {R"(customFields.0.value:"nuts")", {"b3"}},
      {R"(customFields.0.name;"allerg")", {"b3"}},
      {R"(status:"approved",people:4)", {"b3"}},
      {R"(no.such.field:"x")", {}},
      {"no.such.field>1", {}},
      {R"(status>"2026-01-01")", {"b1", "b2", "b3", "b4", "b5", "b6"}},  // text vs date: string order
      {"status<5", {}},                                                  // numbers never meet text
      {R"(total<"2026-01-01")", {}},                                     // nor dates numbers
      {R"(people<"2026-11-24")", {}},
      {"", {"b1", "b2", "b3", "b4", "b5", "b6"}},
  };
  for (const auto& [expression, ids] : cases) {
    EXPECT_EQ(matching(expression), ids) << expression;
  }
}

TEST_F(QueryCompilerDb, ContainsFoldsAsciiCaseOnly) {
  // SQLite's lower() leaves non-ASCII letters alone (no ICU).
  EXPECT_EQ(matching("guest.name;\"\xC3\x89mile\""), (Ids{"b6"}));
  EXPECT_EQ(matching("guest.name;\"\xC3\xA9mile\""), (Ids{}));
  EXPECT_EQ(matching("guest.name;\"MILE\""), (Ids{"b6"}));
}

TEST_F(QueryCompilerDb, InjectionAttemptsMatchNothing) {
  for (const char* expression : {R"(guest.name:"x' OR 1=1 --")", R"(status:"approved' OR '1'='1")",
                                 R"(status;"'); DROP TABLE bookings; --")", R"(guest.name:"\" OR \"\"=\"")"}) {
    EXPECT_EQ(matching(expression), (Ids{})) << expression;
  }
  EXPECT_THROW(matching("guest.name' OR '1'='1:\"x\""), domain::InvalidInput);
  EXPECT_THROW(sorted("guest.name) DESC; DROP TABLE bookings; --"), domain::InvalidInput);
  EXPECT_EQ(matching(""), (Ids{"b1", "b2", "b3", "b4", "b5", "b6"}));  // the table survived
}

TEST_F(QueryCompilerDb, SortsWithStableTieBreaking) {
  const std::vector<std::pair<std::string, Ids>> cases = {
      {"", {"b1", "b2", "b3", "b4", "b5", "b6"}},
      {"people:1", {"b1", "b2", "b6", "b3", "b4", "b5"}},
      {"people:-1", {"b5", "b3", "b4", "b6", "b1", "b2"}},
      {"dateTime:1", {"b6", "b1", "b2", "b3", "b4", "b5"}},
      {"dateTime:-1,guest.name:-1", {"b5", "b4", "b3", "b2", "b1", "b6"}},
      {"status:1,people:-1", {"b5", "b3", "b6", "b2", "b1", "b4"}},
      // Missing first, then text in byte order ('+' sorts before digits).
      {"guest.phone:1", {"b2", "b5", "b3", "b4", "b6", "b1"}},
      // Text sorts above every number.
      {"total:-1", {"b2", "b5", "b3", "b4", "b6", "b1"}},
      {"customFields.0.value:-1", {"b3", "b1", "b2", "b4", "b5", "b6"}},
  };
  for (const auto& [sort, ids] : cases) {
    EXPECT_EQ(sorted(sort), ids) << sort;
  }
}

TEST_F(QueryCompilerDb, FilterAndSortParamsBindInOrder) {
  EXPECT_EQ(sorted("guest.name:-1", R"(status:"approved",guest.phone;"45")"), (Ids{"b6", "b5", "b3"}));
  EXPECT_EQ(sorted("guest.name:1,people:1", R"(source;"google",activityAt<"2026-11-25")"), (Ids{"b3", "b5", "b6"}));
}

TEST_F(QueryCompilerDb, PagesConcatenateToTheFullOrder) {
  auto filter = compile_filter(parse_search_expression(""), kColumns);
  for (const char* sort : {"people:1", "dateTime:-1", "guest.notificationSms:1", "status:1"}) {
    SCOPED_TRACE(sort);
    auto params = filter.params;
    auto order_by = compile_order_by(parse_sort(sort), kColumns, params);
    const Ids all = select(filter.sql, order_by, params);
    Ids paged;
    for (long long skip = 0; skip < 6; skip += 2) {
      auto page_params = params;
      page_params.push_back(2LL);
      page_params.push_back(skip);
      auto page = select(filter.sql, order_by, page_params, " LIMIT ? OFFSET ?");
      EXPECT_EQ(page.size(), 2u);
      paged.insert(paged.end(), page.begin(), page.end());
    }
    EXPECT_EQ(paged, all);
    EXPECT_EQ(all.size(), 6u);
  }
}

}  // namespace
}  // namespace maitred::store::sqlite
