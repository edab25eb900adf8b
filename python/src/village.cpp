// Python: cadrekit._core._village, the kernel of cadrekit.village (JARUD). The user-facing
// module is python/cadrekit/village.py; these functions take plain lists / NumPy arrays.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <climits>

#include "bindings.hpp"
#include "cadrekit/village.hpp"
#include "casters.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

using VillageRow = std::tuple<std::string, std::string, std::string, std::int64_t>;
using PrincipalRow =
    std::tuple<std::string, std::string, std::string, std::string, Date, std::optional<Date>>;
using ScoreRow = std::tuple<std::string, std::string, std::string>;

py::dict totals_dict(const village::Totals &t) {
  py::dict d;
  if (!t.township.empty()) d["township"] = t.township;
  d["villages"] = t.villages;
  d["principals"] = t.principals;
  d["base"] = py::cast(t.base);
  d["performance"] = py::cast(t.performance);
  d["total"] = py::cast(t.total);
  return d;
}

template <class T>
std::span<const T> in_span(const py::array_t<T, py::array::c_style | py::array::forcecast> &a) {
  return {a.data(), static_cast<std::size_t>(a.size())};
}

}  // namespace

void init_village(py::module_ &m) {
  auto v = m.def_submodule("_village", "Kernel of cadrekit.village (JARUD); use cadrekit.village.");

  py::class_<village::PaySheet>(v, "PaySheet", "The year's pay sheet (use cadrekit.village.pay_sheet).")
      .def_readonly("year", &village::PaySheet::year)
      .def(
          "lines",
          [](const village::PaySheet &s, bool explanations) {
            py::list out;
            for (const auto &l : s.lines) {
              py::dict d;
              d["cadre_id"] = l.cadre_id;
              d["village_id"] = l.village_id;
              d["township"] = l.township;
              d["post"] = village::post_code(l.post);
              d["units"] = l.months;
              d["base"] = py::cast(l.base);
              d["performance"] = py::cast(l.performance);
              d["total"] = py::cast(l.total);
              d["team_grade"] = village::team_grade_zh(l.team_grade);
              d["grade"] = village::grade_zh(l.grade);
              py::list acts;
              for (const auto &a : l.actions) acts.append(py::make_tuple(a.kind, py::cast(a.due)));
              d["actions"] = acts;
              if (explanations) d["explanation"] = py::cast(l.explanation);
              out.append(d);
            }
            return out;
          },
          py::kw_only(), py::arg("explanations") = false,
          "One dict per pay line (money as Decimal yuan, grades as Chinese labels).")
      .def("villages",
           [](const village::PaySheet &s) {
             py::list out;
             for (const auto &r : s.villages) {
               py::dict d;
               d["village_id"] = r.village_id;
               d["township"] = r.township;
               d["composite"] = r.composite ? py::cast(*r.composite) : py::none();
               d["rank"] = r.rank;
               d["graded_in_township"] = r.graded_in_township;
               d["team_grade"] = village::team_grade_zh(r.team_grade);
               d["missing"] = r.missing;
               out.append(d);
             }
             return out;
           })
      .def("townships",
           [](const village::PaySheet &s) {
             py::list out;
             for (const auto &t : s.townships) out.append(totals_dict(t));
             return out;
           })
      .def("banner", [](const village::PaySheet &s) { return totals_dict(s.banner); });

  v.def(
      "pay_sheet",
      [](std::vector<VillageRow> vrows, std::vector<PrincipalRow> prows, std::vector<ScoreRow> srows, int year,
         const Policy &policy, std::optional<Date> graded_on, bool explain) {
        py::gil_scoped_release release;
        std::vector<village::Village> vs;
        vs.reserve(vrows.size());
        for (auto &r : vrows)
          vs.push_back({std::move(std::get<0>(r)), std::move(std::get<1>(r)), std::move(std::get<2>(r)),
                        std::get<3>(r)});
        std::vector<village::Principal> ps;
        ps.reserve(prows.size());
        for (std::size_t i = 0; i < prows.size(); ++i) {
          auto &r = prows[i];
          const std::string rec = std::get<0>(r).empty() ? "principals[" + std::to_string(i) + "]" : std::get<0>(r);
          ps.push_back({std::move(std::get<0>(r)), std::move(std::get<1>(r)), std::move(std::get<2>(r)),
                        village::parse_post(std::get<3>(r), rec), std::get<4>(r), std::get<5>(r)});
        }
        std::vector<village::Score> ss;
        ss.reserve(srows.size());
        for (std::size_t i = 0; i < srows.size(); ++i) {
          auto &r = srows[i];
          ss.push_back({std::move(std::get<0>(r)), std::move(std::get<1>(r)),
                        parse_decimal(std::get<2>(r), "score")});
        }
        village::PaySheetOptions o;
        o.graded_on = graded_on;
        o.explain = explain;
        return village::pay_sheet(vs, ps, ss, year, policy, o);
      },
      py::arg("villages"), py::arg("principals"), py::arg("scores"), py::arg("year"), py::arg("policy"),
      py::kw_only(), py::arg("graded_on") = py::none(), py::arg("explain") = true,
      "villages: (village_id, name, township, population); principals: (cadre_id, name, village_id, "
      "post, served_from, served_to|None); scores: (village_id, period, score text).");

  v.def(
      "pay_sheet_columns",
      [](std::vector<std::string> village_id, std::vector<std::string> vname, std::vector<std::string> township,
         py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> population,
         std::vector<std::string> cadre_id, std::vector<std::string> pname, std::vector<std::string> p_village,
         std::vector<std::string> post,
         py::array_t<std::int32_t, py::array::c_style | py::array::forcecast> served_from,
         py::array_t<std::int32_t, py::array::c_style | py::array::forcecast> served_to,
         std::vector<std::string> s_village, std::vector<std::string> period, std::vector<std::string> score,
         int year, const Policy &policy, std::optional<Date> graded_on, bool explain) {
        const std::size_t V = village_id.size(), P = cadre_id.size(), S = s_village.size();
        if (vname.size() != V || township.size() != V || static_cast<std::size_t>(population.size()) != V)
          throw InvalidInput("village columns differ in length", "villages");
        if (pname.size() != P || p_village.size() != P || post.size() != P ||
            static_cast<std::size_t>(served_from.size()) != P || static_cast<std::size_t>(served_to.size()) != P)
          throw InvalidInput("principal columns differ in length", "principals");
        if (period.size() != S || score.size() != S) throw InvalidInput("score columns differ in length", "scores");
        const std::int64_t *pop = population.data();
        const std::int32_t *f = served_from.data(), *t = served_to.data();
        py::gil_scoped_release release;
        std::vector<village::Village> vs(V);
        for (std::size_t i = 0; i < V; ++i)
          vs[i] = {std::move(village_id[i]), std::move(vname[i]), std::move(township[i]), pop[i]};
        std::vector<village::Principal> ps(P);
        for (std::size_t i = 0; i < P; ++i) {
          auto &x = ps[i];
          x.post = village::parse_post(post[i], cadre_id[i].empty() ? "principals[" + std::to_string(i) + "]" : cadre_id[i]);
          x.cadre_id = std::move(cadre_id[i]);
          x.name = std::move(pname[i]);
          x.village_id = std::move(p_village[i]);
          x.served_from = from_days(f[i]);
          if (t[i] != INT32_MAX) x.served_to = from_days(t[i]);
        }
        std::vector<village::Score> ss(S);
        for (std::size_t i = 0; i < S; ++i)
          ss[i] = {std::move(s_village[i]), std::move(period[i]), parse_decimal(score[i], "score")};
        village::PaySheetOptions o;
        o.graded_on = graded_on;
        o.explain = explain;
        return village::pay_sheet(vs, ps, ss, year, policy, o);
      },
      py::arg("village_id"), py::arg("name"), py::arg("township"), py::arg("population"), py::arg("cadre_id"),
      py::arg("principal_name"), py::arg("principal_village_id"), py::arg("post"), py::arg("served_from"),
      py::arg("served_to"), py::arg("score_village_id"), py::arg("period"), py::arg("score"), py::arg("year"),
      py::arg("policy"), py::kw_only(), py::arg("graded_on") = py::none(), py::arg("explain") = true,
      "The pay sheet from columns (the DataFrame path): dates as days since 1970-01-01, served_to "
      "2147483647 when still serving; scores as exact decimal texts.");

  v.def(
      "pay_columns",
      [](py::array_t<std::int32_t, py::array::c_style | py::array::forcecast> village_township,
         py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> population,
         py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> scores,
         py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast> score_present,
         py::array_t<std::int32_t, py::array::c_style | py::array::forcecast> principal_village,
         py::array_t<std::uint8_t, py::array::c_style | py::array::forcecast> post,
         py::array_t<std::int32_t, py::array::c_style | py::array::forcecast> served_from,
         py::array_t<std::int32_t, py::array::c_style | py::array::forcecast> served_to, int year,
         const Policy &policy) {
        const auto V = static_cast<std::size_t>(village_township.size());
        const auto P = static_cast<std::size_t>(principal_village.size());
        py::array_t<std::uint8_t> vg(static_cast<py::ssize_t>(V)), g(static_cast<py::ssize_t>(P));
        py::array_t<std::int32_t> vr(static_cast<py::ssize_t>(V)), units(static_cast<py::ssize_t>(P));
        py::array_t<std::int64_t> base(static_cast<py::ssize_t>(P)), perf(static_cast<py::ssize_t>(P)),
            tot(static_cast<py::ssize_t>(P));
        village::PayColumnsIn in{in_span(village_township), in_span(population), in_span(scores),
                                 in_span(score_present), in_span(principal_village), in_span(post),
                                 in_span(served_from), in_span(served_to)};
        village::PayColumnsOut out{{vg.mutable_data(), V},   {vr.mutable_data(), V},    {base.mutable_data(), P},
                                   {perf.mutable_data(), P}, {tot.mutable_data(), P},   {g.mutable_data(), P},
                                   {units.mutable_data(), P}};
        {
          py::gil_scoped_release release;
          village::pay_columns(in, year, policy, out);
        }
        py::dict d;
        d["village_team_grade"] = vg;
        d["village_rank"] = vr;
        d["base_fen"] = base;
        d["performance_fen"] = perf;
        d["total_fen"] = tot;
        d["grade"] = g;
        d["units"] = units;
        return d;
      },
      py::arg("village_township"), py::arg("population"), py::arg("scores"), py::arg("score_present"),
      py::arg("principal_village"), py::arg("post"), py::arg("served_from"), py::arg("served_to"),
      py::arg("year"), py::arg("policy"),
      "Columnar pay (NumPy): scores are score x 10000, shape (V, 5); dates are days since 1970-01-01, "
      "served_to 2147483647 when still serving. Returns a dict of arrays (money in fen).");

  v.def(
      "selection_quota",
      [](std::int64_t n, int year, const Policy &policy) { return village::selection_quota(n, year, policy); },
      py::arg("n_villages"), py::arg("year"), py::arg("policy"));
  v.def(
      "allocate_quota",
      [](const std::map<std::string, std::int64_t> &per, std::int64_t quota) {
        return village::allocate_quota(per, quota);
      },
      py::arg("villages_per_township"), py::arg("quota"));
  v.def(
      "funnel",
      [](std::int64_t places, int year, const Policy &policy) {
        const auto f = village::funnel(places, year, policy);
        py::dict d;
        d["initial"] = f.initial;
        d["prospective"] = f.prospective;
        d["formal"] = f.formal;
        return d;
      },
      py::arg("places"), py::arg("year"), py::arg("policy"));
  v.def(
      "selection_json",
      [](const std::string &request, const Policy &policy) {
        py::gil_scoped_release release;
        return village::selection_json(request, policy);
      },
      py::arg("request"), py::arg("policy"), "The C ABI's selection call (JSON in, JSON out).");
  v.def(
      "pay_sheet_json",
      [](const std::string &request, const Policy &policy) {
        py::gil_scoped_release release;
        return village::pay_sheet_json(request, policy);
      },
      py::arg("request"), py::arg("policy"), "The C ABI's pay sheet call (JSON in, JSON out).");
}

}  // namespace cadrekit::python
