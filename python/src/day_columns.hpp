// Python: columns of dates for the batch calls of the calendar and 三龄.
// A column arrives as anything NumPy can read as datetime64 — a datetime64[D] array (used as
// it is: zero-copy), another datetime64 unit or a pandas Series/Index of datetimes (converted to
// days once: in one pass here for s…ns, by NumPy for another unit), a list of datetime.date —
// and is seen by C++ as int64 days since 1970-01-01, NaT being kNoDay64 (INT64_MIN).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <span>
#include <string>

#include "cadrekit/core/errors.hpp"

namespace cadrekit::python {

namespace py = pybind11;

inline py::dtype day_dtype() { return py::dtype::from_args(py::str("datetime64[D]")); }

/// A datetime64 array as (datetime64[D] days, the first row from 0 whose value has a time of
/// day, or -1); NaT stays NaT, a day is the floor of the value (as NumPy casts). A column of a
/// unit finer than a day (s, ms, us, ns: pandas' is ns) in native byte order is read in one pass
/// here; any other by NumPy (a cast, a cast back, a comparison).
inline py::tuple days_of_datetimes(const py::array &a) {
  py::module_ np = py::module_::import("numpy");
  if (a.dtype().kind() != 'M') throw py::type_error("days_of_datetimes takes a datetime64 array");
  std::int64_t per_day = 0;
  if (a.ndim() == 1 && a.dtype().itemsize() == 8 && a.dtype().byteorder() == '=') {
    const py::tuple unit = np.attr("datetime_data")(a.dtype());
    const auto name = py::cast<std::string>(unit[0]);
    if (py::cast<std::int64_t>(unit[1]) == 1) {
      if (name == "s") per_day = 86400;
      else if (name == "ms") per_day = 86400000;
      else if (name == "us") per_day = 86400000000;
      else if (name == "ns") per_day = 86400000000000;
    }
  }
  if (per_day == 0) {
    py::object d = a.attr("astype")("datetime64[D]");
    py::array off = np.attr("flatnonzero")(np.attr("not_equal")(d, a) & ~np.attr("isnat")(a));
    return py::make_tuple(d, off.size() > 0 ? py::object(off[py::int_(0)]) : py::object(py::int_(-1)));
  }
  const py::array src = np.attr("ascontiguousarray")(a);
  const auto n = static_cast<std::size_t>(src.size());
  py::array days = np.attr("empty")(n, "datetime64[D]");
  const auto *v = static_cast<const std::int64_t *>(src.data());
  auto *o = static_cast<std::int64_t *>(days.mutable_data());
  constexpr std::int64_t kNaT = INT64_MIN;
  bool timed = false;
  // The unit a constant of the loop, so that its division is a multiplication
  const auto read = [&]<std::int64_t PerDay>() {
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t x = v[i];
      std::int64_t q = x / PerDay, r = x % PerDay;
      q -= r < 0;  // the floor, as NumPy's cast
      timed |= (r != 0) & (x != kNaT);
      o[i] = x == kNaT ? kNaT : q;
    }
  };
  {
    py::gil_scoped_release release;
    switch (per_day) {
      case 86400: read.operator()<86400>(); break;
      case 86400000: read.operator()<86400000>(); break;
      case 86400000000: read.operator()<86400000000>(); break;
      default: read.operator()<86400000000000>(); break;  // ns, the only unit left
    }
  }
  std::int64_t first = -1;
  if (timed)
    for (std::size_t i = 0; i < n; ++i)
      if (v[i] != kNaT && v[i] % per_day != 0) {
        first = static_cast<std::int64_t>(i);
        break;
      }
  return py::make_tuple(days, first);
}

/// A C-contiguous datetime64[D] array holding the column's dates (the object itself when it
/// already is one). InvalidInput naming `field` for anything that is not dates.
inline py::array day_column(py::handle obj, const char *field) {
  py::module_ np = py::module_::import("numpy");
  py::object a;
  try {
    a = np.attr("asarray")(obj);
  } catch (const py::error_already_set &) {
    throw InvalidInput("expected a one-dimensional column of dates", field);
  }
  const char kind = py::cast<py::array>(a).dtype().kind();
  // The first row NumPy cannot read as a date (only on the error path: one row at a time).
  auto first_bad = [&](py::object values) -> std::string {
    py::list l = values.attr("tolist")();
    for (std::size_t i = 0; i < l.size(); ++i) {
      try {
        np.attr("datetime64")(l[i], "D");
      } catch (const py::error_already_set &) {
        return "row " + std::to_string(i + 1);
      }
    }
    return {};
  };
  if (kind == 'M') {
    if (!py::cast<py::array>(a).dtype().equal(day_dtype())) {
      // A time of day is not a date: refused, never cut off.
      const py::tuple got = days_of_datetimes(py::cast<py::array>(a));
      const auto first = py::cast<std::int64_t>(got[py::int_(1)]);
      if (first >= 0)
        throw InvalidInput("a datetime with a time of day is not a date", field, "row " + std::to_string(first + 1));
      a = got[py::int_(0)];
    }
  } else if (kind == 'O' || kind == 'U' || kind == 'S') {
    try {
      a = np.attr("asarray")(obj, "datetime64[D]");
    } catch (const py::error_already_set &) {
      throw InvalidInput("expected dates (datetime64, a pandas Series of datetimes or datetime.date values)",
                         field, first_bad(a));
    }
  } else {
    throw InvalidInput(std::string("expected dates (datetime64, a pandas Series of datetimes or "
                                   "datetime.date values), got an array of kind '") +
                           kind + "'",
                       field);
  }
  py::array out = np.attr("ascontiguousarray")(a);
  if (out.ndim() != 1) throw InvalidInput("expected a one-dimensional column of dates", field);
  return out;
}

/// The int64 days of a datetime64[D] array made by day_column (valid while `a` lives).
inline std::span<const std::int64_t> day_span(const py::array &a) {
  return {static_cast<const std::int64_t *>(a.data()), static_cast<std::size_t>(a.size())};
}

/// `out`: a writable, C-contiguous datetime64[D] array of n elements (or None: a new one).
inline py::array day_output(py::handle out, std::size_t n) {
  py::module_ np = py::module_::import("numpy");
  if (out.is_none()) return np.attr("empty")(n, "datetime64[D]");
  py::array a = py::reinterpret_borrow<py::array>(out);
  if (!py::isinstance<py::array>(out) || !a.dtype().equal(day_dtype()) ||
      a.ndim() != 1 || static_cast<std::size_t>(a.size()) != n || !a.writeable() ||
      !(a.flags() & py::array::c_style))
    throw InvalidInput("out must be a writable, contiguous datetime64[D] array of " +
                           std::to_string(n) + " elements",
                       "out");
  return a;
}

inline std::span<std::int64_t> day_span_mut(py::array &a) {
  return {static_cast<std::int64_t *>(a.mutable_data()), static_cast<std::size_t>(a.size())};
}

}  // namespace cadrekit::python
