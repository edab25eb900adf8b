// A cadrekit::Error raised in Python as the module's exception of its code (cadrekit.InvalidInput,
// cadrekit.PolicyError, ...), with .code, .field, .record and .message: what the exception
// translator does for an error a binding throws, for code that runs outside pybind11's call
// (the argument dispatcher).
#pragma once

#include "cadrekit/core/errors.hpp"

namespace cadrekit::python {

/// Sets the Python error of `e` (the GIL held); the caller returns nullptr to Python.
void set_python_error(const Error &e);

}  // namespace cadrekit::python
