// From estimate's flags to an EstimateSpec: hardware names through the data tables,
// every value parsed with a message naming its flag.
#include <fmt/format.h>

#include "carbonscope/compute.h"
#include "carbonscope/parse.h"
#include "estimate_command.h"

namespace carbonscope::cli {
namespace {

template <typename T>
Result<T> flag(Result<T> r, std::string_view name) {
  if (!r.ok()) return r.status().with_context(name);
  return r;
}

Result<double> memory_gb(const std::string& text) {
  std::string t = text;
  for (const char* unit : {"GB", "gb", "GiB", "G", "g"}) {
    if (t.size() > std::string_view(unit).size() && t.ends_with(unit)) {
      t.resize(t.size() - std::string_view(unit).size());
      break;
    }
  }
  auto v = parse_positive(t);
  if (!v.ok()) return Status::invalid_argument(fmt::format("'{}' is not a memory size such as 64GB", text));
  return *v;
}

// --params with --tokens (training, 6ND) or --inference-tokens (2N per token), at the
// --gpu's dense peak for --precision x --mfu.
Result<ComputeDemand> compute_demand(const DataSet& data, const EstimateOptions& o) {
  if (o.params.empty()) {
    return Status::invalid_argument("--tokens, --inference-tokens, --precision and --mfu need --params (70B)");
  }
  if (o.gpu.empty()) {
    return Status::invalid_argument("--params needs --gpu: the accelerator's peak FLOP/s comes from the data tables");
  }
  for (auto [set, name] : {std::pair{!o.hours.empty(), "--hours"}, {!o.duration.empty(), "--duration"},
                           {!o.device_hours.empty(), "--device-hours"}}) {
    if (set) {
      return Status::invalid_argument(fmt::format("--params conflicts with {}: the time follows from the compute; "
                                                  "give one or the other", name));
    }
  }
  if (o.tokens.empty() == o.inference_tokens.empty()) {
    return Status::invalid_argument("--params needs one of --tokens (training tokens, 6ND FLOPs) or "
                                    "--inference-tokens (tokens served, 2N FLOPs per token)");
  }
  ComputeDemand c;
  CS_ASSIGN_OR_RETURN(const double n, flag(parse_scaled_count(o.params), "--params"));
  const bool training = !o.tokens.empty();
  CS_ASSIGN_OR_RETURN(const double d, flag(parse_scaled_count(training ? o.tokens : o.inference_tokens),
                                           training ? "--tokens" : "--inference-tokens"));
  c.flops = training ? training_flops(n, d) : inference_flops(n, d);
  c.formula = fmt::format("{} x {} parameters x {} tokens", training ? 6 : 2, o.params,
                          training ? o.tokens : o.inference_tokens);
  c.precision = o.precision.empty() ? kDefaultPrecision : o.precision;
  CS_ASSIGN_OR_RETURN(const Accelerator* a, flag(data.find_accelerator(o.gpu), "--gpu"));
  CS_ASSIGN_OR_RETURN(c.peak, flag(peak_flop_rate(*a, c.precision), "--precision"));
  if (!o.mfu.empty()) {
    CS_ASSIGN_OR_RETURN(const double m, flag(parse_fraction(o.mfu), "--mfu"));
    c.mfu.value = Range<double>::exact(m);
    c.mfu.provenance = {Method::kGiven, "", "--mfu", "", 0};
  }
  return c;
}

}  // namespace

Result<EstimateSpec> build_estimate_spec(const DataSet& data, const EstimateOptions& o) {
  EstimateSpec spec;
  const bool hardware = !o.gpu.empty() || !o.power.empty() || !o.cpu.empty() || !o.memory.empty();
  if (!o.energy.empty()) {
    CS_ASSIGN_OR_RETURN(spec.energy, flag(parse_energy(o.energy), "--energy"));
    std::vector<std::string> conflicts;
    for (auto [set, name] : {std::pair{!o.gpu.empty(), "--gpu"}, {!o.power.empty(), "--power"},
                             {!o.cpu.empty(), "--cpu"}, {!o.memory.empty(), "--memory"}, {!o.hours.empty(), "--hours"},
                             {!o.duration.empty(), "--duration"}, {!o.device_hours.empty(), "--device-hours"},
                             {!o.count.empty(), "--count"}, {!o.utilisation.empty(), "--utilisation"},
                             {!o.params.empty(), "--params"}}) {
      if (set) conflicts.push_back(name);
    }
    if (!conflicts.empty()) {
      return Status::invalid_argument(fmt::format("--energy conflicts with {}: give the energy, or what it is made "
                                                  "of, not both", fmt::join(conflicts, ", ")));
    }
    return spec;
  }
  if (!hardware) {
    return Status::invalid_argument("nothing to estimate: give hardware (--gpu \"A100 SXM4 80GB\", --cpu, --memory "
                                    "64GB), a power (--power 400W) or an energy (--energy 3kWh)");
  }
  double count = 1;
  if (!o.count.empty()) {
    CS_ASSIGN_OR_RETURN(const std::int64_t n, flag(parse_count(o.count), "--count"));
    count = static_cast<double>(n);
  }
  std::optional<Power> given_power;
  if (!o.power.empty()) {
    CS_ASSIGN_OR_RETURN(given_power, flag(parse_power(o.power), "--power"));
  }

  if (!o.gpu.empty()) {
    CS_ASSIGN_OR_RETURN(const Accelerator* a, flag(data.find_accelerator(o.gpu), "--gpu"));
    DeviceLoad d{"gpu", a->name, {}, count, true, {}};
    if (given_power) {
      d.power = Range<Power>::exact(*given_power);
      d.provenance = {Method::kGiven, "", "--power per device", "", 0};
    } else if (a->tdp_w > 0) {
      d.power = Range<Power>::exact(Power::watts(a->tdp_w));
      d.provenance = {Method::kEstimated, a->source_id, fmt::format("TDP {} W x utilisation x time", a->tdp_w), "", 0};
    } else {
      return Status::invalid_argument(fmt::format("--gpu: no source gives a TDP for {}; give its power with "
                                                  "--power 500W", a->name));
    }
    spec.devices.push_back(std::move(d));
  } else if (given_power) {
    spec.devices.push_back({"system", "device at the given power", Range<Power>::exact(*given_power), count, true,
                            {Method::kGiven, "", "--power", "", 0}});
  } else if (!o.count.empty()) {
    return Status::invalid_argument("--count needs --gpu or --power: it counts devices of that kind");
  }

  if (!o.cpu.empty()) {
    CS_ASSIGN_OR_RETURN(const Cpu* c, flag(data.find_cpu(o.cpu), "--cpu"));
    double sockets = 1;
    if (!o.cpus.empty()) {
      CS_ASSIGN_OR_RETURN(const std::int64_t n, flag(parse_count(o.cpus), "--cpus"));
    sockets = static_cast<double>(n);
    }
    spec.devices.push_back({"cpu", c->name, Range<Power>::exact(Power::watts(c->tdp_w)), sockets, true,
                            {Method::kEstimated, c->source_id, fmt::format("TDP {} W x utilisation x time", c->tdp_w),
                             "", 0}});
  } else if (!o.cpus.empty()) {
    return Status::invalid_argument("--cpus needs --cpu: it counts CPU sockets of that model");
  }

  if (!o.memory.empty()) {
    CS_ASSIGN_OR_RETURN(double gb, flag(memory_gb(o.memory), "--memory"));
    const Constant* k = data.constant("memory_w_per_gb");
    if (k == nullptr) return Status::data_error("the data tables have no memory_w_per_gb constant");
    spec.devices.push_back({"ram", fmt::format("{} GB memory", gb),
                            Range<Power>::of(Power::watts(k->value * gb), Power::watts(k->low * gb),
                                             Power::watts(k->high * gb)),
                            1, false,
                            {Method::kEstimated, k->source_id, fmt::format("{} W/GB x GB x time", k->value), "", 0}});
  }

  if (!o.hours.empty()) {
    CS_ASSIGN_OR_RETURN(double h, flag(parse_positive(o.hours), "--hours"));
    spec.wall_time = from_hours(h);
  }
  if (!o.duration.empty()) {
    if (spec.wall_time) return Status::invalid_argument("--hours and --duration conflict: give one of them");
    CS_ASSIGN_OR_RETURN(spec.wall_time, flag(parse_duration(o.duration), "--duration"));
  }
  if (!o.device_hours.empty()) {
    if (spec.wall_time) {
      return Status::invalid_argument("--device-hours conflicts with --hours/--duration: give one of them");
    }
    CS_ASSIGN_OR_RETURN(spec.device_hours, flag(parse_positive(o.device_hours), "--device-hours"));
  }
  if (!o.params.empty() || !o.tokens.empty() || !o.inference_tokens.empty() || !o.precision.empty() ||
      !o.mfu.empty()) {
    CS_ASSIGN_OR_RETURN(spec.compute, compute_demand(data, o));
  }
  if (!spec.wall_time && !spec.device_hours && !spec.compute) {
    return Status::invalid_argument("no duration: give --hours 12, --duration 3d4h or --device-hours 1000, or the "
                                    "compute (--params 70B --tokens 2T)");
  }
  if (!o.utilisation.empty()) {
    CS_ASSIGN_OR_RETURN(spec.utilisation, flag(parse_fraction(o.utilisation), "--utilisation"));
  }
  return spec;
}

}  // namespace carbonscope::cli
