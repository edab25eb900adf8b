// Python: the one vocabulary of input values (cadrekit/core/vocabulary.hpp), for the Python
// front ends that read a text themselves (a str cell of a DataFrame or a dict). Each takes a
// str only (the front ends check the type first) and raises cadrekit.InvalidInput naming
// field and record, never the text.
//   _core.vocabulary_flag(text, field, record="") -> bool
//   _core.vocabulary_level(text, max, field, record="") -> int
//   _core.vocabulary_date(text, field, record="") -> datetime.date
//   _core.vocabulary_period(text, field, record="") -> str ("2016Q2", "2016")
//   _core.vocabulary_whole(text, field, record="") -> int
//   _core.vocabulary_blank(text) -> bool (empty or only spaces: a missing value)
//   _core.vocabulary_code(kind, text, field, record="") -> int (the code's index in its table)
//   _core.vocabulary_codes(kind) -> [(code, zh, en)] (a code table, in the order of its enum)
//   _core.vocabulary_markdown() -> str (docs/input.md)
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <tuple>
#include <vector>

#include "cadrekit/core/errors.hpp"

#include "bindings.hpp"
#include "cadrekit/core/vocabulary.hpp"
#include "casters.hpp"
#include "object_cells.hpp"

namespace py = pybind11;

namespace cadrekit::python {

void init_vocabulary(py::module_ &m) {
  namespace v = cadrekit::vocabulary;
  m.def(
      "vocabulary_flag",
      [](py::handle t, const std::string &f, const std::string &r) { return v::parse_flag(text_arg(t, f, r), f, r); },
      py::arg("text"), py::arg("field"), py::arg("record") = "");
  m.def(
      "vocabulary_level",
      [](py::handle t, std::int32_t max, const std::string &f, const std::string &r) {
        return v::parse_level(text_arg(t, f, r), max, f, r);
      },
      py::arg("text"), py::arg("max"), py::arg("field"), py::arg("record") = "");
  m.def(
      "vocabulary_level_expectation", [](std::int32_t max) { return v::level_expectation(max); }, py::arg("max"),
      "What a factor of 0…max may be, as the readers word it: `0, 1 or 2, or 是/否 for 1/0`.");
  m.def(
      "vocabulary_date",
      [](py::handle t, const std::string &f, const std::string &r) { return v::parse_date(text_arg(t, f, r), f, r); },
      py::arg("text"), py::arg("field"), py::arg("record") = "");
  m.def(
      "vocabulary_period",
      [](py::handle t, const std::string &f, const std::string &r) {
        return v::parse_period(text_arg(t, f, r), f, r).code();
      },
      py::arg("text"), py::arg("field"), py::arg("record") = "");
  m.def(
      "vocabulary_whole",
      [](py::handle t, const std::string &f, const std::string &r) { return v::parse_whole(text_arg(t, f, r), f, r); },
      py::arg("text"), py::arg("field"), py::arg("record") = "");
  // (a str that UTF-8 cannot hold is not blank: the reader that parses it names it)
  m.def(
      "vocabulary_blank",
      [](py::handle t) {
        if (!PyUnicode_Check(t.ptr())) throw InvalidInput("must be text", "text");
        const auto text = utf8_view(t.ptr());
        return text && v::blank(*text);
      },
      py::arg("text"));
  m.def(
      "vocabulary_code",
      [](const std::string &kind, py::handle t, const std::string &f, const std::string &r) {
        const v::CodeTable *table = v::code_table(kind);
        if (table == nullptr) throw InvalidInput("not a kind of code of the vocabulary", "kind");
        return v::parse_code(*table, text_arg(t, f, r), f, r);
      },
      py::arg("kind"), py::arg("text"), py::arg("field"), py::arg("record") = "");
  m.def(
      "vocabulary_codes",
      [](const std::string &kind) {
        const v::CodeTable *table = v::code_table(kind);
        if (table == nullptr) throw InvalidInput("not a kind of code of the vocabulary", "kind");
        std::vector<std::tuple<std::string, std::string, std::string>> out;
        for (const v::Code &c : table->codes) out.emplace_back(c.code, c.zh, c.en);
        return out;
      },
      py::arg("kind"));
  m.def("vocabulary_markdown", [] { return v::markdown(); });
}

}  // namespace cadrekit::python
