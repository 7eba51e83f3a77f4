// `carbonscope data regions|hardware|cpus|instances|sources [SEARCH] [--json]`: lists a table,
// filters it by a search (every word must appear in a name or alias), and shows the
// full entry with its sources when the search names exactly one.
#include <iostream>

#include <fmt/format.h>

#include "carbonscope/name_match.h"
#include "command.h"
#include "data_intensity.h"
#include "data_views.h"
#include "json_print.h"

namespace carbonscope::cli {
namespace {

struct DataOptions {
  std::string table;
  std::string search;
  bool json = false;
};

// Every query word starts a word of one of the entry's names (or equals it, if `whole`).
bool names_match(const DataEntry& e, const std::vector<std::string>& query, bool whole) {
  for (const std::string& n : e.names) {
    const auto toks = name_tokens(n);
    bool all = true;
    for (const std::string& q : query) {
      bool found = false;
      for (const std::string& t : toks) found = found || (whole ? t == q : t.rfind(q, 0) == 0);
      all = all && found;
    }
    if (all) return true;
  }
  return false;
}

int show(const DataSet& data, const DataOptions& o) {
  std::vector<DataEntry> entries;
  if (o.table == "regions") entries = region_entries(data);
  else if (o.table == "hardware") entries = hardware_entries(data);
  else if (o.table == "cpus") entries = cpu_entries(data);
  else if (o.table == "instances") entries = instance_entries(data);
  else entries = source_entries(data);

  std::vector<const DataEntry*> hits;
  if (o.search.empty()) {
    for (const DataEntry& e : entries) hits.push_back(&e);
  } else {
    const auto q = name_tokens(o.search);
    // An exact name or id wins over the word search ("FR" is not every "France ...").
    for (const DataEntry& e : entries) {
      for (const std::string& n : e.names) {
        if (normalise_name(n) == normalise_name(o.search)) {
          hits.push_back(&e);
          break;
        }
      }
    }
    if (hits.empty()) {
      for (const DataEntry& e : entries) {
        if (names_match(e, q, false)) hits.push_back(&e);
      }
      // "xeon gold 6248" also prefixes "6248R": one entry matching whole words wins.
      std::vector<const DataEntry*> whole;
      for (const DataEntry* e : hits) {
        if (names_match(*e, q, true)) whole.push_back(e);
      }
      if (whole.size() == 1) hits = whole;
    }
    if (hits.empty()) {
      std::vector<MatchEntry> m;
      for (const DataEntry& e : entries) m.push_back({e.names.front(), e.names});
      auto r = match_name(o.search, m, o.table == "regions" ? "region" : o.table == "sources" ? "source" : o.table,
                          fmt::format("carbonscope data {}", o.table));
      return report_error(r.ok() ? Status::not_found("no match") : r.status());
    }
  }
  if (o.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const DataEntry* e : hits) out.push_back(e->json);
    std::cout << json_print(hits.size() == 1 && !o.search.empty() ? out[0] : out) << "\n";
  } else if (hits.size() == 1 && !o.search.empty()) {
    std::cout << hits[0]->detail;
  } else {
    for (const DataEntry* e : hits) std::cout << e->line << "\n";
    if (!o.search.empty()) std::cout << fmt::format("({} matches; narrow the search to see one entry)\n", hits.size());
  }
  return kExitOk;
}

}  // namespace

void add_data_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<DataOptions>();
  CLI::App* cmd = app.add_subcommand("data", "Browse and search the built-in data tables and their sources");
  cmd->add_option("table", opts->table, "regions | hardware | cpus | instances | sources (or a subcommand: intensity, "
                  "import-intensity)")
      ->check(CLI::IsMember({"regions", "hardware", "cpus", "instances", "sources"}));
  cmd->add_option("search", opts->search, "Words to look for (h100, us-east-1, france, 'xeon gold 6248')");
  cmd->add_flag("--json", opts->json, "Print JSON");
  add_data_intensity_commands(cmd, ctx);
  cmd->callback([cmd, opts, &ctx] {
    if (!cmd->get_subcommands().empty()) return;  // intensity / import-intensity ran
    if (opts->table.empty()) {
      ctx.exit_code = report_error(Status::invalid_argument(
          "data: give a table (regions, hardware, cpus, instances, sources) or a subcommand (intensity, import-intensity)"));
      return;
    }
    auto data = load_data(ctx);
    ctx.exit_code = data.ok() ? show(**data, *opts) : report_error(data.status());
  });
}

}  // namespace carbonscope::cli
