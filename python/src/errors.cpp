// Python exceptions: cadrekit.Error and its subclasses, raised for cadrekit::Error by code.
//   Error(Exception)
//   ├── InvalidInput(Error, ValueError)      invalid_input, invalid_argument, overflow
//   ├── PolicyError(Error)                   policy
//   ├── CalendarCoverageError(Error)         calendar_coverage
//   └── StateError(Error)                    state
// Each carries .code (stable name), .field, .record and .message (the text without the
// " (field F, record R)" that str() of the error ends with).
#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "cadrekit/core/errors.hpp"
#include "core/json_read.hpp"
#include "raise_error.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {
PyObject *g_error = nullptr;
PyObject *g_invalid_input = nullptr;
PyObject *g_policy = nullptr;
PyObject *g_coverage = nullptr;
PyObject *g_state = nullptr;

PyObject *make_class(py::module_ &m, const char *name, PyObject *bases, const char *doc) {
  std::string qualified = std::string("cadrekit.") + name;
  PyObject *cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases, nullptr);
  if (cls == nullptr) throw py::error_already_set();
  m.attr(name) = py::handle(cls);
  return cls;
}

PyObject *class_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::policy: return g_policy;
    case ErrorCode::calendar_coverage: return g_coverage;
    case ErrorCode::state: return g_state;
    case ErrorCode::invalid_input:
    case ErrorCode::invalid_argument:
    case ErrorCode::overflow: return g_invalid_input;
    default: return g_error;
  }
}
}  // namespace

void init_errors(py::module_ &m) {
  g_error = make_class(m, "Error", PyExc_Exception,
                       "Base of every error cadrekit raises; has .code, .field and .record.");
  py::tuple invalid_bases = py::make_tuple(py::handle(g_error), py::handle(PyExc_ValueError));
  g_invalid_input = make_class(m, "InvalidInput", invalid_bases.ptr(),
                               "Input that breaks the rules: malformed date, bad code, overflow.");
  g_policy = make_class(m, "PolicyError", g_error,
                        "Malformed policy profile, unknown parameter, or not yet in force.");
  g_coverage = make_class(m, "CalendarCoverageError", g_error,
                          "A date outside the working-day calendar's coverage.");
  g_state = make_class(m, "StateError", g_error,
                       "An operation the object's current state does not allow.");

  // Defaults for errors raised from the Python side of the package (DataFrame adapters):
  // every cadrekit error has .code, .field and .record, whoever raised it.
  auto defaults = [](PyObject *cls, const char *code) {
    py::handle h(cls);
    h.attr("code") = code;
    h.attr("field") = "";
    h.attr("record") = "";
    h.attr("message") = "";
  };
  defaults(g_error, "internal");
  defaults(g_invalid_input, "invalid_input");
  defaults(g_policy, "policy");
  defaults(g_coverage, "calendar_coverage");
  defaults(g_state, "state");
  m.def(
      "masked_record", [](std::string_view record) { return masked_record(record); }, py::arg("record"),
      "A record's name as an error shows it (cadrekit::masked_record): each number of 11 or more "
      "digits (a citizen ID, a phone number; ASCII or full-width, split or not by single spaces, "
      "dashes or dots) masked but for its last four digits.");
  m.def(
      "display_key", [](std::string_view key) { return json_read::display_key(key); }, py::arg("key"),
      "A key as an error shows it (json_read::display_key): a short ASCII identifier as it is, a run of "
      "11 or more digits in it masked; any other key as `?`.");

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Error &e) {
      set_python_error(e);
    }
  });
}

void set_python_error(const Error &e) {
  py::object cls = py::reinterpret_borrow<py::object>(class_for(e.code()));
  py::object exc = cls(py::str(e.what()));
  exc.attr("code") = error_code_name(e.code());
  exc.attr("field") = e.field();
  exc.attr("record") = e.record();
  exc.attr("message") = e.message();
  PyErr_SetObject(cls.ptr(), exc.ptr());
}

}  // namespace cadrekit::python
