// A project file (TOML, docs/reference/project-file.md) read into the life-cycle
// model's inputs. Everything is validated before anything is computed: unknown keys,
// missing units, negative values and unknown hardware or runs are errors at file:line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/data.h"
#include "carbonscope/lca.h"
#include "carbonscope/report.h"
#include "carbonscope/status.h"

namespace carbonscope {

// Runs recorded in the ledger, selected by id or by tag.
struct RunQuery {
  std::vector<std::string> ids;  // one Report per id, in order
  std::string tag;               // every run carrying the tag
};

// Where ledger runs come from. For ids it returns one Report per id or kNotFound naming
// the unknown one; for a tag, every match (possibly none). The ledger plugs in here.
using RunSource = std::function<Result<std::vector<Report>>(const RunQuery&)>;

// A source that answers from a list of reports (tests, JSON exports of the ledger).
RunSource in_memory_run_source(std::vector<Report> runs);
// The source used when no ledger is available: every query is kUnavailable.
RunSource no_run_source();

// Parses and validates a project file. `path` is only used in messages
// ("bloom.toml:12:1: ..."); every error found is reported, one per line.
Result<LcaInputs> parse_project(std::string_view text, const std::string& path, const DataSet& data,
                                const RunSource& runs);

}  // namespace carbonscope
