// JobCgroup: a cgroup v2 directory of its own for the command `run` tracks, so the
// whole tree's CPU time is one read of its cpu.stat. It is created under this
// process's own cgroup (the delegation rule: only there may an unprivileged tracker
// create one), the held-back child is moved into it before it execs, and the
// directory is removed when the run is over (left in place if something still runs
// in it; the next run removes it once it is empty, as it does for a killed tracker's). Every step can fail (no cgroup2 mount, a v1-only machine, no write
// permission): the tracker then reads the job's /proc tree instead, and says so.
#pragma once

#include <string>

#include "carbonscope/status.h"
#include "platform/file_reader.h"

namespace carbonscope {

class JobCgroup {
 public:
  // Creates "carbonscope-<pid>" in this process's cgroup v2 directory and moves
  // `pid` into it. `reader`'s root is prepended to every path (fake trees in tests).
  static Result<JobCgroup> place(const FileReader& reader, int pid);
  JobCgroup(JobCgroup&& other) noexcept;
  JobCgroup& operator=(JobCgroup&&) = delete;
  JobCgroup(const JobCgroup&) = delete;
  ~JobCgroup();

  // The directory, as a path under the reader's root ("/sys/fs/cgroup/.../carbonscope-42").
  const std::string& path() const { return path_; }

 private:
  JobCgroup(std::string path, std::string real) : path_(std::move(path)), real_(std::move(real)) {}
  std::string path_;
  std::string real_;  // with the root, for rmdir
};

// The cgroup2 mount point in /proc/self/mountinfo text ("" when there is none).
std::string cgroup2_mount(std::string_view mountinfo);
// This process's cgroup v2 path in /proc/self/cgroup text (the "0::" line), or "".
std::string cgroup2_path(std::string_view self_cgroup);

}  // namespace carbonscope
