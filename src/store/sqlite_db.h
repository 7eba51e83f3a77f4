// A thin RAII layer over the SQLite C API for the ledger: a connection, prepared
// statements with bind/step/column helpers, and the translation of SQLite result
// codes into Status messages that say how to fix the problem (locked, damaged, ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "carbonscope/parse.h"
#include "carbonscope/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace carbonscope {

class FileWriter;
class SqliteDb;

// How a remedy names the option that picks another ledger: "--ledger or
// CARBONSCOPE_LEDGER" (or "--ledger" without the variable) for the CLI, "ledger=" for Python.
std::string ledger_option(ArgStyle style, bool with_variable = true);

class SqliteStmt {
 public:
  SqliteStmt(SqliteStmt&& other) noexcept;
  SqliteStmt& operator=(SqliteStmt&&) = delete;
  ~SqliteStmt();

  SqliteStmt& bind(int index, std::string_view text);
  SqliteStmt& bind(int index, double value);
  SqliteStmt& bind(int index, std::int64_t value);
  SqliteStmt& bind_null(int index);
  // true: a row is ready; false: done. Errors become a Status naming `what_`.
  Result<bool> step();
  Status run();  // steps to completion
  Status reset();  // clears the last run so the statement can run again

  std::string text(int column) const;
  double real(int column) const;
  std::int64_t integer(int column) const;
  bool is_null(int column) const;

 private:
  friend class SqliteDb;
  SqliteStmt(const SqliteDb* db, sqlite3_stmt* stmt, std::string what);
  const SqliteDb* db_;
  sqlite3_stmt* stmt_;
  std::string what_;
};

class SqliteDb {
 public:
  // Opens (read-only, or read-write creating the file) without touching its contents.
  // `style` says how remedies name the ledger option (ledger_option).
  static Result<SqliteDb> open(const std::string& path, bool read_only, int busy_timeout_ms,
                               ArgStyle style = ArgStyle::kFlag);
  // An empty in-memory database that names `path` in its messages (an empty ledger).
  static Result<SqliteDb> open_empty(const std::string& path);
  SqliteDb(SqliteDb&& other) noexcept;
  SqliteDb& operator=(SqliteDb&& other) noexcept;
  ~SqliteDb();

  // `what` names the operation in error messages ("listing runs").
  Result<SqliteStmt> prepare(std::string_view sql, std::string what) const;
  Status exec(std::string_view sql, std::string_view what) const;
  Result<std::int64_t> query_int(std::string_view sql, std::string_view what) const;
  Result<std::string> query_text(std::string_view sql, std::string_view what) const;

  // The Status for SQLite result code `rc`, with advice for the common failures.
  Status error(int rc, std::string_view what) const;
  // Switches to WAL journaling, waiting out other connections that hold the file.
  Status enable_wal();
  // For a WAL database at synchronous=NORMAL (a commit is not synced): every commit of
  // a SqliteTransaction is then made durable before commit() returns, by a passive
  // checkpoint (the WAL synced, copied into the database, the database synced: the
  // syncs the writer's close did anyway) or, when a reader keeps frames from being
  // copied, a sync of the -wal file. Two syncs per commit instead of FULL's four (the
  // WAL header after each checkpoint, the commit, then the close's checkpoint).
  void set_durable_commits(bool on) { durable_commits_ = on; }
  Status make_durable(std::string_view what) const;
  bool durable_commits() const { return durable_commits_; }
  std::int64_t last_insert_rowid() const;
  const std::string& path() const { return path_; }
  int busy_timeout_ms() const { return busy_timeout_ms_; }
  ArgStyle style() const { return style_; }
  sqlite3* handle() const { return db_; }

 private:
  SqliteDb(sqlite3* db, std::string path, int busy_timeout_ms, ArgStyle style, FileWriter* files)
      : db_(db), path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms), style_(style), files_(files) {}
  sqlite3* db_ = nullptr;
  std::string path_;
  int busy_timeout_ms_ = 0;
  ArgStyle style_ = ArgStyle::kFlag;
  bool durable_commits_ = false;
  FileWriter* files_ = nullptr;  // a writer's: what its files write through (store/sqlite_vfs.h)
};

// A write transaction taken with BEGIN IMMEDIATE (so concurrent writers queue on the
// busy timeout instead of failing on upgrade); rolled back unless committed.
class SqliteTransaction {
 public:
  static Result<SqliteTransaction> begin(const SqliteDb& db, std::string_view what);
  SqliteTransaction(SqliteTransaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  ~SqliteTransaction();
  Status commit(std::string_view what);

 private:
  explicit SqliteTransaction(const SqliteDb* db) : db_(db) {}
  const SqliteDb* db_;
};

}  // namespace carbonscope
