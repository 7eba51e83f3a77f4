// Commands that need the HTTP library run in an executable built beside carbonscope
// (carbonscope-serve, carbonscope-exporter): the library pulls OpenSSL into any binary
// that links it, which would cost every other command milliseconds of loading.
#pragma once

#include "command.h"

namespace carbonscope::cli {

// Execs `helper` (a file name beside this executable) with this process's arguments.
// Returns only when that fails, with the exit code of the error it printed.
int exec_beside(const Context& ctx, const char* helper, const char* what);

}  // namespace carbonscope::cli
