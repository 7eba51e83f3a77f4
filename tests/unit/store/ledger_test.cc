// The ledger stores, filters, reads back and removes runs; migrates old schemas; and
// refuses damaged, foreign, locked and newer files without changing them.
#include "carbonscope/ledger.h"

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/ledger_schema.h"
#include "formats/report_json.h"
#include "support/test_reports.h"

namespace carbonscope {
namespace {

using test::measured_run;
using test::temp_path;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void raw_sql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

TEST(Ledger, AppendsListsAndReadsBack) {
  auto ledger = Ledger::open(temp_path("l.db"));
  ASSERT_TRUE(ledger.ok()) << ledger.status().to_string();
  EXPECT_EQ(ledger->schema_version(), ledger_schema_version());
  ASSERT_TRUE(ledger->append(measured_run("run-a", "p1", 1000)).ok());
  Report b = measured_run("run-b", "p2", 2000);
  b.run.tags = {"x", "y"};
  b.run.complete = false;
  b.run.kind = RunKind::kEstimate;
  ASSERT_TRUE(ledger->append(b).ok());

  auto all = ledger->list({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, "run-b");  // newest first
  EXPECT_EQ((*all)[0].tags, (std::vector<std::string>{"x", "y"}));
  EXPECT_NEAR((*all)[1].energy.kwh(), 0.4, 1e-12);
  EXPECT_EQ((*all)[1].hardware, "NVIDIA A100-SXM4-40GB; AMD EPYC 7763");

  RunFilter f;
  f.project = "p1";
  EXPECT_EQ(ledger->list(f)->size(), 1u);
  f = {};
  f.tags = {"x"};
  EXPECT_EQ(ledger->list(f)->at(0).id, "run-b");
  f.tags = {"x", "baseline"};
  EXPECT_TRUE(ledger->list(f)->empty());
  f = {};
  f.complete = true;
  EXPECT_EQ(ledger->list(f)->at(0).id, "run-a");
  f = {};
  f.kind = RunKind::kEstimate;
  EXPECT_EQ(ledger->list(f)->size(), 1u);
  f = {};
  f.since_unix = 1500;
  EXPECT_EQ(ledger->list(f)->at(0).id, "run-b");
  f = {};
  f.until_unix = 1500;
  EXPECT_EQ(ledger->list(f)->at(0).id, "run-a");
  f = {};
  f.limit = 1;
  EXPECT_EQ(ledger->list(f)->size(), 1u);

  auto got = ledger->get("run-a");
  ASSERT_TRUE(got.ok()) << got.status().to_string();
  EXPECT_EQ(to_json(*got), to_json(measured_run("run-a", "p1", 1000)));
  EXPECT_EQ(*ledger->resolve("last"), "run-b");
  EXPECT_EQ(ledger->resolve("run").status().code(), StatusCode::kAmbiguous);
  EXPECT_EQ(*ledger->resolve("run-a"), "run-a");
  EXPECT_EQ(ledger->get("nope").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ledger->get("../etc").status().code(), StatusCode::kInvalidArgument);
}

TEST(Ledger, RefusesDuplicateAndInvalidIds) {
  auto ledger = Ledger::open(temp_path("l.db"));
  ASSERT_TRUE(ledger->append(measured_run("r1", "p", 1)).ok());
  const Status dup = ledger->append(measured_run("r1", "p", 1));
  EXPECT_EQ(dup.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(dup.message().find("runs rm r1"), std::string::npos);
  EXPECT_EQ(ledger->append(measured_run("a b", "p", 1)).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ledger->append(measured_run("", "p", 1)).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*ledger->count(), 1);
}

TEST(Ledger, StoresSamplesAndRemovesRuns) {
  auto ledger = Ledger::open(temp_path("l.db"));
  ASSERT_TRUE(ledger->append(measured_run("r1", "p", 1)).ok());
  ASSERT_TRUE(ledger->append(measured_run("r2", "p", 2)).ok());
  std::vector<PowerSample> series = {{0, "gpu", Power::watts(100), std::nullopt},
                                     {1, "gpu", Power::watts(200), Energy::joules(150)},
                                     {1, "cpu", Power::watts(50), std::nullopt}};
  ASSERT_TRUE(ledger->append_samples("r1", series).ok());
  auto back = ledger->samples("r1");
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 3u);
  EXPECT_EQ((*back)[1].power.watts(), 200);
  EXPECT_EQ((*back)[1].energy->joules(), 150);
  EXPECT_FALSE((*back)[0].energy.has_value());
  EXPECT_EQ(ledger->append_samples("zz", series).code(), StatusCode::kNotFound);

  ASSERT_TRUE(ledger->remove("r1").ok());
  EXPECT_EQ(ledger->get("r1").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ledger->remove("r1").code(), StatusCode::kNotFound);
  EXPECT_EQ(*ledger->count(), 1);
}

TEST(Ledger, RecordReportCreatesTheDirectory) {
  const std::string path = temp_path("deep/er/ledger.db");
  ASSERT_TRUE(record_report(measured_run("r1", "p", 1), path, {{0, "gpu", Power::watts(1), std::nullopt}}).ok());
  auto ledger = Ledger::open(path, {Ledger::Mode::kReadOnly, 1000});
  ASSERT_TRUE(ledger.ok());
  EXPECT_EQ(ledger->samples("r1")->size(), 1u);
  EXPECT_EQ(ledger->append(measured_run("r2", "p", 1)).code(), StatusCode::kFailedPrecondition);
}

TEST(Ledger, ReadOnlyOpenOfAMissingFileSaysHowToCreateOne) {
  auto ledger = Ledger::open(temp_path("none.db"), {Ledger::Mode::kReadOnly, 1000});
  EXPECT_EQ(ledger.status().code(), StatusCode::kNotFound);
  EXPECT_NE(ledger.status().message().find("runs import"), std::string::npos);
}

TEST(Ledger, DefaultPathFollowsXdg) {
  EXPECT_EQ(default_ledger_path("/x/l.db", "/data", "/home/u"), "/x/l.db");
  EXPECT_EQ(default_ledger_path(nullptr, "/data", "/home/u"), "/data/carbonscope/ledger.db");
  EXPECT_EQ(default_ledger_path("", "relative", "/home/u"), "/home/u/.local/share/carbonscope/ledger.db");
  EXPECT_EQ(default_ledger_path(nullptr, nullptr, "/home/u"), "/home/u/.local/share/carbonscope/ledger.db");
}

TEST(LedgerMigration, UpgradesAVersion1LedgerKeepingItsRows) {
  const std::string path = temp_path("v1.db");
  const std::string json = to_json(measured_run("old", "p", 5)).dump();
  raw_sql(path, std::string(ledger_migrations()[0]) +
                    "INSERT INTO runs (id, kind, project, tags, host, region, hardware, start_unix, "
                    "end_unix, duration_s, exit_code, complete, energy_kwh, emissions_kg, recorded_unix) "
                    "VALUES ('old', 'run', 'p', 'baseline', 'h', 'FR', '', 5, 3605, 3600, 0, 1, 0.4, 0.02, 0); "
                    "INSERT INTO reports VALUES (last_insert_rowid(), '" + json + "'); "
                    "INSERT INTO run_tags VALUES ('baseline', 1); PRAGMA user_version = 1;");
  {
    auto ro = Ledger::open(path, {Ledger::Mode::kReadOnly, 1000});
    ASSERT_TRUE(ro.ok());
    EXPECT_EQ(ro->schema_version(), 1);
    EXPECT_TRUE(ro->samples("old")->empty());  // no series table yet
  }
  auto ledger = Ledger::open(path);
  ASSERT_TRUE(ledger.ok()) << ledger.status().to_string();
  EXPECT_EQ(ledger->schema_version(), ledger_schema_version());
  EXPECT_EQ(ledger->get("old")->run.project, "p");
  EXPECT_TRUE(ledger->append_samples("old", {{0, "cpu", Power::watts(3), std::nullopt}}).ok());
}

TEST(LedgerCorruption, NewerSchemaIsReadableButNotWritable) {
  const std::string path = temp_path("new.db");
  ASSERT_TRUE(record_report(measured_run("r1", "p", 1), path).ok());
  raw_sql(path, "PRAGMA user_version = 99;");
  auto ledger = Ledger::open(path);
  ASSERT_TRUE(ledger.ok());
  EXPECT_EQ(ledger->get("r1")->run.id, "r1");
  const Status s = ledger->append(measured_run("r2", "p", 1));
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("schema version 99"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("upgrade carbonscope"), std::string::npos);
  EXPECT_EQ(ledger->remove("r1").code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*ledger->count(), 1);
}

TEST(LedgerCorruption, GarbageFileIsRefusedAndLeftUntouched) {
  const std::string path = temp_path("garbage.db");
  std::string garbage(8192, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
  { std::ofstream(path, std::ios::binary) << garbage; }
  auto ledger = Ledger::open(path);
  ASSERT_FALSE(ledger.ok());
  EXPECT_EQ(ledger.status().code(), StatusCode::kDataError);
  EXPECT_NE(ledger.status().message().find("left untouched"), std::string::npos) << ledger.status().message();
  EXPECT_EQ(slurp(path), garbage);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(LedgerCorruption, ForeignSqliteDatabaseIsRefused) {
  const std::string path = temp_path("foreign.db");
  raw_sql(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  auto ledger = Ledger::open(path);
  ASSERT_FALSE(ledger.ok());
  EXPECT_NE(ledger.status().message().find("not a carbonscope ledger"), std::string::npos);
}

TEST(LedgerCorruption, TruncatedFileGivesAClearErrorAndKeepsItsBytes) {
  const std::string path = temp_path("trunc.db");
  {
    auto ledger = Ledger::open(path);
    for (int i = 0; i < 300; ++i) ASSERT_TRUE(ledger->append(measured_run(fmt::format("r{}", i), "p", i)).ok());
  }
  raw_sql(path, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;");
  const std::string full = slurp(path);
  ASSERT_GT(full.size(), 40000u);
  const std::string cut = full.substr(0, full.size() / 2);
  { std::ofstream(path, std::ios::binary | std::ios::trunc) << cut; }
  auto ledger = Ledger::open(path);
  Status s = ledger.status();
  if (ledger.ok()) {
    // The header survived: the damage shows when pages past the cut are read.
    s = ledger->list({}).status();
    if (s.ok()) s = ledger->append(measured_run("new", "p", 1));
  }
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kDataError) << s.to_string();
  EXPECT_NE(s.message().find("damaged"), std::string::npos) << s.message();
  EXPECT_EQ(slurp(path), cut);
}

TEST(LedgerCorruption, LockedLedgerTimesOutWithAClearErrorAndLosesNothing) {
  const std::string path = temp_path("locked.db");
  ASSERT_TRUE(record_report(measured_run("r1", "p", 1), path).ok());
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto ledger = Ledger::open(path, {Ledger::Mode::kReadWrite, 200});
  Status s = ledger.status();
  if (ledger.ok()) s = ledger->append(measured_run("r2", "p", 2));
  EXPECT_EQ(s.code(), StatusCode::kIoError);
  EXPECT_NE(s.message().find("locked by another process"), std::string::npos) << s.message();
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  auto after = Ledger::open(path);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after->count(), 1);
  EXPECT_TRUE(after->append(measured_run("r2", "p", 2)).ok());
}

// The number of runs a raw connection sees (-1 when the query fails).
int count_runs(sqlite3* db) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM runs", -1, &st, nullptr) != SQLITE_OK) return -1;
  const int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
  sqlite3_finalize(st);
  return n;
}

TEST(LedgerDurability, ACommitIsInTheDatabaseFileBeforeTheWriterCloses) {
  // Commits are synced at commit time (a checkpoint into the database file), not by the
  // writer's close: a reader that ignores the WAL (immutable, as for a read-only
  // directory) sees the run while the writer is still open.
  const std::string path = temp_path("durable.db");
  auto ledger = Ledger::open(path);
  ASSERT_TRUE(ledger.ok()) << ledger.status().to_string();
  ASSERT_TRUE(ledger->append(measured_run("r1", "p", 1)).ok());
  ASSERT_TRUE(ledger->append(measured_run("r2", "p", 2)).ok());
  sqlite3* immutable = nullptr;
  ASSERT_EQ(sqlite3_open_v2(("file:" + path + "?immutable=1").c_str(), &immutable,
                            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr),
            SQLITE_OK);
  EXPECT_EQ(count_runs(immutable), 2);
  sqlite3_close(immutable);
}

TEST(LedgerDurability, AReaderHoldingASnapshotDoesNotFailTheCommit) {
  // A reader's snapshot keeps the checkpoint from copying the new frames: the commit is
  // then synced in the -wal file instead, and reads the same once the reader is done.
  const std::string path = temp_path("durable-reader.db");
  ASSERT_TRUE(record_report(measured_run("r1", "p", 1), path).ok());
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &reader), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
  ASSERT_EQ(count_runs(reader), 1);  // the snapshot is taken
  {
    auto ledger = Ledger::open(path);
    ASSERT_TRUE(ledger.ok()) << ledger.status().to_string();
    const Status st = ledger->append(measured_run("r2", "p", 2));
    EXPECT_TRUE(st.ok()) << st.to_string();
    EXPECT_EQ(*ledger->count(), 2);
  }
  EXPECT_EQ(count_runs(reader), 1);  // its snapshot still
  sqlite3_exec(reader, "COMMIT", nullptr, nullptr, nullptr);
  EXPECT_EQ(count_runs(reader), 2);
  sqlite3_close(reader);
}

}  // namespace
}  // namespace carbonscope
