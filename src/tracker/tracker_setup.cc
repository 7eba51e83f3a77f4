// TrackerSetup -> TrackerConfig: interval, tags, location, and the sensor options.
#include "carbonscope/tracker_setup.h"

#include <algorithm>

#include <fmt/format.h>

#include "carbonscope/parse.h"
#include "carbonscope/settings.h"
#include "sampler/sampler.h"
#include "tracker/sensor_setup.h"

namespace carbonscope {

Result<TrackerConfig> make_tracker_config(const DataSet& data, const TrackerSetup& s) {
  TrackerConfig c;
  c.kind = s.kind;
  const std::string interval_arg = arg_name(s.style, "interval");
  auto interval = parse_duration(s.interval);
  if (!interval.ok()) return interval.status().with_context(interval_arg);
  // The floor is the sampler's (kMinInterval); Tracker::start refuses a config below it,
  // this names the option as the caller spelled it.
  if (*interval < kMinInterval) {
    return Status::invalid_argument(fmt::format("{} {}: the shortest interval is {:g}ms", interval_arg, s.interval,
                                                kMinInterval.count() * 1000));
  }
  c.interval = *interval;
  c.project = s.project;
  for (const std::string& t : s.tags) {
    const std::string arg = arg_name(s.style, s.style == ArgStyle::kFlag ? "tag" : "tags");  // --tag, tags=
    if (t.empty()) return Status::invalid_argument(fmt::format("{}: a tag cannot be empty", arg));
    if (t.find_first_of("\x1f\n") != std::string::npos) {
      return Status::invalid_argument(fmt::format("{}: '{}' is not a tag: give a name on one line", arg, t));
    }
    if (std::find(c.tags.begin(), c.tags.end(), t) == c.tags.end()) c.tags.push_back(t);
  }
  c.output_dir = s.output_dir;
  c.emissions_csv = s.emissions_csv;
  c.ledger_path = s.ledger_path;
  c.arg_style = s.style;
  std::vector<std::string> used;
  const LocationText text = s.settings ? apply_settings(s.location, *s.settings, &used) : s.location;
  Result<Location> resolved = resolve_location_text(data, text, s.style);
  if (!resolved.ok() && !used.empty()) {
    return resolved.status().with_context(fmt::format("the configured {}", fmt::join(used, ", ")));
  }
  CS_ASSIGN_OR_RETURN(Location location, std::move(resolved));
  for (const std::string& u : used) c.notes.push_back("location: " + u);
  if (s.settings) {
    for (const std::string& n : s.settings->notes) c.notes.push_back("settings: " + n);
  }
  c.intensity = location.intensity;
  c.pue = location.pue;
  c.region = location.label;
  c.place = location.place;
  for (const std::string& n : location.notes) c.notes.push_back(n);
  if (c.intensity.provenance.method == Method::kDefault) {
    c.notes.push_back("intensity: " + c.intensity.provenance.detail);
  }
  if (c.pue.provenance.method == Method::kDefault) c.notes.push_back("pue: " + c.pue.provenance.detail);
  // The sensors exactly as `carbonscope sensors` probes them (tracker/sensor_setup.h).
  set_sensor_options(c, sensor_options(data, s.env));
  return c;
}

}  // namespace carbonscope
