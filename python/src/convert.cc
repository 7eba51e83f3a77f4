// Status -> typed Python exception; JSON text -> Python objects.
#include "convert.h"

#include <array>
#include <string>

namespace py = pybind11;

namespace carbonscope::python {
namespace {

// One class per StatusCode (kOk unused), created by register_exceptions.
std::array<PyObject*, 10> exception_types{};

// Python builtin base shared by a class, so `except ValueError` also catches it.
PyObject* builtin_base(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return PyExc_ValueError;
    case StatusCode::kNotFound:
    case StatusCode::kAmbiguous: return PyExc_LookupError;
    case StatusCode::kFailedPrecondition: return PyExc_RuntimeError;
    default: return nullptr;
  }
}

// An exception thrown through pybind11, translated to the class for its code.
struct StatusError {
  Status status;
};

}  // namespace

void register_exceptions(py::module_& m) {
  PyObject* base = PyErr_NewExceptionWithDoc("carbonscope.CarbonscopeError",
                                             "Base class of every carbonscope error.", PyExc_Exception, nullptr);
  exception_types[0] = base;
  m.add_object("CarbonscopeError", py::handle(base));
  const std::array<std::pair<StatusCode, const char*>, 9> kinds = {{
      {StatusCode::kInvalidArgument, "InvalidArgument"},
      {StatusCode::kNotFound, "NotFound"},
      {StatusCode::kAmbiguous, "Ambiguous"},
      {StatusCode::kUnavailable, "Unavailable"},
      {StatusCode::kPermissionDenied, "PermissionDenied"},
      {StatusCode::kDataError, "DataError"},
      {StatusCode::kIoError, "IoError"},
      {StatusCode::kFailedPrecondition, "FailedPrecondition"},
      {StatusCode::kInternal, "InternalError"},
  }};
  for (const auto& [code, name] : kinds) {
    PyObject* extra = builtin_base(code);
    py::object bases = extra != nullptr ? py::object(py::make_tuple(py::handle(base), py::handle(extra)))
                                        : py::object(py::reinterpret_borrow<py::object>(base));
    const std::string qualified = std::string("carbonscope.") + name;
    PyObject* type = PyErr_NewException(qualified.c_str(), bases.ptr(), nullptr);
    if (type == nullptr) throw py::error_already_set();
    exception_types[static_cast<std::size_t>(code)] = type;
    m.add_object(name, py::handle(type));
  }
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusError& e) {
      PyObject* type = exception_types[static_cast<std::size_t>(e.status.code())];
      PyErr_SetString(type != nullptr ? type : exception_types[0], e.status.message().c_str());
    }
  });
}

void raise(const Status& status) { throw StatusError{status}; }

py::object from_json_text(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);  // sys.modules caches the import
}

}  // namespace carbonscope::python
