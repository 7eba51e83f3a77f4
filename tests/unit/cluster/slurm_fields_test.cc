// Slurm's value forms: every duration, size, TRES, id and state form sacct prints.
#include "cluster/slurm_fields.h"

#include <gtest/gtest.h>

namespace carbonscope::cluster {
namespace {

double dur(std::string_view t) { return parse_duration_field(t).value().value(); }

TEST(SlurmFields, Durations) {
  EXPECT_DOUBLE_EQ(dur("2-03:04:05"), 2 * 86400 + 3 * 3600 + 4 * 60 + 5);
  EXPECT_DOUBLE_EQ(dur("03:04:05"), 3 * 3600 + 4 * 60 + 5);
  EXPECT_DOUBLE_EQ(dur("04:05.123"), 245.123);  // TotalCPU below an hour
  EXPECT_DOUBLE_EQ(dur("01:00:00.5"), 3600.5);
  EXPECT_DOUBLE_EQ(dur("1-02"), 86400 + 7200);
  EXPECT_DOUBLE_EQ(dur("1-02:30"), 86400 + 7200 + 1800);
  EXPECT_DOUBLE_EQ(dur("78"), 78);  // ElapsedRaw
  for (const char* absent : {"", "UNLIMITED", "Unknown", "INVALID", "Partition_Limit"}) {
    EXPECT_FALSE(parse_duration_field(absent).value().has_value()) << absent;
  }
  for (const char* bad : {"1:2:3:4", "aa:bb", "-1", "12:", "1.2.3"})
    EXPECT_FALSE(parse_duration_field(bad).ok()) << bad;
}

TEST(SlurmFields, ReqMemForms) {
  EXPECT_DOUBLE_EQ(parse_req_mem_mb("300M", 4, 2).value().value(), 300);  // 22.05: the job's total
  EXPECT_DOUBLE_EQ(parse_req_mem_mb("4Gc", 4, 2).value().value(), 4 * 4 * 1024);
  EXPECT_DOUBLE_EQ(parse_req_mem_mb("2Gn", 4, 2).value().value(), 2 * 2 * 1024);
  EXPECT_DOUBLE_EQ(parse_req_mem_mb("1000Mc", 2, 1).value().value(), 2000);
  EXPECT_DOUBLE_EQ(parse_req_mem_mb("500", 1, 1).value().value(), 500);
  EXPECT_FALSE(parse_req_mem_mb("", 1, 1).value().has_value());
  EXPECT_FALSE(parse_req_mem_mb("lots", 1, 1).ok());
  EXPECT_DOUBLE_EQ(parse_size_mb("10708K", 1.0 / 1024).value().value(), 10708.0 / 1024);
}

TEST(SlurmFields, TresAndEnergy) {
  const Tres t = parse_tres("billing=2,cpu=2,energy=900,gres/gpu:a100=4,gres/gpu=4,mem=200M,node=2").value();
  EXPECT_EQ(t.cpu, 2);
  EXPECT_EQ(t.gpus, 4);
  EXPECT_EQ(t.gpu_type, "a100");
  EXPECT_DOUBLE_EQ(t.mem_mb.value(), 200);
  EXPECT_EQ(t.nodes, 2);
  EXPECT_DOUBLE_EQ(t.energy_j.value(), 900);
  EXPECT_EQ(parse_tres("gres/gpu:v100=3").value().gpus, 3);  // typed entries only
  EXPECT_EQ(parse_tres("").value().gpus, 0);
  EXPECT_FALSE(parse_tres("cpu").ok());
  EXPECT_DOUBLE_EQ(parse_energy_j("1.5K").value().value(), 1500);
}

TEST(SlurmFields, JobIds) {
  const auto split = [](std::string_view t) { return split_job_id(t).value(); };
  EXPECT_EQ(split("123").job, "123");
  EXPECT_EQ(split("123").step, "");
  EXPECT_EQ(split("123_4.batch").job, "123_4");
  EXPECT_EQ(split("123_4.batch").step, "batch");
  EXPECT_EQ(split("123+1.0").job, "123+1");
  EXPECT_EQ(split("123+1.0").step, "0");
  EXPECT_EQ(split("123_[1-5%2]").job, "123_[1-5%2]");
  for (const char* bad : {"", "abc", "12x", "123.", "123_", "+1"})
    EXPECT_FALSE(split_job_id(bad).ok()) << bad;
}

TEST(SlurmFields, StatesFollowGa4hpc) {
  EXPECT_EQ(normalise_state("CANCELLED by 1234"), "CANCELLED");
  EXPECT_EQ(normalise_state("CD"), "COMPLETED");
  EXPECT_EQ(classify_state("COMPLETED"), StateClass::kSucceeded);
  for (const char* s : {"FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY", "NODE_FAIL"}) {
    EXPECT_EQ(classify_state(s), StateClass::kWasted) << s;
  }
  for (const char* s : {"PENDING", "RUNNING", "REQUEUED"})
    EXPECT_EQ(classify_state(s), StateClass::kUnfinished) << s;
}

TEST(SlurmFields, Timestamps) {
  EXPECT_FALSE(parse_timestamp("Unknown").value().has_value());
  EXPECT_FALSE(parse_timestamp("2026-13-01T00:00:00").ok());
  const double a = parse_timestamp("2026-11-02T10:00:00").value().value();
  const double b = parse_timestamp("2026-11-02T10:00:06").value().value();
  EXPECT_DOUBLE_EQ(b - a, 6);
}

}  // namespace
}  // namespace carbonscope::cluster
