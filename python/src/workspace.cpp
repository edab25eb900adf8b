// cadrekit._core._workspace: the county workspace (cadrekit/workspace.hpp) for
// python/cadrekit/workspace.py, which turns its rows into DataFrames. Compiled only when the
// workspace component is built (CADREKIT_BUILD_WORKSPACE); `import cadrekit` works without it.
//   WorkspaceError(Error)   the workspace file itself: .problem is busy, not_workspace,
//                           newer_schema, damaged, exists or io (.code state for busy,
//                           invalid_input otherwise)
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <mutex>
#include <type_traits>

#include "bindings.hpp"
#include "cadrekit/workspace.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

namespace ws = cadrekit::workspace;

PyObject *g_workspace_error = nullptr;

ws::Stamp stamp(const std::string &by, const std::string &recorded_at) { return ws::Stamp{by, recorded_at}; }

py::list rows_of(const ws::TableData &t) {
  py::list rows;
  for (const auto &r : t.rows) rows.append(py::cast(r));
  return rows;
}

py::object opt_date(const std::optional<Date> &d) { return d ? py::cast(*d) : py::none(); }

/// A workspace opened once and used for every call. One call at a time: a call waits for the
/// others of its Python threads without holding the GIL, and builds its Python objects after.
class Handle {
 public:
  explicit Handle(ws::Workspace w) : w_(std::move(w)) {}

  std::size_t apply(const std::vector<std::string> &actions, const std::vector<std::string> &records,
                    const std::string &by, const std::string &recorded_at, const std::string &command) {
    std::vector<ws::Action> parsed;
    parsed.reserve(actions.size());
    for (std::size_t i = 0; i < actions.size(); ++i)
      parsed.push_back(ws::action_from_json(actions[i], i < records.size() ? records[i] : "actions[" + std::to_string(i) + "]"));
    return locked([&] { return w_.apply(parsed, stamp(by, recorded_at), command, records); });
  }

  std::size_t import_table(const std::string &kind, const std::string &source, std::optional<Date> as_of,
                           std::vector<std::string> columns, std::vector<std::vector<std::string>> rows,
                           std::vector<std::string> labels, const std::string &by, const std::string &recorded_at) {
    ws::ImportTable t{kind, source, as_of, std::move(columns), std::move(rows), std::move(labels)};
    return locked([&] { return w_.import_table(t, stamp(by, recorded_at)); });
  }

  py::list status(Date as_of) {
    py::list out;
    for (const auto &s : locked([&] { return w_.status(as_of); }))
      out.append(py::make_tuple(ws::case_kind_name(s.kind), s.case_id, s.subject, s.stage, s.open, s.first, s.last,
                                s.events, s.detail));
    return out;
  }

  py::list due(Date as_of, int within) {
    py::list out;
    for (const auto &d : locked([&] { return w_.due(as_of, within); }))
      out.append(py::make_tuple(ws::case_kind_name(d.kind), d.case_id, d.subject, d.what, opt_date(d.due), d.state,
                                d.detail));
    return out;
  }

  py::list history(const std::string &case_id, const std::string &kind) {
    std::optional<ws::CaseKind> k;
    if (!kind.empty()) k = ws::parse_case_kind(kind, "kind");
    py::list out;
    for (const auto &h : locked([&] { return w_.history(case_id, k); }))
      out.append(py::make_tuple(ws::case_kind_name(h.kind), h.case_id, h.seq, h.op, h.effective, h.recorded_at,
                                h.recorded_by, h.command, h.members, h.explanation));
    return out;
  }

  py::tuple table(const std::string &kind, bool reveal) { return data(locked([&] { return w_.table(kind, reveal); })); }
  py::tuple events(bool reveal) { return data(locked([&] { return w_.events(reveal); })); }
  py::tuple imports() { return data(locked([&] { return w_.imports(); })); }
  py::list check() {
    py::list out;
    for (const auto &p : locked([&] { return w_.check(); })) out.append(py::make_tuple(p.where, p.message));
    return out;
  }

  const ws::Workspace &get() const { return w_; }

 private:
  template <class F>
  std::invoke_result_t<F &> locked(F &&f) {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(m_);
    return f();
  }
  static py::tuple data(const ws::TableData &t) { return py::make_tuple(t.columns, rows_of(t)); }
  ws::Workspace w_;
  std::mutex m_;
};

}  // namespace

void init_workspace(py::module_ &m) {
  py::module_ k = m.def_submodule("_workspace", "The county workspace (private; use cadrekit.Workspace).");
  g_workspace_error = PyErr_NewExceptionWithDoc(
      "cadrekit.WorkspaceError",
      "The workspace file cannot be used: .problem is busy (another process is writing: try again), "
      "not_workspace, newer_schema, damaged, exists or io.",
      m.attr("Error").ptr(), nullptr);
  if (!g_workspace_error) throw py::error_already_set();
  m.attr("WorkspaceError") = py::handle(g_workspace_error);
  py::handle(g_workspace_error).attr("problem") = "";
  // Tried before the translator of errors.cpp (pybind11 tries the latest registered first).
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ws::WorkspaceError &e) {
      py::object cls = py::reinterpret_borrow<py::object>(g_workspace_error);
      py::object exc = cls(py::str(e.what()));
      exc.attr("code") = error_code_name(e.code());
      exc.attr("field") = e.field();
      exc.attr("record") = e.record();
      exc.attr("problem") = ws::file_problem_name(e.problem());
      PyErr_SetObject(g_workspace_error, exc.ptr());
    }
  });

  k.attr("SCHEMA_VERSION") = ws::schema_version;
  k.attr("IMPORT_KINDS") = py::cast(ws::import_kinds());

  py::class_<Handle>(k, "Handle")
      .def("apply", &Handle::apply, py::arg("actions"), py::arg("records"), py::arg("by"), py::arg("recorded_at"),
           py::arg("command"))
      .def("import_table", &Handle::import_table)
      .def("status", &Handle::status)
      .def("due", &Handle::due)
      .def("history", &Handle::history)
      .def("table", &Handle::table)
      .def("events", &Handle::events)
      .def("imports", &Handle::imports)
      .def("check", &Handle::check)
      .def_property_readonly("path", [](const Handle &h) { return h.get().path(); })
      .def_property_readonly("county", [](const Handle &h) { return h.get().county(); })
      .def_property_readonly("policy", [](const Handle &h) { return h.get().policy(); });

  k.def(
      "create",
      [](const std::string &path, const std::string &by, const std::string &recorded_at, const std::string &county,
         const std::string &policy_name, const std::string &policy_yaml, int busy_timeout_ms) {
        return std::make_unique<Handle>(ws::Workspace::create(path, stamp(by, recorded_at), county, policy_name,
                                                              policy_yaml, {busy_timeout_ms}));
      },
      py::arg("path"), py::arg("by"), py::arg("recorded_at"), py::arg("county"), py::arg("policy_name"),
      py::arg("policy_yaml"), py::arg("busy_timeout_ms"));
  k.def(
      "open",
      [](const std::string &path, int busy_timeout_ms) {
        return std::make_unique<Handle>(ws::Workspace::open(path, {busy_timeout_ms}));
      },
      py::arg("path"), py::arg("busy_timeout_ms"));
  k.def("mask_id_numbers", [](const std::string &text, const Policy &policy) { return ws::mask_id_numbers(text, policy); });
}

}  // namespace cadrekit::python
