// The one converter between Python objects and the library's JSON forms (private).
//
// The library renders every result type once, as JSON (the form the C ABI returns); the
// bindings hand it to Python through from_json(), never rebuilding it by hand. Requests go the
// other way through to_json(), so that Python, C and C++ requests meet the same reader, with the
// same checks and the same messages.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <utility>

#include "cadrekit/core/policy.hpp"

namespace cadrekit::python {

/// JSON text -> Python: object -> dict (member order kept), array -> list, string -> str,
/// integer -> int, true/false -> bool, null -> None; an object whose "schema" is
/// "cadrekit.explanation/1" -> cadrekit.Explanation (with `explanations` false: a dict too). The
/// library writes exact numbers as text, so no float arises from its answers.
pybind11::object from_json(std::string_view text, bool explanations = true);

/// Python -> JSON text: dict / Mapping -> object (keys str, or int written as decimal text),
/// list / tuple -> array, str, int, bool, None; float: a finite one as a number, NaN (pandas'
/// missing value) as null; datetime.date, and datetime.datetime or pandas.Timestamp at midnight
/// -> "YYYY-MM-DD" (a time of day is refused, never dropped; NaT -> null); decimal.Decimal -> its decimal text; fractions.Fraction -> "n/d"; a NumPy
/// scalar -> its Python value; an object with to_json() (a case, an explanation) -> that JSON.
/// Anything else, a key that is not text, text that is not UTF-8 or nesting deeper than 64 is
/// InvalidInput naming the path (e.g. "request.units[3].budget").
std::string to_json(pybind11::handle value, std::string_view what = "request");

/// Defines m.name(request, policy) -> f(to_json(request), policy) through from_json, with the
/// GIL released around f: the binding of one of the library's JSON calls.
template <class F>
void def_json(pybind11::module_ &m, const char *name, F f, const char *doc) {
  m.def(
      name,
      [f](pybind11::handle request, const Policy &policy) {
        std::string text = to_json(request);
        std::string answer;
        {
          pybind11::gil_scoped_release release;
          answer = f(std::string_view(text), policy);
        }
        return from_json(answer);
      },
      pybind11::arg("request"), pybind11::arg("policy"), doc);
}

}  // namespace cadrekit::python
