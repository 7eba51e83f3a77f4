// Prediction from compute: the FLOPs a transformer needs (6ND to train, 2N per token
// to serve) and the device time they take at a model-FLOPs utilisation (MFU) of the
// accelerator's dense peak. Method and error: docs/methodology-lca.md.
#pragma once

#include <string>

#include "carbonscope/data.h"
#include "carbonscope/provenance.h"
#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope {

// Default MFU: central 0.40, range 0.30 to 0.50, a convention bracketing the MFU
// published for large dense training runs (docs/methodology-lca.md lists them).
inline constexpr double kMfuCentral = 0.40;
inline constexpr double kMfuLow = 0.30;
inline constexpr double kMfuHigh = 0.50;
inline constexpr const char* kDefaultPrecision = "bf16";

// Training FLOPs of a dense transformer: 6 x parameters x tokens (Kaplan et al. 2020).
Flops training_flops(double params, double tokens);
// Inference FLOPs: 2 x parameters per token processed (forward pass only).
Flops inference_flops(double params, double tokens);

struct MfuFigure {
  Range<double> value = Range<double>::of(kMfuCentral, kMfuLow, kMfuHigh);
  Provenance provenance{Method::kDefault, "", "MFU 40% (30% to 50%), the default", "", 0};
};

// The accelerator's dense peak at `precision` ("bf16", "fp16", "tf32", "fp32", "fp8",
// "int8"). kNotFound naming the precisions the table has when it has no figure.
Result<FlopRate> peak_flop_rate(const Accelerator& a, const std::string& precision);

// Device time to do `flops` at `peak` x MFU, as a range: the low time comes from the
// high MFU and the high time from the low MFU (interval division).
Range<Duration> device_time(Flops flops, FlopRate peak, const Range<double>& mfu);

}  // namespace carbonscope
