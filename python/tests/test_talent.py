"""cadrekit.talent (HURE): the golden pool cases and teams, near misses, exclusions, pool
changes, candidates, the NumPy batch path, growth files, gaps and postings — the same cases as
the C++ and C tests."""
import csv
import datetime as dt
import pathlib
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import talent as t

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
D = dt.date


def read_csv(name):
    lines = [ln for ln in (GOLDEN / name).read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))


POOL_CASES = read_csv("talent_pool_cases.csv")


@pytest.mark.parametrize("row", POOL_CASES, ids=[r["case"] for r in POOL_CASES])
def test_golden_pool_case(row):
    as_of = D.fromisoformat(row["as_of"])
    cadres = [{"cadre_id": row["case"], "sex": int(row["sex"]), "birth_date": D.fromisoformat(row["birth_date"]),
               "ethnicity": row["ethnicity"], "political_status": row["political_status"], "rank": row["rank"],
               "civil_servant": row["civil_servant"] == "1", "selected_graduate": row["selected_graduate"] == "1"}]
    assessments = []
    for key, year in (("rating_y2", as_of.year - 2), ("rating_y1", as_of.year - 1)):
        if row[key]:
            assessments.append({"cadre_id": row["case"], "kind": "annual", "period": year, "rating": row[key]})
    members = t.pools(cadres, assessments, as_of=as_of)
    got = {m["pool"] for m in members}
    for pool in t.POOLS:
        assert (pool in got) == (row[pool] == "1"), pool
    rep = t.pool_report(cadres, assessments, as_of=as_of)
    near = ";".join(f"{n['pool']}:{n['kind']}" for n in rep["near_misses"]) or "-"
    assert near == row["near"]


def test_pools_contract_dataframe_and_reasons():
    cadres = pd.DataFrame([
        {"cadre_id": "B", "sex": 1, "birth_date": pd.Timestamp("1980-10-15"), "ethnicity": 1,
         "political_status": 1, "rank": "fu_ke", "civil_servant": True, "selected_graduate": False},
        {"cadre_id": "W", "sex": 2, "birth_date": pd.Timestamp("1970-01-01"), "ethnicity": 2,
         "political_status": 13, "rank": "zheng_ke", "civil_servant": True, "selected_graduate": False},
    ])
    assessments = pd.DataFrame([
        {"cadre_id": "W", "kind": "annual", "period": 2014, "rating": "excellent"},
        {"cadre_id": "W", "kind": "annual", "period": 2015, "rating": "competent"},
    ])
    got = t.pools(cadres, assessments, as_of=D(2016, 9, 22))
    assert isinstance(got, pd.DataFrame)  # a DataFrame back for a DataFrame given
    recs = got.to_dict("records")
    # B meets both echelons: in the first only (the echelons do not overlap)
    assert [(r["cadre_id"], r["pool"]) for r in recs] == [("B", "echelon1"), ("W", "nvshaofei")]
    assert set(recs[0]) == {"cadre_id", "pool", "reasons"}
    assert [x["code"] for x in recs[0]["reasons"]] == ["rank", "age"]
    assert "2014–2015" in recs[1]["reasons"][1]["en"]
    rep = t.pool_report(cadres, assessments, as_of=D(2016, 9, 22), explain=True)
    ages_out = [n for n in rep["near_misses"] if n["cadre_id"] == "B"]
    assert ages_out[0]["date"] == D(2016, 10, 15)
    assert "turns 36 on 2016-10-15" in ages_out[0]["reasons"][-1]["en"]
    assert isinstance(rep["members"][0]["explanation"], cadrekit.Explanation)
    assert {s["pool"]: s["target"] for s in rep["sizes"]} == {"echelon1": 68, "echelon2": 110, "nvshaofei": 50}
    frame = t.pools(cadres, assessments, as_of=D(2016, 9, 22), as_frame=True)
    assert list(frame.columns) == ["cadre_id", "pool", "reasons"] and len(frame) == 2
    assert [(e["cadre_id"], e["pool"], e["kind"]) for e in rep["excluded"]] == [("B", "echelon2", "in_echelon1")]


def test_open_disposal_case_excludes_with_reason():
    cadres = [{"id": "W", "sex": "女", "birth_date": D(1985, 1, 1), "ethnicity": "01", "political_status": "01",
               "rank": "fu_ke", "civil_servant": True}]
    case = cadrekit.assessment.DisposalCase("D1", "W")
    case.advance("motion", D(2016, 8, 1), "dept")
    rep = t.pool_report(cadres, [], as_of=D(2016, 9, 22), disposal_cases=[case])
    assert rep["members"] == []
    assert {e["pool"] for e in rep["excluded"]} == {"echelon1", "echelon2"}
    assert rep["excluded"][0]["kind"] == "open_disposal_case"
    assert rep["excluded"][0]["reasons"][0]["code"] == "open_disposal_case:D1"
    assert len(t.pools(cadres, [], as_of=D(2016, 7, 31), disposal_cases=[case])) == 1  # echelon 1 only


def test_pool_changes():
    cadres = [{"id": "B", "sex": 1, "birth_date": D(1980, 10, 15), "ethnicity": "01", "political_status": "01",
               "rank": "fu_ke", "civil_servant": True}]
    ch = t.pool_changes(cadres, None, D(2016, 9, 22), D(2016, 11, 1))
    assert [(c["pool"], c["change"], c["reasons"][0]["code"]) for c in ch] == [("echelon1", "left", "age")]


def test_bad_input_names_field_and_record():
    cadres = [{"id": "X", "sex": 3, "birth_date": D(1980, 1, 1), "ethnicity": "01", "political_status": "01"}]
    with pytest.raises(cadrekit.InvalidInput) as e:
        t.pools(cadres, [], as_of=D(2016, 9, 22))
    assert e.value.field == "sex" and e.value.record == "cadres[0]"
    with pytest.raises(TypeError):
        t.pools(cadres, [], as_of="2016-09-22")


# ------------------------------------------------------------------------------------------
# Team structure

MEMBERS = read_csv("talent_team_members.csv")
EXPECTED = read_csv("talent_team_expected.csv")


def gap_text(gaps):
    return ";".join(g["criterion"] for g in gaps) or "-"


def test_golden_teams_records():
    teams = t.team_structure(MEMBERS, as_of=D(2016, 9, 22))
    assert [x["team_id"] for x in teams] == [e["team_id"] for e in EXPECTED]
    for got, exp in zip(teams, EXPECTED):
        for k in ("size", "young", "women", "minority", "non_party"):
            assert got[k] == int(exp[k]), (exp["team_id"], k)
        assert gap_text(got["gaps"]) == exp["gaps"]
    assert teams[0]["shares"]["women"] == Fraction(1, 4)
    assert teams[0]["targets"] == {"young": 1, "women": 1, "minority": 1, "non_party": 0}


def test_golden_teams_columns_numpy():
    df = pd.DataFrame(MEMBERS)
    ids = [e["team_id"] for e in EXPECTED]
    team = df["team_id"].map({k: i for i, k in enumerate(ids)}).to_numpy(np.int32)
    births = pd.to_datetime(df["birth_date"]).to_numpy().astype("datetime64[D]")
    out = t.team_structure_columns(team, df["sex"].astype(np.uint8).to_numpy(), births,
                                   df["ethnicity"].astype(int).to_numpy(np.uint8),
                                   df["political_status"].astype(int).to_numpy(np.uint8),
                                   as_of=D(2016, 9, 22), n_teams=len(ids))
    names = t.CRITERIA
    for i, exp in enumerate(EXPECTED):
        for k in ("size", "young", "women", "minority", "non_party"):
            assert out[k][i] == int(exp[k]), (exp["team_id"], k)
        assert (";".join(n for b, n in enumerate(names) if out["gaps"][i] & (1 << b)) or "-") == exp["gaps"]
    # team ids as a categorical column: codes used, n_teams and team_id from its categories
    cat = t.team_structure_columns(pd.Categorical(df["team_id"], categories=ids), df["sex"].astype(np.uint8),
                                   births, df["ethnicity"].astype(int).to_numpy(np.uint8),
                                   df["political_status"].astype(int).to_numpy(np.uint8), as_of=D(2016, 9, 22))
    assert list(cat["team_id"]) == ids
    for k in ("size", "young", "women", "minority", "non_party", "gaps"):
        assert list(cat[k]) == list(out[k]), k
    bad = df["sex"].astype(np.uint8).to_numpy().copy()
    bad[2] = 7
    with pytest.raises(cadrekit.InvalidInput) as e:
        t.team_structure_columns(team, bad, births, df["ethnicity"].astype(int).to_numpy(np.uint8),
                                 df["political_status"].astype(int).to_numpy(np.uint8),
                                 as_of=D(2016, 9, 22), n_teams=len(ids))
    assert e.value.field == "sex" and e.value.record == "row 3"


def test_team_candidates_eligibility_and_exclusion():
    candidates = [
        {"id": "Y", "sex": 1, "birth_date": D(1988, 1, 1), "ethnicity": "01", "political_status": "01",
         "rank": "fu_ke", "rank_since": D(2013, 9, 1), "civil_servant": True},
        {"id": "Z", "sex": 1, "birth_date": D(1989, 1, 1), "ethnicity": "01", "political_status": "01",
         "rank": "fu_ke", "rank_since": D(2015, 9, 1), "civil_servant": True},
        {"id": "D", "sex": 1, "birth_date": D(1987, 1, 1), "ethnicity": "01", "political_status": "01",
         "rank": "fu_ke", "rank_since": D(2010, 1, 1), "civil_servant": True},
    ]
    case = cadrekit.assessment.DisposalCase("D9", "D")
    teams = t.team_structure(MEMBERS, as_of=D(2016, 9, 22), candidates=candidates, disposal_cases=[case], explain=True)
    t_all = next(x for x in teams if x["team_id"] == "T_all")
    young = t_all["gaps"][0]
    assert young["criterion"] == "young" and young["missing"] == 1
    by = {c["cadre_id"]: c for c in young["candidates"]}
    assert by["Y"]["eligible"] is True
    assert by["Z"]["eligible"] is False and by["Z"]["reasons"][-1]["code"] == "years_at_rank"
    assert by["D"]["eligible"] is False and by["D"]["reasons"][1]["code"] == "open_disposal_case:D9"
    assert young["candidates"][0]["cadre_id"] == "Y"
    assert isinstance(t_all["explanation"], cadrekit.Explanation)


def _young_women(n):
    """n young women W00…: the even ones three years at fu_ke (eligible), the odd ones one."""
    return [{"id": f"W{i:02d}", "sex": 2, "birth_date": D(1988, 1, 1), "ethnicity": "01",
             "political_status": "01", "rank": "fu_ke", "rank_since": D(2013 if i % 2 == 0 else 2015, 9, 1),
             "civil_servant": True} for i in reversed(range(n))]


def test_a_gap_lists_the_first_max_candidates_and_counts_them_all():
    members = [{"team_id": "T", "cadre_id": c, "sex": 1, "birth_date": D(1960, 1, 1), "ethnicity": "01",
                "political_status": "01"} for c in ("a", "b")]
    cands = _young_women(30)
    full = t.team_structure(members, as_of=D(2016, 9, 22), candidates=cands, max_candidates=1000)
    cut = t.team_structure(members, as_of=D(2016, 9, 22), candidates=cands, max_candidates=4)
    default = t.team_structure(members, as_of=D(2016, 9, 22), candidates=cands)
    women, women4 = full[0]["gaps"][1], cut[0]["gaps"][1]
    assert women["criterion"] == "women"
    assert (women["candidate_count"], women["eligible_count"]) == (30, 15)
    assert (women4["candidate_count"], women4["eligible_count"]) == (30, 15)
    assert [c["cadre_id"] for c in women4["candidates"]] == ["W00", "W02", "W04", "W06"]
    assert women4["candidates"] == women["candidates"][:4]
    assert len(default[0]["gaps"][1]["candidates"]) == t.CANDIDATES_LISTED == 20
    # The DataFrame lists the eligible ones per gap, and warns of the gaps it cut.
    frame = pd.DataFrame(members)
    with pytest.warns(t.CandidatesCutWarning, match="2 gap"):
        df = t.team_structure(frame, as_of=D(2016, 9, 22), candidates=cands, max_candidates=4)
    assert df.loc[0, "candidates"].split(";")[1] == "women:W00,W02,W04,W06"
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        whole = t.team_structure(frame, as_of=D(2016, 9, 22), candidates=cands, max_candidates=15)
    assert whole.loc[0, "candidates"].split(";")[1] == "women:" + ",".join(f"W{i:02d}" for i in range(0, 30, 2))


@pytest.mark.parametrize("bad, error", [(-1, cadrekit.InvalidInput), (2 ** 63, cadrekit.InvalidInput),
                                        ("20", TypeError), (2.0, TypeError)])
def test_max_candidates_must_be_a_whole_number_from_zero(bad, error):
    members = [{"team_id": "T", "cadre_id": "a", "sex": 1, "birth_date": D(1960, 1, 1), "ethnicity": "01",
                "political_status": "01"}]
    with pytest.raises(error) as e:
        t.team_structure(members, as_of=D(2016, 9, 22), candidates=_young_women(2), max_candidates=bad)
    assert e.value.field == "max_candidates"


# ------------------------------------------------------------------------------------------
# Growth file, gaps, postings

def test_gaps_contract_every_gap_and_none():
    g = t.gaps({"cadre_id": "N", "rank": "fu_ke"}, as_of=D(2016, 9, 22))
    assert [(x["gap"], x["posting"]) for x in g] == [
        ("no_grassroots", "village_residency"), ("narrow_view", "secondment"),
        ("single_track", "exchange"), ("no_principal_post", "hard_post")]
    assert g[0]["threshold"] == 2 and g[0]["parameter"] == "talent.gap.min_grassroots_years"
    full = {"cadre_id": "F", "postings": [
        {"kind": "village_residency", "from": D(2012, 1, 1), "until": D(2014, 1, 1), "sector": "agriculture"},
        {"kind": "secondment", "from": D(2014, 1, 1), "until": D(2014, 12, 31), "sector": "region-finance"},
        {"kind": "post", "from": D(2015, 1, 1), "sector": "township", "grassroots": True, "principal": True}]}
    assert t.gaps(full, as_of=D(2016, 9, 22)) == []


def test_growth_figures_by_hand():
    g = {"cadre_id": "G", "rank": "fu_ke", "rank_since": D(2013, 3, 1), "postings": [
        {"kind": "village_residency", "from": D(2010, 1, 1), "until": D(2011, 1, 1), "sector": "agriculture"},
        {"kind": "frontline", "from": D(2010, 7, 1), "until": D(2011, 7, 1), "sector": "agriculture",
         "area": "A1", "households": 4},
        {"kind": "post", "from": D(2015, 9, 22), "sector": "township", "grassroots": True, "principal": True}],
        "trainings": [{"topic": "bilingual", "from": D(2015, 3, 1)}],
        "results": [{"year": 2015, "rating": "excellent"}]}
    r = t.growth(g, as_of=D(2016, 9, 22))
    assert r["figures"]["grassroots_days"] == 546 + 367
    assert r["figures"]["grassroots_years"] == 2
    assert r["figures"]["distinct_sectors"] == 2
    assert r["figures"]["years_at_rank"] == 3
    assert [x["gap"] for x in r["gaps"]] == ["narrow_view"]


def test_propose_postings_within_places():
    files = [{"cadre_id": c} for c in ("A", "B", "C")]
    ps = t.propose_postings(files, {"village_residency": 2}, as_of=D(2016, 9, 22))
    assert [(p["cadre_id"], p["placed"], p["order"]) for p in ps] == [("A", True, 1), ("B", True, 2), ("C", False, 3)]
    assert "beyond the 2 place(s)" in ps[2]["reason"]["en"]
    with pytest.raises(cadrekit.InvalidInput):
        t.propose_postings(files, {"moon": 1}, as_of=D(2016, 9, 22))
