// Prediction from compute: the FLOPs a transformer needs (6ND to train, 2N per token
// to serve) and the device time they take at a model-FLOPs utilisation (MFU) of the
// accelerator's dense peak, the MFU taken from published training reports
// (data/mfu.csv). Method and error: docs/methodology-lca.md.
#pragma once

#include <optional>
#include <string>

#include "carbonscope/data.h"
#include "carbonscope/provenance.h"
#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope {

inline constexpr const char* kDefaultPrecision = "bf16";
// A hardware generation needs this many published reports for its own spread to be its
// MFU range; with fewer, the range is the spread of every report.
inline constexpr std::size_t kMfuReportsForASpread = 3;

// Training FLOPs of a dense transformer: 6 x parameters x tokens (Kaplan et al. 2020).
Flops training_flops(double params, double tokens);
// Inference FLOPs: 2 x parameters per token processed (forward pass only).
Flops inference_flops(double params, double tokens);

struct MfuFigure {
  Range<double> value;
  Provenance provenance;
  std::string evidence_id;  // the data/mfu.csv row the central value comes from ("" when given)
  std::string evidence;     // "Llama 3 405B on H100 (llama3-405b-h100)"
};

// The MFU a job on `a` likely reaches, from data/mfu.csv: the central value of the report
// for the same hardware generation (a name fragment such as "A100" in the accelerator's
// name) nearest in model size (log scale; `params` in parameters, the median report of
// the generation without it); the range spans that generation's reports when it has at
// least kMfuReportsForASpread, else every report. Hardware no report covers takes the
// median and spread of every report, and says so. kDataError when the table is empty.
Result<MfuFigure> mfu_from_evidence(const DataSet& data, const Accelerator& a, std::optional<double> params);

// An MFU the person gave: exact.
MfuFigure given_mfu(double mfu, const std::string& how);

// The published mixture-of-experts model (data/moe_models.csv) whose total parameter
// count `params` is (within 0.5%), or nullptr: 6 x that total x tokens would overstate
// the compute by total / active. Models the table does not list cannot be recognised.
const MoeModel* moe_with_total(const DataSet& data, double params);

// The accelerator's dense peak at `precision` ("bf16", "fp16", "tf32", "fp32", "fp8",
// "int8"). kNotFound naming the precisions the table has when it has no figure.
Result<FlopRate> peak_flop_rate(const Accelerator& a, const std::string& precision);

// Device time to do `flops` at `peak` x MFU, as a range: the low time comes from the
// high MFU and the high time from the low MFU (interval division).
Range<Duration> device_time(Flops flops, FlopRate peak, const Range<double>& mfu);

}  // namespace carbonscope
