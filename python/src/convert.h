// Conversions at the Python boundary: a failed Status becomes the matching typed
// exception (carbonscope.InvalidArgument, NotFound, ...; all CarbonscopeError), and
// JSON text (report.json's schema, from carbonscope/json.h) becomes plain dicts and lists.
#pragma once

#include <string>

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

// Python's json.loads of `text`.
pybind11::object from_json_text(const std::string& text);

}  // namespace carbonscope::python
