// procfs parsing: machine CPU time (/proc/stat), a process tree's CPU time and memory
// (/proc/PID/stat, /proc/PID/task/*/children), installed memory (/proc/meminfo) and
// the CPU brand (/proc/cpuinfo). Parsers are pure; readers go through a FileReader.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"
#include "platform/file_reader.h"

namespace carbonscope {

// Aggregate "cpu" line of /proc/stat, in clock ticks.
struct CpuTimes {
  std::uint64_t busy = 0;   // user+nice+system+irq+softirq+steal
  std::uint64_t total = 0;  // busy + idle + iowait
  int cpus = 0;             // number of "cpuN" lines
  std::uint64_t forks = 0;  // the "processes" line: processes and threads created since boot
  bool has_forks = false;   // the line was there
};
Result<CpuTimes> parse_proc_stat(std::string_view text);

// One /proc/PID/stat line.
struct ProcStat {
  int pid = 0;
  int ppid = 0;
  char state = '?';
  std::uint64_t cpu_ticks = 0;  // utime+stime+cutime+cstime (reaped children included)
  std::uint64_t rss_pages = 0;
  int num_threads = 0;
};
Result<ProcStat> parse_pid_stat(std::string_view text);

// MemTotal of /proc/meminfo in bytes.
Result<std::uint64_t> parse_mem_total(std::string_view text);
// "model name" (x86) or "Model"/"Hardware" (ARM) of /proc/cpuinfo; "" when absent.
std::string parse_cpu_brand(std::string_view text);

// Pids separated by spaces or newlines (a task's children file, cgroup.procs),
// appended to `out`.
void parse_pid_list(std::string_view text, std::vector<int>& out);
// The resident-set field of /proc/PID/statm, in pages.
Result<std::uint64_t> parse_statm_resident(std::string_view text);
// "usage_usec N" of a cgroup v2 cpu.stat (microseconds of CPU time of the whole cgroup).
bool parse_cgroup_usage_usec(std::string_view text, std::uint64_t& usec);
// Whether the kernel has /proc/PID/task/TID/children (CONFIG_PROC_CHILDREN).
bool has_children_files(const FileReader& reader, int pid);
// Every descendant of root_pid, from a full scan of /proc (kernels without children files).
std::vector<int> scan_process_tree(const FileReader& reader, int root_pid);

// A process tree's usage: the root and every live descendant.
struct TreeUsage {
  std::uint64_t cpu_ticks = 0;
  std::uint64_t rss_bytes = 0;
  std::vector<int> pids;  // sorted
};

// Reads the tree under `root_pid` through `reader` (rooted at the procfs root). Uses
// /proc/PID/task/TID/children when the kernel has it, else scans every /proc/PID.
Result<TreeUsage> read_process_tree(const FileReader& reader, int root_pid, long page_size);

}  // namespace carbonscope
