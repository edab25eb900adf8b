"""cadrekit inside Dask: the pickling round trip of every object a call takes, and the helpers of
cadrekit.dask on a LocalCluster of two worker processes, each compared with the natural call on
the whole table in this process. Small data; one cluster for the module."""
import copy
import datetime as dt
import pathlib
import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import assessment, audit, partitions, talent, village

ROOT = pathlib.Path(__file__).resolve().parents[2]
D = dt.date
AS_OF = D(2016, 12, 31)

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
import cadrekit.dask as ckd  # noqa: E402


# --- the objects a user passes ----------------------------------------------------------------

def policy_view(p):
    """Everything a policy says: name, lineage, every parameter's declaration and values."""
    return (p.name, p.lineage, [p.info(n) for n in p.parameter_names()])


COUNTY = """\
profile: county-2018
extends: ../province.yaml
parameters:
  assessment.bottom.share:
    values: {2016-01-01: "20%"}
  followup.ledger_review_months:
    type: integer
    unit: months
    label: {zh: 台账复核周期, en: ledger review}
    clause: HORQIN.6
    assumed: true
    values: {2018-01-01: 6}
"""
PROVINCE = """\
profile: province-2017
extends: tongliao-2016
parameters:
  village.base_pay.max:
    values: {2017-01-01: 9500}
"""


@pytest.fixture(scope="module")
def layered(tmp_path_factory):
    """A policy of three profiles (a county file extending a province file extending the embedded
    profile), loaded, then its files deleted: only the texts it carries remain."""
    d = tmp_path_factory.mktemp("policies")
    (d / "counties").mkdir()
    (d / "province.yaml").write_text(PROVINCE, encoding="utf-8")
    (d / "counties" / "county.yaml").write_text(COUNTY, encoding="utf-8")
    p = cadrekit.Policy.load(d / "counties" / "county.yaml")
    (d / "province.yaml").unlink()
    (d / "counties" / "county.yaml").unlink()
    return p


def test_policy_round_trip_every_kind(layered):
    kinds = [
        cadrekit.Policy.default(),
        cadrekit.Policy.load(ROOT / "data" / "policies" / "examples" / "sample-county.yaml"),
        cadrekit.Policy.loads("profile: c\nextends: tongliao-2016\nparameters:\n"
                              "  village.publicity_days:\n    values: {2020-01-01: 14}\n",
                              source="c.yaml"),
        layered,
    ]
    for p in kinds:
        for q in (pickle.loads(pickle.dumps(p)), copy.deepcopy(p),
                  pickle.loads(pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL))):
            assert isinstance(q, cadrekit.Policy)
            assert policy_view(q) == policy_view(p)
    assert layered.lineage == ["county-2018", "province-2017", "tongliao-2016"]
    q = pickle.loads(pickle.dumps(layered))
    assert q.info("village.base_pay.max")["source"].endswith("province.yaml:4")
    assert q.value("assessment.bottom.share", D(2016, 1, 1)) == layered.value(
        "assessment.bottom.share", D(2016, 1, 1)) != cadrekit.Policy.default().value(
        "assessment.bottom.share", D(2016, 1, 1))
    # The embedded profile travels by its name, not its text.
    assert len(pickle.dumps(cadrekit.Policy.default())) < 200



def test_policy_with_a_value_set_pickles_with_it():
    p = cadrekit.Policy.default().set("village.performance_pay.excellent=5000@2017-01-01")
    q = pickle.loads(pickle.dumps(p))
    assert q.value("village.performance_pay.excellent", dt.date(2017, 6, 1)) == p.value(
        "village.performance_pay.excellent", dt.date(2017, 6, 1))
    assert q.value("village.performance_pay.excellent", dt.date(2016, 6, 1)) == p.value(
        "village.performance_pay.excellent", dt.date(2016, 6, 1))
    assert q.value("village.performance_pay.excellent", dt.date(2017, 6, 1)) != q.value(
        "village.performance_pay.excellent", dt.date(2016, 6, 1))

def test_policy_state_that_does_not_hold_is_refused():
    good = cadrekit.Policy.default().__getstate__()
    assert good[0] == 1 and good[1] == "tongliao-2016"
    for bad in [(2, good[1], good[2]), (1, "other-name", good[2]), (1, good[1], []),
                (1, good[1], [(False, "x.yaml", b"profile: x\nextends: nowhere-2016\n")])]:
        p = cadrekit.Policy.__new__(cadrekit.Policy)
        with pytest.raises(cadrekit.PolicyError):
            p.__setstate__(bad)


def calendar_view(c, first=D(2006, 12, 1), last=D(2028, 1, 31)):
    days = pd.date_range(first, last).date
    if not c.lenient:
        lo, hi = c.coverage
        days = [d for d in days if lo <= d <= hi]
    return c.coverage, c.lenient, c.to_csv(), [c.is_working_day(d) for d in days]


def test_calendar_round_trip_every_kind():
    csv2027 = "date,is_off_day,name\n2027-01-01,true,元旦\n2027-01-04,true,元旦\n2027-01-09,false,元旦\n"
    own = ("date,is_off_day,name\n# a county's own list\n2020-01-01,true,元旦\n"
           "2020-01-19,false,春节\n2020-01-24,true,春节\n")
    kinds = [cadrekit.WorkCalendar.china(), cadrekit.WorkCalendar.china(lenient=True),
             cadrekit.WorkCalendar.china().with_csv(csv2027),
             cadrekit.WorkCalendar.china(lenient=True).with_csv(csv2027),
             cadrekit.WorkCalendar.from_csv(own)]
    for c in kinds:
        q = pickle.loads(pickle.dumps(c))
        assert calendar_view(q) == calendar_view(c)
        assert repr(q) == repr(c)
    ext = pickle.loads(pickle.dumps(kinds[2]))
    assert ext.coverage[1] == D(2027, 12, 31) and not ext.is_working_day(D(2027, 1, 4))
    with pytest.raises(cadrekit.InvalidInput):
        cadrekit.WorkCalendar.__new__(cadrekit.WorkCalendar).__setstate__((1, "day,off\n", False))


def test_case_rank_and_explanation_round_trip():
    case = assessment.DisposalCase("D1", "W")
    case.advance("motion", D(2016, 8, 1), "dept")
    case.advance("investigation", D(2016, 8, 3), "dept")
    back = pickle.loads(pickle.dumps(case))
    assert back == case and back.to_json() == case.to_json()
    for r in cadrekit.Rank.__members__.values():
        assert pickle.loads(pickle.dumps(r)) is r or pickle.loads(pickle.dumps(r)) == r
    ex = assessment.screen(records(3, seed=1, bad=True), as_of=AS_OF, explain=True).iloc[0]["explanation"]
    assert pickle.loads(pickle.dumps(ex)) == ex


def test_import_cadrekit_does_not_import_dask():
    code = "import sys, cadrekit, cadrekit.partitions; assert 'dask' not in sys.modules, 'dask'"
    subprocess.run([sys.executable, "-c", code], check=True, env=_env())


def test_cadrekit_dask_without_dask_names_the_package():
    code = ("import sys; sys.modules['dask'] = None\n"
            "try:\n    import cadrekit.dask\nexcept ImportError as e:\n    print(e)\n"
            "else:\n    raise SystemExit('imported')\n")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                         env=_env()).stdout
    assert "python3-dask" in out


def _env():
    import os
    env = dict(os.environ)
    env["PYTHONPATH"] = str(pathlib.Path(cadrekit.__file__).parent.parent) + (
        os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


# --- data ---------------------------------------------------------------------------------

KINDS = ["annual", "annual", "annual", "party_conduct", "party_conduct", "key_work", "review"]
PERIODS = ["2014", "2015", "2016", "2015", "2016", "2016", "2016"]


def records(n_cadres, seed=0, bad=False):
    """Seven records a cadre (annual 2014-2016 ranked, party conduct, key work, review), in
    order of cadre id; bad=True puts every annual record at the bottom (every streak fires)."""
    rng = np.random.default_rng(seed)
    rows = []
    for c in range(n_cadres):
        for k, per in zip(KINDS, PERIODS):
            g = int(rng.integers(5, 12))
            r = g if bad else int(rng.integers(1, g + 1))
            rating = {"annual": "incompetent" if rng.integers(0, 12) == 0 else "competent",
                      "key_work": "competent",
                      "party_conduct": "not_up_to_standard" if rng.integers(0, 3) == 0 else "up_to_standard",
                      "review": "unsatisfied" if rng.integers(0, 6) == 0 else "satisfied"}[k]
            ranked = k in ("annual", "key_work")
            rows.append({"cadre_id": f"C{c:04d}", "unit_id": f"U{c // 4:03d}", "domain": "township",
                         "kind": k, "period": per, "rank": r if ranked else 0,
                         "group_size": g if ranked else 0, "rating": rating})
    return pd.DataFrame(rows)


def findings(n_cadres):
    f = [{"id": f"F{c}", "cadre_id": f"C{c:04d}", "date": D(2016, 6, 1), "source": "qualitative",
          "standard": "work_style", "classification": "not_acting", "severity": "serious"}
         for c in range(0, n_cadres, 9)]
    f += [{"id": f"FU{u}", "unit_id": f"U{u:03d}", "date": D(2016, 3, 1), "source": "qualitative",
           "standard": "discipline", "classification": "other", "severity": "moderate"}
          for u in range(0, n_cadres // 4, 5)]
    # cadres with findings and no records
    f += [{"id": f"FX{k}", "cadre_id": f"X{k}", "date": D(2016, 9, 1), "source": "qualitative",
           "standard": "ability", "classification": "lack_of_ability", "severity": "minor"}
          for k in range(2)]
    return pd.DataFrame(f)


AUDIT_FINDINGS = pd.DataFrame([
    {"unit_id": "U002", "leader_id": "C0009", "date": D(2016, 4, 1), "kind": "departure", "finding": "serious"},
    {"unit_id": "U010", "leader_id": None, "date": D(2016, 5, 1), "kind": "in_term", "finding": "referred"},
])


# --- the cluster ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def test_cluster_is_two_processes(client):
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    pids = set(client.run(lambda: __import__("os").getpid()).values())
    assert len(pids) == 2 and pids.isdisjoint({__import__("os").getpid()})


def test_objects_arrive_identical_in_a_worker(client, layered):
    cal = cadrekit.WorkCalendar.china().with_csv("date,is_off_day,name\n2027-01-01,true,元旦\n")
    case = assessment.DisposalCase("D9", "C1")
    case.advance("motion", D(2016, 8, 1), "dept")
    for obj, view in [(layered, policy_view), (cadrekit.Policy.default(), policy_view),
                      (cal, calendar_view), (case, lambda c: c.to_json())]:
        assert client.submit(view, obj, pure=False).result() == view(obj)


# --- screening -----------------------------------------------------------------------------

def whole_screen(ddf, **kw):
    whole = ddf.compute()
    if whole.index.name == "cadre_id":
        whole = whole.reset_index()
    return assessment.screen(whole.reset_index(drop=True), as_of=AS_OF, as_frame=True, **kw)


@pytest.mark.parametrize("explain", [False, True])
def test_screen_equals_one_process(client, layered, explain):
    recs = records(90, seed=3)
    # Four partitions of whole cadres (23 cadres, 161 rows each), in order, not indexed.
    ddf = dd.from_pandas(recs, chunksize=7 * 23, sort=False)
    assert ddf.npartitions == 4
    kw = dict(policy=layered, explain=explain, findings=findings(90), audit_findings=AUDIT_FINDINGS)
    got = ckd.screen(ddf, as_of=AS_OF, **kw).compute()
    want = whole_screen(ddf, **kw)
    assert len(want) > 20 and set(want["rule_id"]) >= {"annual_bottom", "qualitative_conduct"}
    assert {"X0", "X1"} <= set(want["cadre_id"])          # findings without records
    assert max(max(r) for r in want["records"] if len(r)) > 200  # positions in the whole table
    pd.testing.assert_frame_equal(got, want)
    # The county's profile travelled: a bottom of 20 % instead of 10 % fires more often.
    default = whole_screen(ddf, explain=False)
    assert (want["rule_id"] == "annual_bottom").sum() > (default["rule_id"] == "annual_bottom").sum()


def test_screen_indexed_by_cadre_and_shuffled(client):
    recs = records(60, seed=4).sample(frac=1.0, random_state=1)  # rows in any order
    policy = cadrekit.Policy.default()
    by_index = dd.from_pandas(recs.set_index("cadre_id"), npartitions=3)  # sorted, divisions known
    assert by_index.known_divisions
    got = ckd.screen(by_index, as_of=AS_OF, policy=policy, explain=True).compute()
    pd.testing.assert_frame_equal(got, whole_screen(by_index, policy=policy, explain=True))
    # Hash-partitioned: every cadre in one partition, partitions not in order of cadre.
    shuffled = dd.from_pandas(recs, npartitions=3).shuffle("cadre_id", npartitions=3)
    got = ckd.screen(shuffled, as_of=AS_OF, policy=policy).compute()
    want = whole_screen(shuffled, policy=policy, explain=False)
    key = ["cadre_id", "rule_id"]
    pd.testing.assert_frame_equal(got.sort_values(key).reset_index(drop=True),
                                  want.sort_values(key).reset_index(drop=True))


def test_a_cadre_split_between_partitions_is_an_error_naming_the_key(client):
    recs = records(12, seed=5, bad=True)  # every cadre fires; row 40 is inside C0005
    split = dd.concat([dd.from_pandas(recs.iloc[:40], npartitions=1),
                       dd.from_pandas(recs.iloc[40:], npartitions=1)])
    with pytest.raises(cadrekit.InvalidInput) as e:
        ckd.screen(split, as_of=AS_OF).compute()
    assert e.value.field == "cadre_id"
    assert e.value.record == "partitions 0 and 1"
    assert "1 value of cadre_id" in str(e.value) and "set_index('cadre_id')" in str(e.value)
    with pytest.raises(cadrekit.InvalidInput) as e:
        ckd.check_partitioned(split, "cadre_id")
    assert (e.value.field, e.value.record) == ("cadre_id", "partitions 0 and 1")
    # Whole cadres in partitions whose ranges overlap (found by the hashes): no error.
    interleaved = dd.concat([dd.from_pandas(x, npartitions=1) for x in
                             (recs[recs["cadre_id"].isin(["C0000", "C0005"])],
                              recs[~recs["cadre_id"].isin(["C0000", "C0005"])])])
    assert ckd.check_partitioned(interleaved, "cadre_id") is None
    got = ckd.screen(interleaved, as_of=AS_OF).compute()
    want = whole_screen(interleaved, explain=False)
    assert {"C0000", "C0005"} <= set(want["cadre_id"])
    key = ["cadre_id", "rule_id"]
    pd.testing.assert_frame_equal(got.sort_values(key).reset_index(drop=True),
                                  want.sort_values(key).reset_index(drop=True))


def test_plain_map_partitions_as_docs_scale_shows_it(client):
    recs = records(30, seed=9, bad=True)
    ddf = dd.from_pandas(recs, chunksize=7 * 10, sort=False)
    assert ckd.check_partitioned(ddf, "cadre_id") is None
    hits = ddf.map_partitions(partitions.screen, as_of=AS_OF, policy=cadrekit.Policy.default(),
                              meta=partitions.screen(ddf._meta, as_of=AS_OF)).compute()
    want = ckd.screen(ddf, as_of=AS_OF).compute()
    assert len(want) >= 30
    cols = [c for c in want.columns if c != "records"]  # positions count within each partition
    pd.testing.assert_frame_equal(hits.reset_index(drop=True)[cols], want.reset_index(drop=True)[cols])
    assert hits["records"].tolist() != want["records"].tolist()


def test_worker_error_names_field_record_and_partition(client):
    recs = records(12, seed=6)
    recs.loc[recs.index[-3], "rating"] = "splendid"
    ddf = dd.from_pandas(recs, npartitions=3, sort=False)
    with pytest.raises(cadrekit.InvalidInput) as e:
        ckd.screen(ddf, as_of=AS_OF).compute()
    assert e.value.field == "rating"
    assert e.value.partition == 2
    assert any("partition 2" in n for n in getattr(e.value, "__notes__", []))
    # Findings are checked where they are, with the natural call's record names.
    bad = findings(12)
    bad.loc[1, "severity"] = "dreadful"
    with pytest.raises(cadrekit.InvalidInput) as e:
        ckd.screen(ddf, as_of=AS_OF, findings=bad)
    assert e.value.record == "findings[1]"


# --- tiering, team structure, the pay sheet ---------------------------------------------------

def units(n, seed=0):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({"unit_id": [f"U{i:04d}" for i in range(n)],
                       "budget": rng.integers(0, 9_000_000, n)})
    for f in audit.FACTORS:
        df[f] = (rng.integers(0, 4, n) == 0).astype(np.int8)
    return df


@pytest.mark.parametrize("explain", [False, True])
def test_tier_equals_one_process(client, explain):
    df = units(200, seed=1)
    ddf = dd.from_pandas(df, npartitions=3)
    got = ckd.tier(ddf, as_of=AS_OF, explain=explain)
    assert got.divisions == ddf.divisions
    got = got.compute()
    want = audit.tier(df, as_of=AS_OF, explain=explain)
    assert set(want["level"]) == {1, 2, 3}
    pd.testing.assert_frame_equal(got, want)


def members(n_teams, seed=0):
    rng = np.random.default_rng(seed)
    rows = []
    for t in range(n_teams):
        for k in range(int(rng.integers(3, 8))):
            rows.append({"team_id": f"T{t:03d}", "cadre_id": f"M{t:03d}{k}", "sex": int(rng.integers(1, 3)),
                         "birth_date": D(int(rng.integers(1960, 1990)), 1 + int(rng.integers(0, 12)), 15),
                         "ethnicity": "02" if rng.integers(0, 4) == 0 else "01",
                         "political_status": "13" if rng.integers(0, 8) == 0 else "01"})
    return pd.DataFrame(rows)


CANDIDATES = pd.DataFrame([
    {"cadre_id": "K1", "sex": 2, "birth_date": D(1984, 3, 1), "ethnicity": "01", "political_status": "01",
     "rank": "fu_ke", "rank_since": D(2010, 1, 1), "civil_servant": True},
    {"cadre_id": "K2", "sex": 1, "birth_date": D(1986, 5, 1), "ethnicity": "02", "political_status": "13",
     "rank": "fu_ke", "rank_since": D(2012, 1, 1), "civil_servant": True},
])


@pytest.mark.parametrize("explain", [False, True])
def test_team_structure_equals_one_process(client, explain):
    df = members(40, seed=2)
    case = assessment.DisposalCase("D1", "K2")
    case.advance("motion", D(2016, 8, 1), "dept")
    kw = dict(candidates=CANDIDATES, assessments=[], disposal_cases=[case], explain=explain)
    ddf = dd.from_pandas(df.set_index("team_id"), npartitions=3)
    got = ckd.team_structure(ddf, as_of=AS_OF, **kw).compute()
    want = talent.team_structure(ddf.compute().reset_index(), as_of=AS_OF, as_frame=True, **kw)
    assert any(len(g) for g in want["gaps"])
    pd.testing.assert_frame_equal(got, want)
    # Unindexed, in order of team id: checked, same answer.
    thirds = np.array_split(df["team_id"].unique(), 3)
    flat = dd.concat([dd.from_pandas(df[df["team_id"].isin(t)], npartitions=1) for t in thirds])
    pd.testing.assert_frame_equal(ckd.team_structure(flat, as_of=AS_OF, **kw).compute(),
                                  talent.team_structure(df, as_of=AS_OF, as_frame=True, **kw))
    # A team split between partitions (every team has at least three members).
    split = dd.concat([dd.from_pandas(p, npartitions=1) for p in (df.iloc[:1], df.iloc[1:])])
    with pytest.raises(cadrekit.InvalidInput) as e:
        ckd.team_structure(split, as_of=AS_OF).compute()
    assert (e.value.field, e.value.record) == ("team_id", "partitions 0 and 1")


def county(c, rng, towns=3, per=4):
    v, p, s = [], [], []
    for t in range(towns):
        for k in range(per):
            vid = f"V{c}{t}{k}"
            v.append({"village_id": vid, "name": "-", "township": f"T{c}{t}", "county": f"B{c}",
                      "population": int(rng.integers(300, 3000))})
            for post in ("secretary", "director"):
                p.append({"cadre_id": f"P{vid}{post[0]}", "name": "-", "village_id": vid, "post": post,
                          "served_from": D(2012, 1, 1) if k else D(2016, 3, 15), "served_to": None})
            for per_ in ("2016Q1", "2016Q2", "2016Q3", "2016Q4", "2016"):
                if not (k == 2 and per_ == "2016Q3"):
                    s.append({"village_id": vid, "period": per_, "score": str(int(rng.integers(60, 100)))})
    return v, p, s


@pytest.mark.parametrize("explain", [False, True])
def test_pay_sheet_equals_one_process(client, explain):
    rng = np.random.default_rng(5)
    v, p, s = [], [], []
    for c in range(4):
        a, b, d = county(c, rng)
        v += a
        p += b
        s += d
    v, p, s = pd.DataFrame(v), pd.DataFrame(p), pd.DataFrame(s)
    ddf = dd.from_pandas(v.set_index("county"), npartitions=2)  # by county
    got = ckd.pay_sheet(ddf, p, s, year=2016, explain=explain).compute()
    sheet = village.pay_sheet(v, p, s, year=2016, explain=explain)
    want = sheet.to_pandas()
    if explain:
        want["explanation"] = sheet.explanations()
    assert set(want["grade"]) >= {"excellent", "basic", "unqualified", "not_graded"}
    assert set(want["grade_zh"]) >= {"优秀", "基本合格", "不合格", "未评定"}
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want)
    # A township in two partitions, and a principal of a village in none.
    split = dd.concat([dd.from_pandas(x, npartitions=1) for x in (v.iloc[:2], v.iloc[2:])])
    with pytest.raises(cadrekit.InvalidInput) as e:
        ckd.pay_sheet(split, p, s, year=2016).compute()
    assert e.value.field == "township"
    lost = pd.concat([p, pd.DataFrame([{"cadre_id": "PZ", "name": "-", "village_id": "nowhere",
                                        "post": "director", "served_from": D(2012, 1, 1)}])],
                     ignore_index=True)
    with pytest.raises(cadrekit.InvalidInput) as e:
        ckd.pay_sheet(ddf, lost, s, year=2016).compute()
    assert (e.value.field, e.value.record) == ("village_id", "PZ")


def test_pay_sheet_refuses_as_one_process_does(client):
    # A principal's village id with a NUL was in no partition, "principal of an unknown
    # village", where one process refuses the NUL; and of a lost principal and a lost score, the
    # one process names the score first.
    v, p, s = (pd.DataFrame(x) for x in county(0, np.random.default_rng(6)))

    def both(vv, pp, ss):
        ddf = dd.from_pandas(vv.set_index("county"), npartitions=1)
        errors = []
        for call in (lambda: ckd.pay_sheet(ddf, pp, ss, year=2016).compute(),
                     lambda: village.pay_sheet(vv, pp, ss, year=2016)):
            with pytest.raises(cadrekit.InvalidInput) as e:
                call()
            errors.append((e.value.field, e.value.message, e.value.record))
        assert errors[0] == errors[1]
        return errors[0]
    nul = p.astype(object)
    nul.loc[5, "village_id"] = "a\x00b"
    assert both(v, nul, s) == ("village_id", "NUL character in text", "principals[5]")
    gone = v.assign(village_id=v["village_id"].where(v.index != 3, "V999"))
    assert both(gone, p, s)[1] == "score of an unknown village"


# --- the same partition functions as a Spark pandas UDF would run them ----------------------

def test_partition_functions_by_group_as_apply_in_pandas():
    """applyInPandas: one call per group of whole cadres (here a hash bucket of the cadre id)."""
    recs = records(40, seed=8)
    bucket = recs["cadre_id"].map(lambda c: int(c[1:]) * 7 % 5)
    got = pd.concat([partitions.screen(g.drop(columns="bucket"), as_of=AS_OF)
                     for _, g in recs.assign(bucket=bucket).groupby("bucket")], ignore_index=True)
    want = assessment.screen(recs, as_of=AS_OF, explain=False, as_frame=True)
    key = ["cadre_id", "rule_id"]
    cols = [c for c in want.columns if c != "records"]  # positions count within each group
    pd.testing.assert_frame_equal(got.sort_values(key).reset_index(drop=True)[cols],
                                  want.sort_values(key).reset_index(drop=True)[cols])


# --- the example, small ----------------------------------------------------------------------

def test_example_province_runs_small(client):
    """The example as a user runs it (a script), small, on this module's cluster, with its check
    against the natural calls in one process."""
    out = subprocess.run([sys.executable, str(ROOT / "examples" / "python" / "dask_province.py"),
                          "--rows", "5000", "--partitions", "4", "--check",
                          "--scheduler", client.scheduler.address],
                         capture_output=True, text=True, env=_env(), timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "the same answers as the natural calls in one process" in out.stdout
    assert "5,000 assessment records in 4 partitions on 2 workers" in out.stdout
