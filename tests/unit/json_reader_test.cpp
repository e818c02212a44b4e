#include "json/json_reader.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "domain/errors.hpp"
#include "json/json_writer.hpp"

namespace maitred::json {
namespace {

struct Failure {
  std::string code;
  std::string field;
  std::string message;
};

// Runs `f`, which must throw domain::InvalidInput.
Failure failure(const std::function<void()>& f) {
  try {
    f();
  } catch (const domain::InvalidInput& e) {
    return {e.code, e.field, e.what()};
  }
  ADD_FAILURE() << "no InvalidInput thrown";
  return {"<none>", "<none>", ""};
}

// --- parse_body -----------------------------------------------------------------

TEST(JsonReader, ParsesAnObject) {
  auto doc = parse_body(R"({"a": 1, "b": [true, null], "c": {"d": "e"}})");
  ASSERT_TRUE(doc.IsObject());
  EXPECT_EQ(doc["a"].GetInt(), 1);
  EXPECT_EQ(std::string(doc["c"]["d"].GetString()), "e");
}

TEST(JsonReader, MalformedJsonIsInvalidInput) {
  for (const char* bad : {"", "{", "}", "{\"a\":}", "{\"a\" 1}", "{'a': 1}", "{\"a\": 1,}", "[1,]", "nul",
                          "{\"a\": 01}", "{} {}", "{}x", "{\"a\": NaN}", "{\"a\": Infinity}", "\"unterminated"}) {
    auto f = failure([&] { (void)parse_body(bad); });
    EXPECT_EQ(f.code, "malformed_json") << bad;
    EXPECT_EQ(f.field, "") << bad;
    EXPECT_NE(f.message.find("at byte"), std::string::npos) << f.message;
  }
}

TEST(JsonReader, MalformedJsonSaysWhere) {
  auto f = failure([] { (void)parse_body("{\"a\": 1, x}"); });
  EXPECT_EQ(f.code, "malformed_json");
  EXPECT_NE(f.message.find("(at byte 9)"), std::string::npos) << f.message;
}

TEST(JsonReader, InvalidUtf8IsRefusedNamingTheField) {
  for (std::string bad :
       {std::string("{\"a\": \"\xff\"}"), std::string("{\"a\": \"\xc3\"}"), std::string("{\"a\": \"\xc0\xaf\"}"),
        std::string("{\"a\": \"\xed\xa0\x80\"}"), std::string("{\"a\": \"\xf4\x90\x80\x80\"}")}) {
    auto f = failure([&] { (void)parse_body(bad); });
    EXPECT_EQ(f.code, "invalid_utf8") << bad;
    EXPECT_EQ(f.field, "a") << bad;
    EXPECT_NE(f.message.find("'a' is not valid UTF-8"), std::string::npos) << f.message;
  }
}

TEST(JsonReader, LoneSurrogateEscapesAreRefusedNamingTheField) {
  // RapidJSON decodes a lone low surrogate escape into the ill-formed bytes
  // ED B0 80; a lone high one it refuses itself. Both name the field.
  for (const char* bad : {R"({"guest": {"name": "\udc00"}})", R"({"guest": {"name": "x\udfff"}})",
                          R"({"guest": {"name": "\ud800"}})", R"({"guest": {"name": "\ud800\u0041"}})"}) {
    auto f = failure([&] { (void)parse_body(bad); });
    EXPECT_EQ(f.code, "invalid_utf8") << bad;
    EXPECT_EQ(f.field, "guest.name") << bad;
  }
}

TEST(JsonReader, InvalidUtf8PathsNameArrayElementsAndKeys) {
  EXPECT_EQ(failure([] { (void)parse_body(R"({"tables": ["a", "b", "\udc00"]})"); }).field, "tables[2]");
  EXPECT_EQ(failure([] { (void)parse_body(R"({"a": [1, {"b": [true, "\udc00"]}]})"); }).field, "a[1].b[1]");
  EXPECT_EQ(failure([] { (void)parse_body("{\"a\": [\"x\", \"\xff\"]}"); }).field, "a[1]");
  auto key = failure([] { (void)parse_body(R"({"metadata": {"ok": 1, "\udc00": 2}})"); });
  EXPECT_EQ(key.code, "invalid_utf8");
  EXPECT_EQ(key.field, "metadata");
  EXPECT_NE(key.message.find("A key in 'metadata'"), std::string::npos) << key.message;
  EXPECT_EQ(failure([] { (void)parse_body("{\"\xfe\": 1}"); }).field, "");
  EXPECT_EQ(failure([] { (void)parse_body(R"("\udc00")"); }).field, "");
}

// What is stored must read back as it was written: numbers are read with
// correct rounding, so writing a read number and reading it again is stable.
TEST(JsonReader, NumbersReadBackAsTheyWereWritten) {
  for (const char* text : {"-1e-162", "0.1", "1.7976931348623157e308", "5e-324", "123456789.123456789", "-0.0",
                           "2.2250738585072014e-308", "1e22", "0e-32"}) {
    const std::string once = serialize(parse_body(std::string("[") + text + "]"));
    EXPECT_EQ(serialize(parse_body(once)), once) << text;
    EXPECT_EQ(parse_body(once)[0].GetDouble(), parse_body(std::string("[") + text + "]")[0].GetDouble()) << text;
  }
  EXPECT_EQ(serialize(parse_body("[-1e-162]")), "[-1e-162]");
  EXPECT_EQ(parse_body("[0e-32]")[0].GetDouble(), 0.0);
}

TEST(JsonReader, IntegersKeepTheirTypes) {
  auto doc = parse_body(R"([0, -1, 2147483647, 4294967295, -2147483649, 18446744073709551615, 18446744073709551616])");
  EXPECT_TRUE(doc[0].IsInt());
  EXPECT_EQ(doc[1].GetInt(), -1);
  EXPECT_EQ(doc[2].GetInt(), 2147483647);
  EXPECT_EQ(doc[3].GetUint(), 4294967295u);
  EXPECT_EQ(doc[4].GetInt64(), -2147483649LL);
  EXPECT_EQ(doc[5].GetUint64(), 18446744073709551615ULL);
  EXPECT_TRUE(doc[6].IsDouble());  // beyond 64 bits, as RapidJSON reads it
}

TEST(JsonReader, NumbersBeyondADoubleAreRefusedAndTinyOnesAreZero) {
  auto f = failure([] { (void)parse_body(R"({"metadata": {"x": [1.8e308]}})"); });
  EXPECT_EQ(f.code, "invalid_field");
  EXPECT_EQ(f.field, "metadata.x[0]");
  EXPECT_EQ(failure([] { (void)parse_body("[1e400]"); }).code, "malformed_json");  // RapidJSON's own check
  EXPECT_EQ(parse_body("[-1e-400]")[0].GetDouble(), 0.0);
}

TEST(JsonReader, SurrogatePairsAreAccepted) {
  auto doc = parse_body(R"({"a": "\ud83c\udf77"})");
  EXPECT_EQ(std::string(doc["a"].GetString()), "\xf0\x9f\x8d\xb7");
}

TEST(JsonReader, ValidUtf8IsAccepted) {
  auto doc = parse_body(
      "{\"name\": \"Sm\xc3\xb8rrebr\xc3\xb8"
      "d \xe2\x82\xac \xf0\x9f\x8d\xb7\"}");
  EXPECT_EQ(std::string(doc["name"].GetString()),
            "Sm\xc3\xb8rrebr\xc3\xb8"
            "d \xe2\x82\xac \xf0\x9f\x8d\xb7");
}

TEST(JsonReader, RespectsTheGivenLengthNotATerminator) {
  std::string buffer = "{\"a\": 1}garbage";
  auto doc = parse_body(std::string_view(buffer).substr(0, 8));
  EXPECT_EQ(doc["a"].GetInt(), 1);
}

TEST(JsonReader, NulBytesAreNotJson) {
  using namespace std::string_literals;
  for (const std::string& bad : {"{\"a\": \"x\0y\"}"s, "\0{}"s, "{\"a\":\0 1}"s}) {
    EXPECT_EQ(failure([&] { (void)parse_body(bad); }).code, "malformed_json") << bad.size();
  }
}

TEST(JsonReader, TrailingBytesAfterANulAreNotIgnored) {
  using namespace std::string_literals;
  // rapidjson's memory stream reports a NUL byte as the end of input; parse_body
  // must refuse it rather than accept "{}" and silently drop the rest.
  for (const std::string& bad : {"{}\0"s, "{}\0{\"isAdmin\": true}"s}) {
    EXPECT_EQ(failure([&] { (void)parse_body(bad); }).code, "malformed_json") << bad.size();
  }
}

TEST(JsonReader, DeeplyNestedUnclosedArraysAreRefused) {
  std::string deep(100'000, '[');
  auto f = failure([&] { (void)parse_body(deep); });
  EXPECT_EQ(f.code, "nested_too_deep");
}

TEST(JsonReader, DeeplyNestedClosedArraysAreRefused) {
  std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  auto f = failure([&] { (void)parse_body(deep); });
  EXPECT_EQ(f.code, "nested_too_deep");
  std::string innermost;  // the 65th array is element 0 of the 64th
  for (std::size_t i = 0; i < kMaxNesting; ++i) innermost += "[0]";
  EXPECT_EQ(f.field, innermost);
}

TEST(JsonReader, DeeplyNestedObjectsAreRefusedNamingTheField) {
  std::string deep = R"({"metadata": )";
  for (int i = 0; i < 50'000; ++i) deep += "{\"a\":";
  auto f = failure([&] { (void)parse_body(deep); });
  EXPECT_EQ(f.code, "nested_too_deep");
  EXPECT_EQ(f.field.substr(0, 11), "metadata.a.");
  EXPECT_NE(f.message.find("more than 64 levels deep"), std::string::npos) << f.message;
}

TEST(JsonReader, NestingUpToTheLimitIsAccepted) {
  const std::string at_limit = std::string(kMaxNesting, '[') + std::string(kMaxNesting, ']');
  EXPECT_TRUE(parse_body(at_limit).IsArray());
  const std::string over = "[" + at_limit + "]";
  EXPECT_EQ(failure([&] { (void)parse_body(over); }).code, "nested_too_deep");
  // Width is not depth.
  std::string wide = "[";
  for (int i = 0; i < 10'000; ++i) wide += "[[]],";
  wide += "1]";
  EXPECT_EQ(parse_body(wide).Size(), 10'001u);
}

// --- ObjectReader: construction and paths -------------------------------------------

TEST(JsonReader, BodyMustBeAnObject) {
  for (const char* body : {"[]", "1", "\"x\"", "null", "true"}) {
    auto doc = parse_body(body);
    auto f = failure([&] { ObjectReader in(doc); });
    EXPECT_EQ(f.code, "invalid_field") << body;
    EXPECT_EQ(f.field, "") << body;
    EXPECT_EQ(f.message, "The body must be a JSON object.");
  }
}

TEST(JsonReader, FieldPaths) {
  auto doc = parse_body("{}");
  ObjectReader top(doc);
  EXPECT_EQ(top.path(), "");
  EXPECT_EQ(top.field("name"), "name");
  ObjectReader nested(doc, "bookingRules");
  EXPECT_EQ(nested.field("slotInterval"), "bookingRules.slotInterval");
}

// --- has / is_null / raw / ignore -----------------------------------------------

TEST(JsonReader, HasVersusIsNull) {
  auto doc = parse_body(R"({"present": 1, "nothing": null, "empty": ""})");
  ObjectReader in(doc);
  EXPECT_TRUE(in.has("present"));
  EXPECT_FALSE(in.is_null("present"));
  EXPECT_FALSE(in.has("nothing"));
  EXPECT_TRUE(in.is_null("nothing"));
  EXPECT_TRUE(in.has("empty"));
  EXPECT_FALSE(in.is_null("empty"));
  EXPECT_FALSE(in.has("absent"));
  EXPECT_FALSE(in.is_null("absent"));
}

TEST(JsonReader, IsNullMarksTheKeyAsRead) {
  auto doc = parse_body(R"({"areaId": null})");
  ObjectReader in(doc);
  EXPECT_TRUE(in.is_null("areaId"));
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonReader, HasDoesNotMarkTheKeyAsRead) {
  auto doc = parse_body(R"({"x": 1})");
  ObjectReader in(doc);
  EXPECT_TRUE(in.has("x"));
  auto f = failure([&] { in.finish(); });
  EXPECT_EQ(f.code, "unknown_field");
  EXPECT_EQ(f.field, "x");
}

TEST(JsonReader, NullCountsAsAbsentForOptionalReads) {
  auto doc = parse_body(R"({"s": null, "i": null, "n": null, "b": null, "o": null, "a": null, "sa": null})");
  ObjectReader in(doc);
  EXPECT_FALSE(in.optional_string("s"));
  EXPECT_FALSE(in.optional_integer("i", 0, 10));
  EXPECT_FALSE(in.optional_number("n", 0, 10));
  EXPECT_FALSE(in.optional_bool("b"));
  EXPECT_FALSE(in.optional_object("o"));
  EXPECT_FALSE(in.optional_object_array("a"));
  EXPECT_FALSE(in.optional_string_array("sa"));
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonReader, RawReturnsTheValue) {
  auto doc = parse_body(R"({"x": [1, 2], "y": null})");
  ObjectReader in(doc);
  const auto* x = in.raw("x");
  ASSERT_NE(x, nullptr);
  EXPECT_TRUE(x->IsArray());
  EXPECT_EQ(x->Size(), 2u);
  EXPECT_EQ(in.raw("y"), nullptr);
  EXPECT_EQ(in.raw("z"), nullptr);
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonReader, IgnoreAcceptsAKey) {
  auto doc = parse_body(R"({"createdAt": "whatever", "updatedAt": {"odd": true}})");
  ObjectReader in(doc);
  in.ignore("createdAt");
  auto f = failure([&] { in.finish(); });
  EXPECT_EQ(f.field, "updatedAt");
  in.ignore("updatedAt");
  EXPECT_NO_THROW(in.finish());
  in.ignore("neverSent");  // harmless
  EXPECT_NO_THROW(in.finish());
}

// --- strings --------------------------------------------------------------------------

TEST(JsonReader, Strings) {
  auto doc = parse_body(R"({"name": "Noma", "empty": "", "escaped": "a\"b\\c\u00e6\u0000z"})");
  ObjectReader in(doc);
  EXPECT_EQ(in.required_string("name"), "Noma");
  EXPECT_EQ(in.optional_string("empty"), "");
  EXPECT_EQ(in.optional_string("escaped"), std::string("a\"b\\c\xc3\xa6\0z", 9));
  EXPECT_FALSE(in.optional_string("absent"));
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonReader, RequiredStringMissingOrNull) {
  auto doc = parse_body(R"({"nothing": null})");
  ObjectReader in(doc);
  auto missing = failure([&] { (void)in.required_string("name"); });
  EXPECT_EQ(missing.code, "missing_field");
  EXPECT_EQ(missing.field, "name");
  auto null = failure([&] { (void)in.required_string("nothing"); });
  EXPECT_EQ(null.code, "missing_field");
  EXPECT_EQ(null.field, "nothing");
}

TEST(JsonReader, StringOfWrongTypeIsRefused) {
  for (const char* body : {R"({"s": 1})", R"({"s": true})", R"({"s": ["a"]})", R"({"s": {"a": "b"}})"}) {
    auto doc = parse_body(body);
    ObjectReader in(doc);
    auto f = failure([&] { (void)in.optional_string("s"); });
    EXPECT_EQ(f.code, "invalid_field") << body;
    EXPECT_EQ(f.field, "s") << body;
  }
}

TEST(JsonReader, StringMaxLength) {
  auto doc = parse_body(R"({"five": "abcde"})");
  ObjectReader in(doc);
  EXPECT_EQ(in.optional_string("five", 5), "abcde");
  auto f = failure([&] { (void)in.optional_string("five", 4); });
  EXPECT_EQ(f.code, "invalid_field");
  EXPECT_EQ(f.field, "five");
  auto required = failure([&] { (void)in.required_string("five", 4); });
  EXPECT_EQ(required.field, "five");
}

TEST(JsonReader, DefaultMaxLengthIs1000) {
  std::string body = "{\"ok\": \"" + std::string(1000, 'x') + "\", \"long\": \"" + std::string(1001, 'x') + "\"}";
  auto doc = parse_body(body);
  ObjectReader in(doc);
  EXPECT_EQ(in.optional_string("ok")->size(), 1000u);
  EXPECT_EQ(failure([&] { (void)in.optional_string("long"); }).field, "long");
}

TEST(JsonReader, RequiredName) {
  auto doc = parse_body(R"({"good": " Noma ", "blank": " \t\n", "empty": "", "long": "abcdef"})");
  ObjectReader in(doc);
  EXPECT_EQ(in.required_name("good"), " Noma ");
  auto blank = failure([&] { (void)in.required_name("blank"); });
  EXPECT_EQ(blank.code, "invalid_field");
  EXPECT_EQ(blank.field, "blank");
  EXPECT_EQ(failure([&] { (void)in.required_name("empty"); }).field, "empty");
  EXPECT_EQ(failure([&] { (void)in.required_name("absent"); }).code, "missing_field");
  EXPECT_EQ(failure([&] { (void)in.required_name("long", 5); }).field, "long");
}

// --- integers and numbers -------------------------------------------------------------

TEST(JsonReader, Integers) {
  auto doc = parse_body(R"({"a": 4, "b": -7, "c": 0, "big": 9000000000000})");
  ObjectReader in(doc);
  EXPECT_EQ(in.required_integer("a", 0, 10), 4);
  EXPECT_EQ(in.optional_integer("b", -10, 10), -7);
  EXPECT_EQ(in.optional_integer("c", 0, 0), 0);
  EXPECT_EQ(in.optional_integer("big", 0, 10'000'000'000'000LL), 9'000'000'000'000LL);
  EXPECT_FALSE(in.optional_integer("absent", 0, 10));
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonReader, WholeDoublesAreIntegers) {
  auto doc = parse_body(R"({"a": 4.0, "b": -2.0, "c": 1e2, "d": -0.0})");
  ObjectReader in(doc);
  EXPECT_EQ(in.optional_integer("a", 0, 10), 4);
  EXPECT_EQ(in.optional_integer("b", -10, 10), -2);
  EXPECT_EQ(in.optional_integer("c", 0, 1000), 100);
  EXPECT_EQ(in.optional_integer("d", 0, 10), 0);
}

TEST(JsonReader, FractionsAndNonNumbersAreNotIntegers) {
  for (const char* body :
       {R"({"n": 4.5})", R"({"n": 0.1})", R"({"n": -1.25})", R"({"n": "4"})", R"({"n": true})", R"({"n": [4]})",
        R"({"n": {"v": 4}})", R"({"n": 1e300})", R"({"n": 18446744073709551615})"}) {
    auto doc = parse_body(body);
    ObjectReader in(doc);
    auto f = failure([&] { (void)in.optional_integer("n", -1'000'000, 1'000'000); });
    EXPECT_EQ(f.code, "invalid_field") << body;
    EXPECT_EQ(f.field, "n") << body;
  }
}

TEST(JsonReader, IntegerRange) {
  auto doc = parse_body(R"({"low": 4, "high": 11, "edgeLow": 5, "edgeHigh": 10, "wholeHigh": 11.0})");
  ObjectReader in(doc);
  EXPECT_EQ(in.optional_integer("edgeLow", 5, 10), 5);
  EXPECT_EQ(in.optional_integer("edgeHigh", 5, 10), 10);
  auto low = failure([&] { (void)in.optional_integer("low", 5, 10); });
  EXPECT_EQ(low.code, "invalid_field");
  EXPECT_EQ(low.field, "low");
  EXPECT_NE(low.message.find("from 5 to 10"), std::string::npos) << low.message;
  EXPECT_EQ(failure([&] { (void)in.optional_integer("high", 5, 10); }).field, "high");
  EXPECT_EQ(failure([&] { (void)in.optional_integer("wholeHigh", 5, 10); }).field, "wholeHigh");
}

TEST(JsonReader, RequiredIntegerMissing) {
  auto doc = parse_body(R"({"n": null})");
  ObjectReader in(doc);
  auto absent = failure([&] { (void)in.required_integer("minutes", 1, 10); });
  EXPECT_EQ(absent.code, "missing_field");
  EXPECT_EQ(absent.field, "minutes");
  EXPECT_EQ(failure([&] { (void)in.required_integer("n", 1, 10); }).code, "missing_field");
}

TEST(JsonReader, Numbers) {
  auto doc = parse_body(R"({"a": 1.5, "b": 3, "c": -0.25, "low": -1, "high": 100.5, "s": "1.5", "t": true})");
  ObjectReader in(doc);
  EXPECT_DOUBLE_EQ(*in.optional_number("a", 0, 10), 1.5);
  EXPECT_DOUBLE_EQ(*in.optional_number("b", 0, 10), 3.0);
  EXPECT_DOUBLE_EQ(*in.optional_number("c", -1, 1), -0.25);
  EXPECT_FALSE(in.optional_number("absent", 0, 1));
  EXPECT_EQ(failure([&] { (void)in.optional_number("low", 0, 100); }).field, "low");
  EXPECT_EQ(failure([&] { (void)in.optional_number("high", 0, 100); }).field, "high");
  EXPECT_EQ(failure([&] { (void)in.optional_number("s", 0, 100); }).field, "s");
  EXPECT_EQ(failure([&] { (void)in.optional_number("t", 0, 100); }).code, "invalid_field");
}

// --- booleans ---------------------------------------------------------------------------

TEST(JsonReader, Booleans) {
  auto doc = parse_body(R"({"t": true, "f": false, "one": 1, "s": "true"})");
  ObjectReader in(doc);
  EXPECT_EQ(in.optional_bool("t"), true);
  EXPECT_EQ(in.optional_bool("f"), false);
  EXPECT_FALSE(in.optional_bool("absent"));
  auto one = failure([&] { (void)in.optional_bool("one"); });
  EXPECT_EQ(one.code, "invalid_field");
  EXPECT_EQ(one.field, "one");
  EXPECT_EQ(failure([&] { (void)in.optional_bool("s"); }).field, "s");
}

// --- objects and arrays -----------------------------------------------------------------

TEST(JsonReader, NestedObject) {
  auto doc = parse_body(R"({"bookingRules": {"slotInterval": 15}})");
  ObjectReader in(doc);
  auto rules = in.optional_object("bookingRules");
  ASSERT_TRUE(rules);
  EXPECT_EQ(rules->path(), "bookingRules");
  EXPECT_EQ(rules->optional_integer("slotInterval", 5, 60), 15);
  EXPECT_NO_THROW(rules->finish());
  EXPECT_NO_THROW(in.finish());
  EXPECT_FALSE(in.optional_object("absent"));
}

TEST(JsonReader, NestedValueErrorsNameTheFullPath) {
  auto doc = parse_body(R"({"bookingRules": {"slotInterval": "15", "deeper": {"x": 4.5}}})");
  ObjectReader in(doc);
  auto rules = in.optional_object("bookingRules");
  ASSERT_TRUE(rules);
  EXPECT_EQ(failure([&] { (void)rules->optional_integer("slotInterval", 5, 60); }).field, "bookingRules.slotInterval");
  auto deeper = rules->optional_object("deeper");
  ASSERT_TRUE(deeper);
  EXPECT_EQ(failure([&] { (void)deeper->optional_integer("x", 0, 10); }).field, "bookingRules.deeper.x");
}

TEST(JsonReader, NestedObjectOfWrongType) {
  auto doc = parse_body(R"({"contact": "phone", "rules": {"inner": [1]}})");
  ObjectReader in(doc);
  auto f = failure([&] { (void)in.optional_object("contact"); });
  EXPECT_EQ(f.code, "invalid_field");
  EXPECT_EQ(f.field, "contact");
  auto rules = in.optional_object("rules");
  ASSERT_TRUE(rules);
  EXPECT_EQ(failure([&] { (void)rules->optional_object("inner"); }).field, "rules.inner");
}

TEST(JsonReader, ObjectArray) {
  auto doc = parse_body(R"({"durations": [{"minutes": 90}, {"minutes": 120}], "empty": []})");
  ObjectReader in(doc);
  auto durations = in.optional_object_array("durations");
  ASSERT_TRUE(durations);
  ASSERT_EQ(durations->size(), 2u);
  EXPECT_EQ((*durations)[0].path(), "durations[0]");
  EXPECT_EQ((*durations)[1].path(), "durations[1]");
  EXPECT_EQ((*durations)[1].required_integer("minutes", 15, 600), 120);
  auto empty = in.optional_object_array("empty");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  EXPECT_FALSE(in.optional_object_array("absent"));
}

TEST(JsonReader, ObjectArrayErrors) {
  auto doc = parse_body(R"({"notArray": {"a": 1}, "mixed": [{}, 3], "three": [{}, {}, {}], "bad": [{}, {"m": 1.5}]})");
  ObjectReader in(doc);
  EXPECT_EQ(failure([&] { (void)in.optional_object_array("notArray"); }).field, "notArray");
  EXPECT_EQ(failure([&] { (void)in.optional_object_array("mixed"); }).field, "mixed[1]");
  EXPECT_EQ(failure([&] { (void)in.optional_object_array("three", 2); }).field, "three");
  EXPECT_EQ(in.optional_object_array("three", 3)->size(), 3u);
  auto bad = in.optional_object_array("bad");
  ASSERT_TRUE(bad);
  EXPECT_EQ(failure([&] { (void)(*bad)[1].optional_integer("m", 0, 10); }).field, "bad[1].m");
}

TEST(JsonReader, StringArray) {
  auto doc = parse_body(R"({"ids": ["a", "b", ""], "empty": []})");
  ObjectReader in(doc);
  auto ids = in.optional_string_array("ids");
  ASSERT_TRUE(ids);
  EXPECT_EQ(*ids, (std::vector<std::string>{"a", "b", ""}));
  EXPECT_EQ(in.optional_string_array("empty"), std::vector<std::string>{});
  EXPECT_FALSE(in.optional_string_array("absent"));
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonReader, StringArrayErrors) {
  auto doc = parse_body(
      R"({"notArray": "a", "mixed": ["a", 1], "withNull": ["a", null], "many": ["a", "b", "c"], "long": ["ok", "toolong"]})");
  ObjectReader in(doc);
  auto not_array = failure([&] { (void)in.optional_string_array("notArray"); });
  EXPECT_EQ(not_array.code, "invalid_field");
  EXPECT_EQ(not_array.field, "notArray");
  EXPECT_EQ(failure([&] { (void)in.optional_string_array("mixed"); }).field, "mixed[1]");
  EXPECT_EQ(failure([&] { (void)in.optional_string_array("withNull"); }).field, "withNull[1]");
  EXPECT_EQ(failure([&] { (void)in.optional_string_array("many", 2); }).field, "many");
  EXPECT_EQ(in.optional_string_array("many", 3)->size(), 3u);
  EXPECT_EQ(failure([&] { (void)in.optional_string_array("long", 10, 5); }).field, "long[1]");
  EXPECT_EQ(in.optional_string_array("long", 10, 7)->size(), 2u);
}

// --- finish -----------------------------------------------------------------------------

TEST(JsonReader, FinishAcceptsWhenEverythingWasRead) {
  auto doc = parse_body(R"({"a": "x", "b": 1})");
  ObjectReader in(doc);
  (void)in.optional_string("a");
  (void)in.optional_integer("b", 0, 10);
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonReader, FinishAcceptsAnEmptyBody) {
  auto doc = parse_body("{}");
  ObjectReader in(doc);
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonReader, KeysAreFoundInAnyOrder) {
  auto doc = parse_body(R"({"a": 1, "b": 2, "c": 3, "d": 4})");
  ObjectReader in(doc);
  EXPECT_EQ(in.optional_integer("c", 0, 10), 3);
  EXPECT_EQ(in.optional_integer("d", 0, 10), 4);
  EXPECT_EQ(in.optional_integer("a", 0, 10), 1);
  EXPECT_EQ(in.optional_integer("missing", 0, 10), std::nullopt);
  EXPECT_EQ(in.optional_integer("b", 0, 10), 2);
  EXPECT_EQ(in.optional_integer("c", 0, 10), 3);  // again
  in.finish();
}

TEST(JsonReader, AKeyGivenTwiceIsRefused) {
  auto doc = parse_body(R"({"people": 2, "date": "2026-12-04", "people": 200})");
  ObjectReader in(doc);
  (void)in.optional_integer("people", 0, 1000);
  (void)in.optional_string("date", 10);
  auto f = failure([&] { in.finish(); });
  EXPECT_EQ(f.code, "duplicate_field");
  EXPECT_EQ(f.field, "people");
}

TEST(JsonReader, FinishNamesTheFirstUnknownKey) {
  auto doc = parse_body(R"({"a": 1, "isAdmin": true, "other": 2})");
  ObjectReader in(doc);
  (void)in.optional_integer("a", 0, 10);
  auto f = failure([&] { in.finish(); });
  EXPECT_EQ(f.code, "unknown_field");
  EXPECT_EQ(f.field, "isAdmin");
  EXPECT_EQ(f.message, "Unknown field 'isAdmin'.");
}

TEST(JsonReader, FinishCountsKeysReadButAbsentOrNullAsKnown) {
  auto doc = parse_body(R"({"note": null})");
  ObjectReader in(doc);
  EXPECT_FALSE(in.optional_string("note"));
  EXPECT_NO_THROW(in.finish());
}

TEST(JsonReader, FinishIsCaseSensitive) {
  auto doc = parse_body(R"({"Name": "x"})");
  ObjectReader in(doc);
  EXPECT_FALSE(in.optional_string("name"));
  EXPECT_EQ(failure([&] { in.finish(); }).field, "Name");
}

TEST(JsonReader, FinishNamesNestedUnknownKeysByFullPath) {
  auto doc = parse_body(R"({"bookingRules": {"slotInterval": 15, "foo": 1}})");
  ObjectReader in(doc);
  auto rules = in.optional_object("bookingRules");
  ASSERT_TRUE(rules);
  (void)rules->optional_integer("slotInterval", 5, 60);
  EXPECT_NO_THROW(in.finish());  // the parent read "bookingRules"
  auto f = failure([&] { rules->finish(); });
  EXPECT_EQ(f.code, "unknown_field");
  EXPECT_EQ(f.field, "bookingRules.foo");
}

TEST(JsonReader, FinishNamesArrayElementUnknownKeysByFullPath) {
  auto doc = parse_body(R"({"durations": [{"minutes": 90}, {"minutes": 120, "x": 1}]})");
  ObjectReader in(doc);
  auto durations = in.optional_object_array("durations");
  ASSERT_TRUE(durations);
  for (auto& d : *durations) (void)d.required_integer("minutes", 15, 600);
  EXPECT_NO_THROW((*durations)[0].finish());
  auto f = failure([&] { (*durations)[1].finish(); });
  EXPECT_EQ(f.code, "unknown_field");
  EXPECT_EQ(f.field, "durations[1].x");
}

TEST(JsonReader, FinishNamesDeeplyNestedUnknownKeys) {
  auto doc = parse_body(R"({"a": {"b": [{"c": {"d": 1}}]}})");
  ObjectReader in(doc);
  auto a = in.optional_object("a");
  ASSERT_TRUE(a);
  auto b = a->optional_object_array("b");
  ASSERT_TRUE(b);
  auto c = (*b)[0].optional_object("c");
  ASSERT_TRUE(c);
  EXPECT_EQ(failure([&] { c->finish(); }).field, "a.b[0].c.d");
}

TEST(JsonReader, InvalidHelper) {
  auto f = failure([] { invalid("x.y", "Bad."); });
  EXPECT_EQ(f.code, "invalid_field");
  EXPECT_EQ(f.field, "x.y");
  EXPECT_EQ(f.message, "Bad.");
  EXPECT_EQ(failure([] { invalid("z", "Bad.", "custom_code"); }).code, "custom_code");
}

}  // namespace
}  // namespace maitred::json
