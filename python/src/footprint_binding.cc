// carbonscope._carbonscope.emissions_kg: the accounting identity (carbonscope/footprint.h,
// emissions_of) for Python, so the package never multiplies energy, PUE and intensity
// itself (the epoch forecast in carbonscope/_predict.py asks here); codecarbon_record, a
// run's emissions.csv row as a dict, so the CodeCarbon shim (carbonscope/compat.py) reads
// the row's figures instead of rebuilding them.
#include <array>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "carbonscope/footprint.h"
#include "carbonscope/json.h"
#include "convert.h"

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
  m.def(
      "codecarbon_record",
      [](const std::string& report_json) {
        return from_json_text(codecarbon_record_json(unwrap(parse_report_json(report_json))));
      },
      py::arg("report_json"),
      "A run's report.json text as its row of CodeCarbon's emissions.csv: a dict, column -> value, "
      "the same figures the emissions.csv row holds.");
}

}  // namespace carbonscope::python
