"""talent.pools of a DataFrame by the columnar kernel: the same members, in the same order,
with the same reasons as the rows path (records in, as_frame=True), over the golden pool cases
and random cadres read as text from a CSV; the kernel binding's checks; explanations lazily by
pool_report for the rows asked about."""
import csv
import datetime as dt
import io
import pathlib

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import _core, talent

ROOT = pathlib.Path(__file__).resolve().parents[2]
AS_OF = dt.date(2016, 9, 22)
RANKS = ["keyuan", "fu_ke", "zheng_ke", "fu_chu", "zheng_chu"]


def golden():
    lines = [ln for ln in (ROOT / "tests/golden/talent_pool_cases.csv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def rows_path(cadres, results, as_of):
    """The rows path's frame: the same tables as records."""
    return talent.pools(cadres.to_dict("records"), results.to_dict("records") if results is not None else None,
                        as_of=as_of, as_frame=True)


def same(cadres, results, as_of):
    got = talent.pools(cadres, results, as_of=as_of)
    want = rows_path(cadres, results, as_of)
    pd.testing.assert_frame_equal(got, want)
    return got


def test_golden_cases_as_frames():
    for c in golden():
        as_of = dt.date.fromisoformat(c["as_of"])
        y = as_of.year
        cadres = pd.DataFrame([{"id": c["case"], "sex": c["sex"], "birth_date": c["birth_date"],
                                "ethnicity": c["ethnicity"], "political_status": c["political_status"],
                                "rank": c["rank"], "civil_servant": c["civil_servant"] == "1",
                                "selected_graduate": c["selected_graduate"] == "1"}])
        res = [{"cadre_id": c["case"], "kind": "annual", "period": str(y - 2 + k), "rating": c[f"rating_y{2 - k}"]}
               for k in (0, 1) if c[f"rating_y{2 - k}"]]
        got = same(cadres, pd.DataFrame(res) if res else None, as_of)
        assert sorted(got["pool"]) == sorted(p for p in talent.POOLS if c[p] == "1"), c["case"]


def random_tables(n, seed):
    rng = np.random.default_rng(seed)
    births = np.datetime64("1975-01-01") + rng.integers(0, 25 * 365, n)
    births[: n // 10] = np.datetime64("1980-09-22")  # 36 on the as-of date
    ids = np.array([f"C{(i * 7919) % (10 * n)}" for i in range(n)])
    cadres = pd.DataFrame({"id": ids, "sex": rng.choice(["1", "2", "男", "女"], n),
                           "birth_date": births.astype(str),
                           "ethnicity": rng.choice(["01", "01", "02", "蒙古族", "11"], n),
                           "political_status": rng.choice(["01", "02", "03", "13"], n),
                           "rank": rng.choice(RANKS + ["副科"], n),
                           "civil_servant": rng.integers(0, 2, n).astype(bool),
                           "selected_graduate": rng.integers(0, 5, n) == 0})
    recs = []
    for i in range(n):
        for y in (2013, 2014, 2015):
            if rng.integers(0, 4):
                recs.append({"cadre_id": ids[i], "kind": "annual", "period": str(y),
                             "rating": rng.choice(["excellent", "competent", "basically_competent", "优秀"])})
    text = io.StringIO()
    pd.DataFrame(recs).to_csv(text, index=False)
    results = pd.read_csv(io.StringIO(text.getvalue()), dtype=str)
    cadres = pd.read_csv(io.StringIO(cadres.to_csv(index=False)),
                         dtype={c: str for c in ("id", "sex", "birth_date", "ethnicity", "political_status", "rank")})
    cadres.index = pd.Index(range(1000, 1000 + n))
    return cadres, results


@pytest.mark.parametrize("seed", [1, 2])
def test_random_frames_agree_with_rows_path(seed):
    cadres, results = random_tables(400, seed)
    for as_of in (AS_OF, dt.date(2016, 2, 29), dt.date(2017, 3, 1)):
        got = same(cadres, results, as_of)
        assert talent._pools_frame(cadres, results, as_of, None, False) is not None  # the kernel's path
        if as_of == AS_OF:  # the ratings cover the 女少非 window of 2016 only
            assert set(got["pool"]) == set(talent.POOLS)


def test_reasons_and_lazy_explanations():
    cadres, results = random_tables(60, 3)
    got = talent.pools(cadres, results, as_of=AS_OF)
    first = got.iloc[0]
    # the explanation of the rows asked about: pool_report on those cadres only
    part = cadres[cadres["id"] == first["cadre_id"]]
    rep = talent.pool_report(part, results[results["cadre_id"] == first["cadre_id"]], as_of=AS_OF, explain=True)
    entry = next(m for m in rep["members"] if m["pool"] == first["pool"])
    assert entry["reasons"] == first["reasons"]
    assert isinstance(entry["explanation"], cadrekit.Explanation)


def test_frame_errors_name_field_and_row():
    cadres, results = random_tables(20, 4)
    bad = cadres.copy()
    bad.loc[bad.index[5], "birth_date"] = "2017-01-01"
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.pools(bad, results, as_of=AS_OF)
    assert e.value.field == "birth_date" and e.value.record == "row 6"
    twice = cadres.copy()
    twice.loc[twice.index[3], "id"] = twice["id"].iloc[1]
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.pools(twice, results, as_of=AS_OF)
    assert e.value.record == "cadres[3]"


def test_kernel_binding_checks_before_writing():
    n = 3
    birth = np.array(["1985-01-01", "1990-01-01", "2020-01-01"], dtype="datetime64[D]")
    ones = np.ones(n, dtype=np.uint8)
    args = [birth, ones, ones, ones, ones, ones, np.zeros(n, np.uint8), None,
            np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.uint8)]
    with pytest.raises(cadrekit.InvalidInput) as e:
        _core.talent.pools_batch(cadrekit.Policy.default(), AS_OF, *args)
    assert e.value.field == "birth_date" and e.value.record == "row 3"
    args[0] = birth[:2]
    args[1:7] = [a[:2] for a in args[1:7]]
    out = _core.talent.pools_batch(cadrekit.Policy.default(), AS_OF, *args)
    assert list(out["member"]) == [1, 1] and list(out["excluded"]) == [2, 2] and list(out["age"]) == [31, 26]


def test_results_read_by_the_screening_agree_with_rows_path():
    """The results table as the screening reads it (who has a red line, and the annual ratings
    from the same reading): a cadre of the results not among the cadres, a missing rating, a
    red line (an incompetent year), categorical columns, results naming every cadre in the
    cadres' own order, and a table the screening leaves to its rows path."""
    cadres, results = random_tables(300, 5)
    extra = pd.DataFrame({"cadre_id": ["X1", "X1", cadres["id"].iloc[0]], "kind": "annual",
                          "period": ["2014", "2015", "2012"], "rating": ["excellent", "excellent", None]})
    red = results["cadre_id"].isin(cadres["id"].iloc[:40]) & (results["period"] == "2015")
    results = results.copy()
    results.loc[red, "rating"] = "incompetent"
    mixed = pd.concat([results, extra], ignore_index=True)
    got = same(cadres, mixed, AS_OF)
    assert not got["cadre_id"].isin(["X1"]).any()
    hit, read = cadrekit.assessment._hit_cadres(mixed, AS_OF, None)
    assert read is not None and len(hit) > 0  # the screening's columnar path
    assert not set(cadres["id"].iloc[:40][cadres["id"].iloc[:40].isin(results.loc[red, "cadre_id"])]) \
        & set(got.loc[got["pool"] == "nvshaofei", "cadre_id"])
    cats = mixed.astype({"cadre_id": "category", "kind": "category", "rating": "category"})
    same(cadres, cats, AS_OF)
    # every cadre with two annual ratings, the results in the cadres' order of the library
    n = 200
    ids = np.array(sorted(f"D{i}" for i in range(n)))
    rng = np.random.default_rng(6)
    people = pd.DataFrame({"id": ids, "sex": rng.choice(["1", "2"], n),
                           "birth_date": (np.datetime64("1978-01-01") + rng.integers(0, 6000, n)).astype(str),
                           "ethnicity": rng.choice(["01", "02"], n), "political_status": rng.choice(["01", "13"], n),
                           "rank": rng.choice(RANKS, n), "civil_servant": rng.integers(0, 2, n).astype(bool)})
    both = pd.DataFrame({"cadre_id": np.concatenate([ids, ids]), "kind": "annual",
                         "period": np.repeat(["2014", "2015"], n),
                         "rating": rng.choice(["excellent", "competent", "incompetent"], 2 * n)})
    assert set(same(people, both, AS_OF)["pool"]) == set(talent.POOLS)
    same(people.iloc[::-1].reset_index(drop=True), both, AS_OF)  # the cadres in another order
    # whole years as numbers; a score as a number (the screening's rows path); a bad rating
    same(people, both.assign(period=np.repeat([2014, 2015], n)), AS_OF)
    scored = both.assign(score=np.where(np.arange(2 * n) % 2, 85.0, 60.0))  # the screening's rows path
    assert cadrekit.assessment._hit_cadres(scored, AS_OF, None)[1] is None
    same(people, scored, AS_OF)
    numeric = both.assign(rating=1.0)
    with pytest.raises(cadrekit.InvalidInput) as e_frame:
        talent.pools(people, numeric, as_of=AS_OF)
    with pytest.raises(cadrekit.InvalidInput) as e_screen:
        cadrekit.assessment.screen(numeric, as_of=AS_OF)
    assert (e_frame.value.field, e_frame.value.record) == (e_screen.value.field, e_screen.value.record)


def test_result_errors_name_the_record_as_the_screening_does():
    cadres, results = random_tables(50, 7)
    bad = results.copy()
    bad.loc[bad.index[4], "rating"] = "superb"
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.pools(cadres, bad, as_of=AS_OF)
    with pytest.raises(cadrekit.InvalidInput) as s:
        cadrekit.assessment.screen(bad, as_of=AS_OF)
    assert (e.value.field, e.value.record, str(e.value)) == (s.value.field, s.value.record, str(s.value))
    assert e.value.record == "records[4]"
    twice = pd.concat([results, results.iloc[[2]]], ignore_index=True)
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.pools(cadres, twice, as_of=AS_OF)
    assert e.value.record == f"records[{len(results)}]"
    with pytest.warns(cadrekit.UnknownColumnWarning, match="records: the column 'ratting'"):
        talent.pools(cadres, results.rename(columns={"rating": "ratting"}), as_of=AS_OF)


def test_whole_float_periods_are_years_as_the_rows_path_reads_them():
    # a period column read by pandas as floats (2014.0): the screening and the rows path read a
    # whole float as its year, and so does the frame path, so the ratings count
    cad = pd.DataFrame({"id": ["A", "B"], "birth_date": ["1985-01-01", "1990-05-05"], "sex": ["2", "1"],
                        "ethnicity": ["02", "01"], "political_status": ["13", "01"],
                        "rank": ["zheng_ke", "fu_ke"]})
    res = pd.DataFrame({"cadre_id": ["A", "A", "B", "B"], "kind": "annual",
                        "period": [2014.0, 2015.0, 2014.0, 2015.0],
                        "rating": ["excellent", "excellent", "competent", "competent"]})
    as_of = dt.date(2016, 6, 1)
    frame = talent.pools(cad, res, as_of=as_of).to_dict("records")
    rows = talent.pools(cad.to_dict("records"), res.to_dict("records"), as_of=as_of)
    assert frame == rows
    assert any(r["pool"] == "nvshaofei" for r in frame)  # the two excellent ratings were read


def test_results_numbered_with_the_cadres_raise_as_the_screening_does():
    """The cadres' ids and the results' cadre ids are numbered together (one sorted numbering
    with gaps where a cadre has no result): the results' errors still name the record the
    screening names — an empty or missing id, and of several repeated records the first in
    the screening's order (by cadre id), not in the table's."""
    cadres, results = random_tables(60, 9)
    assert talent._numbered_ids(cadres["id"], results) is not None  # the shared numbering is taken
    ids = sorted(results["cadre_id"].unique())
    first, last = ids[0], ids[-1]
    bads = []
    for value in ("", None):
        bad = results.copy()
        bad.loc[bad.index[6], "cadre_id"] = value
        bads.append(bad)
    # two repeats: the later one in the table belongs to the cadre that sorts first
    rep_last = results[results["cadre_id"] == last].iloc[[0]]
    rep_first = results[results["cadre_id"] == first].iloc[[0]]
    bads.append(pd.concat([results, rep_last, rep_first], ignore_index=True))
    # a repeat among ids no cadre has, sorted between the cadres' ids
    other = pd.DataFrame({"cadre_id": ["C0a", "C0a", "Zz"], "kind": "annual", "period": ["2014", "2014", "2015"],
                          "rating": "competent"})
    bads.append(pd.concat([results, other], ignore_index=True))
    named = []
    for bad in bads:
        with pytest.raises(cadrekit.InvalidInput) as e:
            talent.pools(cadres, bad, as_of=AS_OF)
        with pytest.raises(cadrekit.InvalidInput) as s:
            cadrekit.assessment.screen(bad, as_of=AS_OF)
        assert (e.value.field, e.value.record, str(e.value)) == (s.value.field, s.value.record, str(s.value))
        named.append(e.value.record)
    assert named[2:] == [f"records[{len(results) + 1}]"] * 2
    # the cadres' own empty id is theirs to report, whatever the results hold
    empty = cadres.copy()
    empty.loc[empty.index[4], "id"] = ""
    for res in (results, bads[0]):
        with pytest.raises(cadrekit.InvalidInput) as e:
            talent.pools(empty, res, as_of=AS_OF)
        assert (e.value.field, e.value.record) == ("id", "cadres[4]")
    # results with ids no cadre has, before and after theirs in order: the rows path's members
    same(cadres, pd.concat([results, other.iloc[1:]], ignore_index=True), AS_OF)


@pytest.mark.parametrize("dtype", ["text", "category", "string"])
def test_a_missing_rank_reads_as_the_rows_path_reads_it(dtype):
    # a rank left empty is the rows path's default (keyuan), in a column of text, a categorical
    # or pandas' string dtype alike; a rank it cannot read is still an error naming the row
    cadres, results = random_tables(300, 5)
    cadres.loc[cadres.index[[3, 40, 41, 299]], "rank"] = None
    if dtype != "text":
        cadres["rank"] = cadres["rank"].astype(dtype)
    assert cadres["rank"].isna().sum() == 4
    got = same(cadres, results, AS_OF)
    filled = cadres.astype({"rank": object}).fillna({"rank": "keyuan"})
    pd.testing.assert_frame_equal(got, talent.pools(filled, results, as_of=AS_OF))
    other = cadres.astype({"rank": object}).fillna({"rank": "zheng_ke"})
    assert not talent.pools(other, results, as_of=AS_OF).equals(got)
    bad = cadres.astype({"rank": object})
    bad.loc[bad.index[7], "rank"] = "general"
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.pools(bad, results, as_of=AS_OF)
    assert e.value.field == "rank" and e.value.record == "row 8"


@pytest.mark.parametrize("with_results", [True, False])
def test_an_empty_id_is_named_by_its_row(with_results):
    # an empty cadre id is refused naming its row, as the rows path refuses it, whether the ids
    # are numbered with the results' (in code-point order) or alone; an empty id among the
    # results only is the results' error, not the cadres'
    cadres, results = random_tables(200, 6)
    bad = cadres.copy()
    bad.loc[bad.index[17], "id"] = ""
    with pytest.raises(cadrekit.InvalidInput) as e:
        talent.pools(bad, results if with_results else None, as_of=AS_OF)
    assert e.value.field == "id" and e.value.record == "cadres[17]"
    with pytest.raises(cadrekit.InvalidInput) as rows_e:
        rows_path(bad, results if with_results else None, AS_OF)
    assert "empty" in str(rows_e.value) and "empty" in str(e.value)
    if with_results:
        res = results.copy()
        res.loc[res.index[3], "cadre_id"] = ""
        with pytest.raises(cadrekit.InvalidInput) as e:
            talent.pools(cadres, res, as_of=AS_OF)
        assert e.value.field == "cadre_id" and e.value.record == "records[3]"


def test_many_cadres_with_results_in_no_order():
    # 70,000 cadres: their ids, nearly all different, are numbered by sorting, and the results'
    # ids matched in order or, shuffled, looked up; the same members either way, and for a
    # sample of cadres the rows path's
    rng = np.random.default_rng(8)
    n = 70_000
    ids = np.array([f"C{i}" for i in rng.permutation(10 * n)[:n]], dtype=object)
    births = (np.datetime64("1975-01-01") + rng.integers(0, 25 * 365, n)).astype(str)
    cadres = pd.DataFrame({"id": ids, "sex": rng.choice(["1", "2"], n), "birth_date": births,
                           "ethnicity": rng.choice(["01", "02"], n), "political_status": rng.choice(["01", "13"], n),
                           "rank": rng.choice(RANKS, n), "civil_servant": rng.integers(0, 2, n).astype(bool),
                           "selected_graduate": rng.integers(0, 5, n) == 0})
    years = np.repeat(np.array(["2014", "2015"]), n)
    results = pd.DataFrame({"cadre_id": np.concatenate([ids, ids]), "kind": "annual", "period": years,
                            "rating": rng.choice(["excellent", "competent"], 2 * n)})
    results = results[rng.random(2 * n) < 0.95].reset_index(drop=True)
    got = talent.pools(cadres, results, as_of=AS_OF)
    assert set(got["pool"]) == set(talent.POOLS)
    shuffled = results.sample(frac=1, random_state=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, talent.pools(cadres, shuffled, as_of=AS_OF))
    few = set(ids[:300])
    part_c = cadres[cadres["id"].isin(few)]
    part_r = results[results["cadre_id"].isin(few)]
    want = rows_path(part_c, part_r, AS_OF)
    mine = got[got["cadre_id"].isin(few)].reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, want.reset_index(drop=True))
