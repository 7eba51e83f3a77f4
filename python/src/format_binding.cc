// carbonscope.format_energy, format_emissions, format_power, format_duration and
// format_number: the C++ core's formatters (carbonscope/format.h), so Python's str()
// and repr() of results pick units and digits exactly as the CLI and reports do.
#include <pybind11/pybind11.h>

#include "carbonscope/format.h"

namespace py = pybind11;

namespace carbonscope::python {

void bind_format(py::module_& m) {
  m.def(
      "format_energy", [](double kwh) { return format_energy(Energy::kwh(kwh)); }, py::arg("kwh"),
      "An energy in kWh as the CLI prints it, in J, Wh or kWh by magnitude (\"1.67 Wh\").");
  m.def(
      "format_emissions", [](double kg) { return format_emissions(Emissions::kg(kg)); }, py::arg("kg"),
      "Emissions in kg CO2e as the CLI prints them, in mg, g, kg or t by magnitude (\"0.740 mg\").");
  m.def(
      "format_power", [](double watts) { return format_power(Power::watts(watts)); }, py::arg("watts"),
      "A power in W as the CLI prints it, in W or kW (\"45.0 W\").");
  m.def(
      "format_duration", [](double seconds) { return format_duration(Duration(seconds)); }, py::arg("seconds"),
      "A duration in seconds as the CLI prints it (\"1.50s\", \"2h 5m\").");
  m.def(
      "format_number", [](double value, int sig) { return format_number(value, sig); }, py::arg("value"),
      py::arg("sig") = 4, "A number with `sig` significant digits and thousands separators (\"433,196\").");
}

}  // namespace carbonscope::python
