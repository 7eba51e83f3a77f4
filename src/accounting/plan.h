// Where and when to run a job: pure functions that rank candidate places (cloud
// regions and private zones, each with its annual intensity, its PUE and, where one
// applies, an hourly series) and, within a time window, the start hour that minimises
// the job's emissions. Building the places from the data tables is plan_places.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "carbonscope/footprint.h"
#include "carbonscope/hourly.h"
#include "data/geo.h"

namespace carbonscope {

// A place the job could run.
struct PlanPlace {
  std::string key;         // "aws:us-east-1", or a zone code for a private machine ("FR")
  std::string label;       // "aws:us-east-1 (Northern Virginia)", "France (FR)"
  std::string provider;    // "aws", ..., or "private"
  std::string zone;        // zones.csv zone
  IntensityFigure annual;  // the annual figure estimate would use
  PueFigure pue;
  const HourlySeries* hourly = nullptr;  // the grid series that applies, if any
  std::string hourly_note;               // how the series was matched ("PJM: Northern Virginia ...")
  std::vector<std::string> notes;        // fallbacks taken while resolving the place
  // Where it is, for --near: a cloud region's city (data/region_locations.csv); none
  // for a private zone (a whole country or grid).
  std::optional<GeoPoint> point;
  std::string city;  // "Ashburn, US"
};

// The job: IT energy (before PUE), spread evenly over its duration.
struct PlanJob {
  Range<Energy> it_energy;
  Duration duration{0};
};

// Start hours considered: every whole UTC hour from `earliest` to `latest_start`.
struct PlanWindow {
  UnixHour earliest = 0;
  UnixHour latest_start = 0;
};

struct PlanOption {
  const PlanPlace* place = nullptr;
  std::size_t hardware = 0;       // which of the compared jobs (several --gpu), 0 for one
  bool hourly = false;            // the hourly series was used (else the annual figure)
  bool forecast = false;          // some of the job's hours come from a forecast
  std::optional<UnixHour> start;  // the best start hour (with a window)
  // Mean intensity over the job's hours. With the hourly series the range spans
  // starting one hour earlier or later (the series' timestamps are +-1 h).
  Range<CarbonIntensity> intensity;
  Range<Emissions> emissions;                   // it_energy x PUE x intensity
  std::optional<Range<Emissions>> at_earliest;  // the same place, started at the window's start
  std::string note;                             // e.g. "no hourly data for 2022-07-01..: annual figure"
  std::optional<double> distance_km;            // great-circle distance from --near
  std::optional<double> score;                  // --weigh: 0..1, higher is better
};

// Whole hours the job touches (a 10.5 h job touches 11).
std::int64_t job_hours(const PlanJob& job);

// Mean intensity of `series` over a job starting at `start` (the last, partial hour
// weighted by its fraction); nullopt if any hour is missing.
std::optional<double> window_mean(const HourlySeries& series, UnixHour start, Duration duration);

// One place, started at `start` (or on the annual figure without a window).
PlanOption evaluate_place(const PlanPlace& place, const PlanJob& job, std::optional<UnixHour> start);

// Every place with its best start in the window (or its annual figure without one),
// sorted by central emissions, lowest first. Places without hourly data for the whole
// window use their annual figure and say so in `note`.
std::vector<PlanOption> rank_places(const std::vector<PlanPlace>& places, const PlanJob& job,
                                    const std::optional<PlanWindow>& window);

}  // namespace carbonscope
