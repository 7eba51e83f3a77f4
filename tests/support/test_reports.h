// Small, fixed Reports for the tests of formats/, store/ and render/: a measured GPU run,
// and fresh paths to write to.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "carbonscope/report.h"

namespace carbonscope::test {

// A 1-hour run on one GPU + CPU + RAM in FR, starting at `start_unix`.
inline Report measured_run(const std::string& id, const std::string& project, double start_unix) {
  Report r;
  r.run.id = id;
  r.run.project = project;
  r.run.tags = {"baseline"};
  r.run.command = {"python3", "train.py"};
  r.run.host = "node1";
  r.run.gpu_model = "NVIDIA A100-SXM4-40GB";
  r.run.gpu_count = 1;
  r.run.cpu_model = "AMD EPYC 7763";
  r.run.region = "FR";
  r.run.start_unix = start_unix;
  r.run.end_unix = start_unix + 3600;
  r.run.duration = Duration(3600);
  r.run.exit_code = 0;
  std::vector<ComponentEnergy> parts = {
      {"gpu", "NVIDIA A100-SXM4-40GB", Range<Energy>::exact(Energy::kwh(0.3)),
       {Method::kMeasured, "", "NVML total energy counter", "", 0}},
      {"cpu", "AMD EPYC 7763", Range<Energy>::of(Energy::kwh(0.1), Energy::kwh(0.08), Energy::kwh(0.12)),
       {Method::kEstimated, "", "utilisation x TDP", "", 0}},
  };
  PueFigure pue{Range<double>::exact(1.2), {Method::kGiven, "", "--pue", "", 0}};
  IntensityFigure ci{Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(55.3)),
                     {Method::kReference, "owid-ember", "annual average", "FR", 2023}};
  r.footprint = compute_footprint(parts, pue, ci);
  r.power = {{"gpu", Power::watts(300), Power::watts(350), 3600}};
  return r;
}

// A fresh path under the test's temporary directory (the file does not exist).
inline std::string temp_path(const std::string& name) {
  static std::atomic<int> counter{0};
  const auto dir = std::filesystem::temp_directory_path() /
                   fmt::format("cs_sinks_{}_{}", getpid(), counter++);
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

}  // namespace carbonscope::test
