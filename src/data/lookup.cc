// DataSet lookups: sources, constants, PUE, names through the shared matcher, and
// grid intensity by zone and year with the fallbacks stated.
#include <algorithm>

#include <fmt/format.h>

#include "carbonscope/data.h"
#include "carbonscope/name_match.h"
#include "core/text.h"

namespace carbonscope {
namespace {

template <typename T, typename Key>
const T* find_by(const std::vector<T>& rows, std::string_view key, Key key_of) {
  for (const T& r : rows) {
    if (key_of(r) == key) return &r;
  }
  return nullptr;
}

}  // namespace

const Source* DataSet::source(std::string_view id) const {
  return find_by(sources(), id, [](const Source& s) -> const std::string& { return s.id; });
}

const Constant* DataSet::constant(std::string_view key) const {
  return find_by(constants(), key, [](const Constant& c) -> const std::string& { return c.key; });
}

const PueRow* DataSet::provider_pue(std::string_view provider) const {
  return find_by(pues(), ascii_lower(provider), [](const PueRow& p) { return ascii_lower(p.provider); });
}

Result<const Accelerator*> DataSet::find_accelerator(std::string_view query) const {
  std::vector<MatchEntry> entries;
  entries.reserve(accelerators().size());
  for (const Accelerator& a : accelerators()) {
    MatchEntry e{a.name, {a.name}};
    e.names.insert(e.names.end(), a.aliases.begin(), a.aliases.end());
    entries.push_back(std::move(e));
  }
  CS_ASSIGN_OR_RETURN(std::size_t i, match_name(query, entries, "hardware", "carbonscope data hardware"));
  return &accelerators()[i];
}

Result<const Instance*> DataSet::find_instance(std::string_view query, std::string_view kind) const {
  std::vector<MatchEntry> entries;
  std::vector<const Instance*> rows;
  for (const Instance& m : instances()) {
    if (m.kind != kind) continue;
    MatchEntry e{m.provider.empty() ? m.name : fmt::format("{} ({})", m.name, m.provider), {m.name}};
    e.names.insert(e.names.end(), m.aliases.begin(), m.aliases.end());
    entries.push_back(std::move(e));
    rows.push_back(&m);
  }
  CS_ASSIGN_OR_RETURN(std::size_t i, match_name(query, entries, kind == "node" ? "node" : "GPU instance",
                                                "carbonscope data instances"));
  return rows[i];
}

Result<const Zone*> DataSet::find_zone(std::string_view query) const {
  std::vector<MatchEntry> entries;
  entries.reserve(zones().size());
  for (const Zone& z : zones()) {
    MatchEntry e{fmt::format("{} ({})", z.code, z.name), {z.code, z.name}, z.kind == "country" ? 0 : 1};
    if (!z.iso3.empty()) e.names.push_back(z.iso3);
    e.names.insert(e.names.end(), z.aliases.begin(), z.aliases.end());
    entries.push_back(std::move(e));
  }
  CS_ASSIGN_OR_RETURN(std::size_t i, match_name(query, entries, "region", "carbonscope data regions"));
  return &zones()[i];
}

Result<const CloudRegion*> DataSet::find_cloud_region(std::string_view query, int year) const {
  std::string provider;
  std::string region(query);
  if (const auto colon = query.find(':'); colon != std::string_view::npos) {
    provider = ascii_lower(query.substr(0, colon));
    region = std::string(query.substr(colon + 1));
  }
  // Distinct provider:region keys, each with its rows (several years for some).
  std::vector<std::string> keys;
  std::vector<MatchEntry> entries;
  for (const CloudRegion& c : cloud_regions()) {
    if (!provider.empty() && ascii_lower(c.provider) != provider) continue;
    if (std::find(keys.begin(), keys.end(), c.key()) != keys.end()) continue;
    keys.push_back(c.key());
    MatchEntry e{fmt::format("{} ({})", c.key(), c.location.empty() ? c.name : c.location), {c.key(), c.region}};
    if (!c.name.empty()) e.names.push_back(c.name);
    entries.push_back(std::move(e));
  }
  if (entries.empty()) {
    return Status::not_found(fmt::format("unknown cloud provider '{}' (see 'carbonscope data regions')", provider));
  }
  // Exact region ids first: names and locations would make "us-east1" ambiguous.
  std::vector<std::size_t> exact;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (ascii_lower(entries[i].names[1]) == ascii_lower(region)) exact.push_back(i);
  }
  std::size_t index = 0;
  if (exact.size() == 1) {
    index = exact.front();
  } else {
    CS_ASSIGN_OR_RETURN(index, match_name(provider.empty() ? query : region, entries, "cloud region",
                                          "carbonscope data regions"));
  }
  const std::string& key = keys[index];
  const CloudRegion* best = nullptr;
  for (const CloudRegion& c : cloud_regions()) {
    if (c.key() != key) continue;
    if (year != 0 && c.year == year) return &c;
    if (best == nullptr || c.year > best->year) best = &c;
  }
  return best;
}

Result<const Cpu*> DataSet::find_cpu(std::string_view query) const {
  const CpuMatch m = match_cpu_brand(query);
  if (m.cpu != nullptr) return m.cpu;
  std::vector<MatchEntry> entries;
  entries.reserve(cpus().size());
  for (const Cpu& c : cpus()) entries.push_back({c.name, {c.name}});
  CS_ASSIGN_OR_RETURN(std::size_t i, match_name(query, entries, "CPU", "carbonscope data cpus"));
  return &cpus()[i];
}

std::vector<const IntensityRow*> DataSet::intensity_series(std::string_view zone) const {
  std::vector<const IntensityRow*> out;
  if (!deferred_[kIntensities].text.empty()) {  // the built-in table: only this zone's rows are parsed
    for (const IntensityRow& r : deferred_zone_rows(zone)) out.push_back(&r);
    return out;
  }
  ensure(kIntensities);  // builds the index too
  const auto it = intensity_index_.find(zone);
  if (it == intensity_index_.end()) return out;
  for (std::size_t i : it->second) out.push_back(&intensities_[i]);
  return out;
}

Result<IntensityLookup> DataSet::intensity(std::string_view zone, int year) const {
  IntensityLookup out;
  out.zone = std::string(zone);
  std::string z(zone);
  for (int depth = 0; depth < 8; ++depth) {
    const auto series = intensity_series(z);
    if (!series.empty()) {
      const IntensityRow* pick = series.back();
      if (year != 0) {
        const IntensityRow* earlier = nullptr;
        for (const IntensityRow* r : series) {
          if (r->year <= year) earlier = r;
        }
        pick = earlier != nullptr ? earlier : series.front();
        if (pick->year != year) {
          out.note += fmt::format("no {} figure for {}; using {}. ", year, z, pick->year);
        }
      }
      out.row = pick;
      if (z != zone) out.note += fmt::format("{} has no figure of its own; using {}'s. ", zone, z);
      if (!out.note.empty()) out.note.pop_back();
      return out;
    }
    const Zone* zr = find_by(zones(), z, [](const Zone& x) -> const std::string& { return x.code; });
    if (zr == nullptr || zr->parent.empty()) break;
    z = zr->parent;
  }
  return Status::not_found(fmt::format("no carbon intensity figure for zone '{}' or its parents; give one with "
                                       "--intensity (e.g. --intensity 300g)", zone));
}

}  // namespace carbonscope
