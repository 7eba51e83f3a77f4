// The ledger's Slurm table: one row per job with its figures and its steps (a compact
// JSON array, each step keyed by its id within the job), keyed by (cluster, job) so
// that importing the same jobs again changes nothing, and a job imported while running
// is updated once it has ended. One row per job, not per step, keeps a million-job
// import within seconds (docs/performance.md). The table lives in the ledger file
// beside the runs (created on first import), written in batches of one transaction.
// Its rowid is the job's integer key (slurm_key.h, slurm_store_schema.cc); a table of
// the first layout (a WITHOUT ROWID table keyed by the text) is migrated on opening.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "carbonscope/status.h"
#include "cluster/job_model.h"
#include "cluster/slurm_job.h"
#include "store/sqlite_db.h"

namespace carbonscope::cluster {

struct ImportCounts {
  std::int64_t added = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
};

// What `slurm report` groups and filters by.
enum class GroupBy { kUser, kAccount, kPartition, kState, kCluster };
Result<GroupBy> parse_group_by(std::string_view text);
std::string_view group_by_name(GroupBy g);

struct JobQuery {
  std::optional<double> since_unix, until_unix;  // on the job's end (start, submit if unfinished)
  std::string cluster, user, account, partition;
};

struct GroupTotal {
  std::string key;
  std::int64_t jobs = 0, measured_jobs = 0, wasted_jobs = 0, unfinished_jobs = 0;
  double cpu_j = 0, gpu_j = 0, ram_j = 0, measured_j = 0;
  Range<double> energy_j, kg;
  double wasted_j = 0, wasted_kg = 0;
  double core_hours = 0, gpu_hours = 0;
  double first_unix = 0, last_unix = 0;
};

// A job as stored, for `slurm job`.
struct StoredJob {
  SlurmJob job;
  JobFigures figures;
};

// Steps as stored:
// [["batch","COMPLETED",elapsed_s,total_cpu_s,ncpus,nnodes,"nodes",energy_j|null,max_rss_mb|null],...]
void encode_steps(const std::vector<SlurmStep>& steps, std::string& out);

class SlurmStore {
 public:
  // Opens the tables in the ledger at `path` (creating them when writing).
  static Result<SlurmStore> open(const std::string& path, bool write);

  // Writing: add() jobs between begin() and commit(); each add is one upsert per row.
  Status begin();
  Status add(const SlurmJob& job, const JobFigures& f);
  // The same with the steps already encoded (encode_steps), e.g. on another thread.
  Status add(const SlurmJob& job, const JobFigures& f, std::string_view steps_json);
  Status commit();
  Status rollback();  // the open batch only: committed batches stay
  const ImportCounts& counts() const { return counts_; }
  Result<std::int64_t> job_count() const;

  // Reading.
  Result<std::vector<GroupTotal>> totals(const JobQuery& q, GroupBy by) const;
  // The stored job of `cluster` (any cluster when empty) with id `job`.
  Result<std::optional<StoredJob>> find(const std::string& cluster, const std::string& job) const;

 private:
  explicit SlurmStore(SqliteDb db, bool keyed) : db_(std::move(db)), keyed_(keyed) {}
  // slurm_store_schema.cc: the tables, the first layout's migration, the row keys.
  static Status create_tables(const SqliteDb& db);
  static Result<bool> has_keyed_layout(const SqliteDb& db);
  Status migrate_text_keyed();
  Status prepare_upsert();
  Status copy_rows_from(std::string_view table);  // every job of `table` (same columns), added
  Result<std::int64_t> cluster_id(const std::string& cluster);
  void forget_cluster_ids();
  Result<std::int64_t> row_key(const std::string& cluster, const std::string& job);
  Result<std::optional<std::int64_t>> find_key(std::int64_t cluster_id, const std::string& cluster,
                                               const std::string& job) const;
  Result<std::optional<StoredJob>> find_text_keyed(const std::string& cluster, const std::string& job) const;

  // The upsert, kept raw: add() binds text without copies and never clears bindings.
  struct UpsertStmt {
    sqlite3_stmt* stmt = nullptr;
    UpsertStmt() = default;
    UpsertStmt(UpsertStmt&& o) noexcept : stmt(std::exchange(o.stmt, nullptr)) {}
    UpsertStmt& operator=(UpsertStmt&&) = delete;
    ~UpsertStmt();
  };
  SqliteDb db_;  // declared first: the statement is finalized before the connection closes
  UpsertStmt job_stmt_;
  std::string steps_text_;
  ImportCounts counts_;
  bool in_tx_ = false;
  bool keyed_ = true;  // false: a read-only ledger of the first layout (found by its text)
  // Cluster name -> slurm_clusters id, of committed rows or the open transaction's
  // (cleared on rollback); the last one looked up is kept apart, as jobs come in runs.
  std::map<std::string, std::int64_t, std::less<>> cluster_ids_;
  std::string last_cluster_;
  std::int64_t last_cluster_id_ = 0;
};

}  // namespace carbonscope::cluster
