// Python: the kernels of cadrekit.audit (the user-facing module is python/cadrekit/audit.py):
// the library's requests and answers through the JSON bridge, and the NumPy tiering kernel.
// The GIL is released around each kernel.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <array>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "bindings.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/money.hpp"
#include "cadrekit/core/policy.hpp"
#include "casters.hpp"
#include "columns.hpp"
#include "json_bridge.hpp"
#include "numpy_out.hpp"
#include "object_cells.hpp"

namespace py = pybind11;

namespace cadrekit::python {

namespace {

using namespace cadrekit::audit;

const Policy &policy_or_default(const py::object &p, std::optional<Policy> &holder) {
  if (p.is_none()) {
    holder = Policy::default_profile();
    return *holder;
  }
  return p.cast<const Policy &>();
}

}  // namespace

void init_audit(py::module_ &root) {
  py::module_ m = root.def_submodule("_audit", "Kernels of cadrekit.audit (use cadrekit.audit).");

  def_json(m, "tier", &tier_json, "The tiering request -> its answer (docs/audit.md).");
  def_json(m, "special_funds", &special_funds_json, "The special-funds request -> its answer.");
  def_json(m, "tier_history", &tier_history_json, "A tier history replayed from its events.");
  def_json(m, "plan", &plan_json, "The plan request -> the plan (docs/audit.md).");
  def_json(m, "verify_plan", &verify_json, "A plan and its request -> {\"breaches\": [...]}.");

  m.def(
      "tier_columns",
      [](const py::object &budget, const py::object &factors, Date as_of, const py::object &policy,
         const py::object &out) {
        std::optional<Policy> holder;
        const Policy &p = policy_or_default(policy, holder);
        py::array_t<std::int64_t> budget_fen = int_column<std::int64_t>(budget, "budget", -1);
        const auto n = static_cast<std::size_t>(budget_fen.shape(0));
        UnitColumns cols;
        cols.budget_fen = {budget_fen.data(), n};
        // The factors: one (9, n) array, or a sequence of 9 columns (None = all zeros). A
        // C-contiguous int8 (9, n) array or int8 column is read in place; others are checked
        // and converted (int_column).
        std::vector<py::array_t<std::int8_t>> held;
        const auto &names = factor_names();
        if (py::isinstance<py::array>(factors) && py::reinterpret_borrow<py::array>(factors).ndim() == 2) {
          auto f2 = py::reinterpret_borrow<py::array>(factors);
          if (static_cast<std::size_t>(f2.shape(0)) != factor_count || static_cast<std::size_t>(f2.shape(1)) != n)
            throw InvalidInput("factors must be an array of shape (9, n)", "factors");
          if (py::isinstance<py::array_t<std::int8_t>>(factors) && (f2.flags() & py::array::c_style)) {
            const auto *base = static_cast<const std::int8_t *>(f2.data());
            for (std::size_t f = 0; f < factor_count; ++f) cols.factors[f] = {base + f * n, n};
            held.push_back(py::reinterpret_borrow<py::array_t<std::int8_t>>(factors));
          } else {
            for (std::size_t f = 0; f < factor_count; ++f) {
              py::object row = f2[py::int_(f)];
              auto a = int_column<std::int8_t>(row, std::string(names[f]), static_cast<py::ssize_t>(n));
              cols.factors[f] = {a.data(), n};
              held.push_back(std::move(a));
            }
          }
        } else {
          if (py::isinstance<py::str>(factors) || !py::isinstance<py::sequence>(factors) ||
              py::len(factors) != factor_count)
            throw InvalidInput("factors must be an array of shape (9, n) or a sequence of 9 columns",
                               "factors");
          auto seq = py::reinterpret_borrow<py::sequence>(factors);
          for (std::size_t f = 0; f < factor_count; ++f) {
            py::object c = seq[f];
            if (c.is_none()) continue;
            auto a = int_column<std::int8_t>(c, std::string(names[f]), static_cast<py::ssize_t>(n));
            cols.factors[f] = {a.data(), n};
            held.push_back(std::move(a));
          }
        }
        TierParams params = TierParams::load(p, as_of);
        py::object levels, scores;
        std::span<std::int8_t> out_l;
        std::span<std::int64_t> out_s;
        if (out.is_none()) {
          py::array_t<std::int8_t> l(static_cast<py::ssize_t>(n));
          py::array_t<std::int64_t> s(static_cast<py::ssize_t>(n));
          out_l = {l.mutable_data(), n};
          out_s = {s.mutable_data(), n};
          levels = std::move(l);
          scores = std::move(s);
        } else {
          if (!py::isinstance<py::tuple>(out) && !py::isinstance<py::list>(out))
            throw InvalidInput("out must be a pair (levels, scores)", "out");
          auto o = py::reinterpret_borrow<py::sequence>(out);
          if (py::len(o) != 2) throw InvalidInput("out must be a pair (levels, scores)", "out");
          levels = o[0];
          scores = o[1];
          out_l = out_column<std::int8_t>(levels, n, "out[0] (levels)", "int8");
          if (!scores.is_none()) out_s = out_column<std::int64_t>(scores, n, "out[1] (scores)", "int64");
        }
        {
          py::gil_scoped_release release;
          tier_columns(cols, params, out_l, out_s);
        }
        return py::make_tuple(levels, scores);
      },
      py::arg("budget_fen"), py::arg("factors"), py::arg("as_of"), py::arg("policy") = py::none(),
      py::kw_only(), py::arg("out") = py::none(),
      "Columnar tiering: budgets in fen (int64) and the factors as a (9, n) int8 array or a "
      "sequence of 9 columns (None = zeros). Returns (levels int8, scores int64); with "
      "out=(levels, scores) writes into those arrays (scores may be None) and returns them.");

  m.def(
      "tier_bands",
      [](const py::object &budget, Date as_of, const py::object &policy, const py::object &scores) {
        std::optional<Policy> holder;
        const Policy &p = policy_or_default(policy, holder);
        py::array_t<std::int64_t> fen = int_column<std::int64_t>(budget, "budget", -1);
        const auto n = static_cast<std::size_t>(fen.shape(0));
        // With the scores, their factor points (score - band points) in the same pass
        std::optional<py::array_t<std::int64_t>> score;
        if (!scores.is_none()) {
          score = int_column<std::int64_t>(scores, "scores", static_cast<py::ssize_t>(n));
        }
        const TierParams params = TierParams::load(p, as_of);
        // The band's name as one shared str per band, as the rows path gives it
        const std::array<py::str, 3> names{band_name(Band::high), band_name(Band::middle),
                                           band_name(Band::low)};
        py::array band(py::dtype("O"), {static_cast<py::ssize_t>(n)}, {});  // NULL cells
        py::array_t<std::int64_t> points(static_cast<py::ssize_t>(n));
        const std::int64_t *b = fen.data();
        auto **ob = static_cast<PyObject **>(band.mutable_data());
        std::int64_t *op = points.mutable_data();
        const std::array<PyObject *, 3> name{names[0].ptr(), names[1].ptr(), names[2].ptr()};
        std::array<Py_ssize_t, 3> count{};
        const auto band_pass = [&](const std::int64_t *sc, std::int64_t *fp) {
          for (std::size_t i = 0; i < n; ++i) {
            const auto k = static_cast<std::size_t>(params.band_of(Money::from_fen(b[i])));
            op[i] = params.band_points[k];
            ob[i] = name[k];
            ++count[k];
            if (sc != nullptr) fp[i] = sc[i] - op[i];
          }
        };
        py::object factor_points = py::none();
        if (score) {
          py::array_t<std::int64_t> fp(static_cast<py::ssize_t>(n));
          band_pass(score->data(), fp.mutable_data());
          factor_points = std::move(fp);
        } else {
          band_pass(nullptr, nullptr);
        }
        // the cells' references to each name, taken at once (the GIL is held)
        for (std::size_t k = 0; k < 3; ++k) Py_SET_REFCNT(name[k], Py_REFCNT(name[k]) + count[k]);
        if (score) return py::make_tuple(band, points, factor_points);
        return py::make_tuple(band, points);
      },
      py::arg("budget_fen"), py::arg("as_of"), py::arg("policy") = py::none(), py::kw_only(),
      py::arg("scores") = py::none(),
      "The budget band of each budget (int64 fen): (band names, an object array of the names in "
      "BANDS; band points int64), read with the parameters in force on as_of. With scores= "
      "(tier_columns' int64 scores), also their factor points (score - band points).");
  m.attr("BANDS") = py::make_tuple(band_name(Band::high), band_name(Band::middle), band_name(Band::low));
  m.def(
      "money_fen",
      [](const py::array &texts) {
        // Yuan as text (parse_money's forms) -> fen; the index of the first cell that is not
        // money or not a str (-1 when all are), so that the caller names its row or reads the
        // column value by value.
        if (texts.ndim() != 1 || !texts.dtype().is(py::dtype("O")) || !(texts.flags() & py::array::c_style))
          throw py::type_error("money_fen takes a C-contiguous one-dimensional object array");
        const auto n = texts.shape(0);
        auto *const *cells = static_cast<PyObject *const *>(texts.data());
        py::array_t<std::int64_t> out(n);
        std::int64_t *o = out.mutable_data();
        for (py::ssize_t i = 0; i < n; ++i) {
          PyObject *t = cells[i];
          if (t == nullptr || !PyUnicode_Check(t)) return py::make_tuple(out, i);
          const auto text = utf8_view(t);
          if (!text) return py::make_tuple(out, i);  // a lone surrogate: the caller's reader names the row
          try {
            o[i] = Money::parse(*text, "budget").fen();
          } catch (const Error &) {
            return py::make_tuple(out, i);
          }
        }
        return py::make_tuple(out, py::ssize_t{-1});
      },
      py::arg("texts"),
      "Yuan texts (an object array) -> (fen int64, index of the first cell that is not a str of "
      "money, or -1).");

  m.def(
      "draw_sample",
      [](const std::vector<std::string> &candidates, std::size_t count, std::uint64_t seed,
         std::int32_t year) { return draw_sample(candidates, count, seed, year); },
      py::arg("candidates"), py::arg("count"), py::arg("seed"),
        py::arg("year"), "The seeded level-3 sample draw (docs/audit.md), for replaying it.");
  m.attr("FACTORS") = py::cast(std::vector<std::string>(factor_names().begin(), factor_names().end()));
}

}  // namespace cadrekit::python
