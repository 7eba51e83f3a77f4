// Number, unit and provenance formatting shared by the report renderers.
#include "sinks/report_format.h"

#include <cmath>
#include <ctime>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace carbonscope {

std::string format_sig(double value) {
  if (value == 0 || !std::isfinite(value)) return value == 0 ? "0" : fmt::format("{}", value);
  const double mag = std::floor(std::log10(std::fabs(value)));
  const int decimals = mag >= 2 ? 0 : static_cast<int>(2 - mag);
  return fmt::format("{:.{}f}", value, decimals);
}

namespace {

// The unit that suits `e`, as (divisor in joules, suffix).
std::pair<double, const char*> energy_unit(Energy e) {
  const double kwh = std::fabs(e.kwh());
  if (kwh >= 1000) return {kJoulesPerKwh * 1e3, " MWh"};
  if (kwh >= 1 || kwh == 0) return {kJoulesPerKwh, " kWh"};
  return {3600.0, " Wh"};
}

std::pair<double, const char*> emissions_unit(Emissions m) {
  const double g = std::fabs(m.grams());
  if (g >= 1e6) return {1e6, " t CO2e"};
  if (g >= 1e3) return {1e3, " kg CO2e"};
  return {1.0, " g CO2e"};
}

}  // namespace

std::string report_energy(Energy e) {
  const auto [div, unit] = energy_unit(e);
  return format_sig(e.joules() / div) + unit;
}

std::string report_emissions(Emissions m) {
  const auto [div, unit] = emissions_unit(m);
  return format_sig(m.grams() / div) + unit;
}

std::string format_intensity(CarbonIntensity c) { return format_sig(c.g_per_kwh()) + " gCO2e/kWh"; }

std::string report_duration(Duration d) {
  const auto total = static_cast<long long>(std::llround(d.count()));
  const long long days = total / 86400;
  const long long hours = (total % 86400) / 3600;
  const long long minutes = (total % 3600) / 60;
  const long long seconds = total % 60;
  if (days > 0) return fmt::format("{} d {} h", days, hours);
  if (hours > 0) return fmt::format("{} h {:02} min", hours, minutes);
  if (minutes > 0) return fmt::format("{} min {:02} s", minutes, seconds);
  return fmt::format("{} s", seconds);
}

// Bounds are written in the central value's unit: "1.01 kWh (0.960 to 1.05 kWh)".
std::string format_energy_range(const Range<Energy>& r) {
  if (r.is_exact()) return report_energy(r.central);
  const auto [div, unit] = energy_unit(r.central);
  return fmt::format("{} ({} to {}{})", report_energy(r.central), format_sig(r.low.joules() / div),
                     format_sig(r.high.joules() / div), unit);
}

std::string format_emissions_range(const Range<Emissions>& r) {
  if (r.is_exact()) return report_emissions(r.central);
  const auto [div, unit] = emissions_unit(r.central);
  return fmt::format("{} ({} to {}{})", report_emissions(r.central), format_sig(r.low.grams() / div),
                     format_sig(r.high.grams() / div), unit);
}

std::string describe_provenance(const Provenance& p) {
  std::vector<std::string> parts;
  if (!p.source_id.empty()) parts.push_back(p.source_id);
  if (!p.detail.empty()) parts.push_back(p.detail);
  if (!p.region.empty()) parts.push_back(p.region);
  if (p.year != 0) parts.push_back(std::to_string(p.year));
  std::string out(method_name(p.method));
  if (!parts.empty()) out += fmt::format(": {}", fmt::join(parts, ", "));
  return out;
}

// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm): cheaper than
// gmtime + strftime when listing 100,000 runs.
std::string format_utc_minute(double unix_seconds) {
  if (unix_seconds == 0) return "";
  const auto t = static_cast<long long>(std::floor(unix_seconds));
  long long days = t / 86400;
  long long secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  const long long z = days + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  const long long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02} UTC", y, m, d, secs / 3600, (secs % 3600) / 60);
}

}  // namespace carbonscope
