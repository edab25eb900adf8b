// cadrekit._core: the private extension module. Users import the package `cadrekit`.
#include "bindings.hpp"
#include "cadrekit/core/version.hpp"

PYBIND11_MODULE(_core, m) {
  m.doc() = "cadrekit's compiled core; import the package `cadrekit` instead.";
  m.attr("__version__") = cadrekit::version_string;
  cadrekit::python::init_errors(m);  // first: the other bindings raise these
  cadrekit::python::init_calendar(m);
  cadrekit::python::init_money(m);
  cadrekit::python::init_policy(m);
  cadrekit::python::init_explanation(m);
  cadrekit::python::init_person(m);
  cadrekit::python::init_disclosure(m);
  cadrekit::python::init_assessment(m);
  cadrekit::python::init_audit(m);
  cadrekit::python::init_village(m);
  cadrekit::python::init_talent(m);
  cadrekit::python::init_year(m);
  cadrekit::python::init_vocabulary(m);
  cadrekit::python::init_names(m);
  cadrekit::python::init_factorize(m);
  cadrekit::python::init_columns(m);
#ifdef CADREKIT_HAVE_WORKSPACE
  cadrekit::python::init_workspace(m);
#endif
  cadrekit::python::init_argument_errors(m);  // last: it routes every function defined above
}
