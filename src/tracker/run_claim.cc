// The run directory's lock (flock on DIR/run.lock). The kernel drops it when its holder
// dies, SIGKILL included, so "can I take it?" answers "is the tracker gone?" for a
// tracker in any PID namespace or container that shares the file system, and taking it
// is the one claim that lets a single process recover the run.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include <fmt/format.h>

#include "carbonscope/run_filter.h"
#include "sinks/run_files.h"
#include "tracker/run_finish.h"

namespace carbonscope {
namespace {

int lock_with(const std::string& dir, int how) {
  const std::string path = fmt::format("{}/{}", dir, kRunLock);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return -1;
  int rc;
  do {
    rc = ::flock(fd, how);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

int try_lock_run(const std::string& dir) { return lock_with(dir, LOCK_EX | LOCK_NB); }
int lock_run(const std::string& dir) { return lock_with(dir, LOCK_EX); }

void release_run_lock(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

Result<std::string> claim_run_dir(const std::string& output_dir, std::string& id) {
  CS_RETURN_IF_ERROR(make_dirs(output_dir));
  for (int attempt = 0; attempt < 8; ++attempt) {
    const std::string dir = fmt::format("{}/{}", output_dir, id);
    if (::mkdir(dir.c_str(), 0777) == 0) return dir;
    if (errno != EEXIST) {
      return Status::io_error(fmt::format("cannot create directory {}: {}", dir, std::strerror(errno)));
    }
    id = new_run_id(static_cast<double>(std::time(nullptr)));
  }
  return Status::internal(fmt::format("cannot find a free run directory in {}", output_dir));
}

bool mark_run_pending(const std::string& output_dir, const std::string& name) {
  const std::string entry = fmt::format("{}/{}{}", output_dir, kPendingPrefix, name);
  const int fd = ::open(entry.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd >= 0) {
    ::close(fd);
    return true;
  }
  // Not indexed: the next recovery looks at every run directory (this one with them).
  (void)::unlink(fmt::format("{}/{}", output_dir, kPendingIndex).c_str());
  return false;
}

void clear_run_pending(const std::string& output_dir, const std::string& name) {
  if (output_dir.empty() || name.empty()) return;
  (void)::unlink(fmt::format("{}/{}{}", output_dir, kPendingPrefix, name).c_str());
}

std::string absolute_path(const std::string& path) {
  if (path.empty()) return path;
  std::error_code ec;
  const std::filesystem::path p = std::filesystem::absolute(path, ec);
  return ec ? path : p.lexically_normal().string();
}

}  // namespace carbonscope
