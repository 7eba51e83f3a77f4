// A C++ program using the installed carbonscope library: an estimate from the built-in
// tables (Strubell et al. 2019's Transformer big: 1515.43 W for 84 h, PUE 1.58,
// 0.954 lb/kWh) and a short tracked run with a fake 45 W CPU. Build it against an
// installed carbonscope (see CMakeLists.txt here, or pkg-config --cflags --libs
// carbonscope); tests/install/ does both.
#include <chrono>
#include <cstdio>
#include <thread>

#include "carbonscope/data.h"
#include "carbonscope/estimate.h"
#include "carbonscope/format.h"
#include "carbonscope/tracker.h"
#include "carbonscope/version.h"

namespace cs = carbonscope;

int main() {
  std::printf("carbonscope %.*s\n", static_cast<int>(cs::version().size()), cs::version().data());

  auto data = cs::DataSet::builtin();
  if (!data.ok()) {
    std::fprintf(stderr, "tables: %s\n", data.status().message().c_str());
    return 1;
  }
  auto gpu = (*data)->find_accelerator("A100 SXM4 80GB");
  if (gpu.ok()) std::printf("table: %s, %.0f W\n", (*gpu)->name.c_str(), (*gpu)->tdp_w);

  cs::EstimateSpec spec;
  spec.devices.push_back({.component = "system",
                          .label = "Transformer big (8 x P100)",
                          .power = cs::Range<cs::Power>::exact(cs::Power::watts(1515.43)),
                          .scales_with_utilisation = false});
  spec.wall_time = cs::Duration(84 * 3600.0);
  auto energy = cs::estimate_energy(spec);
  if (!energy.ok()) {
    std::fprintf(stderr, "estimate: %s\n", energy.status().message().c_str());
    return 1;
  }
  cs::PueFigure pue{.value = cs::Range<double>::exact(1.58)};
  cs::IntensityFigure intensity{
      .value = cs::Range<cs::CarbonIntensity>::exact(cs::CarbonIntensity::lb_per_kwh(0.954))};
  const cs::Footprint f = cs::compute_footprint(*energy, pue, intensity);
  std::printf("estimate: %s, %s\n", cs::format_energy(f.facility_energy.central).c_str(),
              cs::format_co2e(f.emissions.central).c_str());

  cs::TrackerConfig config;
  config.fake_sensors = "cpu=45W";
  config.interval = cs::Duration(0.05);
  auto tracker = cs::Tracker::create(std::move(config));
  if (!tracker.ok() || !(*tracker)->start().ok()) {
    std::fprintf(stderr, "tracker did not start\n");
    return 1;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto report = (*tracker)->stop(0);
  if (!report.ok()) {
    std::fprintf(stderr, "stop: %s\n", report.status().message().c_str());
    return 1;
  }
  std::printf("tracked: %s over %s\n", cs::format_energy(report->footprint.it_energy.central).c_str(),
              cs::format_duration(report->run.duration).c_str());
  return 0;
}
