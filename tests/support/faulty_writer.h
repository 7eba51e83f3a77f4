// The file seam (platform/file_writer.h) over the real file system, with one fault:
// writes fail with `write_errno` once `budget` bytes have gone through (0: the first
// write fails; a write crossing the budget writes only up to it, a torn write), and
// open, rename, fallocate (reserving a file's blocks) or sync fail with their errno.
// With `crash_at_budget` the write that reaches the budget is cut there and the
// process is killed (SIGKILL) before it returns: a torn write, then the crash. With
// `only_under` set, only the files whose path starts with it are faulted and counted
// (the ledger's, a run directory's); the others are written as usual.
#pragma once

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <set>
#include <string>

#include "platform/file_writer.h"

namespace carbonscope::test {

class FaultyWriter : public FileWriter {
 public:
  std::size_t budget = static_cast<std::size_t>(-1);
  int write_errno = ENOSPC;
  int open_errno = 0;
  int rename_errno = 0;
  int allocate_errno = 0;
  int sync_errno = 0;
  bool crash_at_budget = false;
  std::string only_under;
  std::size_t written = 0;
  int allocations = 0;  // fallocate calls, failed or not
  int syncs = 0;        // sync calls, failed or not

 protected:
  int open_file(const char* path, int flags, mode_t mode) override {
    const bool faulted = only_under.empty() || std::string(path).rfind(only_under, 0) == 0;
    if (faulted && open_errno != 0) {
      errno = open_errno;
      return -1;
    }
    const int fd = FileWriter::open_file(path, flags, mode);
    if (fd >= 0 && faulted) {
      faulted_.insert(fd);
    } else if (fd >= 0) {
      faulted_.erase(fd);  // a descriptor number closed outside the seam, reused
    }
    return fd;
  }
  ssize_t write_some(int fd, const char* data, std::size_t size) override {
    if (!faulted(fd)) return FileWriter::write_some(fd, data, size);
    return budgeted(size, [&](std::size_t n) { return FileWriter::write_some(fd, data, n); });
  }
  ssize_t write_at(int fd, const char* data, std::size_t size, off_t offset) override {
    if (!faulted(fd)) return FileWriter::write_at(fd, data, size, offset);
    return budgeted(size, [&](std::size_t n) { return FileWriter::write_at(fd, data, n, offset); });
  }
  int close_file(int fd) override {
    faulted_.erase(fd);
    return FileWriter::close_file(fd);
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
  int sync_file(int fd) override {
    if (!faulted(fd)) return FileWriter::sync_file(fd);
    ++syncs;
    if (sync_errno != 0) {
      errno = sync_errno;
      return -1;
    }
    return FileWriter::sync_file(fd);
  }

 private:
  bool faulted(int fd) const { return only_under.empty() || faulted_.count(fd) != 0; }
  template <typename Write>
  ssize_t budgeted(std::size_t size, Write write) {
    if (written >= budget) {
      if (crash_at_budget) ::kill(::getpid(), SIGKILL);
      errno = write_errno;
      return -1;
    }
    const std::size_t n = std::min(size, budget - written);
    const ssize_t w = write(n);
    if (w > 0) written += static_cast<std::size_t>(w);
    if (crash_at_budget && written >= budget) ::kill(::getpid(), SIGKILL);
    return w;
  }
  std::set<int> faulted_;  // descriptors of the faulted files
};

}  // namespace carbonscope::test
