// The CPU model sensor's power rating from the data tables: the /proc/cpuinfo brand
// matched to the CPU table, scaled to the cores this machine (or VM) can see, since a
// VM with 2 vCPUs of a 64-core EPYC draws nowhere near the whole socket's TDP.
#pragma once

#include <string>
#include <string_view>

#include "carbonscope/data.h"
#include "carbonscope/units.h"

namespace carbonscope {

struct CpuRating {
  Power tdp{};            // zero: no match; the sensor's per-thread fallback applies
  std::string source_id;  // data table source of the TDP
  std::string detail;     // how the figure was reached, for the output
};

// `cpuinfo` is /proc/cpuinfo's text; `logical_cpus` the CPUs the job can use.
CpuRating cpu_rating_from_tables(const DataSet& data, std::string_view cpuinfo, int logical_cpus);

}  // namespace carbonscope
