// Builds the list lines, detail blocks and JSON of each table's entries.
#include "data_views.h"

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "carbonscope/json.h"

namespace carbonscope::cli {
namespace {

std::string sources_block(const DataSet& data, const std::string& ids) {
  std::string out;
  std::size_t start = 0;
  while (start <= ids.size()) {
    const std::size_t bar = ids.find('|', start);
    const std::string id = ids.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    if (const Source* s = data.source(id)) {
      out += fmt::format("  source    {}: {} ({}, {}), licence {}\n", s->id, s->title, s->publisher, s->year, s->licence);
      if (!s->url.empty()) out += fmt::format("            {}\n", s->url);
    }
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

// Table values as the table holds them: 150, 0.3725, 44.18 (no padding zeros).
std::string plain(double v) { return fmt::format("{:g}", v); }

std::string opt(const std::optional<double>& v, const char* unit = "") {
  return v ? fmt::format("{}{}", plain(*v), unit) : "-";
}

}  // namespace

std::vector<DataEntry> region_entries(const DataSet& data) {
  std::vector<DataEntry> out;
  for (const Zone& z : data.zones()) {
    DataEntry e;
    e.names = {z.code, z.name};
    if (!z.iso3.empty()) e.names.push_back(z.iso3);
    e.names.insert(e.names.end(), z.aliases.begin(), z.aliases.end());
    const auto series = data.intensity_series(z.code);
    const IntensityRow* latest = series.empty() ? nullptr : series.back();
    e.line = fmt::format("{:<10} {:<36} {:>10}  {}", z.code, z.name,
                         latest ? plain(latest->g_per_kwh) + " g" : "-",
                         latest ? fmt::format("{} [{}]", latest->year, latest->source_id) : "(uses parent zone)");
    e.detail = fmt::format("{} ({}), {}{}\n", z.name, z.code, z.kind,
                           z.parent.empty() ? "" : fmt::format(", part of {}", z.parent));
    nlohmann::json js = nlohmann::json::array();
    const std::size_t from = series.size() > 10 ? series.size() - 10 : 0;
    for (std::size_t i = from; i < series.size(); ++i) {
      e.detail += fmt::format("  {}      {} gCO2e/kWh  [{}]\n", series[i]->year, plain(series[i]->g_per_kwh),
                              series[i]->source_id);
    }
    for (const IntensityRow* r : series) js.push_back({{"year", r->year}, {"g_per_kwh", r->g_per_kwh}, {"source_id", r->source_id}});
    if (latest) e.detail += sources_block(data, latest->source_id);
    e.json = {{"type", "zone"}, {"zone", z.code},     {"name", z.name},       {"kind", z.kind},
              {"parent", z.parent}, {"continent", z.continent}, {"aliases", z.aliases}, {"intensity", js}};
    out.push_back(std::move(e));
  }
  for (const CloudRegion& c : data.cloud_regions()) {
    if (c.year != 0) {  // several years: list the latest only
      const auto latest = data.find_cloud_region(c.key());
      if (latest.ok() && *latest != &c) continue;
    }
    DataEntry e;
    e.names = {c.key(), c.region};
    if (!c.name.empty()) e.names.push_back(c.name);
    if (!c.location.empty()) e.names.push_back(c.location);
    const auto zone_ci = data.intensity(c.zone);
    const double ci = c.g_per_kwh ? *c.g_per_kwh : zone_ci.ok() ? zone_ci->row->g_per_kwh : 0;
    e.line = fmt::format("{:<34} {:<28} {:>10}  {}", c.key(), c.location.substr(0, 28), plain(ci) + " g",
                         c.g_per_kwh ? fmt::format("{} [{}]", c.year, c.source_id) : fmt::format("via zone {}", c.zone));
    e.detail = fmt::format("{} ({}), zone {}\n  intensity {} gCO2e/kWh ({})\n  PUE       {}\n  CFE share {}\n",
                           c.key(), c.location, c.zone, plain(ci),
                           c.g_per_kwh ? fmt::format("the provider's own figure, {}", c.year)
                                       : fmt::format("the grid of {}", c.zone),
                           opt(c.pue), c.cfe_share ? plain(*c.cfe_share * 100) + "%" : "-");
    e.detail += sources_block(data, c.source_id);
    e.json = {{"type", "cloud_region"}, {"provider", c.provider}, {"region", c.region}, {"location", c.location},
              {"zone", c.zone},          {"g_per_kwh", ci},        {"own_figure", c.g_per_kwh.has_value()},
              {"year", c.year},          {"pue", c.pue ? nlohmann::json(*c.pue) : nlohmann::json()},
              {"source_id", c.source_id}};
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<DataEntry> hardware_entries(const DataSet& data) {
  std::vector<DataEntry> out;
  for (const Accelerator& a : data.accelerators()) {
    DataEntry e;
    e.names = {a.name};
    e.names.insert(e.names.end(), a.aliases.begin(), a.aliases.end());
    const auto bf16 = a.tflops.find("bf16");
    e.line = fmt::format("{:<34} {:>7} {:>8} {:>12}  {}", a.name, a.tdp_w > 0 ? plain(a.tdp_w) + " W" : "-",
                         a.memory_gb > 0 ? plain(a.memory_gb) + " GB" : "-",
                         bf16 != a.tflops.end() ? plain(bf16->second) + " TF" : "-",
                         a.release_year ? std::to_string(a.release_year) : "");
    e.detail = fmt::format("{} ({} {}, {})\n  TDP       {}\n  memory    {} GB\n", a.name, a.vendor, a.kind, a.form_factor,
                           a.tdp_w > 0 ? plain(a.tdp_w) + " W" : "unknown", plain(a.memory_gb));
    for (const auto& [precision, tf] : a.tflops) {
      e.detail += fmt::format("  {:<9} {} TFLOP/s dense\n", precision, plain(tf));
    }
    e.detail += fmt::format("  embodied  {}\n  aliases   {}\n",
                            a.embodied_kg ? fmt::format("{} kgCO2e ({})", *a.embodied_kg, a.embodied_method) : "-",
                            fmt::join(a.aliases, ", "));
    e.detail += sources_block(data, a.source_id);
    e.json = nlohmann::json::parse(accelerator_json(a));
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<DataEntry> cpu_entries(const DataSet& data) {
  std::vector<DataEntry> out;
  out.reserve(data.cpus().size());
  for (const Cpu& c : data.cpus()) {
    DataEntry e;
    e.names = {c.name};
    e.line = fmt::format("{:<48} {:>7} {:>6}  [{}]", c.name, plain(c.tdp_w) + " W",
                         c.cores ? std::to_string(c.cores) + "c" : "", c.source_id);
    e.detail = fmt::format("{} ({})\n  TDP       {} W\n  cores     {}\n  threads   {}\n", c.name, c.vendor,
                           plain(c.tdp_w), c.cores ? std::to_string(c.cores) : "-",
                           c.threads ? std::to_string(c.threads) : "-");
    e.detail += sources_block(data, c.source_id);
    e.json = nlohmann::json::parse(cpu_json(c));
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<DataEntry> source_entries(const DataSet& data) {
  std::vector<DataEntry> out;
  for (const Source& s : data.sources()) {
    DataEntry e;
    e.names = {s.id, s.title, s.publisher};
    e.line = fmt::format("{:<24} {:<14} {}", s.id, s.licence, s.title.substr(0, 70));
    e.detail = fmt::format("{}\n  title     {}\n  publisher {}\n  year      {}\n  url       {}\n  licence   {}\n", s.id,
                           s.title, s.publisher, s.year, s.url, s.licence);
    if (!s.basis.empty()) e.detail += fmt::format("  basis     {}\n", s.basis);
    if (!s.notes.empty()) e.detail += fmt::format("  notes     {}\n", s.notes);
    e.json = {{"source_id", s.id}, {"title", s.title},     {"publisher", s.publisher}, {"year", s.year},
              {"url", s.url},      {"licence", s.licence}, {"basis", s.basis},         {"notes", s.notes}};
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace carbonscope::cli
