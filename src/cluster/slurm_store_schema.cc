// The Slurm tables' layout, the migration from the first one, and the jobs' row keys.
//
// Layout 2 (this one): slurm_jobs is a rowid table whose rowid `id` is the job's
// integer key (slurm_key.h); slurm_clusters numbers the clusters for those keys and
// slurm_job_keys gives negative keys to the ids without a packed form. Layout 1 (until
// 2026-12) was a WITHOUT ROWID table keyed by (cluster, job) as text, with the same
// columns; opening a ledger of that layout for writing copies its jobs into layout 2
// in one transaction (a crash leaves layout 1 whole), so a re-import of the same dump
// afterwards changes nothing.
#include <sqlite3.h>

#include <fmt/format.h>

#include "cluster/slurm_key.h"
#include "cluster/slurm_store.h"

namespace carbonscope::cluster {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS slurm_clusters (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS slurm_job_keys (
  n INTEGER PRIMARY KEY, cluster TEXT NOT NULL, job TEXT NOT NULL, UNIQUE (cluster, job));
CREATE TABLE IF NOT EXISTS slurm_jobs (
  id INTEGER PRIMARY KEY,
  cluster TEXT NOT NULL, job TEXT NOT NULL, name TEXT NOT NULL, user TEXT NOT NULL, account TEXT NOT NULL,
  partition TEXT NOT NULL, state TEXT NOT NULL, state_class INTEGER NOT NULL, nodes TEXT NOT NULL,
  submit_unix REAL, start_unix REAL, end_unix REAL, elapsed_s REAL NOT NULL, ncpus INTEGER NOT NULL,
  nnodes INTEGER NOT NULL, gpus INTEGER NOT NULL, gpu_type TEXT NOT NULL, mem_mb REAL NOT NULL, total_cpu_s REAL,
  measured INTEGER NOT NULL, cpu_j REAL NOT NULL, gpu_j REAL NOT NULL, ram_j REAL NOT NULL,
  energy_j REAL NOT NULL, energy_low_j REAL NOT NULL, energy_high_j REAL NOT NULL,
  emissions_kg REAL NOT NULL, emissions_low_kg REAL NOT NULL, emissions_high_kg REAL NOT NULL,
  steps TEXT NOT NULL
);
)sql";

constexpr std::string_view kWhat = "migrating the ledger's Slurm jobs to the integer-keyed layout";

}  // namespace

Status SlurmStore::create_tables(const SqliteDb& db) {
  return db.exec(kSchema, "creating the ledger's Slurm tables");
}

// True for layout 2 or no Slurm table yet; false for layout 1.
Result<bool> SlurmStore::has_keyed_layout(const SqliteDb& db) {
  CS_ASSIGN_OR_RETURN(const std::int64_t tables,
                      db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'slurm_jobs'",
                                   "reading the ledger's Slurm tables"));
  if (tables == 0) return true;
  CS_ASSIGN_OR_RETURN(const std::int64_t id,
                      db.query_int("SELECT count(*) FROM pragma_table_info('slurm_jobs') WHERE name = 'id'",
                                   "reading the ledger's Slurm tables"));
  return id == 1;
}

Status SlurmStore::migrate_text_keyed() {
  CS_RETURN_IF_ERROR(db_.exec("BEGIN IMMEDIATE", kWhat));
  in_tx_ = true;
  // Another writer may have migrated it while this one waited for the lock.
  Result<bool> keyed = has_keyed_layout(db_);
  Status s = keyed.ok() ? Status::ok_status() : keyed.status();
  if (s.ok() && !*keyed) {
    s = db_.exec("ALTER TABLE slurm_jobs RENAME TO slurm_jobs_layout1", kWhat);
    if (s.ok()) s = create_tables(db_);
    if (s.ok()) s = prepare_upsert();
    if (s.ok()) s = copy_rows_from("slurm_jobs_layout1");
    if (s.ok()) s = db_.exec("DROP TABLE slurm_jobs_layout1", kWhat);
  } else if (s.ok()) {
    s = create_tables(db_);
  }
  if (!s.ok()) {
    (void)rollback();
    return s;
  }
  counts_ = {};
  return commit();
}

Result<std::int64_t> SlurmStore::cluster_id(const std::string& cluster) {
  if (last_cluster_id_ != 0 && cluster == last_cluster_) return last_cluster_id_;
  auto it = cluster_ids_.find(cluster);
  if (it == cluster_ids_.end()) {
    CS_ASSIGN_OR_RETURN(SqliteStmt find, db_.prepare("SELECT id FROM slurm_clusters WHERE name = ?1",
                                                     "numbering the Slurm clusters"));
    find.bind(1, cluster);
    CS_ASSIGN_OR_RETURN(const bool found, find.step());
    std::int64_t id = 0;
    if (found) {
      id = find.integer(0);
    } else {
      CS_ASSIGN_OR_RETURN(SqliteStmt add, db_.prepare("INSERT INTO slurm_clusters (name) VALUES (?1)",
                                                      "numbering the Slurm clusters"));
      CS_RETURN_IF_ERROR(add.bind(1, cluster).run());
      id = db_.last_insert_rowid();
    }
    it = cluster_ids_.emplace(cluster, id).first;
  }
  last_cluster_ = cluster;
  last_cluster_id_ = it->second;
  return it->second;
}

Result<std::optional<std::int64_t>> SlurmStore::find_key(std::int64_t cluster_id, const std::string& cluster,
                                                         const std::string& job) const {
  if (const std::optional<std::int64_t> key = job_row_key(cluster_id, job)) return key;
  CS_ASSIGN_OR_RETURN(SqliteStmt s, db_.prepare("SELECT n FROM slurm_job_keys WHERE cluster = ?1 AND job = ?2",
                                                "reading the Slurm job keys"));
  s.bind(1, cluster).bind(2, job);
  CS_ASSIGN_OR_RETURN(const bool found, s.step());
  if (!found) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(-s.integer(0));
}

Result<std::int64_t> SlurmStore::row_key(const std::string& cluster, const std::string& job) {
  CS_ASSIGN_OR_RETURN(const std::int64_t id, cluster_id(cluster));
  CS_ASSIGN_OR_RETURN(const std::optional<std::int64_t> key, find_key(id, cluster, job));
  if (key) return *key;
  CS_ASSIGN_OR_RETURN(SqliteStmt add, db_.prepare("INSERT INTO slurm_job_keys (cluster, job) VALUES (?1, ?2)",
                                                  "recording a Slurm job key"));
  CS_RETURN_IF_ERROR(add.bind(1, cluster).bind(2, job).run());
  return -db_.last_insert_rowid();
}

}  // namespace carbonscope::cluster
