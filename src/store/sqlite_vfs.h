// The ledger's writes through the file seam (platform/file_writer.h): a SQLite VFS that
// wraps the default unix VFS, keeping its locking, shared memory and reads, and sends
// the file operations a fault can hit (xOpen, xWrite, xTruncate, xSync, xDelete, the
// -shm file's growth) through a FileWriter. The unix VFS's own system calls (open,
// write, pwrite, ftruncate, unlink, close: its sqlite3_vfs.xSetSystemCall table,
// SQLite's own fault-injection hook, routed once per process when the first such VFS
// is registered) go to the FileWriter of the connection making them; outside a call of
// one of its files they go straight to the unix VFS's own functions, so that other
// connections in the process (readers, Python's sqlite3) are unchanged. The sync that
// the unix VFS makes without its table (fdatasync) is made by the wrapper through
// FileWriter::sync_file. A fault test installs a FileWriter (LedgerWriterScope) and a
// ledger commit meets its ENOSPC, EACCES or torn write. One VFS is registered per
// FileWriter, once, named for it.
#pragma once

#include "platform/file_writer.h"

namespace carbonscope {

// The name of the VFS whose files write through `files` (registered on first use).
const char* ledger_vfs(FileWriter& files);

// The FileWriter that read-write ledger connections opened on this thread write
// through (SqliteDb::open): system_file_writer() unless a scope says otherwise (a
// LedgerSink given another writer opens its ledger in a scope of its own). A
// connection keeps the writer it was opened with, so `files` must outlive it.
FileWriter& ledger_file_writer();
class LedgerWriterScope {
 public:
  explicit LedgerWriterScope(FileWriter& files);
  ~LedgerWriterScope();
  LedgerWriterScope(const LedgerWriterScope&) = delete;
  LedgerWriterScope& operator=(const LedgerWriterScope&) = delete;

 private:
  FileWriter* previous_;
};

}  // namespace carbonscope
