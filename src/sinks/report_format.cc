// Number, unit and provenance formatting shared by the report renderers.
#include "sinks/report_format.h"

#include <cmath>
#include <ctime>
#include <vector>

#include <fmt/format.h>

namespace carbonscope {

std::string format_sig(double value) {
  if (value == 0 || !std::isfinite(value)) return value == 0 ? "0" : fmt::format("{}", value);
  const double mag = std::floor(std::log10(std::fabs(value)));
  const int decimals = mag >= 2 ? 0 : static_cast<int>(2 - mag);
  return fmt::format("{:.{}f}", value, decimals);
}

std::string format_energy(Energy e) {
  const double kwh = e.kwh();
  if (std::fabs(kwh) >= 1000) return format_sig(e.mwh()) + " MWh";
  if (std::fabs(kwh) >= 1 || kwh == 0) return format_sig(kwh) + " kWh";
  return format_sig(e.wh()) + " Wh";
}

std::string format_emissions(Emissions m) {
  const double g = m.grams();
  if (std::fabs(g) >= 1e6) return format_sig(m.tonnes()) + " t CO2e";
  if (std::fabs(g) >= 1e3) return format_sig(m.kg()) + " kg CO2e";
  return format_sig(g) + " g CO2e";
}

std::string format_intensity(CarbonIntensity c) { return format_sig(c.g_per_kwh()) + " gCO2e/kWh"; }

std::string format_duration(Duration d) {
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

std::string format_energy_range(const Range<Energy>& r) {
  if (r.is_exact()) return format_energy(r.central);
  return fmt::format("{} ({} to {})", format_energy(r.central), format_energy(r.low), format_energy(r.high));
}

std::string format_emissions_range(const Range<Emissions>& r) {
  if (r.is_exact()) return format_emissions(r.central);
  return fmt::format("{} ({} to {})", format_emissions(r.central), format_emissions(r.low),
                     format_emissions(r.high));
}

std::string describe_provenance(const Provenance& p) {
  std::vector<std::string> parts;
  if (!p.source_id.empty()) parts.push_back(p.source_id);
  if (!p.detail.empty()) parts.push_back(p.detail);
  if (!p.region.empty()) parts.push_back(p.region);
  if (p.year != 0) parts.push_back(std::to_string(p.year));
  std::string out(method_name(p.method));
  if (!parts.empty()) out += fmt::format(" ({})", fmt::join(parts, ", "));
  return out;
}

std::string format_utc_minute(double unix_seconds) {
  if (unix_seconds == 0) return "";
  const auto t = static_cast<std::time_t>(std::floor(unix_seconds));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

}  // namespace carbonscope
