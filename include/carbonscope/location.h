// Where a job runs, resolved to the two figures accounting needs: the grid's carbon
// intensity and the data centre's PUE, each with its provenance. Shared by `estimate`,
// `run`, `monitor` and the life-cycle model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "carbonscope/data.h"
#include "carbonscope/footprint.h"
#include "carbonscope/place.h"

namespace carbonscope {

struct LocationQuery {
  std::string region;  // a zone: "FR", "France", "US-OR", "Oregon"
  std::string cloud;   // "gcp:us-central1", "aws:eu-west-3"
  std::optional<CarbonIntensity> intensity;  // given: overrides the tables
  std::optional<double> pue;                 // given: overrides the tables
  int year = 0;                              // grid data year; 0 = latest
};

struct Location {
  std::string label;     // "France (FR)", "gcp:us-central1 (Iowa)", "given"
  std::string zone;      // resolved zone code, "" when only an intensity was given
  std::string provider;  // cloud provider, "" for a private machine
  std::string continent;
  Place place;           // the identifiers CodeCarbon-style outputs group by
  IntensityFigure intensity;
  PueFigure pue;
  std::vector<std::string> notes;  // fallbacks taken (year, parent zone, defaults)
};

// Resolves a query. Nothing given: the world average intensity and PUE 1.0, both
// marked as defaults. kInvalidArgument for conflicting options, kNotFound/kAmbiguous
// for names, with suggestions.
Result<Location> resolve_location(const DataSet& data, const LocationQuery& query);

// The Place of a run recorded before runs carried one, from its location label
// ("France (FR)", "FR", "aws:us-east-1 (Northern Virginia)"); empty when the label names
// nothing in the tables (a given intensity, the world average).
Place place_from_label(const DataSet& data, const std::string& label);

// The same job elsewhere: regions of the same provider (cloud) or countries of the same
// continent, cleanest first, with the PUE they would have and the emissions of the same
// IT energy there (emissions_of).
struct Alternative {
  std::string label;
  IntensityFigure intensity;
  PueFigure pue;
  Range<Emissions> emissions;
};
std::vector<Alternative> cleaner_alternatives(const DataSet& data, const Location& here, const Range<Energy>& it_energy,
                                              std::size_t count);

}  // namespace carbonscope
