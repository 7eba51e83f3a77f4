// InferenceSummary <-> report.json's "inference" object, and its text lines.
#include "formats/inference_json.h"

#include <cmath>

#include <fmt/format.h>

#include "carbonscope/format.h"

namespace carbonscope {
namespace {

using nlohmann::json;
using R3 = InferenceFigures::R3;

json coefficient_json(const Coefficient& c) {
  return {{"value", c.value}, {"se", c.se}, {"low", c.low()}, {"high", c.high()}};
}

Coefficient coefficient_from(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_object()) return {};
  return {j[key].value("value", 0.0), j[key].value("se", 0.0), true};
}

// Fits of exact data leave rounding residue (1e-15 Wh): below a nanowatt-hour is zero.
double tidy(double v) { return std::abs(v) < 1e-9 ? 0.0 : v; }

std::string signed_energy(double wh) {
  wh = tidy(wh);
  return (wh < 0 ? "-" : "") + format_energy(Energy::kwh(std::abs(wh) / 1000));
}

json r3_json(const R3& r) { return {{"central", r.central}, {"low", r.low}, {"high", r.high}}; }

// Grams CO2e of an IT energy in Wh at the run's central PUE and intensity.
double grams(double wh, const Footprint& f) {
  return emissions_of(Energy::kwh(wh / 1000), f.pue, f.intensity).grams();
}

// The same for a range, bound by bound (a low bound below zero stays below zero, scaled
// by the high factors).
R3 grams(const R3& wh, const Footprint& f) {
  const auto bound = [&](double v, bool low) {
    const bool by_low = (v >= 0) == low;
    return emissions_of(Energy::kwh(v / 1000), by_low ? f.pue.value.low : f.pue.value.high,
                        by_low ? f.intensity.value.low : f.intensity.value.high)
        .grams();
  };
  return {grams(wh.central, f), bound(wh.low, true), bound(wh.high, false)};
}

R3 times(const R3& r, double k) { return {r.central * k, r.low * k, r.high * k}; }

json per_json(const R3& wh, const Footprint& f) {
  return {{"wh", r3_json(wh)}, {"g_co2e", r3_json(grams(wh, f))}};
}

}  // namespace

json inference_json(const InferenceSummary& s, const Footprint& f) {
  const InferenceFigures fig = inference_figures(s);
  json fit = {{"ok", s.fit.ok},
              {"intervals", s.fit.intervals},
              {"notes", s.fit.notes},
              {"model",
               "energy = idle_w x dt + j_per_request x requests + j_per_output_token x output_tokens "
               "(least squares over the sampling intervals; ranges are +-1.96 standard errors)"}};
  if (!s.fit.problem.empty()) fit["problem"] = s.fit.problem;
  if (s.fit.ok) {
    fit["idle_w"] = coefficient_json(s.fit.idle_w);
    fit["j_per_request"] = coefficient_json(s.fit.j_per_request);
    if (s.fit.j_per_output_token.fitted)
      fit["j_per_output_token"] = coefficient_json(s.fit.j_per_output_token);
    fit["r_squared"] = s.fit.r_squared;
  }
  json out = {{"requests", s.totals.requests},
              {"input_tokens", s.totals.input_tokens},
              {"output_tokens", s.totals.output_tokens},
              {"duration_s", s.duration_s},
              {"energy_kwh", s.energy_j / 3.6e6},
              {"mean_wh_per_request", fig.mean_wh_per_request},
              {"fit", std::move(fit)},
              {"per_day",
               {{"requests", fig.requests_per_day},
                {"energy_kwh", fig.energy_wh_per_day / 1000},
                {"emissions_kg", grams(fig.energy_wh_per_day, f) / 1000},
                {"idle_energy_kwh", fig.idle_wh_per_day / 1000}}}};
  if (fig.idle_w) {
    out["idle_w"] = r3_json(*fig.idle_w);
    out["idle_share"] = fig.idle_share;
  }
  if (fig.wh_per_request) {
    out["per_request"] = per_json(*fig.wh_per_request, f);
    out["per_1k_requests"] = per_json(times(*fig.wh_per_request, 1000), f);
  }
  if (fig.wh_per_1k_output_tokens) out["per_1k_output_tokens"] = per_json(*fig.wh_per_1k_output_tokens, f);
  return out;
}

Result<InferenceSummary> inference_from_json(const json& j) {
  if (!j.is_object()) return Status::data_error("inference: expected an object");
  try {
    InferenceSummary s;
    s.totals = {j.value("requests", 0.0), j.value("input_tokens", 0.0), j.value("output_tokens", 0.0)};
    s.duration_s = j.value("duration_s", 0.0);
    s.energy_j = j.value("energy_kwh", 0.0) * 3.6e6;
    if (j.contains("fit") && j["fit"].is_object()) {
      const json& fit = j["fit"];
      s.fit.ok = fit.value("ok", false);
      s.fit.intervals = fit.value("intervals", 0);
      s.fit.problem = fit.value("problem", "");
      s.fit.notes = fit.value("notes", std::vector<std::string>{});
      s.fit.r_squared = fit.value("r_squared", 0.0);
      s.fit.idle_w = coefficient_from(fit, "idle_w");
      s.fit.j_per_request = coefficient_from(fit, "j_per_request");
      s.fit.j_per_output_token = coefficient_from(fit, "j_per_output_token");
      s.fit.parameters = s.fit.ok ? (s.fit.j_per_output_token.fitted ? 3 : 2) : 0;
    }
    return s;
  } catch (const json::exception& e) {
    return Status::data_error(fmt::format("inference: {}", e.what()));
  }
}

std::vector<std::string> inference_lines(const InferenceSummary& s, const Footprint& f) {
  const InferenceFigures fig = inference_figures(s);
  std::vector<std::string> out;
  std::string served = fmt::format("requests    {} in {}", format_count(s.totals.requests),
                                   format_duration(Duration(s.duration_s)));
  if (s.totals.output_tokens > 0)
    served += fmt::format(", {} output tokens", format_count(s.totals.output_tokens));
  if (s.totals.requests > 0) {
    served += fmt::format("; {} per request on average, idle included",
                          format_energy(Energy::kwh(fig.mean_wh_per_request / 1000)));
  }
  out.push_back(served);
  if (!s.fit.ok) {
    out.push_back("fit         none: " + s.fit.problem);
    return out;
  }
  const auto wh = [](double v) { return signed_energy(v); };
  const auto g = [](double v) {
    v = tidy(v);
    return (v < 0 ? "-" : "") + format_co2e(Emissions::kg(std::abs(v) / 1000));
  };
  const auto range = [&](const R3& r, const auto& unit) {
    return fmt::format("{} ({} to {})", unit(r.central), unit(r.low), unit(r.high));
  };
  out.push_back(fmt::format("idle draw   {} ({} to {}), {:.0f}% of the energy",
                            format_power(Power::watts(fig.idle_w->central)),
                            format_power(Power::watts(fig.idle_w->low)),
                            format_power(Power::watts(fig.idle_w->high)), 100 * fig.idle_share));
  const R3 per = *fig.wh_per_request;
  out.push_back(fmt::format("per request {}, {}", range(per, wh), range(grams(per, f), g)));
  out.push_back(
      fmt::format("per 1,000   {}, {}", range(times(per, 1000), wh), range(grams(times(per, 1000), f), g)));
  if (fig.wh_per_1k_output_tokens) {
    const R3 tok = *fig.wh_per_1k_output_tokens;
    out.push_back(fmt::format("per 1,000 output tokens {}, {}", range(tok, wh), range(grams(tok, f), g)));
  }
  out.push_back(fmt::format("per day     {} requests, {} ({} idle), {}", format_count(fig.requests_per_day),
                            wh(fig.energy_wh_per_day), wh(fig.idle_wh_per_day),
                            g(grams(fig.energy_wh_per_day, f))));
  out.push_back(fmt::format("fit         {} intervals, R^2 {:.3f}; ranges are the fit's 95% intervals",
                            s.fit.intervals, s.fit.r_squared));
  for (const std::string& n : s.fit.notes) out.push_back("note        " + n);
  return out;
}

}  // namespace carbonscope
