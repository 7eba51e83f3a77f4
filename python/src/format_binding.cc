// carbonscope.format_energy, format_emissions, format_power, format_duration and
// format_number, and format_energy_range and format_emissions_range: the C++ core's formatters (carbonscope/format.h), so Python's str()
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
      "format_energy_range",
      [](double kwh, double low, double high) {
        return format_energy_range(Range<Energy>{Energy::kwh(kwh), Energy::kwh(low), Energy::kwh(high)});
      },
      py::arg("kwh"), py::arg("low"), py::arg("high"),
      "An energy and its range in kWh as the CLI prints them: \"12.5 mWh (7.50 to 17.5 mWh)\", or the "
      "energy alone when the range is exact.");
  m.def(
      "format_emissions_range",
      [](double kg, double low, double high) {
        return format_emissions_range(
            Range<Emissions>{Emissions::kg(kg), Emissions::kg(low), Emissions::kg(high)});
      },
      py::arg("kg"), py::arg("low"), py::arg("high"),
      "Emissions and their range in kg CO2e as the CLI prints them: \"30.3 g CO2e (29.2 to 31.2 g "
      "CO2e)\", or the emissions alone (\"30.3 g CO2e\") when the range is exact.");
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
