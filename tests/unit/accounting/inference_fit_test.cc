// fit_inference on synthetic intervals with known idle draw, energy per request and per
// output token: the fit recovers them within its own error bars, and says why not when
// it cannot.
#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "carbonscope/inference.h"

namespace carbonscope {
namespace {

struct Truth {
  double idle_w, j_per_request, j_per_token;
};

// Intervals of varying length and load (some idle), energy from `truth` plus noise.
std::vector<RequestInterval> synthetic(const Truth& truth, int n, double noise_j, unsigned seed,
                                       bool tokens = true, double token_scale = 1.0) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> dt(0.8, 1.2), rate(0, 20), per(4, 200);
  std::normal_distribution<double> noise(0, noise_j);
  std::vector<RequestInterval> out;
  double t = 0;
  for (int i = 0; i < n; ++i) {
    RequestInterval iv;
    iv.dt_s = dt(rng);
    t += iv.dt_s;
    iv.t_s = t;
    iv.work.requests = (i % 5 == 0) ? 0 : std::round(rate(rng) * iv.dt_s);
    iv.work.output_tokens = tokens ? std::round(iv.work.requests * per(rng) * token_scale) : 0;
    iv.energy_j = truth.idle_w * iv.dt_s + truth.j_per_request * iv.work.requests +
                  truth.j_per_token * iv.work.output_tokens + noise(rng);
    out.push_back(iv);
  }
  return out;
}

void expect_near_within_error(const Coefficient& c, double truth) {
  ASSERT_TRUE(c.fitted);
  EXPECT_GT(c.se, 0);
  EXPECT_LE(std::abs(c.value - truth), 4 * c.se)
      << "fitted " << c.value << " +- " << c.se << ", truth " << truth;
}

TEST(InferenceFit, RecoversKnownCoefficientsWithinTheirErrors) {
  const Truth truth{35.0, 2.5, 0.04};
  for (unsigned seed = 1; seed <= 5; ++seed) {
    const InferenceFit fit = fit_inference(synthetic(truth, 200, 1.0, seed));
    ASSERT_TRUE(fit.ok) << fit.problem;
    EXPECT_EQ(fit.parameters, 3);
    expect_near_within_error(fit.idle_w, truth.idle_w);
    expect_near_within_error(fit.j_per_request, truth.j_per_request);
    expect_near_within_error(fit.j_per_output_token, truth.j_per_token);
    EXPECT_GT(fit.r_squared, 0.99);
  }
}

TEST(InferenceFit, ErrorsShrinkWithMoreIntervals) {
  const Truth truth{35.0, 2.5, 0.04};
  const InferenceFit few = fit_inference(synthetic(truth, 30, 2.0, 7));
  const InferenceFit many = fit_inference(synthetic(truth, 3000, 2.0, 7));
  ASSERT_TRUE(few.ok && many.ok);
  EXPECT_LT(many.idle_w.se, few.idle_w.se / 3);
  EXPECT_LT(many.j_per_request.se, few.j_per_request.se / 3);
}

TEST(InferenceFit, ExactDataGivesExactCoefficients) {
  const Truth truth{120.0, 0.75, 0.002};
  const InferenceFit fit = fit_inference(synthetic(truth, 50, 0.0, 3));
  ASSERT_TRUE(fit.ok);
  EXPECT_NEAR(fit.idle_w.value, truth.idle_w, 1e-6);
  EXPECT_NEAR(fit.j_per_request.value, truth.j_per_request, 1e-8);
  EXPECT_NEAR(fit.j_per_output_token.value, truth.j_per_token, 1e-10);
  EXPECT_LT(fit.idle_w.se, 1e-6);
}

// Kilowatts of idle draw next to millions of tokens per interval: column scaling keeps
// the solution accurate where the normal equations would lose digits.
TEST(InferenceFit, BadlyScaledColumnsStayAccurate) {
  const Truth truth{4000.0, 30.0, 2e-4};
  const InferenceFit fit = fit_inference(synthetic(truth, 100, 0.0, 11, true, 5000.0));
  ASSERT_TRUE(fit.ok);
  EXPECT_NEAR(fit.idle_w.value / truth.idle_w, 1.0, 1e-9);
  EXPECT_NEAR(fit.j_per_request.value / truth.j_per_request, 1.0, 1e-7);
  EXPECT_NEAR(fit.j_per_output_token.value / truth.j_per_token, 1.0, 1e-7);
}

TEST(InferenceFit, TokensProportionalToRequestsFoldIntoPerRequest) {
  std::vector<RequestInterval> ivs = synthetic({10, 1, 0}, 40, 0.1, 5, false);
  for (RequestInterval& iv : ivs) {
    iv.work.output_tokens = 64 * iv.work.requests;
    iv.energy_j += 0.01 * iv.work.output_tokens;
  }
  const InferenceFit fit = fit_inference(ivs);
  ASSERT_TRUE(fit.ok) << fit.problem;
  EXPECT_EQ(fit.parameters, 2);
  EXPECT_FALSE(fit.j_per_output_token.fitted);
  expect_near_within_error(fit.j_per_request, 1 + 0.64);
  ASSERT_FALSE(fit.notes.empty());
  EXPECT_NE(fit.notes[0].find("proportional"), std::string::npos);
}

TEST(InferenceFit, SaysWhenThereAreTooFewIntervals) {
  const InferenceFit fit = fit_inference(synthetic({10, 1, 0.01}, 5, 0.1, 1));
  EXPECT_FALSE(fit.ok);
  EXPECT_NE(fit.problem.find("too few intervals"), std::string::npos) << fit.problem;
  const InferenceFit two = fit_inference(synthetic({10, 1, 0}, 5, 0.1, 1, false));
  EXPECT_TRUE(two.ok) << two.problem;  // 2 coefficients need 5 intervals
}

TEST(InferenceFit, SaysWhenNoRequestsWereCounted) {
  std::vector<RequestInterval> ivs = synthetic({10, 1, 0.01}, 20, 0.1, 1);
  for (RequestInterval& iv : ivs) iv.work = {};
  const InferenceFit fit = fit_inference(ivs);
  EXPECT_FALSE(fit.ok);
  EXPECT_NE(fit.problem.find("no requests"), std::string::npos);
}

TEST(InferenceFit, ConstantRateCannotSeparateIdleFromRequests) {
  std::vector<RequestInterval> ivs;
  for (int i = 0; i < 20; ++i) ivs.push_back({i + 1.0, 1.0, 15.0, {5, 0, 0}});
  const InferenceFit fit = fit_inference(ivs);
  EXPECT_FALSE(fit.ok);
  EXPECT_NE(fit.problem.find("same in every interval"), std::string::npos);
}

TEST(InferenceFit, FiguresPerRequestPerTokenAndPerDay) {
  InferenceSummary s;
  s.fit = fit_inference(synthetic({36.0, 7.2, 0.036}, 100, 0.0, 2));
  ASSERT_TRUE(s.fit.ok);
  s.duration_s = 3600;
  s.energy_j = 3600 * 100;  // 100 Wh in the hour
  s.totals.requests = 1000;
  const InferenceFigures f = inference_figures(s);
  ASSERT_TRUE(f.wh_per_request && f.wh_per_1k_output_tokens && f.idle_w);
  EXPECT_NEAR(f.wh_per_request->central, 7.2 / 3600, 1e-9);
  EXPECT_NEAR(f.wh_per_1k_output_tokens->central, 0.036 * 1000 / 3600, 1e-9);
  EXPECT_NEAR(f.idle_share, 36.0 * 3600 / (3600 * 100), 1e-6);
  EXPECT_NEAR(f.mean_wh_per_request, 0.1, 1e-12);
  EXPECT_NEAR(f.requests_per_day, 24000, 1e-6);
  EXPECT_NEAR(f.energy_wh_per_day, 2400, 1e-6);
  EXPECT_NEAR(f.idle_wh_per_day, 36.0 * 24, 1e-6);
}

}  // namespace
}  // namespace carbonscope
