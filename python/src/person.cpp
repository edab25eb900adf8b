#include "bindings.hpp"

namespace cadrekit::python {
void init_person(pybind11::module_ &) {}
}  // namespace cadrekit::python
