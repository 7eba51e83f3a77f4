// Ledger schema, version by version.
#include "store/ledger_schema.h"

namespace carbonscope {
namespace {

constexpr std::string_view kMigrations[] = {
    // 1: runs with their metadata columns (kept small so listing scans few pages), the
    // full report JSON beside them, and tags for filtering.
    R"sql(
CREATE TABLE runs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  project TEXT NOT NULL,
  tags TEXT NOT NULL,
  host TEXT NOT NULL,
  region TEXT NOT NULL,
  hardware TEXT NOT NULL,
  start_unix REAL NOT NULL,
  end_unix REAL NOT NULL,
  duration_s REAL NOT NULL,
  exit_code INTEGER,
  complete INTEGER NOT NULL,
  energy_kwh REAL NOT NULL,
  emissions_kg REAL NOT NULL,
  recorded_unix REAL NOT NULL
);
CREATE TABLE reports (
  run_seq INTEGER PRIMARY KEY,
  report TEXT NOT NULL
);
CREATE INDEX runs_by_start ON runs(start_unix, seq);
CREATE INDEX runs_by_project ON runs(project, start_unix);
CREATE TABLE run_tags (
  tag TEXT NOT NULL,
  run_seq INTEGER NOT NULL,
  PRIMARY KEY (tag, run_seq)
) WITHOUT ROWID;
)sql",
    // 2: the sampled power series of each run.
    R"sql(
CREATE TABLE samples (
  run_seq INTEGER NOT NULL,
  t_s REAL NOT NULL,
  component TEXT NOT NULL,
  power_w REAL NOT NULL,
  energy_j REAL
);
CREATE INDEX samples_by_run ON samples(run_seq, t_s);
)sql",
};

}  // namespace

std::span<const std::string_view> ledger_migrations() { return kMigrations; }
int ledger_schema_version() { return static_cast<int>(std::size(kMigrations)); }

}  // namespace carbonscope
