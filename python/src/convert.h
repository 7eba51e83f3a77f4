// Conversions at the Python boundary: a failed Status becomes the matching typed
// exception (carbonscope.InvalidArgument, NotFound, ...; all CarbonscopeError), and
// JSON documents (report.json's schema) become plain dicts and lists.
#pragma once

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

#include "carbonscope/status.h"

namespace carbonscope::python {

// Creates the exception classes in `m` (called once, at import).
void register_exceptions(pybind11::module_& m);

// Raises the typed exception for a failed status (never returns).
[[noreturn]] void raise(const Status& status);

template <typename T>
T unwrap(Result<T> r) {
  if (!r.ok()) raise(r.status());
  return std::move(r).value();
}
inline void check(const Status& s) {
  if (!s.ok()) raise(s);
}

pybind11::object to_python(const nlohmann::json& j);

}  // namespace carbonscope::python
