#include "json/document_diff.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {
namespace {

std::string diff(std::string_view before, std::string_view after, const std::vector<std::string_view>& ignore = {}) {
  std::string out;
  JsonWriter writer(out);
  write_document_diff(writer, before, after, ignore);
  return out;
}

TEST(DocumentDiff, IdenticalDocumentsHaveNoChanges) {
  EXPECT_EQ(diff("{}", "{}"), "[]");
  const char* doc = R"({"a":1,"b":"x","guest":{"name":"Ann","phone":"+4511111111"},"tables":["t1","t2"]})";
  EXPECT_EQ(diff(doc, doc), "[]");
}

TEST(DocumentDiff, KeyOrderDoesNotMatter) {
  EXPECT_EQ(diff(R"({"a":1,"b":2,"g":{"x":1,"y":2}})", R"({"g":{"y":2,"x":1},"b":2,"a":1})"), "[]");
}

TEST(DocumentDiff, TopLevelChange) {
  EXPECT_EQ(diff(R"({"people":2,"status":"request"})", R"({"people":4,"status":"request"})"),
            R"([{"field":"people","from":2,"to":4}])");
  EXPECT_EQ(diff(R"({"status":"request"})", R"({"status":"approved"})"),
            R"([{"field":"status","from":"request","to":"approved"}])");
}

TEST(DocumentDiff, ChangesOfEveryValueType) {
  EXPECT_EQ(diff(R"({"a":true})", R"({"a":false})"), R"([{"field":"a","from":true,"to":false}])");
  EXPECT_EQ(diff(R"({"a":1.5})", R"({"a":2.25})"), R"([{"field":"a","from":1.5,"to":2.25}])");
  EXPECT_EQ(diff(R"({"a":"1"})", R"({"a":1})"), R"([{"field":"a","from":"1","to":1}])");
  EXPECT_EQ(diff(R"({"a":null})", R"({"a":"x"})"), R"([{"field":"a","from":null,"to":"x"}])");
}

TEST(DocumentDiff, SeveralChangesComeInKeyOrder) {
  EXPECT_EQ(diff(R"({"z":1,"a":1,"m":1})", R"({"z":2,"a":2,"m":1})"),
            R"([{"field":"a","from":1,"to":2},{"field":"z","from":1,"to":2}])");
}

TEST(DocumentDiff, NestedObjectChangeIsReportedByPath) {
  EXPECT_EQ(
      diff(R"({"guest":{"name":"Ann","phone":"+4511111111"}})", R"({"guest":{"name":"Ann","phone":"+4522222222"}})"),
      R"([{"field":"guest.phone","from":"+4511111111","to":"+4522222222"}])");
}

TEST(DocumentDiff, SeveralNestedChanges) {
  EXPECT_EQ(diff(R"({"guest":{"email":"a@b.co","name":"Ann","phone":"1"},"people":2})",
                 R"({"guest":{"email":"c@d.co","name":"Ann","phone":"2"},"people":3})"),
            R"([{"field":"guest.email","from":"a@b.co","to":"c@d.co"},)"
            R"({"field":"guest.phone","from":"1","to":"2"},)"
            R"({"field":"people","from":2,"to":3}])");
}

TEST(DocumentDiff, NestedAddedAndRemovedKeys) {
  EXPECT_EQ(diff(R"({"guest":{"name":"Ann"}})", R"({"guest":{"name":"Ann","email":"a@b.co"}})"),
            R"([{"field":"guest.email","from":null,"to":"a@b.co"}])");
  EXPECT_EQ(diff(R"({"guest":{"name":"Ann","email":"a@b.co"}})", R"({"guest":{"name":"Ann"}})"),
            R"([{"field":"guest.email","from":"a@b.co","to":null}])");
}

TEST(DocumentDiff, DeeperValuesAreComparedWhole) {
  EXPECT_EQ(diff(R"({"metadata":{"ext":{"id":1,"src":"x"}}})", R"({"metadata":{"ext":{"id":2,"src":"x"}}})"),
            R"([{"field":"metadata.ext","from":{"id":1,"src":"x"},"to":{"id":2,"src":"x"}}])");
}

TEST(DocumentDiff, AddedAndRemovedTopLevelKeys) {
  EXPECT_EQ(diff(R"({"a":1})", R"({"a":1,"b":"new"})"), R"([{"field":"b","from":null,"to":"new"}])");
  EXPECT_EQ(diff(R"({"a":1,"b":"old"})", R"({"a":1})"), R"([{"field":"b","from":"old","to":null}])");
}

TEST(DocumentDiff, AddedOrRemovedObjectIsOneChange) {
  EXPECT_EQ(diff(R"({})", R"({"guest":{"name":"Ann"}})"), R"([{"field":"guest","from":null,"to":{"name":"Ann"}}])");
  EXPECT_EQ(diff(R"({"guest":{"name":"Ann"}})", R"({})"), R"([{"field":"guest","from":{"name":"Ann"},"to":null}])");
}

TEST(DocumentDiff, ObjectReplacedByAnotherTypeIsOneChange) {
  EXPECT_EQ(diff(R"({"area":{"_id":"a1"}})", R"({"area":null})"),
            R"([{"field":"area","from":{"_id":"a1"},"to":null}])");
  EXPECT_EQ(diff(R"({"area":"a1"})", R"({"area":{"_id":"a1"}})"),
            R"([{"field":"area","from":"a1","to":{"_id":"a1"}}])");
}

TEST(DocumentDiff, ArraysAreComparedWhole) {
  EXPECT_EQ(diff(R"({"tables":["t1","t2"]})", R"({"tables":["t2","t1"]})"),
            R"([{"field":"tables","from":["t1","t2"],"to":["t2","t1"]}])");
  EXPECT_EQ(diff(R"({"tables":[{"_id":"t1","name":"1"}]})", R"({"tables":[{"_id":"t1","name":"One"}]})"),
            R"([{"field":"tables","from":[{"_id":"t1","name":"1"}],"to":[{"_id":"t1","name":"One"}]}])");
  EXPECT_EQ(diff(R"({"tables":[]})", R"({"tables":["t1"]})"), R"([{"field":"tables","from":[],"to":["t1"]}])");
  EXPECT_EQ(diff(R"({"tables":["t1"]})", R"({"tables":["t1"]})"), "[]");
}

TEST(DocumentDiff, ArraysInsideNestedObjectsAreComparedWhole) {
  EXPECT_EQ(diff(R"({"guest":{"tags":["a"]}})", R"({"guest":{"tags":["a","b"]}})"),
            R"([{"field":"guest.tags","from":["a"],"to":["a","b"]}])");
}

TEST(DocumentDiff, IgnoredKeysAreSkipped) {
  EXPECT_EQ(diff(R"({"activityAt":"2026-01-01T00:00:00Z","people":2})",
                 R"({"activityAt":"2026-01-02T00:00:00Z","people":2})", {"activityAt"}),
            "[]");
  EXPECT_EQ(diff(R"({"activityAt":"x","people":2,"status":"request"})", R"({"activityAt":"y","people":3})",
                 {"activityAt", "status"}),
            R"([{"field":"people","from":2,"to":3}])");
  // An ignored object is skipped with everything in it.
  EXPECT_EQ(diff(R"({"guest":{"name":"Ann"}})", R"({"guest":{"name":"Bo"}})", {"guest"}), "[]");
  // Ignored keys that are added or removed are skipped too.
  EXPECT_EQ(diff(R"({"a":1})", R"({"a":1,"activityAt":"y"})", {"activityAt"}), "[]");
}

TEST(DocumentDiff, NotIgnoredWhenOnlyAPrefixMatches) {
  EXPECT_EQ(diff(R"({"activity":1})", R"({"activity":2})", {"activityAt"}),
            R"([{"field":"activity","from":1,"to":2}])");
}

TEST(DocumentDiff, StringsAreWrittenEscaped) {
  EXPECT_EQ(diff(R"({"comment":"say \"hi\""})", R"({"comment":"line\nbreak"})"),
            R"([{"field":"comment","from":"say \"hi\"","to":"line\nbreak"}])");
}

TEST(DocumentDiff, OutputIsValidWithinALargerDocument) {
  std::string out;
  JsonWriter writer(out);
  writer.start_object();
  writer.key("changes");
  write_document_diff(writer, R"({"a":1})", R"({"a":2})", {});
  writer.member("n", 1);
  writer.end_object();
  EXPECT_EQ(out, R"({"changes":[{"field":"a","from":1,"to":2}],"n":1})");
}

TEST(DocumentDiff, MalformedDocumentThrows) {
  EXPECT_THROW(diff("{", "{}"), domain::InvalidInput);
  EXPECT_THROW(diff("{}", "not json"), domain::InvalidInput);
}

}  // namespace
}  // namespace maitred::json
