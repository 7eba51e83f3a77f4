// A test series for the clean-start and counterfactual tests: every hour of 2022 at
// 400 g/kWh, except 100 g/kWh from 04:00 to 08:00 UTC each day; and a run of 10 kWh.
#pragma once

#include "carbonscope/hourly.h"
#include "carbonscope/report.h"

namespace carbonscope::test {

inline constexpr double kJuly1 = 1656633600;  // 2022-07-01T00:00Z, a Friday

inline HourlySeries clean_mornings_2022() {
  HourlySeries s;
  s.zone = "Z";
  s.source_id = "test";
  s.first = 1640995200 / 3600;
  for (int h = 0; h < 365 * 24; ++h) {
    const auto hod = (s.first + h) % 24;
    s.g_per_kwh.push_back(hod >= 4 && hod < 8 ? 100.0f : 400.0f);
  }
  return s;
}

// A run "r" of 10 kWh IT energy at PUE 1 from `start`, `hours` long.
inline Report run_at(double start, double hours) {
  Report r;
  r.run.id = "r";
  r.run.start_unix = start;
  r.run.end_unix = start + hours * 3600;
  r.run.duration = Duration(hours * 3600);
  r.footprint.it_energy = Range<Energy>::exact(Energy::kwh(10));
  r.footprint.pue.value = Range<double>::exact(1.0);
  return r;
}

}  // namespace carbonscope::test
