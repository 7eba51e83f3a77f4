// The reference data: grid intensity by zone and year, cloud regions, PUE defaults,
// accelerators, CPUs, constants and everyday equivalents, each row with a source.
// Compiled into the binary from data/*.csv; a directory of newer files can override.
#pragma once

#include <deque>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope {

// source_id fields elsewhere may hold several ids joined by '|' (the first is the main one).
struct Source {
  std::string id, title, publisher, url, licence, basis, notes;
  int year = 0;
};

struct Zone {
  std::string code;  // "WORLD", "FR", "US-OR"
  std::string name, kind, iso3, continent, parent;
  std::vector<std::string> aliases;
};

struct IntensityRow {
  std::string zone;
  int year = 0;
  double g_per_kwh = 0;
  std::string source_id;
};

struct CloudRegion {
  std::string provider, region, name, location, zone;
  std::optional<double> g_per_kwh;  // the provider's own figure, if published
  int year = 0;
  std::optional<double> cfe_share;
  std::optional<double> pue;
  std::string source_id;
  std::string key() const { return provider + ":" + region; }
};

struct PueRow {
  std::string provider;
  double pue = 1, low = 1, high = 1;
  int year = 0;
  std::string source_id;
};

struct Accelerator {
  std::string name, vendor, kind, form_factor;
  std::vector<std::string> aliases;
  double tdp_w = 0;  // 0 when no source gives one
  double memory_gb = 0;
  // Dense peak TFLOP/s by precision ("fp64", "fp32", "tf32", "fp16", "bf16", "fp8", "int8").
  std::map<std::string, double> tflops;
  int release_year = 0;
  std::optional<double> embodied_kg;
  std::string embodied_method;
  std::string source_id;
};

struct Cpu {
  std::string name, vendor;
  std::string key;  // normalise_cpu_name(name), precomputed by the table build
  double tdp_w = 0;
  int cores = 0, threads = 0;
  std::string source_id;
};

// A cloud GPU instance or a vendor GPU node (data/instances.csv): its accelerators, CPU
// power from idle to full load and memory; a node also has its maximum system power.
struct Instance {
  std::string name, kind, provider;  // kind "cloud" or "node"; provider "" for a node
  std::vector<std::string> aliases;
  std::string gpu;  // a name of accelerators.csv
  int gpu_count = 0;
  int vcpus = 0;
  std::string cpu, architecture;
  double cpu_w_min = 0, cpu_w_max = 0;
  double memory_gb = 0;
  std::optional<double> max_system_w;
  std::string source_id;
};

struct Constant {
  std::string key;
  double value = 0, low = 0, high = 0;
  std::string unit, source_id, note;
};

struct Equivalent {
  std::string key, name, unit, source_id;
  double kg_per_unit = 0;
};

// A published model-FLOPs utilisation of a training run (data/mfu.csv).
struct MfuEvidence {
  std::string id;
  std::vector<std::string> hardware;  // name fragments of the accelerators it applies to ("A100")
  std::string model;
  double params_b = 0;  // model size, billions of parameters
  double mfu = 0, low = 0, high = 0;
  std::string source_id, note;
};

// A published mixture-of-experts model (data/moe_models.csv): 6 x total parameters x
// tokens would overstate its compute by total / active.
struct MoeModel {
  std::string model;
  std::vector<std::string> aliases;
  double total_params_b = 0, active_params_b = 0;
  std::string source_id, note;
};

// A resolved intensity: the row used and how it was reached.
struct IntensityLookup {
  const IntensityRow* row = nullptr;
  std::string zone;  // the zone asked for
  std::string note;  // e.g. "no 2025 figure for FR; using 2023, the latest"
};

// Result of a CPU brand-string match.
struct CpuMatch {
  const Cpu* cpu = nullptr;
  std::string normalised;  // the brand string as matched
};

class DataSet {
 public:
  // The tables compiled into the binary (loaded once; checked in full by the tests).
  static Result<std::shared_ptr<const DataSet>> builtin();
  // The same tables with every validation of a user file applied (for tests and
  // `carbonscope data check`).
  static Result<std::shared_ptr<const DataSet>> builtin_validated();
  // The built-in tables, with each file present in `dir` replacing the built-in one.
  static Result<std::shared_ptr<const DataSet>> with_overrides(const std::string& dir);
  // Tables from (file name -> CSV text); files absent from the map are empty tables.
  static Result<std::shared_ptr<const DataSet>> from_texts(const std::map<std::string, std::string>& files);

  // The built-in tables are each parsed on first use (a command pays only for the
  // tables it reads: `run` never parses the sources or the accelerators); tables from
  // user files are parsed and validated when loaded. Thread-safe.
  const std::vector<Source>& sources() const { return (ensure(kSources), sources_); }
  const std::vector<Zone>& zones() const { return (ensure(kZones), zones_); }
  const std::vector<IntensityRow>& intensities() const { return (ensure(kIntensities), intensities_); }
  const std::vector<CloudRegion>& cloud_regions() const { return (ensure(kCloudRegions), cloud_regions_); }
  const std::vector<PueRow>& pues() const { return (ensure(kPues), pues_); }
  const std::vector<Accelerator>& accelerators() const { return (ensure(kAccelerators), accelerators_); }
  const std::vector<Cpu>& cpus() const { return (ensure(kCpus), cpus_); }
  const std::vector<Constant>& constants() const { return (ensure(kConstants), constants_); }
  const std::vector<Equivalent>& equivalents() const { return (ensure(kEquivalents), equivalents_); }
  const std::vector<Instance>& instances() const { return (ensure(kInstances), instances_); }
  const std::vector<MfuEvidence>& mfu_evidence() const { return (ensure(kMfu), mfu_evidence_); }
  const std::vector<MoeModel>& moe_models() const { return (ensure(kMoe), moe_models_); }

  const Source* source(std::string_view id) const;
  const Constant* constant(std::string_view key) const;
  const PueRow* provider_pue(std::string_view provider) const;

  // Name lookups with "did you mean" suggestions and explicit ambiguity (kNotFound,
  // kAmbiguous, each message listing candidates).
  Result<const Accelerator*> find_accelerator(std::string_view query) const;
  Result<const Zone*> find_zone(std::string_view query) const;
  // "gcp:us-central1", "aws:us-east-1", or a bare region id if only one provider has it.
  // With year 0, the latest row of that region.
  Result<const CloudRegion*> find_cloud_region(std::string_view query, int year = 0) const;
  Result<const Cpu*> find_cpu(std::string_view query) const;
  // A machine of instances.csv of `kind` ("cloud" for --instance, "node" for --node).
  Result<const Instance*> find_instance(std::string_view query, std::string_view kind) const;
  // Maps a /proc/cpuinfo "model name" to the CPU table (nullptr cpu if no match).
  CpuMatch match_cpu_brand(std::string_view brand) const;

  // The zone's intensity for `year` (0 = latest); if that year is missing, the nearest
  // earlier year (else the latest); if the zone has no rows, its parent's. kNotFound if
  // neither has any.
  Result<IntensityLookup> intensity(std::string_view zone, int year = 0) const;
  // Rows of a zone, ordered by year.
  std::vector<const IntensityRow*> intensity_series(std::string_view zone) const;

 private:
  friend class DataLoader;
  enum Table { kSources, kZones, kIntensities, kCloudRegions, kPues, kAccelerators, kCpus, kConstants, kEquivalents,
               kMfu, kMoe, kInstances, kTableCount };
  // A built-in table parsed on first use: its CSV text, set by the loader and never
  // changed after (empty for a table loaded eagerly), and the flag of its one parse.
  struct Deferred {
    std::string_view text;
    std::once_flag once;
  };
  void ensure(Table t) const {
    if (!deferred_[t].text.empty()) parse_deferred(t);  // never written after the load
  }
  void parse_deferred(Table t) const;
  // One line of the deferred built-in cpus.csv, parsed on its own (match_cpu_brand
  // scans the text instead of building the 6,000-row table); nullptr if it does not parse.
  const Cpu* deferred_cpu_row(std::string_view line) const;
  // The rows of one zone of the deferred built-in grid_intensity.csv, ordered by year:
  // found by binary search in the text (sorted by zone) and parsed on their own, so a
  // lookup never builds the 5,000-row table. Empty if the zone has none.
  const std::vector<IntensityRow>& deferred_zone_rows(std::string_view zone) const;
  mutable std::mutex cpu_rows_mu_;  // guards cpu_rows_ and zone_rows_
  mutable std::deque<Cpu> cpu_rows_;  // stable addresses
  mutable std::map<std::string, std::vector<IntensityRow>, std::less<>> zone_rows_;  // never changed once inserted
  mutable Deferred deferred_[kTableCount];
  mutable std::vector<Source> sources_;
  mutable std::vector<Zone> zones_;
  mutable std::vector<IntensityRow> intensities_;
  mutable std::vector<CloudRegion> cloud_regions_;
  mutable std::vector<PueRow> pues_;
  mutable std::vector<Accelerator> accelerators_;
  mutable std::vector<Cpu> cpus_;
  mutable std::vector<Constant> constants_;
  mutable std::vector<Equivalent> equivalents_;
  mutable std::vector<Instance> instances_;
  mutable std::vector<MfuEvidence> mfu_evidence_;
  mutable std::vector<MoeModel> moe_models_;
  mutable std::map<std::string, std::vector<std::size_t>, std::less<>> intensity_index_;  // zone -> rows by year
};

// Normalises a CPU brand string: drops (R), (TM), "CPU", "Processor", "@ 2.50GHz",
// "64-Core", collapses spaces, lower-cases.
std::string normalise_cpu_name(std::string_view brand);

}  // namespace carbonscope
