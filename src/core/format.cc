// Number, unit, range, provenance and time formatting for people (see format.h).
#include "carbonscope/format.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "core/utc_time.h"

namespace carbonscope {
namespace {

constexpr int kSig = 3;

std::string group(const std::string& digits) {
  // digits: "-1234567.89" -> "-1,234,567.89"
  const std::size_t start = digits[0] == '-' ? 1 : 0;
  std::size_t dot = digits.find('.');
  if (dot == std::string::npos) dot = digits.size();
  std::string out = digits.substr(0, start);
  for (std::size_t i = start; i < dot; ++i) {
    out += digits[i];
    const std::size_t left = dot - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  out += digits.substr(dot);
  return out;
}

// `v` rounded to `sig` significant digits (so that 999.6 picks the next unit up).
double round_sig(double v, int sig) {
  if (v == 0 || !std::isfinite(v)) return v;
  return std::strtod(fmt::format("{:.{}e}", v, sig - 1).c_str(), nullptr);
}

// A unit of a family: values of at least `from` (in base units) are divided by it.
struct Unit {
  double from;
  const char* name;
};

// Picks the largest unit the value (rounded as printed) reaches; zero and anything
// below the smallest unit use `zero_unit` and the smallest unit respectively.
const Unit& pick(const std::vector<Unit>& family, double base, std::size_t zero_unit) {
  const double v = std::fabs(round_sig(base, kSig));
  if (v == 0) return family[zero_unit];
  for (std::size_t i = family.size(); i-- > 0;) {
    if (v >= family[i].from * (1 - 1e-12)) return family[i];
  }
  return family.front();
}

// Energy in joules, emissions in grams, power in watts.
const std::vector<Unit>& energy_units() {
  static const std::vector<Unit> u = {
      {3.6, "mWh"}, {3600, "Wh"}, {3.6e6, "kWh"}, {3.6e9, "MWh"}, {3.6e12, "GWh"}};
  return u;
}
const std::vector<Unit>& emissions_units() {
  static const std::vector<Unit> u = {{1e-3, "mg"}, {1, "g"}, {1e3, "kg"}, {1e6, "t"}};
  return u;
}
const std::vector<Unit>& power_units() {
  static const std::vector<Unit> u = {{1e-3, "mW"}, {1, "W"}, {1e3, "kW"}, {1e6, "MW"}};
  return u;
}

std::string in_unit(double base, const Unit& u) { return format_number(base / u.from) + " " + u.name; }

std::string range_text(double central, double low, double high, const Unit& u, const char* suffix) {
  return fmt::format("{} {}{} ({} to {} {}{})", format_number(central / u.from), u.name, suffix,
                     format_number(low / u.from), format_number(high / u.from), u.name, suffix);
}

}  // namespace

std::string format_number(double v, int sig) {
  if (!std::isfinite(v)) return "n/a";
  sig = std::clamp(sig, 1, 17);  // fmt refuses a negative precision by throwing
  const double r = round_sig(v, sig);
  if (r == 0) return "0";
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(r))));
  if (magnitude >= sig - 1) return group(fmt::format("{:.0f}", v));  // every integer digit
  const int decimals = std::clamp(sig - 1 - magnitude, 0, 15);
  return group(fmt::format("{:.{}f}", r, decimals));
}

std::string format_short(double v, int sig) {
  std::string s = format_number(v, sig);
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_count(double v) {
  if (!std::isfinite(v)) return "n/a";
  if (std::fabs(v) >= 100 || std::fabs(v - std::round(v)) < 1e-9 * std::max(1.0, std::fabs(v))) {
    return group(fmt::format("{:.0f}", std::round(v) == 0 ? 0.0 : std::round(v)));
  }
  return format_short(v, kSig);
}

std::string format_percent(double fraction) { return format_short(fraction * 100, kSig) + "%"; }

std::string format_energy(Energy e) { return in_unit(e.joules(), pick(energy_units(), e.joules(), 1)); }
std::string format_emissions(Emissions m) {
  return in_unit(m.grams(), pick(emissions_units(), m.grams(), 1));
}
std::string format_co2e(Emissions m) { return format_emissions(m) + " CO2e"; }
std::string format_power(Power p) { return in_unit(p.watts(), pick(power_units(), p.watts(), 1)); }
std::string format_intensity(CarbonIntensity c) { return format_number(c.g_per_kwh()) + " gCO2e/kWh"; }

std::string format_energy_like(Energy e, Energy like) {
  return in_unit(e.joules(), pick(energy_units(), like.joules(), 1));
}

std::string format_emissions_like(Emissions m, Emissions like) {
  return in_unit(m.grams(), pick(emissions_units(), like.grams(), 1));
}

UnitScale energy_scale(Energy like) {
  const Unit& u = pick(energy_units(), like.joules(), 1);
  return {u.name, u.from};
}

UnitScale emissions_scale(Emissions like) {
  const Unit& u = pick(emissions_units(), like.grams(), 1);
  return {u.name, u.from};
}

std::string format_duration(Duration d) {
  const double s = d.count();
  if (!std::isfinite(s)) return "n/a";
  if (s < 0) return "-" + format_duration(Duration(-s));
  if (s < 59.5) return format_number(s) + " s";
  const auto total = static_cast<long long>(std::llround(s));
  const long long days = total / 86400;
  const long long hours = (total % 86400) / 3600;
  const long long minutes = (total % 3600) / 60;
  const long long seconds = total % 60;
  if (days > 0) return fmt::format("{} d {} h", format_count(static_cast<double>(days)), hours);
  if (hours > 0) return fmt::format("{} h {:02} min", hours, minutes);
  return fmt::format("{} min {:02} s", minutes, seconds);
}

std::string format_energy_range(const Range<Energy>& r) {
  if (r.is_exact()) return format_energy(r.central);
  return range_text(r.central.joules(), r.low.joules(), r.high.joules(),
                    pick(energy_units(), r.central.joules(), 1), "");
}

std::string format_emissions_range(const Range<Emissions>& r) {
  if (r.is_exact()) return format_co2e(r.central);
  return range_text(r.central.grams(), r.low.grams(), r.high.grams(),
                    pick(emissions_units(), r.central.grams(), 1), " CO2e");
}

std::string format_mass_range(const Range<Emissions>& r, Emissions like) {
  const Unit& u = pick(emissions_units(), r.central.grams() != 0 ? r.central.grams() : like.grams(), 1);
  if (r.is_exact()) return in_unit(r.central.grams(), u);
  return range_text(r.central.grams(), r.low.grams(), r.high.grams(), u, "");
}

std::string format_intensity_range(const Range<CarbonIntensity>& r) {
  if (r.is_exact()) return format_intensity(r.central);
  return fmt::format("{} ({} to {})", format_intensity(r.central), format_number(r.low.g_per_kwh()),
                     format_number(r.high.g_per_kwh()));
}

std::string format_number_range(const Range<double>& r) {
  if (r.is_exact()) return format_number(r.central);
  return fmt::format("{} ({} to {})", format_number(r.central), format_number(r.low), format_number(r.high));
}

bool is_readable_amount(double amount) { return amount >= 0.1 && amount <= 1e6; }

std::string describe_provenance(const Provenance& p) {
  std::vector<std::string> parts;
  if (!p.detail.empty()) parts.push_back(p.detail);
  if (!p.region.empty() && p.detail.find(p.region) == std::string::npos) parts.push_back(p.region);
  if (p.year != 0) parts.push_back(std::to_string(p.year));
  std::string out(method_name(p.method));
  if (!parts.empty()) out += fmt::format(": {}", fmt::join(parts, ", "));
  if (!p.source_id.empty()) out += fmt::format(" [{}]", p.source_id);
  return out;
}

std::string format_utc_minute(double unix_seconds) {
  return unix_seconds == 0 ? "" : format_utc(unix_seconds, UtcFormat::kMinute);
}

}  // namespace carbonscope
