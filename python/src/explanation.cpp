// Python: cadrekit.Explanation, RuleFired, ParamUsed, InputUsed.
//
// RuleFired, ParamUsed and InputUsed are immutable values (read-only attributes, hashable): a
// pybind11 attribute returns a copy, so a mutable one would make `ex.rules[0].clause = …` a
// silent no-op. For the same reason Explanation.rules/parameters/inputs read as tuples (no
// `.append` that does nothing) and are replaced whole, or grown with add_rule() & co.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bindings.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "casters.hpp"
#include "json_bridge.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

std::string py_repr(const py::object &o) { return py::repr(o).cast<std::string>(); }
std::string py_repr(const std::string &s) { return py_repr(py::str(s)); }

template <class T>
py::tuple to_tuple(const std::vector<T> &v) {
  py::tuple t(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) t[i] = py::cast(v[i]);
  return t;
}

template <class T>
py::list to_list(const std::vector<T> &v) {
  py::list l;
  for (const T &x : v) l.append(py::cast(x));
  return l;
}

/// str (UTF-8 encoded), bytes or bytearray -> the JSON text. A str holding a lone surrogate
/// cannot be UTF-8: that is InvalidInput like any other text that is not UTF-8.
std::string json_text(const py::object &s) {
  if (py::isinstance<py::str>(s)) {
    Py_ssize_t n = 0;
    const char *p = PyUnicode_AsUTF8AndSize(s.ptr(), &n);
    if (p == nullptr) {
      PyErr_Clear();
      throw InvalidInput(kNotUtf8Text, "json");
    }
    return std::string(p, static_cast<std::size_t>(n));
  }
  if (py::isinstance<py::bytes>(s)) return s.cast<std::string>();
  if (PyByteArray_Check(s.ptr()))
    return std::string(PyByteArray_AsString(s.ptr()),
                       static_cast<std::size_t>(PyByteArray_Size(s.ptr())));
  throw py::type_error("expected str or bytes, got " +
                       py::str(py::type::of(s).attr("__name__")).cast<std::string>());
}

std::string rule_repr(const RuleFired &r) {
  return "RuleFired(rule_id=" + py_repr(r.rule_id) + ", clause=" + py_repr(r.clause) +
         ", message_zh=" + py_repr(r.message_zh) + ", message_en=" + py_repr(r.message_en) + ")";
}

std::string param_repr(const ParamUsed &p) {
  return "ParamUsed(name=" + py_repr(p.name) + ", value=" + py_repr(p.value) +
         ", unit=" + py_repr(p.unit) + ", effective_from=" + py_repr(py::cast(p.effective_from)) +
         ", assumed=" + (p.assumed ? "True" : "False") + ", clause=" + py_repr(p.clause) +
         (p.detail ? ", detail=True)" : ")");
}

std::string input_repr(const InputUsed &in) {
  return "InputUsed(name=" + py_repr(in.name) + ", value=" + py_repr(in.value) +
         (in.detail ? ", detail=True)" : ")");
}

}  // namespace

void init_explanation(py::module_ &m) {
  py::class_<RuleFired>(m, "RuleFired",
                        "A rule that fired: its id, the clause of the rule catalog it comes from, "
                        "and what it decided in Chinese and English. Immutable.")
      .def(py::init([](std::string rule_id, std::string clause, std::string message_zh,
                       std::string message_en) {
             return RuleFired{std::move(rule_id), std::move(clause), std::move(message_zh),
                              std::move(message_en)};
           }),
           py::kw_only(), py::arg("rule_id"), py::arg("clause"), py::arg("message_zh"),
           py::arg("message_en"))
      .def_readonly("rule_id", &RuleFired::rule_id, "Stable id, e.g. 'village.grade.team_by_rank'.")
      .def_readonly("clause", &RuleFired::clause, "Clause of the rule catalog, e.g. 'JARUD.1'.")
      .def_readonly("message_zh", &RuleFired::message_zh, "What it decided, in Chinese.")
      .def_readonly("message_en", &RuleFired::message_en, "The same in English.")
      .def(
          "__eq__", [](const RuleFired &a, const RuleFired &b) { return a == b; },
          py::is_operator())
      .def("__hash__",
           [](const RuleFired &r) {
             return py::hash(py::make_tuple(r.rule_id, r.clause, r.message_zh, r.message_en));
           })
      .def("__repr__", &rule_repr)
      .def(py::pickle(
          [](const RuleFired &r) {
            return py::make_tuple(r.rule_id, r.clause, r.message_zh, r.message_en);
          },
          [](const py::tuple &t) {
            return RuleFired{t[0].cast<std::string>(), t[1].cast<std::string>(),
                             t[2].cast<std::string>(), t[3].cast<std::string>()};
          }));

  py::class_<ParamUsed>(m, "ParamUsed",
                        "A policy parameter a decision used: the exact value in force, its unit, "
                        "the date that value took effect, whether the profile assumed it (the "
                        "source gives no number), and its clause. Immutable.")
      .def(py::init([](std::string name, std::string value, std::string unit, Date effective_from,
                       bool assumed, std::string clause, bool detail) {
             return ParamUsed{std::move(name), std::move(value), std::move(unit),
                              effective_from,  assumed,         std::move(clause), detail};
           }),
           py::kw_only(), py::arg("name"), py::arg("value"), py::arg("unit"),
           py::arg("effective_from"), py::arg("assumed") = false, py::arg("clause"),
           py::arg("detail") = false)
      .def_readonly("name", &ParamUsed::name, "e.g. 'village.performance_pay.excellent'.")
      .def_readonly("value", &ParamUsed::value, "Exact text of the value: '4000', '0.35', '1/3'.")
      .def_readonly("unit", &ParamUsed::unit, "e.g. 'yuan/year', 'share', 'working_days'.")
      .def_readonly("effective_from", &ParamUsed::effective_from,
                    "The date this value took effect (datetime.date).")
      .def_readonly("assumed", &ParamUsed::assumed,
                    "True when the source gives no number and the profile assumed this one.")
      .def_readonly("clause", &ParamUsed::clause, "Clause of the rule catalog, e.g. 'JARUD.1'.")
      .def_readonly("detail", &ParamUsed::detail,
                    "True when the module read it but it did not decide the result (the short "
                    "form leaves it out).")
      .def(
          "__eq__", [](const ParamUsed &a, const ParamUsed &b) { return a == b; },
          py::is_operator())
      .def("__hash__",
           [](const ParamUsed &p) {
             return py::hash(py::make_tuple(p.name, p.value, p.unit, p.effective_from, p.assumed,
                                            p.clause, p.detail));
           })
      .def("__repr__", &param_repr)
      .def(py::pickle(
          [](const ParamUsed &p) {
            return py::make_tuple(p.name, p.value, p.unit, p.effective_from, p.assumed, p.clause,
                                  p.detail);
          },
          [](const py::tuple &t) {
            // Six members: pickled before `detail` existed.
            return ParamUsed{t[0].cast<std::string>(), t[1].cast<std::string>(),
                             t[2].cast<std::string>(), t[3].cast<Date>(),
                             t[4].cast<bool>(),        t[5].cast<std::string>(),
                             t.size() > 6 && t[6].cast<bool>()};
          }));

  py::class_<InputUsed>(m, "InputUsed",
                        "An input that mattered: its name and exact text (never a personal "
                        "value such as an ID number, an income or an address). Immutable.")
      .def(py::init([](std::string name, std::string value, bool detail) {
             return InputUsed{std::move(name), std::move(value), detail};
           }),
           py::kw_only(), py::arg("name"), py::arg("value"), py::arg("detail") = false)
      .def_readonly("name", &InputUsed::name, "e.g. 'population', 'units[3].budget'.")
      .def_readonly("value", &InputUsed::value, "Exact text of the value.")
      .def_readonly("detail", &InputUsed::detail,
                    "True when it was read but did not decide the result (a factor of 0).")
      .def(
          "__eq__", [](const InputUsed &a, const InputUsed &b) { return a == b; },
          py::is_operator())
      .def("__hash__",
           [](const InputUsed &in) {
             return py::hash(py::make_tuple(in.name, in.value, in.detail));
           })
      .def("__repr__", &input_repr)
      .def(py::pickle(
          [](const InputUsed &in) { return py::make_tuple(in.name, in.value, in.detail); },
          [](const py::tuple &t) {
            return InputUsed{t[0].cast<std::string>(), t[1].cast<std::string>(),
                             t.size() > 2 && t[2].cast<bool>()};
          }));

  py::class_<Explanation>(
      m, "Explanation",
      "Why a decision came out as it did: the rules that fired, the policy parameters used (with "
      "the dates their values took effect and whether they are assumed), and the inputs that "
      "mattered. Its JSON form 'cadrekit.explanation/1' is stable (docs/explanation.md).\n\n"
      "rules, parameters and inputs read as tuples; assign a new sequence to replace one, or "
      "use add_rule(), add_parameter(), add_input().")
      .def(py::init([](std::string subject, std::vector<RuleFired> rules,
                       std::vector<ParamUsed> parameters, std::vector<InputUsed> inputs) {
             Explanation ex(std::move(subject));
             ex.rules = std::move(rules);
             ex.parameters = std::move(parameters);
             ex.inputs = std::move(inputs);
             return ex;
           }),
           py::kw_only(), py::arg("subject") = "", py::arg("rules") = std::vector<RuleFired>{},
           py::arg("parameters") = std::vector<ParamUsed>{},
           py::arg("inputs") = std::vector<InputUsed>{})
      .def_readwrite("subject", &Explanation::subject,
                     "What was decided about, e.g. 'village V001' (an id, not a name).")
      .def_property(
          "rules", [](const Explanation &ex) { return to_tuple(ex.rules); },
          [](Explanation &ex, std::vector<RuleFired> v) { ex.rules = std::move(v); },
          "The rules that fired, in order (a tuple of RuleFired).")
      .def_property(
          "parameters", [](const Explanation &ex) { return to_tuple(ex.parameters); },
          [](Explanation &ex, std::vector<ParamUsed> v) { ex.parameters = std::move(v); },
          "The parameters used, in order (a tuple of ParamUsed).")
      .def_property(
          "inputs", [](const Explanation &ex) { return to_tuple(ex.inputs); },
          [](Explanation &ex, std::vector<InputUsed> v) { ex.inputs = std::move(v); },
          "The inputs that mattered, in order (a tuple of InputUsed).")
      .def_property_readonly("uses_assumed", &Explanation::uses_assumed,
                             "True when any parameter used is an assumed value.")
      .def("add_rule", &Explanation::add_rule, py::arg("rule"), "Appends a rule.")
      .def("add_parameter", &Explanation::add_parameter, py::arg("param"),
           "Appends a parameter, once: a second use of the same name and date is not repeated.")
      .def(
          "add_input",
          [](Explanation &ex, std::string name, std::string value) {
            ex.add_input(std::move(name), std::move(value));
          },
          py::arg("name"), py::arg("value"), "Appends an input.")
      .def("to_json", &Explanation::to_json,
           "Canonical JSON: members in a fixed order, no white space, UTF-8 as is; equal "
           "explanations give identical text.")
      .def_static(
          "from_json", [](const py::object &s) { return Explanation::from_json(json_text(s)); },
          py::arg("s"),
          "Parses the JSON form (str or UTF-8 bytes). Raises InvalidInput whose .field names "
          "the member that is wrong, e.g. 'parameters[2].effective_from'.")
      .def("to_dict", [](const Explanation &ex) { return from_json(ex.to_json(), false); },
           "The JSON form as plain dicts and lists (dates as ISO strings): equal to "
           "json.loads(self.to_json()).")
      .def_static(
          "from_dict",
          [](const py::object &d) {
            py::object dumps = py::module_::import("json").attr("dumps");
            py::object text;
            try {
              text = dumps(d, py::arg("ensure_ascii") = false, py::arg("allow_nan") = false);
            } catch (py::error_already_set &e) {
              // A value JSON cannot hold (a date object, NaN, a set…): the form only has
              // strings, booleans, lists and dicts, so it is as wrong as a mistyped member.
              if (!e.matches(PyExc_TypeError) && !e.matches(PyExc_ValueError)) throw;
              throw InvalidInput("not representable as JSON (the form holds only str, bool, "
                                 "list and dict)",
                                 "json");
            }
            return Explanation::from_json(json_text(text));
          },
          py::arg("d"), "The inverse of to_dict(), with the same checks as from_json().")
      .def(
          "to_text",
          [](const Explanation &ex, std::string_view lang, bool full) {
            return full || !ex.has_detail() ? ex.to_text(lang) : ex.brief().to_text(lang);
          },
          py::arg("lang") = "zh", py::kw_only(), py::arg("full") = false,
          "A readable rendering, one line per rule, parameter and input, assumed values "
          "marked; lang is 'zh' or 'en' (else InvalidInput). Short by default: the rules that "
          "fired and the parameters and inputs that decided; full=True shows every one read.")
      .def("brief", &Explanation::brief,
           "The short form: the same rules, only the parameters and inputs that decided "
           "(those not marked detail).")
      .def_property_readonly("has_detail", &Explanation::has_detail,
                             "True when some parameter or input is marked detail.")
      .def(
          "__eq__", [](const Explanation &a, const Explanation &b) { return a == b; },
          py::is_operator())
      .def("__repr__",
           [](const Explanation &ex) {
             return "Explanation(subject=" + py_repr(ex.subject) +
                    ", rules=" + py_repr(to_list(ex.rules)) +
                    ", parameters=" + py_repr(to_list(ex.parameters)) +
                    ", inputs=" + py_repr(to_list(ex.inputs)) + ")";
           })
      .def(py::pickle([](const Explanation &ex) { return ex.to_json(); },
                      [](const std::string &json) { return Explanation::from_json(json); }));
  // Mutable and compared by value: not hashable (pybind11 leaves __hash__ from object).
  m.attr("Explanation").attr("__hash__") = py::none();
}

}  // namespace cadrekit::python
