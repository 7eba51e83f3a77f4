// The CSV reader: quoting, line numbers in errors, BOM and CRLF.
#include "data/csv.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

TEST(Csv, ParsesQuotedFieldsAndLines) {
  const auto t = CsvTable::parse("t.csv", "\xEF\xBB\xBF" "a,b\r\n1,\"x, \"\"y\"\"\"\n\n2,\"multi\nline\"\n3,z");
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  ASSERT_EQ(t->size(), 3u);
  EXPECT_EQ(t->header()[0], "a");
  EXPECT_EQ(t->cell(0, 1), "x, \"y\"");
  EXPECT_EQ(t->cell(1, 1), "multi\nline");
  EXPECT_EQ(t->line(0), 2);
  EXPECT_EQ(t->line(1), 4);
  EXPECT_EQ(t->line(2), 6);
  EXPECT_EQ(t->column("b"), 1);
  EXPECT_EQ(t->column("c"), -1);
}

TEST(Csv, ErrorsNameFileAndLine) {
  EXPECT_EQ(CsvTable::parse("t.csv", "a,b\n1,2\n3\n").status().message(), "t.csv:3: 1 fields, the header has 2");
  EXPECT_EQ(CsvTable::parse("t.csv", "a\n\"open\n").status().message(), "t.csv:2: unterminated quoted field");
  EXPECT_EQ(CsvTable::parse("t.csv", "a\nx\"y\n").status().message(), "t.csv:2: stray quote inside a field");
  EXPECT_EQ(CsvTable::parse("t.csv", "").status().code(), StatusCode::kDataError);
  const auto t = CsvTable::parse("t.csv", "a,b\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->require_columns({"a", "c"}).message(), "t.csv:1: missing column 'c'");
}

}  // namespace
}  // namespace carbonscope
