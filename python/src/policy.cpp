// Python: cadrekit.Policy.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "bindings.hpp"
#include "cadrekit/core/policy.hpp"
#include "casters.hpp"
#include "json_bridge.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

/// The value in force as a Python object of the parameter's type.
py::object typed_value(const Policy &p, const std::string &name, Date as_of) {
  const ParamInfo &info = p.info(name);
  switch (info.type) {
    case ParamType::integer: return py::int_(p.integer(name, as_of));
    case ParamType::decimal: {
      Rational r = p.decimal(name, as_of);
      std::string exact = to_exact_string(r);
      if (exact.find('/') != std::string::npos) return py::cast(r);  // no finite decimal: Fraction
      static py::object decimal_type = py::module_::import("decimal").attr("Decimal");
      return decimal_type(exact);
    }
    case ParamType::money: return py::cast(p.money(name, as_of));
    case ParamType::share: return py::cast(p.share(name, as_of).value());
    case ParamType::text: return py::str(p.text(name, as_of));
    case ParamType::boolean: return py::bool_(p.boolean(name, as_of));
  }
  throw PolicyError("parameter has an unknown type", name, p.name());
}

/// A parameter in force as the library renders it (to_json(ParamUsed)), effective_from as a
/// datetime.date.
py::object used_dict(const ParamUsed &u) {
  static py::handle typed = py::object(py::module_::import("cadrekit._frames").attr("typed")).release();
  return typed(from_json(to_json(u)), py::arg("dates") = py::make_tuple("effective_from"));
}

py::dict info_dict(const ParamInfo &info) {
  py::list values;
  for (const auto &v : info.values) {
    py::dict e;
    e["effective_from"] = py::cast(v.effective_from);
    e["value"] = v.text;
    e["assumed"] = v.assumed;
    values.append(e);
  }
  py::dict d;
  d["name"] = info.name;
  d["type"] = param_type_name(info.type);
  d["unit"] = info.unit;
  d["label_zh"] = info.label_zh;
  d["label_en"] = info.label_en;
  d["clause"] = info.clause;
  d["source"] = info.source;
  py::dict range;
  range["min"] = info.range_min.empty() ? py::object(py::none()) : py::object(py::str(info.range_min));
  range["max"] = info.range_max.empty() ? py::object(py::none()) : py::object(py::str(info.range_max));
  d["range"] = range;
  d["values"] = values;
  return d;
}

/// (1, name, [(embedded, name or file, text bytes), ...] root first): Policy::sources().
py::tuple policy_state(const Policy &p) {
  py::list layers;
  for (const PolicySource &src : p.sources())
    layers.append(py::make_tuple(src.embedded, src.name, py::bytes(src.text)));
  return py::make_tuple(1, p.name(), layers);
}

Policy policy_from_state(const py::tuple &state) {
  if (state.size() != 3 || !py::isinstance<py::int_>(state[0]) || state[0].cast<int>() != 1 ||
      !py::isinstance<py::str>(state[1]) || !py::isinstance<py::list>(state[2]))
    throw PolicyError("not the pickled state of a cadrekit.Policy", "state", {});
  std::vector<PolicySource> sources;
  for (py::handle item : state[2].cast<py::list>()) {
    if (!py::isinstance<py::tuple>(item) || py::len(item) != 3)
      throw PolicyError("not the pickled state of a cadrekit.Policy", "state", {});
    auto t = item.cast<py::tuple>();
    sources.push_back(PolicySource{t[0].cast<bool>(), t[1].cast<std::string>(),
                                   t[2].cast<std::string>()});
  }
  Policy p = Policy::from_sources(sources);
  const std::string name = state[1].cast<std::string>();
  if (p.name() != name)
    throw PolicyError("the pickled sources build profile `" + p.name() + "`, not `" + name + "`",
                      "profile", name);
  return p;
}

std::string path_text(const py::object &path) {
  py::object p = py::module_::import("os").attr("fspath")(path);
  if (!py::isinstance<py::str>(p)) throw py::type_error("path must be a str or an os.PathLike of str");
  return p.cast<std::string>();
}

}  // namespace

void init_policy(py::module_ &m) {
  py::class_<Policy>(
      m, "Policy",
      "A policy profile: every number of the rules as a parameter with dated values, a unit, "
      "zh/en labels, the clause it comes from and an `assumed` flag (docs/policy.md). "
      "Immutable; safe to share across threads.")
      .def_static("default", &Policy::default_profile,
                  "The embedded default profile, tongliao-2016.")
      .def_static(
          "embedded", [](const std::string &name) { return Policy::embedded(name); },
          py::arg("name"), "An embedded profile by name; PolicyError if there is none.")
      .def_static("embedded_names", &embedded_policy_names,
                  "Names of the profiles embedded in the library.")
      .def_static(
          "load", [](const py::object &path) { return Policy::load(path_text(path)); },
          py::arg("path"),
          "Loads a profile file (str or os.PathLike). `extends:` names an embedded profile or "
          "a path relative to the file. A malformed profile raises PolicyError whose .record "
          "is 'file:line' and whose .field is the key.")
      .def_static(
          "loads",
          [](const std::string &text, const std::string &source) {
            return Policy::loads(text, source);
          },
          py::arg("text"), py::kw_only(), py::arg("source") = "<string>",
          "Loads a profile from YAML text; `source` names it in errors. `extends:` may name an "
          "embedded profile only.")
      .def_property_readonly("name", &Policy::name, "The profile's name, e.g. 'tongliao-2016'.")
      .def_property_readonly("lineage", &Policy::lineage,
                             "The chain of profiles, this one first: ['county', 'tongliao-2016'].")
      .def("parameter_names", &Policy::parameter_names, "Every parameter name, sorted.")
      .def(
          "has", [](const Policy &p, const std::string &name) { return p.has(name); },
          py::arg("name"), "True when the profile has a parameter of that name.")
      .def("__contains__", [](const Policy &p, const std::string &name) { return p.has(name); })
      .def("__len__", [](const Policy &p) { return p.parameter_names().size(); })
      .def("value", &typed_value, py::arg("name"), py::arg("as_of"),
           "The value in force on as_of (the latest value that took effect on or before it), "
           "typed by the parameter's declared type: integer -> int; decimal -> decimal.Decimal "
           "(fractions.Fraction when it has no finite decimal form, e.g. 1/3); money -> "
           "decimal.Decimal yuan; share -> fractions.Fraction; text -> str; boolean -> bool. "
           "PolicyError for an unknown name or a date before the first value.")
      .def(
          "lookup",
          [](const Policy &p, const std::string &name, Date as_of) {
            return used_dict(p.lookup(name, as_of));
          },
          py::arg("name"), py::arg("as_of"),
          "The value in force with its metadata, as an explanation records it: a dict with "
          "name, value (exact text), unit, effective_from (datetime.date), assumed, clause.")
      .def(
          "info", [](const Policy &p, const std::string &name) { return info_dict(p.info(name)); },
          py::arg("name"),
          "The declaration and every dated value: a dict with name, type, unit, label_zh, "
          "label_en, clause, source ('file:line'), range ({'min', 'max'}: canonical text or None) and values (a list of dicts with "
          "effective_from, value, assumed), oldest first.")
      .def(
          "with_value",
          [](const Policy &p, const std::string &name, const py::object &value, std::optional<Date> from) {
            py::object text = py::isinstance<py::bool_>(value) ? py::str(value.cast<bool>() ? "true" : "false")
                                                              : py::str(value);
            return p.with_value(name, text.cast<std::string>(), from);
          },
          py::arg("name"), py::arg("value"), py::kw_only(), py::arg("from_") = py::none(),
          "A new profile with one parameter changed, checked as a profile file layered on this one "
          "would be (type, bounds). Without from_ the value replaces every dated value; with from_ "
          "(a datetime.date) it is in force from that date. The value is the caller's own (not "
          "assumed). PolicyError for an unknown name or a value that does not fit.")
      .def(
          "set", [](const Policy &p, const std::string &setting) { return p.with_setting(setting); },
          py::arg("setting"),
          "The command line's --set: 'NAME=VALUE' or 'NAME=VALUE@YYYY-MM-DD', as with_value.")
      .def("__repr__", [](const Policy &p) {
        return "Policy('" + p.name() + "', " + std::to_string(p.parameter_names().size()) +
               " parameters)";
      })
      // Pickling (multiprocessing, Dask, Spark): the profile travels as its name and the chain of
      // texts it was read from (an embedded profile by name only) and is built again from them.
      .def(py::pickle(&policy_state, &policy_from_state));
}

}  // namespace cadrekit::python
