#include "bindings.hpp"

namespace cadrekit::python {
void init_policy(pybind11::module_ &) {}
}  // namespace cadrekit::python
