// The project file's top level: TOML syntax, the project's default location, the fleet
// whose manufacture is amortised, and the dispatch to the phase readers.
#include <algorithm>

#include <fmt/format.h>

#include "accounting/location_text.h"
#include "carbonscope/format.h"
#include "carbonscope/project.h"
#include "project/project_internal.h"

namespace carbonscope {
namespace project {
namespace {

// A constant of the data tables as a range, or nullopt when the tables lack it.
std::optional<Range<double>> constant_range(const DataSet& data, std::string_view key, std::string& source) {
  const Constant* c = data.constant(key);
  if (c == nullptr) return std::nullopt;
  source = c->source_id;
  return Range<double>::of(c->value, c->low, c->high);
}

std::string range_note(const Range<double>& r, std::string_view unit) {
  if (r.is_exact()) return fmt::format("{}{}", format_short(r.central), unit);
  return fmt::format("{}{} ({} to {})", format_short(r.central), unit, format_short(r.low), format_short(r.high));
}

}  // namespace

std::vector<std::string_view> with_location_keys(std::vector<std::string_view> own) {
  own.insert(own.end(), std::begin(kLocationKeys), std::end(kLocationKeys));
  return own;
}

LocationKeys read_location(const TableReader& r) {
  LocationKeys k;
  k.region = r.text("region").value_or("");
  k.cloud = r.text("cloud").value_or("");
  k.intensity = r.intensity("intensity");
  k.pue = r.pue("pue");
  if (auto y = r.integer("year", 1990)) k.year = static_cast<int>(*y);
  return k;
}

std::optional<Location> locate(const Context& ctx, const TableReader& r, const LocationKeys& own) {
  const bool own_place = !own.region.empty() || !own.cloud.empty() || own.intensity;
  const LocationKeys& place = own_place ? own : ctx.defaults;
  LocationQuery q;
  q.region = place.region;
  q.cloud = place.cloud;
  q.intensity = place.intensity;
  q.pue = own.pue ? own.pue : ctx.defaults.pue;
  q.year = own.year != 0 ? own.year : ctx.defaults.year;
  auto loc = resolve_location(ctx.data, q);
  if (!loc.ok()) {
    r.error_here(explain_location_error(ctx.data, q.region, q.cloud, loc.status(), ArgStyle::kFileKey).message());
    return std::nullopt;
  }
  const bool pue_own = own.pue.has_value();
  if (loc->pue.provenance.method == Method::kGiven) {
    loc->pue.provenance.detail = pue_own ? "pue of the entry" : "pue of the project";
  }
  if (loc->intensity.provenance.method == Method::kGiven) {
    loc->intensity.provenance.detail = own_place ? "intensity of the entry" : "intensity of the project";
  }
  return *loc;
}

void read_fleet(const Context& ctx, const TableReader& r, LcaInputs& out) {
  const auto servers = r.integer("servers", 1);
  const auto gpus_per_server = r.integer("gpus_per_server", 0).value_or(0);
  const std::string label = r.text("label").value_or("");
  if (!r.has("servers")) r.error_here("needs servers = N (the number of servers)");
  std::string server_src, gpu_src, life_src, share_src;
  std::optional<Range<double>> server_kg, gpu_kg, life, share;
  if (auto e = r.emissions("server_embodied")) server_kg = Range<double>::exact(e->kg());
  else server_kg = constant_range(ctx.data, "server_embodied_kg", server_src);
  if (auto e = r.emissions("gpu_embodied")) {
    gpu_kg = Range<double>::exact(e->kg());
  } else if (auto gpu = r.text("gpu")) {
    auto a = ctx.data.find_accelerator(*gpu);
    if (!a.ok()) r.error("gpu", a.status().message());
    else if ((*a)->embodied_kg && (*a)->embodied_method == "paper") {
      gpu_kg = Range<double>::exact(*(*a)->embodied_kg);
      gpu_src = (*a)->source_id;
    }
  }
  if (!gpu_kg) gpu_kg = constant_range(ctx.data, "gpu_embodied_kg", gpu_src);
  if (auto y = r.number("lifetime_years", 0, false, 100)) life = Range<double>::exact(*y);
  else life = constant_range(ctx.data, "server_lifetime_years", life_src);
  if (auto s = r.fraction("use_share")) share = Range<double>::exact(*s);
  else share = constant_range(ctx.data, "server_use_share", share_src);
  if (!server_kg || !gpu_kg || !life || !share) {
    r.error_here("the data tables lack an embodied constant; give server_embodied, gpu_embodied, lifetime_years "
                 "and use_share");
    return;
  }
  const auto device_hours = r.number("device_hours", 0, false, 1e15);
  const auto duration = r.duration("duration");
  if (device_hours && duration) r.error("duration", "conflicts with device_hours: give one of them");
  if (device_hours && gpus_per_server == 0) r.error("device_hours", "needs gpus_per_server to turn GPU-hours into "
                                                                    "server-hours");
  if (!servers) return;

  const auto noted = [](const std::string& src, std::string note) {
    return src.empty() ? note : fmt::format("{} (data tables [{}])", note, src);
  };
  const std::string assumptions =
      fmt::format("life {}, in use {}", noted(life_src, range_note(*life, " years")),
                  noted(share_src, range_note(share->scaled(100), "%")));
  const auto make = [&](std::string name, double count, const Range<double>& kg, const std::string& src,
                        double devices_per_unit, std::string unit_label) {
    EmbodiedEntry e;
    e.name = std::move(name);
    e.label = fmt::format("{} x {}", count, unit_label);
    e.per_unit = {Emissions::kg(kg.central), Emissions::kg(kg.low), Emissions::kg(kg.high)};
    e.lifetime_years = *life;
    e.use_share = *share;
    e.devices_per_unit = devices_per_unit;
    if (device_hours) e.unit_hours = Range<double>::exact(*device_hours / devices_per_unit);
    if (duration) e.unit_hours = Range<double>::exact(count * hours(*duration));
    const bool given = src.empty();
    e.provenance = {given ? Method::kGiven : Method::kReference, src,
                    fmt::format("{} per unit {}; {}", range_note(kg, " kg"), given ? "(given)" : "(data tables)",
                                assumptions),
                    "", 0};
    out.embodied.push_back(std::move(e));
  };
  const double n = static_cast<double>(*servers);
  make("servers", n, *server_kg, server_src, gpus_per_server > 0 ? static_cast<double>(gpus_per_server) : 1,
       label.empty() ? "server" : label);
  if (gpus_per_server > 0) {
    const double gpus = n * static_cast<double>(gpus_per_server);
    make("gpus", gpus, *gpu_kg, gpu_src, 1, r.text("gpu").value_or("GPU"));
  } else if (!device_hours && !duration) {
    r.error_here("without gpus_per_server, give the fleet's duration (how long the servers served the project)");
  }
}

}  // namespace project

RunSource in_memory_run_source(std::vector<Report> runs) {
  return [runs = std::move(runs)](const RunQuery& q) -> Result<std::vector<Report>> {
    std::vector<Report> out;
    for (const std::string& id : q.ids) {
      auto it = std::find_if(runs.begin(), runs.end(), [&](const Report& r) { return r.run.id == id; });
      if (it == runs.end()) return Status::not_found(fmt::format("no ledger run has id '{}'", id));
      out.push_back(*it);
    }
    if (!q.tag.empty()) {
      for (const Report& r : runs) {
        if (std::find(r.run.tags.begin(), r.run.tags.end(), q.tag) != r.run.tags.end()) out.push_back(r);
      }
    }
    return out;
  };
}

RunSource no_run_source() {
  return [](const RunQuery&) -> Result<std::vector<Report>> {
    return Status::unavailable("ledger runs are not available in this build: replace ledger_runs/ledger_tag with "
                               "the runs' energy (energy = \"12kWh\") or hardware and time");
  };
}

Result<LcaInputs> parse_project(std::string_view text, const std::string& path, const DataSet& data,
                                const RunSource& runs) {
  CS_RETURN_IF_ERROR(project::check_toml_depth(text, path));
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& e) {
    return Status::invalid_argument(fmt::format("{}:{}:{}: {}", path, e.source().begin.line,
                                                e.source().begin.column, e.description()));
  }
  project::Errors errors(path);
  const project::TableReader top(
      root, "the project",
      project::with_location_keys({"name", "fleet", "training", "idle", "inference"}), errors);
  project::Context ctx{data, runs, errors, project::read_location(top)};
  LcaInputs out;
  out.project = top.text("name").value_or("");
  if (const Constant* c = data.constant("hours_per_year")) out.hours_per_year = c->value;

  if (const toml::node* fleet = root.get("fleet")) {
    if (const toml::table* t = fleet->as_table()) {
      project::read_fleet(ctx, project::TableReader(*t, "[fleet]", {"label", "servers", "gpus_per_server", "gpu",
                                                                   "server_embodied", "gpu_embodied",
                                                                   "lifetime_years", "use_share", "device_hours",
                                                                   "duration"},
                                                    errors),
                          out);
    } else {
      top.error("fleet", "must be a table: write [fleet]");
    }
  }
  using Reader = void (*)(const project::Context&, const project::TableReader&, LcaInputs&);
  const std::tuple<const char*, Reader, std::vector<std::string_view>> phases[] = {
      {"training", project::read_training,
       {"name", "hardware", "count", "power", "cpu", "cpus", "memory", "utilisation", "duration", "device_hours",
        "runs", "energy", "flops", "params", "active_params", "tokens", "precision", "mfu", "ledger_runs",
        "ledger_tag"}},
      {"idle", project::read_idle, {"name", "power", "duration", "energy", "share"}},
      {"inference", project::read_inference,
       {"name", "requests", "duration", "instances", "hardware", "gpus_per_instance", "power", "cpu", "cpus",
        "memory", "utilisation", "energy", "energy_per_request", "params", "active_params", "tokens_per_request",
        "precision", "mfu", "idle_instances", "idle_power"}},
  };
  for (const auto& [key, read, keys] : phases) {
    const toml::node* n = root.get(key);
    if (n == nullptr) continue;
    const toml::array* a = n->as_array();
    if (a == nullptr || !a->is_array_of_tables()) {
      top.error(key, fmt::format("must be an array of tables: write [[{}]] before each entry", key));
      continue;
    }
    int i = 0;
    for (const toml::node& e : *a) {
      const std::string name = fmt::format("[[{}]] #{}", key, ++i);
      read(ctx, project::TableReader(*e.as_table(), name, project::with_location_keys(keys), errors), out);
    }
  }
  if (errors.empty() && out.embodied.empty() && out.energy.empty()) {
    errors.at(root.source(), "the project describes nothing: add [fleet], [[training]], [[idle]] or [[inference]]");
  }
  CS_RETURN_IF_ERROR(errors.status());
  return out;
}

}  // namespace carbonscope
