// The phases of a project file: training and experiments (estimated, from FLOPs, or
// ledger runs; N runs of a size), idle and infrastructure power, inference deployments.
#include <cmath>

#include <fmt/format.h>

#include "carbonscope/compute.h"
#include "carbonscope/format.h"
#include "project/project_internal.h"
#include "project/project_job.h"

namespace carbonscope::project {
namespace {

// "X FLOPs / (P TFLOP/s bf16 x MFU 41%, 21 to 50% from ...)": how the estimate turned
// the compute into device time.
std::string compute_how(const ComputeDemand& c) {
  const MfuFigure& mfu = c.mfu;
  return fmt::format("{} FLOPs / ({} TFLOP/s {} x MFU {}{})", format_number(c.flops.count(), 3),
                     format_number(c.peak.tflops(), 4), c.precision, format_number(mfu.value.central * 100, 3),
                     mfu.value.is_exact() ? "% given"
                                          : fmt::format("%, {} to {}% from {}", format_number(mfu.value.low * 100, 3),
                                                        format_number(mfu.value.high * 100, 3), mfu.evidence));
}

// The project's default utilisation: devices at their full power (TDP or given), as the
// published life-cycle studies count them; the estimate's measured average draw applies
// only to `carbonscope estimate` and Python's estimate().
void full_power_unless_given(EstimateRequest& request) {
  if (request.utilisation.empty()) request.utilisation = "1";
}

template <typename... Keys>
int count_set(const TableReader& r, Keys... keys) {
  return (static_cast<int>(r.has(keys)) + ...);
}

// Ledger runs: their IT energy, and (without a location of the entry's own) the PUE
// and intensity they were recorded with, energy-weighted.
bool read_ledger(const Context& ctx, const TableReader& r, EnergyEntry& e, const LocationKeys& own) {
  RunQuery q;
  q.ids = r.texts("ledger_runs");
  q.tag = r.text("ledger_tag").value_or("");
  auto runs = ctx.runs(q);
  const char* key = q.ids.empty() ? "ledger_tag" : "ledger_runs";
  if (!runs.ok()) {
    r.error(key, runs.status().message());
    return false;
  }
  if (runs->empty()) {
    r.error(key, fmt::format("no ledger run has tag '{}'", q.tag));
    return false;
  }
  Range<Energy> it, facility;
  Range<Emissions> emissions;
  for (const Report& rep : *runs) {
    it = it + rep.footprint.it_energy;
    facility = facility + rep.footprint.facility_energy;
    emissions = emissions + rep.footprint.emissions;
    e.device_hours = e.device_hours + Range<double>::exact(hours(rep.run.duration) * rep.run.gpu_count);
  }
  e.energy = it;
  const Report& first = runs->front();
  e.provenance = first.footprint.components.empty() ? Provenance{Method::kMeasured, "", "", "", 0}
                                                    : first.footprint.components.front().provenance;
  e.provenance.detail = fmt::format("{} ledger run{} ({})", runs->size(), runs->size() == 1 ? "" : "s",
                                    q.ids.empty() ? "tag " + q.tag : fmt::format("{}", fmt::join(q.ids, ", ")));
  e.detail = e.provenance.detail;
  if (own.any() || ctx.defaults.any()) {
    if (!own.any()) e.detail += "; at the project's location";
    return true;  // the caller resolves the location
  }
  const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  e.pue.value = {ratio(facility.central.joules(), it.central.joules()), ratio(facility.low.joules(), it.low.joules()),
                 ratio(facility.high.joules(), it.high.joules())};
  e.pue.provenance = first.footprint.pue.provenance;
  e.pue.provenance.detail = "the ledger runs' own PUE, energy-weighted";
  e.intensity.value = {emissions.central / facility.central, emissions.low / facility.low,
                       emissions.high / facility.high};
  e.intensity.provenance = first.footprint.intensity.provenance;
  e.intensity.provenance.detail = "the ledger runs' own grid intensity, energy-weighted";
  return false;
}

// energy_per_request = "ledger:RUN_ID": a run measured with its requests counted (run or
// monitor --requests-from/--requests-log, or track() with add_requests). With a duration,
// the fit's idle draw x duration + its marginal energy per request x requests, each
// with the fit's range; without one, the run's mean energy per request (idle included).
bool read_ledger_requests(const Context& ctx, const TableReader& r, const std::string& id,
                          const std::optional<Duration>& duration, double requests, EnergyEntry& e,
                          std::vector<std::string>& parts) {
  RunQuery q;
  q.ids = {id};
  auto runs = ctx.runs(q);
  if (!runs.ok() || runs->empty()) {
    r.error("energy_per_request", runs.ok() ? fmt::format("no ledger run {}", id) : runs.status().message());
    return false;
  }
  const Report& rep = runs->front();
  if (!rep.inference || rep.inference->totals.requests <= 0) {
    r.error("energy_per_request", fmt::format("ledger run {} counted no requests: measure the service with "
                                              "--requests-from or --requests-log (or add_requests in Python)",
                                              rep.run.id));
    return false;
  }
  const InferenceFigures fig = inference_figures(*rep.inference);
  const auto wh = [](double v) { return Energy::kwh(v / 1000); };
  if (duration && fig.wh_per_request && fig.idle_w) {
    const double h = duration->count() / 3600;
    const auto lo = [](double v) { return std::max(0.0, v); };
    e.energy = Range<Energy>::of(wh(fig.idle_w->central * h + fig.wh_per_request->central * requests),
                                 wh(lo(fig.idle_w->low) * h + lo(fig.wh_per_request->low) * requests),
                                 wh(fig.idle_w->high * h + fig.wh_per_request->high * requests));
    parts.push_back(fmt::format("measured in ledger run {}: idle {} x {} + {} per request x {} requests",
                                rep.run.id, format_power(Power::watts(fig.idle_w->central)),
                                format_duration(*duration),
                                (fig.wh_per_request->central < 0 ? "-" : "") +
                                    format_energy(wh(std::abs(fig.wh_per_request->central))),
                                format_count(requests)));
  } else {
    e.energy = Range<Energy>::exact(wh(fig.mean_wh_per_request * requests));
    parts.push_back(fmt::format("measured in ledger run {}: {} per request (idle included) x {} requests",
                                rep.run.id, format_energy(wh(fig.mean_wh_per_request)), format_count(requests)));
  }
  e.provenance = rep.footprint.components.empty() ? Provenance{Method::kMeasured, "", "", "", 0}
                                                  : rep.footprint.components.front().provenance;
  e.provenance.detail = fmt::format("per-request energy measured in ledger run {} ({} requests served then)",
                                    rep.run.id, format_count(rep.inference->totals.requests));
  return true;
}

}  // namespace

void read_training(const Context& ctx, const TableReader& r, LcaInputs& out) {
  EnergyEntry e;
  e.part = LcaPart::kDynamic;
  e.name = r.text("name").value_or(r.name());
  const LocationKeys own = read_location(r);
  const double runs = static_cast<double>(r.integer("runs", 1).value_or(1));
  const bool ledger = r.has("ledger_runs") || r.has("ledger_tag");
  const bool flops = r.has("flops") || r.has("params") || r.has("active_params") || r.has("tokens");
  const bool time = r.has("duration") || r.has("device_hours");
  const int modes = static_cast<int>(r.has("energy")) + static_cast<int>(ledger) + static_cast<int>(flops) +
                    static_cast<int>(time);
  if (modes != 1) {
    r.error_here("give exactly one of: energy; hardware and a time (duration or device_hours); flops or params and "
                 "tokens; ledger_runs or ledger_tag");
    return;
  }
  bool resolve = true;
  if (auto energy = r.energy("energy")) {
    e.energy = Range<Energy>::exact(*energy);
    e.provenance = {Method::kGiven, "", "energy given", "", 0};
    e.detail = fmt::format("{} given", format_energy(*energy));
  } else if (ledger) {
    if (r.has("ledger_runs") && r.has("ledger_tag")) r.error("ledger_tag", "conflicts with ledger_runs: give one");
    resolve = read_ledger(ctx, r, e, own);
    if (e.detail.empty()) return;
  } else {
    // hardware and a time, or the compute: the estimate's job, in the file's names.
    EstimateRequest request;
    if (!read_job_keys(r, {std::begin(kJobKeys), std::end(kJobKeys)}, request)) return;
    full_power_unless_given(request);
    const auto job = estimate_job(ctx, r, request);
    if (!job) return;
    const DeviceLoad& d = job->spec.devices.front();
    e.energy = job->energy;
    if (job->spec.compute) {
      const Range<Duration> t = job->spec.compute->device_time();
      e.device_hours = {hours(t.central), hours(t.low), hours(t.high)};
      e.provenance = {Method::kEstimated, d.provenance.source_id,
                      fmt::format("{}; {}", compute_how(*job->spec.compute), device_power_text(*job)), "", 0};
      e.detail = fmt::format("{} device-hours ({} to {}) of {}", format_count(e.device_hours.central),
                             format_count(e.device_hours.low), format_count(e.device_hours.high), d.label);
    } else {
      const double device_hours =
          job->spec.device_hours ? *job->spec.device_hours : d.count * hours(*job->spec.wall_time);
      if (job->accelerator != nullptr) e.device_hours = Range<double>::exact(device_hours);
      e.provenance = d.provenance;
      e.provenance.detail =
          fmt::format("{} x {:.0f}% utilisation x time", device_power_text(*job), job->spec.utilisation * 100);
      e.detail = fmt::format("{} x {}, {} device-hours", d.count,
                             d.component == "system" ? format_power(d.power.central) + " device" : d.label,
                             format_count(device_hours)) +
                 other_lines_text(*job);
    }
  }
  if (runs > 1) {
    e.energy = e.energy.scaled(runs);
    e.device_hours = e.device_hours.scaled(runs);
    e.detail += fmt::format("; x {} runs of this size", runs);
  }
  if (resolve) {
    auto loc = locate(ctx, r, own);
    if (!loc) return;
    e.pue = loc->pue;
    e.intensity = loc->intensity;
    out.notes.insert(out.notes.end(), loc->notes.begin(), loc->notes.end());
  }
  out.energy.push_back(std::move(e));
}

void read_idle(const Context& ctx, const TableReader& r, LcaInputs& out) {
  EnergyEntry e;
  e.part = LcaPart::kIdle;
  e.name = r.text("name").value_or(r.name());
  const LocationKeys own = read_location(r);
  const int modes = count_set(r, "energy", "power", "share");
  if (modes != 1) {
    r.error_here("give exactly one of: energy; power and duration; share (of idle in all IT energy)");
    return;
  }
  if (auto energy = r.energy("energy")) {
    e.energy = Range<Energy>::exact(*energy);
    e.provenance = {Method::kGiven, "", "energy given", "", 0};
    e.detail = fmt::format("{} given", format_energy(*energy));
  } else if (r.has("power")) {
    const auto power = r.power("power");
    const auto duration = r.duration("duration");
    if (!r.has("duration")) r.error_here("power needs duration = \"118d\" (how long it was drawn)");
    if (!power || !duration) return;
    e.energy = Range<Energy>::exact(*power * *duration);
    e.provenance = {Method::kGiven, "", "power x duration", "", 0};
    e.detail = fmt::format("{} for {}", format_power(*power), format_duration(*duration));
  } else {
    const auto share = r.fraction("share");
    if (!share) return;
    if (*share >= 1) {
      r.error("share", "must be below 100%: it is idle energy over idle + dynamic energy");
      return;
    }
    e.idle_share = *share;
    e.provenance = {Method::kGiven, "", "measured idle share of IT energy", "", 0};
    e.detail = fmt::format("{}% of idle + dynamic IT energy", format_number(*share * 100, 3));
  }
  if (r.has("duration") && !r.has("power")) r.error("duration", "is only used with power");
  auto loc = locate(ctx, r, own);
  if (!loc) return;
  e.pue = loc->pue;
  e.intensity = loc->intensity;
  out.energy.push_back(std::move(e));
}

void read_inference(const Context& ctx, const TableReader& r, LcaInputs& out) {
  EnergyEntry e;
  e.part = LcaPart::kInference;
  e.name = r.text("name").value_or(r.name());
  const LocationKeys own = read_location(r);
  const auto requests = r.integer("requests", 1);
  const auto duration = r.duration("duration");
  const double instances = static_cast<double>(r.integer("instances", 1).value_or(1));
  const double per_instance = static_cast<double>(r.integer("gpus_per_instance", 1).value_or(1));
  const bool compute = r.has("params") || r.has("tokens_per_request");
  const int modes = count_set(r, "energy", "energy_per_request") + static_cast<int>(compute);
  if (modes > 1) {
    r.error_here("give at most one of: energy (measured); energy_per_request; params and tokens_per_request");
    return;
  }
  const auto need_requests = [&](std::string_view why) {
    if (!r.has("requests")) r.error_here(fmt::format("{} needs requests = N (requests served)", why));
    return requests.has_value();
  };
  std::vector<std::string> parts;
  if (auto energy = r.energy("energy")) {
    e.energy = Range<Energy>::exact(*energy);
    e.provenance = {Method::kGiven, "", "energy measured over the deployment", "", 0};
    parts.push_back(fmt::format("{} measured", format_energy(*energy)));
  } else if (const auto from = r.text("energy_per_request"); from && from->rfind("ledger:", 0) == 0) {
    if (!need_requests("energy_per_request") || !read_ledger_requests(ctx, r, from->substr(7), duration,
                                                                    static_cast<double>(*requests), e, parts)) {
      return;
    }
  } else if (r.has("energy_per_request")) {
    const auto per = r.energy("energy_per_request");
    if (!need_requests("energy_per_request") || !per) return;
    e.energy = Range<Energy>::exact(*per * static_cast<double>(*requests));
    e.provenance = {Method::kGiven, "", "energy per request x requests", "", 0};
    parts.push_back(fmt::format("{} per request x {} requests", format_energy(*per),
                                format_count(static_cast<double>(*requests))));
  } else if (compute) {
    // 2N FLOPs per token served: the estimate's inference tokens are tokens_per_request x requests.
    const auto tokens = r.scaled_count("tokens_per_request");
    if (!r.has("params") || !r.has("tokens_per_request")) r.error_here("needs both params and tokens_per_request");
    EstimateRequest request;
    const bool keys = read_job_keys(r, {"hardware", "power", "params", "active_params", "precision", "mfu"}, request);
    if (!need_requests("a compute estimate") || !keys || !tokens || !r.has("params")) return;
    request.inference_tokens = fmt::format("{}", *tokens * static_cast<double>(*requests));
    request.utilisation = "1";  // the compute sets the device time; utilisation is not applied
    const auto job = estimate_job(ctx, r, request);
    if (!job) return;
    e.energy = job->energy;
    e.provenance = {Method::kEstimated, job->spec.devices.front().provenance.source_id,
                    fmt::format("2N FLOPs per token: {}; {}", compute_how(*job->spec.compute), device_power_text(*job)),
                    "", 0};
    parts.push_back(fmt::format("{} tokens per request x 2N FLOPs", format_number(*tokens, 4)));
  } else {
    if (!r.has("duration")) r.error_here("hardware x time needs duration = \"18d\"");
    EstimateRequest request;
    if (!read_job_keys(r, {"hardware", "power", "cpu", "cpus", "memory", "utilisation", "duration"}, request) ||
        !duration) {
      return;
    }
    if (instances * per_instance != 1) request.count = fmt::format("{}", instances * per_instance);
    full_power_unless_given(request);
    const auto job = estimate_job(ctx, r, request);
    if (!job) return;
    e.energy = job->energy;
    e.provenance = job->spec.devices.front().provenance;
    e.provenance.detail =
        fmt::format("{} x {:.0f}% utilisation x time", device_power_text(*job), job->spec.utilisation * 100);
    parts.push_back(fmt::format("{} instance{} x {} device{} for {}{}", instances, instances == 1 ? "" : "s",
                                per_instance, per_instance == 1 ? "" : "s", format_duration(*duration),
                                other_lines_text(*job)));
  }
  if (r.has("idle_instances")) {
    const auto idle = r.integer("idle_instances", 0);
    const auto idle_power = r.power("idle_power");
    if (!r.has("idle_power")) r.error("idle_instances", "needs idle_power = \"120W\" per idle instance");
    if (!r.has("duration")) r.error("idle_instances", "needs duration = \"18d\" (how long they stood by)");
    if (!idle || !idle_power || !duration) return;
    const Energy standby = *idle_power * *duration * static_cast<double>(*idle);
    e.energy = e.energy + Range<Energy>::exact(standby);
    parts.push_back(fmt::format("+ {} idle replica{} at {} ({})", *idle, *idle == 1 ? "" : "s",
                                format_power(*idle_power), format_energy(standby)));
  } else if (r.has("idle_power")) {
    r.error("idle_power", "is only used with idle_instances");
  }
  if (requests) e.requests = static_cast<double>(*requests);
  e.detail = fmt::format("{}", fmt::join(parts, " "));
  auto loc = locate(ctx, r, own);
  if (!loc) return;
  e.pue = loc->pue;
  e.intensity = loc->intensity;
  out.energy.push_back(std::move(e));
}

}  // namespace carbonscope::project
