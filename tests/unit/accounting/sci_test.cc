// SCI over run totals: ((E x I) + M) / R, where E is the runs' facility energy and I
// their effective intensity, so E x I is their operational emissions; and the totals
// of several runs add their parts (hardware named once per distinct machine).
#include "accounting/sci.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

Report run_of(double kwh, double pue, double g_per_kwh, std::string gpu) {
  Report r;
  r.run.gpu_model = std::move(gpu);
  r.run.gpu_count = 2;
  r.run.cpu_model = "AMD EPYC 7763";
  r.run.complete = true;
  PueFigure p;
  p.value = Range<double>::exact(pue);
  IntensityFigure i;
  i.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(g_per_kwh));
  ComponentEnergy c;
  c.component = "gpu";
  c.energy = Range<Energy>::exact(Energy::kwh(kwh));
  r.footprint = compute_footprint({c}, p, i);
  return r;
}

TEST(Sci, OperationalPlusEmbodiedPerFunctionalUnit) {
  const RunTotals t = compute_totals({run_of(2, 1.5, 400, "A100"), run_of(1, 1.0, 100, "A100")});
  EXPECT_NEAR(t.facility_energy.central.kwh(), 4, 1e-12);
  EXPECT_NEAR(t.emissions.central.grams(), 2 * 1.5 * 400 + 100, 1e-9);
  EXPECT_EQ(t.hardware, std::vector<std::string>{"2 x A100; AMD EPYC 7763"});
  SciInput in;
  in.functional_units = 10;
  in.embodied = Emissions::grams(300);
  const SciScore s = compute_sci(t, in);
  EXPECT_NEAR(s.operational.central.grams(), 1300, 1e-9);
  EXPECT_NEAR(s.intensity.g_per_kwh(), 1300.0 / 4, 1e-9);
  EXPECT_NEAR(s.per_unit.central.grams(), (1300.0 + 300) / 10, 1e-9);
  in.functional_units = 0;  // no units counted: per run set, not a division by zero
  EXPECT_NEAR(compute_sci(t, in).per_unit.central.grams(), 1600, 1e-9);
}

}  // namespace
}  // namespace carbonscope
