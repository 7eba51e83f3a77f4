// Options shared by the ledger subcommands (runs, report, serve, and `run`/`estimate`
// when they record): --ledger PATH with its environment fallback, and the run filter
// flags (--project, --tag, --since, --until, --status, --kind, --limit).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "carbonscope/ledger.h"
#include "carbonscope/run_filter.h"
#include "carbonscope/status.h"

namespace carbonscope::cli {

// Adds --ledger PATH to `sub`.
void add_ledger_option(CLI::App* sub, std::string* path);
// The ledger to use: --ledger if given, else CARBONSCOPE_LEDGER, XDG_DATA_HOME, HOME.
std::string resolve_ledger_path(const std::string& flag);

using FilterFlags = FilterWords;  // the dashboard's form reads the same words

void add_filter_options(CLI::App* sub, FilterFlags* flags);
Result<RunFilter> to_filter(const FilterFlags& flags);
bool has_filter(const FilterFlags& flags);

// Prints the ledger's read warnings (stored runs skipped as unreadable) to stderr.
void print_ledger_warnings(const Ledger& ledger);

// Writes `text` to `path` ("" or "-": stdout).
Status write_output(const std::string& path, const std::string& text);

}  // namespace carbonscope::cli
