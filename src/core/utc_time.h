// Times as text, written once: the civil date of a Unix time in UTC (H. Hinnant's
// algorithm: no locale, no TZ database, no gmtime) and the few formats carbonscope
// writes. report.json, the ledger's exports, run ids, emissions.csv, the hourly series
// and every report for people go through format_utc.
#pragma once

#include <cstdint>
#include <string>

namespace carbonscope {

// Days since 1970-01-01 of a proleptic Gregorian date, and the date of such a day.
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
struct CivilDate {
  int year = 1970;
  unsigned month = 1, day = 1;
};
CivilDate civil_from_days(std::int64_t days);

// The fields of a Unix time in UTC, seconds floored.
struct UtcTime {
  CivilDate date;
  unsigned hour = 0, minute = 0, second = 0;
};
UtcTime utc_time(double unix_seconds);

enum class UtcFormat {
  kIso8601,    // "2026-11-22T07:04:25Z": report.json, JSON exports
  kIsoMinute,  // "2026-11-22T07:04Z": hourly series, plans
  kMinute,     // "2026-11-22 07:04 UTC": reports and tables for people
  kCompact,    // "20261122T070425Z": the time part of run ids (sorts as text)
  kOffset,     // "2026-11-22T07:04:25+00:00": CodeCarbon's emissions.csv
};
std::string format_utc(double unix_seconds, UtcFormat format);

}  // namespace carbonscope
