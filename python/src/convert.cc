// Status -> typed Python exception; nlohmann::json -> Python objects.
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

py::object to_python(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null: return py::none();
    case nlohmann::json::value_t::boolean: return py::bool_(j.get<bool>());
    case nlohmann::json::value_t::number_integer: return py::int_(j.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return py::int_(j.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: return py::float_(j.get<double>());
    case nlohmann::json::value_t::string: return py::str(j.get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      py::list out;
      for (const auto& v : j) out.append(to_python(v));
      return out;
    }
    case nlohmann::json::value_t::object: {
      py::dict out;
      for (const auto& [k, v] : j.items()) out[py::str(k)] = to_python(v);
      return out;
    }
    default: return py::none();
  }
}

}  // namespace carbonscope::python
