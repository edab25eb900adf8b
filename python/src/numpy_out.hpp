// Caller-provided NumPy output arrays (`out=` of the batch calls): checked for
// dtype, shape, contiguity and writeability, then written in place by the kernel.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstddef>
#include <span>
#include <string>

#include "cadrekit/core/errors.hpp"

namespace cadrekit::python {

/// The array `h` as the output column `field` of `n` elements of T. InvalidInput naming the
/// field when it is not a NumPy array, has another dtype (e.g. "must have dtype int64"), is
/// not 1-D of length n, is not C-contiguous or is read-only. Nothing is written here.
template <class T>
std::span<T> out_column(pybind11::handle h, std::size_t n, const std::string &field,
                        const char *dtype_name) {
  namespace py = pybind11;
  if (!py::isinstance<py::array>(h)) throw InvalidInput("must be a NumPy array", field);
  if (!py::isinstance<py::array_t<T>>(h))
    throw InvalidInput(std::string("must have dtype ") + dtype_name, field);
  auto a = py::reinterpret_borrow<py::array>(h);
  if (a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != n)
    throw InvalidInput("must be 1-D of length " + std::to_string(n), field);
  if (!(a.flags() & py::array::c_style)) throw InvalidInput("must be C-contiguous", field);
  if (!a.writeable()) throw InvalidInput("must be writeable", field);
  return {static_cast<T *>(a.mutable_data()), n};
}

/// A NumPy object array of `n` elements, each None (as numpy.empty gives it), to be filled by
/// replacing its references (Py_SETREF).
inline pybind11::array object_column(pybind11::ssize_t n) {
  namespace py = pybind11;
  static py::handle empty = py::object(py::module_::import("numpy").attr("empty")).release();
  return empty(n, py::arg("dtype") = "object").cast<py::array>();
}

}  // namespace cadrekit::python
