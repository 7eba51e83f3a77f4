// JobTree: the job's CPU time, resident memory and pids, read every sample at a cost
// that does not grow with the threads of the tracked processes.
//
// Two methods, chosen at construction:
// - cgroup: the job runs in its own cgroup v2 directory. Its cpu.stat (usage_usec)
//   covers the whole tree, exited members included, in one pread; cgroup.procs lists
//   the member processes (re-read only after a fork on the machine or an exit), and
//   each one's /proc/PID/statm gives its resident memory: every member each sample in
//   a tree of up to kMemoryReadsPerSample members, that many a sample, round robin, in
//   a bigger one (a member's figure is then up to ceil(members / 8) samples old).
// - procfs: /proc/PID/stat of the root and of every descendant, found through
//   /proc/PID/task/TID/children (or a scan of /proc on kernels without that file).
//   The descriptors stay open and are re-read with pread; the tree is only walked
//   again when it can have changed: /proc/stat's fork counter moved, a process's
//   thread count changed, or a process went away. A walk re-reads the kept tasks'
//   children files; a process's task list is read again only when its thread count
//   changed, it is new, or its list is kRelistAfter old (a thread that replaced
//   another, the count unchanged, is found then: until then a child it started is
//   not counted, and its CPU time enters the job's when it is found, or through its
//   parent's cutime once reaped). On a busy machine the fork counter moves between
//   most samples, so this keeps the walk to preads.
// After the first reading, a sample allocates nothing unless the tree changed.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "carbonscope/status.h"
#include "carbonscope/units.h"
#include "platform/file_reader.h"
#include "platform/open_file.h"

namespace carbonscope {

struct JobUsage {
  double cpu_ticks = 0;  // in /proc/stat's clock ticks, cumulative since the job started
  std::uint64_t rss_bytes = 0;
};

class JobTree {
 public:
  // cgroup method: members whose memory is read per sample in a bigger tree.
  static constexpr std::size_t kMemoryReadsPerSample = 8;
  // `cgroup`: the job's cgroup v2 directory under the reader's root ("" for procfs).
  JobTree(const FileReader& reader, int root_pid, long page_size, long ticks_per_second,
          std::string cgroup = "");
  JobTree(const JobTree&) = delete;
  JobTree& operator=(const JobTree&) = delete;

  // procfs: a task list older than this is read again at the next walk.
  static constexpr Duration kRelistAfter{1.0};
  // `forks`: /proc/stat's "processes" counter read in this sample (nullopt: unknown,
  // so the tree is walked every time). `now`: the sampler's clock (nullopt: unknown,
  // so every walk reads the task lists again).
  Result<JobUsage> read(std::optional<std::uint64_t> forks, std::optional<Duration> now = std::nullopt);
  // The job's pids, sorted (valid until the next read).
  std::span<const int> pids() const { return pids_; }
  // "cgroup" or "procfs", and a sentence for the report.
  const char* method() const { return cgroup_.empty() ? "procfs" : "cgroup"; }
  std::string description() const;
  // How many times the procfs tree was walked (tests, benchmarks).
  std::uint64_t walks() const { return walks_; }

 private:
  struct Task {
    int tid = 0;
    std::optional<OpenFile> children;
  };
  struct Proc {
    int pid = 0;
    std::optional<OpenFile> stat;  // /proc/PID/stat (procfs) or /proc/PID/statm (cgroup)
    int threads = -1;              // num_threads when the tasks were listed
    std::optional<Duration> listed_at;  // when they were (nullopt: never, or at an unknown time)
    std::optional<std::uint64_t> rss_bytes;  // cgroup: resident memory when statm was last read
    std::vector<Task> tasks;
  };

  Result<JobUsage> read_cgroup(std::optional<std::uint64_t> forks);
  Result<JobUsage> read_procfs(std::optional<std::uint64_t> forks);
  Result<JobUsage> walk();
  bool tasks_current(const Proc& p, int threads) const;
  // The kept entry for `pid`, opened if new; nullptr when its file cannot be opened.
  Proc* proc_for(int pid, std::vector<Proc>& next);
  void list_tasks(Proc& p);
  void rebuild_pids();

  FileReader reader_;
  int root_pid_;
  long page_size_;
  double ticks_per_usec_;
  std::string cgroup_;
  std::optional<OpenFile> cpu_stat_, cgroup_procs_;
  std::vector<Proc> procs_;
  std::vector<Proc> next_;  // scratch: the walk's new list, swapped with procs_
  std::vector<int> pids_;
  std::vector<int> found_;  // scratch: the walk's queue, cgroup.procs' pids
  std::optional<std::uint64_t> walked_at_forks_;
  bool children_files_ = true;
  bool walked_ = false;  // procfs: walked once; cgroup: cgroup.procs read once
  bool gone_ = false;    // cgroup: a member's memory could not be read
  std::size_t memory_cursor_ = 0;  // cgroup: the member whose memory is read first next sample
  std::uint64_t walks_ = 0;
  std::optional<Duration> now_;  // the time of the read in progress
};

}  // namespace carbonscope
