// The accounting identity: energy x PUE x intensity -> emissions.
#include "carbonscope/footprint.h"

namespace carbonscope {

Emissions emissions_of(Energy it_energy, double pue, CarbonIntensity intensity) {
  return (it_energy * pue) * intensity;
}

Range<Emissions> emissions_of(const Range<Energy>& it_energy, const Range<double>& pue,
                              const Range<CarbonIntensity>& intensity) {
  return {emissions_of(it_energy.central, pue.central, intensity.central),
          emissions_of(it_energy.low, pue.low, intensity.low), emissions_of(it_energy.high, pue.high, intensity.high)};
}

Emissions emissions_of(Energy it_energy, const PueFigure& pue, const IntensityFigure& intensity) {
  return emissions_of(it_energy, pue.value.central, intensity.value.central);
}

Footprint compute_footprint(std::vector<ComponentEnergy> components, PueFigure pue,
                            IntensityFigure intensity) {
  Footprint f;
  for (const ComponentEnergy& c : components) f.it_energy = f.it_energy + c.energy;
  f.components = std::move(components);
  f.facility_energy = multiply(f.it_energy, pue.value);
  f.emissions = emissions_of(f.it_energy, pue.value, intensity.value);
  f.pue = std::move(pue);
  f.intensity = std::move(intensity);
  return f;
}

}  // namespace carbonscope
