// carbonscope: the command-line tool. A table of subcommands, each in its own file.
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "carbonscope/version.h"
#include "command.h"
#include "parse_errors.h"

namespace carbonscope::cli {

int exit_code_for(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kAmbiguous: return kExitUsage;
    case StatusCode::kDataError: return kExitDataError;
    default: return kExitFailure;
  }
}

int report_error(const Status& status) {
  std::cerr << "carbonscope: " << status.message() << "\n";
  return exit_code_for(status);
}

Result<std::shared_ptr<const DataSet>> load_data(const Context& ctx) {
  if (ctx.data_dir.empty()) return DataSet::builtin();
  return DataSet::with_overrides(ctx.data_dir);
}

}  // namespace carbonscope::cli

int main(int argc, char** argv) {
  using namespace carbonscope::cli;
  // Named, so that usage lines say "carbonscope", not the binary's absolute path.
  CLI::App app{"carbonscope: energy use and carbon footprint of machine-learning work", "carbonscope"};
  app.set_version_flag("--version", "carbonscope " + std::string(carbonscope::version()));
  app.require_subcommand(1);
  Context ctx;
  ctx.argv.assign(argv, argv + argc);
  if (const char* dir = std::getenv("CARBONSCOPE_DATA_DIR")) ctx.data_dir = dir;
  app.add_option("--data-dir", ctx.data_dir,
                 "Read data tables from DIR instead of the built-in ones (env CARBONSCOPE_DATA_DIR)");

  using AddFn = void (*)(CLI::App&, Context&);
  struct Command {
    std::string_view name;
    AddFn add;
  };
#ifdef CARBONSCOPE_SERVE_ONLY
  // carbonscope-serve: the dashboard alone (see serve_launcher.cc).
  static constexpr Command kCommands[] = {{"serve", add_serve_command}};
#elif defined(CARBONSCOPE_EXPORTER_ONLY)
  // carbonscope-exporter: the commands that serve /metrics (see metrics_options.h).
  static constexpr Command kCommands[] = {{"monitor", add_monitor_command}, {"exporter", add_exporter_command}};
#else
  static constexpr Command kCommands[] = {
      {"estimate", add_estimate_command},
      {"data", add_data_command},
      {"run", add_run_command},
      {"monitor", add_monitor_command},
      {"sensors", add_sensors_command},
      {"runs", add_runs_command},
      {"report", add_report_command},
      {"serve", add_serve_command},
      {"lca", add_lca_command},
      {"plan", add_plan_command},
      {"exporter", add_exporter_command},
      {"config", add_config_command},
      {"slurm", add_slurm_command},
      {"calibrate", add_calibrate_command},
  };
#endif
  // `carbonscope NAME ...` builds NAME's options only (what follows NAME can only be
  // NAME's, so it parses the same; building every command's options was a fifth of
  // `run -- true`); anything else (--help, --version, no or a misspelt command) builds
  // them all, for the usage text and the suggestions.
  std::string_view named;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--data-dir") {
      ++i;
      continue;
    }
    if (a.starts_with("--data-dir=")) continue;
    for (const Command& c : kCommands) {
      if (c.name == a) named = a;
    }
    break;
  }
  for (const Command& c : kCommands) {
    if (named.empty() || c.name == named) c.add(app, ctx);
  }

  const CommandLine line = read_command_line(app, std::vector<std::string>(argv + 1, argv + argc));
  if (!line.error.empty()) return report_usage_error(line.error, line.path);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return report_usage_error(explain_parse_error(line, e), line.path);
  }
  return ctx.exit_code;
}
