// PlanRequest -> PlanResult: the job's energy through estimate's spec, the window from
// the time flags (with messages for every impossible window), the places, the ranking
// and the job's current place for the saving.
#include "accounting/plan_request.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "accounting/forecast.h"
#include "carbonscope/format.h"
#include "carbonscope/limits.h"
#include "carbonscope/parse.h"

namespace carbonscope {
namespace {

struct TimeFlags {
  std::vector<std::string> areas;
  std::optional<Duration> within;
};

Result<TimeFlags> split_within(const std::vector<std::string>& values) {
  TimeFlags t;
  for (const std::string& w : values) {
    if (!w.empty() && std::isdigit(static_cast<unsigned char>(w.front()))) {
      if (t.within) return Status::invalid_argument("--within: give one duration (48h), not several");
      auto d = parse_duration(w);
      if (!d.ok())
        return d.status().with_context("--within (a duration such as 48h, or an area such as EU or US)");
      t.within = *d;
    } else {
      t.areas.push_back(w);
    }
  }
  return t;
}

Result<std::int64_t> time_flag(const std::string& text, const char* flag) {
  auto t = parse_utc_time(text);
  if (!t.ok()) return t.status().with_context(flag);
  return *t;
}

std::string when(std::int64_t unix) {
  if (unix % 3600 == 0) return format_utc_hour(unix / 3600);
  return format_utc_hour(unix / 3600).substr(0, 14) + fmt::format("{:02}Z", (unix % 3600) / 60);
}

Result<std::optional<PlanWindow>> window_of(const PlanRequest& r, const TimeFlags& t,
                                            const std::optional<Duration>& wall, double now_unix) {
  if (r.start_after.empty() && r.deadline.empty() && !t.within) return std::optional<PlanWindow>();
  if (!wall) {
    return Status::invalid_argument(
        "--start-after/--deadline/--within need the job's duration: give --hours or "
        "--duration (with --energy alone the job has no length)");
  }
  std::int64_t start = static_cast<std::int64_t>(std::ceil(now_unix));
  if (!r.start_after.empty()) {
    CS_ASSIGN_OR_RETURN(start, time_flag(r.start_after, "--start-after"));
  }
  if (!r.deadline.empty() && t.within) {
    return Status::invalid_argument(
        "--deadline and --within DURATION conflict: both end the window; give one");
  }
  if (r.deadline.empty() && !t.within) {
    return Status::invalid_argument(
        "--start-after needs the window's end: give --deadline (2022-07-03T00:00Z) or "
        "--within 48h");
  }
  std::int64_t end = 0;
  if (!r.deadline.empty()) {
    CS_ASSIGN_OR_RETURN(end, time_flag(r.deadline, "--deadline"));
  } else {
    end = start + static_cast<std::int64_t>(t.within->count());
  }
  if (end <= start) {
    return Status::invalid_argument(
        fmt::format("--deadline {} is not after the start {}: the window is empty; move "
                    "the deadline later or the start earlier",
                    when(end), when(start)));
  }
  const double job_s = wall->count();
  if (job_s > static_cast<double>(end - start)) {
    return Status::invalid_argument(fmt::format(
        "the job takes {} but the window from {} to {} is only {} long: move --deadline to {} or later, or "
        "shorten the job",
        format_duration(*wall), when(start), when(end),
        format_duration(Duration(static_cast<double>(end - start))),
        when(start + static_cast<std::int64_t>(std::ceil(job_s)))));
  }
  PlanWindow w;
  w.earliest = (start + 3599) / 3600;
  w.latest_start = static_cast<UnixHour>(std::floor((static_cast<double>(end) - job_s) / 3600.0));
  if (w.latest_start < w.earliest) {
    return Status::invalid_argument(
        fmt::format("no whole-hour start between {} and {} leaves the job's {} before the deadline: starts "
                    "are on whole UTC hours; "
                    "widen the window by up to an hour",
                    when(start), when(end), format_duration(*wall)));
  }
  return std::optional<PlanWindow>(w);
}

Range<Energy> total_energy(const std::vector<ComponentEnergy>& components) {
  Range<Energy> e{};
  for (const ComponentEnergy& c : components) e = e + c.energy;
  return e;
}

// At most this far past a series' end is forecast ("the coming days").
constexpr std::int64_t kMaxForecastHours = 14 * 24;

// When the window runs past the end of the place's series (by at most two weeks), the
// series is extended by the profile forecast and its range (accounting/forecast.h).
void attach_forecast(PlanPlace& p, const PlanWindow& w, std::int64_t need, std::deque<HourlySeries>& store) {
  const HourlySeries* s = p.hourly;
  if (s == nullptr || s->covers(w.earliest, need)) return;
  const UnixHour from = w.earliest - 1, to = w.earliest + need + 1;  // +-1 h for the range
  if (from < s->first || to <= s->end() || to - s->end() > kMaxForecastHours) return;
  const auto f = profile_forecast_range(*s, s->end(), to - s->end());
  if (!f) return;
  HourlySeries ext;
  ext.zone = s->zone;
  ext.name = s->name;
  ext.parent = s->parent;
  ext.source_id = s->source_id;
  ext.origin = s->origin;
  ext.first = from;
  ext.forecast_from = s->end();
  for (UnixHour h = from; h < s->end(); ++h) {
    const float v = static_cast<float>(s->at(h).value_or(NAN));
    ext.g_per_kwh.push_back(v);
    ext.low.push_back(v);
    ext.high.push_back(v);
  }
  for (const Range<double>& r : *f) {
    ext.g_per_kwh.push_back(static_cast<float>(r.central));
    ext.low.push_back(static_cast<float>(r.low));
    ext.high.push_back(static_cast<float>(r.high));
  }
  store.push_back(std::move(ext));
  p.hourly = &store.back();
  p.hourly_note += fmt::format(
      "; from {} on (past the series' end) a profile forecast from its last 4 weeks, with a "
      "range from back-tests (skill: docs/validation.md)",
      format_utc_hour(s->end()));
}

// Each place's coordinates (cloud regions only: a private zone is a whole country or grid).
void locate(PlanPlace& p, const GeoTables& geo) {
  const auto colon = p.key.find(':');
  if (colon == std::string::npos) return;
  if (const RegionLocation* l = geo.region(p.provider, std::string_view(p.key).substr(colon + 1))) {
    p.point = l->point;
    p.city = fmt::format("{}, {}", l->city, l->country);
  }
}

void add_distance(PlanOption& o, const std::optional<NearPoint>& near) {
  if (near && o.place->point) o.distance_km = great_circle_km(near->point, *o.place->point);
}

int year_of(UnixHour hour) { return std::stoi(format_utc_date(hour).substr(0, 4)); }

}  // namespace

Saving saving_against(const PlanOption& option, const PlanOption& from) {
  Saving s;
  s.kg = (from.emissions.central - option.emissions.central).kg();
  const double base = from.emissions.central.kg();
  s.percent = base > 0 ? 100.0 * s.kg / base : 0;
  return s;
}

Result<PlanResult> run_plan(const DataSet& data, const HourlyData& hourly, const PlanRequest& r,
                            double now_unix) {
  if (r.top < 1) return Status::invalid_argument(fmt::format("--top must be at least 1, got {}", r.top));
  if (r.year != 0 && (r.year < 1990 || r.year > 2100)) {
    return Status::invalid_argument(fmt::format("--year: {} is not a year such as 2023", r.year));
  }
  PlanResult out;
  CS_ASSIGN_OR_RETURN(TimeFlags t, split_within(r.within));
  if (!r.weigh.empty()) {
    CS_ASSIGN_OR_RETURN(out.weights, parse_weights(r.weigh));
    if (out.weights->distance > 0 && r.near.empty()) {
      return Status::invalid_argument(fmt::format(
          "--weigh {}: distance needs the place to measure from: add --near CITY (London,GB) or --near LAT,LON",
          r.weigh));
    }
  }
  std::shared_ptr<const GeoTables> geo;
  if (!r.near.empty()) {
    CS_ASSIGN_OR_RETURN(geo, GeoTables::builtin());
    CS_ASSIGN_OR_RETURN(out.near, geo->resolve(r.near));
  }
  const std::vector<std::string> gpus =
      r.gpus.size() > 1 ? r.gpus : std::vector<std::string>{r.gpus.size() == 1 ? r.gpus.front() : r.job.gpu};
  for (const std::string& gpu : gpus) {
    EstimateRequest job = r.job;
    job.gpu = gpu;
    PlanHardware h;
    CS_ASSIGN_OR_RETURN(h.spec, build_estimate_spec(data, job));
    CS_ASSIGN_OR_RETURN(std::vector<ComponentEnergy> components, estimate_energy(h.spec));
    h.job.it_energy = total_energy(components);
    const std::optional<Duration> wall = implied_wall_time(h.spec);
    CS_RETURN_IF_ERROR(check_computed(h.job.it_energy, {}, wall, given_quantities(job)));
    if (wall) h.job.duration = *wall;
    auto window = window_of(r, t, wall, now_unix);
    if (!window.ok()) return gpus.size() > 1 ? window.status().with_context("--gpu " + gpu) : window.status();
    h.window = *window;
    out.hardware.push_back(std::move(h));
  }
  out.spec = out.hardware.front().spec;
  out.job = out.hardware.front().job;
  out.window = out.hardware.front().window;

  PlaceFilter f;
  f.providers = r.providers;
  f.within = t.areas;
  f.exclude = r.exclude;
  f.year = r.year;
  if (out.window) {
    f.window_first = out.window->earliest;
    for (const PlanHardware& h : out.hardware) {
      if (h.window) {
        f.window_hours =
            std::max(f.window_hours, h.window->latest_start - h.window->earliest + job_hours(h.job));
      }
    }
    if (f.year == 0) f.year = year_of(out.window->earliest);
  }
  CS_ASSIGN_OR_RETURN(out.places, plan_places(data, hourly, f));
  if (geo) {
    for (PlanPlace& p : out.places) locate(p, *geo);
  }
  if (out.window) {
    for (PlanPlace& p : out.places) attach_forecast(p, *out.window, f.window_hours, out.forecasts);
  }
  std::vector<PlanOption> ranked;
  std::size_t forecast = 0;
  for (std::size_t i = 0; i < out.hardware.size(); ++i) {
    std::vector<PlanOption> one = rank_places(out.places, out.hardware[i].job, out.hardware[i].window);
    for (PlanOption& o : one) {
      o.hardware = i;
      if (i == 0) {
        out.with_hourly += o.hourly ? 1 : 0;
        forecast += o.forecast ? 1 : 0;
      }
    }
    ranked.insert(ranked.end(), one.begin(), one.end());
  }
  out.considered = out.places.size();
  for (PlanOption& o : ranked) add_distance(o, out.near);
  std::stable_sort(ranked.begin(), ranked.end(), [](const PlanOption& a, const PlanOption& b) {
    return a.emissions.central < b.emissions.central;
  });
  std::size_t unlocated = 0;
  for (const PlanPlace& p : out.places) unlocated += p.point ? 0 : 1;
  if (out.weights) {
    if (out.weights->distance > 0) {
      std::erase_if(ranked, [](const PlanOption& o) { return !o.distance_km; });
      if (ranked.empty()) {
        return Status::not_found(
            "--weigh distance: none of the places has coordinates (private zones are whole countries or "
            "grids); allow cloud regions (--providers aws,gcp,...) or drop distance from --weigh");
      }
    }
    out.weighed = ranked.size();
    weigh_options(ranked, *out.weights);
  }
  if (ranked.size() > static_cast<std::size_t>(r.top)) ranked.resize(static_cast<std::size_t>(r.top));
  out.options = std::move(ranked);

  if (!r.from.empty()) {
    auto from = plan_place(data, hourly, r.from, f);
    if (!from.ok()) return from.status().with_context("--from");
    out.from = std::make_unique<PlanPlace>(std::move(*from));
    if (out.window) attach_forecast(*out.from, *out.window, f.window_hours, out.forecasts);
    const std::optional<UnixHour> start =
        out.window ? std::optional<UnixHour>(out.window->earliest) : std::nullopt;
    if (geo) locate(*out.from, *geo);
    out.from_at_start = evaluate_place(*out.from, out.job, start);
    if (out.window) out.from_best = rank_places({*out.from}, out.job, out.window).front();
    if (out.from_best) out.from_best->place = out.from.get();
    add_distance(*out.from_at_start, out.near);
    if (out.from_best) add_distance(*out.from_best, out.near);
  }

  if (out.window) {
    if (out.with_hourly < out.considered) {
      out.notes.push_back(
          fmt::format("{} of {} places have no hourly series for the whole window: they use their "
                      "annual figure (marked 'annual'), which cannot show when to start",
                      out.considered - out.with_hourly, out.considered));
    }
    if (forecast > 0) {
      out.notes.push_back(
          fmt::format("{} places' best starts rely partly on a profile forecast past the end of their "
                      "series (marked 'forecast'); its skill is in docs/validation.md",
                      forecast));
    }
    if (out.with_hourly > 0) {
      out.notes.push_back(
          "hourly figures: mean over the job's hours at the best whole-hour start; the range "
          "spans starting one hour earlier or later (the series' hour alignment is +-1 h)");
    }
  }
  if (out.near) {
    out.notes.push_back(fmt::format(
        "distance: great-circle km from {} to the region's city (data/region_locations.csv, GeoNames CC BY 4.0), "
        "a proxy for network latency, not a measurement; a data centre can lie tens of km from its city",
        out.near->label));
    if (unlocated > 0) {
      out.notes.push_back(fmt::format(
          "{} private zones (a whole country or grid) have no single location: no distance{}", unlocated,
          out.weights && out.weights->distance > 0 ? ", so they are left out of the weighted ranking" : ""));
    }
  }
  if (out.weights) {
    out.notes.push_back(fmt::format(
        "sorted by score (weights carbon={:g}, distance={:g}): each criterion scaled to 0..1 over the {} "
        "candidates (1 = the lowest emissions or the nearest), then their weighted mean; 1 is best on both. "
        "Price is not a criterion: there is no open price data",
        out.weights->carbon, out.weights->distance, out.weighed));
  }
  out.notes.push_back(
      "intensity bases differ: US hourly series are life-cycle (IPCC AR5, production-based), the GB "
      "series and Google's region figures are direct; compare with care across sources");
  if (out.hardware.size() > 1) {
    out.notes.push_back(
        fmt::format("{} accelerators compared, each for the same job (same count and hours, or the "
                    "time its compute takes); the saving is against the first, {}, at --from",
                    out.hardware.size(), gpus.front()));
  }
  if (!out.spec.devices.empty() && r.job.utilisation.empty() && r.job.power.empty()) {
    // As estimate: the device power is the measured average share of TDP, not full load.
    const DeviceLoad& d = out.spec.devices.front();
    out.notes.push_back(fmt::format("{} power: {} [{}]; --utilisation or --power narrows it", d.label,
                                    d.provenance.detail, d.provenance.source_id));
  }
  return out;
}

}  // namespace carbonscope
