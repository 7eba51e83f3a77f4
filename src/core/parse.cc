// Parsers for quantities with units. Each splits "<number><unit>", looks the unit up in
// a small table and checks the range.
#include "carbonscope/parse.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

namespace carbonscope {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads the longest number at the front of `s`; returns chars consumed (0 if none).
std::size_t read_number(std::string_view s, double& out) {
  const char* first = s.data();
  const char* last = s.data() + s.size();
  if (first != last && *first == '+') return 0;
  auto [ptr, ec] = std::from_chars(first, last, out, std::chars_format::general);
  if (ec != std::errc()) return 0;
  return static_cast<std::size_t>(ptr - first);
}

struct Unit {
  std::string_view name;
  double factor;
};

// Parses "<number><unit>" with a unit from `units` (matched case-insensitively after
// dropping spaces); a bare number uses `bare_factor` unless it is 0 (then rejected).
Result<double> parse_with_units(std::string_view text, std::initializer_list<Unit> units,
                                double bare_factor, std::string_view what,
                                std::string_view form) {
  const std::string_view t = trim(text);
  double value = 0;
  const std::size_t n = read_number(t, value);
  if (n == 0 || !std::isfinite(value)) {
    return Status::invalid_argument(fmt::format("'{}' is not a valid {}; expected {}", text, what, form));
  }
  std::string unit;
  for (char c : t.substr(n)) {
    if (!std::isspace(static_cast<unsigned char>(c))) unit += c;
  }
  if (unit.empty()) {
    if (bare_factor == 0) {
      return Status::invalid_argument(fmt::format("'{}' has no unit; expected {}", text, form));
    }
    return value * bare_factor;
  }
  const std::string lu = lower(unit);
  for (const Unit& u : units) {
    if (lu == lower(u.name)) return value * u.factor;
  }
  return Status::invalid_argument(fmt::format("unknown unit '{}' in '{}'; expected {}", unit, text, form));
}

Status require_positive(double v, std::string_view text, std::string_view what) {
  if (v > 0 && std::isfinite(v)) return {};
  return Status::invalid_argument(fmt::format("{} must be greater than zero, got '{}'", what, text));
}

}  // namespace

Result<double> parse_number(std::string_view text) {
  const std::string_view t = trim(text);
  double value = 0;
  const std::size_t n = read_number(t, value);
  if (n == 0 || n != t.size() || !std::isfinite(value)) {
    return Status::invalid_argument(fmt::format("'{}' is not a finite number", text));
  }
  return value;
}

Result<double> parse_positive(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double v, parse_number(text));
  CS_RETURN_IF_ERROR(require_positive(v, text, "the value"));
  return v;
}

Result<std::int64_t> parse_count(std::string_view text) {
  const std::string_view t = trim(text);
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || ptr != t.data() + t.size() || t.empty()) {
    return Status::invalid_argument(fmt::format("'{}' is not a whole number", text));
  }
  if (v < 1) return Status::invalid_argument(fmt::format("count must be at least 1, got '{}'", text));
  return v;
}

Result<Power> parse_power(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double w, parse_with_units(text, {{"w", 1}, {"kw", 1e3}, {"mw", 1e6}}, 1.0,
                                                 "power", "watts such as 400W, 1.5kW or 400"));
  CS_RETURN_IF_ERROR(require_positive(w, text, "power"));
  return Power::watts(w);
}

Result<Energy> parse_energy(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double j, parse_with_units(text,
                                                 {{"j", 1}, {"kj", 1e3}, {"mj", 1e6}, {"wh", 3600},
                                                  {"kwh", 3.6e6}, {"mwh", 3.6e9}, {"gwh", 3.6e12}},
                                                 0, "energy", "an energy such as 433MWh, 3kWh or 250Wh"));
  CS_RETURN_IF_ERROR(require_positive(j, text, "energy"));
  return Energy::joules(j);
}

Result<Duration> parse_duration(std::string_view text) {
  static constexpr std::string_view kForm = "a duration such as 12h, 90min, 30s, 100ms or 118d5h41m";
  std::string_view t = trim(text);
  if (t.empty()) return Status::invalid_argument(fmt::format("empty duration; expected {}", kForm));
  double seconds = 0;
  while (!t.empty()) {
    double v = 0;
    const std::size_t n = read_number(t, v);
    if (n == 0 || !std::isfinite(v) || v < 0) {
      return Status::invalid_argument(fmt::format("'{}' is not a valid duration; expected {}", text, kForm));
    }
    t.remove_prefix(n);
    std::size_t u = 0;
    while (u < t.size() && std::isalpha(static_cast<unsigned char>(t[u]))) ++u;
    const std::string unit = lower(t.substr(0, u));
    t.remove_prefix(u);
    double factor = 0;
    if (unit == "ms") factor = 1e-3;
    else if (unit == "s" || unit == "sec") factor = 1;
    else if (unit == "m" || unit == "min") factor = 60;
    else if (unit == "h" || unit == "hr" || unit == "hours" || unit == "hour") factor = 3600;
    else if (unit == "d" || unit == "day" || unit == "days") factor = 86400;
    else if (unit.empty()) {
      return Status::invalid_argument(fmt::format("'{}' has a number without a unit; expected {}", text, kForm));
    } else {
      return Status::invalid_argument(fmt::format("unknown duration unit '{}' in '{}'; expected {}", unit, text, kForm));
    }
    seconds += v * factor;
  }
  CS_RETURN_IF_ERROR(require_positive(seconds, text, "duration"));
  return Duration(seconds);
}

Result<CarbonIntensity> parse_intensity(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double g, parse_with_units(text,
                                                 {{"g", 1}, {"g/kwh", 1}, {"gco2/kwh", 1}, {"gco2e/kwh", 1},
                                                  {"kg/kwh", 1e3}, {"kgco2e/kwh", 1e3}, {"t/mwh", 1e3},
                                                  {"lb/kwh", kKgPerLb * 1e3}, {"lbs/kwh", kKgPerLb * 1e3},
                                                  {"lb/mwh", kKgPerLb}, {"g/mwh", 1e-3}, {"kg/mwh", 1}},
                                                 1.0, "carbon intensity",
                                                 "grams per kWh such as 57g, 57g/kWh, 0.057kg/kWh or 0.954lb/kWh"));
  if (g < 0) return Status::invalid_argument(fmt::format("carbon intensity cannot be negative, got '{}'", text));
  return CarbonIntensity::g_per_kwh(g);
}

Result<Emissions> parse_emissions(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double g, parse_with_units(text,
                                                 {{"g", 1}, {"gco2e", 1}, {"kg", 1e3}, {"kgco2e", 1e3},
                                                  {"t", 1e6}, {"tco2e", 1e6}, {"lb", kKgPerLb * 1e3},
                                                  {"lbs", kKgPerLb * 1e3}},
                                                 0, "mass of CO2e", "a mass such as 2500kg, 11.2t or 150kgCO2e"));
  if (g < 0) return Status::invalid_argument(fmt::format("emissions cannot be negative, got '{}'", text));
  return Emissions::grams(g);
}

Result<double> parse_fraction(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double f, parse_with_units(text, {{"%", 0.01}}, 1.0, "fraction",
                                                 "a share such as 80% or 0.8"));
  if (!(f > 0 && f <= 1)) {
    return Status::invalid_argument(fmt::format("'{}' must be between 0 (excluded) and 100% (1.0)", text));
  }
  return f;
}

Result<double> parse_scaled_count(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double v, parse_with_units(text, {{"k", 1e3}, {"m", 1e6}, {"b", 1e9}, {"g", 1e9}, {"t", 1e12}},
                                                 1.0, "count", "a number such as 70B, 2T, 350M or 175e9"));
  CS_RETURN_IF_ERROR(require_positive(v, text, "count"));
  return v;
}

std::string arg_name(ArgStyle style, std::string_view flag) {
  if (style == ArgStyle::kFlag) return "--" + std::string(flag);
  std::string out(flag);
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

}  // namespace carbonscope
