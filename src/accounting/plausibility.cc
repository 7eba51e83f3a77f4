// Each check re-reads the number as the person wrote it and, where another common unit
// would make it plausible, names that unit ("did you mean 0.4kg/kWh?").
#include "accounting/plausibility.h"

#include <cctype>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "accounting/estimate_request.h"
#include "carbonscope/parse.h"

namespace carbonscope {
namespace {

// The number at the front of `text` ("0.4" of "0.4g/kWh"), as written.
std::string number_part(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  std::size_t n = 0;
  while (n < text.size() && (std::isdigit(static_cast<unsigned char>(text[n])) || text[n] == '.' ||
                             text[n] == 'e' || text[n] == 'E' || text[n] == '-')) {
    ++n;
  }
  return std::string(text.substr(0, n));
}

// The first of `units` that makes `number` plausible between [low, high], by parsing.
template <typename Parse, typename Value>
std::string plausible_spelling(const std::string& number, std::initializer_list<const char*> units, Parse parse,
                               Value value, double low, double high) {
  for (const char* u : units) {
    auto r = parse(number + u);
    if (r.ok() && value(*r) >= low && value(*r) <= high) return number + u;
  }
  return "";
}

std::string intensity_warning(const std::string& text, ArgStyle style) {
  auto ci = parse_intensity(text);
  if (!ci.ok()) return "";
  const double g = ci->g_per_kwh();
  if (g == 0 || (g >= kPlausibleIntensityLow && g <= kPlausibleIntensityHigh)) return "";  // 0: a choice
  const bool low = g < kPlausibleIntensityLow;
  std::string msg = fmt::format("{}: {:g} g/kWh is implausibly {} for a grid ({})", arg_name(style, "intensity"), g,
                                low ? "low" : "high",
                                low ? "the cleanest grids are a few g/kWh" : "coal alone is about 1,000 g/kWh");
  const std::string better = plausible_spelling(
      number_part(text), {"kg/kWh", "g/kWh", "lb/MWh", "g/MWh"}, [](const std::string& s) { return parse_intensity(s); },
      [](CarbonIntensity c) { return c.g_per_kwh(); }, 10.0, kPlausibleIntensityHigh);
  msg += better.empty() ? "; check its unit" : fmt::format("; did you mean {}?", better);
  return msg;
}

}  // namespace

std::vector<std::string> location_warnings(const LocationText& text, ArgStyle style) {
  std::vector<std::string> out;
  if (!text.intensity.empty()) {
    if (std::string w = intensity_warning(text.intensity, style); !w.empty()) out.push_back(std::move(w));
  }
  return out;
}

std::vector<std::string> estimate_warnings(const EstimateRequest& r) {
  std::vector<std::string> out = location_warnings(r.location, r.style);
  if (!r.gpu.empty() && !r.power.empty()) {  // a power per accelerator
    auto p = parse_power(r.power);
    if (p.ok() && (p->watts() < kPlausibleDeviceLowW || p->watts() > kPlausibleDeviceHighW)) {
      const std::string better = plausible_spelling(
          number_part(r.power), {"W", "kW"}, [](const std::string& s) { return parse_power(s); },
          [](Power w) { return w.watts(); }, 50.0, 2000.0);
      out.push_back(fmt::format("{}: {:g} W per accelerator is implausible (they draw about 50 W to 1.5 kW){}",
                                arg_name(r.style, "power"), p->watts(),
                                better.empty() ? "; check its unit" : fmt::format("; did you mean {}?", better)));
    }
  }
  return out;
}

std::vector<std::string> location_figure_warnings(const Location& location, bool pue_given) {
  std::vector<std::string> out;
  const double pue = location.pue.value.central;
  if (!location.provider.empty() && pue > 2.0) {
    out.push_back(fmt::format("PUE {:g} is implausible for a {} region: cloud providers publish 1.1 to 1.3{}", pue,
                              location.provider, pue_given ? "; check --pue" : ""));
  } else if (pue > 2.5) {
    out.push_back(fmt::format("PUE {:g} is implausibly high: even old enterprise rooms average about 2", pue));
  }
  return out;
}

std::vector<std::string> device_power_warnings(const DataSet& data, const EstimateRequest& r) {
  std::vector<std::string> out;
  if (r.gpu.empty() || r.power.empty()) return out;
  auto a = data.find_accelerator(r.gpu);
  auto p = parse_power(r.power);
  if (!a.ok() || !p.ok() || (*a)->tdp_w <= 0) return out;
  const double w = p->watts();
  if (w > 1.5 * (*a)->tdp_w && w <= kPlausibleDeviceHighW) {
    out.push_back(fmt::format("{}: {:g} W per accelerator is implausible for an {} (TDP {:g} W): is it a whole node's "
                              "power? {} is per device",
                              arg_name(r.style, "power"), w, (*a)->name, (*a)->tdp_w, arg_name(r.style, "power")));
  }
  return out;
}

}  // namespace carbonscope
