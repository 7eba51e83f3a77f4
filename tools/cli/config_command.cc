// `carbonscope config show`: the settings run, monitor and Python's track() use when
// given no location flag, each with where it came from, and what they resolve to.
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "carbonscope/format.h"
#include "carbonscope/settings.h"
#include "command.h"
#include "location_options.h"
#include "json_print.h"

namespace carbonscope::cli {
namespace {

struct ConfigFlags {
  LocationOptions location;
  bool json = false;
};

int show(const Context& ctx, const ConfigFlags& f) {
  auto settings = load_settings(process_settings_inputs());
  if (!settings.ok()) return report_error(settings.status());
  auto data = load_data(ctx);
  if (!data.ok()) return report_error(data.status());
  std::vector<std::string> used;
  const LocationText text = apply_settings(f.location, *settings, &used);
  auto where = resolve_location_text(**data, text);
  const std::pair<const char*, const Setting*> rows[] = {{"country", &settings->country},
                                                         {"region", &settings->region},
                                                         {"cloud", &settings->cloud},
                                                         {"pue", &settings->pue}};
  if (f.json) {
    nlohmann::json j = {{"files", settings->files}, {"notes", settings->notes}, {"used", used}};
    for (const auto& [key, s] : rows) {
      j["settings"][key] = s->value.empty() ? nlohmann::json(nullptr)
                                            : nlohmann::json{{"value", s->value}, {"source", s->source}};
    }
    if (where.ok()) {
      j["location"] = {{"label", where->label},
                       {"intensity_g_per_kwh", where->intensity.value.central.g_per_kwh()},
                       {"intensity_source", where->intensity.provenance.detail},
                       {"pue", where->pue.value.central}};
    } else {
      j["location_error"] = where.status().message();
    }
    std::cout << json_print(j) << "\n";
    return where.ok() ? kExitOk : exit_code_for(where.status());
  }
  std::string out;
  for (const auto& [key, s] : rows) {
    out += fmt::format("{:<8} {:<20} {}\n", key, s->value.empty() ? "-" : s->value,
                       s->value.empty() ? "(not set)" : s->source);
  }
  out += "\nfiles read (highest precedence first): ";
  out += settings->files.empty() ? "none" : fmt::format("{}", fmt::join(settings->files, ", "));
  out +=
      "\nprecedence: flag > CARBONSCOPE_* environment > carbonscope.toml (here or a parent) > "
      "$XDG_CONFIG_HOME/carbonscope/config.toml > .codecarbon.config (only without a carbonscope file)\n";
  for (const std::string& n : settings->notes) out += "note: " + n + "\n";
  if (where.ok()) {
    out += fmt::format("\nruns are charged: {}, {} ({}), PUE {}\n", where->label,
                       format_intensity(where->intensity.value.central), where->intensity.provenance.detail,
                       format_number(where->pue.value.central));
  }
  std::cout << out;
  if (!where.ok())
    return report_error(where.status().with_context(
        used.empty() ? "location" : fmt::format("the configured {}", fmt::join(used, ", "))));
  return kExitOk;
}

}  // namespace

void add_config_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd =
      app.add_subcommand("config", "Show the default location and PUE runs use, and where each comes from");
  cmd->require_subcommand(1);
  auto flags = std::make_shared<ConfigFlags>();
  CLI::App* sub = cmd->add_subcommand("show", "Print the effective settings and their sources");
  add_location_options(sub, flags->location);
  sub->add_flag("--json", flags->json, "Print JSON");
  sub->callback([&ctx, flags] { ctx.exit_code = show(ctx, *flags); });
}

}  // namespace carbonscope::cli
