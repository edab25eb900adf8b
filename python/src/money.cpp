#include "bindings.hpp"

namespace cadrekit::python {
void init_money(pybind11::module_ &) {}
}  // namespace cadrekit::python
