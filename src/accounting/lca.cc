// The life-cycle model: amortised embodied emissions plus energy x PUE x intensity per
// phase, summed by part with shares of the total.
#include "carbonscope/lca.h"

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "carbonscope/limits.h"

namespace carbonscope {
namespace {

Status check_range(const Range<double>& r, double min, bool min_open, double max, std::string_view what,
                   std::string_view entry) {
  const bool low_ok = min_open ? r.low > min : r.low >= min;
  if (!r.is_valid() || !low_ok || r.high > max) {
    return Status::invalid_argument(fmt::format("{}: {} must lie in {}{}, {}] with low <= central <= high, got "
                                                "{} ({} to {})",
                                                entry, what, min_open ? "(" : "[", min, max, r.central, r.low,
                                                r.high));
  }
  return {};
}

Result<LcaLine> embodied_line(const EmbodiedEntry& e, const Range<double>& derived_device_hours,
                              double hours_per_year) {
  CS_RETURN_IF_ERROR(check_range(e.lifetime_years, 0, true, 100, "lifetime_years", e.name));
  CS_RETURN_IF_ERROR(check_range(e.use_share, 0, true, 1, "use_share", e.name));
  if (!(e.devices_per_unit > 0)) {
    return Status::invalid_argument(fmt::format("{}: devices per unit must be > 0", e.name));
  }
  const Range<double> hours = e.unit_hours ? *e.unit_hours : derived_device_hours.scaled(1.0 / e.devices_per_unit);
  LcaLine l;
  l.part = LcaPart::kEmbodied;
  l.name = e.name;
  l.provenance = e.provenance;
  l.unit_hours = hours;
  const auto amortised = [&](Emissions per_unit, double h, double life, double share) {
    return per_unit * (h / (life * hours_per_year * share));
  };
  l.emissions = {amortised(e.per_unit.central, hours.central, e.lifetime_years.central, e.use_share.central),
                 amortised(e.per_unit.low, hours.low, e.lifetime_years.high, e.use_share.high),
                 amortised(e.per_unit.high, hours.high, e.lifetime_years.low, e.use_share.low)};
  l.detail = fmt::format("{}{} kg per unit x {} unit-hours / ({} years x {} h x {}% in use)",
                         e.label.empty() ? "" : e.label + ": ", format_short(e.per_unit.central.kg()),
                         format_short(hours.central, 8), format_short(e.lifetime_years.central),
                         format_short(hours_per_year), format_short(e.use_share.central * 100));
  return l;
}

LcaLine energy_line(const EnergyEntry& e, const Range<Energy>& it_energy) {
  LcaLine l;
  l.part = e.part;
  l.name = e.name;
  l.detail = e.detail;
  l.provenance = e.provenance;
  Footprint f = compute_footprint({{std::string(lca_part_name(e.part)), e.name, it_energy, e.provenance}}, e.pue,
                                  e.intensity);
  l.energy = f.it_energy;
  l.facility_energy = f.facility_energy;
  l.emissions = f.emissions;
  l.pue = f.pue;
  l.intensity = f.intensity;
  if (e.requests && *e.requests > 0) {
    const double k = 1.0 / *e.requests;
    l.requests = e.requests;
    l.facility_energy_per_request = l.facility_energy.scaled(k);
    l.emissions_per_request = l.emissions.scaled(k);
  }
  return l;
}

}  // namespace

std::string_view lca_part_name(LcaPart p) {
  switch (p) {
    case LcaPart::kEmbodied: return "embodied";
    case LcaPart::kDynamic: return "dynamic";
    case LcaPart::kIdle: return "idle";
    case LcaPart::kInference: return "inference";
  }
  return "unknown";
}

Result<LcaResult> compute_lca(const LcaInputs& in) {
  if (!(in.hours_per_year > 0)) return Status::invalid_argument("hours_per_year must be > 0");
  LcaResult r;
  r.project = in.project;
  r.notes = in.notes;

  Range<double> device_hours = Range<double>::exact(0);
  Range<Energy> dynamic_energy;
  for (const EnergyEntry& e : in.energy) {
    if (e.part == LcaPart::kEmbodied) {
      return Status::invalid_argument(fmt::format("{}: an energy entry cannot be embodied", e.name));
    }
    if (e.part != LcaPart::kDynamic) continue;
    device_hours = device_hours + e.device_hours;
    dynamic_energy = dynamic_energy + e.energy;
  }

  for (const EmbodiedEntry& e : in.embodied) {
    if (!e.unit_hours && device_hours.central <= 0) {
      return Status::invalid_argument(fmt::format(
          "{}: no hours to amortise over: give the fleet's device_hours or duration, or training entries "
          "with hardware and a time (their device-hours are used)", e.name));
    }
    CS_ASSIGN_OR_RETURN(LcaLine l, embodied_line(e, device_hours, in.hours_per_year));
    r.lines.push_back(std::move(l));
  }
  for (const EnergyEntry& e : in.energy) {
    Range<Energy> it = e.energy;
    if (e.idle_share) {
      const double s = *e.idle_share;
      if (!(s >= 0 && s < 1)) {
        return Status::invalid_argument(fmt::format("{}: idle share must be in [0, 100%), got {}", e.name, s));
      }
      if (dynamic_energy.central.joules() <= 0) {
        return Status::invalid_argument(fmt::format("{}: an idle share needs training entries to be a share of",
                                                    e.name));
      }
      it = dynamic_energy.scaled(s / (1 - s));
    }
    r.lines.push_back(energy_line(e, it));
  }

  for (const LcaLine& l : r.lines) {
    r.emissions = r.emissions + l.emissions;
    r.facility_energy = r.facility_energy + l.facility_energy;
  }
  CS_RETURN_IF_ERROR(check_computed(r.facility_energy, r.emissions, std::nullopt,
                                    "the project file's quantities (energies, hours, shares, counts)"));
  const double total = r.emissions.central.grams();
  for (LcaLine& l : r.lines) l.share = total > 0 ? l.emissions.central.grams() / total : 0;
  for (LcaPart p : kLcaParts) {
    LcaPartTotal t;
    t.part = p;
    for (const LcaLine& l : r.lines) {
      if (l.part != p) continue;
      t.emissions = t.emissions + l.emissions;
      t.facility_energy = t.facility_energy + l.facility_energy;
      t.share += l.share;
    }
    r.parts.push_back(t);
  }
  return r;
}

}  // namespace carbonscope
