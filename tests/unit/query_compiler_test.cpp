#include "store/sqlite/query_compiler.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "unit/query_compiler_cases.hpp"

namespace maitred::store::sqlite {
namespace {

using domain::parse_search_expression;
using domain::parse_sort;
using Ids = std::vector<std::string>;
using Params = std::vector<SqlParam>;

const ColumnMap kColumns{{{"dateTime", "start_utc"}, {"status", "status"}, {"people", "people"}}};

class QueryCompilerDb : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    exec("CREATE TABLE bookings(id TEXT, status TEXT, people INTEGER, start_utc TEXT, doc TEXT)");
    for (const auto& row : test::query_cases::kBookings) {
      sqlite3_stmt* stmt = nullptr;
      int column = 0;
      ASSERT_EQ(sqlite3_prepare_v2(db_, "INSERT INTO bookings VALUES (?, ?, ?, ?, ?)", -1, &stmt, nullptr), SQLITE_OK);
      for (const char* value : {row.id, row.status, row.people, row.start_utc, row.doc}) {
        sqlite3_bind_text(stmt, ++column, value, -1, SQLITE_STATIC);
      }
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
  auto sql = compile_order_by(parse_sort("people:-1,guest.name:1,createdAt:1"), kColumns, params);
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
  for (const auto& expression : test::query_cases::refused_expressions()) {
    EXPECT_THROW(compile_filter(expression, kColumns), std::invalid_argument);
  }

  domain::SearchExpression fine;
  fine.terms.push_back({"a", domain::SearchOp::equals, {}, 0});
  EXPECT_THROW(compile_filter(fine, kColumns, "doc; DROP TABLE x"), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, ColumnMap{{{"a", "a b"}}}), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, kColumns, "1doc"), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, kColumns, "doc."), std::invalid_argument);

  Params params;
  EXPECT_THROW(compile_order_by({{"a b", true}}, kColumns, params), std::invalid_argument);
  EXPECT_THROW(compile_order_by({}, kColumns, params, "doc", "id DESC"), std::invalid_argument);
}

TEST_F(QueryCompilerDb, FiltersSelectTheRightRows) {
  for (const auto& [expression, ids] : test::query_cases::kFilterCases) {
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
  for (const auto& [sort, ids] : test::query_cases::kSortCases) {
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
