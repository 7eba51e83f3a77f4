// PRAGMA integrity_check of a SQLite file, read-only: "ok" for a whole database, else
// SQLite's first complaint (or "cannot open").
#pragma once

#include <sqlite3.h>

#include <string>

namespace carbonscope::test {

inline std::string integrity_check(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out = "cannot open";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, nullptr) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
    }
    sqlite3_finalize(q);
  }
  sqlite3_close(db);
  return out;
}

}  // namespace carbonscope::test
