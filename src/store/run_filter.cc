// Parsing of the filter words and dates the ledger commands accept.
#include "carbonscope/run_filter.h"

#include <cmath>
#include <cstdio>
#include <ctime>

#include <fmt/format.h>

#include "core/utc_time.h"

namespace carbonscope {

Result<double> parse_utc_time(std::string_view text, bool end_of_day) {
  const std::string s(text);
  std::tm tm{};
  int consumed = 0;
  auto bad = [&] {
    return Status::invalid_argument(fmt::format(
        "'{}' is not a date: write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)", s));
  };
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &consumed) != 3 ||
      consumed != 10) {
    return bad();
  }
  bool date_only = s.size() == 10;
  if (!date_only) {
    int rest = 0;
    const char sep = s[10];
    if ((sep != 'T' && sep != ' ') ||
        std::sscanf(s.c_str() + 11, "%2d:%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &rest) != 3) {
      return bad();
    }
    const std::string tail = s.substr(11 + static_cast<std::size_t>(rest));
    if (!tail.empty() && tail != "Z") return bad();
  }
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
      tm.tm_min > 59 || tm.tm_sec > 60) {
    return bad();
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  const int day = tm.tm_mday;
  double t = static_cast<double>(timegm(&tm));
  if (tm.tm_mday != day) return bad();  // 2026-02-30: timegm moved it into March
  if (date_only && end_of_day) t += 86400.0;
  return t;
}

Result<bool> parse_run_status(std::string_view text) {
  if (text == "complete") return true;
  if (text == "incomplete") return false;
  return Status::invalid_argument(
      fmt::format("unknown status '{}': use complete or incomplete", text));
}

Result<RunFilter> parse_run_filter(const FilterWords& w) {
  RunFilter filter;
  filter.project = w.project;
  filter.tags = w.tags;
  filter.limit = w.limit;
  if (!w.since.empty()) {
    CS_ASSIGN_OR_RETURN(double t, parse_utc_time(w.since, /*end_of_day=*/false));
    filter.since_unix = t;
  }
  if (!w.until.empty()) {
    CS_ASSIGN_OR_RETURN(double t, parse_utc_time(w.until, /*end_of_day=*/true));
    filter.until_unix = t;
  }
  if (!w.status.empty()) {
    CS_ASSIGN_OR_RETURN(bool complete, parse_run_status(w.status));
    filter.complete = complete;
  }
  if (!w.kind.empty()) {
    CS_ASSIGN_OR_RETURN(RunKind kind, parse_run_kind(w.kind));
    filter.kind = kind;
  }
  return filter;
}

bool is_valid_run_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) return false;
  }
  return id != "." && id != "..";
}

std::string make_run_id(double unix_seconds, std::uint64_t random_bits) {
  return fmt::format("{}-{:012x}", format_utc(unix_seconds, UtcFormat::kCompact), random_bits & 0xFFFFFFFFFFFFull);
}

}  // namespace carbonscope
