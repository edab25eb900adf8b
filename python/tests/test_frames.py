"""The private helpers every module's DataFrame front end uses (cadrekit._frames)."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest

import cadrekit
from cadrekit import _frames


def test_json_scalar_missing_values_become_none():
    for v in (None, float("nan"), np.float64("nan"), pd.NaT, np.datetime64("NaT")):
        assert _frames.json_scalar(v) is None, repr(v)


def test_json_scalar_dates_become_iso_text():
    assert _frames.json_scalar(dt.date(2016, 2, 29)) == "2016-02-29"
    assert _frames.json_scalar(dt.datetime(2016, 2, 29)) == "2016-02-29"
    assert _frames.json_scalar(pd.Timestamp("2016-02-29")) == "2016-02-29"
    # a time of day is not cut off: it is an error naming the field
    for when in (dt.datetime(2016, 2, 29, 23, 59), pd.Timestamp("2016-02-29 08:00")):
        with pytest.raises(cadrekit.InvalidInput, match="time of day") as e:
            _frames.json_scalar(when, "birth_date")
        assert e.value.field == "birth_date"


def test_json_scalar_numpy_scalars_become_python_values():
    v = _frames.json_scalar(np.int8(7))
    assert v == 7 and type(v) is int
    assert type(_frames.json_scalar(np.bool_(True))) is bool
    assert _frames.json_scalar("01") == "01"


def test_rows_and_record():
    df = pd.DataFrame({"id": ["a", "b"], "n": [1.0, float("nan")]})
    rows = _frames.rows(df)
    assert [r["id"] for r in rows] == ["a", "b"]
    assert _frames.rows(None) == []
    plain = lambda v, f: _frames.json_scalar(v)  # noqa: E731
    assert _frames.record(rows[1], ("id", "n", "absent"), plain) == {"id": "b"}
    assert _frames.record(rows[0], ("id", "n"), plain) == {"id": "a", "n": 1.0}


def test_policy_or_default():
    p = cadrekit.Policy.default()
    assert _frames.policy_or_default(None).name == p.name
    assert _frames.policy_or_default(p) is p


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_held_off_in_the_block_and_restored_after(enabled):
    import gc
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with _frames.no_cyclic_gc():
            assert not gc.isenabled()
        assert gc.isenabled() == enabled
        with pytest.raises(ValueError):
            with _frames.no_cyclic_gc():
                raise ValueError("inside")
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_screening_a_frame_leaves_the_collector_as_it_found_it():
    import gc
    df = pd.DataFrame({"cadre_id": ["C1", "C1"], "kind": ["annual", "annual"], "period": ["2015", "2016"],
                       "rank": [5, 5], "group_size": [5, 5], "rating": ["incompetent", "incompetent"]})
    assert gc.isenabled()
    hits = cadrekit.assessment.screen(df, as_of=dt.date(2016, 12, 31))
    assert len(hits) and gc.isenabled()


def test_every_public_call_takes_as_of_policy_and_explain_by_keyword():
    # One calling convention: wherever a public call of a module takes the date of evaluation,
    # the policy or the explanation flag, it takes them by keyword (docs/architecture.md).
    import inspect
    from cadrekit import assessment, audit, disclosure, talent, village
    wrong = []
    for mod in (assessment, audit, disclosure, talent, village, cadrekit):
        for name in getattr(mod, "__all__", []):
            fn = getattr(mod, name)
            if not inspect.isfunction(fn):
                continue
            for p in inspect.signature(fn).parameters.values():
                if p.name in ("as_of", "policy", "explain") and p.kind is not p.KEYWORD_ONLY:
                    wrong.append(f"{mod.__name__}.{name}({p.name})")
    assert wrong == []


def test_a_policy_given_by_position_works_for_a_release_with_a_deprecation_warning():
    from cadrekit import village
    pol = cadrekit.Policy.default()
    with pytest.warns(DeprecationWarning, match=r"selection_quota\(\): passing policy by position"):
        assert village.selection_quota(206, 2016, pol) == village.selection_quota(206, 2016, policy=pol) == 11
    with pytest.warns(DeprecationWarning, match="policy=..., other=..."):
        old = village.budget_what_if([], [], [], 2016, pol, pol)
    assert old == village.budget_what_if([], [], [], 2016, policy=pol, other=pol)
    with pytest.raises(TypeError, match="multiple values"):
        village.funnel(11, pol, policy=pol)
