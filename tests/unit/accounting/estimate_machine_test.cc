// Whole machines (--instance, --node) and market-based emissions: the accelerators,
// CPUs, memory and other server parts of data/instances.csv, the provider an instance
// implies, and location-based x (1 - CFE share) beside the location-based figure.
#include "accounting/estimate_machine.h"

#include <gtest/gtest.h>

#include "accounting/market_based.h"

namespace carbonscope {
namespace {

const DataSet& data() { return **DataSet::builtin(); }

const ComponentEnergy* component(const EstimateResult& r, const std::string& name) {
  for (const ComponentEnergy& c : r.report.footprint.components) {
    if (c.component == name) return &c;
  }
  return nullptr;
}

TEST(EstimateMachine, AnInstanceGivesItsGpusCpusMemoryAndOtherParts) {
  EstimateRequest r;
  r.instance = "p4d.24xlarge";
  r.count = "2";
  r.hours = "10";
  auto e = run_estimate(data(), r);
  ASSERT_TRUE(e.ok()) << e.status().message();
  ASSERT_NE(e->machine, nullptr);
  EXPECT_EQ(e->machine->gpu, "NVIDIA A100 SXM4 40GB");
  EXPECT_EQ(e->spec.devices.front().count, 16);  // 2 instances x 8 GPUs
  const ComponentEnergy* cpu = component(*e, "cpu");
  const ComponentEnergy* ram = component(*e, "ram");
  const ComponentEnergy* other = component(*e, "host");
  ASSERT_TRUE(cpu && ram && other);
  // CCF: 96 vCPUs of Cascade Lake, min to max W per vCPU; central at 50%.
  const Instance& m = *e->machine;
  EXPECT_NEAR(cpu->energy.low.kwh(), 2 * m.cpu_w_min * 10 / 1000, 1e-9);
  EXPECT_NEAR(cpu->energy.high.kwh(), 2 * m.cpu_w_max * 10 / 1000, 1e-9);
  EXPECT_NEAR(cpu->energy.central.kwh(), 2 * (m.cpu_w_min + m.cpu_w_max) / 2 * 10 / 1000, 1e-9);
  EXPECT_NEAR(ram->energy.central.kwh(), 2 * 1152 * data().constant("memory_w_per_gb")->value * 10 / 1000, 1e-9);
  // Other parts: none at the low end (CCF's model has none), up to the DGX datasheets' share.
  EXPECT_DOUBLE_EQ(other->energy.low.kwh(), 0);
  EXPECT_GT(other->energy.central.kwh(), 0);
  EXPECT_TRUE(e->host.counted);
  EXPECT_EQ(e->host.how, "instance");
  // The provider is implied: AWS's fleet PUE with its range, and a note asking for the region.
  EXPECT_EQ(e->location.provider, "aws");
  EXPECT_GT(e->report.footprint.pue.value.central, 1.0);
  EXPECT_TRUE(e->spec.server);
}

TEST(EstimateMachine, AnInstanceTakesItsProvidersRegionsOnly) {
  EstimateRequest r;
  r.instance = "a2-highgpu-8g";
  r.hours = "1";
  r.location.cloud = "us-central1";  // the provider is implied
  auto e = run_estimate(data(), r);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->location.provider, "gcp");
  r.location.cloud = "aws:us-east-1";
  EXPECT_NE(run_estimate(data(), r).status().message().find("GPU instance of gcp"), std::string::npos);
}

TEST(EstimateMachine, UnknownNamesAndConflictsSayWhatToDo) {
  EstimateRequest r;
  r.instance = "p4d.24xlarg";
  r.hours = "1";
  const Status s = run_estimate(data(), r).status();
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_NE(s.message().find("p4d.24xlarge"), std::string::npos) << s.message();  // the closest match
  r.instance = "p4d.24xlarge";
  r.gpu = "H100 SXM";
  EXPECT_NE(run_estimate(data(), r).status().message().find("drop --gpu"), std::string::npos);
  r.gpu.clear();
  r.count = "999999999999999999";  // machines are counted as carefully as devices
  EXPECT_NE(run_estimate(data(), r).status().message().find("--count (machines)"), std::string::npos);
  r.count.clear();
  r.node = "dgx-h100";
  EXPECT_NE(run_estimate(data(), r).status().message().find("conflict"), std::string::npos);
}

TEST(EstimateMachine, ANodeUsesItsDatasheetMaximumForTheOtherParts) {
  EstimateRequest r;
  r.node = "dgx-h100";
  r.hours = "1";
  auto e = run_estimate(data(), r);
  ASSERT_TRUE(e.ok()) << e.status().message();
  const Instance& m = *e->machine;
  ASSERT_TRUE(m.max_system_w.has_value());
  EXPECT_DOUBLE_EQ(*m.max_system_w, 10200);
  const double w_per_gb = data().constant("memory_w_per_gb")->high;
  const double other_max = 10200 - 8 * 700 - m.cpu_w_max - w_per_gb * m.memory_gb;
  const ComponentEnergy* other = component(*e, "host");
  ASSERT_NE(other, nullptr);
  EXPECT_NEAR(other->energy.high.kwh(), other_max / 1000, 1e-9);  // at TDP share 100%
  EXPECT_NEAR(other->energy.central.kwh(), other_max * 0.75 / 1000, 1e-9);
  // The whole node at full load stays within its maximum system power.
  EXPECT_LE(e->report.footprint.it_energy.high.kwh(), 10.2 + 1e-9);
  // A node is a data-centre server: the industry PUE, not a desktop's 1.0.
  EXPECT_GT(e->report.footprint.pue.value.central, 1.0);
}

TEST(EstimateMachine, BareGpuSaysTheHostIsNotCountedAndWhatItWouldAdd) {
  EstimateRequest r;
  r.gpu = "A100 SXM4 80GB";
  r.count = "8";
  r.hours = "24";
  auto e = run_estimate(data(), r);
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->host.counted);
  ASSERT_TRUE(e->host.would_add.has_value());
  EXPECT_NEAR(e->host.would_add->central.kwh(), 8 * 400 * 0.35 * 24 / 1000, 1e-9);
  r.whole_node = true;
  auto w = run_estimate(data(), r);
  ASSERT_TRUE(w.ok());
  EXPECT_TRUE(w->host.counted);
  EXPECT_FALSE(w->host.would_add.has_value());
}

TEST(MarketBased, TheProvidersCfeShareOrAGivenOneComesOffTheLocationBasedFigure) {
  EstimateRequest r;
  r.gpu = "A100 SXM4 80GB";
  r.hours = "24";
  r.location.cloud = "gcp:europe-north1";
  auto e = run_estimate(data(), r);
  ASSERT_TRUE(e.ok()) << e.status().message();
  ASSERT_TRUE(e->market_based.has_value());
  const double cfe = e->market_based->cfe_share;
  EXPECT_GT(cfe, 0);
  EXPECT_LT(cfe, 1);
  EXPECT_EQ(e->market_based->provenance.method, Method::kReference);
  const Range<Emissions>& loc = e->report.footprint.emissions;
  EXPECT_DOUBLE_EQ(e->market_based->emissions.central.kg(), loc.central.kg() * (1 - cfe));
  EXPECT_DOUBLE_EQ(e->market_based->emissions.high.kg(), loc.high.kg() * (1 - cfe));
  // The footprint itself stays location-based.
  EXPECT_GT(loc.central.kg(), e->market_based->emissions.central.kg());

  r.market_based = "none";
  EXPECT_FALSE(run_estimate(data(), r)->market_based.has_value());
  r.location.cloud.clear();
  r.location.region = "DE";
  r.market_based = "";
  EXPECT_FALSE(run_estimate(data(), r)->market_based.has_value());  // no published share for a zone
  r.market_based = "60%";
  auto given = run_estimate(data(), r);
  ASSERT_TRUE(given.ok());
  EXPECT_DOUBLE_EQ(given->market_based->cfe_share, 0.6);
  EXPECT_EQ(given->market_based->provenance.method, Method::kGiven);
  r.market_based = "provider";
  EXPECT_NE(run_estimate(data(), r).status().message().find("no carbon-free-energy share"), std::string::npos);
  r.market_based = "lots";
  EXPECT_NE(run_estimate(data(), r).status().message().find("--market-based: 'lots'"), std::string::npos);
}

TEST(MarketBased, TheShareIsOfTheYearTheGridFigureIsFrom) {
  EstimateRequest r;
  r.gpu = "A100 SXM4 80GB";
  r.hours = "1";
  r.location.cloud = "gcp:asia-east1";
  r.date = "2019-06";
  auto e = run_estimate(data(), r);
  ASSERT_TRUE(e.ok()) << e.status().message();
  ASSERT_TRUE(e->market_based.has_value());
  EXPECT_EQ(e->market_based->provenance.year, 2019);
  EXPECT_DOUBLE_EQ(e->market_based->cfe_share, 0.19);  // data/cloud_regions.csv, 2019
}

}  // namespace
}  // namespace carbonscope
