// From an estimate request's texts to an EstimateSpec: hardware names through the data
// tables, every value parsed with a message naming its argument.
#include <cctype>

#include <fmt/format.h>

#include "accounting/estimate_request.h"
#include "carbonscope/compute.h"
#include "carbonscope/limits.h"
#include "carbonscope/parse.h"
#include "core/text.h"

namespace carbonscope {
namespace {

template <typename T>
Result<T> flag(Result<T> r, const std::string& name) {
  if (!r.ok()) return r.status().with_context(name);
  return r;
}

// "--hours 12", "hours=12" or, in a project file, power = "400W".
std::string example(ArgStyle style, std::string_view flag, std::string_view value) {
  if (style == ArgStyle::kFileKey) {
    const bool bare = value.starts_with('"') || parse_number(value).ok();
    return bare ? fmt::format("{} = {}", arg_name(style, flag), value)
                : fmt::format("{} = \"{}\"", arg_name(style, flag), value);
  }
  return arg_name(style, flag) + (style == ArgStyle::kFlag ? " " : "=") + std::string(value);
}

// params with tokens (training, 6ND) or inference-tokens (2N per token), at the gpu's
// dense peak for the precision x MFU.
Result<ComputeDemand> compute_demand(const DataSet& data, const EstimateRequest& o) {
  const auto arg = [&o](std::string_view f) { return arg_name(o.style, f); };
  const bool model = !o.params.empty() || !o.active_params.empty();
  if (!o.flops.empty() && (model || !o.tokens.empty() || !o.inference_tokens.empty())) {
    return Status::invalid_argument(fmt::format("{} conflicts with {}, {}, {} and {}: give the FLOPs or what they are "
                                                "made of", arg("flops"), arg("params"), arg("active-params"),
                                                arg("tokens"), arg("inference-tokens")));
  }
  if (!model && o.flops.empty()) {
    return Status::invalid_argument(fmt::format("{}, {}, {} and {} need {} (70B)", arg("tokens"), arg("inference-tokens"),
                                                arg("precision"), arg("mfu"), arg("params")));
  }
  if (o.gpu.empty()) {
    return Status::invalid_argument(fmt::format("{} needs {}: the accelerator's peak FLOP/s comes from the data tables",
                                                arg("params"), arg("gpu")));
  }
  for (auto [set, name] : {std::pair{!o.hours.empty(), "hours"}, {!o.duration.empty(), "duration"},
                           {!o.device_hours.empty(), "device-hours"}}) {
    if (set) {
      return Status::invalid_argument(fmt::format("{} conflicts with {}: the time follows from the compute; give one "
                                                  "or the other", arg("params"), arg(name)));
    }
  }
  if (o.flops.empty() && o.tokens.empty() == o.inference_tokens.empty()) {
    return Status::invalid_argument(fmt::format("{} needs one of {} (training tokens, 6ND FLOPs) or {} (tokens "
                                                "served, 2N FLOPs per token)", arg("params"), arg("tokens"),
                                                arg("inference-tokens")));
  }
  ComputeDemand c;
  std::optional<double> size;  // the parameters that compute per token, for the MFU lookup
  if (!o.flops.empty()) {
    CS_ASSIGN_OR_RETURN(const double f, flag(parse_flop_count(o.flops), arg("flops")));
    c.flops = Flops::count(f);
    c.formula = fmt::format("{} (given)", o.flops);
  } else {
    std::optional<double> total, active;
    if (!o.params.empty()) {
      CS_ASSIGN_OR_RETURN(total, flag(parse_scaled_count(o.params), arg("params")));
    }
    if (!o.active_params.empty()) {
      CS_ASSIGN_OR_RETURN(active, flag(parse_scaled_count(o.active_params), arg("active-params")));
      if (total && *active > *total) {
        return Status::invalid_argument(fmt::format("{} {} is more than {} {}: the active parameters of a "
                                                    "mixture-of-experts model are a part of its total",
                                                    arg("active-params"), o.active_params, arg("params"), o.params));
      }
    } else if (const MoeModel* moe = moe_with_total(data, *total)) {
      return Status::invalid_argument(fmt::format(
          "{} {} is the total of {}, a mixture-of-experts model that computes with {}B of its {}B parameters per "
          "token [{}]: 6 x the total would overstate its compute {:.0f}-fold; add {}",
          arg("params"), o.params, moe->model, fmt::format("{:g}", moe->active_params_b),
          fmt::format("{:g}", moe->total_params_b), moe->source_id, moe->total_params_b / moe->active_params_b,
          example(o.style, "active-params", fmt::format("{:g}B", moe->active_params_b))));
    }
    const double n = active ? *active : *total;
    size = n;
    const bool training = !o.tokens.empty();
    CS_ASSIGN_OR_RETURN(const double d, flag(parse_scaled_count(training ? o.tokens : o.inference_tokens),
                                             arg(training ? "tokens" : "inference-tokens")));
    c.flops = training ? training_flops(n, d) : inference_flops(n, d);
    const std::string who = !active   ? o.params + " parameters"
                            : !total ? o.active_params + " active parameters"
                                     : fmt::format("{} active parameters ({} in all)", o.active_params, o.params);
    c.formula = fmt::format("{} x {} x {} tokens", training ? 6 : 2, who, training ? o.tokens : o.inference_tokens);
  }
  CS_ASSIGN_OR_RETURN(const Accelerator* a, flag(data.find_accelerator(o.gpu), arg("gpu")));
  c.precision = o.precision.empty() ? kDefaultPrecision : o.precision;
  if (o.precision.empty()) {  // the first dense rate the device has: bf16, else fp16, else fp32
    for (const char* p : {"bf16", "fp16", "fp32"}) {
      if (peak_flop_rate(*a, p).ok()) {
        c.precision = p;
        break;
      }
    }
  }
  CS_ASSIGN_OR_RETURN(c.peak, flag(peak_flop_rate(*a, c.precision), arg("precision")));
  if (!o.mfu.empty()) {
    CS_ASSIGN_OR_RETURN(const double m, flag(parse_fraction(o.mfu), arg("mfu")));
    c.mfu = given_mfu(m, arg("mfu"));
  } else {
    CS_ASSIGN_OR_RETURN(c.mfu, mfu_from_evidence(data, *a, size));
  }
  return c;
}

Result<const Constant*> constant(const DataSet& data, const std::string& key) {
  const Constant* k = data.constant(key);
  if (k == nullptr) return Status::data_error(fmt::format("the data tables have no {} constant", key));
  return k;
}

// The measured average draw during `workload` as a share of TDP: per TPU chip with its
// host for TPU training (Patterson et al.), else per GPU.
Result<const Constant*> power_fraction(const DataSet& data, const Accelerator& a, const std::string& workload) {
  if (a.kind == "tpu" && workload == "training") return constant(data, "tpu_power_fraction_training");
  return constant(data, "gpu_power_fraction_" + std::string(workload == "fine-tuning" ? "finetuning" : workload));
}

}  // namespace

std::string given_quantities(const EstimateRequest& o) {
  std::vector<std::string> names;
  for (auto [value, name] : {std::pair{&o.count, "count"},
                             {&o.power, "power"},
                             {&o.cpus, "cpus"},
                             {&o.memory, "memory"},
                             {&o.energy, "energy"},
                             {&o.hours, "hours"},
                             {&o.duration, "duration"},
                             {&o.device_hours, "device-hours"},
                             {&o.utilisation, "utilisation"},
                             {&o.params, "params"},
                             {&o.active_params, "active-params"},
                             {&o.tokens, "tokens"},
                             {&o.inference_tokens, "inference-tokens"},
                             {&o.mfu, "mfu"},
                             {&o.location.intensity, "intensity"},
                             {&o.location.pue, "pue"}}) {
    if (!value->empty())
      names.push_back(arg_name(o.style, name) + (o.style == ArgStyle::kFlag ? " " : "=") + *value);
  }
  if (!o.gpu.empty()) names.push_back(arg_name(o.style, "gpu") + " (its data-table figures)");
  if (names.empty()) return "the inputs";
  return fmt::format("{}", fmt::join(names, ", "));
}

Result<std::string> estimate_workload(const EstimateRequest& o) {
  const std::string w = ascii_lower(o.workload);
  if (w.empty()) return std::string(!o.inference_tokens.empty() || !o.requests.empty() ? "inference" : "training");
  if (w == "training" || w == "train" || w == "pretraining" || w == "pre-training") return std::string("training");
  if (w == "fine-tuning" || w == "finetuning" || w == "fine-tune" || w == "finetune") return std::string("fine-tuning");
  if (w == "inference" || w == "serving") return std::string("inference");
  return Status::invalid_argument(fmt::format("{}: '{}' is not a workload; use training, fine-tuning or inference",
                                              arg_name(o.style, "workload"), o.workload));
}

Result<DeviceLoad> host_load(const DataSet& data, const Accelerator& a, double count) {
  CS_ASSIGN_OR_RETURN(const Constant* k, constant(data, "host_power_fraction"));
  DeviceLoad host{"host", "host share of each accelerator (CPUs, memory, NICs, fans)",
                  Range<Power>::of(Power::watts(a.tdp_w * k->value), Power::watts(a.tdp_w * k->low),
                                   Power::watts(a.tdp_w * k->high)),
                  count, false, {}};
  host.provenance = {Method::kEstimated, k->source_id,
                     fmt::format("{:.0f}% ({:.0f}% to {:.0f}%) of the accelerator's {} W TDP per accelerator x time",
                                 k->value * 100, k->low * 100, k->high * 100, a.tdp_w),
                     "", 0};
  return host;
}

Result<EstimateSpec> build_estimate_spec(const DataSet& data, const EstimateRequest& o) {
  const auto arg = [&o](std::string_view f) { return arg_name(o.style, f); };
  const auto hint = [&o](std::string_view f, std::string_view v) { return example(o.style, f, v); };
  EstimateSpec spec;
  const bool hardware = !o.gpu.empty() || !o.power.empty() || !o.cpu.empty() || !o.memory.empty();
  if (!o.energy.empty() && !o.facility_energy.empty()) {
    return Status::invalid_argument(fmt::format("{} and {} conflict: give the IT energy or the facility's, not both",
                                                arg("energy"), arg("facility-energy")));
  }
  if (!o.energy.empty() || !o.facility_energy.empty()) {
    const std::string which = o.energy.empty() ? "facility-energy" : "energy";
    CS_ASSIGN_OR_RETURN(spec.energy, flag(parse_energy(o.energy.empty() ? o.facility_energy : o.energy), arg(which)));
    std::vector<std::string> conflicts;
    for (auto [set, name] : {std::pair{!o.gpu.empty(), "gpu"}, {!o.power.empty(), "power"},
                             {!o.cpu.empty(), "cpu"}, {!o.memory.empty(), "memory"}, {!o.hours.empty(), "hours"},
                             {!o.duration.empty(), "duration"}, {!o.device_hours.empty(), "device-hours"},
                             {!o.count.empty(), "count"}, {!o.utilisation.empty(), "utilisation"},
                             {!o.params.empty(), "params"}, {!o.active_params.empty(), "active-params"}}) {
      if (set) conflicts.push_back(arg(name));
    }
    if (!conflicts.empty()) {
      return Status::invalid_argument(fmt::format("{} conflicts with {}: give the energy, or what it is made "
                                                  "of, not both", arg(which), fmt::join(conflicts, ", ")));
    }
    return spec;
  }
  if (!hardware) {
    return Status::invalid_argument(fmt::format("nothing to estimate: give hardware ({}, {}, {}), a power ({}) or an "
                                                "energy ({})", hint("gpu", "\"A100 SXM4 80GB\""), arg("cpu"),
                                                hint("memory", "64GB"), hint("power", "400W"), hint("energy", "3kWh")));
  }
  double count = 1;
  if (!o.count.empty()) {
    CS_ASSIGN_OR_RETURN(const std::int64_t n, flag(parse_count(o.count), arg("count")));
    count = static_cast<double>(n);
  }
  std::optional<Power> given_power;
  if (!o.power.empty()) {
    CS_ASSIGN_OR_RETURN(given_power, flag(parse_power(o.power), arg("power")));
  }

  if (!o.gpu.empty()) {
    CS_ASSIGN_OR_RETURN(const Accelerator* a, flag(data.find_accelerator(o.gpu), arg("gpu")));
    DeviceLoad d{"gpu", a->name, {}, count, true, {}};
    if (given_power) {
      d.power = Range<Power>::exact(*given_power);
      d.provenance = {Method::kGiven, "", arg("power") + " per device", "", 0};
    } else if (a->tdp_w > 0 && !o.utilisation.empty()) {
      d.power = Range<Power>::exact(Power::watts(a->tdp_w));
      d.provenance = {Method::kEstimated, a->source_id, fmt::format("TDP {} W x utilisation x time", a->tdp_w), "", 0};
    } else if (a->tdp_w > 0) {
      CS_ASSIGN_OR_RETURN(const std::string workload, estimate_workload(o));
      CS_ASSIGN_OR_RETURN(const Constant* k, power_fraction(data, *a, workload));
      d.power = Range<Power>::of(Power::watts(a->tdp_w * k->value), Power::watts(a->tdp_w * k->low),
                                 Power::watts(a->tdp_w * k->high));
      d.provenance = {Method::kEstimated, a->source_id + "|" + k->source_id,
                      fmt::format("TDP {} W x {:.0f}% ({:.0f}% to {:.0f}%), the measured average draw {} x time",
                                  a->tdp_w, k->value * 100, k->low * 100, k->high * 100,
                                  a->kind == "tpu" && workload == "training" ? "per TPU chip incl. its host, training"
                                                                             : "while " + workload),
                      "", 0};
    } else {
      return Status::invalid_argument(fmt::format("{}: no source gives a TDP for {}; give its power with {}",
                                                  arg("gpu"), a->name, hint("power", "500W")));
    }
    const bool host_in_power = a->kind == "tpu" && !given_power && o.utilisation.empty();
    spec.devices.push_back(std::move(d));
    if (o.whole_node && !host_in_power) {
      if (!o.cpu.empty() || !o.memory.empty()) {
        return Status::invalid_argument(fmt::format("{} adds a modelled host to each accelerator; give {}/{} for the "
                                                    "host or {}, not both", arg("whole-node"), arg("cpu"), arg("memory"),
                                                    arg("whole-node")));
      }
      CS_ASSIGN_OR_RETURN(DeviceLoad host, host_load(data, *a, count));
      spec.devices.push_back(std::move(host));
    }
  } else if (o.whole_node) {
    return Status::invalid_argument(fmt::format("{} needs {}: the host is modelled per accelerator", arg("whole-node"),
                                                arg("gpu")));
  } else if (given_power) {
    spec.devices.push_back({"system", "device at the given power", Range<Power>::exact(*given_power), count, true,
                            {Method::kGiven, "", arg("power"), "", 0}});
  } else if (!o.count.empty()) {
    return Status::invalid_argument(fmt::format("{} needs {} or {}: it counts devices of that kind", arg("count"),
                                                arg("gpu"), arg("power")));
  }

  if (!o.cpu.empty()) {
    CS_ASSIGN_OR_RETURN(const Cpu* c, flag(data.find_cpu(o.cpu), arg("cpu")));
    double sockets = 1;
    if (!o.cpus.empty()) {
      CS_ASSIGN_OR_RETURN(const std::int64_t n, flag(parse_count(o.cpus), arg("cpus")));
    sockets = static_cast<double>(n);
    }
    spec.devices.push_back({"cpu", c->name, Range<Power>::exact(Power::watts(c->tdp_w)), sockets, true,
                            {Method::kEstimated, c->source_id, fmt::format("TDP {} W x utilisation x time", c->tdp_w),
                             "", 0}});
  } else if (!o.cpus.empty()) {
    return Status::invalid_argument(fmt::format("{} needs {}: it counts CPU sockets of that model", arg("cpus"),
                                                arg("cpu")));
  }

  if (!o.memory.empty()) {
    CS_ASSIGN_OR_RETURN(double gb, flag(parse_memory_gb(o.memory), arg("memory")));
    const Constant* k = data.constant("memory_w_per_gb");
    if (k == nullptr) return Status::data_error("the data tables have no memory_w_per_gb constant");
    spec.devices.push_back({"ram", fmt::format("{} GB memory", gb),
                            Range<Power>::of(Power::watts(k->value * gb), Power::watts(k->low * gb),
                                             Power::watts(k->high * gb)),
                            1, false,
                            {Method::kEstimated, k->source_id, fmt::format("{} W/GB x GB x time", k->value), "", 0}});
  }

  if (!o.hours.empty()) {
    if (!parse_number(o.hours).ok() && parse_duration(o.hours).ok()) {
      return Status::invalid_argument(fmt::format("{} takes a plain number of hours (12, 1.5); for '{}' write {}",
                                                  arg("hours"), o.hours, hint("duration", o.hours)));
    }
    CS_ASSIGN_OR_RETURN(double h, flag(parse_positive(o.hours), arg("hours")));
    if (h * 3600 > kMaxSeconds) {
      return Status::invalid_argument(
          fmt::format("{}: '{}' hours is more than 1,000 years, beyond any real job", arg("hours"), o.hours));
    }
    spec.wall_time = from_hours(h);
  }
  if (!o.duration.empty()) {
    if (spec.wall_time) return Status::invalid_argument(fmt::format("{} and {} conflict: give one of them", arg("hours"),
                                                                  arg("duration")));
    CS_ASSIGN_OR_RETURN(spec.wall_time, flag(parse_duration(o.duration), arg("duration")));
  }
  if (!o.device_hours.empty()) {
    if (spec.wall_time) {
      return Status::invalid_argument(fmt::format("{} conflicts with {}: give one of them", arg("device-hours"),
                                                  arg(o.hours.empty() ? "duration" : "hours")));
    }
    if (!parse_number(o.device_hours).ok() && parse_duration(o.device_hours).ok()) {
      return Status::invalid_argument(fmt::format("{} takes a plain number of device-hours (1000 for 1000 GPU-hours), "
                                                  "not '{}'", arg("device-hours"), o.device_hours));
    }
    CS_ASSIGN_OR_RETURN(spec.device_hours, flag(parse_positive(o.device_hours), arg("device-hours")));
  }
  if (!o.params.empty() || !o.active_params.empty() || !o.tokens.empty() || !o.inference_tokens.empty() ||
      !o.precision.empty() || !o.mfu.empty() || !o.flops.empty()) {
    CS_ASSIGN_OR_RETURN(spec.compute, compute_demand(data, o));
  }
  if (!spec.wall_time && !spec.device_hours && !spec.compute) {
    return Status::invalid_argument(fmt::format("no duration: give {}, {} or {}, or the compute ({} {})",
                                                hint("hours", "12"), hint("duration", "3d4h"),
                                                hint("device-hours", "1000"), hint("params", "70B"),
                                                hint("tokens", "2T")));
  }
  if (!o.utilisation.empty()) {
    CS_ASSIGN_OR_RETURN(spec.utilisation, flag(parse_fraction(o.utilisation), arg("utilisation")));
  }
  return spec;
}

}  // namespace carbonscope
