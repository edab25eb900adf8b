// The cells of an object column (private): which of them the DataFrame paths take as missing.
#pragma once

#include <pybind11/pybind11.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <vector>

#include "core/text.hpp"

namespace cadrekit::python {

/// A missing cell of an object array: an unfilled slot, None, a float NaN, or one of the
/// caller's missing objects `absent` (pandas.NA, pandas.NaT: cadrekit._frames._missing_objects),
/// compared by identity.
inline bool missing_cell(PyObject *v, const std::vector<PyObject *> &absent) {
  return v == nullptr || v == Py_None || (PyFloat_Check(v) && std::isnan(PyFloat_AS_DOUBLE(v))) ||
         std::find(absent.begin(), absent.end(), v) != absent.end();
}

/// The words of every refusal of a str that UTF-8 cannot hold, as the rows paths word it.
inline constexpr const char kNotUtf8Text[] = "text is not valid UTF-8 (it holds a lone surrogate)";
/// The words of every refusal of a text holding a NUL character, as the JSON readers word it.
using text_util::kNulInText;

/// The UTF-8 text of a str (a view into it, valid while it lives), or nullopt when it has none:
/// it holds a lone surrogate (Python's error is cleared; the caller names the field and row).
/// An ASCII str is its own UTF-8 and is read without a call (a column of ids reads millions);
/// any other is encoded once and cached by the str object.
inline std::optional<std::string_view> utf8_view(PyObject *s) {
  if (PyUnicode_IS_COMPACT_ASCII(s))
    return std::string_view(static_cast<const char *>(PyUnicode_DATA(s)), static_cast<std::size_t>(PyUnicode_GET_LENGTH(s)));
  Py_ssize_t n = 0;
  const char *c = PyUnicode_AsUTF8AndSize(s, &n);
  if (c == nullptr) {
    PyErr_Clear();
    return std::nullopt;
  }
  return std::string_view(c, static_cast<std::size_t>(n));
}

}  // namespace cadrekit::python
