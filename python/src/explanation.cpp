#include "bindings.hpp"

namespace cadrekit::python {
void init_explanation(pybind11::module_ &) {}
}  // namespace cadrekit::python
