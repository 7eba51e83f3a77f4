// The civil calendar in UTC and the formats of format_utc (see utc_time.h).
#include "core/utc_time.h"

#include <cmath>

#include <fmt/format.h>

namespace carbonscope {

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  CivilDate d;
  d.day = doy - (153 * mp + 2) / 5 + 1;
  d.month = mp < 10 ? mp + 3 : mp - 9;
  d.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

UtcTime utc_time(double unix_seconds) {
  const auto t = static_cast<std::int64_t>(std::floor(unix_seconds));
  std::int64_t days = t / 86400;
  std::int64_t secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  UtcTime u;
  u.date = civil_from_days(days);
  u.hour = static_cast<unsigned>(secs / 3600);
  u.minute = static_cast<unsigned>(secs % 3600 / 60);
  u.second = static_cast<unsigned>(secs % 60);
  return u;
}

std::string format_utc(double unix_seconds, UtcFormat format) {
  const UtcTime u = utc_time(unix_seconds);
  const CivilDate& d = u.date;
  switch (format) {
    case UtcFormat::kIso8601:
      return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", d.year, d.month, d.day, u.hour, u.minute, u.second);
    case UtcFormat::kIsoMinute:
      return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}Z", d.year, d.month, d.day, u.hour, u.minute);
    case UtcFormat::kMinute:
      return fmt::format("{:04}-{:02}-{:02} {:02}:{:02} UTC", d.year, d.month, d.day, u.hour, u.minute);
    case UtcFormat::kCompact:
      return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", d.year, d.month, d.day, u.hour, u.minute, u.second);
    case UtcFormat::kOffset:
      return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+00:00", d.year, d.month, d.day, u.hour, u.minute,
                         u.second);
  }
  return "";
}

}  // namespace carbonscope
