// Synthetic ledgers for benchmarks.
#include "bench_ledger.h"

#include <fmt/format.h>

#include "carbonscope/ledger.h"

namespace carbonscope::bench {

Status make_bench_ledger(const std::string& path, int runs) {
  CS_ASSIGN_OR_RETURN(Ledger ledger, Ledger::open(path));
  std::vector<Report> batch;
  for (int i = 0; i < runs; ++i) {
    Report r;
    const double start = 1.7e9 + i * 600.0;
    r.run.id = fmt::format("bench-{:07}", i);
    r.run.kind = i % 10 == 0 ? RunKind::kEstimate : RunKind::kRun;
    r.run.project = fmt::format("project-{:03}", i % 200);
    r.run.tags = {fmt::format("sweep-{}", i % 50), i % 2 ? "gpu" : "cpu"};
    r.run.command = {"python3", "train.py", fmt::format("--seed={}", i)};
    r.run.host = fmt::format("node{:02}", i % 64);
    r.run.gpu_model = "NVIDIA A100-SXM4-40GB";
    r.run.gpu_count = 1 + i % 8;
    r.run.cpu_model = "AMD EPYC 7763";
    r.run.region = i % 3 ? "FR" : "DE";
    r.run.start_unix = start;
    r.run.end_unix = start + 300 + i % 3000;
    r.run.duration = Duration(300 + i % 3000);
    r.run.exit_code = i % 97 == 0 ? 1 : 0;
    r.run.complete = i % 113 != 0;
    const std::vector<ComponentEnergy> parts = {
        {"gpu", "A100", Range<Energy>::exact(Energy::kwh(0.1 + (i % 17) * 0.01)), {Method::kMeasured, "", "NVML", "", 0}},
        {"cpu", "EPYC", Range<Energy>::of(Energy::kwh(0.02), Energy::kwh(0.015), Energy::kwh(0.025)),
         {Method::kEstimated, "", "utilisation x TDP", "", 0}}};
    r.footprint = compute_footprint(parts, {Range<double>::exact(1.2), {Method::kGiven, "", "--pue", "", 0}},
                                    {Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(55)),
                                     {Method::kReference, "owid-2023", "", "FR", 2023}});
    batch.push_back(std::move(r));
    if (batch.size() == 5000 || i + 1 == runs) {
      CS_RETURN_IF_ERROR(ledger.append_all(batch));
      batch.clear();
    }
  }
  return Status::ok_status();
}

}  // namespace carbonscope::bench
