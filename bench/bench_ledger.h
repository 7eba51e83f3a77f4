// A synthetic ledger of N runs for the benchmarks (bench/runs_list.sh and
// ledger_bench.cc): varied projects, tags, kinds and times, written in one transaction.
#pragma once

#include <string>

#include "carbonscope/status.h"

namespace carbonscope::bench {

Status make_bench_ledger(const std::string& path, int runs);

}  // namespace carbonscope::bench
