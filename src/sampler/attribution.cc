// Idle/dynamic split and job shares.
#include "sampler/attribution.h"

#include <algorithm>
#include <cmath>

namespace carbonscope {
namespace {

double clamp01(double x) { return std::isfinite(x) ? std::clamp(x, 0.0, 1.0) : 0.0; }

}  // namespace

Split split_cpu(Energy e, double node_utilisation, double job_busy_share, double job_capacity_share) {
  const Energy dynamic = e * clamp01(node_utilisation);
  const Energy idle = e - dynamic;
  const Energy job = dynamic * clamp01(job_busy_share) + idle * clamp01(job_capacity_share);
  return {idle, dynamic, job};
}

void cpu_shares(std::span<const double> cpu_seconds, double busy_seconds, double capacity_seconds,
                std::span<CpuShare> out) {
  double sum = 0;
  for (double c : cpu_seconds) sum += std::isfinite(c) && c > 0 ? c : 0;
  const bool ok = std::isfinite(busy_seconds) && busy_seconds > 0 && std::isfinite(capacity_seconds) &&
                  capacity_seconds > 0;
  const double scale = ok && sum > busy_seconds ? busy_seconds / sum : 1.0;
  for (std::size_t i = 0; i < cpu_seconds.size() && i < out.size(); ++i) {
    const double c = std::isfinite(cpu_seconds[i]) && cpu_seconds[i] > 0 ? cpu_seconds[i] * scale : 0;
    out[i] = ok ? CpuShare{c / busy_seconds, c / capacity_seconds} : CpuShare{};
  }
}

Split split_gpu(Energy e, Power baseline, Duration dt, double job_share) {
  const Energy idle = std::clamp(baseline * dt, Energy::joules(0), e);
  return {idle, e - idle, e * clamp01(job_share)};
}

Split split_memory(Energy e, double job_memory_share) {
  return {e, Energy::joules(0), e * clamp01(job_memory_share)};
}

}  // namespace carbonscope
