// Python: exact money and shares.
//   cadrekit.parse_money(text) -> Decimal      cadrekit.format_money(amount) -> str
//   cadrekit.parse_share(text) -> Fraction     cadrekit.at_least_share(n, share) -> int
// No float is ever accepted: money and shares are exact, a float is a TypeError.
#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>

#include "bindings.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/number.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

// A Python int (or anything with __index__, e.g. numpy integers; not bool) as an int64.
// Beyond int64 is cadrekit.InvalidInput with code "overflow", like every other overflow.
std::int64_t int64_arg(py::handle h, const char *name) {
  if (PyBool_Check(h.ptr()) || PyFloat_Check(h.ptr()) || !PyIndex_Check(h.ptr()))
    throw py::type_error(std::string(name) + " must be an int");
  py::object index = py::reinterpret_steal<py::object>(PyNumber_Index(h.ptr()));
  if (!index) throw py::error_already_set();
  int overflow = 0;
  long long v = PyLong_AsLongLongAndOverflow(index.ptr(), &overflow);
  if (overflow != 0)
    throw InvalidInput("count is beyond the 64-bit integer range", name, {}, ErrorCode::overflow);
  if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
  return static_cast<std::int64_t>(v);
}

// A share from str ("35%", "0.35", "7/20", "1:3"), fractions.Fraction, int or a finite
// decimal.Decimal. Floats are refused: 0.35 as a float is not 35/100.
Share share_arg(py::handle h) {
  static py::object fraction_type = py::module_::import("fractions").attr("Fraction");
  static py::object decimal_type = py::module_::import("decimal").attr("Decimal");
  if (py::isinstance<py::str>(h)) return Share::parse(utf8_text(h, "share"), "share");
  if (PyBool_Check(h.ptr()) || PyFloat_Check(h.ptr()))
    throw py::type_error(
        "share must be a str or a fractions.Fraction (a float is not exact: use '35%' or "
        "Fraction(7, 20))");
  if (py::isinstance(h, decimal_type)) {
    if (!h.attr("is_finite")().cast<bool>())
      throw InvalidInput("share is not a finite number", "share");
    return Share(fraction_type(h).cast<Rational>());
  }
  if (py::isinstance(h, fraction_type) || py::isinstance<py::int_>(h))
    return Share(py::reinterpret_borrow<py::object>(h).cast<Rational>());
  throw py::type_error("share must be a str or a fractions.Fraction");
}

// A str argument. Our own TypeError: pybind11's would repeat the argument (maybe an income).
std::string str_arg(py::handle h, const char *name) {
  if (!py::isinstance<py::str>(h)) throw py::type_error(std::string(name) + " must be a str");
  return utf8_text(h, name);
}

// An amount of yuan: decimal.Decimal, int or str (the Money caster); never a float.
Money money_arg(py::handle h, const char *name) {
  py::detail::make_caster<Money> caster;
  if (PyFloat_Check(h.ptr()) || !caster.load(h, true))
    throw py::type_error(std::string(name) +
                         " must be a decimal.Decimal, an int (yuan) or a str (a float is not "
                         "exact)");
  return py::detail::cast_op<Money>(caster);
}

}  // namespace

void init_money(py::module_ &m) {
  m.def(
      "at_least_share",
      [](const py::object &n, const py::object &share) {
        return at_least_share(int64_arg(n, "n"), share_arg(share));
      },
      py::arg("n"), py::arg("share"),
      "'At least share of n': ceil(share * n), exactly (5% of 206 = 11, 35% of 20 = 7).\n\n"
      "share is a str ('35%', '0.35', '7/20', '1:3') or a fractions.Fraction; n >= 0.\n"
      "Raises InvalidInput for a negative n or share, bad text, or a result beyond int64\n"
      "(code 'overflow'); TypeError for a float.");
  m.def(
      "parse_money",
      [](const py::object &text) { return Money::parse(str_arg(text, "text"), "text"); },
      py::arg("text"),
      "Parses yuan as people write them ('7,000.50', '¥7,000.00', '500万', '1亿', '1,000元')\n"
      "into a decimal.Decimal of yuan with two places. Raises InvalidInput for junk, more than\n"
      "two decimals of a yuan, or an amount beyond int64 fen (code 'overflow').");
  m.def(
      "format_money",
      [](const py::object &amount) { return money_arg(amount, "amount").format(); },
      py::arg("amount"),
      "Formats an amount of yuan (decimal.Decimal, int or str in any form parse_money takes)\n"
      "as '¥7,000.00' ('-¥7,000.00' when negative). Raises InvalidInput for an amount that is\n"
      "not a whole number of fen or beyond int64 fen; TypeError for a float.");
  m.def(
      "parse_share",
      [](const py::object &text) { return Share::parse(str_arg(text, "text"), "text").value(); },
      py::arg("text"),
      "Parses a share or ratio ('35%', '0.35', '7/20', '1:3', full-width ％ and ：) into an\n"
      "exact fractions.Fraction. Raises InvalidInput for junk or a negative share.");
}

}  // namespace cadrekit::python
