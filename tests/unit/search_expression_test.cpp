#include "domain/search_expression.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/errors.hpp"

namespace maitred::domain {
namespace {

using Kind = SearchValue::Kind;

// One expected term, written compactly for the tables below (a constructor
// with defaults, so short rows leave no member uninitialised).
struct Expected {
  Expected(std::string path_, SearchOp op_, Kind kind_, std::string text_, double number_ = 0, bool boolean_ = false,
           std::optional<std::string> instant_ = std::nullopt, std::size_t position_ = 0)
      : path(std::move(path_)),
        op(op_),
        kind(kind_),
        text(std::move(text_)),
        number(number_),
        boolean(boolean_),
        instant(std::move(instant_)),
        position(position_) {}
  std::string path;
  SearchOp op;
  Kind kind;
  std::string text;
  double number = 0;
  bool boolean = false;
  std::optional<std::string> instant;
  std::size_t position = 0;
};

struct ValidCase {
  std::string input;
  std::vector<Expected> terms;
};

void expect_terms(const std::string& input, const std::vector<Expected>& expected) {
  SCOPED_TRACE(input);
  SearchExpression parsed;
  ASSERT_NO_THROW(parsed = parse_search_expression(input));
  ASSERT_EQ(parsed.terms.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE("term " + std::to_string(i));
    const auto& got = parsed.terms[i];
    const auto& want = expected[i];
    EXPECT_EQ(got.path, want.path);
    EXPECT_EQ(got.op, want.op);
    EXPECT_EQ(got.value.kind, want.kind);
    EXPECT_EQ(got.value.text, want.text);
    EXPECT_EQ(got.value.number, want.number);
    EXPECT_EQ(got.value.boolean, want.boolean);
    EXPECT_EQ(got.value.instant, want.instant);
    EXPECT_EQ(got.position, want.position);
  }
}

TEST(SearchExpression, SpecExamples) {
  const std::vector<ValidCase> cases = {
      {R"(people>2,status:"approved")",
       {{"people", SearchOp::greater, Kind::number, "2", 2, false, std::nullopt, 0},
        {"status", SearchOp::equals, Kind::string, "approved", 0, false, std::nullopt, 9}}},
      {R"(date<"2021-09-18",source;"google")",
       {{"date", SearchOp::less, Kind::string, "2021-09-18", 0, false, "2021-09-18", 0},
        {"source", SearchOp::contains, Kind::string, "google", 0, false, std::nullopt, 18}}},
      {R"(guest.phone:"4511111111")",
       {{"guest.phone", SearchOp::equals, Kind::string, "4511111111", 0, false, std::nullopt, 0}}},
  };
  for (const auto& c : cases) expect_terms(c.input, c.terms);
}

TEST(SearchExpression, InstantsAreNormalisedToUtc) {
  const std::vector<ValidCase> cases = {
      {R"(activityAt>"2026-11-24T10:00:00Z")",
       {{"activityAt", SearchOp::greater, Kind::string, "2026-11-24T10:00:00Z", 0, false, "2026-11-24T10:00:00Z"}}},
      {R"(activityAt>"2026-11-24T11:00:00+01:00")",
       {{"activityAt", SearchOp::greater, Kind::string, "2026-11-24T11:00:00+01:00", 0, false,
         "2026-11-24T10:00:00Z"}}},
      // A negative offset that crosses midnight and a month end.
      {R"(dateTime<"2026-11-30T22:30:00-02:00")",
       {{"dateTime", SearchOp::less, Kind::string, "2026-11-30T22:30:00-02:00", 0, false, "2026-12-01T00:30:00Z"}}},
      // Crossing a year backwards, offset without a colon.
      {R"(dateTime>"2027-01-01T00:15:00+0530")",
       {{"dateTime", SearchOp::greater, Kind::string, "2027-01-01T00:15:00+0530", 0, false, "2026-12-31T18:45:00Z"}}},
      // Fractional seconds are dropped, seconds may be left out.
      {R"(createdAt>"2026-11-24T10:00:59.999Z")",
       {{"createdAt", SearchOp::greater, Kind::string, "2026-11-24T10:00:59.999Z", 0, false, "2026-11-24T10:00:59Z"}}},
      {R"(createdAt<"2026-11-24T10:05Z")",
       {{"createdAt", SearchOp::less, Kind::string, "2026-11-24T10:05Z", 0, false, "2026-11-24T10:05:00Z"}}},
      // Leap day.
      {R"(date:"2028-02-29")", {{"date", SearchOp::equals, Kind::string, "2028-02-29", 0, false, "2028-02-29"}}},
      // Not instants: an impossible date, a date-time without a zone, a time.
      {R"(note:"2026-02-30")", {{"note", SearchOp::equals, Kind::string, "2026-02-30"}}},
      {R"(note:"2026-11-24T10:00:00")", {{"note", SearchOp::equals, Kind::string, "2026-11-24T10:00:00"}}},
      {R"(note:"2026-11-24T24:00:00Z")", {{"note", SearchOp::equals, Kind::string, "2026-11-24T24:00:00Z"}}},
      {R"(note:"2026-11-24 10:00:00Z")", {{"note", SearchOp::equals, Kind::string, "2026-11-24 10:00:00Z"}}},
  };
  for (const auto& c : cases) expect_terms(c.input, c.terms);
}

TEST(SearchExpression, NormaliseInstantDirectly) {
  EXPECT_EQ(normalise_instant("2026-11-24"), "2026-11-24");
  EXPECT_EQ(normalise_instant("2026-11-24T00:00:00+14:00"), "2026-11-23T10:00:00Z");
  EXPECT_EQ(normalise_instant("0000-01-01T00:00:00Z"), "0000-01-01T00:00:00Z");
  EXPECT_EQ(normalise_instant("0000-01-01T00:00:00+01:00"), std::nullopt);  // year -1
  EXPECT_EQ(normalise_instant("9999-12-31T23:30:00-01:00"), std::nullopt);  // year 10000
  EXPECT_EQ(normalise_instant("2026-11-24T10:00:00.Z"), std::nullopt);
  EXPECT_EQ(normalise_instant("2026-11-24T10:00:00Zjunk"), std::nullopt);
  EXPECT_EQ(normalise_instant("2026-11-24T10:00:00+1:00"), std::nullopt);
  EXPECT_EQ(normalise_instant("2026-11-24T10:00:00z"), std::nullopt);
  EXPECT_EQ(normalise_instant("26-11-24"), std::nullopt);
}

TEST(SearchExpression, Strings) {
  const std::vector<ValidCase> cases = {
      {R"(guest.name:"Anna \"Bee\" O\\Neil")",
       {{"guest.name", SearchOp::equals, Kind::string, "Anna \"Bee\" O\\Neil"}}},
      {R"(comment;"a\/b\nc\td")", {{"comment", SearchOp::contains, Kind::string, "a/b\nc\td"}}},
      {R"(comment;"\r\b\f")", {{"comment", SearchOp::contains, Kind::string, "\r\b\f"}}},
      {R"(guest.name:"\u00e9\u20AC")", {{"guest.name", SearchOp::equals, Kind::string, "\xC3\xA9\xE2\x82\xAC"}}},
      // U+1F600 as a surrogate pair.
      {R"(guest.name:"\uD83D\uDE00")", {{"guest.name", SearchOp::equals, Kind::string, "\xF0\x9F\x98\x80"}}},
      // Raw UTF-8 passes through.
      {"guest.name:\"S\xC3\xB8ren\"", {{"guest.name", SearchOp::equals, Kind::string, "S\xC3\xB8ren"}}},
      {R"(note:"")", {{"note", SearchOp::equals, Kind::string, ""}}},
      {R"(note:"a,b:c;d<e>f")", {{"note", SearchOp::equals, Kind::string, "a,b:c;d<e>f"}}},
  };
  for (const auto& c : cases) expect_terms(c.input, c.terms);
}

TEST(SearchExpression, NumbersAndBooleans) {
  const std::vector<ValidCase> cases = {
      {"people:4", {{"people", SearchOp::equals, Kind::number, "4", 4}}},
      {"people>-2", {{"people", SearchOp::greater, Kind::number, "-2", -2}}},
      {"total<12.75", {{"total", SearchOp::less, Kind::number, "12.75", 12.75}}},
      {"total<1.5e3", {{"total", SearchOp::less, Kind::number, "1.5e3", 1500}}},
      {"total>-2E-2", {{"total", SearchOp::greater, Kind::number, "-2E-2", -0.02}}},
      {"total>1e+2", {{"total", SearchOp::greater, Kind::number, "1e+2", 100}}},
      {"people:0", {{"people", SearchOp::equals, Kind::number, "0", 0}}},
      {"guest.notificationSms:true", {{"guest.notificationSms", SearchOp::equals, Kind::boolean, "true", 0, true}}},
      {"guest.notificationEmail:false",
       {{"guest.notificationEmail", SearchOp::equals, Kind::boolean, "false", 0, false}}},
      {"customFields.0.value:3", {{"customFields.0.value", SearchOp::equals, Kind::number, "3", 3}}},
  };
  for (const auto& c : cases) expect_terms(c.input, c.terms);
}

TEST(SearchExpression, WhitespaceAroundTokens) {
  expect_terms(" \t people > 2 ,\n status : \"approved\"  ",
               {{"people", SearchOp::greater, Kind::number, "2", 2, false, std::nullopt, 3},
                {"status", SearchOp::equals, Kind::string, "approved", 0, false, std::nullopt, 17}});
}

TEST(SearchExpression, BlankIsNoTerms) {
  for (const char* text : {"", " ", " \t\r\n "}) {
    EXPECT_TRUE(parse_search_expression(text).terms.empty()) << '"' << text << '"';
  }
}

TEST(SearchExpression, FiftyTermsAndLongPathsAreAccepted) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += (i ? "," : "") + std::string("a:1");
  EXPECT_EQ(parse_search_expression(text).terms.size(), 50u);

  const std::string ten = "a.b.c.d.e.f.g.h.i.j";
  EXPECT_EQ(parse_search_expression(ten + ":1").terms.at(0).path, ten);
  const std::string long_path(200, 'x');
  EXPECT_EQ(parse_search_expression(long_path + ":1").terms.at(0).path, long_path);
}

struct BadCase {
  std::string input;
  std::string message;
};

TEST(SearchExpression, MalformedInputsPointAtTheProblem) {
  const std::vector<BadCase> cases = {
      {"people 2", "customQuery: expected an operator (<, >, : or ;) at position 7"},
      {"people", "customQuery: expected an operator (<, >, : or ;) at position 6"},
      {"people=2", "customQuery: expected an operator (<, >, : or ;) at position 6"},
      {"people:", "customQuery: expected a value (a quoted string, a number, true or false) at position 7"},
      {"people: ,a:1", "customQuery: expected a value (a quoted string, a number, true or false) at position 8"},
      {"status:approved", "customQuery: string values must be in double quotes at position 7"},
      {R"(status:"approved",source;"goo)", "customQuery: unterminated string starting at position 25"},
      {R"(a:"x\)", "customQuery: unterminated string starting at position 2"},
      {R"(a:"x\q")", "customQuery: invalid escape \\q in string at position 4"},
      {R"(a:"\u12G4")", "customQuery: invalid \\u escape (needs four hex digits) at position 3"},
      {R"(a:"\u12")", "customQuery: invalid \\u escape (needs four hex digits) at position 3"},
      {R"(a:"x\uDE00")", "customQuery: unpaired surrogate in \\u escape at position 4"},
      {R"(a:"\uD83Dx")", "customQuery: unpaired surrogate in \\u escape at position 3"},
      {R"(a:"\uD83D\u0041")", "customQuery: unpaired surrogate in \\u escape at position 3"},
      {R"(a:"\u0000")", "customQuery: \\u0000 is not allowed in a string at position 3"},
      {"a:\"x\ty\"", "customQuery: control character in string (escape it) at position 4"},
      {"a:\"x\xC3(\"", "customQuery: invalid UTF-8 in string at position 4"},
      {"a:\"\xED\xA0\x80\"", "customQuery: invalid UTF-8 in string at position 3"},  // encoded surrogate
      {"a:\"\xC0\xAF\"", "customQuery: invalid UTF-8 in string at position 3"},      // overlong
      {"people>2,", "customQuery: trailing comma at position 8"},
      {"people>2 , ", "customQuery: trailing comma at position 9"},
      {"people>2,,status:\"x\"", "customQuery: empty term at position 9"},
      {",people>2", "customQuery: empty term at position 0"},
      {"people>2 status:\"x\"", "customQuery: expected ',' or the end of the expression at position 9"},
      {"a:\"x\"y", "customQuery: expected ',' or the end of the expression at position 5"},
      {"a:1.2.3", "customQuery: expected ',' or the end of the expression at position 5"},
      {"guest-name:\"x\"",
       "customQuery: invalid '-' in field name (letters, digits and _ joined by dots) at position 5"},
      {"guest[0]:1", "customQuery: invalid '[' in field name (letters, digits and _ joined by dots) at position 5"},
      {"$where:1", "customQuery: invalid '$' in field name (letters, digits and _ joined by dots) at position 0"},
      {"pr\xC3\xA9nom:\"x\"",
       "customQuery: invalid character in field name (letters, digits and _ joined by dots) at position 2"},
      {":\"x\"", "customQuery: expected a field name at position 0"},
      {"\"status\":\"x\"", "customQuery: expected a field name at position 0"},
      {"guest..name:\"x\"", "customQuery: empty segment in field name at position 6"},
      {".name:\"x\"", "customQuery: empty segment in field name at position 0"},
      {"a:1, guest.:\"x\"", "customQuery: empty segment in field name at position 11"},
      {"a.b.c.d.e.f.g.h.i.j.k:1", "customQuery: field name has more than 10 segments at position 20"},
      {"z:1," + std::string(201, 'x') + ":1", "customQuery: field name is longer than 200 characters at position 204"},
      {"source;42", "customQuery: the contains operator ';' needs a quoted string at position 7"},
      {"source;true", "customQuery: the contains operator ';' needs a quoted string at position 7"},
      {"arrived<true", "customQuery: true and false can only be compared with ':' at position 8"},
      {"arrived>false", "customQuery: true and false can only be compared with ':' at position 8"},
      {R"(status>"approved")",
       "customQuery: '>' needs a number, a date (\"2026-11-24\") or a date-time with Z or an offset at position 7"},
      {R"(dateTime<"2026-11-24T10:00:00")",
       "customQuery: '<' needs a number, a date (\"2026-11-24\") or a date-time with Z or an offset at position 9"},
      {"people>-", "customQuery: expected a digit at position 8"},
      {"people>-x", "customQuery: expected a digit at position 8"},
      {"total>1.", "customQuery: expected a digit after the decimal point at position 8"},
      {"total>1e+", "customQuery: expected a digit in the exponent at position 9"},
      {"total>1e999", "customQuery: number out of range at position 6"},
      {"people>+2", "customQuery: expected a value (a quoted string, a number, true or false) at position 7"},
      {"people>>2", "customQuery: expected a value (a quoted string, a number, true or false) at position 7"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    try {
      parse_search_expression(c.input);
      ADD_FAILURE() << "accepted";
    } catch (const InvalidInput& e) {
      EXPECT_EQ(e.code, "invalid_search");
      EXPECT_EQ(e.field, "customQuery");
      EXPECT_EQ(std::string(e.what()), c.message);
    }
  }
}

TEST(SearchExpression, TooManyTermsOrBytes) {
  std::string text;
  for (int i = 0; i < 51; ++i) text += (i ? "," : "") + std::string("a:1");
  try {
    parse_search_expression(text);
    ADD_FAILURE() << "51 terms accepted";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()), "customQuery: too many terms (at most 50) at position 200");
  }

  std::string long_text = "note:\"" + std::string(4089, 'x') + "\"";  // 4096 bytes
  ASSERT_EQ(long_text.size(), 4096u);
  EXPECT_EQ(parse_search_expression(long_text).terms.at(0).value.text.size(), 4089u);
  long_text.insert(0, " ");
  try {
    parse_search_expression(long_text);
    ADD_FAILURE() << "4097 bytes accepted";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(std::string(e.what()), "customQuery: the expression is longer than 4096 bytes at position 4096");
  }
}

TEST(SearchExpression, CheckFieldPath) {
  EXPECT_TRUE(is_valid_field_path("guest.phone"));
  EXPECT_TRUE(is_valid_field_path("_id"));
  EXPECT_TRUE(is_valid_field_path("0"));
  EXPECT_FALSE(is_valid_field_path(""));
  EXPECT_FALSE(is_valid_field_path("a b"));
  EXPECT_FALSE(is_valid_field_path("a.'b"));
  auto problem = check_field_path("a.b'");
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->offset, 3u);
  EXPECT_EQ(problem->reason, "invalid ''' in field name (letters, digits and _ joined by dots)");
  EXPECT_EQ(scan_field_path("guest.name:\"x\"", 0), 10u);
  EXPECT_EQ(scan_field_path("x, guest.name' OR", 3), 13u);
}

TEST(SearchExpression, InjectionAttemptsAreRefusedOrStayValues) {
  // A quote in a value is just a character of the value.
  auto parsed = parse_search_expression(R"(guest.name:"x' OR 1=1 --")");
  ASSERT_EQ(parsed.terms.size(), 1u);
  EXPECT_EQ(parsed.terms[0].value.text, "x' OR 1=1 --");
  // Outside quotes, SQL has nowhere to go.
  for (const char* text :
       {"guest.name' OR '1'='1:\"x\"", "a:1 OR 1=1", "a:1;--", "a);DROP TABLE bookings;--:1", "a:1/*"}) {
    EXPECT_THROW(parse_search_expression(text), InvalidInput) << text;
  }
  EXPECT_THROW(parse_search_expression(std::string("a:\"x\0\"", 6)), InvalidInput);
}

}  // namespace
}  // namespace maitred::domain
