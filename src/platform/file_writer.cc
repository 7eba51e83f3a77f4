// The write rules of FileWriter over its system calls (see file_writer.h).
#include "platform/file_writer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace carbonscope {
namespace {

// A full disk is said plainly: it is the failure people meet, and its fix is theirs.
std::string why(int e) { return e == ENOSPC ? "disk full" : std::strerror(e); }

Status failure(const char* what, const std::string& path, int e) {
  return Status::io_error(fmt::format("cannot {} {}: {}", what, path, why(e)));
}

}  // namespace

int FileWriter::open_file(const char* path, int flags, mode_t mode) { return ::open(path, flags, mode); }
ssize_t FileWriter::write_some(int fd, const char* data, std::size_t size) { return ::write(fd, data, size); }
int FileWriter::close_file(int fd) { return ::close(fd); }
int FileWriter::rename_file(const char* from, const char* to) { return std::rename(from, to); }
int FileWriter::make_dir(const char* path, mode_t mode) { return ::mkdir(path, mode); }
int FileWriter::allocate_file(int fd, off_t offset, off_t length) { return ::fallocate(fd, 0, offset, length); }
int FileWriter::truncate_file(int fd, off_t size) { return ::ftruncate(fd, size); }
ssize_t FileWriter::write_at(int fd, const char* data, std::size_t size, off_t offset) {
  return ::pwrite(fd, data, size, offset);
}
int FileWriter::sync_file(int fd) { return ::fdatasync(fd); }
int FileWriter::remove_file(const char* path) { return ::unlink(path); }

bool FileWriter::write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = write_some(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) {  // no progress and no error: treat as a full disk rather than spin
      errno = ENOSPC;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

Status FileWriter::write_atomic(const std::string& path, std::string_view text) {
  const std::string tmp = path + ".tmp";
  const int fd = open_file(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return failure("create", tmp, errno);
  const bool ok = write_all(fd, text);
  const int write_errno = errno;
  const bool closed = close_file(fd) == 0;
  if (!ok || !closed) {
    const int e = ok ? errno : write_errno;
    std::remove(tmp.c_str());  // no torn .tmp left behind on a full disk
    return failure("write", tmp, e);
  }
  if (rename_file(tmp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    std::remove(tmp.c_str());
    return Status::io_error(fmt::format("cannot rename {} to {}: {}", tmp, path, why(e)));
  }
  return {};
}

Status FileWriter::append(const std::string& path, std::string_view text) {
  const int fd = open_file(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  if (fd < 0) return failure("append to", path, errno);
  const bool ok = write_all(fd, text);
  const int write_errno = errno;
  const bool closed = close_file(fd) == 0;
  if (!ok || !closed) return failure("write", path, ok ? errno : write_errno);
  return {};
}

Status FileWriter::append_with_header(const std::string& path, std::string_view header, std::string_view text) {
  const int fd = open_file(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  if (fd < 0) return failure("append to", path, errno);
  while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
  }
  struct stat st {};
  const bool empty = ::fstat(fd, &st) == 0 && st.st_size == 0;
  const bool ok = (!empty || write_all(fd, header)) && write_all(fd, text);
  const int write_errno = errno;
  const bool closed = close_file(fd) == 0;  // releases the lock
  if (!ok || !closed) return failure("write", path, ok ? errno : write_errno);
  return {};
}

Status FileWriter::sync(const std::string& path) {
  const int fd = open_file(path.c_str(), O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0) return failure("open", path, errno);
  const bool ok = sync_file(fd) == 0;
  const int e = errno;
  (void)close_file(fd);
  if (!ok) return failure("sync", path, e);
  return {};
}

Status FileWriter::make_dirs(const std::string& path) {
  std::size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    const std::string partial = path.substr(0, pos);
    if (partial.empty()) continue;
    if (make_dir(partial.c_str(), 0777) != 0 && errno != EEXIST) {
      const int e = errno;
      return Status::io_error(fmt::format("cannot create directory {}: {}", partial, std::strerror(e)));
    }
  }
  return {};
}

Result<int> FileWriter::create_in_place(const std::string& path) {
  const int fd = open_file(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return failure("create", path, errno);
  return fd;
}

Status FileWriter::write_whole(int fd, std::string_view text, const std::string& path) {
  if (!write_all(fd, text)) return failure("append to", path, errno);
  return {};
}

bool FileWriter::reserve(int fd, off_t offset, off_t length) { return allocate_file(fd, offset, length) == 0; }
bool FileWriter::truncate(int fd, off_t size) { return truncate_file(fd, size) == 0; }

FileWriter& system_file_writer() {
  static FileWriter writer;
  return writer;
}

}  // namespace carbonscope
