// Creating the job's cgroup and moving the child into it.
#include "platform/job_cgroup.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace carbonscope {

namespace {

// The first non-empty result of `fn` over the lines of `text`.
template <typename Fn>
std::string first_of_lines(std::string_view text, Fn fn) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string found = fn(text.substr(pos, nl - pos));
    if (!found.empty()) return found;
    pos = nl + 1;
  }
  return "";
}

}  // namespace

std::string cgroup2_mount(std::string_view mountinfo) {
  // "36 25 0:30 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw": the 5th field is the
  // mount point, the filesystem type follows the " - " separator.
  return first_of_lines(mountinfo, [](std::string_view line) -> std::string {
    const std::size_t sep = line.find(" - ");
    if (sep == std::string_view::npos || !line.substr(sep + 3).starts_with("cgroup2 ")) return "";
    std::size_t field = 0, i = 0;
    while (field < 4 && i < sep) {
      i = line.find(' ', i);
      if (i == std::string_view::npos) return "";
      ++i;
      ++field;
    }
    if (field != 4) return "";
    return std::string(line.substr(i, line.find(' ', i) - i));
  });
}

std::string cgroup2_path(std::string_view self_cgroup) {
  return first_of_lines(self_cgroup, [](std::string_view line) {
    return line.starts_with("0::") ? std::string(line.substr(3)) : std::string();
  });
}

Result<JobCgroup> JobCgroup::place(const FileReader& reader, int pid) {
  CS_ASSIGN_OR_RETURN(std::string mountinfo, reader.read("/proc/self/mountinfo"));
  const std::string mount = cgroup2_mount(mountinfo);
  if (mount.empty()) return Status::unavailable("no cgroup2 filesystem is mounted");
  CS_ASSIGN_OR_RETURN(std::string self, reader.read("/proc/self/cgroup"));
  std::string own = cgroup2_path(self);
  if (own.empty()) return Status::unavailable("this process is in no cgroup v2 hierarchy");
  if (own == "/") own.clear();
  // A path with " (deleted)" or one outside our namespace cannot be used.
  if (own.find(' ') != std::string::npos)
    return Status::unavailable(fmt::format("cgroup path '{}' is not usable", own));
  // Cgroups left by trackers that were killed: an empty one is removed, one that still
  // holds processes refuses the rmdir and stays.
  if (auto names = reader.list(mount + own); names.ok()) {
    for (const std::string& n : *names) {
      if (n.starts_with("carbonscope-"))
        ::rmdir(reader.resolve(fmt::format("{}{}/{}", mount, own, n)).c_str());
    }
  }
  const std::string path = fmt::format("{}{}/carbonscope-{}", mount, own, pid);
  const std::string real = reader.resolve(path);
  if (::mkdir(real.c_str(), 0755) != 0) {
    return Status::permission_denied(fmt::format("cannot create cgroup {}: {}", real, std::strerror(errno)));
  }
  JobCgroup group(path, real);
  const std::string procs = real + "/cgroup.procs";
  const int fd = ::open(procs.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return Status::permission_denied(fmt::format("cannot open {}: {}", procs, std::strerror(errno)));
  const std::string text = fmt::format("{}\n", pid);
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const int err = errno;
  ::close(fd);
  if (!ok)
    return Status::permission_denied(
        fmt::format("cannot move process {} into {}: {}", pid, real, std::strerror(err)));
  return group;
}

JobCgroup::JobCgroup(JobCgroup&& o) noexcept : path_(std::move(o.path_)), real_(std::move(o.real_)) {
  o.real_.clear();
}

JobCgroup::~JobCgroup() {
  if (!real_.empty()) ::rmdir(real_.c_str());  // EBUSY while a process lives in it: left for it
}

}  // namespace carbonscope
