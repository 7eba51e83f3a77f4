// The ledger: opening and migrating, appending, listing, reading and removing runs.
#include "carbonscope/ledger.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "formats/json_text.h"
#include "store/ledger_dir.h"
#include "store/ledger_schema.h"
#include "formats/report_figures.h"
#include "formats/report_json.h"
#include "store/sqlite_db.h"

namespace carbonscope {
namespace {

constexpr char kTagSeparator = '\x1f';  // tags column: tags joined by the unit separator

std::string join_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& t : tags) {
    if (!out.empty()) out += kTagSeparator;
    out += t;
  }
  return out;
}

std::vector<std::string> split_tags(const std::string& joined) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t sep = joined.find(kTagSeparator, start);
    out.push_back(joined.substr(start, sep - start));
    if (sep == std::string::npos) return out;
    start = sep + 1;
  }
}

Status migrate(const SqliteDb& db, std::int64_t* version) {
  CS_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::begin(db, "upgrading the ledger schema"));
  // Read again under the write lock: another process may have migrated meanwhile.
  CS_ASSIGN_OR_RETURN(*version, db.query_int("PRAGMA user_version", "reading the schema version"));
  const int target = ledger_schema_version();
  if (*version >= target) return Status::ok_status();
  if (*version == 0) {
    CS_ASSIGN_OR_RETURN(std::int64_t tables,
                        db.query_int("SELECT count(*) FROM sqlite_master", "reading the schema"));
    if (tables != 0) {
      return Status::data_error(fmt::format(
          "{} is a SQLite database but not a carbonscope ledger (it has tables and no ledger "
          "schema version); it was left untouched: pick another file with {}",
          db.path(), ledger_option(db.style(), false)));
    }
  }
  const auto steps = ledger_migrations();
  for (auto i = static_cast<std::size_t>(*version); i < steps.size(); ++i) {
    CS_RETURN_IF_ERROR(db.exec(steps[i], fmt::format("upgrading the ledger schema to version {}", i + 1)));
  }
  CS_RETURN_IF_ERROR(db.exec(fmt::format("PRAGMA user_version = {}", target), "recording the schema version"));
  CS_RETURN_IF_ERROR(tx.commit("upgrading the ledger schema"));
  *version = target;
  return Status::ok_status();
}

constexpr const char* kSummaryColumns =
    "id, kind, project, tags, host, region, hardware, start_unix, end_unix, duration_s, "
    "exit_code, complete, energy_kwh, emissions_kg";

RunSummary summary_from(const SqliteStmt& s) {
  RunSummary r;
  r.id = s.text(0);
  r.kind = parse_run_kind(s.text(1)).value_or(RunKind::kRun);
  r.project = s.text(2);
  r.tags = split_tags(s.text(3));
  r.host = s.text(4);
  r.region = s.text(5);
  r.hardware = s.text(6);
  r.start_unix = s.real(7);
  r.end_unix = s.real(8);
  r.duration = Duration(s.real(9));
  if (!s.is_null(10)) r.exit_code = static_cast<int>(s.integer(10));
  r.complete = s.integer(11) != 0;
  r.energy = Energy::kwh(s.real(12));
  r.emissions = Emissions::kg(s.real(13));
  // NaN is stored as NULL; infinities and negatives stay as they were written.
  const auto sane = [&s](int column, double max) {
    const double v = s.real(column);
    return !s.is_null(column) && std::isfinite(v) && v >= 0 && v <= max;
  };
  if (!sane(9, kMaxRunSeconds)) r.problem = fmt::format("duration_s is {}", s.real(9));
  if (!sane(12, kMaxRunKwh)) r.problem = fmt::format("energy_kwh is {}", s.is_null(12) ? "NaN" : fmt::format("{}", s.real(12)));
  if (!sane(13, kMaxRunKg)) r.problem = fmt::format("emissions_kg is {}", s.is_null(13) ? "NaN" : fmt::format("{}", s.real(13)));
  return r;
}

// The runs `filter` selects, with `columns`, newest or oldest first.
Result<SqliteStmt> select_runs(const SqliteDb& db, const RunFilter& filter, std::string_view columns,
                                bool newest_first) {
  std::string sql = fmt::format("SELECT {} FROM runs r WHERE 1", columns);
  if (!filter.project.empty()) sql += " AND project = ?";
  if (filter.since_unix) sql += " AND start_unix >= ?";
  if (filter.until_unix) sql += " AND start_unix < ?";
  if (filter.complete) sql += " AND complete = ?";
  if (filter.kind) sql += " AND kind = ?";
  for (std::size_t i = 0; i < filter.tags.size(); ++i) {
    sql += " AND EXISTS (SELECT 1 FROM run_tags t WHERE t.tag = ? AND t.run_seq = r.seq)";
  }
  // The limit keeps the newest runs in either order.
  if (newest_first) {
    sql += " ORDER BY start_unix DESC, seq DESC";
    if (filter.limit > 0) sql += " LIMIT ?";
  } else if (filter.limit > 0) {
    sql = fmt::format("SELECT * FROM ({} ORDER BY start_unix DESC, seq DESC LIMIT ?) ORDER BY start_unix, seq", sql);
  } else {
    sql += " ORDER BY start_unix, seq";
  }
  CS_ASSIGN_OR_RETURN(auto q, db.prepare(sql, "listing runs"));
  int i = 1;
  if (!filter.project.empty()) q.bind(i++, filter.project);
  if (filter.since_unix) q.bind(i++, *filter.since_unix);
  if (filter.until_unix) q.bind(i++, *filter.until_unix);
  if (filter.complete) q.bind(i++, std::int64_t{*filter.complete ? 1 : 0});
  if (filter.kind) q.bind(i++, run_kind_name(*filter.kind));
  for (const std::string& tag : filter.tags) q.bind(i++, tag);
  if (filter.limit > 0) q.bind(i++, static_cast<std::int64_t>(filter.limit));
  return q;
}

}  // namespace

struct Ledger::Db {
  SqliteDb sqlite;
};

Ledger::Ledger(std::unique_ptr<Db> db, int version) : db_(std::move(db)), schema_version_(version) {}
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;
Ledger::~Ledger() = default;

const std::string& Ledger::path() const { return db_->sqlite.path(); }

namespace {

Status make_ledger_directory(const std::string& path, ArgStyle style) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec) {
    return Status::io_error(fmt::format("cannot create the ledger's directory {}: {}; pick another file with {}",
                                        parent.string(), ec.message(), ledger_option(style)));
  }
  return {};
}

}  // namespace

Status ensure_ledger_directory(const std::string& ledger_path, ArgStyle style) {
  CS_RETURN_IF_ERROR(make_ledger_directory(ledger_path, style));
  const std::filesystem::path parent = std::filesystem::path(ledger_path).parent_path();
  const std::string dir = parent.empty() ? "." : parent.string();
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    return Status::io_error(fmt::format("cannot create the ledger {}: its directory {} cannot be written ({}); pick "
                                        "another file with {}",
                                        ledger_path, dir, std::strerror(errno), ledger_option(style)));
  }
  return {};
}

Result<Ledger> Ledger::open(const std::string& path, Options options) {
  const bool read_only = options.mode == Mode::kReadOnly;
  if (!read_only) CS_RETURN_IF_ERROR(make_ledger_directory(path, options.style));
  CS_ASSIGN_OR_RETURN(SqliteDb db, SqliteDb::open(path, read_only, options.busy_timeout_ms, options.style));
  // Reading the header and schema first, in one statement (one snapshot, so a ledger
  // being created by another process is seen before or after, never half-made): a
  // damaged or foreign file fails here, before anything is written to it.
  std::int64_t version = 0;
  std::int64_t tables = 0;
  bool has_runs = false;
  {
    CS_ASSIGN_OR_RETURN(auto head, db.prepare("SELECT (SELECT user_version FROM pragma_user_version), "
                                              "(SELECT count(*) FROM sqlite_master), "
                                              "(SELECT count(*) FROM sqlite_master WHERE name = 'runs')",
                                              "reading the schema version"));
    CS_ASSIGN_OR_RETURN(bool row, head.step());
    if (row) {
      version = head.integer(0);
      tables = head.integer(1);
      has_runs = head.integer(2) != 0;
    }
  }  // the statement ends its read transaction here
  if ((version == 0 && tables != 0) || (version > 0 && !has_runs)) {
    return Status::data_error(fmt::format(
        "{} is a SQLite database but not a carbonscope ledger ({}); it was left untouched: pick "
        "another file with {}",
        path, ledger_option(options.style, true), version == 0 ? "it has tables and no ledger schema version" : "it has no runs table"));
  }
  if (read_only && version == 0) {
    // An empty file, or a ledger another process is creating right now (its schema is not
    // committed yet): it reads as an empty ledger.
    CS_ASSIGN_OR_RETURN(SqliteDb empty, SqliteDb::open_empty(path));
    for (std::string_view step : ledger_migrations()) CS_RETURN_IF_ERROR(empty.exec(step, "reading an empty ledger"));
    Ledger ledger(std::make_unique<Db>(Db{std::move(empty)}), ledger_schema_version());
    ledger.read_only_ = true;
    return ledger;
  }
  if (!read_only) {
    // Each commit is durable when commit() returns (SqliteDb::set_durable_commits), with
    // two syncs instead of FULL's four.
    CS_RETURN_IF_ERROR(db.exec("PRAGMA synchronous=NORMAL", "configuring the ledger"));
    db.set_durable_commits(true);
    if (version <= ledger_schema_version()) {
      CS_RETURN_IF_ERROR(db.enable_wal());
      if (version < ledger_schema_version()) CS_RETURN_IF_ERROR(migrate(db, &version));
    }
  }
  Ledger ledger(std::make_unique<Db>(Db{std::move(db)}), static_cast<int>(version));
  ledger.read_only_ = read_only;
  return ledger;
}

Status Ledger::check_writable(std::string_view what) const {
  if (schema_version_ > ledger_schema_version()) {
    return Status::failed_precondition(fmt::format(
        "cannot {}: the ledger {} has schema version {}, newer than this carbonscope knows ({}); "
        "it was written by a newer carbonscope and is left as it is: upgrade carbonscope, or "
        "record into another file with {} (reading it still works)",
        what, path(), schema_version_, ledger_schema_version(), ledger_option(db_->sqlite.style(), false)));
  }
  if (read_only_) {
    return Status::failed_precondition(fmt::format("cannot {}: the ledger {} was opened read-only", what, path()));
  }
  return Status::ok_status();
}

Status Ledger::append(const Report& report) { return append_runs({RunRecord{report, {}}}); }

Status Ledger::append_all(const std::vector<Report>& reports) {
  std::vector<RunRecord> runs;
  runs.reserve(reports.size());
  for (const Report& r : reports) runs.push_back({r, {}});
  return append_runs(runs);
}

Status Ledger::append_runs(const std::vector<RunRecord>& runs) {
  CS_RETURN_IF_ERROR(check_writable("record a run"));
  for (const RunRecord& r : runs) {
    if (!is_valid_run_id(r.report.run.id)) {
      return Status::invalid_argument(fmt::format(
          "run id '{}' is not valid: use 1 to 128 letters, digits or '-_.:'", r.report.run.id));
    }
    Status sane = check_report_figures(r.report);
    if (sane.ok()) sane = check_sample_figures(r.samples);
    if (!sane.ok()) {
      return sane.with_context(fmt::format("run {} was not recorded in the ledger {}", r.report.run.id, path()));
    }
  }
  CS_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::begin(db_->sqlite, "recording a run"));
  for (const RunRecord& r : runs) CS_RETURN_IF_ERROR(insert_run(r));
  return tx.commit("recording a run");
}

Status Ledger::insert_run(const RunRecord& record) {
  const Report& report = record.report;
  const std::vector<PowerSample>& samples = record.samples;
  const RunInfo run = with_utf8_text(report.run);  // the columns match the report JSON
  CS_ASSIGN_OR_RETURN(auto existing, db_->sqlite.prepare("SELECT 1 FROM runs WHERE id = ?", "recording a run"));
  // The run's id, then the ids an earlier carbonscope gave the same run.
  for (std::size_t k = 0; k <= record.earlier_ids.size(); ++k) {
    const std::string& id = k == 0 ? run.id : record.earlier_ids[k - 1];
    CS_RETURN_IF_ERROR(existing.reset());
    existing.bind(1, id);
    CS_ASSIGN_OR_RETURN(bool exists, existing.step());
    if (exists) {
      return Status::failed_precondition(fmt::format(
          "run {} is already in the ledger {}{}: remove it first with 'carbonscope runs rm {}'", run.id, path(),
          k == 0 ? "" : fmt::format(" as {}, the id an earlier carbonscope gave it", id), id));
    }
  }
  CS_ASSIGN_OR_RETURN(auto insert, db_->sqlite.prepare(
      "INSERT INTO runs (id, kind, project, tags, host, region, hardware, start_unix, end_unix, "
      "duration_s, exit_code, complete, energy_kwh, emissions_kg, recorded_unix) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      "recording a run"));
  insert.bind(1, run.id).bind(2, run_kind_name(run.kind)).bind(3, run.project).bind(4, join_tags(run.tags));
  insert.bind(5, run.host).bind(6, run.region).bind(7, hardware_summary(run));
  insert.bind(8, run.start_unix).bind(9, run.end_unix).bind(10, run.duration.count());
  if (run.exit_code) {
    insert.bind(11, std::int64_t{*run.exit_code});
  } else {
    insert.bind_null(11);
  }
  insert.bind(12, std::int64_t{run.complete ? 1 : 0});
  insert.bind(13, report.footprint.it_energy.central.kwh());
  insert.bind(14, report.footprint.emissions.central.kg());
  insert.bind(15, static_cast<double>(std::time(nullptr)));
  CS_RETURN_IF_ERROR(insert.run());
  const std::int64_t seq = db_->sqlite.last_insert_rowid();
  CS_ASSIGN_OR_RETURN(auto json, db_->sqlite.prepare("INSERT INTO reports (run_seq, report) VALUES (?, ?)",
                                             "recording a run"));
  json.bind(1, seq).bind(2, json_text(to_json(report)));
  CS_RETURN_IF_ERROR(json.run());
  CS_ASSIGN_OR_RETURN(auto tag, db_->sqlite.prepare("INSERT OR IGNORE INTO run_tags (tag, run_seq) VALUES (?, ?)",
                                            "recording a run's tags"));
  for (const std::string& t : run.tags) {
    CS_RETURN_IF_ERROR(tag.reset());
    tag.bind(1, t).bind(2, seq);
    CS_RETURN_IF_ERROR(tag.run());
  }
  if (samples.empty()) return Status::ok_status();
  CS_ASSIGN_OR_RETURN(auto point, db_->sqlite.prepare(
      "INSERT INTO samples (run_seq, t_s, component, power_w, energy_j) VALUES (?, ?, ?, ?, ?)",
      "recording samples"));
  for (const PowerSample& s : samples) {
    CS_RETURN_IF_ERROR(point.reset());
    point.bind(1, seq).bind(2, s.t_s).bind(3, s.component).bind(4, s.power.watts());
    if (s.energy) {
      point.bind(5, s.energy->joules());
    } else {
      point.bind_null(5);
    }
    CS_RETURN_IF_ERROR(point.run());
  }
  return Status::ok_status();
}

Result<std::int64_t> Ledger::seq_of(std::string_view id) const {
  CS_ASSIGN_OR_RETURN(auto q, db_->sqlite.prepare("SELECT seq FROM runs WHERE id = ?", "looking up a run"));
  q.bind(1, id);
  CS_ASSIGN_OR_RETURN(bool found, q.step());
  if (!found) {
    return Status::not_found(fmt::format("no run '{}' in the ledger {}: see 'carbonscope runs list'", id, path()));
  }
  return q.integer(0);
}

Status Ledger::append_samples(std::string_view run_id, const std::vector<PowerSample>& samples) {
  CS_RETURN_IF_ERROR(check_writable("record samples"));
  CS_RETURN_IF_ERROR(check_sample_figures(samples));
  CS_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::begin(db_->sqlite, "recording samples"));
  CS_ASSIGN_OR_RETURN(std::int64_t seq, seq_of(run_id));
  CS_ASSIGN_OR_RETURN(auto insert, db_->sqlite.prepare(
      "INSERT INTO samples (run_seq, t_s, component, power_w, energy_j) VALUES (?, ?, ?, ?, ?)",
      "recording samples"));
  for (const PowerSample& s : samples) {
    insert.bind(1, seq).bind(2, s.t_s).bind(3, s.component).bind(4, s.power.watts());
    if (s.energy) {
      insert.bind(5, s.energy->joules());
    } else {
      insert.bind_null(5);
    }
    CS_RETURN_IF_ERROR(insert.run());
    CS_RETURN_IF_ERROR(insert.reset());
  }
  return tx.commit("recording samples");
}


Status Ledger::visit(const RunFilter& filter, const std::function<void(const RunSummary&)>& fn) const {
  CS_ASSIGN_OR_RETURN(auto q, select_runs(db_->sqlite, filter, kSummaryColumns, /*newest_first=*/true));
  for (;;) {
    CS_ASSIGN_OR_RETURN(bool row, q.step());
    if (!row) return Status::ok_status();
    fn(summary_from(q));
  }
}

Result<std::pair<std::size_t, std::size_t>> Ledger::id_and_project_widths(const RunFilter& filter) const {
  RunFilter all = filter;
  all.limit = 0;
  CS_ASSIGN_OR_RETURN(auto q, select_runs(db_->sqlite, all, "max(length(id)), max(length(project))",
                                          /*newest_first=*/true));
  CS_ASSIGN_OR_RETURN(bool row, q.step());
  if (!row) return std::pair<std::size_t, std::size_t>{0, 0};
  return std::pair{static_cast<std::size_t>(q.integer(0)), static_cast<std::size_t>(q.integer(1))};
}

Result<std::vector<RunSummary>> Ledger::list(const RunFilter& filter) const {
  std::vector<RunSummary> out;
  if (filter.limit > 0) out.reserve(std::min<std::size_t>(filter.limit, 4096));
  CS_RETURN_IF_ERROR(visit(filter, [&out](const RunSummary& r) { out.push_back(r); }));
  return out;
}

Result<std::vector<Report>> Ledger::reports(const RunFilter& filter) const {
  CS_ASSIGN_OR_RETURN(auto q, select_runs(db_->sqlite, filter, "seq, start_unix, id, "
                                              "(SELECT report FROM reports WHERE run_seq = r.seq)",
                                      /*newest_first=*/false));
  std::vector<Report> out;
  for (;;) {
    CS_ASSIGN_OR_RETURN(bool row, q.step());
    if (!row) break;
    Result<Report> report = decode(q.text(2), q.text(3));
    if (!report.ok()) {
      warnings_.push_back(fmt::format("skipped {} ({}): fix it with 'carbonscope runs rm {}' and import a "
                                      "corrected report", q.text(2), report.status().message(), q.text(2)));
      continue;
    }
    out.push_back(std::move(report).value());
  }
  return out;
}

Result<Report> Ledger::decode(const std::string& id, const std::string& json_text) const {
  const auto j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return Status::data_error(fmt::format("run {} in the ledger {} holds malformed JSON", id, path()));
  }
  Result<Report> report = report_from_json(j);
  if (report.ok()) {
    Status sane = check_report_figures(*report);
    if (!sane.ok()) report = sane;
  }
  if (!report.ok()) return report.status().with_context(fmt::format("run {} in the ledger {}", id, path()));
  return report;
}

Result<std::string> Ledger::resolve(std::string_view id) const {
  if (id == "last") {
    CS_ASSIGN_OR_RETURN(std::string last, db_->sqlite.query_text(
        "SELECT id FROM runs ORDER BY start_unix DESC, seq DESC LIMIT 1", "finding the last run"));
    if (last.empty()) return Status::not_found(fmt::format("the ledger {} has no runs yet", path()));
    return last;
  }
  if (!is_valid_run_id(id)) {
    return Status::invalid_argument(fmt::format(
        "'{}' is not a run id: ids are 1 to 128 letters, digits or '-_.:' (or use 'last')", id));
  }
  CS_ASSIGN_OR_RETURN(auto q, db_->sqlite.prepare(
      "SELECT id FROM runs WHERE id = ?1 UNION ALL "
      "SELECT id FROM runs WHERE substr(id, 1, length(?1)) = ?1 AND id <> ?1 LIMIT 6",
      "looking up a run"));
  q.bind(1, id);
  std::vector<std::string> matches;
  for (;;) {
    CS_ASSIGN_OR_RETURN(bool row, q.step());
    if (!row) break;
    matches.push_back(q.text(0));
    if (matches.front() == id) return matches.front();
  }
  if (matches.empty()) {
    return Status::not_found(fmt::format("no run '{}' in the ledger {}: see 'carbonscope runs list'", id, path()));
  }
  if (matches.size() > 1) {
    return Status::ambiguous(fmt::format("'{}' matches several runs ({}, ...): give more of the id",
                                         id, fmt::join(matches, ", ")));
  }
  return matches.front();
}

Result<Report> Ledger::get(std::string_view id) const {
  CS_ASSIGN_OR_RETURN(std::string full, resolve(id));
  CS_ASSIGN_OR_RETURN(auto q, db_->sqlite.prepare(
      "SELECT p.report FROM runs r JOIN reports p ON p.run_seq = r.seq WHERE r.id = ?", "reading a run"));
  q.bind(1, full);
  CS_ASSIGN_OR_RETURN(bool found, q.step());
  if (!found) return Status::not_found(fmt::format("run {} was removed meanwhile", full));
  return decode(full, q.text(0));
}

Result<std::vector<PowerSample>> Ledger::samples(std::string_view id) const {
  std::vector<PowerSample> out;
  if (schema_version_ < 2) return out;  // no series before schema 2
  CS_ASSIGN_OR_RETURN(std::string full, resolve(id));
  CS_ASSIGN_OR_RETURN(std::int64_t seq, seq_of(full));
  CS_ASSIGN_OR_RETURN(auto q, db_->sqlite.prepare(
      "SELECT t_s, component, power_w, energy_j FROM samples WHERE run_seq = ? ORDER BY t_s, rowid",
      "reading samples"));
  q.bind(1, seq);
  for (;;) {
    CS_ASSIGN_OR_RETURN(bool row, q.step());
    if (!row) break;
    PowerSample s{q.real(0), q.text(1), Power::watts(q.real(2)), std::nullopt};
    if (!q.is_null(3)) s.energy = Energy::joules(q.real(3));
    out.push_back(std::move(s));
  }
  return out;
}

Status Ledger::remove(std::string_view id) {
  CS_RETURN_IF_ERROR(check_writable("remove a run"));
  if (!is_valid_run_id(id)) return Status::invalid_argument(fmt::format("'{}' is not a run id", id));
  CS_ASSIGN_OR_RETURN(SqliteTransaction tx, SqliteTransaction::begin(db_->sqlite, "removing a run"));
  CS_ASSIGN_OR_RETURN(std::int64_t seq, seq_of(id));
  for (const char* sql : {"DELETE FROM samples WHERE run_seq = ?", "DELETE FROM run_tags WHERE run_seq = ?",
                          "DELETE FROM reports WHERE run_seq = ?", "DELETE FROM runs WHERE seq = ?"}) {
    CS_ASSIGN_OR_RETURN(auto del, db_->sqlite.prepare(sql, "removing a run"));
    del.bind(1, seq);
    CS_RETURN_IF_ERROR(del.run());
  }
  return tx.commit("removing a run");
}

Result<std::int64_t> Ledger::count() const {
  return db_->sqlite.query_int("SELECT count(*) FROM runs", "counting runs");
}

Result<std::vector<ProjectTotal>> Ledger::project_totals() const {
  CS_ASSIGN_OR_RETURN(auto q, db_->sqlite.prepare(
      // Runs with absurd stored figures (older carbonscope) count as runs but add nothing.
      "SELECT project, count(*), total(duration_s), total(energy_kwh), total(emissions_kg), "
      "min(start_unix), max(start_unix) FROM (SELECT project, start_unix, "
      "CASE WHEN duration_s BETWEEN 0 AND ?1 THEN duration_s END AS duration_s, "
      "CASE WHEN energy_kwh BETWEEN 0 AND ?2 THEN energy_kwh END AS energy_kwh, "
      "CASE WHEN emissions_kg BETWEEN 0 AND ?3 THEN emissions_kg END AS emissions_kg FROM runs) "
      "GROUP BY project ORDER BY total(emissions_kg) DESC, project",
      "totalling projects"));
  q.bind(1, kMaxRunSeconds).bind(2, kMaxRunKwh).bind(3, kMaxRunKg);
  std::vector<ProjectTotal> out;
  for (;;) {
    CS_ASSIGN_OR_RETURN(bool row, q.step());
    if (!row) break;
    out.push_back({q.text(0), q.integer(1), Duration(q.real(2)), Energy::kwh(q.real(3)), Emissions::kg(q.real(4)),
                   q.real(5), q.real(6)});
  }
  return out;
}

Status record_report(const Report& report, const std::string& ledger_path,
                     const std::vector<PowerSample>& samples, ArgStyle style) {
  Ledger::Options options;
  options.style = style;
  CS_ASSIGN_OR_RETURN(Ledger ledger, Ledger::open(ledger_path, options));
  return ledger.append_runs({RunRecord{report, samples}});
}

std::string default_ledger_path(const char* carbonscope_ledger, const char* xdg_data_home, const char* home) {
  auto set = [](const char* v) { return v != nullptr && *v != '\0'; };
  if (set(carbonscope_ledger)) return carbonscope_ledger;
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  if (set(xdg_data_home) && xdg_data_home[0] == '/') return fmt::format("{}/carbonscope/ledger.db", xdg_data_home);
  if (set(home)) return fmt::format("{}/.local/share/carbonscope/ledger.db", home);
  return "carbonscope-ledger.db";
}

}  // namespace carbonscope
