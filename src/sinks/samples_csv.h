// The time series of a run: one CSV line per sample, flushed at once, so a tracker
// killed at any moment leaves everything up to its last interval on disk. Energies are
// cumulative, so the last line alone is enough to finish an interrupted run.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope {

// Columns: elapsed_s, unix_time, power_w, energy_j, emissions_g, node_utilisation,
// machine_power_w, then <key>_w and <key>_j for each key. Every power and energy is
// the job's share except machine_power_w, the whole machine's counted domains.
class SamplesCsv {
 public:
  static Result<SamplesCsv> create(const std::string& path, const std::vector<std::string>& keys);
  SamplesCsv(SamplesCsv&& other) noexcept;
  SamplesCsv& operator=(SamplesCsv&&) = delete;
  SamplesCsv(const SamplesCsv&) = delete;
  ~SamplesCsv();

  // `watts` and `joules` hold one value per key.
  Status append(double elapsed_s, double unix_time, double power_w, double energy_j, double emissions_g,
                double node_utilisation, double machine_power_w, const std::vector<double>& watts,
                const std::vector<double>& joules);

 private:
  SamplesCsv(std::FILE* f, std::string path) : file_(f), path_(std::move(path)) {}
  std::FILE* file_ = nullptr;
  std::string path_;
  std::string line_;
};

// The parsed file: header names and rows of numbers (a torn last line is dropped).
struct SamplesTable {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;
  int column(const std::string& name) const;
};
Result<SamplesTable> read_samples_csv(const std::string& path);

}  // namespace carbonscope
