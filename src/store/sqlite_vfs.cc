// The ledger's VFS: the unix VFS's files, with their writes sent through a FileWriter
// (see sqlite_vfs.h).
#include "store/sqlite_vfs.h"

#include <fcntl.h>
#include <sys/types.h>

#include <sqlite3.h>

#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <fmt/format.h>

namespace carbonscope {

// FileWriter's system calls, for the trampolines below (a friend of FileWriter).
struct SqliteSystemCalls {
  static int open(FileWriter& w, const char* path, int flags, int mode) {
    return w.open_file(path, flags, static_cast<mode_t>(mode));
  }
  static ssize_t write(FileWriter& w, int fd, const void* data, std::size_t size) {
    return w.write_some(fd, static_cast<const char*>(data), size);
  }
  static ssize_t pwrite(FileWriter& w, int fd, const void* data, std::size_t size, off_t offset) {
    return w.write_at(fd, static_cast<const char*>(data), size, offset);
  }
  static int ftruncate(FileWriter& w, int fd, off_t size) { return w.truncate_file(fd, size); }
  static int unlink(FileWriter& w, const char* path) { return w.remove_file(path); }
  static int sync(FileWriter& w, int fd) { return w.sync_file(fd); }
  static int close(FileWriter& w, int fd) { return w.close_file(fd); }
};

namespace {

using Sys = SqliteSystemCalls;

thread_local FileWriter* t_open_writer = nullptr;  // LedgerWriterScope

// While a wrapped call runs on this thread: the writer that takes the unix VFS's system
// calls, and (in xOpen) where the descriptor it opens is kept.
struct CallContext {
  FileWriter* files = nullptr;
  int* opened_fd = nullptr;
};
thread_local CallContext t_call;

class InCall {
 public:
  explicit InCall(FileWriter* files, int* opened_fd = nullptr) : saved_(t_call) {
    t_call = {files, opened_fd};
  }
  ~InCall() { t_call = saved_; }
  InCall(const InCall&) = delete;
  InCall& operator=(const InCall&) = delete;

 private:
  CallContext saved_;
};

// The unix VFS's own system calls, as it had them: every call made outside a wrapped
// call (another VFS, a reader, another library's connection) goes straight to them.
struct SystemCalls {
  int (*open)(const char*, int, int) = nullptr;
  ssize_t (*write)(int, const void*, std::size_t) = nullptr;
  ssize_t (*pwrite)(int, const void*, std::size_t, off_t) = nullptr;
  ssize_t (*pwrite64)(int, const void*, std::size_t, off_t) = nullptr;
  int (*ftruncate)(int, off_t) = nullptr;
  int (*unlink)(const char*) = nullptr;
  int (*close)(int) = nullptr;
};
SystemCalls g_unix;

int seam_open(const char* path, int flags, int mode) {
  if (t_call.files == nullptr) return g_unix.open(path, flags, mode);
  const int fd = Sys::open(*t_call.files, path, flags, mode);
  if (fd >= 0 && t_call.opened_fd != nullptr) *t_call.opened_fd = fd;
  return fd;
}
ssize_t seam_write(int fd, const void* data, std::size_t size) {
  return t_call.files == nullptr ? g_unix.write(fd, data, size) : Sys::write(*t_call.files, fd, data, size);
}
ssize_t seam_pwrite(int fd, const void* data, std::size_t size, off_t offset) {
  return t_call.files == nullptr ? g_unix.pwrite(fd, data, size, offset)
                                 : Sys::pwrite(*t_call.files, fd, data, size, offset);
}
ssize_t seam_pwrite64(int fd, const void* data, std::size_t size, off_t offset) {
  return t_call.files == nullptr ? g_unix.pwrite64(fd, data, size, offset)
                                 : Sys::pwrite(*t_call.files, fd, data, size, offset);
}
int seam_ftruncate(int fd, off_t size) {
  return t_call.files == nullptr ? g_unix.ftruncate(fd, size) : Sys::ftruncate(*t_call.files, fd, size);
}
int seam_unlink(const char* path) {
  return t_call.files == nullptr ? g_unix.unlink(path) : Sys::unlink(*t_call.files, path);
}

int seam_close(int fd) { return t_call.files == nullptr ? g_unix.close(fd) : Sys::close(*t_call.files, fd); }

template <typename Fn>
void route(sqlite3_vfs* unix_vfs, const char* name, Fn*& original, Fn* seam) {
  sqlite3_syscall_ptr current = unix_vfs->xGetSystemCall(unix_vfs, name);
  if (current == nullptr) return;  // not used by this build of SQLite
  original = reinterpret_cast<Fn*>(current);
  unix_vfs->xSetSystemCall(unix_vfs, name, reinterpret_cast<sqlite3_syscall_ptr>(seam));
}

// Once per process, before the first ledger connection: the unix VFS's table of system
// calls (shared by all its variants) points at the trampolines.
void route_system_calls(sqlite3_vfs* unix_vfs) {
  if (unix_vfs->iVersion < 3 || unix_vfs->xSetSystemCall == nullptr) return;
  route(unix_vfs, "open", g_unix.open, &seam_open);
  route(unix_vfs, "write", g_unix.write, &seam_write);
  route(unix_vfs, "pwrite", g_unix.pwrite, &seam_pwrite);
  route(unix_vfs, "pwrite64", g_unix.pwrite64, &seam_pwrite64);
  route(unix_vfs, "ftruncate", g_unix.ftruncate, &seam_ftruncate);
  route(unix_vfs, "unlink", g_unix.unlink, &seam_unlink);
  route(unix_vfs, "close", g_unix.close, &seam_close);
}

struct SeamVfs {
  sqlite3_vfs vfs{};
  sqlite3_vfs* unix_vfs = nullptr;
  FileWriter* files = nullptr;
  std::string name;
};

// A file of the VFS: the unix VFS's file (`real`, allocated right after it) and the
// writer its operations go through.
struct SeamFile {
  sqlite3_file base;
  sqlite3_file* real;
  FileWriter* files;
  const char* path;  // SQLite keeps the name alive until xClose
  int fd;            // the descriptor the unix VFS opened (-1: it reused one it had)
  bool sync_dir;     // a new journal: its directory is synced with its first sync
};
constexpr std::size_t kRealOffset = (sizeof(SeamFile) + 15) & ~std::size_t{15};

SeamFile* seam(sqlite3_file* f) { return reinterpret_cast<SeamFile*>(f); }
sqlite3_file* real(sqlite3_file* f) { return seam(f)->real; }
const sqlite3_io_methods& m(sqlite3_file* f) { return *real(f)->pMethods; }

int x_close(sqlite3_file* f) {
  InCall call(seam(f)->files);  // a file deleted on close is unlinked here
  return m(f).xClose(real(f));
}
int x_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) { return m(f).xRead(real(f), buf, n, off); }
int x_write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  InCall call(seam(f)->files);
  return m(f).xWrite(real(f), buf, n, off);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  InCall call(seam(f)->files);
  return m(f).xTruncate(real(f), size);
}

// The sync the unix VFS makes (fdatasync, then the directory of a new journal once,
// its failure ignored), made here so that it goes through the writer; a descriptor the
// unix VFS reused without opening it is synced by the unix VFS itself.
int x_sync(sqlite3_file* f, int flags) {
  SeamFile* s = seam(f);
  if (s->fd < 0) {
    InCall call(s->files);
    return m(f).xSync(real(f), flags);
  }
  if (Sys::sync(*s->files, s->fd) != 0) return SQLITE_IOERR_FSYNC;
  if (s->sync_dir && s->path != nullptr) {
    s->sync_dir = false;
    const char* slash = std::strrchr(s->path, '/');
    const std::string dir = slash == nullptr ? "." : slash == s->path ? "/" : std::string(s->path, slash);
    const int dfd = Sys::open(*s->files, dir.c_str(), O_RDONLY | O_CLOEXEC, 0);
    if (dfd >= 0) {
      (void)Sys::sync(*s->files, dfd);
      (void)Sys::close(*s->files, dfd);
    }
  }
  return SQLITE_OK;
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) { return m(f).xFileSize(real(f), size); }
int x_lock(sqlite3_file* f, int level) { return m(f).xLock(real(f), level); }
int x_unlock(sqlite3_file* f, int level) { return m(f).xUnlock(real(f), level); }
int x_check_reserved_lock(sqlite3_file* f, int* out) { return m(f).xCheckReservedLock(real(f), out); }
int x_file_control(sqlite3_file* f, int op, void* arg) {
  InCall call(seam(f)->files);  // a size hint grows the file
  return m(f).xFileControl(real(f), op, arg);
}
int x_sector_size(sqlite3_file* f) { return m(f).xSectorSize(real(f)); }
int x_device_characteristics(sqlite3_file* f) { return m(f).xDeviceCharacteristics(real(f)); }
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  InCall call(seam(f)->files);  // creates and grows the -shm file
  return m(f).xShmMap(real(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return m(f).xShmLock(real(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { m(f).xShmBarrier(real(f)); }
int x_shm_unmap(sqlite3_file* f, int delete_flag) {
  InCall call(seam(f)->files);  // the last connection may delete the -shm file
  return m(f).xShmUnmap(real(f), delete_flag);
}
int x_fetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
  return m(f).xFetch(real(f), off, n, out);
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) { return m(f).xUnfetch(real(f), off, p); }

const sqlite3_io_methods kSeamMethods = {
    3,
    x_close,
    x_read,
    x_write,
    x_truncate,
    x_sync,
    x_file_size,
    x_lock,
    x_unlock,
    x_check_reserved_lock,
    x_file_control,
    x_sector_size,
    x_device_characteristics,
    x_shm_map,
    x_shm_lock,
    x_shm_barrier,
    x_shm_unmap,
    x_fetch,
    x_unfetch,
};

SeamVfs& of(sqlite3_vfs* vfs) { return *static_cast<SeamVfs*>(vfs->pAppData); }
sqlite3_vfs* unix_of(sqlite3_vfs* vfs) { return of(vfs).unix_vfs; }

int x_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  SeamVfs& v = of(vfs);
  SeamFile* s = seam(f);
  s->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + kRealOffset);
  s->real->pMethods = nullptr;
  s->files = v.files;
  s->path = name;
  s->fd = -1;
  const int journal = SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL;
  s->sync_dir = (flags & SQLITE_OPEN_CREATE) != 0 && (flags & journal) != 0;
  int rc = SQLITE_OK;
  {
    InCall call(v.files, &s->fd);
    rc = v.unix_vfs->xOpen(v.unix_vfs, name, s->real, flags, out_flags);
  }
  // SQLite calls xClose when pMethods is set, whatever xOpen returned.
  f->pMethods = s->real->pMethods != nullptr ? &kSeamMethods : nullptr;
  return rc;
}
int x_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
  InCall call(of(vfs).files);
  return unix_of(vfs)->xDelete(unix_of(vfs), name, sync_dir);
}
int x_access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
  return unix_of(vfs)->xAccess(unix_of(vfs), name, flags, out);
}
int x_full_pathname(sqlite3_vfs* vfs, const char* name, int n, char* out) {
  return unix_of(vfs)->xFullPathname(unix_of(vfs), name, n, out);
}
void* x_dl_open(sqlite3_vfs* vfs, const char* name) { return unix_of(vfs)->xDlOpen(unix_of(vfs), name); }
void x_dl_error(sqlite3_vfs* vfs, int n, char* out) { unix_of(vfs)->xDlError(unix_of(vfs), n, out); }
void (*x_dl_sym(sqlite3_vfs* vfs, void* lib, const char* sym))(void) {
  return unix_of(vfs)->xDlSym(unix_of(vfs), lib, sym);
}
void x_dl_close(sqlite3_vfs* vfs, void* lib) { unix_of(vfs)->xDlClose(unix_of(vfs), lib); }
int x_randomness(sqlite3_vfs* vfs, int n, char* out) {
  return unix_of(vfs)->xRandomness(unix_of(vfs), n, out);
}
int x_sleep(sqlite3_vfs* vfs, int us) { return unix_of(vfs)->xSleep(unix_of(vfs), us); }
int x_current_time(sqlite3_vfs* vfs, double* out) { return unix_of(vfs)->xCurrentTime(unix_of(vfs), out); }
int x_get_last_error(sqlite3_vfs* vfs, int n, char* out) {
  return unix_of(vfs)->xGetLastError(unix_of(vfs), n, out);
}
int x_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out) {
  return unix_of(vfs)->xCurrentTimeInt64(unix_of(vfs), out);
}

const sqlite3_vfs kSeamVfs = {
    .iVersion = 2,
    .szOsFile = 0,
    .mxPathname = 0,
    .pNext = nullptr,
    .zName = nullptr,
    .pAppData = nullptr,
    .xOpen = x_open,
    .xDelete = x_delete,
    .xAccess = x_access,
    .xFullPathname = x_full_pathname,
    .xDlOpen = x_dl_open,
    .xDlError = x_dl_error,
    .xDlSym = x_dl_sym,
    .xDlClose = x_dl_close,
    .xRandomness = x_randomness,
    .xSleep = x_sleep,
    .xCurrentTime = x_current_time,
    .xGetLastError = x_get_last_error,
    .xCurrentTimeInt64 = x_current_time_int64,
    .xSetSystemCall = nullptr,
    .xGetSystemCall = nullptr,
    .xNextSystemCall = nullptr,
};

std::mutex g_registry_mutex;
std::map<FileWriter*, std::unique_ptr<SeamVfs>>& registry() {
  static auto* vfses = new std::map<FileWriter*, std::unique_ptr<SeamVfs>>();  // registered for good
  return *vfses;
}

}  // namespace

const char* ledger_vfs(FileWriter& files) {
  std::lock_guard<std::mutex> lock(g_registry_mutex);
  auto& vfses = registry();
  auto found = vfses.find(&files);
  if (found != vfses.end()) return found->second->name.c_str();
  sqlite3_vfs* unix_vfs = sqlite3_vfs_find("unix");
  if (unix_vfs == nullptr || unix_vfs->iVersion < 2) return nullptr;  // the default VFS, unwrapped
  if (vfses.empty()) route_system_calls(unix_vfs);
  auto v = std::make_unique<SeamVfs>();
  v->unix_vfs = unix_vfs;
  v->files = &files;
  v->name = &files == &system_file_writer() ? "carbonscope" : fmt::format("carbonscope-{}", vfses.size());
  sqlite3_vfs& s = v->vfs;
  s = kSeamVfs;
  s.szOsFile = static_cast<int>(kRealOffset) + unix_vfs->szOsFile;
  s.mxPathname = unix_vfs->mxPathname;
  s.zName = v->name.c_str();
  s.pAppData = v.get();
  if (sqlite3_vfs_register(&s, 0) != SQLITE_OK) return nullptr;
  return vfses.emplace(&files, std::move(v)).first->second->name.c_str();
}

FileWriter& ledger_file_writer() { return t_open_writer != nullptr ? *t_open_writer : system_file_writer(); }

LedgerWriterScope::LedgerWriterScope(FileWriter& files) : previous_(t_open_writer) { t_open_writer = &files; }
LedgerWriterScope::~LedgerWriterScope() { t_open_writer = previous_; }

}  // namespace carbonscope
