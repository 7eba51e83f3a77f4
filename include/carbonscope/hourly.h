// Hourly grid carbon intensity: the built-in series (data/hourly_*.csv, parsed on first
// use only, so commands that do not need them pay nothing at startup), series the user
// imported into their data directory, and the cloud-region -> grid-zone mapping that
// says which series applies to a data centre. Times are UTC hours since the epoch.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope {

// Unix time in whole hours (unix seconds / 3600, rounded down).
using UnixHour = std::int64_t;

// One contiguous hourly series of a zone. Missing hours are NaN.
struct HourlySeries {
  std::string zone;       // "PJM", "GB", or the zone an imported file was given
  std::string name;       // "PJM Interconnection"
  std::string parent;     // the zones.csv zone it lies in ("US", "GB"); may be empty
  std::string source_id;  // SOURCES.csv id; empty for imported series
  std::string origin;     // "built-in" or the imported file's path
  UnixHour first = 0;     // hour of values[0]
  std::vector<float> g_per_kwh;
  // Set for a series extended by a forecast: the first forecast hour, and the forecast's
  // range per hour (low/high have g_per_kwh's length; observed hours repeat the value).
  UnixHour forecast_from = 0;
  std::vector<float> low, high;

  UnixHour end() const { return first + static_cast<UnixHour>(g_per_kwh.size()); }
  // The value of `hour`, or nullopt outside the series or in a gap.
  std::optional<double> at(UnixHour hour) const;
  // Every hour in [from, from + count) is present.
  bool covers(UnixHour from, std::int64_t count) const;
};

// Which zone's hourly series applies to a cloud region (data/region_grid_zones.csv).
struct RegionGridZone {
  std::string provider, region, grid_zone, source_id, note;
};

class HourlyData {
 public:
  // The built-in series and mapping, parsed once on first call.
  static Result<std::shared_ptr<const HourlyData>> builtin();
  // Tables from CSV texts (hourly_zones.csv, hourly_intensity.csv, region_grid_zones.csv);
  // absent files are empty tables.
  static Result<HourlyData> from_texts(const std::map<std::string, std::string>& files);
  // The built-in data plus every series imported into `dir`/hourly/ (see
  // import_dir()); a missing folder adds nothing.
  static Result<std::shared_ptr<const HourlyData>> with_imports(const std::string& dir);

  // Adds a series (imported ones are searched before built-in ones).
  void add(HourlySeries s, bool imported);

  // The series of `zone` (case-insensitive) covering [from, from + count), imported
  // first; nullptr if none covers the whole window.
  const HourlySeries* find(std::string_view zone, UnixHour from, std::int64_t count) const;
  // Every series of `zone`, imported first.
  std::vector<const HourlySeries*> series_of(std::string_view zone) const;
  const std::vector<HourlySeries>& all() const { return series_; }
  // The grid zone of a cloud region, or nullptr.
  const RegionGridZone* region_zone(std::string_view provider, std::string_view region) const;
  const std::vector<RegionGridZone>& region_zones() const { return regions_; }

 private:
  std::vector<HourlySeries> series_;
  std::vector<bool> imported_;
  std::vector<RegionGridZone> regions_;
};

// The folder under a data directory that holds imported series, one `ZONE.csv` each
// with a `timestamp,g_per_kwh` header and one UTC hour per line.
std::string import_dir(const std::string& data_dir);

// Reads one imported series file (as written by `carbonscope data import-intensity`).
Result<HourlySeries> read_imported_series(const std::string& path, std::string_view zone);

// Parses an ISO 8601 time: "2022-07-01T00:00Z", "2022-07-01T02:00+02:00",
// "2022-07-01 00:00:00+00:00". Without a zone it is an error unless `assume_utc`; a
// date alone ("2022-07-01") is midnight UTC when `allow_date` is set. Unix seconds.
Result<std::int64_t> parse_utc_time(std::string_view text, bool assume_utc = false, bool allow_date = false);
// "2022-07-01T05:00Z".
std::string format_utc_hour(UnixHour hour);
std::string format_utc_date(UnixHour hour);  // "2022-07-01"
std::string format_iso_minute(double unix);  // "2022-07-01T05:30Z" (seconds dropped)

}  // namespace carbonscope
