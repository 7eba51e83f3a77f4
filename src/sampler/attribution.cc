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

Split split_gpu(Energy e, Power baseline, Duration dt, double job_share) {
  const Energy idle = std::clamp(baseline * dt, Energy::joules(0), e);
  return {idle, e - idle, e * clamp01(job_share)};
}

Split split_memory(Energy e, double job_memory_share) {
  return {e, Energy::joules(0), e * clamp01(job_memory_share)};
}

}  // namespace carbonscope
