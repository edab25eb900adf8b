// Python: cadrekit._core.disclosure, the compiled half of cadrekit.disclosure (KAILU). Records
// and requests are Python objects (or JSON text) written through the JSON bridge into the
// documented schema, so Python, C and C++ share one parser and one behaviour; answers come back
// through the same bridge. The Case is a real object whose transitions are the C++ ones.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/disclosure.hpp"
#include "casters.hpp"
#include "core/xml.hpp"
#include "json_bridge.hpp"
#include "object_cells.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {
/// A record or request given as a Python object (written as JSON) or as JSON text.
std::string json_arg(py::handle v, const char *what) {
  if (py::isinstance<py::str>(v)) return utf8_text(v, what);
  return to_json(v, what);
}
}  // namespace

void init_disclosure(py::module_ &parent) {
  using namespace cadrekit::disclosure;
  py::module_ m = parent.def_submodule(
      "disclosure", "Disclosure of promoted leaders' personal matters (KAILU); use "
                    "cadrekit.disclosure, which takes and returns dicts.");

  m.def("validate", [](py::handle record, const Policy &policy) {
          std::string text;
          try {
            text = json_arg(record, "record");
          } catch (const InvalidInput &e) {
            // A value no JSON holds (a time of day, bytes, inf, a lone surrogate) is a problem of
            // the record at its path, as every other problem: validate never raises for data.
            const std::string path = e.record().empty() ? e.field() : e.record() + "." + e.field();
            py::dict problem;
            problem["path"] = path == "record" ? std::string() : path;
            problem["code"] = e.message() == kNotUtf8Text ? "not_utf8" : "wrong_type";
            problem["message"] = e.message();
            py::list problems;
            problems.append(problem);
            return py::object(problems);
          }
          return from_json(validate_response_json(text, policy));
        }, py::arg("record"), py::arg("policy"),
        "Every problem of a record as a list of {path, code, message}.");
  m.def("plan_round", [](py::handle request, const WorkCalendar &calendar, const Policy &policy) {
          return from_json(plan_round_json(json_arg(request, "request"), calendar, policy));
        }, py::arg("request"), py::arg("calendar"), py::arg("policy"),
        "{round, rank, posted} -> {round, rank, posted, venues, first_day, last_day, working_days}.");
  m.def("notice", [](py::handle request, const WorkCalendar &calendar, const Policy &policy) {
          return from_json(notice_json(json_arg(request, "request"), calendar, policy));
        }, py::arg("request"), py::arg("calendar"), py::arg("policy"),
        "{record, round, posted?} -> {round, field_names, fields, text, plan?}.");
  m.def("classify_discrepancies",
        [](const std::vector<std::pair<std::string, std::string>> &discrepancies, Date as_of,
           const Policy &policy) {
          std::vector<Discrepancy> ds;
          for (const auto &[matter, kind] : discrepancies) ds.push_back({matter, kind});
          Explanation ex("disclosure discrepancies");
          auto classes = classify_discrepancies(ds, as_of, policy, &ex);
          return std::make_pair(classes, ex);
        },
        py::arg("discrepancies"), py::arg("as_of"), py::arg("policy"),
        "(\"matter:kind:class\" per discrepancy, the Explanation of the classification).");
  m.def("yearly_counts", [](py::handle cases) { return from_json(yearly_counts_json(json_arg(cases, "cases"))); },
        py::arg("cases"), "Cases (Case objects, their JSON forms) -> the yearly counts per round.");
  m.def("record_from_lrmx",
        [](const py::bytes &form, const std::string &record_id) {
          return from_json(record_to_json(record_from_lrmx(std::string_view(form), record_id)));
        },
        py::arg("form"), py::arg("record_id"),
        "The strict reading of a .lrmx cadre form (its bytes): the record when the form reads "
        "without a warning, else InvalidInput naming the first warning's element.");
  // The size a form may have (xml.max_bytes, the reader's default): a caller reading a file reads
  // no more than one byte past it, which read_lrmx then refuses by that limit's name.
  m.attr("LRMX_MAX_BYTES") = xml::Limits{}.max_bytes;
  m.def("read_lrmx",
        [](const py::bytes &form, const std::string &record_id) {
          return from_json(lrmx_read_to_json(read_lrmx(std::string_view(form), record_id)));
        },
        py::arg("form"), py::arg("record_id"),
        "A .lrmx cadre form (its bytes, any encoding the reader detects) -> "
        "{record, warnings, encoding}.");
  m.def("record_to_lrmx",
        [](py::handle record) { return record_to_lrmx(record_from_json(json_arg(record, "record"))); },
        py::arg("record"),
        "The record's basic information as a .lrmx cadre form (UTF-8 XML text; docs/disclosure.md "
        "states the date style).");
  m.def("normalize_record",
        [](py::handle record) { return from_json(record_to_json(record_from_json(json_arg(record, "record")))); },
        py::arg("record"), "The record in canonical form (InvalidInput on bad structure).");

  py::class_<Case>(m, "Case", "A disclosure case: an append-only event log (C++ Case).")
      .def_static(
          "open",
          [](py::handle record, Date date, std::string actor, const Policy &policy) {
            return Case::open(record_from_json(json_arg(record, "record")), date, std::move(actor), policy);
          },
          py::arg("record"), py::arg("date"), py::arg("actor"), py::arg("policy"))
      .def_static("from_json", &Case::from_json, py::arg("text"))
      .def("to_json", &Case::to_json)
      .def("to_dict", [](const Case &c) { return from_json(c.to_json()); },
           "The case's JSON form as Python objects.")
      .def(
          "post_round",
          [](Case &c, int round, Date posted, std::string actor, const WorkCalendar &cal,
             const Policy &policy) {
            Explanation ex;
            c.post_round(round, posted, std::move(actor), cal, policy, &ex);
            return ex;
          },
          py::arg("round"), py::arg("posted"), py::arg("actor"), py::arg("calendar"),
          py::arg("policy"))
      .def("receive_complaint", &Case::receive_complaint, py::arg("channel"), py::arg("date"),
           py::arg("actor"))
      .def("assign", &Case::assign, py::arg("complaint"), py::arg("departments"), py::arg("date"),
           py::arg("actor"), py::arg("policy"))
      .def(
          "record_finding",
          [](Case &c, const std::string &complaint, const std::string &finding,
             const std::vector<std::pair<std::string, std::string>> &discrepancies, Date date,
             std::string actor, const Policy &policy) {
            std::vector<Discrepancy> ds;
            for (const auto &[matter, kind] : discrepancies) ds.push_back({matter, kind});
            Explanation ex;
            c.record_finding(complaint, finding_from_string(finding), ds, date, std::move(actor), policy, &ex);
            return ex;
          },
          py::arg("complaint"), py::arg("finding"), py::arg("discrepancies"), py::arg("date"),
          py::arg("actor"), py::arg("policy"))
      .def(
          "decide",
          [](Case &c, const std::string &complaint, const std::string &outcome, Date date, std::string actor) {
            c.decide(complaint, outcome_from_string(outcome), date, std::move(actor));
          },
          py::arg("complaint"), py::arg("outcome"), py::arg("date"), py::arg("actor"))
      .def(
          "return_for_correction",
          [](Case &c, py::handle record, Date date, std::string actor, std::string note,
             const Policy &policy) {
            c.return_for_correction(record_from_json(json_arg(record, "record")), date, std::move(actor),
                                    std::move(note), policy);
          },
          py::arg("record"), py::arg("date"), py::arg("actor"), py::arg("note"), py::arg("policy"))
      .def("can_proceed", [](const Case &c, Date as_of) { return from_json(can_proceed_json(c, as_of)); },
           py::arg("as_of"))
      .def("complaints_json", [](const Case &c) { return complaints_json(c); })
      .def_property_readonly("status", [](const Case &c) { return std::string(to_string(c.status())); })
      .def("__eq__", [](const Case &a, const Case &b) { return a == b; });
}

}  // namespace cadrekit::python
