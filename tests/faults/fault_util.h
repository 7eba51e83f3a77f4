// Helpers for the fault tests: running any program (setpriv, the binary as another
// user), starting many binaries at once, raw SQLite access to a ledger file, and the
// "nothing absurd" check on an output.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "e2e/cli.h"

namespace carbonscope::test {

// Runs `argv` (argv[0] looked up on PATH) and waits for it.
CliResult run_program(const std::vector<std::string>& argv);

// Starts the carbonscope binary with `args` and `env` ("NAME=value") without waiting;
// its stdout and stderr go to the returned files.
struct Started {
  pid_t pid = -1;
  std::string out_path;
  std::string err_path;
};
Started start_cli(const std::vector<std::string>& args, const std::vector<std::string>& env);
CliResult finish(const Started& s);

// Executes `sql` on the SQLite file `path`; returns "" or the error.
std::string sql_exec(const std::string& path, const std::string& sql);
// The first column of the first row of `sql` as text ("" when none).
std::string sql_text(const std::string& path, const std::string& sql);

// True when `text` shows a crash (exit 134/139) or an absurd figure ("inf", "nan",
// "-nan", a negative energy or emission) while the exit code says success.
bool absurd_success(const CliResult& r);

}  // namespace carbonscope::test
