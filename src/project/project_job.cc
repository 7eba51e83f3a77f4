// A phase's job keys -> EstimateRequest (kFileKey) -> the estimate's spec and energy.
#include "project/project_job.h"

#include <algorithm>

#include <fmt/format.h>

#include "accounting/estimate_request.h"
#include "carbonscope/format.h"

namespace carbonscope::project {
namespace {

// kFlops: a string or a number, parsed by the estimate (parse_flop_count: FLOPs reach
// 1e25 and more, beyond the 1e18 of a scaled count).
enum class Kind { kText, kCount, kPower, kFraction, kDuration, kNumber, kScaled, kFlops };

struct JobKey {
  std::string_view key;
  std::string EstimateRequest::*field;
  Kind kind;
};

constexpr JobKey kFields[] = {
    {"hardware", &EstimateRequest::gpu, Kind::kText},
    {"count", &EstimateRequest::count, Kind::kCount},
    {"power", &EstimateRequest::power, Kind::kPower},
    {"cpu", &EstimateRequest::cpu, Kind::kText},
    {"cpus", &EstimateRequest::cpus, Kind::kCount},
    {"memory", &EstimateRequest::memory, Kind::kText},
    {"utilisation", &EstimateRequest::utilisation, Kind::kFraction},
    {"duration", &EstimateRequest::duration, Kind::kDuration},
    {"device_hours", &EstimateRequest::device_hours, Kind::kNumber},
    {"flops", &EstimateRequest::flops, Kind::kFlops},
    {"params", &EstimateRequest::params, Kind::kScaled},
    {"active_params", &EstimateRequest::active_params, Kind::kScaled},
    {"tokens", &EstimateRequest::tokens, Kind::kScaled},
    {"precision", &EstimateRequest::precision, Kind::kText},
    {"mfu", &EstimateRequest::mfu, Kind::kFraction},
};

// Whether the typed getter of `kind` accepts the key (it records the error when not).
bool accepted(const TableReader& r, std::string_view key, Kind kind) {
  switch (kind) {
    case Kind::kText: return r.text(key).has_value();
    case Kind::kCount: return r.integer(key, 1).has_value();
    case Kind::kPower: return r.power(key).has_value();
    case Kind::kFraction: return r.fraction(key).has_value();
    case Kind::kDuration: return r.duration(key).has_value();
    case Kind::kNumber: return r.number(key, 0, false, 1e15).has_value();
    case Kind::kScaled: return r.scaled_count(key).has_value();
    case Kind::kFlops:
      if (r.raw_text(key)) return true;
      r.error(key, "must be a FLOP count such as 3.14e23 or \"3.14e23\"");
      return false;
  }
  return false;
}

// The estimate's message at the key it starts with ("hardware: ...", "device_hours
// conflicts with ..."), else at the table.
void record(const TableReader& r, const Status& s) {
  const std::string& m = s.message();
  for (const JobKey& k : kFields) {
    if (!r.has(k.key) || !m.starts_with(k.key) || m.size() <= k.key.size() + 1) continue;
    const char next = m[k.key.size()];
    if (next == ':' && m[k.key.size() + 1] == ' ') return r.error(k.key, m.substr(k.key.size() + 2));
    if (next == ' ') return r.error(k.key, m.substr(k.key.size() + 1));
  }
  r.error_here(m);
}

}  // namespace

bool read_job_keys(const TableReader& r, const std::vector<std::string_view>& keys, EstimateRequest& request) {
  request.style = ArgStyle::kFileKey;
  bool ok = true;
  for (const JobKey& k : kFields) {
    if (std::find(keys.begin(), keys.end(), k.key) == keys.end() || !r.has(k.key)) continue;
    if (!accepted(r, k.key, k.kind)) {
      ok = false;
      continue;
    }
    request.*k.field = r.raw_text(k.key).value_or("");
  }
  return ok;
}

std::optional<JobEnergy> estimate_job(const Context& ctx, const TableReader& r, EstimateRequest request) {
  request.style = ArgStyle::kFileKey;
  auto spec = build_estimate_spec(ctx.data, request);
  if (!spec.ok()) {
    record(r, spec.status());
    return std::nullopt;
  }
  auto lines = estimate_energy(*spec);
  if (!lines.ok()) {
    record(r, lines.status());
    return std::nullopt;
  }
  JobEnergy job;
  job.spec = std::move(*spec);
  for (const ComponentEnergy& c : *lines) job.energy = job.energy + c.energy;
  if (!request.gpu.empty()) {
    if (auto a = ctx.data.find_accelerator(request.gpu); a.ok()) job.accelerator = *a;
  }
  return job;
}

std::string device_power_text(const JobEnergy& job) {
  const DeviceLoad& d = job.spec.devices.front();
  if (d.provenance.method == Method::kGiven) return fmt::format("{} per device (given)", format_power(d.power.central));
  if (job.accelerator != nullptr && d.component == "gpu") {
    return fmt::format("{} TDP {} W", job.accelerator->name, job.accelerator->tdp_w);
  }
  return fmt::format("{} {}", d.label, d.provenance.detail);
}

std::string other_lines_text(const JobEnergy& job) {
  std::string out;
  for (std::size_t i = 1; i < job.spec.devices.size(); ++i) {
    const DeviceLoad& d = job.spec.devices[i];
    out += d.count == 1 ? fmt::format(" + {}", d.label) : fmt::format(" + {} x {}", d.count, d.label);
  }
  return out.empty() ? out : ";" + out;
}

}  // namespace carbonscope::project
