// SlurmSteps: the Slurm job steps running on this node, found in the cgroup tree that
// Slurm's proctrack/cgroup and task/cgroup plugins create, with each step's CPU time.
// The two layouts of Slurm 22.05 (docs.schedmd.com cgroup_v2.html, cgroups.html):
// - cgroup v2: MOUNT/system.slice/[NODE_]slurmstepd.scope/job_ID/step_STEP/cpu.stat
//   (usage_usec); the NODE_ prefix names the slurmd of a multiple-slurmd build.
// - cgroup v1: MOUNT/cpuacct/slurm[_NODE]/uid_UID/job_ID/step_STEP/cpuacct.usage (ns).
// STEP is batch, extern, interactive or a number. Each step's file stays open and is
// re-read with pread; the directories are listed again only when the tree can have
// changed: a kept directory's link count moved (a cgroup directory's st_nlink is its
// number of subdirectories + 2), a step's file has gone, or every `rescan_every` reads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "platform/file_reader.h"
#include "platform/open_file.h"

namespace carbonscope {

struct SlurmStep {
  std::uint64_t id = 0;  // increasing in the order the steps were found
  std::string job_id;
  std::string step_id;
  std::string uid;     // from the v1 path; "" on cgroup v2 (the path does not say)
  std::string slurmd;  // the NODE of a multiple-slurmd scope or slurm_NODE; "" usually
  double cpu_seconds = 0;  // since the step's cgroup was created (a counter)
  // Found after the first scan by a change seen in this read: the cgroup was created
  // within the last interval, so all of its CPU time falls in it.
  bool born_in_interval = false;
};

class SlurmSteps {
 public:
  // `mount`: the cgroup mount point as a path under the reader's root ("/sys/fs/cgroup").
  SlurmSteps(const FileReader& reader, std::string mount, int rescan_every = 10);
  ~SlurmSteps();
  SlurmSteps(const SlurmSteps&) = delete;
  SlurmSteps& operator=(const SlurmSteps&) = delete;

  // Reads every step's CPU time, listing the tree first when it may have changed. A
  // step whose cgroup has gone is dropped; no tree at all is zero steps (layout()
  // "none", and description() says where it looked and what makes the tree).
  void read();
  // The live steps, ordered by id (valid until the next read).
  std::span<const SlurmStep> steps() const { return steps_; }
  // "cgroup v2", "cgroup v1" or "none" (no Slurm tree found on the last scan).
  const char* layout() const;
  std::string description() const;
  std::uint64_t scans() const { return scans_; }  // tests, benchmarks

 private:
  struct Found {
    std::string dir;  // the step's directory under the reader's root
    SlurmStep step;
  };
  void scan(bool fresh);
  void scan_v2(std::vector<Found>& found);
  void scan_v1(std::vector<Found>& found);
  // The step_* directories of one job directory, each read from `file`.
  void add_steps(const std::string& job_dir, std::string_view file, std::string_view job_id,
                 std::string_view uid, std::string_view slurmd, std::vector<Found>& found);
  // Lists `dir`, remembers it for the link-count check, and returns the names.
  std::vector<std::string> list_watched(const std::string& dir);
  std::uint64_t link_sum() const;
  void close_watched();
  bool read_step(std::size_t i);

  FileReader reader_;
  std::string mount_;
  int rescan_every_;
  int layout_ = 0;  // 0 none, 1 v1, 2 v2
  bool roots_v2_ = false, roots_v1_ = false;  // a slurmstepd scope / slurm root seen
  std::vector<SlurmStep> steps_;
  std::vector<std::string> dirs_;  // parallel to steps_
  std::vector<OpenFile> files_;    // parallel to steps_
  std::vector<int> watched_;  // descriptors of the listed directories
  std::uint64_t links_ = 0;
  std::uint64_t next_id_ = 1;
  std::uint64_t scans_ = 0;
  int reads_since_scan_ = 0;
};

}  // namespace carbonscope
