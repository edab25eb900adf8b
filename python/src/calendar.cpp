// Python: cadrekit.WorkCalendar.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <limits>
#include <string>

#include "bindings.hpp"
#include "cadrekit/core/calendar.hpp"
#include "casters.hpp"
#include "columns.hpp"
#include "day_columns.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

// n of add_working_days_array: a Python int (one n for all rows) or an integer column, used as
// it is when it is contiguous int32, else checked and converted once (int_column).
struct Steps {
  bool one = true;
  std::int32_t n0 = 0;
  py::array column;
};

// A step count n given as one Python int (or a NumPy integer): one outside int32, the kernels'
// type, is InvalidInput naming n in the words a column's such value gets; any other type a
// TypeError naming its type (never its value).
std::int32_t step_arg(py::handle n) {
  if (!PyIndex_Check(n.ptr()))  // (a float or a str has no __index__)
    throw py::type_error(std::string("n must be an int, not ") + Py_TYPE(n.ptr())->tp_name);
  const py::object i = py::reinterpret_steal<py::object>(PyNumber_Index(n.ptr()));
  if (!i) throw py::error_already_set();
  int overflow = 0;
  const long long v = PyLong_AsLongLongAndOverflow(i.ptr(), &overflow);
  constexpr auto lo = std::numeric_limits<std::int32_t>::min(), hi = std::numeric_limits<std::int32_t>::max();
  if (overflow != 0 || v < lo || v > hi)
    throw InvalidInput("value outside " + std::to_string(lo) + "…" + std::to_string(hi), "n");
  return static_cast<std::int32_t>(v);
}

Steps steps_of(py::handle n, std::size_t rows) {
  Steps s;
  if (py::isinstance<py::int_>(n)) {
    s.n0 = step_arg(n);
    return s;
  }
  if (py::isinstance<py::str>(n) || py::isinstance<py::float_>(n) || n.is_none())
    throw InvalidInput("n must be an int or a column of integers", "n");
  py::array_t<std::int32_t> a = int_column<std::int32_t>(n, "n", static_cast<py::ssize_t>(rows));
  s.one = false;
  s.column = a;
  return s;
}

}  // namespace

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
      .def(
          "add_working_days",
          [](const WorkCalendar &c, Date d, py::handle n) { return c.add_working_days(d, step_arg(n)); },
          py::arg("d"), py::arg("n"), "The n-th working day strictly after d (n < 0: before; n = 0: d).")
      .def(
          "window",
          [](const WorkCalendar &c, Date start, py::handle n) {
            auto r = c.window(start, step_arg(n));
            return py::make_tuple(r.first, r.last);
          },
          py::arg("start"), py::arg("n"),
          "A notice period of n working days from start (or the next working day): (first, last).")
      .def("count_working_days",
           static_cast<int (WorkCalendar::*)(Date, Date) const>(&WorkCalendar::count_working_days), py::arg("first"),
           py::arg("last"), "Working days in [first, last], inclusive.")
      .def(
          "calendar_window",
          [](const WorkCalendar &c, Date start, py::handle n) {
            auto r = c.calendar_window(start, step_arg(n));
            return py::make_tuple(r.first, r.last);
          },
          py::arg("start"), py::arg("n"), "n calendar days from start: (first, last).")
      .def(
          "add_working_days_array",
          [](const WorkCalendar &c, py::handle from, py::handle n, py::handle out) {
            py::array days = day_column(from, "from");
            const auto rows = static_cast<std::size_t>(days.size());
            Steps st = steps_of(n, rows);
            py::array res = day_output(out, rows);
            auto in = day_span(days);
            auto dst = day_span_mut(res);
            {
              py::gil_scoped_release release;
              if (st.one) {
                c.add_working_days(in, st.n0, dst);
              } else {
                c.add_working_days(
                    in,
                    std::span<const std::int32_t>(static_cast<const std::int32_t *>(st.column.data()), rows),
                    dst);
              }
            }
            return res;
          },
          py::arg("from_dates"), py::arg("n"), py::kw_only(), py::arg("out") = py::none(),
          "add_working_days on a column of dates: a datetime64[D] array (zero-copy), another "
          "datetime64 unit, a pandas Series of datetimes or a list of datetime.date. n: an int, "
          "or an integer array of the same length. Returns datetime64[D] (written into `out` "
          "when given: a contiguous datetime64[D] array, which may be the input itself). NaT "
          "in gives NaT out. All or nothing: InvalidInput / CalendarCoverageError names the "
          "row ('row 3') and field, and `out` is untouched. The GIL is released while computing.")
      .def(
          "count_working_days_array",
          [](const WorkCalendar &c, py::handle first, py::handle last) {
            py::array a = day_column(first, "first");
            py::array b = day_column(last, "last");
            py::array_t<std::int32_t> res(a.size());
            auto dst = std::span<std::int32_t>(res.mutable_data(), static_cast<std::size_t>(res.size()));
            auto x = day_span(a), y = day_span(b);
            {
              py::gil_scoped_release release;
              c.count_working_days(x, y, dst);
            }
            return res;
          },
          py::arg("first"), py::arg("last"),
          "count_working_days on two columns of dates (as add_working_days_array takes them): an "
          "int32 array, -1 where first or last is NaT. All or nothing, naming the row.")
      .def("estimated", &WorkCalendar::estimated, py::arg("a"), py::arg("b"),
           "True when a lenient calendar assumed weekends-only somewhere in [a, b].")
      .def("__repr__", [](const WorkCalendar &c) {
        auto r = c.coverage();
        return "WorkCalendar(" + to_iso(r.first) + ".." + to_iso(r.last) +
               (c.lenient() ? ", lenient)" : ")");
      })
      .def("to_csv", &WorkCalendar::to_csv,
           "The announced days as holiday CSV 'date,is_off_day,name' (names are not kept): "
           "WorkCalendar.from_csv(c.to_csv(), lenient=c.lenient) has the same days and answers.")
      // Pickling (multiprocessing, Dask, Spark): the calendar travels as the CSV of its announced
      // days and its leniency; the embedded calendar's days arrive as the embedded calendar.
      .def(py::pickle(
          [](const WorkCalendar &c) { return py::make_tuple(1, c.to_csv(), c.lenient()); },
          [](const py::tuple &state) {
            if (state.size() != 3 || !py::isinstance<py::int_>(state[0]) ||
                state[0].cast<int>() != 1 || !py::isinstance<py::str>(state[1]) ||
                !py::isinstance<py::bool_>(state[2]))
              throw InvalidInput("not the pickled state of a cadrekit.WorkCalendar", "state");
            static const std::string china_days = WorkCalendar::china().to_csv();
            const std::string csv = state[1].cast<std::string>();
            const bool lenient = state[2].cast<bool>();
            if (csv == china_days) return WorkCalendar::china(lenient);
            return WorkCalendar::from_csv(csv, lenient, "<pickled calendar>");
          }));
}

}  // namespace cadrekit::python
