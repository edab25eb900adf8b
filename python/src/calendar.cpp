// Python: cadrekit.WorkCalendar.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "cadrekit/core/calendar.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace cadrekit::python {

void init_calendar(py::module_ &m) {
  py::class_<WorkCalendar>(m, "WorkCalendar",
                           "The official working-day calendar of mainland China (immutable).")
      .def_static("china", &WorkCalendar::china, py::kw_only(), py::arg("lenient") = false,
                  "The embedded calendar 2007-01-01..2026-12-31. lenient=True: outside coverage "
                  "only weekends are off (see .estimated()); else CalendarCoverageError.")
      .def_static(
          "from_csv",
          [](const std::string &csv, bool lenient) { return WorkCalendar::from_csv(csv, lenient); },
          py::arg("csv"), py::kw_only(), py::arg("lenient") = false,
          "A calendar from CSV text 'date,is_off_day,name'.")
      .def(
          "with_csv", [](const WorkCalendar &c, const std::string &csv) { return c.with_csv(csv); },
          py::arg("csv"), "A new calendar with the days of csv added (e.g. a new year).")
      .def_property_readonly(
          "coverage", [](const WorkCalendar &c) { auto r = c.coverage(); return py::make_tuple(r.first, r.last); },
          "(first, last) day the holiday data covers.")
      .def_property_readonly("lenient", &WorkCalendar::lenient)
      .def("covers", &WorkCalendar::covers, py::arg("d"))
      .def("is_working_day", &WorkCalendar::is_working_day, py::arg("d"))
      .def("add_working_days",
           static_cast<Date (WorkCalendar::*)(Date, int) const>(&WorkCalendar::add_working_days), py::arg("d"), py::arg("n"),
           "The n-th working day strictly after d (n < 0: before; n = 0: d).")
      .def(
          "window",
          [](const WorkCalendar &c, Date start, int n) {
            auto r = c.window(start, n);
            return py::make_tuple(r.first, r.last);
          },
          py::arg("start"), py::arg("n"),
          "A notice period of n working days from start (or the next working day): (first, last).")
      .def("count_working_days",
           static_cast<int (WorkCalendar::*)(Date, Date) const>(&WorkCalendar::count_working_days), py::arg("first"),
           py::arg("last"), "Working days in [first, last], inclusive.")
      .def(
          "calendar_window",
          [](const WorkCalendar &c, Date start, int n) {
            auto r = c.calendar_window(start, n);
            return py::make_tuple(r.first, r.last);
          },
          py::arg("start"), py::arg("n"), "n calendar days from start: (first, last).")
      .def("estimated", &WorkCalendar::estimated, py::arg("a"), py::arg("b"),
           "True when a lenient calendar assumed weekends-only somewhere in [a, b].")
      .def("__repr__", [](const WorkCalendar &c) {
        auto r = c.coverage();
        return "WorkCalendar(" + to_iso(r.first) + ".." + to_iso(r.last) +
               (c.lenient() ? ", lenient)" : ")");
      });
}

}  // namespace cadrekit::python
