#include "json_bridge.hpp"

#include <Python.h>
#include <datetime.h>

#include <boost/json.hpp>

#include <cmath>
#include <string>
#include <utility>

#include "cadrekit/core/date.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "casters.hpp"
#include "core/json_read.hpp"

namespace py = pybind11;
namespace json = boost::json;

namespace cadrekit::python {

namespace {

constexpr int kMaxDepth = 64;

py::object to_py(const json::value &v, bool explanations) {
  switch (v.kind()) {
    case json::kind::null: return py::none();
    case json::kind::bool_: return py::bool_(v.get_bool());
    case json::kind::int64: return py::int_(v.get_int64());
    case json::kind::uint64: return py::int_(v.get_uint64());
    case json::kind::double_: return py::float_(v.get_double());
    case json::kind::string: {
      const json::string &s = v.get_string();
      return py::str(s.data(), s.size());
    }
    case json::kind::array: {
      const json::array &a = v.get_array();
      py::list l(a.size());
      for (std::size_t i = 0; i < a.size(); ++i) l[i] = to_py(a[i], explanations);
      return l;
    }
    case json::kind::object: {
      const json::object &o = v.get_object();
      if (const json::value *schema = o.if_contains("schema");
          explanations && schema != nullptr && schema->is_string() && schema->get_string() == explanation_schema)
        return py::cast(Explanation::from_json(json::serialize(v)));
      py::dict d;
      for (const auto &kv : o) d[py::str(kv.key().data(), kv.key().size())] = to_py(kv.value(), explanations);
      return d;
    }
  }
  return py::none();
}

std::string type_name(py::handle v) { return py::str(py::type::of(v).attr("__name__")).cast<std::string>(); }

json::value to_value(py::handle v, const std::string &path, int depth) {
  if (depth > kMaxDepth) throw InvalidInput("nested deeper than 64 levels", path);
  if (PyDateTimeAPI == nullptr) PyDateTime_IMPORT;
  PyObject *o = v.ptr();
  if (o == Py_None) return nullptr;
  if (PyBool_Check(o)) return o == Py_True;
  if (PyLong_Check(o)) {
    int overflow = 0;
    long long x = PyLong_AsLongLongAndOverflow(o, &overflow);
    if (overflow == 0) return static_cast<std::int64_t>(x);
    if (overflow > 0) {
      unsigned long long u = PyLong_AsUnsignedLongLong(o);
      if (!PyErr_Occurred()) return static_cast<std::uint64_t>(u);
      PyErr_Clear();
    }
    // Beyond 64 bits: a number, as a JSON reader reads such a number in a text; the library
    // refuses it wherever it wants an integer, with the member's path.
    const double d = PyLong_AsDouble(o);
    if (d == -1.0 && PyErr_Occurred()) {
      PyErr_Clear();
      throw InvalidInput("integer out of range", path);
    }
    return d;
  }
  if (PyFloat_Check(o)) {
    const double d = PyFloat_AS_DOUBLE(o);
    if (std::isnan(d)) return nullptr;  // pandas' missing value
    if (!std::isfinite(d)) throw InvalidInput("number is not finite", path);
    return d;
  }
  if (PyUnicode_Check(o)) return json::string(utf8_text(v, path));
  if (PyDict_Check(o)) {
    json::object obj;
    for (auto kv : py::reinterpret_borrow<py::dict>(v)) {
      std::string key;
      if (PyUnicode_Check(kv.first.ptr())) key = utf8_text(kv.first, path);
      else if (PyLong_Check(kv.first.ptr()) && !PyBool_Check(kv.first.ptr())) key = py::str(kv.first).cast<std::string>();
      else throw InvalidInput("a key must be text, not " + type_name(kv.first), path);
      // the path names a key as a message may show it (json_read::display_key): a key may be
      // data, an ID number or a name, which no message repeats
      json::value x = to_value(kv.second, path + "." + json_read::display_key(key), depth + 1);
      obj[key] = std::move(x);
    }
    return obj;
  }
  if (PyList_Check(o) || PyTuple_Check(o)) {
    json::array arr;
    auto seq = py::reinterpret_borrow<py::sequence>(v);
    const auto n = py::len(seq);
    arr.reserve(n);
    for (std::size_t i = 0; i < n; ++i) arr.push_back(to_value(seq[i], path + "[" + std::to_string(i) + "]", depth + 1));
    return arr;
  }
  // pandas' missing values: NaT is a datetime subclass, read before the dates below
  if (const std::string tn = type_name(v); tn == "NaTType" || tn == "NAType") return nullptr;
  // Dates: a pandas Timestamp is a datetime.
  if (PyDate_Check(o)) {
    if (PyDateTime_Check(o) && (PyDateTime_DATE_GET_HOUR(o) != 0 || PyDateTime_DATE_GET_MINUTE(o) != 0 ||
                                PyDateTime_DATE_GET_SECOND(o) != 0 || PyDateTime_DATE_GET_MICROSECOND(o) != 0))
      throw InvalidInput("a datetime with a time of day is not a date", path);
    return json::string(to_iso(make_date(PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o), PyDateTime_GET_DAY(o))));
  }
  const std::string tn = type_name(v);
  if (tn == "Decimal") {
    if (!v.attr("is_finite")().cast<bool>()) throw InvalidInput("number is not finite", path);
    return json::string(py::str(v.attr("__format__")("f")).cast<std::string>());
  }
  if (tn == "Fraction") {
    return json::string(py::str(v.attr("numerator")).cast<std::string>() + "/" +
                        py::str(v.attr("denominator")).cast<std::string>());
  }
  if (py::hasattr(v, "to_json")) {
    py::object text = v.attr("to_json")();
    if (py::isinstance<py::str>(text)) {
      boost::system::error_code ec;
      json::value parsed = json::parse(utf8_text(text, path), ec);
      if (ec) throw InvalidInput("to_json() did not give JSON", path);
      return parsed;
    }
  }
  if (py::hasattr(v, "item") && py::hasattr(v, "dtype")) {  // a NumPy scalar
    return to_value(v.attr("item")(), path, depth + 1);
  }
  if (py::isinstance(v, py::module_::import("collections.abc").attr("Mapping"))) {
    return to_value(py::dict(py::reinterpret_borrow<py::object>(v)), path, depth);
  }
  throw InvalidInput("cannot be written as JSON: " + tn, path);
}

// A bridge path split as the Python layer's errors name a value: "request.units[1].name" →
// ("name", "units[1]"), "request.as_of" → ("as_of", ""), "request.units[1]" → ("units",
// "units[1]"); the `what.` it starts with is left out.
std::pair<std::string, std::string> field_and_record(const std::string &path, std::string_view what) {
  std::string_view p(path);
  if (p.size() > what.size() && p.substr(0, what.size()) == what && p[what.size()] == '.')
    p.remove_prefix(what.size() + 1);
  const auto open = p.find('[');
  const auto close = open == std::string_view::npos ? open : p.find(']', open);
  if (close == std::string_view::npos) return {std::string(p), std::string()};
  const std::string record(p.substr(0, close + 1));
  if (close + 1 < p.size() && p[close + 1] == '.') return {std::string(p.substr(close + 2)), record};
  return {std::string(p.substr(0, open)), record};
}

}  // namespace

py::object from_json(std::string_view text, bool explanations) {
  json::value v = json::parse(json::string_view(text.data(), text.size()));
  return to_py(v, explanations);
}

std::string to_json(py::handle value, std::string_view what) {
  try {
    return json::serialize(to_value(value, std::string(what), 0));
  } catch (const InvalidInput &e) {
    // A value no JSON holds, named as the Python layer names a bad value: the column as the
    // field and the row as the record ("request.units[1].name" → field name, record units[1])
    if (!e.record().empty()) throw;
    auto [field, record] = field_and_record(e.field(), what);
    throw InvalidInput(e.message(), std::move(field), std::move(record), e.code());
  }
}

}  // namespace cadrekit::python
