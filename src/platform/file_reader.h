// FileReader: every read of the machine (sysfs, procfs, /dev/cpu/*/msr) goes through
// one of these, rooted at "/" in production and at a fixture tree in tests.
// Models: leveldb's Env, ninja's DiskInterface, Kepler's testdata/sys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope {

class FileReader {
 public:
  // `root` is prepended to every absolute path ("" or "/" means the real machine).
  explicit FileReader(std::string root = "/");

  const std::string& root() const { return root_; }
  // The real path of `path` under the root.
  std::string resolve(std::string_view path) const;

  // Whole file contents. kNotFound, kPermissionDenied or kIoError with the path.
  Result<std::string> read(std::string_view path) const;
  // The same for a file of static facts (/proc/cpuinfo, /proc/meminfo's totals): read
  // once per process and real path, then served from memory, so the sensor probes, the
  // sampler and the run record share one read. Failures are not kept.
  Result<std::string> read_static(std::string_view path) const;
  // The first line, trimmed, parsed as an unsigned / signed integer.
  Result<std::uint64_t> read_u64(std::string_view path) const;
  Result<std::int64_t> read_i64(std::string_view path) const;
  // `size` bytes at `offset` (for MSR device files).
  Result<std::string> read_at(std::string_view path, std::uint64_t offset, std::size_t size) const;
  // Names in a directory, sorted, without "." and "..".
  Result<std::vector<std::string>> list(std::string_view dir) const;
  bool exists(std::string_view path) const;

 private:
  std::string root_;
};

}  // namespace carbonscope
