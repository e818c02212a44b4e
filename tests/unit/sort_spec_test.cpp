#include "domain/sort_spec.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/errors.hpp"

namespace maitred::domain {
namespace {

std::vector<std::pair<std::string, bool>> flat(const std::vector<SortKey>& keys) {
  std::vector<std::pair<std::string, bool>> out;
  for (const auto& k : keys) out.emplace_back(k.path, k.ascending);
  return out;
}

using Flat = std::vector<std::pair<std::string, bool>>;

TEST(SortSpec, ParsesKeysInPriorityOrder) {
  const std::vector<std::pair<std::string, Flat>> cases = {
      {"dateTime:1", {{"dateTime", true}}},
      {"dateTime:-1", {{"dateTime", false}}},
      {"createdAt:1,updatedAt:-1", {{"createdAt", true}, {"updatedAt", false}}},
      {"guest.name:1", {{"guest.name", true}}},
      {"people:1,guest.name:-1,status:1", {{"people", true}, {"guest.name", false}, {"status", true}}},
      {" people : -1 , status : 1 ", {{"people", false}, {"status", true}}},
      {"customFields.0.value:-1", {{"customFields.0.value", false}}},
      {"a:1,b:1,c:1,d:1,e:1,f:1,g:1,h:1,i:1,j:-1",
       {{"a", true},
        {"b", true},
        {"c", true},
        {"d", true},
        {"e", true},
        {"f", true},
        {"g", true},
        {"h", true},
        {"i", true},
        {"j", false}}},
  };
  for (const auto& [text, expected] : cases) {
    SCOPED_TRACE(text);
    std::vector<SortKey> keys;
    ASSERT_NO_THROW(keys = parse_sort(text));
    EXPECT_EQ(flat(keys), expected);
  }
}

TEST(SortSpec, BlankIsNoKeys) {
  EXPECT_TRUE(parse_sort("").empty());
  EXPECT_TRUE(parse_sort("  \t").empty());
}

TEST(SortSpec, MalformedInputsPointAtTheProblem) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"dateTime:2", "sort: expected 1 or -1 after ':' at position 9"},
      {"dateTime:", "sort: expected 1 or -1 after ':' at position 9"},
      {"dateTime:10", "sort: expected 1 or -1 after ':' at position 9"},
      {"dateTime:-12", "sort: expected 1 or -1 after ':' at position 9"},
      {"dateTime:1x", "sort: expected 1 or -1 after ':' at position 9"},
      {"dateTime:asc", "sort: expected 1 or -1 after ':' at position 9"},
      {"dateTime:+1", "sort: expected 1 or -1 after ':' at position 9"},
      {"dateTime:1 2", "sort: expected ',' or the end of the sort at position 11"},
      {"dateTime;1", "sort: expected ':' and a direction (1 or -1) after the field name at position 8"},
      {"guest-name:1", "sort: expected ':' and a direction (1 or -1) after the field name at position 5"},
      {"people", "sort: expected ':' and a direction (1 or -1) after the field name at position 6"},
      {"people ,status:1", "sort: expected ':' and a direction (1 or -1) after the field name at position 7"},
      {"dateTime:1,", "sort: trailing comma at position 10"},
      {"dateTime:1,,people:1", "sort: empty sort key at position 11"},
      {",dateTime:1", "sort: empty sort key at position 0"},
      {":1", "sort: expected a field name at position 0"},
      {"a:1,$b:1", "sort: expected a field name at position 4"},
      {"guest..name:1", "sort: empty segment in field name at position 6"},
      {"guest.:1", "sort: empty segment in field name at position 6"},
      {"a.b.c.d.e.f.g.h.i.j.k:1", "sort: field name has more than 10 segments at position 20"},
      {std::string(201, 'x'), "sort: field name is longer than 200 characters at position 200"},
      {"createdAt:1,updatedAt:1,createdAt:-1", "sort: 'createdAt' is sorted on twice at position 24"},
      {"people:1,people:-1", "sort: 'people' is sorted on twice at position 9"},
      {"a:1,b:1,c:1,d:1,e:1,f:1,g:1,h:1,i:1,j:1,k:1", "sort: too many sort keys (at most 10) at position 40"},
  };
  for (const auto& [text, message] : cases) {
    SCOPED_TRACE(text);
    try {
      parse_sort(text);
      ADD_FAILURE() << "accepted";
    } catch (const InvalidInput& e) {
      EXPECT_EQ(e.code, "invalid_sort");
      EXPECT_EQ(e.field, "sort");
      EXPECT_EQ(std::string(e.what()), message);
    }
  }
}

}  // namespace
}  // namespace maitred::domain
