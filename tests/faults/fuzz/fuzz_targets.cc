// Optional libFuzzer targets (CARBONSCOPE_FUZZ=ON, clang): the same surfaces as the
// bounded mutation loops of campaign_test.cc, in-process, seeded from
// tests/faults/corpus/<target>/. Each aborts on what the loops fail on: a crash, or an
// accepted value outside carbonscope/limits.h. One file, one target per CS_FUZZ_* macro.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "carbonscope/limits.h"
#include "carbonscope/parse.h"

#if defined(CS_FUZZ_report_imports)
#include <nlohmann/json.hpp>

#include "formats/report_figures.h"
#include "formats/report_json.h"
#include "formats/report_shape.h"
#elif defined(CS_FUZZ_project_files) || defined(CS_FUZZ_data_tables)
#include "carbonscope/data.h"
#include "carbonscope/lca.h"
#include "carbonscope/project.h"
#endif

namespace {

using namespace carbonscope;

void require(bool ok) {
  if (!ok) std::abort();
}

template <typename R, typename Get>
void in_limits(const R& r, Get get, double max) {
  if (r.ok()) require(std::isfinite(get(*r)) && get(*r) >= 0 && get(*r) <= max);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
#if defined(CS_FUZZ_args)
  // Every quantity a flag takes, through the parsers the flags use.
  in_limits(
      parse_duration(text), [](Duration d) { return d.count(); }, kMaxSeconds);
  in_limits(
      parse_power(text), [](Power p) { return p.watts(); }, kMaxWatts);
  in_limits(
      parse_energy(text), [](Energy e) { return e.kwh(); }, kMaxKwh);
  in_limits(
      parse_intensity(text), [](CarbonIntensity c) { return c.g_per_kwh(); }, kMaxGramsPerKwh);
  in_limits(
      parse_emissions(text), [](Emissions m) { return m.kg(); }, kMaxKg);
  in_limits(
      parse_scaled_count(text), [](double v) { return v; }, kMaxCount);
  in_limits(
      parse_positive(text), [](double v) { return v; }, kMaxCount);
  in_limits(
      parse_memory_gb(text), [](double v) { return v; }, 1e9);
  const auto f = parse_fraction(text);
  if (f.ok()) require(*f >= kMinShare && *f <= 1);
#elif defined(CS_FUZZ_report_imports)
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !check_report_shape(j, "").ok()) return 0;
  const auto r = report_from_json(j);
  if (r.ok()) (void)check_report_figures(*r);
#elif defined(CS_FUZZ_project_files)
  static const auto tables = DataSet::builtin();
  const auto in = parse_project(text, "fuzz.toml", **tables, no_run_source());
  if (!in.ok()) return 0;
  const auto r = compute_lca(*in);
  if (r.ok()) require(std::isfinite(r->emissions.central.kg()) && r->emissions.central.kg() <= kMaxKg);
#elif defined(CS_FUZZ_data_tables)
  // The first byte picks the table the rest of the input replaces.
  static const char* kTables[] = {"constants.csv", "accelerators.csv", "equivalents.csv", "pue.csv",
                                  "grid_intensity.csv"};
  if (text.empty()) return 0;
  (void)DataSet::from_texts({{kTables[static_cast<unsigned char>(text[0]) % 5], text.substr(1)}});
#endif
  return 0;
}
