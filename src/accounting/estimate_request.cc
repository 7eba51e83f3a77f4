// An estimate request -> spec, location, Report, equivalents and cleaner regions.
#include "accounting/estimate_request.h"

#include <fmt/format.h>

#include "accounting/estimate_defaults.h"
#include "accounting/estimate_machine.h"
#include "accounting/market_based.h"
#include "accounting/plausibility.h"
#include "carbonscope/limits.h"
#include "carbonscope/parse.h"

namespace carbonscope {

std::vector<const Equivalent*> everyday_equivalent_rows(const DataSet& data) {
  std::vector<const Equivalent*> out;
  for (std::string_view key : kEverydayEquivalents) {
    for (const Equivalent& e : data.equivalents()) {
      if (e.key == key) out.push_back(&e);
    }
  }
  return out;
}

EquivalentValue equivalent_value(const Equivalent& e, Emissions m) { return {&e, m / Emissions::kg(e.kg_per_unit)}; }

std::vector<EquivalentValue> everyday_equivalents(const DataSet& data, Emissions m) {
  std::vector<EquivalentValue> out;
  for (const Equivalent* e : everyday_equivalent_rows(data)) out.push_back(equivalent_value(*e, m));
  return out;
}

Result<EstimateResult> run_estimate(const DataSet& data, const EstimateRequest& given) {
  EstimateResult r;
  // --instance / --node: the machine's accelerators become --gpu and --count.
  CS_ASSIGN_OR_RETURN(const MachineChoice machine, choose_machine(data, given));
  const EstimateRequest& request = machine.request;
  r.machine = machine.machine;
  r.machines = machine.machines;
  CS_ASSIGN_OR_RETURN(r.spec, build_estimate_spec(data, request));
  if (r.machine != nullptr) {
    CS_ASSIGN_OR_RETURN(std::vector<DeviceLoad> host,
                        machine_host_loads(data, *r.machine, r.spec.devices.front(), r.machines));
    for (DeviceLoad& d : host) r.spec.devices.push_back(std::move(d));
    r.spec.server = true;
  }
  r.utilisation_given = !request.utilisation.empty();
  if (!request.requests.empty()) {
    auto n = parse_count(request.requests);
    if (!n.ok()) return n.status().with_context(arg_name(request.style, "requests"));
    r.requests = static_cast<double>(*n);
  }
  LocationText where = request.location;
  if (!request.date.empty()) {
    CS_ASSIGN_OR_RETURN(const int year, year_of_date(request.date, request.style));
    if (where.year != 0 && where.year != year) {
      return Status::invalid_argument(fmt::format("{} and {} name different years ({} and {}): give one",
                                                  arg_name(request.style, "date"),
                                                  arg_name(request.style, "year"), request.date, where.year));
    }
    where.year = year;
  }
  CS_ASSIGN_OR_RETURN(where, machine_location(r.machine, where, request.style));
  CS_ASSIGN_OR_RETURN(r.location, resolve_location_text(data, where, request.style));
  if (r.machine != nullptr && request.location.pue.empty()) {
    apply_machine_provider(data, *r.machine, r.location, request.style);
  }
  if (!request.facility_energy.empty()) {
    if (!request.location.pue.empty() || !request.pue_source.empty()) {
      return Status::invalid_argument(fmt::format(
          "{} already includes the facility overhead: drop {}", arg_name(request.style, "facility-energy"),
          arg_name(request.style, request.location.pue.empty() ? "pue-source" : "pue")));
    }
    r.location.pue = PueFigure{};
    r.location.pue.provenance = {Method::kGiven, "", "included in the given facility energy", "", 0};
  } else {
    CS_ASSIGN_OR_RETURN(r.location.pue, choose_pue(data, request, r.spec, r.location, r.location.notes));
  }
  if (!request.price.empty()) {
    CS_ASSIGN_OR_RETURN(r.price_per_kwh, parse_price(request.price, request.style));
  }
  r.location.intensity = with_vintage_spread(data, r.location, r.location.intensity);
  CS_ASSIGN_OR_RETURN(r.workload, estimate_workload(request));
  r.warnings = estimate_warnings(request);
  for (std::string& w : location_figure_warnings(r.location, !request.location.pue.empty())) {
    r.warnings.push_back(std::move(w));
  }
  for (std::string& w : device_power_warnings(data, request)) r.warnings.push_back(std::move(w));
  CS_ASSIGN_OR_RETURN(std::vector<ComponentEnergy> components, estimate_energy(r.spec));
  if (!request.energy.empty() && !components.empty()) {
    components.front().provenance.detail = arg_name(request.style, "energy");
  }
  if (!request.facility_energy.empty() && !components.empty()) {
    components.front().label = "facility energy given (PUE included)";
    components.front().provenance.detail = arg_name(request.style, "facility-energy");
  }
  Report& rep = r.report;
  rep.run.kind = RunKind::kEstimate;
  rep.run.region = r.location.label;
  rep.run.place = r.location.place;
  if (const auto wall = implied_wall_time(r.spec)) rep.run.duration = *wall;
  for (const DeviceLoad& d : r.spec.devices) {
    if (d.component == "gpu") {
      rep.run.gpu_model = d.label;
      rep.run.gpu_count = static_cast<int>(d.count);
    } else if (d.component == "cpu") {
      rep.run.cpu_model = d.label;
      rep.run.cpu_count = static_cast<int>(d.count);
    }
  }
  rep.footprint = compute_footprint(std::move(components), r.location.pue, r.location.intensity);
  // The one guard for every input at once: no inf, NaN, negative or wrapped figure.
  CS_RETURN_IF_ERROR(
      check_computed(rep.footprint.facility_energy, rep.footprint.emissions,
                     // Device-hours without a count ("39.3M GPU-hours") name device time,
                     // not a wall time: its duration is not checked against 1,000 years.
                     rep.run.duration.count() > 0 && !(!request.device_hours.empty() && request.count.empty())
                         ? std::optional(rep.run.duration)
                         : std::nullopt,
                     given_quantities(request)));
  rep.notes = r.location.notes;
  const bool evidence_power = !r.spec.devices.empty() && r.spec.devices.front().component == "gpu" &&
                              !r.utilisation_given && request.power.empty();
  if (evidence_power) {
    const DeviceLoad& g = r.spec.devices.front();
    CS_ASSIGN_OR_RETURN(const Accelerator* a, data.find_accelerator(g.label));
    const Range<double> share{g.power.central.watts() / a->tdp_w, g.power.low.watts() / a->tdp_w,
                              g.power.high.watts() / a->tdp_w};
    rep.notes.push_back(
        fmt::format("{} drawn at {:.0f}% of TDP ({:.0f}% to {:.0f}%), the measured average while {} "
                    "(data/constants.csv); {} or {} narrows it",
                    a->name, share.central * 100, share.low * 100, share.high * 100, r.workload,
                    "--utilisation", "--power"));
    rep.assumptions.push_back(
        {"power_share_of_tdp",
         share,
         {Method::kEstimated, g.provenance.source_id, "measured average draw while " + r.workload, "", 0}});
  } else if (!r.spec.devices.empty()) {
    rep.notes.push_back(r.utilisation_given
                            ? fmt::format("utilisation {:.0f}% applied to device power (memory excluded)",
                                          r.spec.utilisation * 100)
                            : "devices drawn at the given power");
  }
  if (!r.spec.devices.empty()) {
    rep.assumptions.push_back(
        {"utilisation",
         Range<double>::exact(r.spec.utilisation),
         {r.utilisation_given ? Method::kGiven : Method::kDefault, "",
          r.utilisation_given ? "" : "power from evidence or given, not scaled", "", 0}});
  }
  r.host = host_coverage(data, request, r.spec, r.machine);
  if (std::string n = host_note(r.host); !n.empty()) rep.notes.push_back(std::move(n));
  CS_ASSIGN_OR_RETURN(r.market_based, market_based_emissions(data, request, where, r.location, rep.footprint));
  if (r.market_based) {
    rep.notes.push_back(fmt::format(
        "market-based emissions take the carbon-free-energy share ({:.0f}%) off the location-based figure: "
        "a simplification that ignores the residual mix and how the clean energy is matched "
        "(docs/methodology-estimate.md); the location-based figure is the footprint",
        r.market_based->cfe_share * 100));
  }
  if (r.spec.compute) {
    rep.assumptions.push_back({"mfu", r.spec.compute->mfu.value, r.spec.compute->mfu.provenance});
  }
  if (r.spec.compute) {
    const ComputeDemand& c = *r.spec.compute;
    rep.notes.push_back(
        fmt::format("prediction from compute: {} FLOPs at {} x MFU; devices drawn at the power above "
                    "for the time the compute takes",
                    c.formula, c.precision));
    if (c.mfu.provenance.method == Method::kDefault) {
      rep.notes.push_back(fmt::format("{} [{}]; {} narrows it", c.mfu.provenance.detail, c.mfu.provenance.source_id,
                                      arg_name(request.style, "mfu")));
    }
    if (!request.active_params.empty()) {
      rep.notes.push_back("mixture of experts: the compute counts the parameters active per token only; the "
                          "MFU is looked up at that size (MoE training often reaches a lower MFU than dense)");
    }
    if (c.formula.front() == '2' && c.mfu.provenance.method == Method::kDefault) {
      rep.notes.push_back(
          fmt::format("the default MFU ({:.0f}% to {:.0f}%) comes from training reports: serving at small batch "
                      "sizes often runs far below it, so this energy is likely an underestimate; give {} if "
                      "you know it",
                      c.mfu.value.low * 100, c.mfu.value.high * 100, arg_name(request.style, "mfu")));
    }
  }
  r.equivalents = everyday_equivalents(data, rep.footprint.emissions.central);
  r.alternatives = cleaner_alternatives(data, r.location, rep.footprint.it_energy, 3);
  return r;
}

}  // namespace carbonscope
