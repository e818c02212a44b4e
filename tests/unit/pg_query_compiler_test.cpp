// The PostgreSQL query compiler: the SQL it writes, and what that SQL selects
// from a real PostgreSQL, checked against the cases the SQLite compiler's
// tests share (query_compiler_cases.hpp) and against the SQLite compiler
// itself on odd documents (booleans, JSON null, objects, arrays, numbers in
// text).

#include "store/postgres/query_compiler.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "domain/search_expression.hpp"
#include "domain/sort_spec.hpp"
#include "store/postgres/connection.hpp"
#include "store/sqlite/query_compiler.hpp"
#include "support/pg_cluster.hpp"
#include "unit/query_compiler_cases.hpp"

namespace maitred::store::postgres {
namespace {

using domain::parse_search_expression;
using domain::parse_sort;
using test::PgCluster;
using test::query_cases::Ids;
using Params = std::vector<Param>;

const ColumnMap kColumns{
    {{"dateTime", "start_utc"}, {"status", "status"}, {"people", "people"}, {"customerId", "customer_id"}},
    {"people"},
    {"customer_id"}};

// ---------------------------------------------------------------- SQL text

TEST(PgQueryCompiler, SpecExamplesCompileToParameterisedSql) {
  auto f = compile_filter(parse_search_expression(R"(people>2,status:"approved")"), kColumns);
  EXPECT_EQ(f.sql, "(people > $1::numeric AND status = $2::text)");
  EXPECT_EQ(f.params, (Params{"2", "approved"}));

  f = compile_filter(parse_search_expression(R"(date<"2021-09-18",source;"google")"), kColumns);
  EXPECT_EQ(f.sql,
            "((json_typeof(doc #> $1::text[]) IN ('string', 'object', 'array') AND "
            "(doc #>> $1::text[]) COLLATE \"C\" < $2::text) AND "
            "strpos(lower((doc #>> $3::text[]) COLLATE \"C\"), lower($4::text COLLATE \"C\")) > 0)");
  EXPECT_EQ(f.params, (Params{R"({"date"})", "2021-09-18", R"({"source"})", "google"}));

  f = compile_filter(parse_search_expression(R"(guest.phone:"+45 11 11 11 11")"), kColumns);
  EXPECT_EQ(f.sql, "(replace(ltrim(doc #>> $1::text[], '+'), ' ', '') = $2::text)");
  EXPECT_EQ(f.params, (Params{R"({"guest","phone"})", "4511111111"}));
}

TEST(PgQueryCompiler, ValueKindsAndColumns) {
  auto f = compile_filter(parse_search_expression("guest.notificationSms:true,total:-1.5e1"), kColumns);
  const std::string number_of_1 =
      "(CASE json_typeof(doc #> $1::text[]) WHEN 'number' THEN (doc #>> $1::text[])::numeric"
      " WHEN 'boolean' THEN (doc #>> $1::text[] = 'true')::integer END)";
  const std::string number_of_3 =
      "(CASE json_typeof(doc #> $3::text[]) WHEN 'number' THEN (doc #>> $3::text[])::numeric"
      " WHEN 'boolean' THEN (doc #>> $3::text[] = 'true')::integer END)";
  EXPECT_EQ(f.sql, "(" + number_of_1 + " = $2::numeric AND " + number_of_3 + " = $4::numeric)");
  EXPECT_EQ(f.params, (Params{R"({"guest","notificationSms"})", "1", R"({"total"})", "-15"}));

  // Numbers bind as the double the parser read, in its shortest exact form.
  f = compile_filter(parse_search_expression("people:4.0000000000000001,people<1e20"), kColumns);
  EXPECT_EQ(f.sql, "(people = $1::numeric AND people < $2::numeric)");
  EXPECT_EQ(f.params, (Params{"4", "1e+20"}));

  // `:` with a zoned date-time compares the UTC form; `;` the text as written.
  f = compile_filter(parse_search_expression(R"(dateTime:"2026-11-24T19:00:00+01:00",note;"2026-11-24T19:00")"),
                     kColumns);
  EXPECT_EQ(f.sql,
            "(start_utc = $1::text AND "
            "strpos(lower((doc #>> $2::text[]) COLLATE \"C\"), lower($3::text COLLATE \"C\")) > 0)");
  EXPECT_EQ(f.params, (Params{"2026-11-24T18:00:00Z", R"({"note"})", "2026-11-24T19:00"}));

  // What SQLite's typeof guards rule out never reaches a parameter.
  f = compile_filter(parse_search_expression(R"(status<5,status:true,people>"2026-01-01")"), kColumns);
  EXPECT_EQ(f.sql, "(FALSE AND FALSE AND FALSE)");
  EXPECT_TRUE(f.params.empty());
  f = compile_filter(parse_search_expression(R"(people:"4",dateTime>"2026-01-01")"), kColumns);
  EXPECT_EQ(f.sql, "(people::text = $1::text AND start_utc COLLATE \"C\" > $2::text)");

  f = compile_filter(parse_search_expression(R"(guest.name:"x")"), kColumns, 0, "b.doc");
  EXPECT_EQ(f.sql,
            "((json_typeof(b.doc #> $1::text[]) IN ('string', 'object', 'array') AND "
            "b.doc #>> $1::text[] = $2::text))");

  f = compile_filter(parse_search_expression("  "), kColumns);
  EXPECT_EQ(f.sql, "");
  EXPECT_TRUE(f.params.empty());
}

TEST(PgQueryCompiler, PlaceholdersCountFromTheCallersParamsAndPathsBindOnce) {
  auto f = compile_filter(parse_search_expression(R"(total>1,total<5,status:"x")"), kColumns, 2);
  EXPECT_EQ(f.params, (Params{R"({"total"})", "1", "5", "x"}));
  EXPECT_NE(f.sql.find("$3::text[]"), std::string::npos);
  EXPECT_NE(f.sql.find("> $4::numeric"), std::string::npos);
  EXPECT_NE(f.sql.find("< $5::numeric"), std::string::npos);
  EXPECT_NE(f.sql.find("status = $6::text"), std::string::npos);
  EXPECT_EQ(f.sql.find("$1"), std::string::npos);
}

TEST(PgQueryCompiler, OrderByAppendsItsParamsAfterTheFilters) {
  Params params{"filter"};
  auto sql = compile_order_by(parse_sort("people:-1,guest.name:1,status:-1,customerId:1"), kColumns, params);
  EXPECT_EQ(sql,
            "ORDER BY people DESC, "
            "CASE WHEN json_typeof(doc #> $2::text[]) IN ('number', 'boolean') THEN 1"
            " WHEN json_typeof(doc #> $2::text[]) IN ('string', 'object', 'array') THEN 2 ELSE 0 END ASC, "
            "CASE json_typeof(doc #> $2::text[]) WHEN 'number' THEN (doc #>> $2::text[])::numeric"
            " WHEN 'boolean' THEN (doc #>> $2::text[] = 'true')::integer END ASC, "
            "CASE WHEN json_typeof(doc #> $2::text[]) IN ('string', 'object', 'array') THEN doc #>> $2::text[]"
            " END COLLATE \"C\" ASC, "
            "status COLLATE \"C\" DESC, customer_id COLLATE \"C\" ASC NULLS FIRST, id COLLATE \"C\" ASC");
  EXPECT_EQ(params, (Params{"filter", R"({"guest","name"})"}));

  params.clear();
  EXPECT_EQ(compile_order_by({}, kColumns, params), "ORDER BY id COLLATE \"C\" ASC");
  EXPECT_EQ(compile_order_by({}, kColumns, params, "doc", "b.id"), "ORDER BY b.id COLLATE \"C\" ASC");
  EXPECT_EQ(compile_order_by({}, kColumns, params, "doc", "people"), "ORDER BY people ASC");
  EXPECT_TRUE(params.empty());
}

TEST(PgQueryCompiler, AppendFilterOrderPageNumbersAfterTheCallersParams) {
  std::string sql = "SELECT doc FROM bookings WHERE restaurant_id = $1";
  Params params{"r1"};
  auto filter = parse_search_expression(R"(status:"approved")");
  auto sort = parse_sort("people:-1");
  const std::vector<domain::SortKey> by_start{{"dateTime", true}};
  append_filter_order_page(sql, params, &filter, &sort, by_start, kColumns, 40, 20);
  EXPECT_EQ(sql,
            "SELECT doc FROM bookings WHERE restaurant_id = $1 AND (status = $2::text) "
            "ORDER BY people DESC, id COLLATE \"C\" ASC LIMIT $3::bigint OFFSET $4::bigint");
  EXPECT_EQ(params, (Params{"r1", "approved", "20", "40"}));

  // No filter, no sort: the default order.
  sql = "SELECT doc FROM bookings WHERE TRUE";
  params.clear();
  const std::vector<domain::SortKey> none;
  append_filter_order_page(sql, params, nullptr, &none, by_start, kColumns, 0, 100);
  EXPECT_EQ(sql,
            "SELECT doc FROM bookings WHERE TRUE ORDER BY start_utc COLLATE \"C\" ASC, "
            "id COLLATE \"C\" ASC LIMIT $1::bigint OFFSET $2::bigint");
  EXPECT_EQ(params, (Params{"100", "0"}));

  EXPECT_THROW(append_filter_order_page(sql, params, nullptr, nullptr, by_start, kColumns, -1, 10),
               std::invalid_argument);
  EXPECT_THROW(append_filter_order_page(sql, params, nullptr, nullptr, by_start, kColumns, 0, -1),
               std::invalid_argument);
}

TEST(PgQueryCompiler, PathArrays) {
  EXPECT_EQ(path_array_for("status"), R"({"status"})");
  EXPECT_EQ(path_array_for("guest.phone"), R"({"guest","phone"})");
  EXPECT_EQ(path_array_for("customFields.0.value"), R"({"customFields","0","value"})");
  EXPECT_EQ(path_array_for("a.null.NULL"), R"({"a","null","NULL"})");
  EXPECT_THROW(path_array_for("a.'b"), std::invalid_argument);
  EXPECT_THROW(path_array_for("a,b"), std::invalid_argument);
  EXPECT_THROW(path_array_for(""), std::invalid_argument);
}

TEST(PgQueryCompiler, HandBuiltBadPathsAndNamesAreRefused) {
  for (const auto& expression : test::query_cases::refused_expressions()) {
    EXPECT_THROW(compile_filter(expression, kColumns), std::invalid_argument);
  }

  domain::SearchExpression fine;
  fine.terms.push_back({"a", domain::SearchOp::equals, {}, 0});
  EXPECT_THROW(compile_filter(fine, kColumns, 0, "doc; DROP TABLE x"), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, ColumnMap{{{"a", "a b"}}, {}, {}}), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, ColumnMap{{{"a", "a"}}, {"ab"}, {}}), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, ColumnMap{{{"a", "a"}}, {}, {"ab"}}), std::invalid_argument);
  EXPECT_THROW(compile_filter(fine, kColumns, 0, "doc."), std::invalid_argument);

  Params params;
  EXPECT_THROW(compile_order_by({{"a b", true}}, kColumns, params), std::invalid_argument);
  EXPECT_THROW(compile_order_by({}, kColumns, params, "doc", "id DESC"), std::invalid_argument);
}

// ------------------------------------------------------ against PostgreSQL

// The bookings of the shared cases (restaurant r1, customer ids added) and
// odd documents (r2) that show how each JSON type meets each operator.
// Documents are compact JSON, as the codecs write them: SQLite gives an
// object or array back compacted, PostgreSQL's json type as stored.
struct Row {
  const char* restaurant;
  const char* id;
  const char* status;
  const char* people;
  const char* start_utc;
  const char* customer_id;  // nullptr: NULL
  const char* doc;
};

constexpr std::pair<const char*, const char*> kOddDocs[] = {
    {"o1", R"({"v":1,"w":true,"x":"1","arr":[10,"a"],"obj":{"k":1},"n":null,"phone":"+45 12"})"},
    {"o2", R"({"v":true,"w":false,"x":1.0,"arr":[],"obj":"text","phone":4512})"},
    {"o3", R"({"v":"abc","w":0,"x":"2026-01-01T00:00:00Z","n":5,"phone":"4512","s":"Zebra"})"},
    {"o4", R"({"v":null,"w":1e2,"x":{"a":1},"obj":[1,2],"s":"apple"})"},
    {"o5", R"({})"},
    {"o6", R"({"v":-2.5,"w":"true","x":[1],"null":{"null":7},"s":"_under"})"},
    {"o7", R"({"v":1e2,"w":100,"x":"B","deep":{"a":{"b":{"c":3}}},"s":"Apple"})"},
    {"o8", R"({"v":"ABC","x":"a","deep":{"a":{"b":{"c":"3"}}},"arr":["x","y"],"s":"\u00e9t\u00e9"})"},
    {"o9", R"({"v":0.1,"w":1.5e-3,"x":"2025-12-31T23:59:59Z","arr":{"0":"zero"},"s":"apple"})"},
};

std::vector<Row> all_rows() {
  // "C1" < "c1" < "c10" < "c2" in byte order; b1 and b6 have none.
  const std::map<std::string, const char*> customers{{"b3", "c2"}, {"b5", "C1"}, {"b2", "c1"}, {"b4", "c10"}};
  std::vector<Row> rows;
  for (const auto& b : test::query_cases::kBookings) {
    auto customer = customers.find(b.id);
    rows.push_back(
        {"r1", b.id, b.status, b.people, b.start_utc, customer == customers.end() ? nullptr : customer->second, b.doc});
  }
  for (const auto& [id, doc] : kOddDocs) rows.push_back({"r2", id, "s", "1", "2026-01-01T00:00:00Z", nullptr, doc});
  return rows;
}

constexpr const char* kCreateTable =
    "CREATE TABLE bookings (restaurant_id text NOT NULL, id text NOT NULL, status text NOT NULL,"
    " people integer NOT NULL, start_utc text NOT NULL, customer_id text, doc %s NOT NULL)";

std::string create_table(const char* doc_type) {
  std::string sql = kCreateTable;
  return sql.replace(sql.find("%s"), 2, doc_type);
}

// A database filled with all_rows(). `icu` gives it a collation and case
// mapping that are not byte-wise (ICU "en", LC_CTYPE C.utf8), as a
// production cluster's may be; the compiled SQL must not depend on them.
std::unique_ptr<Connection> filled_database(bool icu) {
  auto& cluster = PgCluster::shared();
  std::string url = cluster.create_database();
  if (icu) {
    Connection admin(ConnectOptions{cluster.url(), std::chrono::seconds(2)});
    admin.exec_script(
        "CREATE DATABASE query_compiler_icu TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.utf8'"
        " LOCALE_PROVIDER icu ICU_LOCALE 'en'");
    url = cluster.url("query_compiler_icu");
  }
  auto db = std::make_unique<Connection>(ConnectOptions{url, std::chrono::seconds(2)});
  db->exec_script(create_table("json"));
  for (const auto& row : all_rows()) {
    db->exec("INSERT INTO bookings VALUES ($1, $2, $3, $4::integer, $5, $6, $7::json)", row.restaurant, row.id,
             row.status, row.people, row.start_utc, row.customer_id != nullptr ? Param(row.customer_id) : Param(),
             row.doc);
  }
  return db;
}

class PgQueryCompilerDb : public ::testing::TestWithParam<bool> {
 protected:
  static void SetUpTestSuite() {
    plain_ = filled_database(false).release();
    icu_ = filled_database(true).release();
  }
  static void TearDownTestSuite() {
    delete plain_;
    delete icu_;
  }
  void SetUp() override { db_ = GetParam() ? icu_ : plain_; }

  // SELECT id for one restaurant through append_filter_order_page, as a
  // store would call it: the restaurant is $1, the compiled pieces follow.
  Ids select(const std::string& expression, const std::string& sort, const char* restaurant = "r1", long long skip = 0,
             long long limit = 100) {
    std::string sql = "SELECT id FROM bookings WHERE restaurant_id = $1";
    Params params{restaurant};
    auto filter = parse_search_expression(expression);
    auto keys = parse_sort(sort);
    append_filter_order_page(sql, params, &filter, &keys, {}, kColumns, skip, limit);
    auto result = db_->exec_params(sql, params);
    Ids ids;
    for (int row = 0; row < result.rows(); ++row) ids.emplace_back(result.text(row, 0));
    return ids;
  }
  Ids matching(const std::string& expression) { return select(expression, ""); }
  Ids sorted(const std::string& sort, const std::string& expression = "") { return select(expression, sort); }

  static inline Connection* plain_ = nullptr;
  static inline Connection* icu_ = nullptr;
  Connection* db_ = nullptr;
};

INSTANTIATE_TEST_SUITE_P(Collations, PgQueryCompilerDb, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "IcuEn" : "C"; });

TEST_P(PgQueryCompilerDb, FiltersSelectTheRowsSqliteSelects) {
  for (const auto& [expression, ids] : test::query_cases::kFilterCases) {
    EXPECT_EQ(matching(expression), ids) << expression;
  }
  EXPECT_EQ(matching(R"(customerId:"c1")"), (Ids{"b2"}));
  EXPECT_EQ(matching(R"(customerId>"2026-01-01")"), (Ids{"b2", "b3", "b4", "b5"}));  // NULL is no text
}

TEST_P(PgQueryCompilerDb, TheIcuDatabaseReallyOrdersAndFoldsOtherwise) {
  // Else the IcuEn runs would prove nothing about COLLATE "C".
  auto r = db_->exec("SELECT lower('\xC3\x89'), 'a' < 'B'");
  EXPECT_EQ(r.text(0, 0), GetParam() ? "\xC3\xA9" : "\xC3\x89");
  EXPECT_EQ(r.text(0, 1), GetParam() ? "t" : "f");
}

TEST_P(PgQueryCompilerDb, ContainsFoldsAsciiCaseOnly) {
  EXPECT_EQ(matching("guest.name;\"\xC3\x89mile\""), (Ids{"b6"}));
  EXPECT_EQ(matching("guest.name;\"\xC3\xA9mile\""), (Ids{}));
  EXPECT_EQ(matching("guest.name;\"MILE\""), (Ids{"b6"}));
}

TEST_P(PgQueryCompilerDb, SortsWithStableTieBreaking) {
  for (const auto& [sort, ids] : test::query_cases::kSortCases) {
    EXPECT_EQ(sorted(sort), ids) << sort;
  }
  // A NULL column first ascending, last descending; byte order ("C1" < "c1").
  EXPECT_EQ(sorted("customerId:1"), (Ids{"b1", "b6", "b5", "b2", "b4", "b3"}));
  EXPECT_EQ(sorted("customerId:-1"), (Ids{"b3", "b4", "b2", "b5", "b1", "b6"}));
}

TEST_P(PgQueryCompilerDb, FilterAndSortParamsBindInOrder) {
  EXPECT_EQ(sorted("guest.name:-1", R"(status:"approved",guest.phone;"45")"), (Ids{"b6", "b5", "b3"}));
  EXPECT_EQ(sorted("guest.name:1,people:1", R"(source;"google",activityAt<"2026-11-25")"), (Ids{"b3", "b5", "b6"}));
}

TEST_P(PgQueryCompilerDb, PagesConcatenateToTheFullOrder) {
  for (const char* sort : {"people:1", "dateTime:-1", "guest.notificationSms:1", "status:1", "total:1"}) {
    SCOPED_TRACE(sort);
    const Ids all = select("", sort);
    Ids paged;
    for (long long skip = 0; skip < 6; skip += 2) {
      auto ids = select("", sort, "r1", skip, 2);
      EXPECT_EQ(ids.size(), 2u);
      paged.insert(paged.end(), ids.begin(), ids.end());
    }
    EXPECT_EQ(paged, all);
    EXPECT_EQ(all.size(), 6u);
    EXPECT_EQ(select("", sort, "r1", 0, 0), Ids{});
  }
}

TEST_P(PgQueryCompilerDb, HostileValuesAreJustData) {
  for (const char* expression :
       {R"(guest.name:"x' OR 1=1 --")", R"(status:"approved' OR '1'='1")", R"(status;"'); DROP TABLE bookings; --")",
        R"(guest.name:"\" OR \"\"=\"")", R"(guest.name:"{guest,name}")", R"(guest.name;"$1")",
        R"(total:"1); DROP TABLE bookings; --")"}) {
    EXPECT_EQ(matching(expression), (Ids{})) << expression;
  }
  // A key named null is a key; a path cannot leave its segments.
  EXPECT_EQ(select("null.null:7", "", "r2"), (Ids{"o6"}));
  EXPECT_THROW(matching("guest.name' OR '1'='1:\"x\""), domain::InvalidInput);
  EXPECT_THROW(sorted("guest.name) DESC; DROP TABLE bookings; --"), domain::InvalidInput);
  EXPECT_EQ(matching(""), (Ids{"b1", "b2", "b3", "b4", "b5", "b6"}));  // the table survived
}

TEST_P(PgQueryCompilerDb, DigitSegmentOnAnObjectIsAKeyUnlikeSqlite) {
  // The one known difference: SQLite's $.arr[0] finds nothing in an object.
  EXPECT_EQ(select(R"(arr.0:"zero")", "", "r2"), (Ids{"o9"}));
  EXPECT_EQ(select(R"(arr.1:"y")", "", "r2"), (Ids{"o8"}));
}

// Runs the same expressions and sorts through the SQLite compiler on an
// in-memory SQLite with the same rows, and expects the same ids in the same
// order: the black-box API tests run against both stores.
class SqliteTwin {
 public:
  SqliteTwin() {
    sqlite3_open(":memory:", &db_);
    sqlite3_exec(db_, create_table("TEXT").c_str(), nullptr, nullptr, nullptr);
    for (const auto& row : all_rows()) {
      sqlite3_stmt* stmt = nullptr;
      sqlite3_prepare_v2(db_, "INSERT INTO bookings VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &stmt, nullptr);
      const char* values[] = {row.restaurant, row.id, row.status, row.people, row.start_utc, row.customer_id, row.doc};
      for (int i = 0; i < 7; ++i) {
        if (values[i] != nullptr) sqlite3_bind_text(stmt, i + 1, values[i], -1, SQLITE_STATIC);
      }
      EXPECT_EQ(sqlite3_step(stmt), SQLITE_DONE);
      sqlite3_finalize(stmt);
    }
  }
  ~SqliteTwin() { sqlite3_close(db_); }
  SqliteTwin(const SqliteTwin&) = delete;
  SqliteTwin& operator=(const SqliteTwin&) = delete;

  Ids select(const std::string& expression, const std::string& sort, const char* restaurant) {
    const sqlite::ColumnMap columns{kColumns.columns};
    std::string sql = "SELECT id FROM bookings WHERE restaurant_id = ?";
    std::vector<sqlite::SqlParam> params{std::string(restaurant)};
    auto filter = parse_search_expression(expression);
    auto keys = parse_sort(sort);
    sqlite::append_filter_order_page(sql, params, &filter, &keys, {}, columns, 0, 100);
    sqlite3_stmt* stmt = nullptr;
    Ids ids;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sqlite3_errmsg(db_) << " in " << sql;
      return ids;
    }
    sqlite::bind_params(stmt, params);
    while (sqlite3_step(stmt) == SQLITE_ROW)
      ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return ids;
  }

 private:
  sqlite3* db_ = nullptr;
};

TEST_P(PgQueryCompilerDb, AgreesWithTheSqliteCompilerOnOddDocuments) {
  SqliteTwin sqlite_db;
  const char* expressions[] = {
      "v:1",
      "v:true",
      "v:false",
      "v>0",
      "v<1",
      R"(v:"abc")",
      R"(v;"b")",
      R"(v>"2000-01-01")",
      "w:true",
      "w:1",
      "w:100",
      "w>50",
      "w<0.01",
      R"(x:"1")",
      "x:1",
      R"(x<"2026-06-01")",
      R"(x>"2026-06-01")",
      R"(x;"a")",
      R"(x;"1")",
      R"(x:"[1]")",
      R"(x:"{\"a\":1}")",
      "arr.0:10",
      R"(arr.1:"a")",
      "obj.k:1",
      R"(obj:"text")",
      "n:5",
      "n<10",
      "null.null:7",
      "deep.a.b.c:3",
      R"(deep.a.b.c:"3")",
      "deep.a.b.c>2",
      R"(phone:"4512")",
      R"(phone:"+4512")",
      "phone:4512",
      "missing:1",
      R"(missing;"")",
      R"(s;"")",
      R"(s;"APP")",
      "v>-3,v<2",
      "v:0.1",
      "w:0.0015",
      R"(s>"2026-01-01")",
      R"(status:"a")",
      "people:1",
      R"(people:"1")",
      "status:1",
      "",
  };
  for (const char* expression : expressions) {
    EXPECT_EQ(select(expression, "", "r2"), sqlite_db.select(expression, "", "r2")) << expression;
  }
  const char* sorts[] = {
      "v:1", "v:-1", "w:1", "w:-1", "x:1",     "x:-1",        "obj:1",    "obj:-1",     "deep.a.b.c:-1",
      "n:1", "n:-1", "s:1", "s:-1", "phone:1", "null.null:1", "v:1,w:-1", "missing:-1", "status:-1",
  };
  for (const char* sort : sorts) {
    EXPECT_EQ(select("", sort, "r2"), sqlite_db.select("", sort, "r2")) << sort;
    EXPECT_EQ(select("", sort, "r1"), sqlite_db.select("", sort, "r1")) << sort;
  }
  for (const char* sort : {"guest.name:1", "total:1", "customerId:-1", "customFields.0.value:1", "activityAt:-1"}) {
    EXPECT_EQ(select("", sort, "r1"), sqlite_db.select("", sort, "r1")) << sort;
  }
}

}  // namespace
}  // namespace maitred::store::postgres
