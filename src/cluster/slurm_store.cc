// The slurm_jobs / slurm_steps tables: schema, batched upserts, grouped totals.
#include "cluster/slurm_store.h"

#include <sqlite3.h>

#include <cmath>
#include <iterator>

#include <fmt/format.h>

#include "carbonscope/ledger.h"

namespace carbonscope::cluster {
namespace {

constexpr const char* kJobColumns =
    "cluster, job, name, user, account, partition, state, state_class, nodes, submit_unix, start_unix, "
    "end_unix, "
    "elapsed_s, ncpus, nnodes, gpus, gpu_type, mem_mb, total_cpu_s, measured, cpu_j, gpu_j, ram_j, energy_j, "
    "energy_low_j, energy_high_j, emissions_kg, emissions_low_kg, emissions_high_kg, steps";

// INSERT ... ON CONFLICT DO UPDATE ... WHERE something differs: an unchanged row is
// not written at all (sqlite3_changes() == 0).
std::string upsert(std::string_view table, std::string_view columns, std::string_view key,
                   std::initializer_list<std::string_view> compared) {
  std::vector<std::string> cols;
  for (std::string_view rest = columns;;) {
    const auto comma = rest.find(',');
    std::string_view c = rest.substr(0, comma);
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    cols.emplace_back(c);
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  std::string values, sets, differs;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    values += fmt::format("{}?{}", i ? "," : "", i + 1);
    sets += fmt::format("{}{} = excluded.{}", i ? ", " : "", cols[i], cols[i]);
  }
  for (std::string_view c : compared) {
    differs += fmt::format("{}{}.{} IS NOT excluded.{}", differs.empty() ? "" : " OR ", table, c, c);
  }
  return fmt::format("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}) DO UPDATE SET {} WHERE {}", table,
                     columns, values, key, sets, differs);
}

// Binds the next parameter at each call: b(x)(y)(z). Text is bound without a copy
// (SQLITE_STATIC): the job outlives the statement's run, which copies it into the row.
struct Binder {
  sqlite3_stmt* s;
  int i = 0;
  Binder& operator()(std::string_view v) {
    sqlite3_bind_text(s, ++i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
    return *this;
  }
  Binder& operator()(const std::string& v) { return (*this)(std::string_view(v)); }
  Binder& operator()(double v) {
    sqlite3_bind_double(s, ++i, v);
    return *this;
  }
  Binder& operator()(std::int64_t v) {
    sqlite3_bind_int64(s, ++i, v);
    return *this;
  }
  Binder& operator()(const std::optional<double>& v) {
    if (v) return (*this)(*v);
    sqlite3_bind_null(s, ++i);
    return *this;
  }
};

}  // namespace

namespace {

// A number as fmt's "{}" writes it, without parsing a format string per value: whole
// numbers below 1e15 (elapsed seconds, counts: nearly all of them) as integers, which
// is what "{}" prints for them too, so stored steps compare equal across versions.
void append_number(std::string& out, double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15 && !std::signbit(v)) {
    const fmt::format_int digits(static_cast<std::int64_t>(v));
    out.append(digits.data(), digits.size());
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", v);
}

void append_text(std::string& out, const std::string& t) {
  out += '"';
  for (char c : t) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  out += '"';
}

}  // namespace

void encode_steps(const std::vector<SlurmStep>& steps, std::string& out) {
  out += '[';
  const auto opt = [&out](const std::optional<double>& v) {
    if (v) {
      out += ',';
      append_number(out, *v);
    } else {
      out += ",null";
    }
  };
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const SlurmStep& p = steps[i];
    if (i) out += ',';
    out += '[';
    append_text(out, p.step);
    out += ',';
    append_text(out, p.state);
    for (const double v :
         {p.elapsed_s, p.total_cpu_s, static_cast<double>(p.ncpus), static_cast<double>(p.nnodes)}) {
      out += ',';
      append_number(out, v);
    }
    out += ',';
    append_text(out, p.nodes);
    opt(p.energy_j);
    opt(p.max_rss_mb);
    out += ']';
  }
  out += ']';
}

Result<GroupBy> parse_group_by(std::string_view t) {
  if (t == "user") return GroupBy::kUser;
  if (t == "account") return GroupBy::kAccount;
  if (t == "partition") return GroupBy::kPartition;
  if (t == "state") return GroupBy::kState;
  if (t == "cluster") return GroupBy::kCluster;
  return Status::invalid_argument(
      fmt::format("--by '{}': use user, account, partition, state or cluster", t));
}

std::string_view group_by_name(GroupBy g) {
  switch (g) {
    case GroupBy::kUser:
      return "user";
    case GroupBy::kAccount:
      return "account";
    case GroupBy::kPartition:
      return "partition";
    case GroupBy::kState:
      return "state";
    case GroupBy::kCluster:
      return "cluster";
  }
  return "user";
}

Result<SlurmStore> SlurmStore::open(const std::string& path, bool write) {
  if (write) {
    // The ledger itself first: created and migrated as every writer does.
    CS_ASSIGN_OR_RETURN(Ledger ledger, Ledger::open(path));
  }
  CS_ASSIGN_OR_RETURN(SqliteDb db, SqliteDb::open(path, !write, 15000));
  if (write) {
    CS_RETURN_IF_ERROR(db.exec("PRAGMA journal_mode=WAL", "configuring the ledger"));
    // A crash mid-import loses at most the open batch; the ledger itself stays sound.
    CS_RETURN_IF_ERROR(db.exec("PRAGMA synchronous=NORMAL", "configuring the ledger"));
    CS_RETURN_IF_ERROR(db.exec("PRAGMA cache_size=-32768", "configuring the ledger"));
    CS_ASSIGN_OR_RETURN(const bool keyed, has_keyed_layout(db));
    SlurmStore store(std::move(db), true);
    if (keyed) {
      CS_RETURN_IF_ERROR(create_tables(store.db_));
    } else {
      CS_RETURN_IF_ERROR(store.migrate_text_keyed());
    }
    return store;
  }
  CS_ASSIGN_OR_RETURN(std::int64_t n,
                      db.query_int("SELECT count(*) FROM sqlite_master WHERE name = 'slurm_jobs'",
                                   "reading the ledger's Slurm tables"));
  if (n == 0) {
    return Status::not_found(
        fmt::format("the ledger {} has no Slurm jobs: import them first with 'carbonscope "
                    "slurm import' (see docs/clusters.md)",
                    path));
  }
  CS_ASSIGN_OR_RETURN(const bool keyed, has_keyed_layout(db));
  return SlurmStore(std::move(db), keyed);
}

SlurmStore::UpsertStmt::~UpsertStmt() { sqlite3_finalize(stmt); }

Status SlurmStore::prepare_upsert() {
  if (job_stmt_.stmt == nullptr) {
    const std::string sql = upsert("slurm_jobs", fmt::format("id, {}", kJobColumns), "id",
                                   {"state", "end_unix", "elapsed_s", "total_cpu_s", "energy_j",
                                    "emissions_kg", "energy_high_j", "nodes", "gpus", "steps"});
    const int rc = sqlite3_prepare_v3(db_.handle(), sql.c_str(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &job_stmt_.stmt, nullptr);
    if (rc != SQLITE_OK) return db_.error(rc, "recording Slurm jobs");
  }
  return Status::ok_status();
}

Status SlurmStore::begin() {
  CS_RETURN_IF_ERROR(prepare_upsert());
  CS_RETURN_IF_ERROR(db_.exec("BEGIN IMMEDIATE", "recording Slurm jobs"));
  in_tx_ = true;
  return Status::ok_status();
}

Status SlurmStore::add(const SlurmJob& j, const JobFigures& f) {
  steps_text_.clear();
  encode_steps(j.steps, steps_text_);
  return add(j, f, steps_text_);
}

Status SlurmStore::add(const SlurmJob& j, const JobFigures& f, std::string_view steps_json) {
  CS_ASSIGN_OR_RETURN(const std::int64_t key, row_key(j.cluster, j.job));
  // One statement, prepared once, every parameter bound again (no clearing), no copies.
  Binder b{job_stmt_.stmt};
  b(key)(j.cluster)(j.job)(j.name)(j.user)(j.account)(j.partition)(j.state)(
      static_cast<std::int64_t>(f.state_class));
  b(j.nodes)(j.submit_unix)(j.start_unix)(j.end_unix)(j.elapsed_s)(static_cast<std::int64_t>(j.ncpus));
  b(static_cast<std::int64_t>(j.nnodes))(j.gpus)(j.gpu_type)(j.mem_mb)(j.total_cpu_s);
  b(static_cast<std::int64_t>(f.measured ? 1 : 0))(f.cpu_j)(f.gpu_j)(f.ram_j);
  b(f.it_j.central)(f.it_j.low)(f.it_j.high)(f.kg.central)(f.kg.low)(f.kg.high);
  b(steps_json);
  const int rc = sqlite3_step(job_stmt_.stmt);
  sqlite3_reset(job_stmt_.stmt);
  if (rc != SQLITE_DONE) return db_.error(rc, "recording Slurm jobs");
  if (sqlite3_changes(db_.handle()) == 0) {
    ++counts_.unchanged;  // nothing about the job moved: its steps did not either
    return Status::ok_status();
  }
  ++counts_.updated;  // split into added / updated by the import from the row counts
  return Status::ok_status();
}

Status SlurmStore::commit() {
  if (!in_tx_) return Status::ok_status();
  in_tx_ = false;
  Status s = db_.exec("COMMIT", "recording Slurm jobs");
  if (!s.ok()) forget_cluster_ids();  // the transaction's may not have been kept
  return s;
}

void SlurmStore::forget_cluster_ids() {
  cluster_ids_.clear();
  last_cluster_.clear();
  last_cluster_id_ = 0;
}

Status SlurmStore::rollback() {
  if (!in_tx_) return Status::ok_status();
  in_tx_ = false;
  forget_cluster_ids();  // ids the open transaction gave are gone with it
  return db_.exec("ROLLBACK", "rolling back the open batch of Slurm jobs");
}

Result<std::int64_t> SlurmStore::job_count() const {
  return db_.query_int("SELECT count(*) FROM slurm_jobs", "counting Slurm jobs");
}

Result<std::vector<GroupTotal>> SlurmStore::totals(const JobQuery& q, GroupBy by) const {
  const std::string key = by == GroupBy::kUser        ? "user"
                          : by == GroupBy::kAccount   ? "account"
                          : by == GroupBy::kPartition ? "partition"
                          : by == GroupBy::kState     ? "state"
                                                      : "cluster";
  const std::string when = "COALESCE(end_unix, start_unix, submit_unix)";
  std::string where = "1";
  if (q.since_unix) where += fmt::format(" AND {} >= ?1", when);
  if (q.until_unix) where += fmt::format(" AND {} < ?2", when);
  if (!q.cluster.empty()) where += " AND cluster = ?3";
  if (!q.user.empty()) where += " AND user = ?4";
  if (!q.account.empty()) where += " AND account = ?5";
  if (!q.partition.empty()) where += " AND partition = ?6";
  const std::string sql = fmt::format(
      "SELECT {0}, count(*), sum(measured), sum(state_class = 1), sum(state_class = 2), sum(cpu_j), "
      "sum(gpu_j), "
      "sum(ram_j), sum(CASE WHEN measured THEN energy_j ELSE 0 END), sum(energy_j), sum(energy_low_j), "
      "sum(energy_high_j), sum(emissions_kg), sum(emissions_low_kg), sum(emissions_high_kg), "
      "sum(CASE WHEN state_class = 1 THEN energy_j ELSE 0 END), sum(CASE WHEN state_class = 1 THEN "
      "emissions_kg ELSE 0 END), "
      "sum(elapsed_s * ncpus) / 3600.0, sum(elapsed_s * gpus) / 3600.0, min({1}), max({1}) "
      "FROM slurm_jobs WHERE {2} GROUP BY {0} ORDER BY sum(emissions_kg) DESC, {0}",
      key, when, where);
  CS_ASSIGN_OR_RETURN(SqliteStmt s, db_.prepare(sql, "totalling Slurm jobs"));
  if (q.since_unix) s.bind(1, *q.since_unix);
  if (q.until_unix) s.bind(2, *q.until_unix);
  if (!q.cluster.empty()) s.bind(3, q.cluster);
  if (!q.user.empty()) s.bind(4, q.user);
  if (!q.account.empty()) s.bind(5, q.account);
  if (!q.partition.empty()) s.bind(6, q.partition);
  std::vector<GroupTotal> out;
  for (;;) {
    CS_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) break;
    GroupTotal g;
    int c = 0;
    g.key = s.text(c++);
    g.jobs = s.integer(c++);
    g.measured_jobs = s.integer(c++);
    g.wasted_jobs = s.integer(c++);
    g.unfinished_jobs = s.integer(c++);
    g.cpu_j = s.real(c++);
    g.gpu_j = s.real(c++);
    g.ram_j = s.real(c++);
    g.measured_j = s.real(c++);
    g.energy_j.central = s.real(c++);
    g.energy_j.low = s.real(c++);
    g.energy_j.high = s.real(c++);
    g.kg.central = s.real(c++);
    g.kg.low = s.real(c++);
    g.kg.high = s.real(c++);
    g.wasted_j = s.real(c++);
    g.wasted_kg = s.real(c++);
    g.core_hours = s.real(c++);
    g.gpu_hours = s.real(c++);
    g.first_unix = s.real(c++);
    g.last_unix = s.real(c++);
    out.push_back(std::move(g));
  }
  return out;
}

namespace {

// A row of kJobColumns, from its first column.
StoredJob read_job(const SqliteStmt& s) {
  StoredJob r;
  SlurmJob& j = r.job;
  JobFigures& f = r.figures;
  int c = 0;
  j.cluster = s.text(c++);
  j.job = s.text(c++);
  j.name = s.text(c++);
  j.user = s.text(c++);
  j.account = s.text(c++);
  j.partition = s.text(c++);
  j.state = s.text(c++);
  f.state_class = static_cast<StateClass>(s.integer(c++));
  j.nodes = s.text(c++);
  const auto opt = [&s](int col) {
    return s.is_null(col) ? std::optional<double>() : std::optional<double>(s.real(col));
  };
  j.submit_unix = opt(c++);
  j.start_unix = opt(c++);
  j.end_unix = opt(c++);
  j.elapsed_s = s.real(c++);
  j.ncpus = static_cast<int>(s.integer(c++));
  j.nnodes = static_cast<int>(s.integer(c++));
  j.gpus = s.integer(c++);
  j.gpu_type = s.text(c++);
  j.mem_mb = s.real(c++);
  j.total_cpu_s = opt(c++);
  f.measured = s.integer(c++) != 0;
  f.cpu_j = s.real(c++);
  f.gpu_j = s.real(c++);
  f.ram_j = s.real(c++);
  f.it_j = {s.real(c), s.real(c + 1), s.real(c + 2)};
  c += 3;
  f.kg = {s.real(c), s.real(c + 1), s.real(c + 2)};
  return r;
}

constexpr int kStepsColumn = 29;  // of kJobColumns

}  // namespace

Result<std::optional<StoredJob>> SlurmStore::find(const std::string& cluster, const std::string& job) const {
  if (!keyed_) return find_text_keyed(cluster, job);
  CS_ASSIGN_OR_RETURN(SqliteStmt clusters,
                      db_.prepare("SELECT id, name FROM slurm_clusters WHERE ?1 = '' OR name = ?1 ORDER BY name",
                                  "reading a Slurm job"));
  clusters.bind(1, cluster);
  CS_ASSIGN_OR_RETURN(SqliteStmt row, db_.prepare(fmt::format("SELECT {} FROM slurm_jobs WHERE id = ?1", kJobColumns),
                                                  "reading a Slurm job"));
  for (;;) {
    CS_ASSIGN_OR_RETURN(bool more, clusters.step());
    if (!more) return std::optional<StoredJob>();
    CS_ASSIGN_OR_RETURN(const std::optional<std::int64_t> key,
                        find_key(clusters.integer(0), clusters.text(1), job));
    if (!key) continue;
    CS_RETURN_IF_ERROR(row.reset());
    row.bind(1, *key);
    CS_ASSIGN_OR_RETURN(bool found, row.step());
    if (found) return std::optional<StoredJob>(read_job(row));
  }
}

// The first layout, read-only (a writer migrates it): found by its text key.
Result<std::optional<StoredJob>> SlurmStore::find_text_keyed(const std::string& cluster,
                                                             const std::string& job) const {
  CS_ASSIGN_OR_RETURN(SqliteStmt s,
                      db_.prepare(fmt::format("SELECT {} FROM slurm_jobs WHERE job = ?1 AND (?2 = '' OR "
                                              "cluster = ?2) ORDER BY cluster LIMIT 1",
                                              kJobColumns),
                                  "reading a Slurm job"));
  s.bind(1, job).bind(2, cluster);
  CS_ASSIGN_OR_RETURN(bool row, s.step());
  if (!row) return std::optional<StoredJob>();
  return std::optional<StoredJob>(read_job(s));
}

// Every job of another table with the same columns (the first layout's), through add().
Status SlurmStore::copy_rows_from(std::string_view table) {
  CS_ASSIGN_OR_RETURN(SqliteStmt s, db_.prepare(fmt::format("SELECT {} FROM {}", kJobColumns, table),
                                                "migrating the ledger's Slurm jobs"));
  for (;;) {
    CS_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return Status::ok_status();
    const StoredJob r = read_job(s);
    CS_RETURN_IF_ERROR(add(r.job, r.figures, s.text(kStepsColumn)));
  }
}

}  // namespace carbonscope::cluster
