// Number formatting for people.
#include "carbonscope/format.h"

#include <cmath>

#include <fmt/format.h>

namespace carbonscope {
namespace {

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

}  // namespace

std::string format_number(double v, int sig) {
  if (!std::isfinite(v)) return "n/a";
  if (v == 0) return "0";
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(v))));
  const int decimals = std::max(0, sig - 1 - magnitude);
  return group(fmt::format("{:.{}f}", v, std::min(decimals, 9)));
}

std::string format_short(double v, int sig) {
  std::string s = format_number(v, sig);
  if (s.find('.') == std::string::npos) return s;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string format_energy(Energy e) {
  const double kwh = e.kwh();
  if (std::fabs(e.wh()) < 1) return format_number(e.joules(), 3) + " J";
  if (std::fabs(kwh) < 1) return format_number(e.wh(), 3) + " Wh";
  return format_number(kwh, 3) + " kWh";
}

std::string format_emissions(Emissions m) {
  const double g = m.grams();
  if (std::fabs(g) < 1) return format_number(g * 1000, 3) + " mg";
  if (std::fabs(g) < 1000) return format_number(g, 3) + " g";
  if (std::fabs(g) < 1e6) return format_number(m.kg(), 3) + " kg";
  return format_number(m.tonnes(), 4) + " t";
}

std::string format_power(Power p) {
  if (std::fabs(p.watts()) < 1000) return format_number(p.watts(), 3) + " W";
  return format_number(p.kilowatts(), 3) + " kW";
}

std::string format_duration(Duration d) {
  double s = d.count();
  if (s < 60) return format_number(s, 3) + "s";
  const auto total_min = static_cast<long long>(std::llround(s / 60));
  const long long days = total_min / (24 * 60);
  const long long hours = (total_min / 60) % 24;
  const long long mins = total_min % 60;
  std::string out;
  if (days > 0) out += fmt::format("{}d", days);
  if (hours > 0) out += fmt::format("{}{}h", out.empty() ? "" : " ", hours);
  if (mins > 0 || out.empty()) out += fmt::format("{}{}m", out.empty() ? "" : " ", mins);
  return out;
}

}  // namespace carbonscope
