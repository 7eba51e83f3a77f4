// pread(fd, 0) re-reads.
#include "platform/open_file.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include <fmt/format.h>

namespace carbonscope {

Result<OpenFile> OpenFile::open(const FileReader& reader, std::string_view path) {
  std::string real = reader.resolve(path);
  const int fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int e = errno;
    const std::string msg = fmt::format("cannot open {}: {}", real, std::strerror(e));
    if (e == ENOENT || e == ENOTDIR) return Status::not_found(msg);
    if (e == EACCES || e == EPERM) return Status::permission_denied(msg);
    return Status::io_error(msg);
  }
  // Regular files only (sysfs and procfs attributes are): a FIFO would block, a device
  // such as /dev/zero would never end.
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::io_error(fmt::format("cannot read {}: not a regular file", real));
  }
  struct statfs fs {};
  const bool kernel_fs = ::fstatfs(fd, &fs) == 0 && (fs.f_type == PROC_SUPER_MAGIC || fs.f_type == SYSFS_MAGIC ||
                                                      fs.f_type == CGROUP2_SUPER_MAGIC || fs.f_type == CGROUP_SUPER_MAGIC);
  return OpenFile(fd, std::move(real), !kernel_fs);
}

OpenFile::OpenFile(OpenFile&& o) noexcept
    : fd_(o.fd_), path_(std::move(o.path_)), check_unlinked_(o.check_unlinked_), buf_(std::move(o.buf_)) {
  o.fd_ = -1;
}

OpenFile& OpenFile::operator=(OpenFile&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.fd_;
    path_ = std::move(o.path_);
    check_unlinked_ = o.check_unlinked_;
    buf_ = std::move(o.buf_);
    o.fd_ = -1;
  }
  return *this;
}

OpenFile::~OpenFile() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::string_view> OpenFile::read() {
  // A removed regular file (a fixture) keeps its old bytes: report it as gone.
  struct stat st {};
  if (check_unlinked_ && ::fstat(fd_, &st) == 0 && st.st_nlink == 0) return Status::not_found(fmt::format("{} has gone", path_));
  if (buf_.size() < 4096) buf_.resize(4096);
  std::size_t used = 0;
  for (;;) {
    const ssize_t n = ::pread(fd_, buf_.data() + used, buf_.size() - used, static_cast<off_t>(used));
    if (n < 0) {
      if (errno == EINTR) continue;
      const int e = errno;
      if (e == ENODEV || e == ENOENT || e == ESRCH) return Status::not_found(fmt::format("{} has gone: {}", path_, std::strerror(e)));
      return Status::io_error(fmt::format("cannot read {}: {}", path_, std::strerror(e)));
    }
    used += static_cast<std::size_t>(n);
    if (n == 0 || used < buf_.size()) break;
    if (buf_.size() >= (4u << 20)) return Status::io_error(fmt::format("cannot read {}: larger than 4 MiB", path_));
    buf_.resize(buf_.size() * 2);
  }
  return std::string_view(buf_.data(), used);
}

Result<std::uint64_t> OpenFile::read_u64() {
  CS_ASSIGN_OR_RETURN(std::string_view text, read());
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  std::uint64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || p != text.data() + text.size()) {
    return Status::data_error(fmt::format("{} holds '{}', not an integer", path_, text.substr(0, 40)));
  }
  return v;
}

}  // namespace carbonscope
