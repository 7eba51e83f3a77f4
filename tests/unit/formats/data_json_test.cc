// The data tables' records as JSON (carbonscope/json.h accelerator_json, cpu_json): the
// one shape the CLI's `data hardware|cpus --json` and Python's accelerator()/cpu() use.
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "carbonscope/json.h"

namespace carbonscope {
namespace {

std::set<std::string> keys(const nlohmann::json& j) {
  std::set<std::string> out;
  for (const auto& [k, v] : j.items()) out.insert(k);
  return out;
}

TEST(DataJson, AnAcceleratorHasEveryFieldWithNullForTheUnknown) {
  Accelerator a;
  a.name = "Test \"GPU\" 80GB";
  a.vendor = "ACME";
  a.kind = "gpu";
  a.form_factor = "sxm";
  a.aliases = {"TG80", "Test GPU"};
  a.tdp_w = 700;
  a.memory_gb = 80;
  a.tflops = {{"bf16", 989.5}, {"fp64", 34}};
  a.release_year = 2023;
  a.source_id = "acme-datasheet";
  const nlohmann::json j = nlohmann::json::parse(accelerator_json(a));
  const std::set<std::string> want = {"name",      "vendor", "kind",         "form_factor", "tdp_w",
                                      "memory_gb", "tflops", "release_year", "embodied_kg", "aliases",
                                      "source_id"};
  EXPECT_EQ(keys(j), want);
  EXPECT_EQ(j["name"], a.name);
  EXPECT_EQ(j["aliases"], nlohmann::json({"TG80", "Test GPU"}));
  EXPECT_EQ(j["tflops"]["bf16"], 989.5);
  EXPECT_EQ(j["tflops"].size(), 2u);
  EXPECT_EQ(j["tdp_w"], 700);
  EXPECT_TRUE(j["embodied_kg"].is_null());
  a.embodied_kg = 150.5;
  EXPECT_EQ(nlohmann::json::parse(accelerator_json(a))["embodied_kg"], 150.5);
  EXPECT_NE(accelerator_json(a, 2).find('\n'), std::string::npos);  // indented, as the other documents
}

TEST(DataJson, ACpuHasItsSixFields) {
  Cpu c;
  c.name = "Xeon Test 1234";
  c.vendor = "Intel";
  c.key = "xeon test 1234";  // the matcher's key is not part of the record
  c.tdp_w = 150;
  c.cores = 20;
  c.source_id = "intel-ark";
  const nlohmann::json j = nlohmann::json::parse(cpu_json(c));
  EXPECT_EQ(keys(j), (std::set<std::string>{"name", "vendor", "tdp_w", "cores", "threads", "source_id"}));
  EXPECT_EQ(j["cores"], 20);
  EXPECT_EQ(j["threads"], 0);
  EXPECT_EQ(j["tdp_w"], 150);
}

TEST(DataJson, InvalidUtf8IsReplacedNotThrown) {
  Cpu c;
  c.name = "bad \xff name";
  const nlohmann::json j = nlohmann::json::parse(cpu_json(c));
  EXPECT_EQ(j["name"], "bad \xEF\xBF\xBD name");
}

}  // namespace
}  // namespace carbonscope
