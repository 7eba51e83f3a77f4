// Shared by the project-file readers: the location keys every phase may set, and the
// context (data tables, ledger, errors, project defaults) each reader works in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/lca.h"
#include "carbonscope/location.h"
#include "carbonscope/project.h"
#include "project/toml_reader.h"

namespace carbonscope::project {

inline constexpr std::string_view kLocationKeys[] = {"region", "cloud", "intensity", "pue", "year"};

// The location keys of one table (the project's defaults or a phase's own).
struct LocationKeys {
  std::string region, cloud;
  std::optional<CarbonIntensity> intensity;
  std::optional<double> pue;
  int year = 0;
  bool any() const { return !region.empty() || !cloud.empty() || intensity || pue || year != 0; }
};

struct Context {
  const DataSet& data;
  const RunSource& runs;
  Errors& errors;
  LocationKeys defaults;
};

// `own` plus the location keys of every phase.
std::vector<std::string_view> with_location_keys(std::vector<std::string_view> own);
LocationKeys read_location(const TableReader& r);
// A phase's location: its own place (region, cloud or intensity) replaces the
// project's; pue and year are taken key by key. nullopt after recording an error.
std::optional<Location> locate(const Context& ctx, const TableReader& r, const LocationKeys& own);

void read_fleet(const Context& ctx, const TableReader& r, LcaInputs& out);
void read_training(const Context& ctx, const TableReader& r, LcaInputs& out);
void read_idle(const Context& ctx, const TableReader& r, LcaInputs& out);
void read_inference(const Context& ctx, const TableReader& r, LcaInputs& out);

}  // namespace carbonscope::project
