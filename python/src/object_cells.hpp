// The cells of an object column (private): which of them the DataFrame paths take as missing.
#pragma once

#include <pybind11/pybind11.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace cadrekit::python {

/// A missing cell of an object array: an unfilled slot, None, a float NaN, or one of the
/// caller's missing objects `absent` (pandas.NA, pandas.NaT: cadrekit._frames._missing_objects),
/// compared by identity.
inline bool missing_cell(PyObject *v, const std::vector<PyObject *> &absent) {
  return v == nullptr || v == Py_None || (PyFloat_CheckExact(v) && std::isnan(PyFloat_AS_DOUBLE(v))) ||
         std::find(absent.begin(), absent.end(), v) != absent.end();
}

}  // namespace cadrekit::python
