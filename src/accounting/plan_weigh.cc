// Min-max scaling of each criterion over the candidates and the weighted mean.
#include "accounting/plan_weigh.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "core/unit_match.h"

namespace carbonscope {
namespace {

constexpr std::string_view kCriteria = "criteria: carbon, distance (e.g. --weigh carbon=1,distance=0.3)";

// 1 for the lowest value, 0 for the highest; every option 1 when all are equal.
std::vector<double> scaled_low_is_best(const std::vector<double>& v) {
  std::vector<double> out(v.size(), 1.0);
  if (v.empty()) return out;
  const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
  if (*hi - *lo <= 0) return out;
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = 1.0 - (v[i] - *lo) / (*hi - *lo);
  return out;
}

}  // namespace

Result<PlanWeights> parse_weights(std::string_view text) {
  PlanWeights w{0, 0};
  bool seen_carbon = false, seen_distance = false;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = text.find(',', pos);
    const std::string_view item =
        trim(text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    pos = comma == std::string_view::npos ? text.size() + 1 : comma + 1;
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      return Status::invalid_argument(
          fmt::format("--weigh '{}': '{}' is not CRITERION=WEIGHT; {}", text, item, kCriteria));
    }
    const std::string_view name = trim(item.substr(0, eq)), value = trim(item.substr(eq + 1));
    double v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || !std::isfinite(v)) {
      return Status::invalid_argument(
          fmt::format("--weigh '{}': weight '{}' of {} is not a number (0.3, 1)", text, value, name));
    }
    if (v < 0) {
      return Status::invalid_argument(fmt::format(
          "--weigh '{}': weight {} of {} is negative; weights are 0 or more (0 leaves a criterion out)", text, v,
          name));
    }
    if (name == "price" || name == "cost") {
      return Status::invalid_argument(fmt::format(
          "--weigh '{}': no price criterion: there is no open per-zone electricity or instance price data to "
          "ship offline; {}",
          text, kCriteria));
    }
    bool* seen = name == "carbon" ? &seen_carbon : name == "distance" ? &seen_distance : nullptr;
    if (seen == nullptr) {
      return Status::invalid_argument(fmt::format("--weigh '{}': unknown criterion '{}'; {}", text, name, kCriteria));
    }
    if (*seen) return Status::invalid_argument(fmt::format("--weigh '{}': {} is given twice", text, name));
    *seen = true;
    (name == "carbon" ? w.carbon : w.distance) = v;
  }
  if (w.carbon + w.distance <= 0) {
    return Status::invalid_argument(
        fmt::format("--weigh '{}': every weight is 0; give at least one positive weight ({})", text, kCriteria));
  }
  return w;
}

void weigh_options(std::vector<PlanOption>& options, const PlanWeights& w) {
  std::vector<double> carbon, distance;
  carbon.reserve(options.size());
  distance.reserve(options.size());
  for (const PlanOption& o : options) {
    carbon.push_back(o.emissions.central.kg());
    distance.push_back(o.distance_km.value_or(0));
  }
  const std::vector<double> c = scaled_low_is_best(carbon), d = scaled_low_is_best(distance);
  // Relative weights: divided by the larger, so that huge ones (1e308) cannot overflow.
  const double top = std::max(w.carbon, w.distance);
  const double wc = w.carbon / top, wd = w.distance / top;
  for (std::size_t i = 0; i < options.size(); ++i) {
    options[i].score = (wc * c[i] + (wd > 0 ? wd * d[i] : 0)) / (wc + wd);
  }
  std::stable_sort(options.begin(), options.end(), [](const PlanOption& a, const PlanOption& b) {
    if (*a.score != *b.score) return *a.score > *b.score;
    return a.emissions.central < b.emissions.central;
  });
}

}  // namespace carbonscope
