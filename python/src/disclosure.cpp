// Python: cadrekit._core.disclosure, the compiled half of cadrekit.disclosure (KAILU). Records
// and requests cross as JSON text (the documented schema), so Python, C and C++ share one
// parser and one behaviour; the Case is a real object whose transitions are the C++ ones.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "cadrekit/core/calendar.hpp"
#include "cadrekit/core/explanation.hpp"
#include "cadrekit/core/policy.hpp"
#include "cadrekit/disclosure.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace cadrekit::python {

void init_disclosure(py::module_ &parent) {
  using namespace cadrekit::disclosure;
  py::module_ m = parent.def_submodule(
      "disclosure", "Disclosure of promoted leaders' personal matters (KAILU); use "
                    "cadrekit.disclosure, which takes and returns dicts.");

  m.def("validate_json", &validate_response_json, py::arg("record_json"), py::arg("policy"),
        "Every problem of a record (JSON text) as a JSON array of {path, code, message}.");
  m.def("plan_round_json", &plan_round_json, py::arg("request_json"), py::arg("calendar"),
        py::arg("policy"), "{round, rank, posted} -> {round, rank, posted, venues, first_day, "
                           "last_day, working_days} (JSON text).");
  m.def("notice_json", &notice_json, py::arg("request_json"), py::arg("calendar"),
        py::arg("policy"), "{record, round, posted?} -> {round, field_names, fields, text} (JSON).");
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
  m.def("yearly_counts_json", &yearly_counts_json, py::arg("cases_json"),
        "A JSON array of cases -> the yearly counts per round (JSON text).");
  m.def("record_from_lrmx_json",
        [](const std::string &xml, const std::string &record_id) {
          return record_to_json(record_from_lrmx(xml, record_id));
        },
        py::arg("xml"), py::arg("record_id"),
        "The record's basic information from a .lrmx cadre form, as record JSON (the 9 matters "
        "empty).");
  m.def("record_to_lrmx",
        [](const std::string &record_json) { return record_to_lrmx(record_from_json(record_json)); },
        py::arg("record_json"),
        "The record's basic information as a .lrmx cadre form (UTF-8 XML text; docs/disclosure.md "
        "states the date style).");
  m.def("normalize_record_json",
        [](const std::string &json) { return record_to_json(record_from_json(json)); },
        py::arg("record_json"), "Canonical JSON of a record (InvalidInput on bad structure).");

  py::class_<Case>(m, "Case", "A disclosure case: an append-only event log (C++ Case).")
      .def_static(
          "open",
          [](const std::string &record_json, Date date, std::string actor, const Policy &policy) {
            return Case::open(record_from_json(record_json), date, std::move(actor), policy);
          },
          py::arg("record_json"), py::arg("date"), py::arg("actor"), py::arg("policy"))
      .def_static("from_json", &Case::from_json, py::arg("text"))
      .def("to_json", &Case::to_json)
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
          [](Case &c, const std::string &record_json, Date date, std::string actor,
             std::string note, const Policy &policy) {
            c.return_for_correction(record_from_json(record_json), date, std::move(actor),
                                    std::move(note), policy);
          },
          py::arg("record_json"), py::arg("date"), py::arg("actor"), py::arg("note"),
          py::arg("policy"))
      .def("can_proceed_json", [](const Case &c, Date as_of) { return can_proceed_json(c, as_of); },
           py::arg("as_of"))
      .def("complaints_json", [](const Case &c) { return complaints_json(c); })
      .def_property_readonly("status", [](const Case &c) { return std::string(to_string(c.status())); })
      .def("__eq__", [](const Case &a, const Case &b) { return a == b; });
}

}  // namespace cadrekit::python
