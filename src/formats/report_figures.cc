// Each figure is checked in the unit the report JSON writes it in, so that the message
// names the field and value the user sees in the file.
#include "formats/report_figures.h"

#include <cmath>
#include <string_view>

#include <fmt/format.h>

namespace carbonscope {
namespace {

Status bad(std::string_view field, double value, double max) {
  if (!std::isfinite(value)) {
    return Status::data_error(fmt::format("{} is {}: a figure must be a finite number", field, value));
  }
  if (value < 0) return Status::data_error(fmt::format("{} is {}: a figure cannot be negative", field, value));
  return Status::data_error(fmt::format("{} is {:g}: more than any real run ({:g})", field, value, max));
}

Status check(std::string_view field, double value, double max) {
  if (std::isfinite(value) && value >= 0 && value <= max) return Status::ok_status();
  return bad(field, value, max);
}

template <typename Q, typename Get>
Status check_range(std::string_view field, const Range<Q>& r, Get get, double max) {
  CS_RETURN_IF_ERROR(check(fmt::format("{}.central", field), get(r.central), max));
  CS_RETURN_IF_ERROR(check(fmt::format("{}.low", field), get(r.low), max));
  return check(fmt::format("{}.high", field), get(r.high), max);
}

constexpr double kMaxFactor = 1e9;  // PUE, g/kWh: far above any real value
constexpr double kMaxWatts = 1e12;

}  // namespace

Status check_report_figures(const Report& report) {
  const RunInfo& run = report.run;
  CS_RETURN_IF_ERROR(check("run.duration_s", run.duration.count(), kMaxRunSeconds));
  if (!std::isfinite(run.start_unix) || !std::isfinite(run.end_unix)) {
    return Status::data_error("run.start_unix and run.end_unix must be finite numbers (seconds since 1970)");
  }
  const auto kwh = [](Energy e) { return e.kwh(); };
  const Footprint& f = report.footprint;
  for (std::size_t i = 0; i < f.components.size(); ++i) {
    CS_RETURN_IF_ERROR(check_range(fmt::format("components[{}].energy_kwh", i), f.components[i].energy, kwh, kMaxRunKwh));
  }
  CS_RETURN_IF_ERROR(check_range("energy_kwh", f.it_energy, kwh, kMaxRunKwh));
  CS_RETURN_IF_ERROR(check_range("pue", f.pue.value, [](double x) { return x; }, kMaxFactor));
  CS_RETURN_IF_ERROR(check_range("facility_energy_kwh", f.facility_energy, kwh, kMaxRunKwh));
  CS_RETURN_IF_ERROR(check_range("intensity_g_per_kwh", f.intensity.value,
                                 [](CarbonIntensity c) { return c.g_per_kwh(); }, kMaxFactor));
  CS_RETURN_IF_ERROR(check_range("emissions_kg", f.emissions, [](Emissions m) { return m.kg(); }, kMaxRunKg));
  for (std::size_t i = 0; i < report.power.size(); ++i) {
    CS_RETURN_IF_ERROR(check(fmt::format("power[{}].mean_w", i), report.power[i].mean.watts(), kMaxWatts));
    CS_RETURN_IF_ERROR(check(fmt::format("power[{}].peak_w", i), report.power[i].peak.watts(), kMaxWatts));
  }
  return Status::ok_status();
}

Status check_sample_figures(const std::vector<PowerSample>& samples) {
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const PowerSample& s = samples[i];
    CS_RETURN_IF_ERROR(check(fmt::format("samples[{}].t_s", i), s.t_s, kMaxRunSeconds));
    CS_RETURN_IF_ERROR(check(fmt::format("samples[{}].power_w", i), s.power.watts(), kMaxWatts));
    if (s.energy) CS_RETURN_IF_ERROR(check(fmt::format("samples[{}].energy_j", i), s.energy->joules(), kMaxRunKwh * 3.6e6));
  }
  return Status::ok_status();
}

}  // namespace carbonscope
