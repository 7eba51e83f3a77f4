// The phases of a project file: training and experiments (estimated, from FLOPs, or
// ledger runs; N runs of a size), idle and infrastructure power, inference deployments.
#include <cmath>

#include <fmt/format.h>

#include "carbonscope/compute.h"
#include "carbonscope/format.h"
#include "project/project_internal.h"

namespace carbonscope::project {
namespace {

// Power per device: given, else the accelerator's TDP. nullopt after an error.
struct Device {
  const Accelerator* accelerator = nullptr;
  Power power;
  Provenance provenance;
};

std::optional<Device> read_device(const Context& ctx, const TableReader& r, bool required) {
  Device d;
  const auto hardware = r.text("hardware");
  const auto power = r.power("power");
  if (hardware) {
    auto a = ctx.data.find_accelerator(*hardware);
    if (!a.ok()) {
      r.error("hardware", a.status().message());
      return std::nullopt;
    }
    d.accelerator = *a;
  }
  if (power) {
    d.power = *power;
    d.provenance = {Method::kGiven, "", fmt::format("{} per device (given)", format_power(*power)), "", 0};
  } else if (d.accelerator != nullptr && d.accelerator->tdp_w > 0) {
    d.power = Power::watts(d.accelerator->tdp_w);
    d.provenance = {Method::kEstimated, d.accelerator->source_id,
                    fmt::format("{} TDP {} W", d.accelerator->name, d.accelerator->tdp_w), "", 0};
  } else if (d.accelerator != nullptr) {
    r.error("hardware", fmt::format("no source gives a TDP for {}; add power = \"500W\"", d.accelerator->name));
    return std::nullopt;
  } else {
    if (required) r.error_here("needs hardware = \"A100 SXM4 80GB\" or power = \"400W\" per device");
    return std::nullopt;
  }
  return d;
}

// Device time for `flops` at the accelerator's peak x MFU (given, else from the published
// training reports of data/mfu.csv for a model of `params` parameters).
std::optional<Range<Duration>> compute_time(const Context& ctx, const TableReader& r, const Device& d, Flops flops,
                                            std::optional<double> params, std::string& how) {
  if (d.accelerator == nullptr) {
    r.error_here("a FLOPs estimate needs hardware = \"...\" for the peak FLOP/s");
    return std::nullopt;
  }
  const std::string precision = r.text("precision").value_or(kDefaultPrecision);
  auto peak = peak_flop_rate(*d.accelerator, precision);
  if (!peak.ok()) {
    r.error(r.has("precision") ? "precision" : "hardware", peak.status().message());
    return std::nullopt;
  }
  MfuFigure mfu;
  if (auto m = r.fraction("mfu")) {
    mfu = given_mfu(*m, "mfu");
  } else {
    auto evidence = mfu_from_evidence(ctx.data, *d.accelerator, params);
    if (!evidence.ok()) {
      r.error_here(evidence.status().message());
      return std::nullopt;
    }
    mfu = *evidence;
  }
  how = fmt::format("{} FLOPs / ({} TFLOP/s {} x MFU {}{})", format_number(flops.count(), 3),
                    format_number(peak->tflops(), 4), precision, format_number(mfu.value.central * 100, 3),
                    mfu.value.is_exact() ? "% given"
                                         : fmt::format("%, {} to {}% from {}", format_number(mfu.value.low * 100, 3),
                                                       format_number(mfu.value.high * 100, 3), mfu.evidence));
  return device_time(flops, *peak, mfu.value);
}

Range<Energy> times(Power p, const Range<Duration>& t, double k) {
  return {p * t.central * k, p * t.low * k, p * t.high * k};
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
  const double count = static_cast<double>(r.integer("count", 1).value_or(1));
  const double util = r.fraction("utilisation").value_or(1.0);
  const bool ledger = r.has("ledger_runs") || r.has("ledger_tag");
  const bool flops = r.has("flops") || r.has("params") || r.has("tokens");
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
  } else if (flops) {
    std::optional<double> total = r.scaled_count("flops");
    if (total && (r.has("params") || r.has("tokens"))) r.error("flops", "conflicts with params and tokens");
    std::optional<double> size;
    if (!total) {
      const auto params = r.scaled_count("params");
      size = params;
      const auto tokens = r.scaled_count("tokens");
      if (!params || !tokens) {
        if (!r.has("params") || !r.has("tokens")) r.error_here("a FLOPs estimate needs both params and tokens");
        return;
      }
      total = training_flops(*params, *tokens).count();
    }
    const auto device = read_device(ctx, r, true);
    if (!device) return;
    std::string how;
    const auto t = compute_time(ctx, r, *device, Flops::count(*total), size, how);
    if (!t) return;
    e.energy = times(device->power, *t, util);
    e.device_hours = {hours(t->central), hours(t->low), hours(t->high)};
    e.provenance = {Method::kEstimated, device->provenance.source_id,
                    fmt::format("{}; {}", how, device->provenance.detail), "", 0};
    e.detail = fmt::format("{} device-hours ({} to {}) of {}", format_count(e.device_hours.central),
                           format_count(e.device_hours.low), format_count(e.device_hours.high),
                           device->accelerator->name);
  } else {
    const auto device = read_device(ctx, r, true);
    const auto duration = r.duration("duration");
    const auto dh = r.number("device_hours", 0, false, 1e15);
    if (duration && dh) r.error("device_hours", "conflicts with duration: give one of them");
    if (!device || !(duration || dh)) return;
    const double device_hours = dh ? *dh : count * hours(*duration);
    e.energy = Range<Energy>::exact(device->power * from_hours(device_hours) * util);
    if (device->accelerator != nullptr) e.device_hours = Range<double>::exact(device_hours);
    e.provenance = device->provenance;
    e.provenance.detail += fmt::format(" x {:.0f}% utilisation x time", util * 100);
    e.detail = fmt::format("{} x {}, {} device-hours", count,
                           device->accelerator ? device->accelerator->name : format_power(device->power) + " device",
                           format_count(device_hours));
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
  const double util = r.fraction("utilisation").value_or(1.0);
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
    const auto params = r.scaled_count("params");
    const auto tokens = r.scaled_count("tokens_per_request");
    if (!r.has("params") || !r.has("tokens_per_request")) r.error_here("needs both params and tokens_per_request");
    const auto device = read_device(ctx, r, true);
    if (!need_requests("a compute estimate") || !params || !tokens || !device) return;
    std::string how;
    const auto t =
        compute_time(ctx, r, *device, inference_flops(*params, *tokens * static_cast<double>(*requests)), params, how);
    if (!t) return;
    e.energy = times(device->power, *t, 1.0);
    e.provenance = {Method::kEstimated, device->provenance.source_id,
                    fmt::format("2N FLOPs per token: {}; {}", how, device->provenance.detail), "", 0};
    parts.push_back(fmt::format("{} tokens per request x 2N FLOPs", format_number(*tokens, 4)));
  } else {
    const auto device = read_device(ctx, r, true);
    if (!r.has("duration")) r.error_here("hardware x time needs duration = \"18d\"");
    if (!device || !duration) return;
    e.energy = Range<Energy>::exact(device->power * *duration * (instances * per_instance * util));
    e.provenance = device->provenance;
    e.provenance.detail += fmt::format(" x {:.0f}% utilisation x time", util * 100);
    parts.push_back(fmt::format("{} instance{} x {} device{} for {}", instances, instances == 1 ? "" : "s",
                                per_instance, per_instance == 1 ? "" : "s", format_duration(*duration)));
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
