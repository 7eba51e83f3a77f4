// FileReader over POSIX calls; errors carry the path and errno's meaning.
#include "platform/file_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "core/text.h"

namespace carbonscope {
namespace {

// No sysfs or procfs file carbonscope reads comes near this.
constexpr std::size_t kMaxFileBytes = 4u << 20;

Status errno_status(int err, std::string_view what, std::string_view path) {
  const std::string msg = fmt::format("cannot {} {}: {}", what, path, std::strerror(err));
  switch (err) {
    case ENOENT:
    case ENOTDIR: return Status::not_found(msg);
    case EACCES:
    case EPERM: return Status::permission_denied(msg);
    default: return Status::io_error(msg);
  }
}

// The first line of a sysfs or procfs value, without white space.
std::string_view first_line(std::string_view s) {
  s = trim(s);
  return trim(s.substr(0, s.find('\n')));
}

template <typename T>
Result<T> parse_int(std::string_view text, std::string_view path) {
  const std::string_view t = first_line(text);
  T v{};
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (t.empty() || ec != std::errc() || ptr != t.data() + t.size()) {
    return Status::data_error(fmt::format("{} holds '{}', not an integer", path, t.substr(0, 40)));
  }
  return v;
}

}  // namespace

FileReader::FileReader(std::string root) : root_(std::move(root)) {
  while (!root_.empty() && root_.back() == '/') root_.pop_back();
}

std::string FileReader::resolve(std::string_view path) const {
  std::string out = root_;
  if (path.empty() || path.front() != '/') out += '/';
  out += path;
  return out;
}

Result<std::string> FileReader::read(std::string_view path) const {
  const std::string real = resolve(path);
  // Non-blocking, and regular files only: a FIFO or device where a sysfs/procfs file is
  // expected must not hang or flood the reader.
  const int fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return errno_status(errno, "open", real);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::io_error(fmt::format("cannot read {}: not a regular file", real));
  }
  std::string out;
  char buf[4096];
  for (;;) {
    if (out.size() > kMaxFileBytes) {
      ::close(fd);
      return Status::io_error(fmt::format("cannot read {}: larger than {} bytes", real, kMaxFileBytes));
    }
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return errno_status(err, "read", real);
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

Result<std::uint64_t> FileReader::read_u64(std::string_view path) const {
  CS_ASSIGN_OR_RETURN(std::string text, read(path));
  return parse_int<std::uint64_t>(text, resolve(path));
}

Result<std::int64_t> FileReader::read_i64(std::string_view path) const {
  CS_ASSIGN_OR_RETURN(std::string text, read(path));
  return parse_int<std::int64_t>(text, resolve(path));
}

Result<std::string> FileReader::read_static(std::string_view path) const {
  static std::mutex mu;
  static std::map<std::string, std::string, std::less<>> cache;
  const std::string real = resolve(path);
  {
    std::lock_guard<std::mutex> lock(mu);
    if (const auto it = cache.find(real); it != cache.end()) return it->second;
  }
  CS_ASSIGN_OR_RETURN(std::string text, read(path));
  std::lock_guard<std::mutex> lock(mu);
  return cache.emplace(real, std::move(text)).first->second;
}

Result<std::string> FileReader::read_at(std::string_view path, std::uint64_t offset, std::size_t size) const {
  const std::string real = resolve(path);
  const int fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return errno_status(errno, "open", real);
  std::string out(size, '\0');
  const ssize_t n = ::pread(fd, out.data(), size, static_cast<off_t>(offset));
  const int err = errno;
  ::close(fd);
  if (n < 0) return errno_status(err, "read", real);
  if (static_cast<std::size_t>(n) != size) {
    return Status::io_error(fmt::format("short read of {} at offset {:#x}: {} of {} bytes", real, offset, n, size));
  }
  return out;
}

Result<std::vector<std::string>> FileReader::list(std::string_view dir) const {
  const std::string real = resolve(dir);
  DIR* d = ::opendir(real.c_str());
  if (d == nullptr) return errno_status(errno, "list", real);
  std::vector<std::string> names;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

bool FileReader::exists(std::string_view path) const {
  struct stat st {};
  return ::stat(resolve(path).c_str(), &st) == 0;
}

}  // namespace carbonscope
