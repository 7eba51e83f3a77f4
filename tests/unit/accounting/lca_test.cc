// The life-cycle model on the BLOOM paper's figures (Luccioni et al. 2023, Sec. 4) and
// on hand-checked cases: amortisation, interval bounds, idle shares, per-request figures.
#include "carbonscope/lca.h"

#include <cmath>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

constexpr double kBloomGpuHours = 1082990;

PueFigure pue(double v) { return {Range<double>::exact(v), {Method::kGiven, "", "", "", 0}}; }
IntensityFigure ci(double g) {
  return {Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(g)), {Method::kGiven, "", "", "", 0}};
}

EmbodiedEntry unit(std::string name, double kg, double devices_per_unit) {
  EmbodiedEntry e;
  e.name = std::move(name);
  e.per_unit = Range<Emissions>::exact(Emissions::kg(kg));
  e.lifetime_years = Range<double>::exact(6);
  e.use_share = Range<double>::exact(0.85);
  e.devices_per_unit = devices_per_unit;
  return e;
}

EnergyEntry phase(LcaPart part, std::string name, double kwh, double g_per_kwh = 57) {
  EnergyEntry e;
  e.part = part;
  e.name = std::move(name);
  e.energy = Range<Energy>::exact(Energy::kwh(kwh));
  e.pue = pue(1.0);
  e.intensity = ci(g_per_kwh);
  return e;
}

LcaInputs bloom() {
  LcaInputs in;
  in.embodied = {unit("servers", 2500, 8), unit("gpus", 150, 1)};
  EnergyEntry training = phase(LcaPart::kDynamic, "training", 433196);
  training.device_hours = Range<double>::exact(kBloomGpuHours);
  in.energy = {training, phase(LcaPart::kIdle, "idle", 256646)};
  return in;
}

TEST(Lca, ReproducesBloom) {
  auto r = compute_lca(bloom());
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->lines.size(), 4u);
  // 2,500 kg x (1,082,990 / 8) h / (6 x 8,760 x 0.85) h = 7,575.3 kg; 150 kg x 1,082,990 / 44,676 = 3,636.1 kg.
  EXPECT_NEAR(r->lines[0].emissions.central.kg(), 7575.3, 0.1);
  EXPECT_NEAR(r->lines[1].emissions.central.kg(), 3636.1, 0.1);
  EXPECT_NEAR(r->lines[0].unit_hours.central, 135373.75, 1e-9);
  EXPECT_NEAR(r->parts[0].emissions.central.tonnes(), 11.2, 0.05);
  EXPECT_NEAR(r->parts[1].emissions.central.kg(), 24692.172, 1e-3);
  EXPECT_NEAR(r->parts[2].emissions.central.kg(), 14628.822, 1e-3);
  EXPECT_NEAR(r->emissions.central.tonnes(), 50.5, 0.05);
  EXPECT_NEAR(r->parts[0].share, 0.222, 0.001);
  EXPECT_NEAR(r->parts[1].share, 0.489, 0.001);
  EXPECT_NEAR(r->parts[2].share, 0.289, 0.001);
  EXPECT_TRUE(r->emissions.is_exact());
}

TEST(Lca, PartsSumToTheTotal) {
  auto r = compute_lca(bloom());
  ASSERT_TRUE(r.ok());
  double sum = 0, shares = 0;
  for (const LcaPartTotal& p : r->parts) {
    sum += p.emissions.central.grams();
    shares += p.share;
  }
  EXPECT_NEAR(sum, r->emissions.central.grams(), 1e-6);
  EXPECT_NEAR(shares, 1.0, 1e-12);
}

TEST(Lca, AmortisationDividesByTheOppositeBound) {
  LcaInputs in;
  EmbodiedEntry e = unit("servers", 2500, 1);
  e.per_unit = Range<Emissions>::of(Emissions::kg(2500), Emissions::kg(1000), Emissions::kg(2500));
  e.lifetime_years = Range<double>::of(6, 4, 6);
  e.use_share = Range<double>::exact(1);
  e.unit_hours = Range<double>::exact(8760);  // one server-year
  in.embodied = {e};
  auto r = compute_lca(in);
  ASSERT_TRUE(r.ok());
  // central 2,500 / 6 = 416.7 kg; low 1,000 / 6 = 166.7 kg; high 2,500 / 4 = 625 kg.
  EXPECT_NEAR(r->emissions.central.kg(), 416.667, 1e-3);
  EXPECT_NEAR(r->emissions.low.kg(), 166.667, 1e-3);
  EXPECT_NEAR(r->emissions.high.kg(), 625.0, 1e-9);
}

TEST(Lca, IdleShareOfTheTotal) {
  LcaInputs in;
  in.energy = {phase(LcaPart::kDynamic, "training", 540)};
  EnergyEntry idle = phase(LcaPart::kIdle, "idle", 0);
  idle.idle_share = 0.46;  // idle / (idle + dynamic) = 46% -> idle = 540 x 46 / 54 = 460 kWh
  in.energy.push_back(idle);
  auto r = compute_lca(in);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->lines[1].energy.central.kwh(), 460, 1e-9);
  EXPECT_NEAR(r->lines[1].emissions.central.kg(), 460 * 0.057, 1e-9);
}

TEST(Lca, InferencePerRequestIncludesPue) {
  LcaInputs in;
  EnergyEntry api = phase(LcaPart::kInference, "api", 1000, 400);
  api.pue = pue(1.2);
  api.requests = 250000;
  in.energy = {api};
  auto r = compute_lca(in);
  ASSERT_TRUE(r.ok());
  const LcaLine& l = r->lines[0];
  // 1,000 kWh x 1.2 = 1,200 kWh -> 4.8 Wh and 1.92 g per request; 4.8 kWh and 1.92 kg per 1,000.
  EXPECT_NEAR(l.facility_energy_per_request.central.wh(), 4.8, 1e-9);
  EXPECT_NEAR(l.emissions_per_request.central.grams(), 1.92, 1e-9);
  EXPECT_NEAR(r->parts[3].share, 1.0, 1e-12);
}

TEST(Lca, RangesPropagateThroughPueAndEnergy) {
  LcaInputs in;
  EnergyEntry e = phase(LcaPart::kDynamic, "run", 100, 100);
  e.energy = Range<Energy>::of(Energy::kwh(100), Energy::kwh(80), Energy::kwh(130));
  e.pue.value = Range<double>::of(1.1, 1.05, 1.2);
  in.energy = {e};
  auto r = compute_lca(in);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->emissions.low.kg(), 80 * 1.05 * 0.1, 1e-9);
  EXPECT_NEAR(r->emissions.central.kg(), 100 * 1.1 * 0.1, 1e-9);
  EXPECT_NEAR(r->emissions.high.kg(), 130 * 1.2 * 0.1, 1e-9);
}

TEST(Lca, RejectsWhatCannotBeComputed) {
  LcaInputs no_hours;
  no_hours.embodied = {unit("servers", 2500, 8)};
  EXPECT_EQ(compute_lca(no_hours).status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(compute_lca(no_hours).status().message().find("device_hours"), std::string::npos);

  LcaInputs bad_share = bloom();
  bad_share.embodied[0].use_share = Range<double>::exact(1.5);
  EXPECT_FALSE(compute_lca(bad_share).ok());

  LcaInputs all_idle;
  EnergyEntry idle = phase(LcaPart::kIdle, "idle", 0);
  idle.idle_share = 0.5;
  all_idle.energy = {idle};
  EXPECT_FALSE(compute_lca(all_idle).ok());  // a share of nothing
}

}  // namespace
}  // namespace carbonscope
