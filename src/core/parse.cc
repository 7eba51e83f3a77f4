// Parsers for quantities with units. Each splits "<number><unit>", looks the unit up in
// a table of spellings (core/unit_match.h: the case rule for m and M) and checks the
// range. Durations, with their clock forms, are in parse_duration.cc.
#include "carbonscope/parse.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "carbonscope/limits.h"
#include "core/unit_match.h"

namespace carbonscope {
namespace {

// Short names for the tables below.
UnitSpelling u(std::string name, double factor) { return free_case(std::move(name), factor); }
UnitSpelling exact(std::string name, double factor, std::string meaning) {
  return exact_case(std::move(name), factor, std::move(meaning));
}

const std::vector<UnitSpelling>& power_units() {
  static const std::vector<UnitSpelling> k = {u("W", 1), u("kW", 1e3), u("GW", 1e9),
                                              exact("mW", 1e-3, "milliwatts"), exact("MW", 1e6, "megawatts")};
  return k;
}

const std::vector<UnitSpelling>& energy_units() {
  static const std::vector<UnitSpelling> k = {
      u("J", 1),       u("kJ", 1e3),          u("GJ", 1e9),
      u("Wh", 3600),   u("kWh", 3.6e6),       u("GWh", 3.6e12),
      u("TWh", 3.6e15), exact("mJ", 1e-3, "millijoules"), exact("MJ", 1e6, "megajoules"),
      exact("mWh", 3.6, "milliwatt-hours"), exact("MWh", 3.6e9, "megawatt-hours")};
  return k;
}

// Masses in grams, each also with CO2 / CO2e / CO2eq after it ("kgCO2e").
struct Mass {
  const char* name;
  double grams;
  const char* meaning;
};
constexpr Mass kMasses[] = {{"g", 1, ""}, {"kg", 1e3, ""}, {"t", 1e6, ""}, {"lb", kKgPerLb * 1e3, ""},
                            {"lbs", kKgPerLb * 1e3, ""}, {"mg", 1e-3, "milligrams"}};
constexpr const char* kGases[] = {"", "CO2", "CO2e", "CO2eq"};

const std::vector<UnitSpelling>& mass_units() {
  static const std::vector<UnitSpelling> k = [] {
    std::vector<UnitSpelling> out;
    for (const Mass& m : kMasses) {
      for (const char* gas : kGases) {
        const std::string name = std::string(m.name) + gas;
        out.push_back(m.name[0] == 'm' ? exact(name, m.grams, m.meaning) : u(name, m.grams));
      }
    }
    out.push_back(refused_unit("Mg", "Mg (megagram) is too easily mg: write t for tonnes or mg for milligrams"));
    return out;
  }();
  return k;
}

// Grams per kWh: a mass per kWh or per MWh ("0.954lb/kWh", "386kgCO2e/MWh"), or "57g"
// and "0.057kg" alone (per kWh).
const std::vector<UnitSpelling>& intensity_units() {
  static const std::vector<UnitSpelling> k = [] {
    std::vector<UnitSpelling> out;
    for (const Mass& m : kMasses) {
      if (m.name[0] == 'm') continue;  // mg/kWh: no grid is that clean
      for (const char* gas : kGases) {
        const std::string mass = std::string(m.name) + gas;
        if (mass == "g" || mass == "kg" || mass.rfind("gCO2", 0) == 0 || mass.rfind("kgCO2", 0) == 0) {
          out.push_back(u(mass, m.grams));
        }
        out.push_back(u(mass + "/kWh", m.grams));
        out.push_back(exact(mass + "/MWh", m.grams / 1e3, "per megawatt-hour"));
      }
    }
    return out;
  }();
  return k;
}

// Parses "<number><unit>" with a unit from `units` (spaces inside dropped); a bare
// number uses `bare_factor` unless it is 0 (then rejected).
Result<double> parse_with_units(std::string_view text, const std::vector<UnitSpelling>& units, double bare_factor,
                                std::string_view what, std::string_view form) {
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
  CS_ASSIGN_OR_RETURN(const double factor, match_unit(unit, units, text, form));
  return value * factor;
}

// `v` (in the parser's base unit) at most `max`; else refused, naming the limit.
Status require_at_most(double v, double max, std::string_view text, std::string_view what,
                       std::string_view limit) {
  if (v <= max) return {};
  return Status::invalid_argument(fmt::format(
      "{} '{}' is more than {}, beyond any real job: check its unit and exponent", what, text, limit));
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
  CS_RETURN_IF_ERROR(require_at_most(v, kMaxCount, text, "the value", "1e18"));
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
  CS_RETURN_IF_ERROR(require_at_most(static_cast<double>(v), 1e15, text, "the count", "1e15"));
  return v;
}

Result<Power> parse_power(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double w, parse_with_units(text, power_units(), 1.0, "power",
                                                 "watts such as 400W, 1.5kW, 700mW or 400"));
  CS_RETURN_IF_ERROR(require_positive(w, text, "power"));
  CS_RETURN_IF_ERROR(require_at_most(w, kMaxWatts, text, "power", "1 TW"));
  return Power::watts(w);
}

Result<Energy> parse_energy(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double j, parse_with_units(text, energy_units(), 0, "energy",
                                                 "an energy such as 433MWh, 3kWh, 250Wh or 0.3mWh"));
  CS_RETURN_IF_ERROR(require_positive(j, text, "energy"));
  CS_RETURN_IF_ERROR(require_at_most(j, kMaxKwh * kJoulesPerKwh, text, "energy", "1 PWh"));
  return Energy::joules(j);
}

Result<CarbonIntensity> parse_intensity(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double g, parse_with_units(text, intensity_units(), 1.0, "carbon intensity",
                                                 "grams per kWh such as 57g, 57g/kWh, 0.057kg/kWh, 0.954lb/kWh "
                                                 "or 386kg/MWh"));
  if (g < 0) return Status::invalid_argument(fmt::format("carbon intensity cannot be negative, got '{}'", text));
  CS_RETURN_IF_ERROR(require_at_most(g, kMaxGramsPerKwh, text, "carbon intensity", "100 t/kWh"));
  return CarbonIntensity::g_per_kwh(g);
}

Result<Emissions> parse_emissions(std::string_view text) {
  CS_ASSIGN_OR_RETURN(double g, parse_with_units(text, mass_units(), 0, "mass of CO2e",
                                                 "a mass such as 2500kg, 11.2t, 150kgCO2e or 500mg"));
  if (g < 0) return Status::invalid_argument(fmt::format("emissions cannot be negative, got '{}'", text));
  CS_RETURN_IF_ERROR(require_at_most(g, kMaxKg * 1e3, text, "mass", "1 Gt"));
  return Emissions::grams(g);
}

Result<double> parse_fraction(std::string_view text) {
  static const std::vector<UnitSpelling> kUnits = {u("%", 0.01)};
  CS_ASSIGN_OR_RETURN(double f, parse_with_units(text, kUnits, 1.0, "fraction", "a share such as 80% or 0.8"));
  if (!(f > 0 && f <= 1)) {
    std::string msg = fmt::format("'{}' must be between 0 (excluded) and 100% (1.0)", text);
    // "80" where "80%" was meant: a bare number in (1, 100].
    if (f > 1 && f <= 100 && trim(text).find('%') == std::string_view::npos) {
      msg += fmt::format("; did you mean {}%?", trim(text));
    }
    return Status::invalid_argument(msg);
  }
  if (f < kMinShare) {
    return Status::invalid_argument(
        fmt::format("'{}' is below 0.0000001% (1e-9), too small a share to compute with", text));
  }
  return f;
}

namespace {

// A count with k/M/B/G/T multipliers, > 0 and at most `max` (`limit` spells it).
Result<double> parse_multiplied(std::string_view text, std::string_view what, std::string_view form, double max,
                                std::string_view limit) {
  // No fractional prefix exists for a count, so the case of m/M cannot matter here:
  // 350m and 350M are both millions.
  static const std::vector<UnitSpelling> kUnits = {u("k", 1e3), u("M", 1e6), u("B", 1e9), u("G", 1e9),
                                                   u("T", 1e12)};
  CS_ASSIGN_OR_RETURN(double v, parse_with_units(text, kUnits, 1.0, what, form));
  CS_RETURN_IF_ERROR(require_positive(v, text, what));
  CS_RETURN_IF_ERROR(require_at_most(v, max, text, what, limit));
  return v;
}

}  // namespace

Result<double> parse_scaled_count(std::string_view text) {
  return parse_multiplied(text, "count", "a number such as 70B, 2T, 350M or 175e9", kMaxCount, "1e18");
}

Result<double> parse_flop_count(std::string_view text) {
  return parse_multiplied(text, "FLOP count", "a number such as 3.14e23", kMaxFlops, "1e32");
}

Result<double> parse_memory_gb(std::string_view text) {
  // Memory is always bytes and no unit of it has a milli prefix, so case is free; binary
  // and decimal units count alike (the W/GB constant is far coarser than 7%).
  static const std::vector<UnitSpelling> kUnits = {u("GB", 1),    u("GiB", 1),    u("G", 1),    u("TB", 1e3),
                                                   u("TiB", 1e3), u("T", 1e3),    u("MB", 1e-3), u("MiB", 1e-3),
                                                   u("M", 1e-3)};
  auto v = parse_with_units(text, kUnits, 1.0, "memory size", "a memory size such as 64GB, 1TB or 512MB");
  if (!v.ok()) {
    return Status::invalid_argument(fmt::format("'{}' is not a memory size such as 64GB, 1TB or 512MB", text));
  }
  CS_RETURN_IF_ERROR(require_positive(*v, text, "memory size"));
  CS_RETURN_IF_ERROR(require_at_most(*v, 1e9, text, "memory size", "1 EB"));
  return *v;
}

// The one table of the surfaces' spellings (a check that names its option calls this
// with the caller's style): --device-hours, device_hours, and in a project file
// device_hours, where the flag --gpu is the key hardware.
std::string arg_name(ArgStyle style, std::string_view flag) {
  if (style == ArgStyle::kFlag) return "--" + std::string(flag);
  // The project file's phases name the accelerator "hardware" (the one key whose name
  // differs from the flag's beyond - and _).
  if (style == ArgStyle::kFileKey && flag == "gpu") return "hardware";
  std::string out(flag);
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

}  // namespace carbonscope
