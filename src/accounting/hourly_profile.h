// The hourly intensity of given hours at a place, from its series: the hours themselves
// when the series holds them ("hourly"), else a profile estimate: the same UTC hours on
// the same weekdays, shifted by whole weeks into the series, as close to the same date
// of year as the series allows (a 2026 job read from 2022's matching week), with a range
// from the weeks around it. Used by `run --start-when-clean` and the report's
// counterfactual; the planner keeps its own window arithmetic (plan.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "carbonscope/hourly.h"
#include "carbonscope/provenance.h"
#include "carbonscope/units.h"

namespace carbonscope {

// Energy drawn over [t0, t1) (Unix seconds): the job's timeline, one piece per
// interval. A job drawing evenly is one piece.
struct EnergyPiece {
  double t0 = 0, t1 = 0;
  double weight = 1;  // energy (any unit) drawn in the piece
};

// How hours of the job map onto the series: hour h is read at h - shift_h.
struct SeriesReading {
  const HourlySeries* series = nullptr;
  std::int64_t shift_h = 0;  // 0 = the job's own hours; else a multiple of 168
  bool profile() const { return shift_h != 0; }
};

// The reading for the hours [first, first + count): the series' own hours if it covers
// them, else the whole-week shift whose hours it covers, nearest the same date of year
// (a year of weeks is 52 weeks + 1.25 days), preferring the most recent year; nullopt if
// the series is shorter than the hours.
std::optional<SeriesReading> reading_for(const HourlySeries& s, UnixHour first, std::int64_t count);

// The energy-weighted mean intensity of the pieces read through `r` (each piece split at
// the hour boundaries); nullopt if any hour is missing.
std::optional<double> weighted_intensity(const SeriesReading& r, const std::vector<EnergyPiece>& pieces);

struct HourlyIntensity {
  Range<CarbonIntensity> intensity;  // energy-weighted mean over the job's hours
  SeriesReading reading;
  std::string basis;  // "hourly" or "profile"
  std::string data;   // "hourly intensity, PJM 2022 [eia930]" or the profile's description
};

// The job's mean intensity at a place with series `s`. Range: for its own hours, the job
// shifted one hour earlier or later (the series' hour alignment is +-1 h); for a profile,
// the same job read one and two weeks earlier and later. nullopt when the series is
// shorter than the job or has gaps in every candidate week.
std::optional<HourlyIntensity> hourly_intensity(const HourlySeries& s,
                                                const std::vector<EnergyPiece>& pieces);

// The same for a reading chosen once (for candidate starts read alike), and the reading
// hourly_intensity(s, pieces) would choose for the pieces' hours.
std::optional<HourlyIntensity> hourly_intensity(const SeriesReading& r,
                                                const std::vector<EnergyPiece>& pieces);
std::optional<SeriesReading> reading_for(const HourlySeries& s, const std::vector<EnergyPiece>& pieces);

// The pieces shifted by `seconds`.
std::vector<EnergyPiece> shifted(const std::vector<EnergyPiece>& pieces, double seconds);

}  // namespace carbonscope
