// samples.csv -> PowerSample rows (one per sensor key per kept sample, plus the job's
// total) -> Ledger.
#include "tracker/ledger_record.h"

#include <fmt/format.h>

#include "sinks/ledger.h"
#include "sinks/samples_csv.h"
#include "tracker/run_files.h"

namespace carbonscope {

Status record_run_in_ledger(const Report& report, const std::string& run_dir, const std::string& ledger_path,
                            ArgStyle style) {
  std::vector<PowerSample> samples;
  if (!run_dir.empty()) {
    auto table = read_samples_csv(fmt::format("{}/{}", run_dir, kSamplesCsv));
    if (table.ok() && !table->rows.empty()) {
      const int t = table->column("elapsed_s");
      const int total = table->column("power_w");
      std::vector<std::pair<std::string, int>> keys;  // component name, column
      for (std::size_t c = 0; c < table->columns.size(); ++c) {
        const std::string& name = table->columns[c];
        if (name.size() > 2 && name.ends_with("_w") && name != "power_w") {
          keys.emplace_back(name.substr(0, name.size() - 2), static_cast<int>(c));
        }
      }
      const std::size_t n = table->rows.size();
      const std::size_t step = (n + kMaxLedgerSamples - 1) / kMaxLedgerSamples;
      for (std::size_t i = 0; i < n; i += step) {
        const auto& row = table->rows[i];
        const double ts = t >= 0 ? row[static_cast<std::size_t>(t)] : 0;
        if (total >= 0) samples.push_back({ts, "job total", Power::watts(row[static_cast<std::size_t>(total)]), {}});
        for (const auto& [name, col] : keys) {
          samples.push_back({ts, name, Power::watts(row[static_cast<std::size_t>(col)]), {}});
        }
      }
    }
  }
  const Status s = record_report(report, ledger_path, samples, style);
  return s.with_context(fmt::format("recording run {} in the ledger {}", report.run.id, ledger_path));
}

}  // namespace carbonscope
