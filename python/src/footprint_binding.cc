// carbonscope._carbonscope.emissions_kg: the accounting identity (carbonscope/footprint.h,
// emissions_of) for Python, so the package never multiplies energy, PUE and intensity
// itself (the epoch forecast in carbonscope/_predict.py asks here).
#include <array>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "carbonscope/footprint.h"

namespace py = pybind11;

namespace carbonscope::python {

using Triple = std::array<double, 3>;  // (central, low, high)

void bind_footprint(py::module_& m) {
  m.def(
      "emissions_kg",
      [](const Triple& kwh, const Triple& pue, const Triple& g_per_kwh) {
        const auto e = [](double v) { return Energy::kwh(v); };
        const auto ci = [](double v) { return CarbonIntensity::g_per_kwh(v); };
        const Range<Emissions> kg = emissions_of(Range<Energy>::of(e(kwh[0]), e(kwh[1]), e(kwh[2])),
                                                Range<double>::of(pue[0], pue[1], pue[2]),
                                                Range<CarbonIntensity>::of(ci(g_per_kwh[0]), ci(g_per_kwh[1]),
                                                                           ci(g_per_kwh[2])));
        return py::make_tuple(kg.central.kg(), kg.low.kg(), kg.high.kg());
      },
      py::arg("energy_kwh"), py::arg("pue"), py::arg("intensity_g_per_kwh"),
      "Emissions in kg CO2e of an IT energy at a PUE and a grid intensity, each a (central, low, high) "
      "triple, bound by bound: energy x PUE x intensity, as every carbonscope figure is computed.");
}

}  // namespace carbonscope::python
