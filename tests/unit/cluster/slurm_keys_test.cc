// The ledger's integer job keys (cluster/slurm_key.h) and the migration of a ledger of
// the first, text-keyed layout: every job, step and total kept, re-import adds nothing.
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "carbonscope/ledger.h"
#include "cluster/cluster_config.h"
#include "cluster/slurm_import.h"
#include "cluster/slurm_key.h"
#include "store/sqlite_db.h"
#include "support/scratch_dir.h"

namespace carbonscope::cluster {
namespace {

const std::string kSlurm = std::string(CARBONSCOPE_FIXTURES) + "/slurm/";

TEST(SlurmKey, PacksPlainArrayAndHeterogeneousIdsApart) {
  EXPECT_EQ(packed_job_key("10"), std::int64_t{10} << 24);
  EXPECT_EQ(packed_job_key("10_1"), (std::int64_t{10} << 24) | (1 << 22) | 1);
  EXPECT_EQ(packed_job_key("10+1"), (std::int64_t{10} << 24) | (2 << 22) | 1);
  EXPECT_EQ(packed_job_key("0"), 0);
  EXPECT_EQ(packed_job_key("4294967295_4194303"), (std::int64_t{4294967295} << 24) | (1 << 22) | 4194303);
  std::set<std::int64_t> keys;
  int n = 0;
  for (int base = 1; base <= 40; ++base) {
    for (const char* form : {"", "_", "+"}) {
      for (int tail = 0; tail <= (*form != 0 ? 40 : 0); ++tail, ++n) {
        const std::string id = *form != 0 ? fmt::format("{}{}{}", base, form, tail) : fmt::format("{}", base);
        keys.insert(job_row_key(1 + base % 3, id).value());
      }
    }
  }
  EXPECT_EQ(keys.size(), static_cast<std::size_t>(n));  // no two ids share a key
  EXPECT_EQ(job_row_key(127, "4294967295_4194303"),
            (std::int64_t{127} << 56) | (std::int64_t{4294967295} << 24) | (1 << 22) | 4194303);
  EXPECT_GT(*job_row_key(127, "4294967295_4194303"), 0);
}

TEST(SlurmKey, OtherIdsHaveNoPackedForm) {
  // Each would collide with another id or overflow its field: they take slurm_job_keys.
  for (const char* odd : {"", "x", "010", "10_01", "10_", "10+", "_1", "10_[2-5%1]", "4294967296", "12_4194304",
                          "10.batch", "10_1_2", "10_1+2", "-1", "10 ", "99999999999"}) {
    EXPECT_FALSE(packed_job_key(odd).has_value()) << odd;
  }
  EXPECT_FALSE(job_row_key(0, "10").has_value());
  EXPECT_FALSE(job_row_key(128, "10").has_value());
}

class SlurmLayout : public ::testing::Test {
 protected:
  // The fixture ledger's times were read in UTC (sacct writes local times).
  void SetUp() override {
    if (const char* tz = std::getenv("TZ")) saved_tz_ = tz;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  void TearDown() override {
    if (saved_tz_) {
      setenv("TZ", saved_tz_->c_str(), 1);
    } else {
      unsetenv("TZ");
    }
    tzset();
  }
  std::optional<std::string> saved_tz_;
  JobModel model() {
    ClusterConfig c = load_cluster_config(kSlurm + "cluster.toml").value();
    return JobModel::build(DataSet::builtin().value(), c).value();
  }
  ImportSummary import(const std::string& ledger, std::istream& in) {
    JobModel m = model();
    SlurmStore store = SlurmStore::open(ledger, true).value();
    return import_sacct(in, "in", {}, m, store).value();
  }
  ImportSummary import_file(const std::string& ledger, const std::string& file) {
    std::ifstream in(file);
    return import(ledger, in);
  }
  test::ScratchDir dir_{"slurm_layout"};
};

struct Snapshot {
  std::vector<std::pair<std::string, std::string>> ids;  // (cluster, job), in text order
  std::vector<StoredJob> jobs;
  std::vector<std::string> steps;
  std::vector<std::vector<GroupTotal>> totals;
};

Snapshot snapshot(const std::string& ledger) {
  Snapshot s;
  {
    SqliteDb db = SqliteDb::open(ledger, true, 1000).value();
    SqliteStmt q = db.prepare("SELECT cluster, job, steps FROM slurm_jobs ORDER BY cluster, job", "test").value();
    while (q.step().value()) {
      s.ids.emplace_back(q.text(0), q.text(1));
      s.steps.push_back(q.text(2));
    }
  }
  const SlurmStore store = SlurmStore::open(ledger, false).value();
  for (const auto& [cluster, job] : s.ids) {
    const std::optional<StoredJob> j = store.find(cluster, job).value();
    EXPECT_TRUE(j.has_value()) << cluster << " " << job;
    if (j) s.jobs.push_back(*j);
  }
  for (const GroupBy by :
       {GroupBy::kUser, GroupBy::kAccount, GroupBy::kPartition, GroupBy::kState, GroupBy::kCluster}) {
    s.totals.push_back(store.totals({}, by).value());
  }
  return s;
}

void expect_same(const Snapshot& a, const Snapshot& b) {
  ASSERT_EQ(a.ids, b.ids);
  EXPECT_EQ(a.steps, b.steps);
  ASSERT_EQ(a.jobs.size(), b.jobs.size());
  for (std::size_t i = 0; i < a.jobs.size(); ++i) {
    const SlurmJob &x = a.jobs[i].job, &y = b.jobs[i].job;
    const JobFigures &f = a.jobs[i].figures, &g = b.jobs[i].figures;
    EXPECT_EQ(std::tie(x.cluster, x.job, x.name, x.user, x.account, x.partition, x.state, x.nodes, x.gpu_type),
              std::tie(y.cluster, y.job, y.name, y.user, y.account, y.partition, y.state, y.nodes, y.gpu_type));
    EXPECT_EQ(std::tie(x.submit_unix, x.start_unix, x.end_unix, x.elapsed_s, x.ncpus, x.nnodes, x.gpus, x.mem_mb,
                       x.total_cpu_s),
              std::tie(y.submit_unix, y.start_unix, y.end_unix, y.elapsed_s, y.ncpus, y.nnodes, y.gpus, y.mem_mb,
                       y.total_cpu_s))
        << x.job;
    EXPECT_EQ(std::tie(f.measured, f.cpu_j, f.gpu_j, f.ram_j, f.it_j.central, f.it_j.low, f.it_j.high,
                       f.kg.central, f.kg.low, f.kg.high, f.state_class),
              std::tie(g.measured, g.cpu_j, g.gpu_j, g.ram_j, g.it_j.central, g.it_j.low, g.it_j.high,
                       g.kg.central, g.kg.low, g.kg.high, g.state_class))
        << x.job;
  }
  ASSERT_EQ(a.totals.size(), b.totals.size());
  for (std::size_t k = 0; k < a.totals.size(); ++k) {
    ASSERT_EQ(a.totals[k].size(), b.totals[k].size());
    for (std::size_t i = 0; i < a.totals[k].size(); ++i) {
      const GroupTotal &x = a.totals[k][i], &y = b.totals[k][i];
      EXPECT_EQ(std::tie(x.key, x.jobs, x.measured_jobs, x.wasted_jobs, x.unfinished_jobs),
                std::tie(y.key, y.jobs, y.measured_jobs, y.wasted_jobs, y.unfinished_jobs));
      for (const auto& [u, v] : {std::pair{x.energy_j.central, y.energy_j.central}, {x.energy_j.low, y.energy_j.low},
                                 {x.energy_j.high, y.energy_j.high}, {x.kg.central, y.kg.central},
                                 {x.kg.high, y.kg.high}, {x.wasted_j, y.wasted_j}, {x.core_hours, y.core_hours},
                                 {x.gpu_hours, y.gpu_hours}, {x.first_unix, y.first_unix}}) {
        EXPECT_DOUBLE_EQ(u, v) << x.key;
      }
    }
  }
}

// tests/fixtures/slurm/ledger_layout1.sql is `sqlite3 LEDGER '.dump slurm_jobs'` of keys.psv
// imported with cluster.toml by the first layout's code (commit c3cc96f).
std::string layout1_ledger(const std::string& path) {
  { (void)Ledger::open(path).value(); }
  std::ifstream in(kSlurm + "ledger_layout1.sql");
  std::stringstream sql;
  sql << in.rdbuf();
  SqliteDb db = SqliteDb::open(path, false, 1000).value();
  EXPECT_TRUE(db.exec(sql.str(), "test").ok());
  return path;
}

bool keyed(const std::string& ledger) {
  SqliteDb db = SqliteDb::open(ledger, true, 1000).value();
  return db.query_int("SELECT count(*) FROM pragma_table_info('slurm_jobs') WHERE name = 'id'", "test").value() ==
         1;
}

TEST_F(SlurmLayout, TextKeyedLedgerMigratesWithEveryJobStepAndTotal) {
  const std::string ledger = layout1_ledger(dir_.at("old.db"));
  ASSERT_FALSE(keyed(ledger));
  const Snapshot before = snapshot(ledger);  // read-only: found by the text key
  ASSERT_EQ(before.ids.size(), 8u);
  ASSERT_FALSE(keyed(ledger));  // reading never migrates
  const ImportSummary again = import_file(ledger, kSlurm + "keys.psv");
  EXPECT_TRUE(keyed(ledger));
  EXPECT_EQ(again.counts.added, 0);
  EXPECT_EQ(again.counts.updated, 0);
  EXPECT_EQ(again.counts.unchanged, 8);
  expect_same(before, snapshot(ledger));
  SqliteDb db = SqliteDb::open(ledger, true, 1000).value();
  EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_master WHERE name LIKE 'slurm_jobs_%'", "test").value(), 0);
  // The three ids without a packed form (a pending array, a base of 2^32, a task of 2^22).
  EXPECT_EQ(db.query_int("SELECT count(*) FROM slurm_job_keys", "test").value(), 3);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM slurm_jobs WHERE id < 0", "test").value(), 3);
}

TEST_F(SlurmLayout, FreshImportMatchesTheMigratedLedger) {
  const std::string fresh = dir_.at("fresh.db");
  const ImportSummary first = import_file(fresh, kSlurm + "keys.psv");
  EXPECT_EQ(first.counts.added, 8);
  EXPECT_TRUE(keyed(fresh));
  const std::string old = layout1_ledger(dir_.at("old.db"));
  (void)SlurmStore::open(old, true).value();  // migrates
  expect_same(snapshot(fresh), snapshot(old));
  const SlurmStore store = SlurmStore::open(fresh, false).value();
  EXPECT_EQ(store.find("", "10").value()->job.cluster, "alpha");  // any cluster: the first by name
  EXPECT_EQ(store.find("beta", "10").value()->job.user, "dave");
  EXPECT_EQ(store.find("", "11_[2-5%1]").value()->job.state, "PENDING");
  EXPECT_FALSE(store.find("beta", "11_[2-5%1]").value().has_value());
  EXPECT_FALSE(store.find("gamma", "10").value().has_value());
  EXPECT_FALSE(store.find("", "13").value().has_value());
}

// Clusters beyond the 127 the packed key numbers take slurm_job_keys too.
TEST_F(SlurmLayout, ManyClustersKeepTheirJobsApart) {
  std::string dump = "Cluster|JobID|User|Partition|State|ElapsedRaw|NCPUS\n";
  for (int c = 0; c < 130; ++c) dump += fmt::format("c{}|7|u{}|p|COMPLETED|60|1\nc{}|7_1|u|p|FAILED|6|1\n", c, c, c);
  const std::string ledger = dir_.at("many.db");
  for (const int pass : {1, 2}) {
    std::istringstream in(dump);
    const ImportSummary s = import(ledger, in);
    EXPECT_EQ(s.counts.added, pass == 1 ? 260 : 0);
    EXPECT_EQ(s.counts.unchanged, pass == 1 ? 0 : 260);
  }
  const SlurmStore store = SlurmStore::open(ledger, false).value();
  EXPECT_EQ(store.job_count().value(), 260);
  for (const int c : {0, 126, 127, 129}) {
    const auto j = store.find(fmt::format("c{}", c), "7").value();
    ASSERT_TRUE(j.has_value()) << c;
    EXPECT_EQ(j->job.user, fmt::format("u{}", c));
  }
}

}  // namespace
}  // namespace carbonscope::cluster
