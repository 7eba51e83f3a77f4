// carbonscope_forecast_skill RAW_DIR: measures the profile forecast (accounting/
// forecast.h) on held-out weeks of the shipped hourly series and, for Great Britain 2024,
// against the operator's (NESO) own forecast read from RAW_DIR/hourly/
// gb-carbonintensity-api-2024. Prints the Markdown table of docs/validation.md.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "accounting/forecast.h"
#include "carbonscope/hourly.h"
#include "data/csv.h"

namespace carbonscope {
namespace {

// NESO's forecast column, half-hours averaged into hours.
std::map<UnixHour, double> neso_forecast(const std::string& raw) {
  std::map<UnixHour, std::pair<double, int>> acc;
  for (int m = 1; m <= 12; ++m) {
    const std::string path = fmt::format("{}/hourly/gb-carbonintensity-api-2024/{:02}24.csv", raw, m);
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    auto t = CsvTable::parse(path, text);
    if (!t.ok()) continue;
    const int tc = t->column("Datetime (UTC)"), fc = t->column("Forecast Carbon Intensity (gCO2/kWh)");
    for (std::size_t i = 0; i < t->size(); ++i) {
      auto when = parse_utc_time(t->cell(i, static_cast<std::size_t>(tc)));
      if (!when.ok() || t->cell(i, static_cast<std::size_t>(fc)).empty()) continue;
      auto& a = acc[*when / 3600];
      a.first += std::stod(std::string(t->cell(i, static_cast<std::size_t>(fc))));
      a.second += 1;
    }
  }
  std::map<UnixHour, double> out;
  for (const auto& [h, a] : acc) out[h] = a.first / a.second;
  return out;
}

struct Score {
  double abs_err = 0, n = 0, covered = 0, regret = 0, regret_n = 0;
  void add(double actual, double predicted) {
    abs_err += std::fabs(actual - predicted);
    n += 1;
  }
  double mae() const { return n > 0 ? abs_err / n : NAN; }
};

// Mean of a 10-hour job started at each hour of [o, o + 38]: the planner's question.
double window_regret(const HourlySeries& s, UnixHour o, const std::vector<double>& f) {
  double best_true = 1e18, chosen_true = 0, best_pred = 1e18;
  for (int st = 0; st + 10 <= 48; ++st) {
    double a = 0, p = 0;
    for (int k = st; k < st + 10; ++k) {
      a += *s.at(o + k);
      p += f[static_cast<std::size_t>(k)];
    }
    if (a < best_true) best_true = a;
    if (p < best_pred) {
      best_pred = p;
      chosen_true = a;
    }
  }
  return (chosen_true - best_true) / best_true;
}

// Held-out origins of a series: every Monday 00:00 UTC with 49 days of history and 48 h
// after; `half` 1 = those in the first half of the series, 2 = the second, 0 = all.
std::vector<UnixHour> origins(const HourlySeries& s, int half) {
  std::vector<UnixHour> out;
  const UnixHour mid = s.first + static_cast<UnixHour>(s.g_per_kwh.size() / 2);
  for (UnixHour o = s.first + 49 * 24; o + 48 <= s.end(); o += 24) {
    const std::int64_t day = o / 24;
    if (((day + 3) % 7 + 7) % 7 != 0) continue;  // Mondays only
    if ((half == 1 && o >= mid) || (half == 2 && o < mid)) continue;
    out.push_back(o);
  }
  return out;
}

// Share of actual hours inside the range, over the origins of `half` of every series.
std::pair<double, double> coverage(const std::vector<const HourlySeries*>& all, int half, double scale) {
  ForecastOptions opt;
  opt.range_scale = scale;
  double in = 0, n = 0;
  for (const HourlySeries* s : all) {
    for (UnixHour o : origins(*s, half)) {
      const auto f = profile_forecast_range(*s, o, 48, opt);
      if (!f) continue;
      for (int k = 0; k < 48; ++k) {
        const double a = *s->at(o + k);
        const auto& r = (*f)[static_cast<std::size_t>(k)];
        in += (a >= r.low && a <= r.high);
        n += 1;
      }
    }
  }
  return {in, n};
}

// The smallest factor (in steps of 0.05) whose range covers 80% of the first halves' hours.
double calibrate(const std::vector<const HourlySeries*>& all) {
  for (double k = 1.0; k < 4.0; k += 0.05) {
    const auto [in, n] = coverage(all, 1, k);
    if (n > 0 && in / n >= 0.8) return k;
  }
  return 4.0;
}

}  // namespace
}  // namespace carbonscope

int main(int argc, char** argv) {
  using namespace carbonscope;
  if (argc < 2) {
    std::fprintf(stderr, "usage: carbonscope_forecast_skill RAW_DIR (e.g. ../shared/data/raw)\n");
    return 2;
  }
  const auto hourly = HourlyData::builtin();
  if (!hourly.ok()) return 1;
  const auto neso = neso_forecast(argv[1]);
  std::vector<const HourlySeries*> all;
  for (const HourlySeries& s : (*hourly)->all()) all.push_back(&s);
  const double scale = calibrate(all);
  const auto [cal_in, cal_n] = coverage(all, 1, scale);
  const auto [held_in, held_n] = coverage(all, 2, scale);
  const ForecastOptions used;
  std::printf(
      "range factor calibrated on the first halves: %.2f (covers %.1f%%); on the second halves: %.1f%%; "
      "the built-in factor is %.2f\n\n",
      scale, 100 * cal_in / cal_n, 100 * held_in / held_n, used.range_scale);
  std::printf(
      "| zone | held-out weeks | mean g/kWh | MAE day 1 profile | day 1 persistence | day 1 operator | "
      "MAE day 2 profile | day 2 persistence | in the 80%% range, all weeks | in the 80%% range, 2nd half | "
      "regret of the chosen 10 h start |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (const HourlySeries& s : (*hourly)->all()) {
    Score prof[2], pers[2], op[2];
    double covered2 = 0, covered2_n = 0;
    for (UnixHour o : origins(s, 2)) {
      const auto f = profile_forecast_range(s, o, 48);
      if (!f) continue;
      for (int k = 0; k < 48; ++k) {
        const double a = *s.at(o + k);
        covered2 +=
            (a >= (*f)[static_cast<std::size_t>(k)].low && a <= (*f)[static_cast<std::size_t>(k)].high);
        covered2_n += 1;
      }
    }
    double covered = 0, covered_n = 0, regret = 0, sum = 0, sum_n = 0;
    int weeks = 0;
    // Held-out origins: every Monday 00:00 UTC with 49 days of history and 48 h after.
    for (UnixHour o = s.first + 49 * 24; o + 48 <= s.end(); o += 24) {
      const std::int64_t day = o / 24;
      if (((day + 3) % 7 + 7) % 7 != 0) continue;  // Mondays only
      const auto f = profile_forecast_range(s, o, 48);
      if (!f) continue;
      std::vector<double> central;
      for (const auto& r : *f) central.push_back(r.central);
      ++weeks;
      for (int k = 0; k < 48; ++k) {
        const double a = *s.at(o + k);
        sum += a;
        sum_n += 1;
        prof[k / 24].add(a, (*f)[static_cast<std::size_t>(k)].central);
        pers[k / 24].add(a, *s.at(o - 24 + (k % 24)));
        if (s.zone == "GB") {
          if (const auto it = neso.find(o + k); it != neso.end()) op[k / 24].add(a, it->second);
        }
        covered +=
            (a >= (*f)[static_cast<std::size_t>(k)].low && a <= (*f)[static_cast<std::size_t>(k)].high);
        covered_n += 1;
      }
      regret += window_regret(s, o, central);
    }
    const auto cell = [](const Score& x) {
      return std::isnan(x.mae()) ? std::string("-") : fmt::format("{:.1f}", x.mae());
    };
    std::printf("| %s | %d | %.0f | %s | %s | %s | %s | %s | %.0f%% | %.0f%% | %.1f%% |\n", s.zone.c_str(),
                weeks, sum / sum_n, cell(prof[0]).c_str(), cell(pers[0]).c_str(), cell(op[0]).c_str(),
                cell(prof[1]).c_str(), cell(pers[1]).c_str(), 100 * covered / covered_n,
                100 * covered2 / covered2_n, 100 * regret / weeks);
  }
  return 0;
}
