// `run --start-when-clean`: the start, between now and a deadline, that gives a job of
// known expected duration the lowest mean grid intensity at its place, from the place's
// hourly series (its own hours, or a whole-week profile of them: hourly_profile.h).
// Candidates are now and every whole UTC hour after it that leaves the job's duration
// before the deadline; ties go to the earliest.
#pragma once

#include <optional>
#include <string>

#include "accounting/hourly_profile.h"
#include "carbonscope/status.h"

namespace carbonscope {

struct CleanStartQuery {
  double now_unix = 0;
  double deadline_unix = 0;
  Duration duration{0};  // the job's expected duration
};

struct CleanStartChoice {
  double start_unix = 0;
  bool at_once = true;                  // start now
  std::optional<HourlyIntensity> best;  // the chosen start's mean intensity (absent without data)
  std::optional<HourlyIntensity> now;   // starting now
  std::size_t starts = 0;               // candidate starts compared
  std::string reason;                   // without data: why the job starts at once
  // Expected saving against starting now, in percent of the job's emissions (energy and
  // PUE are the same at either start, so it is the intensities' ratio).
  double saving_percent() const;
};

// kInvalidArgument when the deadline is not after now, the duration is not positive or
// longer than the time to the deadline (the messages say what to change). `series` may
// be null (no hourly data for the place): the choice is then to start at once, saying so.
Result<CleanStartChoice> choose_clean_start(const HourlySeries* series, const CleanStartQuery& q);

}  // namespace carbonscope
