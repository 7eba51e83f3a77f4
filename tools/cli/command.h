// The contract between main.cc and each subcommand file: a subcommand registers its
// options on the CLI11 app and a callback that sets the process exit code.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <memory>

#include "carbonscope/data.h"
#include "carbonscope/status.h"

namespace carbonscope::cli {

// Documented in docs/reference/exit-codes.md.
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,      // a runtime failure (I/O, a sensor, the ledger)
  kExitUsage = 2,        // bad usage: unknown flag, bad value, unknown name, conflict
  kExitDataError = 3,    // a data table or file failed validation
  kExitQueued = 75,        // run/monitor: the run is not in the ledger yet: queued in its directory
  // run: 126 (cannot be executed) and 127 (not found) are the library's,
  // kExitCommandNotExecutable and kExitCommandNotFound (carbonscope/tracked_command.h).
};

// Options shared by every subcommand, and the exit code the chosen one sets.
struct Context {
  std::vector<std::string> argv;  // the command line as given (serve re-execs with it)
  std::string data_dir;  // --data-dir / CARBONSCOPE_DATA_DIR
  int exit_code = kExitOk;
};

// Prints "carbonscope: <message>" to stderr and returns the exit code for `status`.
int report_error(const Status& status);
int exit_code_for(const Status& status);

// The data tables: built-in, or with --data-dir's files replacing them.
Result<std::shared_ptr<const DataSet>> load_data(const Context& ctx);

// One registration function per subcommand file.
void add_estimate_command(CLI::App& app, Context& ctx);
void add_data_command(CLI::App& app, Context& ctx);
void add_run_command(CLI::App& app, Context& ctx);
void add_monitor_command(CLI::App& app, Context& ctx);
void add_sensors_command(CLI::App& app, Context& ctx);
void add_runs_command(CLI::App& app, Context& ctx);
void add_report_command(CLI::App& app, Context& ctx);
void add_serve_command(CLI::App& app, Context& ctx);
void add_lca_command(CLI::App& app, Context& ctx);
void add_plan_command(CLI::App& app, Context& ctx);
void add_exporter_command(CLI::App& app, Context& ctx);
void add_config_command(CLI::App& app, Context& ctx);
void add_slurm_command(CLI::App& app, Context& ctx);
void add_calibrate_command(CLI::App& app, Context& ctx);

}  // namespace carbonscope::cli
