#include "core/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace maitred::core {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows fields(std::string_view text) {
  Rows out;
  for (auto& record : read_csv(text)) out.push_back(record.fields);
  return out;
}

TEST(CsvReader, PlainRecordsWithLfOrCrlf) {
  EXPECT_EQ(fields("a,b\n1,2\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(fields("a,b\r\n1,2\r\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(fields("a,b\r1,2"), (Rows{{"a", "b"}, {"1", "2"}}));  // old Mac line ends
  EXPECT_EQ(fields("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));  // no final line end
}

TEST(CsvReader, EmptyFieldsAreKept) {
  EXPECT_EQ(fields("a,,c\n,,\n"), (Rows{{"a", "", "c"}, {"", "", ""}}));
  EXPECT_EQ(fields("a,"), (Rows{{"a", ""}}));
}

TEST(CsvReader, QuotedFieldsHoldSeparatorsLineBreaksAndDoubledQuotes) {
  EXPECT_EQ(fields("\"Lovelace, Ada\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n"),
            (Rows{{"Lovelace, Ada", "say \"hi\"", "two\r\nlines"}}));
  EXPECT_EQ(fields("\"\",x\n"), (Rows{{"", "x"}}));
}

TEST(CsvReader, ByteOrderMarkIsSkipped) {
  EXPECT_EQ(fields("\xEF\xBB\xBFname,email\nAda,a@b.co\n"), (Rows{{"name", "email"}, {"Ada", "a@b.co"}}));
}

TEST(CsvReader, BlankLinesAreSkippedButAQuotedEmptyFieldIsARecord) {
  EXPECT_EQ(fields("a\n\n\r\nb\n\n"), (Rows{{"a"}, {"b"}}));
  EXPECT_EQ(fields("a\n\"\"\n"), (Rows{{"a"}, {""}}));
  EXPECT_TRUE(fields("").empty());
  EXPECT_TRUE(fields("\n\n").empty());
}

TEST(CsvReader, RaggedRecordsAreReturnedAsTheyAre) {
  EXPECT_EQ(fields("a,b,c\n1\n1,2,3,4\n"), (Rows{{"a", "b", "c"}, {"1"}, {"1", "2", "3", "4"}}));
}

TEST(CsvReader, RecordsKnowTheLineTheyStartOn) {
  auto records = read_csv("h\n\n\"multi\nline\"\nlast\n");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].line, 1u);
  EXPECT_EQ(records[1].line, 3u);
  EXPECT_EQ(records[2].line, 5u);
}

TEST(CsvReader, MalformedQuotingIsRefusedWithTheLine) {
  try {
    read_csv("a\nb,\"open\n");
    FAIL() << "an unterminated quote must be refused";
  } catch (const CsvError& e) {
    EXPECT_EQ(e.line, 2u);
    EXPECT_NE(std::string(e.what()).find("never closed"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_csv("\"a\"b,c\n"), CsvError);  // text after the closing quote
  EXPECT_THROW(read_csv("ab\"c\n"), CsvError);     // a quote inside an unquoted field
}

TEST(CsvReader, StopsAfterTheLimit) {
  EXPECT_EQ(read_csv("a\nb\nc\n", 3).size(), 3u);
  EXPECT_THROW(read_csv("a\nb\nc\nd\n", 3), CsvTooManyRecords);
}

}  // namespace
}  // namespace maitred::core
