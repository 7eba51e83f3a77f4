// The public clean start (carbonscope/clean_start.h): the place resolved to its hourly
// series over the window (plan_places.h), then the choice (clean_start.h).
#include "carbonscope/clean_start.h"

#include <cmath>
#include <optional>

#include "accounting/clean_start.h"
#include "accounting/plan_places.h"

namespace carbonscope {

Result<CleanStart> plan_clean_start(const DataSet& data, const HourlyData* hourly, const CleanStartRequest& r) {
  CleanStart out;
  std::optional<PlanPlace> place;
  if (!r.place.empty()) {
    if (hourly == nullptr) return Status::internal("plan_clean_start: a place needs the hourly data");
    PlaceFilter f;
    f.year = r.year;
    f.window_first = static_cast<UnixHour>(std::floor(r.now_unix / 3600));
    f.window_hours = static_cast<std::int64_t>(std::ceil(r.deadline_unix / 3600)) - f.window_first;
    CS_ASSIGN_OR_RETURN(place, plan_place(data, *hourly, r.place, f));
    out.place = place->label;
  }
  CS_ASSIGN_OR_RETURN(CleanStartChoice c, choose_clean_start(place ? place->hourly : nullptr,
                                                             {r.now_unix, r.deadline_unix, r.duration}));
  out.has_data = c.best.has_value();
  out.reason = c.reason;
  out.start_unix = c.start_unix;
  out.at_once = c.at_once;
  out.starts = c.starts;
  if (c.best) {
    out.data = c.best->data;
    out.best = c.best->intensity;
  }
  if (c.now) out.now = c.now->intensity;
  out.saving_percent = c.saving_percent();
  return out;
}

}  // namespace carbonscope
