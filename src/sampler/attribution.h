// Attribution of one interval's energy: idle baseline vs dynamic, and the share a job
// (a process tree) is charged on a shared machine. Pure functions, property-tested:
// the parts always sum to the whole, and a job is never charged more than the whole.
#pragma once

#include <span>

#include "carbonscope/units.h"

namespace carbonscope {

struct Split {
  Energy idle;
  Energy dynamic;
  Energy job;  // what the job is charged (== idle + dynamic in machine mode)
};

// CPU-like domains (package, psys, the CPU model), after Kepler: dynamic = E x u where
// u is the node's busy fraction; idle = E - dynamic. The job gets the dynamic part in
// proportion to its share of busy CPU time, and the idle part in proportion to its
// share of CPU capacity (cpus x interval). Shares are clamped to [0, 1].
Split split_cpu(Energy e, double node_utilisation, double job_busy_share, double job_capacity_share);

// The shares split_cpu takes, for several jobs (Slurm steps) of one node in one
// interval: busy = CPU seconds / the node's busy seconds, capacity = CPU seconds /
// (CPUs x interval). Readings of the jobs and of /proc/stat are not simultaneous, so the
// jobs can sum to more than the node's busy time: every share is then scaled by one
// factor, so the busy shares sum to 1 at most (and the capacity shares to the
// utilisation). `out` has one entry per job.
struct CpuShare {
  double busy = 0;
  double capacity = 0;
};
void cpu_shares(std::span<const double> cpu_seconds, double busy_seconds, double capacity_seconds,
                std::span<CpuShare> out);

// GPUs, after Kepler: idle = min(E, baseline power x dt), where the baseline is the
// lowest power seen on the device; the job is charged `job_share` of the device.
Split split_gpu(Energy e, Power baseline, Duration dt, double job_share);

// Memory: no idle/dynamic split (DRAM refresh dominates); the job is charged its share
// of installed memory (resident bytes / total bytes).
Split split_memory(Energy e, double job_memory_share);

}  // namespace carbonscope
