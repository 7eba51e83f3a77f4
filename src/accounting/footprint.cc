// The accounting identity: energy x PUE x intensity -> emissions.
#include "carbonscope/footprint.h"

namespace carbonscope {

Footprint compute_footprint(std::vector<ComponentEnergy> components, PueFigure pue,
                            IntensityFigure intensity) {
  Footprint f;
  for (const ComponentEnergy& c : components) f.it_energy = f.it_energy + c.energy;
  f.components = std::move(components);
  f.facility_energy = {f.it_energy.central * pue.value.central, f.it_energy.low * pue.value.low,
                       f.it_energy.high * pue.value.high};
  f.emissions = multiply(f.facility_energy, intensity.value);
  f.pue = std::move(pue);
  f.intensity = std::move(intensity);
  return f;
}

}  // namespace carbonscope
