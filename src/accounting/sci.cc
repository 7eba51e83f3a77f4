// SCI from run totals.
#include "accounting/sci.h"

namespace carbonscope {

SciScore compute_sci(const RunTotals& t, const SciInput& in) {
  SciScore s;
  s.energy = t.facility_energy;
  s.intensity = t.effective_intensity();
  s.operational = t.emissions;
  s.embodied = in.embodied;
  const double r = in.functional_units > 0 ? in.functional_units : 1;
  const Range<Emissions> total{t.emissions.central + s.embodied, t.emissions.low + s.embodied,
                               t.emissions.high + s.embodied};
  s.per_unit = total.scaled(1.0 / r);
  return s;
}

}  // namespace carbonscope
