// carbonscope._carbonscope: the pybind11 module under the pure-Python package
// `carbonscope`. Import is cheap: the data tables load on first use, and no thread
// starts until a tracker does.
#include <pybind11/pybind11.h>

#include <string>

#include "carbonscope/version.h"
#include "convert.h"

namespace py = pybind11;

namespace carbonscope::python {
void bind_tracker(py::module_& m);
void bind_estimate(py::module_& m);
void bind_format(py::module_& m);
void bind_footprint(py::module_& m);
}  // namespace carbonscope::python

PYBIND11_MODULE(_carbonscope, m) {
  m.doc() = "carbonscope's C++ core: tracker, estimate, data tables";
  m.attr("__version__") = std::string(carbonscope::version());
  carbonscope::python::register_exceptions(m);
  carbonscope::python::bind_tracker(m);
  carbonscope::python::bind_estimate(m);
  carbonscope::python::bind_format(m);
  carbonscope::python::bind_footprint(m);
}
