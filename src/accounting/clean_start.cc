// The best start before a deadline, from the place's hourly series.
#include "accounting/clean_start.h"

#include <cmath>

#include <fmt/format.h>

#include "carbonscope/format.h"

namespace carbonscope {
double CleanStartChoice::saving_percent() const {
  if (!best || !now) return 0;
  const double n = now->intensity.central.g_per_kwh();
  return n > 0 ? 100.0 * (n - best->intensity.central.g_per_kwh()) / n : 0;
}

Result<CleanStartChoice> choose_clean_start(const HourlySeries* series, const CleanStartQuery& q) {
  const double dur = q.duration.count();
  if (!(dur > 0)) {
    return Status::invalid_argument(
        "--expected-duration must be positive (how long the command runs: 2h, 90min)");
  }
  if (q.deadline_unix <= q.now_unix) {
    return Status::invalid_argument(
        fmt::format("--deadline {} is not after now ({}): give a later time, or a duration from now (8h)",
                    format_iso_minute(q.deadline_unix), format_iso_minute(q.now_unix)));
  }
  if (q.now_unix + dur > q.deadline_unix) {
    return Status::invalid_argument(fmt::format(
        "the command's expected duration {} does not fit between now ({}) and the deadline {}: move the "
        "deadline to {} or later, or drop --start-when-clean to start at once",
        format_duration(q.duration), format_iso_minute(q.now_unix), format_iso_minute(q.deadline_unix),
        format_iso_minute(q.now_unix + dur)));
  }
  CleanStartChoice c;
  c.start_unix = q.now_unix;
  if (series == nullptr) {
    c.reason = "no hourly series for this place (import one with 'carbonscope data import-intensity')";
    return c;
  }
  const std::vector<EnergyPiece> window{{q.now_unix, q.deadline_unix, 1}};
  const std::optional<SeriesReading> reading = reading_for(*series, window);
  if (!reading) {
    c.reason = fmt::format(
        "the {} hourly series ({} to {}) has gaps or is too short to cover the window from {} to {}, even "
        "as a weekly profile",
        series->zone, format_utc_date(series->first), format_utc_date(series->end() - 1),
        format_iso_minute(q.now_unix), format_iso_minute(q.deadline_unix));
    return c;
  }
  auto at = [&](double t) { return hourly_intensity(*reading, {{t, t + dur, 1}}); };
  c.now = at(q.now_unix);
  if (!c.now) {
    c.reason = "the hourly series has a gap at the current hours";
    return c;
  }
  c.best = c.now;
  c.starts = 1;
  for (double t = std::floor(q.now_unix / 3600.0 + 1) * 3600.0; t + dur <= q.deadline_unix; t += 3600.0) {
    const std::optional<HourlyIntensity> v = at(t);
    if (!v) continue;
    ++c.starts;
    if (v->intensity.central < c.best->intensity.central) {
      c.best = v;
      c.start_unix = t;
      c.at_once = false;
    }
  }
  return c;
}

}  // namespace carbonscope
