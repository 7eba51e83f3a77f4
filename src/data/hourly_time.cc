// ISO 8601 times for the hourly series and the planner: parsing with an explicit zone
// (or a stated assumption of UTC), formatting of UTC hours. No locale, no TZ database.
#include <cctype>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "carbonscope/hourly.h"
#include "core/utc_time.h"

namespace carbonscope {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

Result<std::int64_t> parse_utc_time(std::string_view text, bool assume_utc, bool allow_date) {
  const auto bad = [&](std::string_view why) {
    return Status::invalid_argument(
        fmt::format("'{}' is not a time such as 2022-07-01T00:00Z: {}", text, why));
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, mo) ||
      text[7] != '-' || !digits(text, 8, 2, d)) {
    return bad("expected YYYY-MM-DD first");
  }
  if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(mo))) {
    return bad("no such date");
  }
  std::size_t pos = 10;
  if (pos == text.size()) {
    if (!allow_date) return bad("give a time of day and a zone, e.g. 2022-07-01T00:00Z");
    return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400;
  }
  if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')
    return bad("expected T between date and time");
  ++pos;
  if (pos + 5 > text.size() || !digits(text, pos, 2, h) || text[pos + 2] != ':' ||
      !digits(text, pos + 3, 2, mi)) {
    return bad("expected HH:MM after the date");
  }
  pos += 5;
  if (pos < text.size() && text[pos] == ':') {
    if (!digits(text, pos + 1, 2, s)) return bad("expected seconds after HH:MM:");
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {  // fractional seconds: ignored
      ++pos;
      while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
    }
  }
  if (h > 24 || mi > 59 || s > 60 || (h == 24 && (mi != 0 || s != 0))) return bad("no such time of day");
  std::int64_t offset = 0;
  if (pos == text.size()) {
    if (!assume_utc) {
      return Status::invalid_argument(
          fmt::format("'{}' has no time zone: add Z for UTC (2022-07-01T00:00Z) or an "
                      "offset such as +02:00",
                      text));
    }
  } else if (text[pos] == 'Z' || text[pos] == 'z') {
    if (pos + 1 != text.size()) return bad("unexpected text after Z");
  } else if (text[pos] == '+' || text[pos] == '-') {
    int oh = 0, om = 0;
    const std::string_view rest = text.substr(pos + 1);
    if (rest.size() == 5 && rest[2] == ':' && digits(rest, 0, 2, oh) && digits(rest, 3, 2, om)) {
    } else if (rest.size() == 4 && digits(rest, 0, 2, oh) && digits(rest, 2, 2, om)) {
    } else if (rest.size() == 2 && digits(rest, 0, 2, oh)) {
    } else {
      return bad("the offset must be +HH:MM, +HHMM or +HH");
    }
    if (oh > 14 || om > 59) return bad("offset out of range");
    offset = (oh * 3600 + om * 60) * (text[pos] == '+' ? 1 : -1);
  } else {
    return bad("expected Z or an offset such as +02:00 after the time");
  }
  const std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return days * 86400 + h * 3600 + mi * 60 + s - offset;
}

std::string format_utc_hour(UnixHour hour) {
  return format_utc(static_cast<double>(hour) * 3600, UtcFormat::kIsoMinute);
}

std::string format_utc_date(UnixHour hour) { return format_utc_hour(hour).substr(0, 10); }

std::string format_iso_minute(double unix) { return format_utc(unix, UtcFormat::kIsoMinute); }

}  // namespace carbonscope
