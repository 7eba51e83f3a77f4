// Evidence-based defaults of an estimate: PUE by kind of facility, grid vintage spread,
// --date, and the host left out of a bare accelerator estimate.
#include "accounting/estimate_defaults.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "carbonscope/parse.h"

namespace carbonscope {

bool clearly_in_data_centre(const EstimateSpec& spec) {
  if (spec.server) return true;
  if (spec.devices.empty() || spec.devices.front().component != "gpu") return false;
  const double count = spec.devices.front().count;
  if (count > 8) return true;
  double device_hours = 0;
  if (spec.device_hours) device_hours = *spec.device_hours;
  if (spec.wall_time) device_hours = hours(*spec.wall_time) * count;
  if (spec.compute) device_hours = hours(spec.compute->device_time().central);
  return device_hours > 8760;
}

namespace {

// A cloud region's single published PUE (a trailing-12-month figure that moves from
// quarter to quarter) widened to its provider's fleet range.
PueFigure with_fleet_spread(const DataSet& data, const Location& location) {
  PueFigure p = location.pue;
  const PueRow* fleet = location.provider.empty() ? nullptr : data.provider_pue(location.provider);
  if (fleet == nullptr || !p.value.is_exact() || fleet->low <= 0) return p;
  p.value.low = std::min(p.value.low, fleet->low);
  p.value.high = std::max(p.value.high, fleet->high);
  return p;
}

}  // namespace

Result<PueFigure> choose_pue(const DataSet& data, const EstimateRequest& request, const EstimateSpec& spec,
                             const Location& location, std::vector<std::string>& notes) {
  const std::string& source = request.pue_source;
  const std::string flag = arg_name(request.style, "pue-source");
  if (!source.empty() && !request.location.pue.empty()) {
    return Status::invalid_argument(fmt::format("{} conflicts with {}: a given PUE needs no source", flag,
                                                arg_name(request.style, "pue")));
  }
  if (!request.location.pue.empty()) return location.pue;
  if (source == "none") {
    PueFigure p;
    p.provenance = {Method::kGiven, "", fmt::format("{} none: IT energy only, no facility overhead", flag),
                    "", 0};
    return p;
  }
  if (source == "provider") {
    if (location.provider.empty()) {
      return Status::invalid_argument(fmt::format("{} provider needs a cloud region ({} gcp:us-central1)",
                                                  flag, arg_name(request.style, "cloud")));
    }
    return with_fleet_spread(data, location);
  }
  if (!source.empty() && source != "industry") {
    return Status::invalid_argument(
        fmt::format("{}: '{}' is not a PUE source; use industry, provider or none", flag, source));
  }
  const bool industry = source == "industry" || (location.provider.empty() && clearly_in_data_centre(spec));
  if (!industry) return with_fleet_spread(data, location);
  const PueRow* row = data.provider_pue("industry");
  const Constant* low = data.constant("pue_large_facility_low");
  if (row == nullptr || low == nullptr) return Status::data_error("the data tables have no industry PUE");
  PueFigure p;
  p.value = Range<double>::of(row->pue, std::min(low->value, row->low), row->high);
  p.provenance = {source.empty() ? Method::kDefault : Method::kGiven, row->source_id + "|" + low->source_id,
                  source.empty()
                      ? "industry-average data-centre PUE (the job is too large for a desktop); low end = "
                        "hyperscale fleets; give --pue or --cloud if you know the facility"
                      : "industry-average data-centre PUE (--pue-source industry)",
                  "", row->year};
  if (source.empty()) {
    notes.push_back(fmt::format(
        "PUE {} ({} to {}) assumed: a GPU server, more than 8 accelerators or a device-year of work runs "
        "in a data centre; give {} for the facility's own figure",
        format_number(p.value.central), format_number(p.value.low), format_number(p.value.high), "--pue"));
  }
  return p;
}

namespace {

// The other figures of `zone` for `year` (other sources) and the years either side, as
// factors of that year's figure: {lowest, highest}, each including 1; nullopt when the
// zone has no figure of that year or nothing to compare it with.
std::optional<std::pair<double, double>> relative_vintage_spread(const DataSet& data, const std::string& zone,
                                                                 int year) {
  const std::vector<const IntensityRow*> rows = data.intensity_series(zone);
  const IntensityRow* at = nullptr;
  for (const IntensityRow* r : rows) {
    if (r->year == year && at == nullptr) at = r;
  }
  if (at == nullptr || at->g_per_kwh <= 0) return std::nullopt;
  double lo = 1, hi = 1;
  bool any = false;
  for (const IntensityRow* r : rows) {
    if (r == at || (r->year != year && r->year != year - 1 && r->year != year + 1)) continue;
    const double k = r->g_per_kwh / at->g_per_kwh;
    lo = std::min(lo, k);
    hi = std::max(hi, k);
    any = true;
  }
  if (!any) return std::nullopt;
  return std::pair{lo, hi};
}

}  // namespace

IntensityFigure with_vintage_spread(const DataSet& data, const Location& location, IntensityFigure f) {
  const Provenance& pv = f.provenance;
  if (pv.method == Method::kGiven || pv.year == 0 || pv.region.empty()) return f;
  double lo = f.value.low.g_per_kwh(), hi = f.value.high.g_per_kwh();
  const double central = f.value.central.g_per_kwh();
  std::string zone = pv.region;  // the grid zone the figure belongs to
  const bool cloud = pv.region.find(':') != std::string::npos;
  if (cloud) {
    zone.clear();
    if (auto c = data.find_cloud_region(pv.region, pv.year); c.ok()) zone = (*c)->zone;
  }
  for (int y : {pv.year - 1, pv.year + 1}) {
    std::optional<double> g;
    if (cloud) {
      if (auto c = data.find_cloud_region(pv.region, y); c.ok() && (*c)->g_per_kwh && (*c)->year == y)
        g = *(*c)->g_per_kwh;
    } else if (auto l = data.intensity(pv.region, y); l.ok() && l->row->year == y) {
      g = l->row->g_per_kwh;
    }
    if (g) {
      lo = std::min(lo, *g);
      hi = std::max(hi, *g);
    }
  }
  // A figure with nothing to compare it with (one source, one year: US-VA 2020) borrows
  // the relative spread of its own zone's series, else of the zones it lies in (US, then
  // WORLD): a range from evidence of how much such a figure moves, instead of none.
  if (lo == central && hi == central && central > 0) {
    int depth = 0;
    for (std::string z = zone; !z.empty() && depth < 8; ++depth) {
      if (z != pv.region || cloud) {
        if (const auto k = relative_vintage_spread(data, z, pv.year)) {
          lo = central * k->first;
          hi = central * k->second;
          break;
        }
      }
      auto found = data.find_zone(z);
      if (!found.ok()) break;
      z = !(*found)->parent.empty() ? (*found)->parent : z != "WORLD" ? "WORLD" : "";
    }
  }
  (void)location;
  f.value.low = CarbonIntensity::g_per_kwh(lo);
  f.value.high = CarbonIntensity::g_per_kwh(hi);
  return f;
}

Result<int> year_of_date(const std::string& date, ArgStyle style) {
  const bool digits = date.size() >= 4 && std::all_of(date.begin(), date.begin() + 4, [](char c) {
                        return std::isdigit(static_cast<unsigned char>(c)) != 0;
                      });
  const bool rest_ok = date.size() == 4 || (date.size() >= 7 && date[4] == '-');
  if (!digits || !rest_ok) {
    return Status::invalid_argument(fmt::format("{}: '{}' is not a date; write 2019, 2019-06 or 2019-06-15",
                                                arg_name(style, "date"), date));
  }
  const int y = std::stoi(date.substr(0, 4));
  if (y < 2000 || y > 2100) {
    return Status::invalid_argument(
        fmt::format("{}: year {} is outside 2000 to 2100", arg_name(style, "date"), y));
  }
  return y;
}

Result<double> parse_price(const std::string& text, ArgStyle style) {
  std::string t;
  for (char c : text) {
    if (c != ' ' && c != '$') t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  double per = 1;
  for (const auto& [suffix, k] :
       {std::pair{"/kwh", 1.0}, {"perkwh", 1.0}, {"/mwh", 1e-3}, {"permwh", 1e-3}}) {
    const std::string s(suffix);
    if (t.size() > s.size() && t.compare(t.size() - s.size(), s.size(), s) == 0) {
      t.resize(t.size() - s.size());
      per = k;
      break;
    }
  }
  auto v = parse_number(t);
  if (!v.ok() || *v < 0) {
    return Status::invalid_argument(fmt::format("{}: '{}' is not a price; write 0.12/kWh, 120/MWh or 0.12",
                                                arg_name(style, "price"), text));
  }
  return *v * per;
}

HostCoverage host_coverage(const DataSet& data, const EstimateRequest& request, const EstimateSpec& spec,
                           const Instance* machine) {
  HostCoverage h;
  if (machine != nullptr) return {true, machine->kind == "node" ? "node" : "instance", std::nullopt};
  if (request.gpu.empty()) return {!request.cpu.empty() || !request.memory.empty(), "no accelerator", std::nullopt};
  if (request.whole_node) {
    auto a = data.find_accelerator(request.gpu);
    const bool tpu = a.ok() && (*a)->kind == "tpu" && request.power.empty() && request.utilisation.empty();
    return {true, tpu ? "in the TPU's power" : "whole-node", std::nullopt};
  }
  if (!request.cpu.empty() || !request.memory.empty()) return {true, "cpu/memory given", std::nullopt};
  auto a = data.find_accelerator(request.gpu);
  if (!a.ok() || (*a)->tdp_w <= 0) return {false, "not counted", std::nullopt};
  if ((*a)->kind == "tpu" && request.power.empty() && request.utilisation.empty()) {
    return {true, "in the TPU's power", std::nullopt};
  }
  h.how = "not counted";
  EstimateSpec with_host = spec;
  auto host = host_load(data, **a, spec.devices.front().count);
  if (!host.ok()) return h;
  with_host.devices.push_back(*host);
  auto e = estimate_energy(with_host);
  if (e.ok()) h.would_add = e->back().energy;
  return h;
}

std::string host_note(const HostCoverage& h) {
  if (h.how == "in the TPU's power") {
    return "TPU power per chip includes its host (Patterson et al. measured system power per chip)";
  }
  if (h.counted || !h.would_add) return "";
  return fmt::format(
      "host not counted: CPUs, memory, NICs and fans of the accelerators' servers would add about {} "
      "of IT energy; {} adds them, {} or {} gives the whole machine",
      format_energy_range(*h.would_add), "--whole-node", "--instance", "--node");
}

}  // namespace carbonscope
