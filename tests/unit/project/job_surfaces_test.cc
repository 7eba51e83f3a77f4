// One job, three surfaces: the CLI's flags and Python's keywords (an EstimateRequest in
// ArgStyle::kFlag or kKeyword, as tools/cli/estimate_command.cc and
// python/src/estimate_binding.cc fill it) and a project file's keys reach the same
// estimate code, so the same job has the same energy; and each shared check's error names
// the option as that surface spells it (--pue, pue, pue = in a file).
#include <gtest/gtest.h>

#include "carbonscope/estimate_request.h"
#include "carbonscope/project.h"

namespace carbonscope {
namespace {

const DataSet& data() {
  static const auto d = DataSet::builtin();
  return **d;
}

Result<EstimateResult> estimate(EstimateRequest request, ArgStyle style) {
  request.style = style;
  return run_estimate(data(), request);
}

std::string estimate_error(EstimateRequest request, ArgStyle style) {
  auto r = estimate(std::move(request), style);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().message();
}

std::string project_error(std::string_view text) {
  auto r = parse_project(text, "p.toml", data(), no_run_source());
  EXPECT_FALSE(r.ok()) << text;
  return r.ok() ? "" : r.status().message();
}

// The IT energy of the project's first entry and of the estimate, bound for bound.
void expect_same_energy(const Range<Energy>& project, const Range<Energy>& estimate) {
  EXPECT_DOUBLE_EQ(project.central.joules(), estimate.central.joules());
  EXPECT_DOUBLE_EQ(project.low.joules(), estimate.low.joules());
  EXPECT_DOUBLE_EQ(project.high.joules(), estimate.high.joules());
}

TEST(JobSurfaces, HardwareAndTimeGiveTheSameEnergy) {
  EstimateRequest job;
  job.gpu = "A100 SXM4 80GB";
  job.count = "8";
  job.duration = "10h";
  job.utilisation = "80%";
  job.location.intensity = "100g";
  auto flag = estimate(job, ArgStyle::kFlag);
  auto keyword = estimate(job, ArgStyle::kKeyword);
  ASSERT_TRUE(flag.ok()) << flag.status().to_string();
  ASSERT_TRUE(keyword.ok()) << keyword.status().to_string();
  auto project = parse_project(R"(
intensity = "100g"
[[training]]
hardware = "A100 SXM4 80GB"
count = 8
duration = "10h"
utilisation = "80%"
)", "p.toml", data(), no_run_source());
  ASSERT_TRUE(project.ok()) << project.status().to_string();
  // 8 x 400 W x 10 h x 80% = 25.6 kWh through each surface.
  EXPECT_NEAR(flag->report.footprint.it_energy.central.kwh(), 25.6, 1e-9);
  expect_same_energy(keyword->report.footprint.it_energy, flag->report.footprint.it_energy);
  expect_same_energy(project->energy[0].energy, flag->report.footprint.it_energy);
  EXPECT_DOUBLE_EQ(project->energy[0].device_hours.central, 80);
}

// The estimate's host keys (cpu, cpus, memory) are project keys too, with the same lines.
TEST(JobSurfaces, HostKeysAddTheSameLines) {
  EstimateRequest job;
  job.gpu = "A100 SXM4 80GB";
  job.count = "8";
  job.duration = "10h";
  job.cpu = "Xeon Gold 6248";
  job.cpus = "2";
  job.memory = "512GB";
  job.utilisation = "100%";
  auto flag = estimate(job, ArgStyle::kFlag);
  ASSERT_TRUE(flag.ok()) << flag.status().to_string();
  ASSERT_EQ(flag->report.footprint.components.size(), 3u);
  auto project = parse_project("[[training]]\nhardware = \"A100 SXM4 80GB\"\ncount = 8\nduration = \"10h\"\n"
                               "cpu = \"Xeon Gold 6248\"\ncpus = 2\nmemory = \"512GB\"\n",
                               "p.toml", data(), no_run_source());
  ASSERT_TRUE(project.ok()) << project.status().to_string();
  expect_same_energy(project->energy[0].energy, flag->report.footprint.it_energy);
  EXPECT_NE(project->energy[0].detail.find("+ 2 x Intel Xeon Gold 6248 + 512 GB memory"), std::string::npos)
      << project->energy[0].detail;
}

TEST(JobSurfaces, ComputeGivesTheSameEnergyAndRange) {
  EstimateRequest job;
  job.gpu = "H100 SXM5 80GB";
  job.params = "70B";
  job.tokens = "2T";
  job.utilisation = "100%";  // a project file counts devices at full power unless told
  auto flag = estimate(job, ArgStyle::kFlag);
  ASSERT_TRUE(flag.ok()) << flag.status().to_string();
  auto project = parse_project("[[training]]\nhardware = \"H100 SXM5 80GB\"\nparams = \"70B\"\ntokens = \"2T\"\n",
                               "p.toml", data(), no_run_source());
  ASSERT_TRUE(project.ok()) << project.status().to_string();
  EXPECT_LT(flag->report.footprint.it_energy.low.kwh(), flag->report.footprint.it_energy.high.kwh());
  expect_same_energy(project->energy[0].energy, flag->report.footprint.it_energy);
}

// A job's FLOPs (GPT-3: 3.14e23) were refused by the project file as a count above 1e18
// before it reached the estimate's FLOP parser (defect); now both read them alike.
TEST(JobSurfaces, FlopsGivenDirectly) {
  EstimateRequest job;
  job.gpu = "A100 SXM4 80GB";
  job.flops = "3.14e23";
  job.mfu = "40%";
  job.utilisation = "100%";
  auto flag = estimate(job, ArgStyle::kFlag);
  ASSERT_TRUE(flag.ok()) << flag.status().to_string();
  auto project = parse_project("[[training]]\nhardware = \"A100 SXM4 80GB\"\nflops = 3.14e23\nmfu = \"40%\"\n",
                               "p.toml", data(), no_run_source());
  ASSERT_TRUE(project.ok()) << project.status().to_string();
  expect_same_energy(project->energy[0].energy, flag->report.footprint.it_energy);
  EXPECT_NE(project_error("[[training]]\nhardware = \"A100 SXM4 80GB\"\nflops = true\n").find(
                "p.toml:3:9: [[training]] #1.flops: must be a FLOP count"),
            std::string::npos);
}

TEST(JobSurfaces, PueRangeNamesEachSurfacesSpelling) {
  EstimateRequest job;
  job.energy = "1kWh";
  job.location.pue = "0.8";
  EXPECT_EQ(estimate_error(job, ArgStyle::kFlag),
            "--pue: 0.8 is outside 1.0 to 3.0 (PUE is facility energy over IT energy, so never below 1)");
  EXPECT_EQ(estimate_error(job, ArgStyle::kKeyword),
            "pue: 0.8 is outside 1.0 to 3.0 (PUE is facility energy over IT energy, so never below 1)");
  EXPECT_NE(project_error("pue = 0.8\n[[idle]]\nenergy = \"1kWh\"\n")
                .find("p.toml:1:7: the project.pue: 0.8 is outside 1.0 to 3.0 (PUE is facility energy"),
            std::string::npos);
  EXPECT_NE(project_error("[[idle]]\nenergy = \"1kWh\"\npue = 3.5\n")
                .find("p.toml:3:7: [[idle]] #1.pue: 3.5 is outside 1.0 to 3.0"),
            std::string::npos);
  // The query level (a C++ caller's LocationQuery) runs the same check.
  LocationQuery q;
  q.pue = 0.8;
  EXPECT_EQ(resolve_location(data(), q).status().message(),
            "pue: 0.8 is outside 1.0 to 3.0 (PUE is facility energy over IT energy, so never below 1)");
}

TEST(JobSurfaces, TimeConflictNamesEachSurfacesSpelling) {
  EstimateRequest job;
  job.gpu = "A100 SXM4 80GB";
  job.duration = "10h";
  job.device_hours = "100";
  EXPECT_EQ(estimate_error(job, ArgStyle::kFlag), "--device-hours conflicts with --duration: give one of them");
  EXPECT_EQ(estimate_error(job, ArgStyle::kKeyword), "device_hours conflicts with duration: give one of them");
  EXPECT_NE(project_error("[[training]]\nhardware = \"A100 SXM4 80GB\"\nduration = \"10h\"\ndevice_hours = 100\n")
                .find("p.toml:4:16: [[training]] #1.device_hours: conflicts with duration: give one of them"),
            std::string::npos);
}

TEST(JobSurfaces, HardwareErrorsNameTheKeyHardware) {
  EstimateRequest job;
  job.gpu = "A100 SXM4 80GB";
  job.params = "70B";
  job.tokens = "2T";
  job.hours = "3";
  EXPECT_EQ(estimate_error(job, ArgStyle::kFlag).rfind("--params conflicts with --hours", 0), 0u);
  EXPECT_EQ(estimate_error(job, ArgStyle::kKeyword).rfind("params conflicts with hours", 0), 0u);
  // --gpu is the key hardware in a project file, also inside the estimate's messages.
  const std::string e = project_error("[[training]]\nparams = \"70B\"\ntokens = \"2T\"\npower = \"400W\"\n");
  EXPECT_NE(e.find("p.toml:2:10: [[training]] #1.params: needs hardware: the accelerator's peak FLOP/s"),
            std::string::npos)
      << e;
  const std::string unknown = project_error("[[training]]\nhardware = \"Z9000\"\ncount = 2\nduration = \"1h\"\n");
  EXPECT_NE(unknown.find("p.toml:2:12: [[training]] #1.hardware:"), std::string::npos) << unknown;
  const std::string nothing = project_error("[[training]]\ncount = 2\nduration = \"1h\"\n");
  EXPECT_NE(nothing.find("nothing to estimate: give hardware (hardware = \"A100 SXM4 80GB\""), std::string::npos)
      << nothing;
}

}  // namespace
}  // namespace carbonscope
