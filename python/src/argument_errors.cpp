// Calls no overload accepts: a TypeError that names the arguments' types, never their values.
//
// pybind11 answers such a call with a TypeError listing the signatures it supports and then
// "Invoked with: " and the repr() of every argument: a citizen ID given as a number, a name with
// a lone surrogate, a whole record. cadrekit runs inside other people's processes and logs, and
// none of its messages may carry a personal value, so every function of the module (its
// functions, its classes' methods, constructors, static methods and properties) is dispatched
// through `dispatch`, which keeps pybind11's message up to that list and replaces the list by the
// arguments' types: `Invoked with: int, date, as_of=str`. A str UTF-8 cannot hold (a lone
// surrogate) is refused as the rows paths refuse such a cell: InvalidInput naming the parameter.
#include <Python.h>

#include <cstring>
#include <optional>
#include <string>
#include <unordered_set>

#include "bindings.hpp"
#include "core/json_read.hpp"
#include "object_cells.hpp"
#include "raise_error.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

// pybind11's dispatcher is a protected static member of cpp_function.
struct Dispatcher : py::cpp_function {
  using py::cpp_function::dispatcher;
};

constexpr const char *kInvokedWith = "\nInvoked with: ";

// Whether `arg` is a str that UTF-8 cannot hold (a lone surrogate).
bool not_utf8(PyObject *arg) { return PyUnicode_Check(arg) && !utf8_view(arg); }

// An argument (or a keyword) as the message shows it: its type's name; a str that UTF-8 cannot
// hold says so. (Such an argument is refused before, by refused() below, as InvalidInput; a
// keyword's own name may still be one.)
std::string shown(PyObject *arg) {
  std::string out = Py_TYPE(arg)->tp_name;
  if (not_utf8(arg)) out += " (not UTF-8)";
  return out;
}

// A keyword as a message shows it: a parameter's name, shown as a key may be (a dict spread into
// the call may bring keys of its own); nullopt when it is not text UTF-8 holds.
std::optional<std::string> keyword_shown(PyObject *key) {
  const auto name = PyUnicode_Check(key) ? utf8_view(key) : std::nullopt;
  if (!name) return std::nullopt;
  return json_read::display_key(*name);
}

// `first`: 1 for a constructor, whose first argument is the object being made (pybind11 leaves
// it out of its list too).
std::string types_of(PyObject *args, PyObject *kwargs, Py_ssize_t first) {
  std::string out;
  auto sep = [&out] {
    if (!out.empty()) out += ", ";
  };
  if (args != nullptr && PyTuple_Check(args)) {
    for (Py_ssize_t i = first; i < PyTuple_GET_SIZE(args); ++i) {
      sep();
      out += shown(PyTuple_GET_ITEM(args, i));
    }
  }
  if (kwargs != nullptr && PyDict_Check(kwargs)) {
    PyObject *key = nullptr;
    PyObject *value = nullptr;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
      sep();
      out += keyword_shown(key).value_or(shown(key)) + "=" + shown(value);
    }
  }
  return out;
}

// The exception being raised, taken (normalised, its traceback attached), and raised again.
PyObject *take_exception() {
#if PY_VERSION_HEX >= 0x030C0000
  return PyErr_GetRaisedException();
#else
  PyObject *type = nullptr;
  PyObject *value = nullptr;
  PyObject *traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  if (value != nullptr && traceback != nullptr) PyException_SetTraceback(value, traceback);
  Py_XDECREF(type);
  Py_XDECREF(traceback);
  return value;
#endif
}

void raise_again(PyObject *exception) {
#if PY_VERSION_HEX >= 0x030C0000
  PyErr_SetRaisedException(exception);
#else
  PyObject *type = reinterpret_cast<PyObject *>(Py_TYPE(exception));
  Py_INCREF(type);  // (not Py_NewRef: Python 3.9 has none)
  PyErr_Restore(type, exception, PyException_GetTraceback(exception));
#endif
}

// The function's record (its overloads' argument names), from the capsule pybind11 gives its
// dispatcher, whatever name the capsule bears; nullptr where it is not one.
const py::detail::function_record *record_of(PyObject *self) {
  if (self == nullptr || !PyCapsule_CheckExact(self)) return nullptr;
  const char *name = PyCapsule_GetName(self);
  if (name == nullptr && PyErr_Occurred()) PyErr_Clear();
  void *record = PyCapsule_GetPointer(self, name);
  if (record == nullptr) PyErr_Clear();
  return static_cast<const py::detail::function_record *>(record);
}

// Where `arg` holds a str UTF-8 cannot hold: "" for itself, "[i]" for an item of a list or a
// tuple (one level down: a parameter of a list of texts, or of rows), "[i][j]" for an item of such
// an item, "[?]" for a key or a value of a dict (a key may be data); nullopt where it holds none.
std::optional<std::string> not_utf8_in(PyObject *arg, int depth = 0) {
  if (not_utf8(arg)) return std::string();
  if (depth < 2 && (PyList_Check(arg) || PyTuple_Check(arg))) {
    const Py_ssize_t n = PySequence_Fast_GET_SIZE(arg);
    PyObject **items = PySequence_Fast_ITEMS(arg);
    for (Py_ssize_t i = 0; i < n; ++i)
      if (auto at = not_utf8_in(items[i], depth + 1)) return "[" + std::to_string(i) + "]" + *at;
  } else if (depth < 2 && PyDict_Check(arg)) {
    PyObject *key = nullptr;
    PyObject *value = nullptr;
    Py_ssize_t pos = 0;
    while (PyDict_Next(arg, &pos, &key, &value))
      if (not_utf8(key) || not_utf8_in(value, depth + 1)) return std::string("[?]");
  }
  return std::nullopt;
}

// The parameter an argument not UTF-8 was given for (or holding one, as not_utf8_in says where):
// a keyword's own name, or the name the function's first overload gives the position (`self`
// counts, as pybind11 lists it), `argN` for an unnamed one as pybind11's signatures show it, else
// "argument N" (from 1).
std::string parameter_of(PyObject *self, PyObject *args, PyObject *kwargs, Py_ssize_t first) {
  if (args != nullptr && PyTuple_Check(args)) {
    for (Py_ssize_t i = first; i < PyTuple_GET_SIZE(args); ++i) {
      const auto where = not_utf8_in(PyTuple_GET_ITEM(args, i));
      if (!where) continue;
      const py::detail::function_record *rec = record_of(self);
      const auto at = static_cast<std::size_t>(i);
      if (rec != nullptr && at < rec->args.size() && rec->args[at].name != nullptr) return rec->args[at].name + *where;
      if (rec != nullptr)  // an unnamed parameter, as pybind11's signatures name it (self not counted)
        return "arg" + std::to_string(i - (rec->is_method ? 1 : 0)) + *where;
      return "argument " + std::to_string(i + 1 - first) + *where;
    }
  }
  if (kwargs != nullptr && PyDict_Check(kwargs)) {
    PyObject *key = nullptr;
    PyObject *value = nullptr;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
      if (const auto where = not_utf8_in(value)) return keyword_shown(key).value_or("?") + *where;
    }
  }
  return {};
}

// The TypeError pybind11 raised for a call no overload accepts, raised again as this file's
// header says. Its references are held by objects, so that an exception thrown here (no memory
// for a string) leaks none.
PyObject *refused(PyObject *self, PyObject *args, PyObject *kwargs) {
  py::object exception = py::reinterpret_steal<py::object>(take_exception());
  if (!exception) return nullptr;
  py::object text = py::reinterpret_steal<py::object>(PyObject_Str(exception.ptr()));
  const char *message = text ? PyUnicode_AsUTF8AndSize(text.ptr(), nullptr) : nullptr;
  const char *at = message != nullptr ? std::strstr(message, kInvokedWith) : nullptr;
  if (at == nullptr) {  // another TypeError: the function's own, passed on as it is
    PyErr_Clear();
    raise_again(exception.release().ptr());
    return nullptr;
  }
  const bool constructor = std::strstr(message, "incompatible constructor arguments") != nullptr;
  // A str UTF-8 cannot hold (a lone surrogate) is text no function of the library takes: the
  // rows paths refuse such a cell as invalid input, and so is such an argument, by its name.
  if (std::string field = parameter_of(self, args, kwargs, constructor ? 1 : 0); !field.empty()) {
    set_python_error(InvalidInput(kNotUtf8Text, field));
    return nullptr;
  }
  std::string rewritten(message, static_cast<std::size_t>(at - message));
  rewritten += kInvokedWith;
  rewritten += types_of(args, kwargs, constructor ? 1 : 0);
  PyErr_SetString(PyExc_TypeError, rewritten.c_str());
  return nullptr;
}

PyObject *dispatch(PyObject *self, PyObject *args, PyObject *kwargs) {
  PyObject *result = Dispatcher::dispatcher(self, args, kwargs);
  if (result != nullptr || !PyErr_ExceptionMatches(PyExc_TypeError)) return result;
  try {
    return refused(self, args, kwargs);
  } catch (py::error_already_set &e) {
    e.restore();
  } catch (const std::exception &) {  // no C++ exception crosses into Python's C code
    PyErr_NoMemory();
  }
  return nullptr;
}

PyCFunction as_method(PyObject *(*f)(PyObject *, PyObject *, PyObject *)) {
  // The cast pybind11 itself makes for ml_meth, through a function pointer of no arguments.
  return reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(f));
}

class Router {
 public:
  void module(PyObject *m) {
    if (!seen_.insert(m).second) return;
    PyObject *dict = PyModule_GetDict(m);  // borrowed
    if (dict != nullptr) members(dict);
  }

 private:
  void members(PyObject *dict) {
    PyObject *key = nullptr;
    PyObject *value = nullptr;
    Py_ssize_t pos = 0;
    while (PyDict_Next(dict, &pos, &key, &value)) object(value);
  }

  void object(PyObject *o) {
    if (PyCFunction_Check(o)) {
      route(o);
    } else if (PyInstanceMethod_Check(o)) {
      route(PyInstanceMethod_GET_FUNCTION(o));
    } else if (PyObject_TypeCheck(o, &PyStaticMethod_Type) || PyObject_TypeCheck(o, &PyProperty_Type)) {
      // (pybind11's static properties, such as an enum's __doc__, are properties too)
      for (const char *part : {"__func__", "fget", "fset", "fdel"}) {
        if (!PyObject_HasAttrString(o, part)) continue;
        PyObject *f = PyObject_GetAttrString(o, part);
        if (f == nullptr) {
          PyErr_Clear();
          continue;
        }
        object(f);
        Py_DECREF(f);
      }
    } else if (PyModule_Check(o)) {
      if (ours(o)) module(o);
    } else if (PyType_Check(o)) {
      if (ours(o) && seen_.insert(o).second) members(reinterpret_cast<PyTypeObject *>(o)->tp_dict);
    }
  }

  // The module's own submodules and classes (their __module__ is cadrekit._core…), not the
  // library types a module refers to.
  static bool ours(PyObject *o) {
    PyObject *name = PyObject_GetAttrString(o, PyModule_Check(o) ? "__name__" : "__module__");
    if (name == nullptr) {
      PyErr_Clear();
      return false;
    }
    const char *text = PyUnicode_Check(name) ? PyUnicode_AsUTF8AndSize(name, nullptr) : nullptr;
    if (text == nullptr) PyErr_Clear();
    bool result = text != nullptr && std::strncmp(text, "cadrekit.", 9) == 0;
    Py_DECREF(name);
    return result;
  }

  static void route(PyObject *f) {
    PyMethodDef *def = reinterpret_cast<PyCFunctionObject *>(f)->m_ml;
    if (def != nullptr && def->ml_meth == as_method(&Dispatcher::dispatcher)) def->ml_meth = as_method(&dispatch);
  }

  std::unordered_set<PyObject *> seen_;
};

}  // namespace

void init_argument_errors(py::module_ &m) {
  Router().module(m.ptr());
}

}  // namespace cadrekit::python
