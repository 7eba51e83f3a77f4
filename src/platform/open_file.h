// OpenFile: a file kept open and re-read from offset 0 each time (sysfs and procfs
// regenerate their contents on such a read), which saves the path walk, open and
// close of every sample. A file removed since it was opened reads as kNotFound.
#pragma once

#include <cstdint>
#include <string>

#include "carbonscope/status.h"
#include "platform/file_reader.h"

namespace carbonscope {

class OpenFile {
 public:
  static Result<OpenFile> open(const FileReader& reader, std::string_view path);
  OpenFile(OpenFile&& other) noexcept;
  OpenFile& operator=(OpenFile&& other) noexcept;
  OpenFile(const OpenFile&) = delete;
  ~OpenFile();

  // The whole contents, in an internal buffer valid until the next read.
  Result<std::string_view> read();
  Result<std::uint64_t> read_u64();
  const std::string& path() const { return path_; }

 private:
  OpenFile(int fd, std::string path, bool check_unlinked)
      : fd_(fd), path_(std::move(path)), check_unlinked_(check_unlinked) {}
  int fd_ = -1;
  std::string path_;
  // Only a file on a disk filesystem (a fixture) can be unlinked while open and keep
  // reading its old bytes; procfs, sysfs and cgroupfs files fail the read instead, so
  // they skip the fstat before each pread.
  bool check_unlinked_ = true;
  std::string buf_;
};

}  // namespace carbonscope
