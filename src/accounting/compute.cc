// FLOPs -> device time at a model-FLOPs utilisation of the accelerator's peak.
#include "carbonscope/compute.h"

#include <fmt/format.h>

namespace carbonscope {

Flops training_flops(double params, double tokens) { return Flops::count(6.0 * params * tokens); }

Flops inference_flops(double params, double tokens) { return Flops::count(2.0 * params * tokens); }

Result<FlopRate> peak_flop_rate(const Accelerator& a, const std::string& precision) {
  auto it = a.tflops.find(precision);
  if (it != a.tflops.end() && it->second > 0) return FlopRate::tflops(it->second);
  std::string known;
  for (const auto& [name, value] : a.tflops) {
    if (value > 0) known += (known.empty() ? "" : ", ") + name;
  }
  return Status::not_found(fmt::format("no dense {} peak for {} in the data tables; it has: {} (choose one of "
                                       "them, or give the time instead)",
                                       precision, a.name, known.empty() ? "none" : known));
}

Range<Duration> device_time(Flops flops, FlopRate peak, const Range<double>& mfu) {
  return {flops / (peak * mfu.central), flops / (peak * mfu.high), flops / (peak * mfu.low)};
}

}  // namespace carbonscope
