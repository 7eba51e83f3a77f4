// `carbonscope data regions|hardware|cpus|sources [SEARCH] [--json]`: browse the
// built-in tables, search them, and show one entry with its sources.
#include "command.h"

void carbonscope::cli::add_data_command(CLI::App&, Context&) {}
