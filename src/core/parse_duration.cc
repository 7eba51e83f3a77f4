// Durations as people and schedulers write them: unit sums ("118d5h41m", "90min") and
// clock forms ("02:30:00", Slurm's "1-02:30:00"). A bare number is refused: it does not
// say whether it counts hours or minutes.
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "carbonscope/limits.h"
#include "carbonscope/parse.h"
#include "core/unit_match.h"

namespace carbonscope {
namespace {

constexpr std::string_view kForm =
    "a duration such as 12h, 90min, 30s, 100ms, 118d5h41m, 02:30:00 or 1-02:30:00 (days-hours:minutes:seconds)";

const std::vector<UnitSpelling>& duration_units() {
  static const std::vector<UnitSpelling> k = [] {
    std::vector<UnitSpelling> out = {
        exact_case("ms", 1e-3, "milliseconds"), exact_case("m", 60, "minutes"),
        refused_unit("M", "M means minutes in some notations and months in others: write m or min for minutes, "
                          "or days (30d)")};
    const std::pair<const char*, double> plain[] = {
        {"s", 1},       {"sec", 1},      {"secs", 1},      {"second", 1},    {"seconds", 1},  {"min", 60},
        {"mins", 60},   {"minute", 60},  {"minutes", 60},  {"h", 3600},      {"hr", 3600},    {"hrs", 3600},
        {"hour", 3600}, {"hours", 3600}, {"d", 86400},     {"day", 86400},   {"days", 86400}, {"w", 604800},
        {"wk", 604800}, {"week", 604800}, {"weeks", 604800}};
    for (const auto& [name, seconds] : plain) out.push_back(free_case(name, seconds));
    return out;
  }();
  return k;
}

Status bad(std::string_view text, std::string_view why) {
  return Status::invalid_argument(fmt::format("'{}' {}; expected {}", text, why, kForm));
}

// Digits only, at least one.
bool read_whole(std::string_view s, double& out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return read_number(s, out) == s.size();
}

// [D-]H:MM:SS[.fff]: hours unbounded without days, below 24 with them; minutes and
// seconds below 60.
Result<double> clock_seconds(std::string_view text, std::string_view t) {
  double days = 0;
  bool has_days = false;
  if (const auto dash = t.find('-'); dash != std::string_view::npos) {
    if (!read_whole(t.substr(0, dash), days)) return bad(text, "has a bad day count before '-'");
    has_days = true;
    t.remove_prefix(dash + 1);
  }
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto colon = t.find(':', start);
    parts.push_back(t.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (parts.size() != 3) {
    return bad(text, "is not a clock time: write hours:minutes:seconds, such as 02:30:00 (2:30 alone could be "
                     "hours:minutes or minutes:seconds)");
  }
  double h = 0, m = 0, s = 0;
  std::string_view sec = parts[2];
  const auto dot = sec.find('.');
  double frac = 0;
  if (dot != std::string_view::npos) {
    const std::string_view f = sec.substr(dot);
    if (f.size() < 2 || read_number(f, frac) != f.size()) return bad(text, "has bad seconds");
    sec = sec.substr(0, dot);
  }
  if (!read_whole(parts[0], h) || !read_whole(parts[1], m) || !read_whole(sec, s) || parts[1].size() != 2 ||
      sec.size() != 2) {
    return bad(text, "is not a clock time such as 02:30:00");
  }
  if (m >= 60 || s >= 60 || (has_days && h >= 24)) {
    return bad(text, has_days ? "is out of range (hours below 24, minutes and seconds below 60)"
                              : "is out of range (minutes and seconds below 60)");
  }
  return days * 86400 + h * 3600 + m * 60 + s + frac;
}

}  // namespace

Result<Duration> parse_duration(std::string_view text) {
  std::string_view t = trim(text);
  if (t.empty()) return Status::invalid_argument(fmt::format("empty duration; expected {}", kForm));
  double seconds = 0;
  if (t.find(':') != std::string_view::npos) {
    CS_ASSIGN_OR_RETURN(seconds, clock_seconds(text, t));
  } else {
    while (!t.empty()) {
      double v = 0;
      const std::size_t n = read_number(t, v);
      if (n == 0 || !std::isfinite(v) || v < 0) return bad(text, "is not a valid duration");
      t.remove_prefix(n);
      t = trim(t);  // "10 h 30 min"
      std::size_t len = 0;
      while (len < t.size() && std::isalpha(static_cast<unsigned char>(t[len]))) ++len;
      const std::string_view unit = t.substr(0, len);
      t.remove_prefix(len);
      t = trim(t);
      if (unit.empty()) {
        if (t.empty() && n == trim(text).size()) {
          return bad(text, fmt::format("has no unit (write {0}h, {0}min or {0}s)", trim(text)));
        }
        return bad(text, "has a number without a unit");
      }
      CS_ASSIGN_OR_RETURN(const double factor, match_unit(unit, duration_units(), text, kForm));
      seconds += v * factor;
    }
  }
  if (!(seconds > 0 && std::isfinite(seconds))) {
    return Status::invalid_argument(fmt::format("duration must be greater than zero, got '{}'", text));
  }
  if (seconds > kMaxSeconds) {
    return Status::invalid_argument(
        fmt::format("duration '{}' is more than 1,000 years, beyond any real job: check its unit", text));
  }
  return Duration(seconds);
}

}  // namespace carbonscope
