// emissions.csv against CodeCarbon's own layout: the 38 columns of v3 in its order, each
// cell of the kind CodeCarbon writes there, and the location columns filled as CodeCarbon
// fills them (country name, ISO 3166 alpha-3, region, cloud provider and region, on_cloud).
#include "formats/codecarbon_csv.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>

#include "carbonscope/json.h"

#include "support/test_reports.h"

namespace carbonscope::test {
namespace {

// A row in CodeCarbon v3.3.0's layout (EmissionsData's fields in order, as its CSV writer
// prints them) for an offline run in France, typed from its documented fields.
constexpr const char* kCodecarbonRow =
    "2026-11-21T10:00:00,bert,5b0fa12a-3dd7-45bb-9766-cc326314d9f1,5b0fa12a-3dd7-45bb-9766-cc326314d9f1,"
    "3600.2,0.0301,8.36e-06,42.5,250.1,10.0,0.0425,0.25,0.01,0.3025,0.0,France,FRA,,,,Linux-6.1-x86_64,"
    "3.11.7,3.3.0,64,AMD EPYC 7763 64-Core Processor,1,1 x NVIDIA A100-SXM4-40GB,2.3522,48.8566,256.0,"
    "machine,12.5,90.0,40.0,102.4,N,1.0,0.0";

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::map<std::string, std::string> row_map(const std::string& row) {
  const std::vector<std::string> names = split_csv(codecarbon_header());
  const std::vector<std::string> cells = split_csv(row);
  EXPECT_EQ(cells.size(), names.size()) << row;
  std::map<std::string, std::string> m;
  for (std::size_t i = 0; i < names.size() && i < cells.size(); ++i) m[names[i]] = cells[i];
  return m;
}

bool is_number(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

TEST(CodecarbonCsv, HeaderIsCodecarbonsThirtyEightColumns) {
  const auto names = split_csv(codecarbon_header());
  ASSERT_EQ(names.size(), 38u);
  EXPECT_EQ(names.front(), "timestamp");
  EXPECT_EQ(names[3], "experiment_id");
  EXPECT_EQ(names[15], "country_name");
  EXPECT_EQ(names[16], "country_iso_code");
  EXPECT_EQ(names[35], "on_cloud");
  EXPECT_EQ(names.back(), "wue");
}

TEST(CodecarbonCsv, EachNumericColumnOfCodecarbonsRowIsNumericInOursToo) {
  Report r = measured_run("20261121T090000Z-a1b2c3", "bert", 1795251600);
  r.run.place = {"FR", "France", "FRA", "", "", ""};
  r.run.cpu_utilisation = 0.125;
  const auto theirs = row_map(kCodecarbonRow);
  const auto ours = row_map(codecarbon_row(r));
  for (const auto& [column, value] : theirs) {
    if (!is_number(value)) continue;
    // Columns CodeCarbon fills from sources carbonscope does not have offline.
    if (column == "longitude" || column == "latitude" || column == "python_version" ||
        column == "gpu_utilization_percent" || column == "ram_utilization_percent" || column == "ram_used_gb" ||
        column == "codecarbon_version") {
      continue;
    }
    EXPECT_TRUE(is_number(ours.at(column))) << column << " = '" << ours.at(column) << "'";
  }
  EXPECT_EQ(ours.at("country_name"), theirs.at("country_name"));
  EXPECT_EQ(ours.at("country_iso_code"), theirs.at("country_iso_code"));
  EXPECT_EQ(ours.at("region"), theirs.at("region"));
  EXPECT_EQ(ours.at("on_cloud"), theirs.at("on_cloud"));
  EXPECT_EQ(ours.at("cloud_provider"), "");
  EXPECT_EQ(ours.at("cpu_utilization_percent"), "12.50");
  EXPECT_EQ(ours.at("experiment_id"), "baseline");
}

TEST(CodecarbonCsv, CloudRunNamesProviderRegionAndCountry) {
  Report r = measured_run("20261121T090000Z-a1b2c3", "bert", 1795251600);
  r.run.region = "aws:us-east-1 (Northern Virginia)";
  r.run.place = {"US-VA", "United States", "USA", "Northern Virginia", "aws", "us-east-1"};
  const auto m = row_map(codecarbon_row(r));
  EXPECT_EQ(m.at("cloud_provider"), "aws");
  EXPECT_EQ(m.at("cloud_region"), "us-east-1");
  EXPECT_EQ(m.at("on_cloud"), "Y");
  EXPECT_EQ(m.at("country_name"), "United States");
  EXPECT_EQ(m.at("country_iso_code"), "USA");
  EXPECT_EQ(m.at("region"), "Northern Virginia");  // a cloud region: its location as published
}

TEST(CodecarbonCsv, PrivateSubnationalZoneIsTheLowerCaseRegion) {
  Report r = measured_run("x", "p", 1795251600);
  r.run.place = {"CA-QC", "Canada", "CAN", "Quebec", "", ""};
  const auto m = row_map(codecarbon_row(r));
  EXPECT_EQ(m.at("country_iso_code"), "CAN");
  EXPECT_EQ(m.at("region"), "quebec");  // as CodeCarbon writes a private machine's region
  EXPECT_EQ(m.at("on_cloud"), "N");
}

TEST(CodecarbonCsv, OldRunsWithOnlyACloudLabelStillFillTheCloudColumns) {
  Report r = measured_run("x", "p", 1795251600);
  r.run.region = "gcp:us-central1 (Council Bluffs, Iowa)";
  const auto m = row_map(codecarbon_row(r));
  EXPECT_EQ(m.at("cloud_provider"), "gcp");
  EXPECT_EQ(m.at("cloud_region"), "us-central1");
  EXPECT_EQ(m.at("on_cloud"), "Y");
}

TEST(CodecarbonCsv, TimestampIsUtcWithAnExplicitOffsetWhateverTheTimeZone) {
  ::setenv("TZ", "America/New_York", 1);
  ::tzset();
  EXPECT_EQ(codecarbon_timestamp(1795255200), "2026-11-21T10:00:00+00:00");
  ::unsetenv("TZ");
  ::tzset();
  Report r = measured_run("x", "p", 1795251600);
  EXPECT_EQ(row_map(codecarbon_row(r)).at("timestamp"), "2026-11-21T10:00:00+00:00");
}

TEST(CodecarbonCsv, ScopeGivesTrackingMode) {
  Report r = measured_run("x", "p", 1795251600);
  EXPECT_EQ(row_map(codecarbon_row(r)).at("tracking_mode"), "process");
  r.run.machine_scope = true;
  EXPECT_EQ(row_map(codecarbon_row(r)).at("tracking_mode"), "machine");
}

TEST(CodecarbonCsv, RecordHoldsTheRowsFigures) {
  Report r = measured_run("20261121T090000Z-a1b2c3", "bert, large", 1795251600);
  const auto row = row_map(codecarbon_row(r));
  const nlohmann::json record = nlohmann::json::parse(codecarbon_record_json(r));
  ASSERT_EQ(record.size(), static_cast<std::size_t>(kCodecarbonColumns));
  for (const char* c : {"duration", "emissions", "cpu_energy", "ram_energy", "energy_consumed", "pue"}) {
    EXPECT_EQ(record.at(c).get<double>(), std::stod(row.at(c))) << c;
  }
  EXPECT_EQ(record.at("project_name"), "bert, large");  // unquoted: the CSV quotes it, the record does not
  EXPECT_EQ(record.at("tracking_mode"), row.at("tracking_mode"));
}

}  // namespace
}  // namespace carbonscope::test
