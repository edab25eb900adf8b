// Python: "did you mean" for an unknown column or key, by the rule the CLI's tables and the C
// JSON readers use (core's text_util::nearest_name), so that every surface suggests the same name.
//   _core.nearest_name(name, known) -> str, "" when no known name is near
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bindings.hpp"
#include "core/text.hpp"

namespace py = pybind11;

namespace cadrekit::python {

void init_names(py::module_ &m) {
  m.def(
      "nearest_name",
      [](const std::string &name, const std::vector<std::string> &known) {
        return text_util::nearest_name(name, known);
      },
      py::arg("name"), py::arg("known"));
}

}  // namespace cadrekit::python
