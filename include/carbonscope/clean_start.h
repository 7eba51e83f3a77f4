// `run --start-when-clean`: the start, between now and a deadline, that gives a job of
// known expected duration the lowest mean grid intensity at its place (a cloud region or
// a zone), from the place's hourly series or a whole-week profile of it. Candidates are
// now and every whole UTC hour after it that leaves the job's duration before the
// deadline; ties go to the earliest.
#pragma once

#include <cstddef>
#include <string>

#include "carbonscope/data.h"
#include "carbonscope/hourly.h"
#include "carbonscope/provenance.h"
#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope {

struct CleanStartRequest {
  double now_unix = 0;
  double deadline_unix = 0;
  Duration duration{0};  // the job's expected duration
  std::string place;     // "aws:us-east-1" or a zone ("FR", "France"); empty: none known
  int year = 0;          // the place's annual data year; 0 = latest
};

struct CleanStart {
  std::string place = "this machine";  // the place's label
  // False without an hourly series for the job's hours: start at once, `reason` says why.
  bool has_data = false;
  std::string reason;
  double start_unix = 0;
  bool at_once = true;     // start now
  std::size_t starts = 0;  // candidate starts compared
  std::string data;        // the chosen start's data ("hourly intensity, PJM 2022 [eia930]")
  Range<CarbonIntensity> best, now;  // mean intensity over the job at the chosen start, and now
  // Expected saving against starting now, in percent of the job's emissions.
  double saving_percent = 0;
};

// `hourly` may be null when request.place is empty. kInvalidArgument when the deadline
// is not after now or the duration is not positive or does not fit before it, and for a
// place the tables do not know (the messages say what to change).
Result<CleanStart> plan_clean_start(const DataSet& data, const HourlyData* hourly, const CleanStartRequest& request);

}  // namespace carbonscope
