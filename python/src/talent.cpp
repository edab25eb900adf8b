// Python: cadrekit._core.talent (HURE) — the library's requests and answers (through the JSON
// bridge) and the NumPy batch path of team structure. The user-facing module is cadrekit/talent.py.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "cadrekit/core/errors.hpp"
#include "cadrekit/talent.hpp"
#include "casters.hpp"
#include "columns.hpp"
#include "json_bridge.hpp"

namespace py = pybind11;

namespace cadrekit::python {


void init_talent(py::module_ &root) {
  py::module_ m = root.def_submodule("talent", "HURE: talent pools and leadership teams (compiled part)");
  def_json(m, "pools", &talent::pools_json, "The pools request -> its answer (docs/talent.md).");
  def_json(m, "pool_changes", &talent::pool_changes_json, "Pool changes between two dates.");
  def_json(m, "team_structure", &talent::team_structure_json, "The team structure request -> its answer.");
  m.attr("CANDIDATES_LISTED") = talent::kCandidatesListed;  // a gap's list unless max_candidates is given
  def_json(m, "gaps", &talent::gaps_json, "Gaps of one growth file.");
  def_json(m, "postings", &talent::postings_json, "Proposed postings within places.");
  m.def(
      "team_structure_batch",
      [](const Policy &policy, Date as_of, py::handle team, py::handle sex, py::handle birth_date,
         py::handle ethnicity, py::handle political_status, std::int64_t n_teams) {
        auto t = int_column<std::int32_t>(team, "team", -1);
        const py::ssize_t n = t.shape(0);
        auto s = int_column<std::uint8_t>(sex, "sex", n);
        ColumnSpec<std::int32_t> days;
        days.dates = true;
        auto b = int_column<std::int32_t>(birth_date, "birth_date", n, days);
        auto e = int_column<std::uint8_t>(ethnicity, "ethnicity", n);
        auto p = int_column<std::uint8_t>(political_status, "political_status", n);
        if (n_teams < 0) throw InvalidInput("n_teams is negative", "n_teams");
        const auto T = static_cast<py::ssize_t>(n_teams);
        py::array_t<std::int32_t> size(T), young(T), women(T), minority(T), non_party(T);
        py::array_t<std::uint8_t> gaps(T);
        {
          const auto un = static_cast<std::size_t>(n), ut = static_cast<std::size_t>(T);
          talent::TeamColumns in{{t.data(), un}, {s.data(), un}, {b.data(), un}, {e.data(), un}, {p.data(), un}};
          talent::TeamOut out{{size.mutable_data(), ut},     {young.mutable_data(), ut},
                              {women.mutable_data(), ut},    {minority.mutable_data(), ut},
                              {non_party.mutable_data(), ut}, {gaps.mutable_data(), ut}};
          py::gil_scoped_release release;
          talent::team_structure_batch(in, ut, as_of, policy, out);
        }
        py::dict d;
        d["size"] = size;
        d["young"] = young;
        d["women"] = women;
        d["minority"] = minority;
        d["non_party"] = non_party;
        d["gaps"] = gaps;
        return d;
      },
      py::arg("policy"), py::arg("as_of"), py::arg("team"), py::arg("sex"), py::arg("birth_date"),
      py::arg("ethnicity"), py::arg("political_status"), py::arg("n_teams"),
      "Columnar team structure: dict of arrays size, young, women, minority, non_party, gaps (bit mask).");
  m.def(
      "pools_batch",
      [](const Policy &policy, Date as_of, py::handle birth_date, py::handle sex, py::handle ethnicity,
         py::handle political_status, py::handle rank, py::handle civil_servant, py::handle selected_graduate,
         py::handle supervised, py::handle rating_cadre, py::handle rating_year, py::handle rating) {
        ColumnSpec<std::int32_t> days;
        days.dates = true;
        auto b = int_column<std::int32_t>(birth_date, "birth_date", -1, days);
        const py::ssize_t n = b.shape(0);
        auto s = int_column<std::uint8_t>(sex, "sex", n);
        auto e = int_column<std::uint8_t>(ethnicity, "ethnicity", n);
        auto p = int_column<std::uint8_t>(political_status, "political_status", n);
        auto r = int_column<std::uint8_t>(rank, "rank", n);
        auto cs = int_column<std::uint8_t>(civil_servant, "civil_servant", n);
        auto sg = int_column<std::uint8_t>(selected_graduate, "selected_graduate", n);
        py::array_t<std::uint8_t> sup;
        if (!supervised.is_none()) sup = int_column<std::uint8_t>(supervised, "supervised", n);
        ColumnSpec<std::int32_t> ratings_rows;
        ratings_rows.where = "ratings row ";
        auto rc = int_column<std::int32_t>(rating_cadre, "ratings.cadre", -1, ratings_rows);
        const py::ssize_t m = rc.shape(0);
        auto ry = int_column<std::int32_t>(rating_year, "ratings.year", m, ratings_rows);
        ColumnSpec<std::uint8_t> rating_rows;
        rating_rows.where = "ratings row ";
        auto rr = int_column<std::uint8_t>(rating, "ratings.rating", m, rating_rows);
        py::array_t<std::uint8_t> member(n), near_miss(n), excluded(n);
        py::array_t<std::int32_t> age(n);
        {
          const auto un = static_cast<std::size_t>(n), um = static_cast<std::size_t>(m);
          talent::PoolColumns in{{b.data(), un},  {s.data(), un},  {e.data(), un},  {p.data(), un},
                                 {r.data(), un},  {cs.data(), un}, {sg.data(), un},
                                 supervised.is_none() ? std::span<const std::uint8_t>{}
                                                      : std::span<const std::uint8_t>{sup.data(), un}};
          talent::RatingColumns ratings{{rc.data(), um}, {ry.data(), um}, {rr.data(), um}};
          talent::PoolOut out{{member.mutable_data(), un}, {near_miss.mutable_data(), un},
                              {excluded.mutable_data(), un}, {age.mutable_data(), un}};
          py::gil_scoped_release release;
          talent::pools_columns(in, ratings, as_of, policy, out);
        }
        py::dict d;
        d["member"] = member;
        d["near_miss"] = near_miss;
        d["excluded"] = excluded;
        d["age"] = age;
        return d;
      },
      py::arg("policy"), py::arg("as_of"), py::arg("birth_date"), py::arg("sex"), py::arg("ethnicity"),
      py::arg("political_status"), py::arg("rank"), py::arg("civil_servant"), py::arg("selected_graduate"),
      py::arg("supervised"), py::arg("rating_cadre"), py::arg("rating_year"), py::arg("rating"),
      "Columnar pools: dict of arrays member, near_miss, excluded (bit masks: bit 0 echelon1, 1 echelon2, "
      "2 nvshaofei) and age.");
}

}  // namespace cadrekit::python
