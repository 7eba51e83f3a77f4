// `carbonscope plan` output: the job, the window, the ranked places with their grid
// figure (hourly or annual, source, year), PUE, best start, emissions with range and
// the saving against --from; then the job's current place and the notes. Public as
// plan_text (carbonscope/plan.h).
#include "carbonscope/plan.h"

#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "accounting/plan_request.h"
#include "carbonscope/format.h"
#include "formats/json_text.h"
#include "formats/report_json.h"

namespace carbonscope {
namespace {

std::string job_label(const EstimateSpec& spec, const PlanJob& job) {
  std::vector<std::string> parts;
  for (const DeviceLoad& d : spec.devices)
    parts.push_back(fmt::format("{} x {}", format_short(d.count), d.label));
  std::string out = parts.empty() ? "the given energy" : fmt::format("{}", fmt::join(parts, " + "));
  if (job.duration.count() > 0) out += " for " + format_duration(job.duration);
  return out;
}

std::string job_label(const PlanResult& r) { return job_label(r.spec, r.job); }

// The compared accelerator of an option ("NVIDIA H100 SXM5 80GB").
std::string hardware_label(const PlanResult& r, const PlanOption& o) {
  const PlanHardware& h = r.hardware[o.hardware];
  return h.spec.devices.empty() ? "" : h.spec.devices.front().label;
}

std::string emissions_text(const Range<Emissions>& e) {
  if (e.is_exact()) return format_emissions(e.central);
  return fmt::format("{} ({} to {})", format_emissions(e.central), format_emissions(e.low),
                     format_emissions(e.high));
}

// "45 hourly BPAT 2022 [eia930]" or "389 annual US-VA 2020 [ga-ci]".
std::string grid_text(const PlanOption& o) {
  const double g = o.intensity.central.g_per_kwh();
  if (o.hourly) {
    const HourlySeries& s = *o.place->hourly;
    const std::string year = o.start ? format_utc_date(*o.start).substr(0, 4) : "";
    return fmt::format("{:.0f} {} {} {} [{}]", g, o.forecast ? "forecast" : "hourly", s.zone, year,
                       s.source_id.empty() ? "imported" : s.source_id);
  }
  const Provenance& p = o.place->annual.provenance;
  const std::string region = p.region.empty() ? o.place->zone : p.region;
  if (region == o.place->key) return fmt::format("{:.0f} annual {} [{}]", g, p.year, p.source_id);
  return fmt::format("{:.0f} annual {} {} [{}]", g, region, p.year, p.source_id);
}

std::string pue_text(const PueFigure& p) {
  if (p.value.is_exact()) return fmt::format("{:.2f}", p.value.central);
  return fmt::format("{:.2f}-{:.2f}", p.value.low, p.value.high);
}

std::string saving_text(const PlanOption& o, const std::optional<PlanOption>& from) {
  if (!from) return "";
  const Saving s = saving_against(o, *from);
  if (s.kg >= 0) return fmt::format("{} ({:.0f}%)", format_emissions(Emissions::kg(s.kg)), s.percent);
  return fmt::format("{} more ({:.0f}%)", format_emissions(Emissions::kg(-s.kg)), s.percent);
}

std::string distance_text(const PlanOption& o) {
  return o.distance_km ? fmt::format("{:.0f}", *o.distance_km) : "-";
}

std::string truncate(const std::string& s, std::size_t n) {
  return s.size() <= n ? s : s.substr(0, n - 1) + "~";
}

nlohmann::json option_json(const PlanResult& r, const PlanOption& o, const std::optional<PlanOption>& from,
                           int rank) {
  const PlanPlace& p = *o.place;
  const auto kg = [](Emissions e) { return e.kg(); };
  nlohmann::json grid = {
      {"g_per_kwh", range_json(o.intensity, [](CarbonIntensity c) { return c.g_per_kwh(); })},
      {"basis", o.forecast ? "forecast"
                : o.hourly ? "hourly"
                           : "annual"}};
  if (o.hourly) {
    grid["series_zone"] = p.hourly->zone;
    grid["source_id"] = p.hourly->source_id;
    grid["origin"] = p.hourly->origin;
    grid["matched"] = p.hourly_note;
  } else {
    grid["provenance"] = provenance_json(p.annual.provenance);
  }
  nlohmann::json pue = range_json(p.pue.value, [](double v) { return v; });
  pue["provenance"] = provenance_json(p.pue.provenance);
  nlohmann::json j = {{"place", p.key},
                      {"label", p.label},
                      {"provider", p.provider},
                      {"zone", p.zone},
                      {"intensity", grid},
                      {"pue", pue},
                      {"emissions_kg", range_json(o.emissions, kg)}};
  if (rank > 0) j["rank"] = rank;
  j["hardware"] = hardware_label(r, o);
  if (o.start && o.hourly) j["start"] = format_utc_hour(*o.start);
  if (o.at_earliest) j["emissions_at_window_start_kg"] = range_json(*o.at_earliest, kg);
  if (from) {
    const Saving s = saving_against(o, *from);
    j["saving"] = {{"kg", s.kg}, {"percent", s.percent}, {"against", from->place->key}};
  }
  if (o.distance_km) j["distance_km"] = *o.distance_km;
  if (!p.city.empty()) j["city"] = p.city;
  if (o.score) j["score"] = *o.score;
  if (!o.note.empty()) j["note"] = o.note;
  return j;
}

std::string render_plan_text(const PlanResult& r) {
  std::ostringstream out;
  out << "carbonscope plan\n\n";
  for (const PlanHardware& h : r.hardware) {
    out << fmt::format("  {:<10}{}: {} IT energy", &h == &r.hardware.front() ? "Job" : "or",
                       job_label(h.spec, h.job), format_energy(h.job.it_energy.central));
    if (!h.job.it_energy.is_exact()) {
      out << fmt::format(" (range {} to {})", format_energy(h.job.it_energy.low),
                         format_energy(h.job.it_energy.high));
    }
    out << "\n";
  }
  const bool compare = r.hardware.size() > 1;
  if (r.window) {
    out << fmt::format("  {:<10}start between {} and {} ({} whole-hour starts)\n", "Window",
                       format_utc_hour(r.window->earliest), format_utc_hour(r.window->latest_start),
                       r.window->latest_start - r.window->earliest + 1);
  }
  out << fmt::format("  {:<10}{} ranked", "Places", r.considered);
  if (r.window) out << fmt::format(", {} with hourly data for the window", r.with_hourly);
  out << fmt::format("; the best {} shown", r.options.size());
  if (r.weights) {
    out << fmt::format(" by weighted score (carbon={:g}, distance={:g})", r.weights->carbon, r.weights->distance);
  }
  out << "\n";
  if (r.near) out << fmt::format("  {:<10}{} ({:.4f}, {:.4f}): km = great-circle distance\n", "Near",
                                 r.near->label, r.near->point.lat, r.near->point.lon);
  out << "\n";

  const std::string saving_head = r.from ? "Saving vs " + r.from->key : "";
  out << fmt::format("  {:>3}  {:<40} {:<9} {:<34} {:<10}", "#", "Place", "Provider", "Grid g/kWh", "PUE");
  if (compare) out << fmt::format(" {:<26}", "Hardware");
  if (r.window) out << fmt::format(" {:<18}", "Start (UTC)");
  if (r.near) out << fmt::format(" {:>8}", "km");
  if (r.weights) out << fmt::format(" {:>5}", "Score");
  out << fmt::format(" {:<28} {}\n", "Emissions CO2e", saving_head);
  int rank = 0;
  for (const PlanOption& o : r.options) {
    out << fmt::format("  {:>3}  {:<40} {:<9} {:<34} {:<10}", ++rank, truncate(o.place->label, 40),
                       o.place->provider, grid_text(o), pue_text(o.place->pue));
    if (compare) out << fmt::format(" {:<26}", truncate(hardware_label(r, o), 26));
    if (r.window)
      out << fmt::format(" {:<18}", o.hourly && o.start ? format_utc_hour(*o.start) : "any (annual)");
    if (r.near) out << fmt::format(" {:>8}", distance_text(o));
    if (r.weights) out << fmt::format(" {:>5.2f}", o.score.value_or(0));
    out << fmt::format(" {:<28} {}\n", emissions_text(o.emissions), saving_text(o, r.from_at_start));
  }
  if (r.from && r.from_at_start) {
    out << fmt::format("\n  Now       {}: {}", r.from->label, emissions_text(r.from_at_start->emissions));
    if (r.window) out << fmt::format(" starting {}", format_utc_hour(r.window->earliest));
    out << fmt::format(" at {}", grid_text(*r.from_at_start));
    if (r.from_at_start->distance_km) out << fmt::format(", {:.0f} km away", *r.from_at_start->distance_km);
    out << "\n";
    if (r.from_best && r.from_best->start && r.from_best->hourly && r.window &&
        *r.from_best->start != r.window->earliest) {
      out << fmt::format("  Later     the same place starting {}: {}, saving {}\n",
                         format_utc_hour(*r.from_best->start), emissions_text(r.from_best->emissions),
                         saving_text(*r.from_best, r.from_at_start));
    }
  }
  if (!r.options.empty()) {
    const PlanOption& best = r.options.front();
    out << fmt::format("  {:<10}{}", r.weights ? "Top" : "Best", best.place->label);
    if (compare) out << " on " << hardware_label(r, best);
    if (best.start && best.hourly) out << fmt::format(" starting {}", format_utc_hour(*best.start));
    out << fmt::format(": {}", emissions_text(best.emissions));
    if (r.from_at_start) out << fmt::format(", saving {}", saving_text(best, r.from_at_start));
    if (best.distance_km) out << fmt::format(", {:.0f} km away", *best.distance_km);
    out << "\n";
  }
  std::vector<std::string> notes = r.notes;
  for (const PlanOption& o : r.options) {
    if (o.hourly) notes.push_back(fmt::format("{}: {}", o.place->key, o.place->hourly_note));
  }
  if (r.from) {
    for (const std::string& n : r.from->notes) notes.push_back(fmt::format("{}: {}", r.from->key, n));
    if (r.from_at_start && !r.from_at_start->note.empty()) {
      notes.push_back(fmt::format("{}: {}", r.from->key, r.from_at_start->note));
    }
  }
  out << "\n  Notes\n";
  for (const std::string& n : notes) out << "    - " << n << "\n";
  return out.str();
}

std::string render_plan_json(const PlanResult& r) {
  nlohmann::json j = {{"schema", "carbonscope.plan/1"}};
  j["job"] = {{"description", job_label(r)},
              {"it_energy_kwh", range_json(r.job.it_energy, [](Energy e) { return e.kwh(); })},
              {"duration_h", hours(r.job.duration)}};
  if (r.window) {
    j["window"] = {{"earliest_start", format_utc_hour(r.window->earliest)},
                   {"latest_start", format_utc_hour(r.window->latest_start)},
                   {"starts", r.window->latest_start - r.window->earliest + 1}};
  } else {
    j["window"] = nullptr;
  }
  nlohmann::json hw = nlohmann::json::array();
  for (const PlanHardware& h : r.hardware) {
    hw.push_back({{"description", job_label(h.spec, h.job)},
                  {"it_energy_kwh", range_json(h.job.it_energy, [](Energy e) { return e.kwh(); })},
                  {"duration_h", hours(h.job.duration)}});
  }
  j["hardware"] = std::move(hw);
  if (r.near) {
    j["near"] = {{"label", r.near->label}, {"lat", r.near->point.lat}, {"lon", r.near->point.lon}};
  } else {
    j["near"] = nullptr;
  }
  if (r.weights) {
    j["weights"] = {{"carbon", r.weights->carbon}, {"distance", r.weights->distance}, {"scored", r.weighed}};
  } else {
    j["weights"] = nullptr;
  }
  j["considered"] = r.considered;
  j["with_hourly"] = r.with_hourly;
  nlohmann::json options = nlohmann::json::array();
  int rank = 0;
  for (const PlanOption& o : r.options) options.push_back(option_json(r, o, r.from_at_start, ++rank));
  j["options"] = std::move(options);
  if (r.from_at_start) {
    nlohmann::json from = option_json(r, *r.from_at_start, std::nullopt, 0);
    if (r.from_best) from["best_start"] = option_json(r, *r.from_best, r.from_at_start, 0);
    j["from"] = std::move(from);
  } else {
    j["from"] = nullptr;
  }
  j["notes"] = r.notes;
  return json_text(j, 2) + "\n";
}

}  // namespace

Result<std::string> plan_text(const DataSet& data, const HourlyData& hourly, const PlanRequest& request,
                              double now_unix, PlanOutput output) {
  CS_ASSIGN_OR_RETURN(PlanResult r, run_plan(data, hourly, request, now_unix));
  return output == PlanOutput::kJson ? render_plan_json(r) : render_plan_text(r);
}

}  // namespace carbonscope
