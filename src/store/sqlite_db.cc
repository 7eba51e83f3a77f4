// SQLite connection and statement helpers; error messages with remedies.
#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "store/sqlite_vfs.h"

namespace carbonscope {

SqliteStmt::SqliteStmt(const SqliteDb* db, sqlite3_stmt* stmt, std::string what)
    : db_(db), stmt_(stmt), what_(std::move(what)) {}

SqliteStmt::SqliteStmt(SqliteStmt&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), what_(std::move(other.what_)) {
  other.stmt_ = nullptr;
}

SqliteStmt::~SqliteStmt() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

SqliteStmt& SqliteStmt::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
SqliteStmt& SqliteStmt::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
SqliteStmt& SqliteStmt::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
SqliteStmt& SqliteStmt::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> SqliteStmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->error(rc, what_);
}

Status SqliteStmt::run() {
  for (;;) {
    Result<bool> more = step();
    if (!more.ok()) return more.status();
    if (!*more) return Status::ok_status();
  }
}

Status SqliteStmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return Status::ok_status();
}

std::string SqliteStmt::text(int column) const {
  const auto* p = sqlite3_column_text(stmt_, column);
  if (p == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}
double SqliteStmt::real(int column) const { return sqlite3_column_double(stmt_, column); }
std::int64_t SqliteStmt::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
bool SqliteStmt::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::string ledger_option(ArgStyle style, bool with_variable) {
  if (style == ArgStyle::kKeyword) return "ledger=";
  return with_variable ? "--ledger or CARBONSCOPE_LEDGER" : "--ledger";
}

namespace {

// `path` as a file: URI, for the immutable fallback (RFC 3986 escapes of what SQLite reads
// specially in a URI path).
std::string file_uri(const std::string& path, const char* query) {
  std::string out = "file:";
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#' || static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out + query;
}

// A reader that may not create the -shm/-wal files next to the ledger (read-only file
// or directory, another user's ledger) fails its first read with one of these.
bool cannot_share_memory(int rc) {
  const int primary = rc & 0xff;
  return primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM;
}

// An open refused by the file system's permissions (the -wal or -shm file, or the
// ledger itself, that the process may not create or write).
bool open_denied(sqlite3* db, int rc) {
  if ((rc & 0xff) != SQLITE_CANTOPEN || db == nullptr) return false;
  const int e = sqlite3_system_errno(db);
  return e == EACCES || e == EPERM || e == EROFS;
}

bool disk_full(sqlite3* db, int rc) {
  return (rc & 0xff) == SQLITE_FULL || (db != nullptr && (rc & 0xff) == SQLITE_IOERR && sqlite3_system_errno(db) == ENOSPC);
}

}  // namespace

Result<SqliteDb> SqliteDb::open(const std::string& path, bool read_only, int busy_timeout_ms, ArgStyle style) {
  sqlite3* db = nullptr;
  const int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  // A writer's files write through the file seam (store/sqlite_vfs.h); a reader's do not
  // write, and keep the default VFS (and its immutable fallback below).
  FileWriter* files = read_only ? nullptr : &ledger_file_writer();
  const char* vfs = files != nullptr ? ledger_vfs(*files) : nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, vfs);
  if (rc != SQLITE_OK) {
    std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const bool denied = !read_only && open_denied(db, rc);
    if (denied) msg += fmt::format(": {}", std::strerror(sqlite3_system_errno(db)));
    sqlite3_close(db);
    if (denied) {
      return Status::permission_denied(fmt::format(
          "cannot open the ledger {} for writing ({}): check the permissions of the file and its "
          "directory, or pick another file with {}",
          path, msg, ledger_option(style)));
    }
    if (read_only && rc == SQLITE_CANTOPEN) {
      return Status::not_found(fmt::format(
          "no ledger at {} ({}): runs are recorded there by 'carbonscope run', or add one with "
          "'carbonscope runs import FILE.json'; pick another file with {}",
          path, msg, ledger_option(style)));
    }
    return Status::io_error(fmt::format(
        "cannot open the ledger {}: {}; check that its directory exists and is writable, or pick "
        "another file with {}",
        path, msg, ledger_option(style)));
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  if (!read_only) {
    // The writer's close still checkpoints the WAL into the database (so an immutable
    // reader sees every run), but keeps the -wal file instead of deleting it: the next
    // run then does not unlink, recreate and fsync it and its directory (2 of the 5
    // fsyncs of a recorded run, and the slowest metadata operations under I/O load).
    int persist = 1;
    sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  }
  if (read_only) {
    // A WAL ledger is read through its -shm file, which a reader creates if it is missing.
    // Where it cannot (read-only directory or file), the ledger is read as immutable: no
    // writer can be changing it there, since writers need the same files.
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (cannot_share_memory(rc)) {
      sqlite3_close(db);
      db = nullptr;
      rc = sqlite3_open_v2(file_uri(path, "?immutable=1").c_str(), &db,
                           SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
      if (rc != SQLITE_OK) {
        std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return Status::permission_denied(fmt::format(
            "cannot read the ledger {} ({}): check the permissions of the file and its directory", path, msg));
      }
      sqlite3_extended_result_codes(db, 1);
    }
  }
  return SqliteDb(db, path, busy_timeout_ms, style, files);
}

Result<SqliteDb> SqliteDb::open_empty(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close(db);
    return Status::io_error(fmt::format("cannot read the ledger {}: {}", path, sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(db, 1);
  return SqliteDb(db, path, 0, ArgStyle::kFlag, nullptr);
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept
    : db_(other.db_),
      path_(std::move(other.path_)),
      busy_timeout_ms_(other.busy_timeout_ms_),
      style_(other.style_),
      durable_commits_(other.durable_commits_),
      files_(other.files_) {
  other.db_ = nullptr;
}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
  if (this != &other) {
    if (db_ != nullptr) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    busy_timeout_ms_ = other.busy_timeout_ms_;
    style_ = other.style_;
    durable_commits_ = other.durable_commits_;
    files_ = other.files_;
  }
  return *this;
}

SqliteDb::~SqliteDb() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status SqliteDb::error(int rc, std::string_view what) const {
  const std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  if (disk_full(db_, rc)) {
    return Status::io_error(fmt::format(
        "disk full: the disk holding the ledger {} has no space left while {}; free some space "
        "(the ledger itself is intact) or pick another file with --ledger",
        path_, what));
  }
  if (open_denied(db_, rc)) {
    return Status::permission_denied(fmt::format(
        "cannot write the ledger {} ({}: {}) while {}: check the permissions of the file, of its -wal "
        "and -shm files and of its directory, or pick another file with {}",
        path_, detail, std::strerror(sqlite3_system_errno(db_)), what, ledger_option(style_, false)));
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::io_error(fmt::format(
          "the ledger {} is locked by another process (waited {} ms) while {}: retry when it "
          "finishes (find it with 'fuser {}'); nothing was changed",
          path_, busy_timeout_ms_, what, path_));
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::data_error(fmt::format(
          "the ledger {} is damaged or is not a carbonscope ledger ({}) while {}; it was left "
          "untouched: move it aside and carbonscope starts a new one, or salvage its rows with "
          "'sqlite3 {} .recover'",
          path_, detail, what, path_));
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return Status::permission_denied(fmt::format(
          "cannot write the ledger {} ({}) while {}: check the permissions of the file and its "
          "directory, or pick another file with {}",
          path_, detail, what, ledger_option(style_, false)));
    case SQLITE_FULL:
      return Status::io_error(fmt::format("the disk holding the ledger {} is full while {}", path_, what));
    case SQLITE_CONSTRAINT:
      return Status::failed_precondition(fmt::format("{}: {}", what, detail));
    default:
      return Status::io_error(fmt::format("ledger {}: {} while {}", path_, detail, what));
  }
}

Result<SqliteStmt> SqliteDb::prepare(std::string_view sql, std::string what) const {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return error(rc, what);
  }
  return SqliteStmt(this, stmt, std::move(what));
}

Status SqliteDb::exec(std::string_view sql, std::string_view what) const {
  const std::string s(sql);
  const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::ok_status() : error(rc, what);
}

Result<std::int64_t> SqliteDb::query_int(std::string_view sql, std::string_view what) const {
  CS_ASSIGN_OR_RETURN(SqliteStmt stmt, prepare(sql, std::string(what)));
  CS_ASSIGN_OR_RETURN(bool row, stmt.step());
  return row ? stmt.integer(0) : std::int64_t{0};
}

Result<std::string> SqliteDb::query_text(std::string_view sql, std::string_view what) const {
  CS_ASSIGN_OR_RETURN(SqliteStmt stmt, prepare(sql, std::string(what)));
  CS_ASSIGN_OR_RETURN(bool row, stmt.step());
  return row ? stmt.text(0) : std::string();
}

Status SqliteDb::enable_wal() {
  // Changing the journal mode needs the file to itself; another process creating or
  // migrating the same new ledger makes it fail with SQLITE_BUSY for a moment.
  const int kStepMs = 5;
  for (int waited = 0;; waited += kStepMs) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, "PRAGMA journal_mode=WAL", -1, &stmt, nullptr);
    std::string mode;
    if (rc == SQLITE_OK) {
      rc = sqlite3_step(stmt);
      if (rc == SQLITE_ROW) {
        const auto* p = sqlite3_column_text(stmt, 0);
        mode = p != nullptr ? reinterpret_cast<const char*>(p) : "";
        rc = SQLITE_OK;
      }
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_OK && mode == "wal") return Status::ok_status();
    const bool busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED || rc == SQLITE_OK;
    if (!busy || waited >= busy_timeout_ms_) {
      return rc == SQLITE_OK ? error(SQLITE_BUSY, "switching the ledger to WAL mode")
                             : error(rc, "switching the ledger to WAL mode");
    }
    sqlite3_sleep(kStepMs);
  }
}

std::int64_t SqliteDb::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

Result<SqliteTransaction> SqliteTransaction::begin(const SqliteDb& db, std::string_view what) {
  CS_RETURN_IF_ERROR(db.exec("BEGIN IMMEDIATE", what));
  return SqliteTransaction(&db);
}

SqliteTransaction::~SqliteTransaction() {
  if (db_ != nullptr) (void)db_->exec("ROLLBACK", "rolling back");
}

Status SqliteTransaction::commit(std::string_view what) {
  Status s = db_->exec("COMMIT", what);
  if (!s.ok()) return s;
  const SqliteDb* db = db_;
  db_ = nullptr;
  return db->durable_commits() ? db->make_durable(what) : s;
}

Status SqliteDb::make_durable(std::string_view what) const {
  int frames = -1, copied = -1;
  const int rc = sqlite3_wal_checkpoint_v2(db_, "main", SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
  // Every frame is in the database file and that file is synced (or it is not a WAL
  // database: a rollback journal syncs its commits at NORMAL).
  if (rc == SQLITE_OK && copied == frames) return Status::ok_status();
  const std::string wal = path_ + "-wal";
  const Status synced = (files_ != nullptr ? *files_ : system_file_writer()).sync(wal);
  if (synced.ok()) return synced;
  return Status::io_error(fmt::format("{}: committed, but the ledger's WAL could not be synced to disk ({}): a "
                                      "power loss could still undo it; check the disk",
                                      what, synced.message()));
}

}  // namespace carbonscope
