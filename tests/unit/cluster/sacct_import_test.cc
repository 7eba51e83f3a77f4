// sacct parsable2 and JSON readers, the job model and the ledger table: grouping of
// job and step rows, bad rows skipped with their line, measured vs estimated energy,
// idempotent re-import.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "cluster/sacct_json.h"
#include "cluster/slurm_import.h"
#include "store/sqlite_db.h"
#include "support/scratch_dir.h"

namespace carbonscope::cluster {
namespace {

const std::string kFixture = std::string(CARBONSCOPE_FIXTURES) + "/slurm/demo.psv";

std::vector<SlurmJob> read_all(std::istream& in, ReadProblems& problems, bool json = false) {
  std::vector<SlurmJob> jobs;
  const JobSink sink = [&jobs](SlurmJob&& j) {
    jobs.push_back(std::move(j));
    return Status::ok_status();
  };
  auto r = json ? read_sacct_json(in, "in", "c", sink, problems)
                : read_sacct_parsable(in, "in", "c", sink, problems);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return jobs;
}

TEST(SacctParsable, GroupsStepsAndSkipsBadRowsWithTheirLine) {
  std::ifstream in(kFixture);
  ReadProblems problems;
  const std::vector<SlurmJob> jobs = read_all(in, problems);
  ASSERT_EQ(jobs.size(), 4u);
  EXPECT_EQ(jobs[0].job, "1");
  EXPECT_EQ(jobs[0].steps.size(), 2u);
  EXPECT_DOUBLE_EQ(jobs[0].energy_j.value(), 825);
  EXPECT_EQ(jobs[1].gpus, 2);
  EXPECT_EQ(jobs[1].gpu_type, "a100");
  EXPECT_EQ(jobs[2].job, "3_4");  // array task
  EXPECT_DOUBLE_EQ(jobs[2].total_cpu_s.value(), 2 * 86400);
  EXPECT_EQ(jobs[3].job, "4+0");  // heterogeneous component
  ASSERT_EQ(problems.count, 2u);  // a row cut short; a step without its job
  EXPECT_NE(problems.messages[0].find("in:9:"), std::string::npos) << problems.messages[0];
  EXPECT_NE(problems.messages[1].find("in:10:"), std::string::npos) << problems.messages[1];
}

TEST(SacctParsable, MissingHeaderIsAnErrorThatSaysWhatToDo) {
  std::istringstream in("1|x|COMPLETED\n");
  ReadProblems problems;
  auto r = read_sacct_parsable(
      in, "in", "c", [](SlurmJob&&) { return Status::ok_status(); }, problems);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("--parsable2"), std::string::npos);
}

TEST(SacctJson, Reads2205LayoutWithStepEnergyAndCpuTimes) {
  std::istringstream in(R"({"meta":{},"errors":[],"jobs":[
    {"job_id":5,"cluster":"ci","name":"t","user":"u","account":"a","partition":"p","state":{"current":"TIMEOUT"},
     "nodes":"c2","time":{"elapsed":78,"start":1000,"end":1078,"submission":999},
     "array":{"job_id":0,"task_id":null},
     "tres":{"allocated":[{"type":"cpu","count":1},{"type":"mem","count":100},{"type":"energy","count":null},
                           {"type":"gres","name":"gpu","count":2}]},
     "steps":[{"step":{"id":"batch"},"state":"CANCELLED","time":{"elapsed":78,"total":{"seconds":1,"microseconds":500000}},
               "nodes":{"count":1,"range":"c2"},"statistics":{"energy":{"consumed":11705}}}]},
    {"job_id":"bad"}]})");
  ReadProblems problems;
  const std::vector<SlurmJob> jobs = read_all(in, problems, true);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].job, "5");
  EXPECT_EQ(jobs[0].state, "TIMEOUT");
  EXPECT_EQ(jobs[0].gpus, 2);
  EXPECT_DOUBLE_EQ(jobs[0].total_cpu_s.value(), 1.5);
  ASSERT_EQ(jobs[0].steps.size(), 1u);
  EXPECT_DOUBLE_EQ(jobs[0].steps[0].energy_j.value(), 11705);
  EXPECT_EQ(problems.count, 1u);
}

class SlurmImport : public ::testing::Test {
 protected:
  JobModel model() {
    ClusterConfig c;
    c.name = "ci";
    c.defaults.cpu_power_per_core = Power::watts(10);
    c.defaults.intensity = CarbonIntensity::g_per_kwh(100);
    c.defaults.pue = 1.5;
    return JobModel::build(DataSet::builtin().value(), c).value();
  }
  test::ScratchDir dir_{"slurm_import"};
};

TEST_F(SlurmImport, MeasuredWhereSlurmMeasuredElseEstimatedAndReimportAddsNothing) {
  const std::string ledger = dir_.at("l.db");
  JobModel m = model();
  ImportSummary first, second;
  {
    SlurmStore store = SlurmStore::open(ledger, true).value();
    std::ifstream in(kFixture);
    first = import_sacct(in, "demo", {}, m, store).value();
  }
  EXPECT_EQ(first.counts.added, 4);
  EXPECT_EQ(first.measured_jobs, 1);
  EXPECT_EQ(first.estimated_jobs, 3);
  EXPECT_EQ(first.wasted_jobs, 2);  // FAILED, TIMEOUT
  {
    SlurmStore store = SlurmStore::open(ledger, true).value();
    std::ifstream in(kFixture);
    second = import_sacct(in, "demo", {}, m, store).value();
  }
  EXPECT_EQ(second.counts.added, 0);
  EXPECT_EQ(second.counts.updated, 0);
  EXPECT_EQ(second.counts.unchanged, 4);
  SlurmStore reader = SlurmStore::open(ledger, false).value();
  const auto job1 = reader.find("ci", "1").value();
  ASSERT_TRUE(job1.has_value());
  EXPECT_TRUE(job1->figures.measured);
  EXPECT_DOUBLE_EQ(job1->figures.it_j.central, 825);
  EXPECT_NEAR(job1->figures.kg.central, 825 / 3.6e6 * 1.5 * 100 / 1e3, 1e-12);
  const auto job4 = reader.find("", "4+0").value();
  ASSERT_TRUE(job4.has_value());
  EXPECT_FALSE(job4->figures.measured);
  // 30.5 s of CPU at 10 W per core, 1 GB x 60 s x memory W/GB.
  EXPECT_GT(job4->figures.cpu_j, 0);
  EXPECT_DOUBLE_EQ(job4->figures.cpu_j, 305);
  const auto totals = reader.totals({}, GroupBy::kState).value();
  double wasted = 0, all = 0;
  for (const GroupTotal& g : totals) {
    all += g.energy_j.central;
    if (g.key != "COMPLETED") wasted += g.energy_j.central;
    if (g.key == "COMPLETED") {
      EXPECT_EQ(g.wasted_jobs, 0);
    }
  }
  double wasted_col = 0;
  for (const GroupTotal& g : totals) wasted_col += g.wasted_j;
  EXPECT_DOUBLE_EQ(wasted_col, wasted);
  EXPECT_GT(all, wasted);
}

// Steps are stored as fmt's "{}" writes their numbers, whatever path encode_steps takes,
// so a ledger written by an earlier version re-imports as unchanged.
TEST(SlurmStore, StepNumbersAreWrittenAsFmtWritesThem) {
  for (const double v : {0.0, -0.0, 63.0, 1.5, 0.001, 123456.789, 999999999999999.0, 1e15, 1e16, 3e20}) {
    SlurmStep st;
    st.step = "0";
    st.elapsed_s = v;
    st.total_cpu_s = v;
    st.ncpus = 3;
    st.energy_j = v;
    std::string out;
    encode_steps({st}, out);
    EXPECT_EQ(out, fmt::format(R"([["0","",{0},{0},3,0,"",{0},null]])", v)) << v;
  }
}

// Many jobs through the reader/writer hand-off: more than one hand-off batch, tiny and
// default transactions, slots reused by jobs with fewer steps than the one before.
std::string many_jobs(int n, const char* state) {
  std::string s = "JobID|User|Partition|State|ElapsedRaw|NCPUS|NNodes|AllocTRES|TotalCPU\n";
  for (int i = 1; i <= n; ++i) {
    s += fmt::format("{}|u{}|p|{}|{}|2|1|cpu=2,mem=1G,node=1|00:{:02}.000\n", i, i % 7, state, 60 + i % 50,
                     i % 60);
    for (int k = 0; k < (i % 3 == 0 ? 2 : i % 3 == 1 ? 0 : 1); ++k) {
      s += fmt::format("{}.{}||||{}|2|1||00:01.000\n", i, k, 60 + i % 50);
    }
  }
  return s;
}

std::string steps_of(const std::string& ledger, const std::string& job) {
  SqliteDb db = SqliteDb::open(ledger, true, 1000).value();
  return db.query_text(fmt::format("SELECT steps FROM slurm_jobs WHERE job = '{}'", job), "test").value();
}

TEST_F(SlurmImport, BatchesOfAnySizeStoreTheSameJobsAndStepsOnce) {
  const std::string dump = many_jobs(5000, "COMPLETED");
  JobModel m = model();
  ImportSummary tiny, big;
  for (const std::size_t batch : {std::size_t{3}, std::size_t{20000}}) {
    const std::string ledger = dir_.at(fmt::format("b{}.db", batch));
    SlurmStore store = SlurmStore::open(ledger, true).value();
    std::istringstream in(dump);
    ImportOptions o;
    o.batch_jobs = batch;
    (batch == 3 ? tiny : big) = import_sacct(in, "many", o, m, store).value();
    EXPECT_EQ(steps_of(ledger, "3"), R"([["0","",63,1,2,1,"",null,null],["1","",63,1,2,1,"",null,null]])");
    EXPECT_EQ(steps_of(ledger, "4999"), "[]");  // its slot held job 903 (two steps) before
  }
  for (const ImportSummary* s : {&tiny, &big}) {
    EXPECT_EQ(s->counts.added, 5000);
    EXPECT_EQ(s->read.jobs, 5000u);
    EXPECT_EQ(s->problems.count, 0u);
  }
  EXPECT_DOUBLE_EQ(tiny.energy_j, big.energy_j);
  EXPECT_EQ(tiny.read.steps, big.read.steps);

  // Again into the same ledger: nothing added; then every job ended differently: updated.
  const std::string ledger = dir_.at("b3.db");
  for (const char* state : {"COMPLETED", "FAILED"}) {
    SlurmStore store = SlurmStore::open(ledger, true).value();
    std::istringstream in(many_jobs(5000, state));
    const ImportSummary again = import_sacct(in, "many", {}, m, store).value();
    EXPECT_EQ(again.counts.added, 0);
    EXPECT_EQ(again.counts.updated, std::string(state) == "FAILED" ? 5000 : 0) << state;
  }
}

}  // namespace
}  // namespace carbonscope::cluster
