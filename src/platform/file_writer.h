// FileWriter: every file carbonscope keeps (a run's run.json, report.json, samples.csv
// and emissions.csv row, the ledger's record files, and the SQLite ledger itself, whose
// system calls store/sqlite_vfs.h sends here) is written through one of these, as every
// read of the machine goes through FileReader. The public operations hold the rules (a
// whole file replaced atomically, a line appended and flushed, directories made); the
// system calls under them are virtual, so a fault test overrides one (write failing
// with ENOSPC, open with EACCES, a torn short write) and checks that nothing is lost.
// Models: leveldb's Env and its fault-injection EnvWrapper, ninja's DiskInterface.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "carbonscope/status.h"

namespace carbonscope {

class FileWriter {
 public:
  virtual ~FileWriter() = default;

  // Writes PATH.tmp, then renames it over PATH: a reader sees the old file or the new
  // one, never half of one. On failure PATH is untouched and no PATH.tmp is left.
  Status write_atomic(const std::string& path, std::string_view text);
  // Appends `text` to `path` (created when missing) in whole; the bytes are in the
  // kernel when it returns.
  Status append(const std::string& path, std::string_view text);
  // As append, holding an exclusive lock on the file (flock) meanwhile, with `header`
  // written first when the file is empty: processes appending at once (recoverers
  // finishing runs of one output directory) never both write the header.
  Status append_with_header(const std::string& path, std::string_view header, std::string_view text);
  // Opens `path` and syncs its data to disk (fdatasync).
  Status sync(const std::string& path);
  // Creates `path` and its missing parents.
  Status make_dirs(const std::string& path);

  // A file written in place (samples.csv: lines stored through a shared mapping of it,
  // its blocks reserved ahead a page at a time, cut to its real size at the end). The
  // caller owns the descriptor and maps it itself; only these calls go through the seam.
  Result<int> create_in_place(const std::string& path);  // read-write, truncated
  Status write_whole(int fd, std::string_view text, const std::string& path);  // at the offset
  bool reserve(int fd, off_t offset, off_t length);  // false (errno set): no room, or no fallocate
  bool truncate(int fd, off_t size);
  void close(int fd) { (void)close_file(fd); }

 protected:
  // The system calls, as POSIX: -1 and errno on failure; write may write fewer bytes.
  virtual int open_file(const char* path, int flags, mode_t mode);
  virtual ssize_t write_some(int fd, const char* data, std::size_t size);
  virtual int close_file(int fd);
  virtual int rename_file(const char* from, const char* to);
  virtual int make_dir(const char* path, mode_t mode);
  virtual int allocate_file(int fd, off_t offset, off_t length);  // fallocate(fd, 0, ...)
  virtual int truncate_file(int fd, off_t size);
  // The calls SQLite's unix VFS makes besides the ones above (store/sqlite_vfs.cc).
  virtual ssize_t write_at(int fd, const char* data, std::size_t size, off_t offset);  // pwrite
  virtual int sync_file(int fd);  // fdatasync
  virtual int remove_file(const char* path);  // unlink

 private:
  // The ledger's VFS makes these calls under SQLite's own rules (store/sqlite_vfs.cc).
  friend struct SqliteSystemCalls;
  bool write_all(int fd, std::string_view text);
};

// The real file system.
FileWriter& system_file_writer();

}  // namespace carbonscope
