// Python: the kernels of cadrekit.audit (the user-facing module is python/cadrekit/audit.py).
// Arguments arrive as plain lists / NumPy arrays; the GIL is released around each kernel.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <tuple>
#include <vector>

#include "bindings.hpp"
#include "cadrekit/audit.hpp"
#include "cadrekit/core/policy.hpp"
#include "casters.hpp"
#include "numpy_out.hpp"

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

py::object level_obj(Level l) {
  if (l == Level::special) return py::str("special");
  return py::int_(static_cast<int>(l));
}

Level level_arg(const py::handle &v, const std::string &record) {
  try {
    if (py::isinstance<py::bool_>(v)) throw InvalidInput("level must be 1, 2, 3 or 'special'", "level", record);
    if (py::isinstance<py::int_>(v) || py::hasattr(v, "__index__")) {
      long long l = v.cast<long long>();
      if (l >= 1 && l <= 3) return static_cast<Level>(l);
      throw InvalidInput("level must be 1, 2, 3 or 'special'", "level", record);
    }
    if (py::isinstance<py::str>(v)) return parse_level(v.cast<std::string>(), "level");
  } catch (const InvalidInput &e) {
    throw InvalidInput(e.what(), "level", record);
  }
  throw InvalidInput("level must be 1, 2, 3 or 'special'", "level", record);
}

using UnitRow = std::tuple<std::string, py::object, std::optional<std::int32_t>>;
using AuditRow = std::tuple<std::string, Date, std::string>;
using TermRow = std::tuple<std::string, std::string, Date, std::optional<Date>>;
using PlanRow = std::tuple<std::int32_t, std::string, std::string>;
using FundRow = std::tuple<std::string, Date, Money, std::optional<Date>, std::string>;
using ReviewRow = std::tuple<std::string, std::int32_t, py::object>;

void add_funds_reviews(PlanRequest &r, const std::vector<FundRow> &funds,
                       const std::vector<ReviewRow> &reviews) {
  for (std::size_t i = 0; i < funds.size(); ++i) {
    const auto &[id, date, amount, completed, finding] = funds[i];
    FundEvent f{id, date, amount, completed, std::nullopt};
    if (!finding.empty()) {
      try {
        f.finding = parse_finding(finding);
      } catch (const InvalidInput &e) {
        throw InvalidInput(e.what(), "finding", "funds[" + std::to_string(i) + "]");
      }
    }
    r.funds.push_back(std::move(f));
  }
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    const auto &[id, year, level] = reviews[i];
    r.reviews.push_back({id, year, level_arg(level, "reviews[" + std::to_string(i) + "]")});
  }
}

PlanRequest request_of(const std::vector<UnitRow> &units, const std::vector<AuditRow> &audits,
                       const std::vector<TermRow> &terms, std::int32_t first_year,
                       std::int32_t last_year) {
  PlanRequest r;
  r.first_year = first_year;
  r.last_year = last_year;
  r.units.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    r.units.push_back({std::get<0>(units[i]),
                       level_arg(std::get<1>(units[i]), "units[" + std::to_string(i) + "]"),
                       std::get<2>(units[i])});
  }
  for (std::size_t i = 0; i < audits.size(); ++i) {
    const auto &[id, date, kind] = audits[i];
    AuditKind k = AuditKind::in_term;
    if (!kind.empty()) {
      try {
        k = parse_audit_kind(kind);
      } catch (const InvalidInput &e) {
        throw InvalidInput(e.what(), "kind", "audits[" + std::to_string(i) + "]");
      }
    }
    r.audits.push_back({id, date, k});
  }
  for (const auto &[id, leader, start, end] : terms) r.terms.push_back({id, leader, start, end});
  return r;
}

py::dict breach_dict(const Breach &b) {
  py::dict d;
  d["rule"] = b.rule;
  d["year"] = b.year;
  d["unit_id"] = b.unit_id;
  d["message"] = b.message;
  return d;
}

}  // namespace

void init_audit(py::module_ &root) {
  py::module_ m = root.def_submodule("_audit", "Kernels of cadrekit.audit (use cadrekit.audit).");

  m.def(
      "tier",
      [](const std::vector<std::string> &ids, const std::vector<Money> &budgets,
         const std::vector<std::array<std::int32_t, factor_count>> &factors, Date as_of,
         const py::object &policy) {
        std::optional<Policy> holder;
        const Policy &p = policy_or_default(policy, holder);
        if (budgets.size() != ids.size() || factors.size() != ids.size())
          throw InvalidInput("unit_id, budget and factor lists differ in length", "units");
        std::vector<Unit> units(ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
          units[i].unit_id = ids[i];
          units[i].budget = budgets[i];
          units[i].factors = factors[i];
        }
        std::vector<TierResult> rs;
        {
          py::gil_scoped_release release;
          rs = tier(std::span<const Unit>(units), as_of, p);
        }
        py::list out;
        for (const TierResult &r : rs) {
          py::dict d;
          d["unit_id"] = r.unit_id;
          d["level"] = level_obj(r.level);
          d["band"] = band_name(r.band);
          d["band_points"] = r.band_points;
          d["score"] = r.score;
          py::dict parts;
          for (const FactorPart &fp : r.parts) parts[factor_name(fp.factor)] = fp.points;
          d["parts"] = parts;
          d["explanation"] = py::cast(r.explanation);
          out.append(d);
        }
        return out;
      },
      py::arg("unit_ids"), py::arg("budgets"), py::arg("factors"), py::arg("as_of"),
      py::arg("policy") = py::none());

  m.def(
      "tier_columns",
      [](py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> budget_fen,
         const py::object &factors, Date as_of, const py::object &policy, const py::object &out) {
        std::optional<Policy> holder;
        const Policy &p = policy_or_default(policy, holder);
        if (budget_fen.ndim() != 1) throw InvalidInput("budget column must be 1-D", "budget");
        const auto n = static_cast<std::size_t>(budget_fen.shape(0));
        using I8 = py::array_t<std::int8_t, py::array::c_style | py::array::forcecast>;
        UnitColumns cols;
        cols.budget_fen = {budget_fen.data(), n};
        // The factors: one (9, n) array, or a sequence of 9 columns (None = all zeros). A
        // column that is already C-contiguous int8 is read in place; others are converted.
        std::vector<I8> held;
        if (py::isinstance<py::array>(factors) && py::reinterpret_borrow<py::array>(factors).ndim() == 2) {
          I8 f2 = I8::ensure(factors);
          if (!f2) throw InvalidInput("factors must hold integers", "factors");
          if (static_cast<std::size_t>(f2.shape(0)) != factor_count ||
              static_cast<std::size_t>(f2.shape(1)) != n)
            throw InvalidInput("factors must be an array of shape (9, n)", "factors");
          for (std::size_t f = 0; f < factor_count; ++f) cols.factors[f] = {f2.data() + f * n, n};
          held.push_back(std::move(f2));
        } else {
          if (py::isinstance<py::str>(factors) || !py::isinstance<py::sequence>(factors) ||
              py::len(factors) != factor_count)
            throw InvalidInput("factors must be an array of shape (9, n) or a sequence of 9 columns",
                               "factors");
          auto seq = py::reinterpret_borrow<py::sequence>(factors);
          for (std::size_t f = 0; f < factor_count; ++f) {
            py::object c = seq[f];
            if (c.is_none()) continue;
            const std::string field(factor_names()[f]);
            if (py::isinstance<py::str>(c)) throw InvalidInput("column must hold integers", field);
            I8 a = I8::ensure(c);
            if (!a) {
              PyErr_Clear();
              throw InvalidInput("column must hold integers", field);
            }
            if (a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != n)
              throw InvalidInput("column must be 1-D of the budget column's length", field);
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
      "special_funds_level",
      [](const py::object &current_level, Money amount, Date as_of, const py::object &policy) {
        std::optional<Policy> holder;
        const Policy &p = policy_or_default(policy, holder);
        SpecialFundsResult r = special_funds_level(level_arg(current_level, "current_level"),
                                                   amount, as_of, p);
        py::dict d;
        d["previous_level"] = level_obj(r.previous_level);
        d["new_level"] = level_obj(r.new_level);
        d["band"] = funds_band_name(r.band);
        d["tracking"] = r.tracking;
        d["budget_final_accounts_audit"] = r.budget_final_accounts_audit;
        d["audit_on_completion"] = r.audit_on_completion;
        d["audit_within_years"] =
            r.audit_within_years ? py::object(py::int_(*r.audit_within_years)) : py::none();
        d["explanation"] = py::cast(r.explanation);
        return d;
      },
      py::arg("current_level"), py::arg("amount"), py::arg("as_of"),
      py::arg("policy") = py::none());

  m.def(
      "plan",
      [](const std::vector<UnitRow> &units, const std::vector<AuditRow> &audits,
         const std::vector<TermRow> &terms, std::int32_t first_year, std::int32_t last_year,
         std::int64_t capacity, std::uint64_t seed, const py::object &policy,
         const std::vector<FundRow> &funds, const std::vector<ReviewRow> &reviews) {
        std::optional<Policy> holder;
        const Policy &p = policy_or_default(policy, holder);
        PlanRequest r = request_of(units, audits, terms, first_year, last_year);
        add_funds_reviews(r, funds, reviews);
        r.capacity = capacity;
        r.seed = seed;
        Plan pl;
        {
          py::gil_scoped_release release;
          pl = plan(r, p);
        }
        py::list rows;
        for (const PlannedAudit &a : pl.audits) {
          py::dict d;
          d["year"] = a.year;
          d["unit_id"] = a.unit_id;
          d["kind"] = audit_kind_name(a.kind);
          d["reason"] = a.reason;
          d["leader_id"] = a.leader_id;
          rows.append(d);
        }
        py::list shortfall;
        for (const Breach &b : pl.shortfall) shortfall.append(breach_dict(b));
        py::dict d;
        d["feasible"] = pl.feasible;
        d["audits"] = rows;
        d["shortfall"] = shortfall;
        d["capacity"] = pl.capacity;
        d["capacity_used"] = pl.capacity_used;
        d["min_capacity"] = pl.min_capacity;
        d["lower_bound"] = pl.lower_bound;
        d["min_capacity_proven"] = pl.min_capacity_proven;
        d["lower_bound_year"] = pl.lower_bound_year;
        d["seed"] = pl.seed;
        py::list refs;
        for (const AuditFinding &f : pl.referrals) {
          py::dict x;
          x["unit_id"] = f.unit_id;
          x["date"] = py::cast(f.date);
          x["kind"] = audit_kind_name(f.kind);
          x["finding"] = finding_name(f.finding);
          refs.append(x);
        }
        d["referrals"] = refs;
        d["explanation"] = py::cast(pl.explanation);
        return d;
      },
      py::arg("units"), py::arg("audits"), py::arg("terms"), py::arg("first_year"),
      py::arg("last_year"), py::arg("capacity"), py::arg("seed"), py::arg("policy") = py::none(),
      py::arg("funds") = std::vector<FundRow>{}, py::arg("reviews") = std::vector<ReviewRow>{});

  m.def(
      "verify_plan",
      [](const std::vector<PlanRow> &plan_rows, const std::vector<UnitRow> &units,
         const std::vector<AuditRow> &audits, const std::vector<TermRow> &terms,
         std::int32_t first_year, std::int32_t last_year, const py::object &policy,
         const std::vector<FundRow> &funds, const std::vector<ReviewRow> &reviews) {
        std::optional<Policy> holder;
        const Policy &p = policy_or_default(policy, holder);
        PlanRequest r = request_of(units, audits, terms, first_year, last_year);
        add_funds_reviews(r, funds, reviews);
        std::vector<PlannedAudit> pl;
        pl.reserve(plan_rows.size());
        for (std::size_t i = 0; i < plan_rows.size(); ++i) {
          const auto &[year, id, kind] = plan_rows[i];
          AuditKind k = AuditKind::in_term;
          if (!kind.empty()) {
            try {
              k = parse_audit_kind(kind);
            } catch (const InvalidInput &e) {
              throw InvalidInput(e.what(), "kind", "plan[" + std::to_string(i) + "]");
            }
          }
          pl.push_back({year, id, k, {}, {}});
        }
        std::vector<Breach> bs;
        {
          py::gil_scoped_release release;
          bs = verify_plan(pl, r, p);
        }
        py::list out;
        for (const Breach &b : bs) out.append(breach_dict(b));
        return out;
      },
      py::arg("plan"), py::arg("units"), py::arg("audits"), py::arg("terms"),
      py::arg("first_year"), py::arg("last_year"), py::arg("policy") = py::none(),
      py::arg("funds") = std::vector<FundRow>{}, py::arg("reviews") = std::vector<ReviewRow>{});

  m.def(
      "tier_history_json",
      [](const std::string &request, const py::object &policy) {
        std::optional<Policy> holder;
        const Policy &p = policy_or_default(policy, holder);
        return tier_history_json(request, p);
      },
      py::arg("request"), py::arg("policy") = py::none(),
      "A tier history replayed from its events: the JSON form of ck_audit_tier_history_json.");

  m.def(
      "draw_sample",
      [](const std::vector<std::string> &candidates, std::size_t count, std::uint64_t seed,
         std::int32_t year) { return draw_sample(candidates, count, seed, year); },
      py::arg("candidates"), py::arg("count"), py::arg("seed"),
        py::arg("year"), "The seeded level-3 sample draw (docs/audit.md), for replaying it.");
  m.attr("FACTORS") = py::cast(std::vector<std::string>(factor_names().begin(), factor_names().end()));
}

}  // namespace cadrekit::python
