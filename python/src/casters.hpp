// pybind11 conversions shared by the bindings (private):
//   cadrekit::Date      <-> datetime.date
//   cadrekit::Money     <-  decimal.Decimal | int (yuan) | str (any form Money parses)
//                       ->  decimal.Decimal yuan
//   cadrekit::Rational  <-> fractions.Fraction (also accepts int and str)
// The Python types are looked up once and deliberately never released (py::handle, not
// py::object): a static py::object would be destroyed after the interpreter has finalised.
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/number.hpp"
#include "object_cells.hpp"

namespace cadrekit::python {

/// The UTF-8 text of a str; InvalidInput naming `field` for a str that has none (it holds a
/// lone surrogate), where pybind11's own conversion raises an untyped RuntimeError.
inline std::string utf8_text(pybind11::handle s, const std::string &field);

/// A text argument of a reader the column paths call once per distinct cell (codes, dates,
/// levels): a str that UTF-8 cannot hold, or a value that is not a str, is InvalidInput naming
/// `field` and `record`, which the caller's reader then names by row. (pybind11's own
/// conversion to std::string would raise a TypeError that prints the cell.)
inline std::string text_arg(pybind11::handle s, std::string_view field, std::string_view record = {}) {
  if (!PyUnicode_Check(s.ptr())) throw InvalidInput("must be text", std::string(field), std::string(record));
  Py_ssize_t n = 0;
  const char *p = PyUnicode_AsUTF8AndSize(s.ptr(), &n);
  if (p == nullptr) {
    PyErr_Clear();
    throw InvalidInput(kNotUtf8Text, std::string(field), std::string(record));
  }
  return std::string(p, static_cast<std::size_t>(n));
}

inline std::string utf8_text(pybind11::handle s, const std::string &field) { return text_arg(s, field); }

}  // namespace cadrekit::python

namespace pybind11::detail {

template <>
struct type_caster<cadrekit::Date> {
  PYBIND11_TYPE_CASTER(cadrekit::Date, const_name("datetime.date"));
  bool load(handle src, bool) {
    static handle date_type = object(module_::import("datetime").attr("date")).release();
    static handle datetime_type = object(module_::import("datetime").attr("datetime")).release();
    if (!isinstance(src, date_type) || isinstance(src, datetime_type)) return false;
    int y = src.attr("year").cast<int>();
    int m = src.attr("month").cast<int>();
    int d = src.attr("day").cast<int>();
    value = cadrekit::make_date(y, m, d);
    return true;
  }
  static handle cast(const cadrekit::Date &d, return_value_policy, handle) {
    static handle date_type = object(module_::import("datetime").attr("date")).release();
    auto ymd = d.year_month_day();
    return date_type(int(ymd.year), int(ymd.month), int(ymd.day)).release();
  }
};

template <>
struct type_caster<cadrekit::Money> {
  PYBIND11_TYPE_CASTER(cadrekit::Money, const_name("decimal.Decimal"));
  bool load(handle src, bool) {
    static handle decimal_type = object(module_::import("decimal").attr("Decimal")).release();
    if (isinstance<bool_>(src)) return false;
    if (isinstance<int_>(src)) {
      // Whole yuan; through text so that huge ints are an overflow error, not a wrap.
      value = cadrekit::Money::parse(str(src).cast<std::string>());
      return true;
    }
    if (isinstance(src, decimal_type)) {
      if (!src.attr("is_finite")().cast<bool>())
        throw cadrekit::InvalidInput("amount is not a finite number", "amount");
      value = cadrekit::Money::parse(str(src.attr("__format__")("f")).cast<std::string>());
      return true;
    }
    if (isinstance<str>(src)) {
      value = cadrekit::Money::parse(cadrekit::python::utf8_text(src, "amount"));
      return true;
    }
    return false;
  }
  static handle cast(const cadrekit::Money &m, return_value_policy, handle) {
    static handle decimal_type = object(module_::import("decimal").attr("Decimal")).release();
    return decimal_type(m.to_decimal_string()).release();
  }
};

template <>
struct type_caster<cadrekit::Rational> {
  PYBIND11_TYPE_CASTER(cadrekit::Rational, const_name("fractions.Fraction"));
  bool load(handle src, bool) {
    static handle fraction_type = object(module_::import("fractions").attr("Fraction")).release();
    if (isinstance<bool_>(src)) return false;
    if (isinstance(src, fraction_type) || isinstance<int_>(src)) {
      object f = fraction_type(src);
      std::string num = str(f.attr("numerator")).cast<std::string>();
      std::string den = str(f.attr("denominator")).cast<std::string>();
      value = cadrekit::parse_decimal(num + "/" + den);
      return true;
    }
    if (isinstance<str>(src)) {
      value = cadrekit::parse_decimal(cadrekit::python::utf8_text(src, "value"));
      return true;
    }
    return false;
  }
  static handle cast(const cadrekit::Rational &r, return_value_policy, handle) {
    static handle fraction_type = object(module_::import("fractions").attr("Fraction")).release();
    std::string num = boost::multiprecision::numerator(r).str();
    std::string den = boost::multiprecision::denominator(r).str();
    return fraction_type(int_(pybind11::str(num)), int_(pybind11::str(den))).release();
  }
};

}  // namespace pybind11::detail
