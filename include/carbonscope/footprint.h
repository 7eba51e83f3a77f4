// Footprint: energy by component, PUE, carbon intensity and the emissions they imply,
// each with a range and its provenance. Measured runs and estimates share this type
// and differ only in their provenance fields, so every sink handles both.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/provenance.h"
#include "carbonscope/units.h"

namespace carbonscope {

// Energy drawn by one component ("gpu", "cpu", "ram", "psys", "other") at the plug
// of the IT equipment, before PUE.
struct ComponentEnergy {
  std::string component;
  std::string label;  // e.g. "8 x NVIDIA Tesla P100 PCIe 16GB" or "RAPL package-0"
  Range<Energy> energy;
  Provenance provenance;
};

struct IntensityFigure {
  Range<CarbonIntensity> value;
  Provenance provenance;  // region, year and source_id of the figure
};

struct PueFigure {
  Range<double> value = Range<double>::exact(1.0);
  Provenance provenance;
};

struct Footprint {
  std::vector<ComponentEnergy> components;
  Range<Energy> it_energy;        // sum of the components
  PueFigure pue;
  Range<Energy> facility_energy;  // it_energy x PUE
  IntensityFigure intensity;
  Range<Emissions> emissions;     // facility_energy x intensity
};

// The accounting identity, the one place it is written out: emissions = IT energy x
// PUE x intensity. Every figure of emissions (a footprint, a snapshot, a phase, a
// samples.csv row, the same energy in other regions, a forecast, a plan) comes from
// here. The range form multiplies bound by bound (all factors are non-negative).
Emissions emissions_of(Energy it_energy, double pue, CarbonIntensity intensity);
Range<Emissions> emissions_of(const Range<Energy>& it_energy, const Range<double>& pue,
                              const Range<CarbonIntensity>& intensity);
// The central figures of a PUE and an intensity.
Emissions emissions_of(Energy it_energy, const PueFigure& pue, const IntensityFigure& intensity);

// emissions = sum(components) x PUE x intensity (emissions_of), with interval
// propagation of every range.
Footprint compute_footprint(std::vector<ComponentEnergy> components, PueFigure pue,
                            IntensityFigure intensity);

}  // namespace carbonscope
