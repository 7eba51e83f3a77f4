// Directories and atomic writes (run ids: run_id.cc).
#include "tracker/run_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "sinks/json_text.h"

namespace carbonscope {

Status make_dirs(const std::string& path) {
  std::string partial;
  std::size_t pos = 0;
  while (pos != std::string::npos) {
    pos = path.find('/', pos + 1);
    partial = path.substr(0, pos);
    if (partial.empty()) continue;
    if (::mkdir(partial.c_str(), 0777) != 0 && errno != EEXIST) {
      return Status::io_error(fmt::format("cannot create directory {}: {}", partial, std::strerror(errno)));
    }
  }
  return {};
}

Status write_file_atomic(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  if (f == nullptr) return Status::io_error(fmt::format("cannot create {}: {}", tmp, std::strerror(errno)));
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0;
  const int write_errno = errno;
  if (std::fclose(f) != 0 || !ok) {
    const int e = ok ? errno : write_errno;
    std::remove(tmp.c_str());  // no torn .tmp left behind on a full disk
    return Status::io_error(
        fmt::format("cannot write {}: {}", tmp, e == ENOSPC ? "disk full" : std::strerror(e)));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::io_error(fmt::format("cannot rename {} to {}: {}", tmp, path, std::strerror(errno)));
  }
  return {};
}

Status write_json_atomic(const std::string& path, const nlohmann::json& j) {
  return write_file_atomic(path, json_text(j, 2) + "\n");  // invalid UTF-8 written as U+FFFD
}

}  // namespace carbonscope
