// The file seam (platform/file_writer.h) over the real file system, with one fault:
// writes fail with `write_errno` once `budget` bytes have gone through (0: the first
// write fails; a write crossing the budget writes only up to it, a torn write), and
// open, rename or fallocate (reserving a file's blocks) fail with their errno.
#pragma once

#include <algorithm>
#include <cerrno>
#include <cstddef>

#include "platform/file_writer.h"

namespace carbonscope::test {

class FaultyWriter : public FileWriter {
 public:
  std::size_t budget = static_cast<std::size_t>(-1);
  int write_errno = ENOSPC;
  int open_errno = 0;
  int rename_errno = 0;
  int allocate_errno = 0;
  std::size_t written = 0;
  int allocations = 0;  // fallocate calls, failed or not

 protected:
  int open_file(const char* path, int flags, mode_t mode) override {
    if (open_errno != 0) {
      errno = open_errno;
      return -1;
    }
    return FileWriter::open_file(path, flags, mode);
  }
  ssize_t write_some(int fd, const char* data, std::size_t size) override {
    if (written >= budget) {
      errno = write_errno;
      return -1;
    }
    const std::size_t n = std::min(size, budget - written);
    const ssize_t w = FileWriter::write_some(fd, data, n);
    if (w > 0) written += static_cast<std::size_t>(w);
    return w;
  }
  int rename_file(const char* from, const char* to) override {
    if (rename_errno != 0) {
      errno = rename_errno;
      return -1;
    }
    return FileWriter::rename_file(from, to);
  }
  int allocate_file(int fd, off_t offset, off_t length) override {
    ++allocations;
    if (allocate_errno != 0) {
      errno = allocate_errno;
      return -1;
    }
    return FileWriter::allocate_file(fd, offset, length);
  }
};

}  // namespace carbonscope::test
