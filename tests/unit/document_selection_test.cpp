#include "json/document_selection.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "unit/query_compiler_cases.hpp"

namespace maitred::json {
namespace {

using test::query_cases::Ids;

// The cases' documents, each with its id, in id order (the default order a
// caller would pass: ties then fall as the SQL stores break them, by id).
std::vector<std::string> documents() {
  std::vector<std::string> docs;
  for (const auto& row : test::query_cases::kBookings) {
    std::string doc = row.doc;
    doc.insert(1, std::string(R"("_id":")") + row.id + "\",");
    docs.push_back(std::move(doc));
  }
  std::ranges::sort(docs);
  return docs;
}

Ids ids_of(const std::vector<std::string>& docs) {
  Ids ids;
  for (const auto& d : docs) {
    rapidjson::Document doc;
    doc.Parse(d.c_str());
    ids.push_back(doc["_id"].GetString());
  }
  return ids;
}

Ids select(const std::string& filter_text, const std::string& sort_text = {}, long long skip = 0,
           long long limit = 100) {
  const auto filter = domain::parse_search_expression(filter_text);
  const auto sort = domain::parse_sort(sort_text);
  return ids_of(select_documents(documents(), {&filter, &sort, skip, limit}));
}

// The same table of cases as both SQL query compilers: three readings of
// one contract.
TEST(DocumentSelection, FiltersAsTheSqlStoresDo) {
  for (const auto& [expression, ids] : test::query_cases::kFilterCases) {
    EXPECT_EQ(select(expression), ids) << expression;
  }
}

TEST(DocumentSelection, SortsAsTheSqlStoresDo) {
  for (const auto& [sort, ids] : test::query_cases::kSortCases) {
    EXPECT_EQ(select("", sort), ids) << sort;
  }
}

TEST(DocumentSelection, ContainsFoldsAsciiCaseOnly) {
  EXPECT_EQ(select("guest.name;\"\xC3\x89mile\""), (Ids{"b6"}));
  EXPECT_EQ(select("guest.name;\"\xC3\xA9mile\""), (Ids{}));
  EXPECT_EQ(select("guest.name;\"MILE\""), (Ids{"b6"}));
}

TEST(DocumentSelection, FilterSortAndPageTogether) {
  EXPECT_EQ(select(R"(status:"approved",guest.phone;"45")", "guest.name:-1"), (Ids{"b6", "b5", "b3"}));
  EXPECT_EQ(select("", "people:1", 2, 2), (Ids{"b6", "b3"}));
  EXPECT_EQ(select("", "people:1", 5, 2), (Ids{"b5"}));
  EXPECT_EQ(select("", "people:1", 6, 2), (Ids{}));
  EXPECT_EQ(select("", "", 0, 0), (Ids{}));
  Ids paged;
  for (long long skip = 0; skip < 6; skip += 4) {
    auto page = select("", "guest.notificationSms:-1", skip, 4);
    paged.insert(paged.end(), page.begin(), page.end());
  }
  EXPECT_EQ(paged, select("", "guest.notificationSms:-1"));
}

TEST(DocumentSelection, QuotedNumbersEqualNumbersOnlyWhenWhollyDecimal) {
  EXPECT_EQ(select(R"(people:"4")"), (Ids{"b3", "b4"}));
  EXPECT_EQ(select(R"(people:" 4")"), (Ids{}));
  EXPECT_EQ(select(R"(people:"0x4")"), (Ids{}));
  EXPECT_EQ(select(R"(people:"")"), (Ids{}));
}

TEST(DocumentSelection, HandBuiltExpressionsItCannotReadAreRefused) {
  for (const auto& expression : test::query_cases::refused_expressions()) {
    EXPECT_THROW(select_documents(documents(), {&expression, nullptr, 0, 100}), std::invalid_argument);
  }
  EXPECT_THROW(select_documents({"not json"}, {}), std::invalid_argument);
}

}  // namespace
}  // namespace maitred::json
