// RunFilter: which runs of the ledger a command or page is about (project, tags, dates,
// status, kind), and the parsing of the dates people type ("2026-11-22" or
// "2026-11-22T07:04:25Z", always UTC). Pure: no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/report.h"
#include "carbonscope/status.h"

namespace carbonscope {

struct RunFilter {
  std::string project;                  // exact project name; "" = any
  std::vector<std::string> tags;        // every tag must be present
  std::optional<double> since_unix;     // start >= since
  std::optional<double> until_unix;     // start < until
  std::optional<bool> complete;         // true: finished runs; false: killed ones
  std::optional<RunKind> kind;
  std::size_t limit = 0;                // 0 = no limit; newest first
};

// A filter as people write it, the same words for the CLI's flags (--project, --tag,
// --since, --until, --status, --kind, --limit) and the dashboard's form; "" = any.
struct FilterWords {
  std::string project;
  std::vector<std::string> tags;
  std::string since;   // a date or time (parse_utc_time), from midnight
  std::string until;   // the same, to the next midnight for a date
  std::string status;  // complete | incomplete
  std::string kind;    // run | monitor | estimate
  std::size_t limit = 0;
};
// The words as a RunFilter, or the error of the first word that is not understood.
Result<RunFilter> parse_run_filter(const FilterWords& words);

// "2026-11-22" (midnight UTC, or the next midnight when `end_of_day`) or
// "2026-11-22T07:04:25Z" / "2026-11-22 07:04:25" (UTC).
Result<double> parse_utc_time(std::string_view text, bool end_of_day);
// "complete" / "incomplete".
Result<bool> parse_run_status(std::string_view text);
// "run" / "monitor" / "estimate".
Result<RunKind> parse_run_kind(std::string_view text);

// Run ids are time-sortable words: letters, digits and "-_.:", 1 to 128 characters.
// Anything else is refused before it reaches SQL, a file name or a URL.
bool is_valid_run_id(std::string_view id);
// "20261122T070425Z-3fa9c1d2e4b7": the UTC start time and 48 random bits as hex, the
// one run id format (new_run_id draws the bits; imports pass theirs).
std::string make_run_id(double unix_seconds, std::uint64_t random_bits);
// A new run's id (the tracker's, a saved estimate's): the bits drawn so that no two ids
// collide (src/sinks/run_id.cc says why).
std::string new_run_id(double unix_seconds);

}  // namespace carbonscope
