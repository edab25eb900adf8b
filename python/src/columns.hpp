// Integer input columns of the batch calls (private): every value is checked before it is
// narrowed, never wrapped. One rule for every column function (the C ABI's and the DataFrame
// path's): a value outside the target type or the given range, a fraction, ±inf, text or another
// object, and a missing value (None, NaN, pd.NA, NaT, a nullable dtype's <NA>) where a whole
// number is required are InvalidInput naming the column (field) and the first bad row (record
// "row 3", counted from 1). Booleans read as 0/1.
//
// A column that already is a C-contiguous 1-D array of the target dtype is used in place (no
// copy; a narrower range is checked in one pass here). Anything else — other dtypes, pandas
// nullable dtypes, lists, object arrays — goes through cadrekit._frames.int_column, which checks
// the whole column with NumPy before converting it once.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>

#include "cadrekit/core/errors.hpp"

namespace cadrekit::python {

namespace py = pybind11;

template <class T>
struct ColumnSpec {
  T lo = std::numeric_limits<T>::min();
  T hi = std::numeric_limits<T>::max();
  std::optional<T> missing;    ///< the value a missing entry stands for; none: missing is refused
  bool dates = false;          ///< datetime64 and datetime.date read as days since 1970-01-01
  const char *where = "row ";  ///< the record's prefix ("findings row ")
};

/// The column `h` (named `field`) as a C-contiguous 1-D array of T of `n` elements (n < 0: any
/// length), checked as the header says.
template <class T>
py::array_t<T> int_column(py::handle h, const std::string &field, py::ssize_t n, const ColumnSpec<T> &spec = {}) {
  py::array_t<T> a;
  if (py::isinstance<py::array_t<T>>(h) && py::reinterpret_borrow<py::array>(h).ndim() == 1 &&
      (py::reinterpret_borrow<py::array>(h).flags() & py::array::c_style)) {
    a = py::reinterpret_borrow<py::array_t<T>>(h);
    if (spec.lo != std::numeric_limits<T>::min() || spec.hi != std::numeric_limits<T>::max()) {
      const T *p = a.data();
      const auto m = static_cast<std::size_t>(a.shape(0));
      for (std::size_t i = 0; i < m; ++i)
        if (p[i] < spec.lo || p[i] > spec.hi)
          throw InvalidInput("value outside " + std::to_string(spec.lo) + "…" + std::to_string(spec.hi), field,
                             spec.where + std::to_string(i + 1));
    }
  } else {
    static py::handle convert =
        py::object(py::module_::import("cadrekit._frames").attr("int_column")).release();
    py::object missing = spec.missing ? py::object(py::int_(*spec.missing)) : py::object(py::none());
    a = py::reinterpret_borrow<py::array_t<T>>(
        convert(h, field, py::dtype::of<T>(), py::arg("lo") = spec.lo, py::arg("hi") = spec.hi,
                py::arg("missing") = missing, py::arg("dates") = spec.dates, py::arg("where") = spec.where));
  }
  if (n >= 0 && a.shape(0) != n) throw InvalidInput("columns differ in length", field);
  return a;
}

/// A read-only span over such a column (valid while the array lives).
template <class T>
std::span<const T> span_of(const py::array_t<T> &a) {
  return {a.data(), static_cast<std::size_t>(a.shape(0))};
}

}  // namespace cadrekit::python
