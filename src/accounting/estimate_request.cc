// An estimate request -> spec, location, Report, equivalents and cleaner regions.
#include "accounting/estimate_request.h"

#include <fmt/format.h>

#include "accounting/plausibility.h"
#include "carbonscope/limits.h"
#include "carbonscope/parse.h"

namespace carbonscope {

std::vector<EquivalentValue> everyday_equivalents(const DataSet& data, Emissions m) {
  std::vector<EquivalentValue> out;
  for (std::string_view key : kEverydayEquivalents) {
    for (const Equivalent& e : data.equivalents()) {
      if (e.key == key) out.push_back({&e, m.kg() / e.kg_per_unit});
    }
  }
  return out;
}

Result<EstimateResult> run_estimate(const DataSet& data, const EstimateRequest& request) {
  EstimateResult r;
  CS_ASSIGN_OR_RETURN(r.spec, build_estimate_spec(data, request));
  r.utilisation_given = !request.utilisation.empty();
  if (!request.requests.empty()) {
    auto n = parse_count(request.requests);
    if (!n.ok()) return n.status().with_context(arg_name(request.style, "requests"));
    r.requests = static_cast<double>(*n);
  }
  CS_ASSIGN_OR_RETURN(r.location, resolve_location_text(data, request.location, request.style));
  r.warnings = estimate_warnings(request);
  CS_ASSIGN_OR_RETURN(std::vector<ComponentEnergy> components, estimate_energy(r.spec));
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
                     rep.run.duration.count() > 0 ? std::optional(rep.run.duration) : std::nullopt,
                     given_quantities(request)));
  rep.notes = r.location.notes;
  if (!r.spec.devices.empty()) {
    rep.notes.push_back(r.utilisation_given
                            ? fmt::format("utilisation {:.0f}% applied to device power (memory excluded)",
                                          r.spec.utilisation * 100)
                            : "utilisation 100% (default): devices drawn at their full rated power");
  }
  if (!r.spec.devices.empty()) {
    rep.assumptions.push_back({"utilisation", Range<double>::exact(r.spec.utilisation),
                               {r.utilisation_given ? Method::kGiven : Method::kDefault, "",
                                r.utilisation_given ? "" : "devices at their full rated power", "", 0}});
  }
  if (r.spec.compute) {
    rep.assumptions.push_back({"mfu", r.spec.compute->mfu.value, r.spec.compute->mfu.provenance});
  }
  if (r.spec.compute) {
    const ComputeDemand& c = *r.spec.compute;
    rep.notes.push_back(fmt::format("prediction from compute: {} FLOPs at {} x MFU; devices drawn at their rated "
                                    "power for the time the compute takes", c.formula, c.precision));
    if (c.formula.front() == '2' && c.mfu.provenance.method == Method::kDefault) {
      rep.notes.push_back(fmt::format("the default MFU (30% to 50%) is a training figure: serving at small batch sizes "
                                      "often runs far below it, so this energy is likely an underestimate; give {} if "
                                      "you know it", arg_name(request.style, "mfu")));
    }
  }
  r.equivalents = everyday_equivalents(data, rep.footprint.emissions.central);
  r.alternatives = cleaner_alternatives(data, r.location, 3);
  return r;
}

}  // namespace carbonscope
