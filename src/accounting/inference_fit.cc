// Least-squares fit of interval energy against time, requests and output tokens.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "carbonscope/inference.h"

namespace carbonscope {
namespace {

constexpr double kRankTolerance = 1e-7;  // |R_jj| of a unit-norm column below this: collinear

struct Solved {
  bool full_rank = false;
  std::vector<double> beta, se;
  double rss = 0;
};

// Solves min |X b - y| for the columns in X (n rows, column-major), scaling each column
// to unit norm, by Householder QR. Standard errors from sigma^2 (R^T R)^-1.
Solved least_squares(std::vector<std::vector<double>> x, std::vector<double> y) {
  const std::size_t p = x.size(), n = y.size();
  Solved out;
  std::vector<double> scale(p, 1.0);
  for (std::size_t j = 0; j < p; ++j) {
    double norm = 0;
    for (double v : x[j]) norm += v * v;
    norm = std::sqrt(norm);
    if (norm == 0) return out;
    scale[j] = norm;
    for (double& v : x[j]) v /= norm;
  }
  for (std::size_t k = 0; k < p; ++k) {
    double norm = 0;
    for (std::size_t i = k; i < n; ++i) norm += x[k][i] * x[k][i];
    norm = std::sqrt(norm);
    if (norm < kRankTolerance) return out;
    const double alpha = x[k][k] > 0 ? -norm : norm;
    std::vector<double> v(n, 0.0);
    v[k] = x[k][k] - alpha;
    for (std::size_t i = k + 1; i < n; ++i) v[i] = x[k][i];
    double vv = 0;
    for (std::size_t i = k; i < n; ++i) vv += v[i] * v[i];
    const auto reflect = [&](std::vector<double>& col) {
      if (vv == 0) return;
      double d = 0;
      for (std::size_t i = k; i < n; ++i) d += v[i] * col[i];
      const double f = 2 * d / vv;
      for (std::size_t i = k; i < n; ++i) col[i] -= f * v[i];
    };
    for (std::size_t j = k; j < p; ++j) reflect(x[j]);
    reflect(y);
  }
  // R is x[j][i] for i <= j; Q^T y is y.
  std::vector<double> b(p, 0.0);
  for (std::size_t k = p; k-- > 0;) {
    double s = y[k];
    for (std::size_t j = k + 1; j < p; ++j) s -= x[j][k] * b[j];
    b[k] = s / x[k][k];
  }
  for (std::size_t i = p; i < n; ++i) out.rss += y[i] * y[i];
  const double sigma2 = n > p ? out.rss / static_cast<double>(n - p) : 0.0;
  // Rinv (upper triangular), then diag(Rinv Rinv^T).
  std::vector<std::vector<double>> rinv(p, std::vector<double>(p, 0.0));  // rinv[row][col]
  for (std::size_t c = 0; c < p; ++c) {
    rinv[c][c] = 1.0 / x[c][c];
    for (std::size_t r = c; r-- > 0;) {
      double s = 0;
      for (std::size_t j = r + 1; j <= c; ++j) s += x[j][r] * rinv[j][c];
      rinv[r][c] = -s / x[r][r];
    }
  }
  out.beta.resize(p);
  out.se.resize(p);
  for (std::size_t j = 0; j < p; ++j) {
    double d = 0;
    for (std::size_t c = j; c < p; ++c) d += rinv[j][c] * rinv[j][c];
    out.beta[j] = b[j] / scale[j];
    out.se[j] = std::sqrt(sigma2 * d) / scale[j];
  }
  out.full_rank = true;
  return out;
}

}  // namespace

InferenceFit fit_inference(const std::vector<RequestInterval>& intervals) {
  InferenceFit fit;
  std::vector<double> dt, req, tok, y;
  for (const RequestInterval& iv : intervals) {
    if (!(iv.dt_s > 0) || !std::isfinite(iv.energy_j) || !std::isfinite(iv.work.requests) ||
        !std::isfinite(iv.work.output_tokens)) {
      continue;
    }
    dt.push_back(iv.dt_s);
    req.push_back(iv.work.requests);
    tok.push_back(iv.work.output_tokens);
    y.push_back(iv.energy_j);
  }
  const int n = static_cast<int>(y.size());
  fit.intervals = n;
  const bool has_requests = std::any_of(req.begin(), req.end(), [](double v) { return v > 0; });
  const bool has_tokens = std::any_of(tok.begin(), tok.end(), [](double v) { return v > 0; });
  if (!has_requests) {
    fit.problem = fmt::format(
        "no requests were counted in {} interval{}: count them with add_requests(), "
        "--requests-from or --requests-log",
        n, n == 1 ? "" : "s");
    return fit;
  }
  std::vector<std::vector<double>> x = {dt, req};
  if (has_tokens) x.push_back(tok);
  Solved s;
  for (;;) {
    const int p = static_cast<int>(x.size());
    if (n < p + kMinSpareIntervals) {
      fit.problem = fmt::format(
          "too few intervals for a fit: {} measured, {} needed for {} coefficients with "
          "their errors; measure longer or use a shorter --interval",
          n, p + kMinSpareIntervals, p);
      return fit;
    }
    s = least_squares(x, y);
    if (s.full_rank) break;
    if (x.size() == 3) {  // tokens proportional to requests (or to time): per request carries them
      x.pop_back();
      fit.notes.push_back(
          "output tokens are proportional to requests in every interval: the per-request "
          "energy includes them (no separate per-token figure)");
      continue;
    }
    fit.problem =
        "the request rate was the same in every interval, so idle and per-request energy cannot be "
        "told apart: measure through a change of load (including some idle time)";
    return fit;
  }
  fit.ok = true;
  fit.parameters = static_cast<int>(x.size());
  fit.idle_w = {s.beta[0], s.se[0], true};
  fit.j_per_request = {s.beta[1], s.se[1], true};
  if (x.size() == 3) fit.j_per_output_token = {s.beta[2], s.se[2], true};
  double tss = 0;
  for (double v : y) tss += v * v;
  fit.r_squared = tss > 0 ? 1 - s.rss / tss : 0;
  if (fit.idle_w.value < 0) {
    fit.notes.push_back("the fitted idle draw is negative (noise or too little idle time): read its range");
  }
  const bool idle_seen = std::any_of(req.begin(), req.end(), [](double v) { return v == 0; });
  if (!idle_seen) fit.notes.push_back("no interval was free of requests: the idle draw is extrapolated");
  return fit;
}

InferenceFigures inference_figures(const InferenceSummary& s) {
  InferenceFigures f;
  constexpr double kJPerWh = 3600.0;
  const auto r3 = [](const Coefficient& c, double k) {
    return InferenceFigures::R3{c.value * k, c.low() * k, c.high() * k};
  };
  if (s.fit.ok) {
    f.idle_w = r3(s.fit.idle_w, 1.0);
    f.wh_per_request = r3(s.fit.j_per_request, 1.0 / kJPerWh);
    if (s.fit.j_per_output_token.fitted)
      f.wh_per_1k_output_tokens = r3(s.fit.j_per_output_token, 1000.0 / kJPerWh);
    if (s.energy_j > 0) f.idle_share = std::clamp(s.fit.idle_w.value * s.duration_s / s.energy_j, 0.0, 1.0);
  }
  if (s.totals.requests > 0) f.mean_wh_per_request = s.energy_j / kJPerWh / s.totals.requests;
  if (s.duration_s > 0) {
    const double per_day = 86400.0 / s.duration_s;
    f.requests_per_day = s.totals.requests * per_day;
    f.energy_wh_per_day = s.energy_j / kJPerWh * per_day;
    if (s.fit.ok) f.idle_wh_per_day = std::max(0.0, s.fit.idle_w.value) * 24.0;
  }
  return f;
}

}  // namespace carbonscope
