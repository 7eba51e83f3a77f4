// The public Slurm API (carbonscope/slurm.h): import from a file or a stream into a
// ledger, grouped reports as a table or as Reports, one job as text or JSON, errors
// that say what to do, and the run tags of a Slurm task's environment.
#include "carbonscope/slurm.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

const std::string kFixtures = std::string(CARBONSCOPE_FIXTURES) + "/slurm/";

class SlurmApi : public ::testing::Test {
 protected:
  SlurmImportOptions options(const std::string& input) {
    SlurmImportOptions o;
    o.input = input;
    o.cluster_file = kFixtures + "cluster.toml";
    o.ledger_path = ledger_;
    return o;
  }
  Result<SlurmImportSummary> import(const SlurmImportOptions& o, std::istream& in) {
    return import_slurm_jobs(DataSet::builtin().value(), o, in);
  }
  test::ScratchDir dir_{"slurm_api"};
  std::string ledger_ = dir_.at("l.db");
};

TEST_F(SlurmApi, ImportsAFileThenTheSameJobsFromAStreamChangeNothing) {
  std::istringstream unused;
  const SlurmImportSummary first = import(options(kFixtures + "demo.psv"), unused).value();
  EXPECT_EQ(first.from, kFixtures + "demo.psv");
  EXPECT_EQ(first.jobs_read, 4u);
  EXPECT_EQ(first.added, 4);
  EXPECT_EQ(first.measured_jobs, 1);
  EXPECT_EQ(first.estimated_jobs, 3);
  EXPECT_EQ(first.wasted_jobs, 2);  // FAILED, TIMEOUT
  EXPECT_GT(first.energy_j, first.wasted_j);
  EXPECT_GT(first.wasted_j, 0);
  EXPECT_EQ(first.problem_count, first.problems.size());

  std::ifstream in(kFixtures + "demo.psv");
  const SlurmImportSummary again = import(options("-"), in).value();
  EXPECT_EQ(again.from, "standard input");
  EXPECT_EQ(again.added, 0);
  EXPECT_EQ(again.unchanged, 4);
  EXPECT_DOUBLE_EQ(again.energy_j, first.energy_j);
}

TEST_F(SlurmApi, ImportErrorsNameTheFileOrTheFormat) {
  std::istringstream unused;
  const auto missing = import(options(dir_.at("none.psv")), unused);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("'-' for standard input"), std::string::npos);
  SlurmImportOptions bad = options(kFixtures + "demo.psv");
  bad.format = "xml";
  EXPECT_FALSE(import(bad, unused).ok());
}

TEST_F(SlurmApi, ReportIsATableForTextCsvJsonElseOneReportPerGroup) {
  std::istringstream unused;
  ASSERT_TRUE(import(options(kFixtures + "demo.psv"), unused).ok());
  SlurmReportOptions r;
  r.ledger_path = ledger_;
  r.by = "state";
  const SlurmReport text = slurm_report(r).value();
  EXPECT_NE(text.table.find("COMPLETED"), std::string::npos);
  EXPECT_TRUE(text.groups.empty());
  r.format = "csv";
  EXPECT_NE(slurm_report(r).value().table.find(','), std::string::npos);
  r.format = "json";
  const std::string json = slurm_report(r).value().table;
  ASSERT_FALSE(json.empty());
  EXPECT_EQ(json.front(), '{');
  EXPECT_NE(json.back(), '\n');
  r.format = "md";
  const SlurmReport reports = slurm_report(r).value();
  EXPECT_TRUE(reports.table.empty());
  ASSERT_FALSE(reports.groups.empty());
  EXPECT_EQ(reports.groups.front().run.id.rfind("slurm.state.", 0), 0u) << reports.groups.front().run.id;

  r.user = "nobody";
  EXPECT_EQ(slurm_report(r).status().code(), StatusCode::kNotFound);
  r.user.clear();
  r.by = "colour";
  EXPECT_FALSE(slurm_report(r).ok());
}

TEST_F(SlurmApi, JobIsTextOrJsonAfterTheLookup) {
  std::istringstream unused;
  ASSERT_TRUE(import(options(kFixtures + "demo.psv"), unused).ok());
  SlurmJobOptions j;
  j.ledger_path = ledger_;
  j.job = "1";
  const std::string text = slurm_job_text(j).value();
  EXPECT_EQ(text.rfind("Slurm job 1\n", 0), 0u) << text;
  EXPECT_NE(text.find("accounting (ci): COMPLETED alice"), std::string::npos) << text;
  j.format = "json";
  const std::string json = slurm_job_text(j).value();
  ASSERT_GT(json.size(), 2u);
  EXPECT_EQ(json.front(), '{');
  EXPECT_EQ(json.back(), '\n');
  EXPECT_NE(json.find("carbonscope.slurm-job/1"), std::string::npos);
  j.format = "xml";
  EXPECT_EQ(slurm_job_text(j).status().code(), StatusCode::kInvalidArgument);
  j.job = "999";  // the lookup's error comes first
  EXPECT_EQ(slurm_job_text(j).status().code(), StatusCode::kNotFound);
}

TEST(SlurmTags, AnArrayTaskIsKnownByItsArrayIdAndTheBatchStepByName) {
  EXPECT_TRUE(slurm_tags(Environment{}).empty());
  const Environment env{{"SLURM_JOB_ID", "7"},
                        {"SLURM_ARRAY_JOB_ID", "5"},
                        {"SLURM_ARRAY_TASK_ID", "2"},
                        {"SLURMD_NODENAME", "n1"}};
  EXPECT_EQ(slurm_tags(env), (std::vector<std::string>{"slurm_job=5_2", "slurm_step=batch", "slurm_node=n1"}));
}

}  // namespace
}  // namespace carbonscope
