// Python: cadrekit._core.assessment (HORQIN) — screening (JSON and NumPy columns), disposal
// cases, follow-up, promotion cases. The user-facing module is cadrekit/assessment.py.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <tuple>
#include <utility>
#include <vector>
#include <unordered_map>

#include "bindings.hpp"
#include "cadrekit/assessment.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/disclosure.hpp"
#include "casters.hpp"
#include "columns.hpp"
#include "json_bridge.hpp"
#include "numpy_out.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {
using namespace cadrekit::assessment;

/// A member of a case's JSON form (the library's one rendering of the case), its dates as
/// datetime.date (cadrekit._frames.typed).
py::object case_member(const std::string &case_json, const char *member) {
  static py::handle typed = py::object(py::module_::import("cadrekit._frames").attr("typed")).release();
  py::object d = from_json(case_json);
  return typed(d[member], py::arg("dates") = py::make_tuple("date"));
}

PromotionFacts facts_from_dict(const py::dict &d) {
  PromotionFacts f;
  auto get = [&](const char *k) -> py::object { return d.contains(k) ? py::object(d[k]) : py::object(py::none()); };
  auto s = [&](const char *k) { py::object v = get(k); return v.is_none() ? std::string() : utf8_text(py::str(v), k); };
  // (py::object::cast would raise pybind11's untyped "Unable to cast" for a value of another type)
  auto b = [&](const char *k) {
    py::object v = get(k);
    if (v.is_none()) return false;
    if (!py::isinstance<py::bool_>(v)) throw InvalidInput("must be True or False", k);
    return v.cast<bool>();
  };
  auto date = [&](const char *k) {
    py::object v = get(k);
    py::detail::make_caster<Date> caster;
    if (!caster.load(v, false)) throw InvalidInput("must be a datetime.date", k);
    return py::detail::cast_op<Date>(caster);
  };
  f.cadre_id = s("cadre_id");
  f.unit_id = s("unit_id");
  auto rank = [&](const char *k) {
    py::object v = get(k);
    if (v.is_none()) throw InvalidInput("member is missing", k);
    if (py::isinstance<Rank>(v)) return v.cast<Rank>();
    return parse_rank(utf8_text(py::str(v), k), k);
  };
  f.current_rank = rank("current_rank");
  f.target_rank = rank("target_rank");
  if (get("rank_since").is_none()) throw InvalidInput("member is missing", "rank_since");
  f.rank_since = date("rank_since");
  if (!get("work_started").is_none()) f.work_started = date("work_started");
  f.integrity_problem = b("integrity_problem");
  f.poor_reputation = b("poor_reputation");
  f.open_disposal_case = b("open_disposal_case");
  f.disclosure_blocked = b("disclosure_blocked");
  return f;
}

/// The cadre's disclosure case: a cadrekit.disclosure.Case, its compiled object, or its JSON.
std::optional<disclosure::Case> disclosure_arg(const py::object &o) {
  if (o.is_none()) return std::nullopt;
  py::object x = o;
  if (py::hasattr(x, "_case")) x = x.attr("_case");
  if (py::isinstance<py::str>(x)) return disclosure::Case::from_json(text_arg(x, "disclosure"));
  if (!py::isinstance<disclosure::Case>(x))
    throw py::type_error("disclosure must be a cadrekit.disclosure.Case or its JSON");
  return x.cast<disclosure::Case>();
}

Policy policy_or_default(const py::object &p) {
  if (p.is_none()) return Policy::default_profile();
  if (!py::isinstance<Policy>(p)) throw py::type_error("policy must be a cadrekit.Policy");
  return p.cast<Policy>();
}

}  // namespace

void init_assessment(py::module_ &root) {
  using namespace cadrekit::assessment;
  py::module_ m = root.def_submodule("assessment", "HORQIN: red lines, disposal, follow-up, promotion (compiled part)");

  def_json(m, "screen", [](std::string_view r, const Policy &p) { return screen_json(r, p); },
           "The screening request -> its answer (docs/assessment.md).");
  def_json(m, "composite", [](std::string_view r, const Policy &p) { return composite_json(r, p); },
           "The composite score request -> its answer (docs/assessment.md).");
  def_json(m, "method_checklist", [](std::string_view r, const Policy &p) { return method_checklist_json(r, p); },
           "The methods checklist request -> its answer (docs/assessment.md).");
  m.def("rules", [](const Policy &policy, Date as_of) { return from_json(rules_json(policy, as_of)); },
        py::arg("policy"), py::arg("as_of"), "The red-line rules in force: {\"rules\": [...]}.");
  m.def("standards", [](const Policy &policy, Date as_of) { return from_json(standards_json(policy, as_of)); },
        py::arg("policy"), py::arg("as_of"), "The catalogue of qualitative standards in force.");
  m.def("findings_from_audit",
        [](py::handle audit_findings) { return from_json(findings_from_audit_json(to_json(audit_findings, "audit_findings"))); },
        py::arg("audit_findings"), "Audit findings (the audit module's form) -> findings (docs/assessment.md).");
  m.def(
      "screen_batch",
      [](const Policy &policy, Date as_of, py::handle cadre, py::handle kind, py::handle period,
         py::handle rank, py::handle group_size, py::handle rating, py::object f_cadre, py::object f_standard,
         py::object f_source, py::object f_class, py::object f_severity, py::object f_date) {
        auto c = int_column<std::int64_t>(cadre, "cadre", -1);
        py::ssize_t n = c.shape(0);
        auto k = int_column<std::uint8_t>(kind, "kind", n);
        auto p = int_column<std::int32_t>(period, "period", n);
        auto r = int_column<std::int32_t>(rank, "rank", n);
        auto g = int_column<std::int32_t>(group_size, "group_size", n);
        auto t = int_column<std::uint8_t>(rating, "rating", n);
        const bool with_findings = !f_cadre.is_none();
        auto nonempty = [&](py::object o, const char *name) {
          if (with_findings && o.is_none()) throw InvalidInput("finding column is missing", name);
          return with_findings ? o : py::object(py::array_t<std::int32_t>(py::ssize_t{0}));
        };
        ColumnSpec<std::int64_t> fcadre;
        fcadre.where = "findings row ";
        auto fc = int_column<std::int64_t>(nonempty(f_cadre, "findings.cadre"), "findings.cadre", -1, fcadre);
        py::ssize_t m = fc.shape(0);
        ColumnSpec<std::int32_t> f32;
        f32.where = "findings row ";
        ColumnSpec<std::int32_t> fstandard = f32;
        fstandard.missing = -1;  // no standard: an audit finding
        ColumnSpec<std::int32_t> fdate = f32;
        fdate.dates = true;
        ColumnSpec<std::uint8_t> f8;
        f8.where = "findings row ";
        auto fs = int_column<std::int32_t>(nonempty(f_standard, "findings.standard"), "findings.standard", m, fstandard);
        auto fsrc = int_column<std::uint8_t>(nonempty(f_source, "findings.source"), "findings.source", m, f8);
        auto fcl = int_column<std::uint8_t>(nonempty(f_class, "findings.classification"), "findings.classification", m, f8);
        auto fsev = int_column<std::uint8_t>(nonempty(f_severity, "findings.severity"), "findings.severity", m, f8);
        auto fd = int_column<std::int32_t>(nonempty(f_date, "findings.date"), "findings.date", m, fdate);
        auto rs = rules(policy, as_of);
        auto cat = standards(policy, as_of);
        std::vector<BatchHit> hits;
        {
          py::gil_scoped_release release;
          auto un = static_cast<std::size_t>(n);
          auto um = static_cast<std::size_t>(m);
          Columns cols{{c.data(), un}, {k.data(), un}, {p.data(), un}, {r.data(), un}, {g.data(), un}, {t.data(), un}};
          FindingColumns fcols{{fc.data(), um}, {fs.data(), um}, {fsrc.data(), um}, {fcl.data(), um}, {fsev.data(), um}, {fd.data(), um}};
          hits = screen_batch(cols, fcols, as_of, rs, cat);
        }
        auto m2 = static_cast<py::ssize_t>(hits.size());
        py::array_t<std::int64_t> oc(m2);
        py::array_t<std::uint32_t> orl(m2), ocnt(m2);
        py::array_t<std::int32_t> of(m2), ol(m2);
        {
          std::int64_t *pc = oc.mutable_data();
          std::uint32_t *pr = orl.mutable_data(), *pn = ocnt.mutable_data();
          std::int32_t *pf = of.mutable_data(), *pl = ol.mutable_data();
          py::gil_scoped_release release;
          for (std::size_t i = 0; i < hits.size(); ++i) {
            const auto &h = hits[i];
            pc[i] = h.cadre;
            pr[i] = h.rule;
            pf[i] = h.first_period;
            pl[i] = h.last_period;
            pn[i] = h.count;
          }
        }
        std::vector<std::string> ids;
        for (const auto &x : rs) ids.push_back(x.id);
        return py::make_tuple(oc, orl, of, ol, ocnt, ids);
      },
      py::arg("policy"), py::arg("as_of"), py::arg("cadre"), py::arg("kind"), py::arg("period"),
      py::arg("rank"), py::arg("group_size"), py::arg("rating"), py::arg("f_cadre") = py::none(),
      py::arg("f_standard") = py::none(), py::arg("f_source") = py::none(), py::arg("f_class") = py::none(),
      py::arg("f_severity") = py::none(), py::arg("f_date") = py::none(),
      "Columnar screening (finding columns optional): (cadre, rule, first_period, last_period, count, rule_ids).");
  m.def(
      "records_order",
      // (NumPy converts only where no value can change: a narrower column is refused, not cut)
      [](py::array_t<std::int64_t, py::array::c_style> cadre, std::int64_t cadre_count,
         py::array_t<std::uint8_t, py::array::c_style> kind, py::array_t<std::int64_t, py::array::c_style> period,
         std::int64_t limit, py::array_t<std::int32_t, py::array::c_style> rank,
         py::array_t<std::int32_t, py::array::c_style> group_size,
         py::array_t<std::uint8_t, py::array::c_style> rating) {
        const py::ssize_t n = cadre.shape(0);
        for (const py::array *a : std::initializer_list<const py::array *>{&cadre, &kind, &period, &rank, &group_size, &rating})
          if (a->ndim() != 1 || a->shape(0) != n) throw py::value_error("records_order: columns of one length");
        if (cadre_count < 0 || cadre_count > (std::int64_t{1} << 40)) throw py::value_error("records_order: cadre_count");
        const std::int64_t *c = cadre.data(), *p = period.data();
        const std::uint8_t *k = kind.data(), *t = rating.data();
        const std::int32_t *r = rank.data(), *g = group_size.data();
        constexpr std::int64_t kPeriods = std::int64_t{1} << 20;
        auto un = static_cast<std::size_t>(n);
        std::size_t m = 0;  // the rows of the screened years (period below limit)
        std::int64_t top = -1;  // the greatest cadre code
        for (std::size_t i = 0; i < un; ++i) {
          if (c[i] < 0 || c[i] >= cadre_count || k[i] > 3 || p[i] < 0 || p[i] >= kPeriods)
            throw py::value_error("records_order: a cadre, kind or period out of range");
          m += p[i] < limit ? 1 : 0;
          top = std::max(top, c[i]);
        }
        // A counting sort takes a counter per cadre code up to the greatest: where the codes are
        // far sparser than the rows, one sort of all the rows' (key, row) pairs instead, so that
        // the memory taken stays within a multiple of the rows.
        const bool counting = top < static_cast<std::int64_t>(2 * un + 64);
        const auto um = static_cast<py::ssize_t>(m);
        py::array_t<std::int64_t> rows(um), key(um), oc(um);
        py::array_t<std::uint8_t> ok(um), ot(um);
        py::array_t<std::int32_t> op(um), orank(um), og(um);
        std::int64_t *R = rows.mutable_data(), *K = key.mutable_data(), *C = oc.mutable_data();
        std::uint8_t *OK = ok.mutable_data(), *OT = ot.mutable_data();
        std::int32_t *OP = op.mutable_data(), *OR = orank.mutable_data(), *OG = og.mutable_data();
        std::int64_t dup = -1;
        {
          py::gil_scoped_release release;
          // by cadre (a counting sort, stable), then by kind and period within each cadre's rows
          std::vector<std::size_t> start(counting ? static_cast<std::size_t>(top + 1) + 1 : 2, 0);
          if (!counting) {  // every row in one group, sorted whole below
            start[1] = m;
            for (std::size_t i = 0, j = 0; i < un; ++i)
              if (p[i] < limit) {
                R[j] = static_cast<std::int64_t>(i);
                K[j++] = ((c[i] * 4 + k[i]) << 20) | p[i];
              }
          } else {
            for (std::size_t i = 0; i < un; ++i)
              if (p[i] < limit) ++start[static_cast<std::size_t>(c[i]) + 1];
            for (std::size_t x = 1; x < start.size(); ++x) start[x] += start[x - 1];
            std::vector<std::size_t> at(start.begin(), start.end() - 1);
            for (std::size_t i = 0; i < un; ++i) {
              if (p[i] >= limit) continue;
              const std::size_t j = at[static_cast<std::size_t>(c[i])]++;
              R[j] = static_cast<std::int64_t>(i);
              K[j] = ((c[i] * 4 + k[i]) << 20) | p[i];
            }
          }
          for (std::size_t x = 0; x + 1 < start.size(); ++x) {
            const std::size_t a = start[x], b = start[x + 1];
            if (b - a > 32) {  // many records (one cadre's, or all): a stable sort of (key, row) pairs
              std::vector<std::pair<std::int64_t, std::int64_t>> pairs(b - a);
              for (std::size_t j = a; j < b; ++j) pairs[j - a] = {K[j], R[j]};
              std::stable_sort(pairs.begin(), pairs.end(),
                               [](const auto &u, const auto &v) { return u.first < v.first; });
              for (std::size_t j = a; j < b; ++j) std::tie(K[j], R[j]) = pairs[j - a];
              continue;
            }
            for (std::size_t j = a + 1; j < b; ++j) {  // insertion: stable, quick on a few rows
              const std::int64_t kj = K[j], rj = R[j];
              std::size_t y = j;
              for (; y > a && kj < K[y - 1]; --y) {
                K[y] = K[y - 1];
                R[y] = R[y - 1];
              }
              K[y] = kj;
              R[y] = rj;
            }
          }
          for (std::size_t j = 0; j < m; ++j) {
            if (dup < 0 && j > 0 && K[j] == K[j - 1]) dup = static_cast<std::int64_t>(j - 1);
            C[j] = K[j] >> 22;
            OK[j] = static_cast<std::uint8_t>((K[j] >> 20) & 3);
            OP[j] = static_cast<std::int32_t>(K[j] & (kPeriods - 1));
            const auto i = static_cast<std::size_t>(R[j]);
            OR[j] = r[i];
            OG[j] = g[i];
            OT[j] = t[i];
          }
        }
        return py::make_tuple(rows, key, dup, oc, ok, op, orank, og, ot);
      },
      py::arg("cadre"), py::arg("cadre_count"), py::arg("kind"), py::arg("period"), py::arg("limit"),
      py::arg("rank"), py::arg("group_size"), py::arg("rating"),
      "The records of periods below limit in the screening kernel's order, by cadre code, kind and "
      "period (stable): (rows, key = (cadre * 4 + kind) << 20 | period, the first j where key[j] == "
      "key[j + 1] or -1, then screen_batch's six columns cadre, kind, period, rank, group_size, rating "
      "in that order). Codes out of range (a cadre outside 0..cadre_count-1, a kind above 3, a "
      "period outside 0..2^20-1) raise ValueError.");
  m.def("parse_period", [](py::handle s) { return parse_period(text_arg(s, "period")); }, py::arg("text"));
  // The codes of the batch columns, read as the records' text is (English or Chinese names), so
  // that a DataFrame's text columns are encoded once per distinct value.
  m.def("kind_code", [](py::handle s) { return static_cast<int>(parse_kind(text_arg(s, "kind"))); }, py::arg("text"));
  m.def("rating_code", [](py::handle s) { return static_cast<int>(parse_rating(text_arg(s, "rating"))); },
        py::arg("text"));
  // The codes of the finding columns and a finding's date (days since 1970-01-01), read as a
  // finding's text is, so that a table of findings is encoded once per distinct value.
  m.def("finding_source_code",
        [](py::handle s) { return static_cast<int>(parse_finding_source(text_arg(s, "source"))); }, py::arg("text"));
  m.def("aspect_code", [](py::handle s) { return static_cast<int>(parse_aspect(text_arg(s, "aspect"))); },
        py::arg("text"));
  m.def("finding_class_code",
        [](py::handle s) { return static_cast<int>(parse_finding_class(text_arg(s, "classification"))); },
        py::arg("text"));
  m.def("severity_code", [](py::handle s) { return static_cast<int>(parse_severity(text_arg(s, "severity"))); },
        py::arg("text"));
  m.def("date_days", [](py::handle s) { return to_days(parse_iso_date(text_arg(s, "date"))); }, py::arg("text"));
  m.def(
      "rule_kinds",
      [](const Policy &policy, Date as_of) {
        std::vector<int> out;
        for (const auto &r : rules(policy, as_of))
          out.push_back(r.target == Rule::Target::assessment ? static_cast<int>(r.kind) : -1);
        return out;
      },
      py::arg("policy"), py::arg("as_of"),
      "The kind code each rule in force reads (index = rule), -1 for a finding rule.");
  m.def("period_text", &period_text, py::arg("period"));
  m.def(
      "hit_lists",
      [](py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> rows,
         py::array_t<std::int32_t, py::array::c_style> period,  // records_order's: no narrowing here
         py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> lo,
         py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> hi,
         py::array_t<bool, py::array::c_style | py::array::forcecast> take) {
        const py::ssize_t n = rows.shape(0), m = lo.shape(0);
        if (rows.ndim() != 1 || period.ndim() != 1 || period.shape(0) != n || lo.ndim() != 1 ||
            hi.ndim() != 1 || hi.shape(0) != m || take.ndim() != 1 || take.shape(0) != m)
          throw py::value_error("hit_lists: rows and period of one length, lo, hi and take of another");
        const std::int64_t *r = rows.data(), *a = lo.data(), *b = hi.data();
        const std::int32_t *p = period.data();
        const bool *t = take.data();
        for (py::ssize_t j = 0; j < m; ++j)
          if (t[j] && !(0 <= a[j] && a[j] <= b[j] && b[j] <= n))
            throw py::value_error("hit_lists: a range outside the rows");
        // One str per distinct period, shared by every list that holds it (as the rows path's
        // texts of one period are equal strings).
        std::unordered_map<std::int32_t, py::object> texts;
        auto text = [&](std::int32_t v) -> PyObject * {
          auto it = texts.find(v);
          if (it == texts.end()) it = texts.emplace(v, py::str(period_text(v))).first;
          return it->second.ptr();
        };
        py::array records = object_column(m), periods = object_column(m);
        auto **rec = static_cast<PyObject **>(records.mutable_data());
        auto **per = static_cast<PyObject **>(periods.mutable_data());
        for (py::ssize_t j = 0; j < m; ++j) {
          if (!t[j]) continue;
          const auto k = static_cast<py::ssize_t>(b[j] - a[j]);
          py::list rl(k), pl(k);
          for (py::ssize_t i = 0; i < k; ++i) {
            PyObject *v = PyLong_FromLongLong(r[a[j] + i]);
            if (v == nullptr) throw py::error_already_set();
            PyList_SET_ITEM(rl.ptr(), i, v);
            PyObject *s = text(p[a[j] + i]);
            Py_INCREF(s);
            PyList_SET_ITEM(pl.ptr(), i, s);
          }
          Py_SETREF(rec[j], rl.release().ptr());
          Py_SETREF(per[j], pl.release().ptr());
        }
        // each hit's findings and standards: a new empty list (filled by the caller for a finding rule)
        py::array findings = object_column(m), standards = object_column(m);
        for (py::array *a : {&findings, &standards}) {
          auto **cell = static_cast<PyObject **>(a->mutable_data());
          for (py::ssize_t j = 0; j < m; ++j) {
            PyObject *empty = PyList_New(0);
            if (empty == nullptr) throw py::error_already_set();
            Py_SETREF(cell[j], empty);
          }
        }
        return py::make_tuple(records, periods, findings, standards);
      },
      py::arg("rows"), py::arg("period"), py::arg("lo"), py::arg("hi"), py::arg("take"),
      "The list columns of screen()'s hits, as object arrays of len(lo): records[j] = "
      "list(rows[lo[j]:hi[j]]) and periods[j] the texts of period[lo[j]:hi[j]] where take[j], else "
      "None; findings[j] and standards[j] new empty lists.");

  py::class_<DisposalCase>(m, "DisposalCase", "A disposal case through the six stages of HORQIN.5.")
      .def(py::init<std::string, std::string>(), py::arg("case_id"), py::arg("cadre_id"))
      .def_property_readonly("case_id", &DisposalCase::case_id)
      .def_property_readonly("cadre_id", &DisposalCase::cadre_id)
      .def_property_readonly("stage", [](const DisposalCase &c) { return stage_name(c.stage()); })
      .def_property_readonly("is_open", &DisposalCase::is_open)
      .def_property_readonly("method", [](const DisposalCase &c) {
        auto mm = c.method();
        return mm ? py::object(py::str(disposal_method_name(*mm))) : py::object(py::none());
      })
      .def_property_readonly("decision_date", &DisposalCase::decision_date)
      .def_property_readonly("events", [](const DisposalCase &c) { return case_member(c.to_json(), "events"); },
                             "The events as in the case's JSON form (dates as datetime.date).")
      .def("advance", [](DisposalCase &c, const std::string &stage, Date date, std::string actor, std::string note) {
             c.advance(parse_stage(stage), date, std::move(actor), std::move(note));
           }, py::arg("stage"), py::arg("date"), py::arg("actor"), py::arg("note") = "")
      .def("decide", [](DisposalCase &c, const std::string &method, Date date, std::vector<std::string> grounds,
                        std::string actor, std::string note) {
             c.decide(parse_disposal_method(method), date, std::move(grounds), std::move(actor), std::move(note));
           }, py::arg("method"), py::arg("date"), py::arg("grounds"), py::kw_only(), py::arg("actor") = "committee",
           py::arg("note") = "")
      .def("close_no_action", &DisposalCase::close_no_action, py::arg("date"), py::arg("actor"), py::arg("note") = "")
      .def("to_json", &DisposalCase::to_json)
      .def_static("from_json", [](const std::string &s) { return DisposalCase::from_json(s); }, py::arg("text"))
      .def("__eq__", [](const DisposalCase &a, const DisposalCase &b) { return a == b; })
      // Pickling (Dask, multiprocessing): the canonical JSON, replayed through from_json's checks.
      .def(py::pickle([](const DisposalCase &c) { return c.to_json(); },
                      [](const std::string &json) { return DisposalCase::from_json(json); }))
      .def("__repr__", [](const DisposalCase &c) {
        return "DisposalCase(" + c.case_id() + ", stage=" + stage_name(c.stage()) + ")";
      });

  m.def("follow_up_schedule", [](Date decision_date, Date until, const Policy &policy) {
        std::vector<std::pair<Date, std::string>> out;
        for (const auto &x : follow_up_schedule(decision_date, until, policy))
          out.emplace_back(x.date, follow_up_kind_name(x.kind));
        return out;
      }, py::arg("decision_date"), py::arg("until"), py::arg("policy"));
  def_json(m, "follow_up", [](std::string_view r, const Policy &p) { return follow_up_json(r, p); },
           "The follow-up request -> {\"schedule\"} and/or {\"ledger\"} (docs/assessment.md).");
  m.def("reappointment_eligibility", [](Date moved_on, bool own_reasons, const std::vector<std::string> &ratings,
                                        Date as_of, const Policy &policy) {
        std::vector<Rating> rs;
        for (const auto &r : ratings) rs.push_back(parse_rating(r, "annual_ratings_since"));
        auto r = reappointment_eligibility(moved_on, own_reasons, rs, as_of, policy);
        py::dict d;
        d["eligible"] = r.eligible;
        d["early"] = r.early;
        d["eligible_from"] = py::cast(r.eligible_from);
        d["explanation"] = py::cast(r.explanation);
        return d;
      }, py::arg("moved_on"), py::arg("own_reasons"), py::arg("annual_ratings_since"), py::arg("as_of"), py::arg("policy"));

  py::class_<PromotionCase>(m, "PromotionCase", "A promotion case through the six gates of HORQIN.1.")
      .def(py::init([](std::string case_id, const py::dict &facts) { return PromotionCase(std::move(case_id), facts_from_dict(facts)); }),
           py::arg("case_id"), py::arg("facts"))
      .def_property_readonly("case_id", &PromotionCase::case_id)
      .def_property_readonly("status", [](const PromotionCase &c) { return promotion_status_name(c.status()); })
      .def_property_readonly("next_gate", [](const PromotionCase &c) {
        auto g = c.next_gate();
        return g ? py::object(py::str(gate_name(*g))) : py::object(py::none());
      })
      .def_property_readonly("gates", [](const PromotionCase &c) { return case_member(c.to_json(), "gates"); },
                             "The gates as in the case's JSON form (dates as datetime.date).")
      .def("vetoes", [](const PromotionCase &c, Date as_of, const py::object &policy, const py::object &disclosure) {
        auto dc = disclosure_arg(disclosure);
        return from_json(vetoes_json(c.vetoes(as_of, policy_or_default(policy), nullptr, dc ? &*dc : nullptr)), false);
      }, py::arg("as_of"), py::arg("policy") = py::none(), py::kw_only(), py::arg("disclosure") = py::none(),
      "The vetoes in force on as_of; `disclosure`: the cadre's disclosure case (cadrekit.disclosure.Case "
      "or its JSON) — vetoes when it cannot proceed; the facts' disclosure_blocked flag stays an override.")
      .def("check_post_quota", [](PromotionCase &c, Date date, std::int64_t approved, std::int64_t filled, std::string actor,
                                  const py::object &policy, const py::object &disclosure) {
             auto dc = disclosure_arg(disclosure);
             c.check_post_quota(date, approved, filled, std::move(actor), policy_or_default(policy), dc ? &*dc : nullptr);
           }, py::arg("date"), py::arg("approved_posts"), py::arg("filled_posts"), py::arg("actor"), py::kw_only(),
           py::arg("policy") = py::none(), py::arg("disclosure") = py::none())
      .def("pass_gate", [](PromotionCase &c, const std::string &gate, Date date, std::string actor, std::string note,
                           const py::object &policy, const py::object &disclosure) {
             auto dc = disclosure_arg(disclosure);
             c.pass_gate(parse_gate(gate), date, std::move(actor), policy_or_default(policy), std::move(note),
                         dc ? &*dc : nullptr);
           }, py::arg("gate"), py::arg("date"), py::arg("actor"), py::arg("note") = "", py::kw_only(),
           py::arg("policy") = py::none(), py::arg("disclosure") = py::none())
      .def("fail_gate", [](PromotionCase &c, const std::string &gate, Date date, std::string actor, std::string reason) {
             c.fail_gate(parse_gate(gate), date, std::move(actor), std::move(reason));
           }, py::arg("gate"), py::arg("date"), py::arg("actor"), py::arg("reason"))
      .def("to_json", &PromotionCase::to_json)
      .def_static("from_json", [](const std::string &s) { return PromotionCase::from_json(s); }, py::arg("text"))
      .def("__eq__", [](const PromotionCase &a, const PromotionCase &b) { return a == b; });
}

}  // namespace cadrekit::python
