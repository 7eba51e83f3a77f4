// Inference services measured per request, as the BLOOM study measured its API
// (Luccioni et al. 2022): per interval, the energy drawn and the requests (and
// tokens) served; a least-squares fit of energy against them gives an idle draw, a
// marginal energy per request and per output token, each with its standard error.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "carbonscope/footprint.h"

namespace carbonscope {

// Work served, cumulative or over an interval.
struct RequestCounts {
  double requests = 0;
  double input_tokens = 0;
  double output_tokens = 0;
  bool any() const { return requests > 0 || input_tokens > 0 || output_tokens > 0; }
};

// One sampling interval: how long, the energy charged (IT, before PUE), the work done.
struct RequestInterval {
  double t_s = 0;  // end of the interval, seconds since the run started
  double dt_s = 0;
  double energy_j = 0;
  RequestCounts work;
};

// A fitted coefficient and its standard error (from the residual variance).
struct Coefficient {
  double value = 0;
  double se = 0;
  bool fitted = false;                              // false: not in the model (no such work, or collinear)
  double low() const { return value - 1.96 * se; }  // ~95% interval, normal approximation
  double high() const { return value + 1.96 * se; }
};

// energy_j(interval) = idle_w x dt_s + j_per_request x requests + j_per_output_token x tokens
struct InferenceFit {
  bool ok = false;
  std::string problem;  // why there is no fit ("too few intervals: ...")
  int intervals = 0;    // used in the fit
  int parameters = 0;
  Coefficient idle_w;
  Coefficient j_per_request;
  Coefficient j_per_output_token;
  double r_squared = 0;  // of energy about its mean, uncentred model (no intercept)
  std::vector<std::string> notes;
};

// Ordinary least squares by Householder QR on columns scaled to unit norm (no normal
// equations), so intervals of a few joules and millions of tokens fit together.
// The per-token term is kept only when tokens were counted and are not proportional to
// requests (then the per-request term carries them, and a note says so).
InferenceFit fit_inference(const std::vector<RequestInterval>& intervals);

// Minimum intervals beyond the number of parameters for a fit with a standard error.
inline constexpr int kMinSpareIntervals = 3;

// The run's inference figures: totals, the fit, and the run's charge factors so that
// every figure has its emissions (g CO2e per Wh of IT energy = PUE x intensity).
struct InferenceSummary {
  RequestCounts totals;
  double duration_s = 0;
  double energy_j = 0;  // IT energy over the intervals
  InferenceFit fit;
};

// Derived figures, each (central, low, high); emissions use g_per_wh (facility).
struct InferenceFigures {
  struct R3 {
    double central = 0, low = 0, high = 0;
  };
  std::optional<R3> wh_per_request;           // marginal (from the fit)
  std::optional<R3> wh_per_1k_output_tokens;  // marginal (from the fit)
  std::optional<R3> idle_w;
  double mean_wh_per_request = 0;  // all energy / requests (idle included)
  double idle_share = 0;           // idle_w x duration / energy, when fitted
  double requests_per_day = 0, energy_wh_per_day = 0, idle_wh_per_day = 0;
};
InferenceFigures inference_figures(const InferenceSummary& s);

// The text lines `run`, `monitor` and `runs show` print: "requests   1,234 (56,789
// output tokens) in 2 min" and the per-request figures, with the run's PUE and intensity.
std::vector<std::string> inference_lines(const InferenceSummary& s, const Footprint& f);

}  // namespace carbonscope
