// Python: the kernel of cadrekit.year (the whole year of a county and the comparison of two
// runs); the public API is python/cadrekit/year.py. Answers come through the JSON bridge; the
// run's text is kept as well, as the comparison's input.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "cadrekit/core/errors.hpp"
#include "casters.hpp"
#include "object_cells.hpp"
#include "cadrekit/year.hpp"
#include "json_bridge.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

/// None: the sample county; a str: a folder; a dict: file name -> JSON text.
year::Data data_of(const py::object &data) {
  if (data.is_none()) return year::Data::sample();
  if (py::isinstance<py::str>(data)) return year::Data::load(text_arg(data, "data"));
  if (!py::isinstance<py::dict>(data))
    throw InvalidInput("data must be None, a folder or a dict of the county's files", "data");
  const py::dict files = data.cast<py::dict>();
  year::Data d;
  std::string *slot[] = {&d.county,          &d.audit_tier,         &d.audit_plan,
                         &d.village_pay,     &d.disclosure_records, &d.disclosure_rounds,
                         &d.assessment_screen, &d.assessment_cases, &d.cadres};
  for (std::size_t i = 0; i < year::data_files.size(); ++i) {
    const std::string name(year::data_files[i]);
    if (!files.contains(name)) throw InvalidInput("the county's file is missing", "data", name);
    py::object v = files[py::str(name)];
    if (!py::isinstance<py::str>(v)) throw InvalidInput("must be the file's JSON text", "data", name);
    *slot[i] = text_arg(v, "data", name);
  }
  for (const auto &kv : files) {
    const auto k = PyUnicode_Check(kv.first.ptr()) ? utf8_view(kv.first.ptr()) : std::nullopt;
    bool known = false;
    for (auto f : year::data_files) known = known || (k && *k == f);
    if (!known) throw InvalidInput("not a file of the county's year", "data", k ? std::string(*k) : "?");
  }
  return d;
}

}  // namespace

void init_year(py::module_ &m) {
  auto y = m.def_submodule("_year", "Kernel of cadrekit.year; use cadrekit.year.");
  y.def(
      "run_json",
      [](const Policy &policy, const py::object &data, std::optional<int> year) {
        const year::Data d = data_of(data);
        py::gil_scoped_release release;
        return year::run_json(d, policy, year);
      },
      py::arg("policy"), py::arg("data"), py::arg("year"));
  y.def(
      "parse", [](const std::string &text) { return from_json(text); }, py::arg("text"),
      "A year's JSON as Python objects (explanations as cadrekit.Explanation).");
  y.def(
      "compare",
      [](const std::string &a, const std::string &b) {
        std::string answer;
        {
          py::gil_scoped_release release;
          answer = year::compare_json(a, b);
        }
        return from_json(answer);
      },
      py::arg("a"), py::arg("b"), "The decisions that differ between two runs (compare.json's structure).");
  y.attr("DATA_FILES") = [] {
    py::list l;
    for (auto f : year::data_files) l.append(std::string(f));
    return l;
  }();
}

}  // namespace cadrekit::python
