// One init function per binding file (private).
#pragma once

#include <pybind11/pybind11.h>

namespace cadrekit::python {
void init_errors(pybind11::module_ &m);
void init_calendar(pybind11::module_ &m);
void init_money(pybind11::module_ &m);
void init_policy(pybind11::module_ &m);
void init_explanation(pybind11::module_ &m);
void init_person(pybind11::module_ &m);
void init_disclosure(pybind11::module_ &m);
void init_assessment(pybind11::module_ &m);
void init_audit(pybind11::module_ &m);
void init_village(pybind11::module_ &m);
void init_talent(pybind11::module_ &m);
void init_year(pybind11::module_ &m);
void init_vocabulary(pybind11::module_ &m);
void init_names(pybind11::module_ &m);
void init_factorize(pybind11::module_ &m);
void init_columns(pybind11::module_ &m);
void init_workspace(pybind11::module_ &m);  // only with the workspace component
// Last: routes every function defined before through a dispatcher whose TypeErrors name the
// arguments' types, not their values.
void init_argument_errors(pybind11::module_ &m);
}  // namespace cadrekit::python
