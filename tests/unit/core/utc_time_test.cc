// The one calendar and the formats of format_utc; the text helpers.
#include "core/utc_time.h"

#include <gtest/gtest.h>

#include "core/text.h"

namespace carbonscope {
namespace {

TEST(UtcTime, EveryFormatOfOneInstant) {
  const double t = 1700000000.75;  // 2023-11-14 22:13:20 UTC, and a fraction (floored)
  EXPECT_EQ(format_utc(t, UtcFormat::kIso8601), "2023-11-14T22:13:20Z");
  EXPECT_EQ(format_utc(t, UtcFormat::kIsoMinute), "2023-11-14T22:13Z");
  EXPECT_EQ(format_utc(t, UtcFormat::kMinute), "2023-11-14 22:13 UTC");
  EXPECT_EQ(format_utc(t, UtcFormat::kCompact), "20231114T221320Z");
  EXPECT_EQ(format_utc(t, UtcFormat::kOffset), "2023-11-14T22:13:20+00:00");
}

TEST(UtcTime, BeforeTheEpochAndLeapDays) {
  EXPECT_EQ(format_utc(-1, UtcFormat::kIso8601), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_utc(951782400, UtcFormat::kIso8601), "2000-02-29T00:00:00Z");
  EXPECT_EQ(format_utc(0, UtcFormat::kCompact), "19700101T000000Z");
}

TEST(UtcTime, CivilDaysRoundTrip) {
  for (std::int64_t d = -800000; d <= 800000; d += 997) {
    const CivilDate c = civil_from_days(d);
    EXPECT_EQ(days_from_civil(c.year, c.month, c.day), d);
  }
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28), 2);  // 2024 is a leap year
  EXPECT_EQ(days_from_civil(2100, 3, 1) - days_from_civil(2100, 2, 28), 1);  // 2100 is not
}

TEST(Text, TrimAndLower) {
  EXPECT_EQ(trim("  a b\t\r\n"), "a b");
  EXPECT_EQ(trim("\n\n"), "");
  EXPECT_EQ(ascii_lower("AWS:US-East-1 Ä"), "aws:us-east-1 \xc3\x84");  // bytes beyond ASCII kept
}

}  // namespace
}  // namespace carbonscope
