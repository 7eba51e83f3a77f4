// Reading hourly intensity exports from the common tools into one hourly series:
// Electricity Maps CSV, WattTime CSV, the UK Carbon Intensity API JSON, the Carbon
// Aware SDK's emissions JSON and a plain `timestamp,g_per_kwh` CSV. Sub-hourly rows are
// averaged into UTC hours; bad rows fail with `file:line: reason`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/hourly.h"

namespace carbonscope {

enum class IntensityFormat {
  kAuto,
  kPlain,
  kElectricityMaps,
  kWattTime,
  kUkCarbonIntensity,
  kCarbonAwareSdk
};

// "plain", "electricitymaps", "watttime", "uk-carbon-intensity", "carbon-aware-sdk".
std::string_view format_name(IntensityFormat f);
Result<IntensityFormat> parse_format_name(std::string_view name);

struct ImportedSeries {
  IntensityFormat format = IntensityFormat::kAuto;
  std::string
      zone_hint;        // the zone the file names (Electricity Maps "Zone Id", SDK "location", WattTime "ba")
  HourlySeries series;  // zone left empty; hourly means, gaps as NaN
  std::size_t rows = 0;            // values read
  std::vector<std::string> notes;  // conversions and choices made (units, basis, forecast used)
};

// Parses `text` (the contents of `path`, named in messages). kAuto guesses from the
// header or the JSON shape.
Result<ImportedSeries> import_intensity(std::string_view path, std::string_view text,
                                        IntensityFormat format = IntensityFormat::kAuto);

// The series as an import file (`timestamp,g_per_kwh`, one line per hour present,
// values rounded to 0.1 g/kWh).
std::string series_csv(const HourlySeries& s);

}  // namespace carbonscope
