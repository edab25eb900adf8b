"""cadrekit inside Dask: the batch calls on a ``dask.dataframe``, one partition at a time.

Each helper takes a Dask DataFrame (and the small tables that go with it as pandas DataFrames),
runs the natural call on every partition (:mod:`cadrekit.partitions`) on the Dask workers, and
returns a lazy Dask DataFrame whose rows equal the natural call's on the whole table
(``.compute()`` it, or write it out). docs/scale.md says how to partition and what it costs.

- :func:`screen` — red lines (:func:`cadrekit.assessment.screen`); every record of a cadre in
  one partition (partition by ``cadre_id``).
- :func:`tier` — audit tiering (:func:`cadrekit.audit.tier`); any partitioning.
- :func:`pay_sheet` — the village pay sheet's lines (:func:`cadrekit.village.pay_sheet`); every
  village of a township in one partition (partition by township, or by county).
- :func:`team_structure` — leadership-team structure (:func:`cadrekit.talent.team_structure`);
  every member of a team in one partition (partition by ``team_id``).
- :func:`check_partitioned` — the check the helpers make, for your own ``map_partitions``.

A helper never gives a silently different answer: when the rows of one key are in two
partitions, computing its result raises ``cadrekit.InvalidInput`` naming the key (``.field``)
and two of the partitions (``.record``). The check costs one pass over each partition's distinct
keys, in the task that computes the partition; a frame indexed by the key with known divisions
(``ddf.set_index("cadre_id")``) is known to be partitioned by it and is not checked again.
Errors raised on a worker come back with the partition named in a note.

This module is optional: ``import cadrekit`` never imports Dask; importing ``cadrekit.dask``
without Dask installed raises ImportError naming the Debian package (``python3-dask``).
"""
from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

try:
    import dask as _dask
    import dask.dataframe as _dd
except ImportError as _e:  # pragma: no cover - exercised in a subprocess without Dask
    raise ImportError(
        "cadrekit.dask needs Dask, which is not installed: on Debian `apt-get install "
        "python3-dask` (and python3-distributed for a cluster such as LocalCluster)") from _e

import numpy as _np
import pandas as _pd

from . import _frames
from . import partitions as _parts
from . import village as _village
from ._core import Error as _Error
from ._core import InvalidInput as _InvalidInput
from ._core import Policy as _Policy

__all__ = ["screen", "tier", "pay_sheet", "team_structure", "check_partitioned"]


# --- keys: which partitions hold which values ----------------------------------------------

_HASH_KEYS = ("cadrekit.dask.k1", "cadrekit.dask.k2")  # two 64-bit hashes: 128 bits a value


def _key_values(part: Any, key: str) -> Any:
    """The column ``key`` of a partition (or its index, when the frame is indexed by the key)."""
    if key in part.columns:
        return part[key]
    if part.index.name == key:
        return part.index.to_series()
    raise _frames.invalid("column is missing", key)


def _key_summary(values: Any) -> Dict[str, Any]:
    """What the check needs of one partition's keys: their number, least and greatest value
    (None when they do not compare) and two 64-bit hashes of each distinct value."""
    vals = _np.asarray(_pd.unique(_pd.Series(values).dropna()))
    lo = hi = None
    if len(vals):
        try:
            lo, hi = vals.min(), vals.max()
        except TypeError:  # values of types that do not compare with each other
            lo = hi = None
    hashes = [_pd.util.hash_array(vals, hash_key=k, categorize=False) for k in _HASH_KEYS]
    return {"n": len(vals), "lo": lo, "hi": hi, "h1": hashes[0], "h2": hashes[1]}


def _lower_bound(t: Tuple[Any, ...]) -> Any:
    return t[1]["lo"]


def _split_key(summaries: Sequence[Dict[str, Any]]) -> Optional[Tuple[Any, ...]]:
    """(first partition, second partition, number of values) of the values of a key found in
    more than one partition, or None. Partitions whose ranges of keys do not overlap need no
    more than their least and greatest values; otherwise the hashes of the values are compared."""
    parts = [(i, s) for i, s in enumerate(summaries) if s["n"]]
    if len(parts) < 2:
        return None
    if all(s["lo"] is not None for _, s in parts):
        try:
            ordered = sorted(parts, key=_lower_bound)
            if all(a[1]["hi"] < b[1]["lo"] for a, b in zip(ordered, ordered[1:])):
                return None
        except TypeError:
            pass
    h1 = _np.concatenate([s["h1"] for _, s in parts])
    h2 = _np.concatenate([s["h2"] for _, s in parts])
    pid = _np.concatenate([_np.full(s["n"], i, dtype=_np.int64) for i, s in parts])
    order = _np.lexsort((h2, h1))
    h1, h2, pid = h1[order], h2[order], pid[order]
    same = (h1[1:] == h1[:-1]) & (h2[1:] == h2[:-1])
    if not same.any():
        return None
    first = int(_np.flatnonzero(same)[0])
    # each run of equal hashes is one value found in (run length) partitions
    values = int(same.sum() - (same[1:] & same[:-1]).sum())
    a, b = sorted((int(pid[first]), int(pid[first + 1])))
    return a, b, values


def _split_error(key: str, where: Tuple[Any, ...], what: str) -> _InvalidInput:
    a, b, n = where
    return _frames.invalid(
        f"the rows of one {key} are in partitions {a} and {b} ({n} value{'s' if n != 1 else ''} "
        f"of {key} in more than one partition); {what} needs all the rows of a {key} in one "
        f"partition: partition by {key}, e.g. ddf.set_index({key!r}) or ddf.shuffle({key!r}) "
        f"(docs/scale.md)", key, f"partitions {a} and {b}")


def _partitioned_by_index(ddf: Any, key: str) -> bool:
    """True when Dask knows every value of ``key`` is in one partition: the frame is indexed by
    it with known divisions, increasing (the last partition includes its upper bound)."""
    if ddf.index.name != key or not ddf.known_divisions:
        return False
    d = ddf.divisions
    try:
        return all(a < b for a, b in zip(d[:-2], d[1:-1])) and d[-2] <= d[-1]
    except TypeError:
        return False


def check_partitioned(ddf: Any, key: str, *, what: str = "this call") -> None:
    """Raises ``cadrekit.InvalidInput`` (field ``key``, record ``partitions A and B``) when the
    rows of one value of ``key`` are in more than one partition of ``ddf``; computes the
    partitions' distinct keys (not their rows' results) to find out. For your own
    ``map_partitions`` over a rule that needs a key's rows together."""
    if _partitioned_by_index(ddf, key):
        return
    sums = [_dask.delayed(_part_key_summary)(p, key) for p in ddf.to_delayed()]
    where = _dask.delayed(_split_key)(sums).compute()
    if where is not None:
        raise _split_error(key, where, what)


def _part_key_summary(part: Any, key: str) -> Dict[str, Any]:
    return _key_summary(_key_values(part, key))


# --- the staged graph: each partition once, a small reduction, then the results --------------

def _noted(e: BaseException, i: Any) -> BaseException:
    """A cadrekit error from partition ``i``, with a note saying so (its record counts rows from
    the partition's first row)."""
    if isinstance(e, _Error) and getattr(e, "partition", None) is None:
        setattr(e, "partition", i)
        if hasattr(e, "add_note"):
            e.add_note(f"in partition {i} of the Dask DataFrame (row numbers count from the "
                       f"partition's first row)")
    return e


def _stage(part: Any, i: int, fn: Callable[..., Any], keys: Sequence[str], check: Sequence[str],
           kwargs: Dict[str, Any]) -> Tuple[Any, ...]:
    """Runs ``fn`` on a partition: (result frame, summary for the reduction)."""
    try:
        out, extra = fn(part, **kwargs)
    except _Error as e:
        raise _noted(e, i)
    summary = {"rows": len(part), "out": len(out), "extra": extra,
               "keys": {k: _key_summary(_key_values(part, k)) for k in keys if k in check}}
    return out, summary


def _reduce(summaries: List[Dict[str, Any]], keys: Sequence[str], check: Sequence[str],
            what: str, tail: Optional[Callable[..., Any]] = None, tail_kwargs: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Checks the keys, then gives each partition the position of its first row and first result
    row in the whole table. ``tail`` checks what is helper-specific (and may add to the result)."""
    for k in keys:
        if k in check:
            where = _split_key([s["keys"][k] for s in summaries])
            if where is not None:
                raise _split_error(k, where, what)
    rows = _np.cumsum([0] + [s["rows"] for s in summaries])
    outs = _np.cumsum([0] + [s["out"] for s in summaries])
    reduced = {"row_offsets": [int(x) for x in rows], "out_offsets": [int(x) for x in outs]}
    if tail is not None:
        reduced.update(tail([s["extra"] for s in summaries], **(tail_kwargs or {})))
    return reduced


def _finish(staged: Tuple[Any, ...], reduced: Dict[str, Any], i: int, renumber: bool) -> Any:
    """A partition's result with the index of its rows in the whole result (0, 1, … as the
    natural call numbers them) and, for screening, record positions in the whole table."""
    out = staged[0]
    if renumber:
        out = _parts._renumber_hits(out, reduced["row_offsets"][i])
    start = reduced["out_offsets"][i]
    out = out.copy(deep=False) if out is staged[0] else out
    out.index = _pd.RangeIndex(start, start + len(out))
    return out


def _staged(ddf: Any, fn: Callable[..., Any], kwargs: Dict[str, Any], keys: Sequence[str], what: str,
            meta: Any, *, renumber: bool = False, tail: Optional[Callable[..., Any]] = None,
            tail_kwargs: Optional[Dict[str, Any]] = None, last: Optional[Callable[..., Any]] = None,
            last_args: Tuple[Any, ...] = ()) -> Any:
    check = [k for k in keys if not _partitioned_by_index(ddf, k)]
    parts = ddf.to_delayed()
    staged = [_dask.delayed(_stage, pure=True)(p, i, fn, keys, check, kwargs)
              for i, p in enumerate(parts)]
    reduced = _dask.delayed(_reduce, pure=True)([s[1] for s in staged], keys, check, what,
                                                tail, tail_kwargs)
    outs = [_dask.delayed(_finish, pure=True)(s, reduced, i, renumber)
            for i, s in enumerate(staged)]
    if last is not None:
        outs.append(_dask.delayed(last, pure=True)(reduced, len(parts), *last_args))
    return _dd.from_delayed(outs, meta=meta, verify_meta=False)


def _broadcast(obj: Any) -> Any:
    """One copy of an object every partition reads (sent to each worker once, not per task)."""
    return None if obj is None else _dask.delayed(obj, pure=True)


def _require_dask_frame(ddf: Any, name: str) -> None:
    if not isinstance(ddf, _dd.DataFrame):
        raise TypeError(f"{name} must be a dask.dataframe.DataFrame (dask.dataframe.from_pandas, "
                        f"read_parquet, …), not {type(ddf).__name__}")


def _small_frame(obj: Any, name: str) -> Any:
    """A table every partition needs, as a pandas DataFrame (None stays None)."""
    if obj is None:
        return None
    if isinstance(obj, _dd.DataFrame):
        raise TypeError(f"{name} goes to every partition whole: pass a pandas DataFrame "
                        f"({name}.compute()), not a Dask DataFrame")
    if isinstance(obj, _pd.DataFrame):
        return obj
    return _pd.DataFrame.from_records(list(obj))


def _missing_text(values: Any) -> Any:
    """Values as text for matching keys across tables (None where missing or empty)."""
    def text(v: Any) -> Any:
        if isinstance(v, str):
            return v or None
        return None if v is None or _pd.isna(v) else str(v)

    return _np.array([text(v) for v in _pd.Series(values, dtype=object).tolist()], dtype=object)


# --- screening -----------------------------------------------------------------------------

def _screen_part(part: Any, *, as_of: _dt.date, policy: Optional[_Policy], explain: bool,
                 findings: Optional[List[Any]], finding_cadres: Any) -> Tuple[Any, ...]:
    if findings is None:
        return _parts.screen(part, as_of=as_of, policy=policy, explain=explain), None
    cadres = _missing_text(_pd.unique(_key_values(part, "cadre_id").to_numpy()))
    unit_only = _pd.isna(finding_cadres)
    mine = _np.isin(finding_cadres.astype(str), cadres[_pd.notna(cadres)].astype(str)) & ~unit_only
    take = _np.flatnonzero(mine | unit_only)
    out = _parts.screen(part, as_of=as_of, policy=policy, explain=explain,
                        findings=[findings[j] for j in take], finding_positions=take.tolist())
    return out, mine


def _screen_tail(extras: List[Any]) -> Dict[str, Any]:
    masks = [m for m in extras if m is not None]
    if not masks:
        return {"orphans": None}
    return {"orphans": _np.flatnonzero(~_np.logical_or.reduce(masks))}


def _screen_orphans(reduced: Dict[str, Any], n: int, empty: Any, as_of: _dt.date, policy: Optional[_Policy],
                    explain: bool, findings: Optional[List[Any]]) -> Any:
    """The hits of cadres who have findings and no records (in no partition): the last part."""
    orphans = reduced.get("orphans")
    if findings is None or orphans is None or not len(orphans):
        out = _parts.screen(empty, as_of=as_of, policy=policy, explain=explain)
    else:
        out = _parts.screen(empty, as_of=as_of, policy=policy, explain=explain,
                            findings=[findings[j] for j in orphans], finding_positions=orphans)
    start = reduced["out_offsets"][n]
    out = out.copy(deep=False)
    out.index = _pd.RangeIndex(start, start + len(out))
    return out


def screen(records: Any, *, as_of: _dt.date, policy: Optional[_Policy] = None,
           explain: bool = False, findings: Any = None, audit_findings: Any = None) -> Any:
    """:func:`cadrekit.assessment.screen` on a Dask DataFrame of assessment records: a Dask
    DataFrame of the hits, in the natural call's columns.

    Every record of a cadre must be in one partition (streaks run over a cadre's years):
    partition by ``cadre_id`` (``records.set_index("cadre_id")``, ``records.shuffle("cadre_id")``,
    or files written per range of cadre ids). ``findings`` / ``audit_findings``: pandas
    DataFrames or lists of dicts, as the natural call takes them; they are checked here first
    (errors name their rows as the natural call does), then each partition gets the findings of
    its cadres and every finding of a unit only.

    The rows equal the natural call's on ``records.compute()`` (the index too: 0, 1, …): each
    partition's hits in order of cadre and rule, partition after partition (so in the natural
    call's order when the partitions are in order of cadre id, as after ``set_index``), then the
    hits of cadres who have findings and no records; the ``records`` column and the
    explanations count rows in the whole table."""
    from . import assessment

    _require_dask_frame(records, "records")
    empty = records._meta
    combined = None
    cadre_of = None
    if findings is not None or audit_findings is not None:
        # The natural call checks them once, naming rows as it does on one process.
        assessment.screen(_parts._with_key_column(empty, "cadre_id"), findings=findings,
                          audit_findings=audit_findings, as_of=as_of, policy=policy, explain=False)
        combined = [] if findings is None else _small_frame(findings, "findings").to_dict("records")
        if audit_findings is not None:
            combined += assessment.findings_from_audit(_small_frame(audit_findings, "audit_findings"))
        cadre_of = _missing_text([f.get("cadre_id") for f in combined])
    kwargs = {"as_of": as_of, "policy": _broadcast(policy), "explain": bool(explain),
              "findings": _broadcast(combined), "finding_cadres": _broadcast(cadre_of)}
    meta = _parts.screen(empty, as_of=as_of, policy=policy, explain=explain).iloc[:0]
    return _staged(records, _screen_part, kwargs, _parts.KEYS["screen"], "screening", meta,
                   renumber=True, tail=_screen_tail, last=_screen_orphans,
                   last_args=(empty, as_of, kwargs["policy"], bool(explain), kwargs["findings"]))


# --- tiering -------------------------------------------------------------------------------

def _tier_part(part: Any, *, as_of: _dt.date, policy: Optional[_Policy], explain: bool,
               partition_info: Optional[Dict[str, Any]] = None) -> Any:
    try:
        return _parts.tier(part, as_of=as_of, policy=policy, explain=explain)
    except _Error as e:
        raise _noted(e, (partition_info or {}).get("number", "?"))


def tier(units: Any, *, as_of: _dt.date, policy: Optional[_Policy] = None,
         explain: bool = False) -> Any:
    """:func:`cadrekit.audit.tier` on a Dask DataFrame of units (``ddf.map_partitions``): a Dask
    DataFrame row for row with ``units`` (same index and divisions), equal to the natural call's
    on ``units.compute()``. A unit's tier needs only its own row: any partitioning will do."""
    _require_dask_frame(units, "units")
    meta = _parts.tier(units._meta, as_of=as_of, policy=policy, explain=explain)
    return units.map_partitions(_tier_part, as_of=as_of, policy=_broadcast(policy),
                                explain=bool(explain), meta=meta)


# --- the pay sheet -------------------------------------------------------------------------

def _pay_part(part: Any, *, year: int, policy: Optional[_Policy], graded_on: Optional[_dt.date],
              explain: bool, principals: Any, scores: Any, principal_villages: Any,
              score_villages: Any) -> Tuple[Any, ...]:
    vids = _missing_text(_pd.unique(_key_values(part, "village_id").to_numpy()))
    vids = vids[_pd.notna(vids)].astype(str)
    p_mask = _np.isin(principal_villages.astype(str), vids)
    s_mask = _np.isin(score_villages.astype(str), vids)
    out = _parts.pay_sheet(part, principals[p_mask], scores[s_mask], year=year, policy=policy,
                           graded_on=graded_on, explain=explain)
    return out, (p_mask, s_mask)


def _pay_tail(extras: List[Any], principals: Any, scores: Any) -> Dict[str, Any]:
    """A principal or a score of a village that is in no partition: the natural call's error (it
    reads the scores' villages before the principals')."""
    if extras:
        for n, table in ((1, scores), (0, principals)):
            found = _np.logical_or.reduce([x[n] for x in extras])
            lost = _np.flatnonzero(~found)
            if len(lost):
                i = int(lost[0])
                if n == 0:
                    rec = str(table["cadre_id"].iloc[i]) if "cadre_id" in table.columns else f"principals[{i}]"
                    msg = "principal of an unknown village"
                else:
                    rec = f"scores[{i}]"
                    msg = "score of an unknown village"
                raise _frames.invalid(msg, "village_id", rec)
    return {}


def pay_sheet(villages: Any, principals: Any, scores: Any, *, year: int,
              policy: Optional[_Policy] = None, graded_on: Optional[_dt.date] = None,
              explain: bool = False) -> Any:
    """The lines of :func:`cadrekit.village.pay_sheet` (``PaySheet.to_pandas()``, with
    ``explain`` a column ``explanation``) from a Dask DataFrame of villages, partitioned so that
    every village of a township is in one partition (by township, or by county: villages are
    graded within their township). ``principals`` and ``scores``: pandas DataFrames (or lists of
    dicts) of the whole table; each partition takes those of its villages. A principal or score
    of a village in no partition, a township or a village id in two partitions raise
    ``cadrekit.InvalidInput``. Lines come partition after partition, each partition's in the
    order of ``principals``; they equal the natural call's on the whole tables."""
    _require_dask_frame(villages, "villages")
    principals = _small_frame(principals, "principals")
    scores = _small_frame(scores, "scores")
    if principals is None:
        principals = _pd.DataFrame(columns=["cadre_id", "village_id", "post", "served_from"])
    if scores is None:
        scores = _pd.DataFrame(columns=["village_id", "period", "score"])
    for name, table in (("principals", principals), ("scores", scores)):
        if "village_id" not in table.columns:
            raise _frames.invalid("column is missing", "village_id", name)
    # a row whose village id the natural call refuses would be in no partition, "of an unknown
    # village": refused as that call refuses it, before they are shared out
    _village._refuse_unreadable_text(principals, ("cadre_id", "name", "village_id", "post"), "principals")
    _village._refuse_unreadable_text(scores, ("village_id", "period"), "scores")
    p_b, s_b = _broadcast(principals), _broadcast(scores)
    kwargs = {"year": int(year), "policy": _broadcast(policy), "graded_on": graded_on,
              "explain": bool(explain), "principals": p_b, "scores": s_b,
              "principal_villages": _broadcast(_missing_text(principals["village_id"])),
              "score_villages": _broadcast(_missing_text(scores["village_id"]))}
    meta = _parts.pay_sheet(villages._meta, principals.iloc[:0], scores.iloc[:0], year=year,
                            policy=policy, graded_on=graded_on, explain=explain)
    return _staged(villages, _pay_part, kwargs, _parts.KEYS["pay_sheet"], "the pay sheet", meta,
                   tail=_pay_tail, tail_kwargs={"principals": p_b, "scores": s_b})


# --- team structure ------------------------------------------------------------------------

def _team_part(part: Any, **kwargs: Any) -> Tuple[Any, ...]:
    return _parts.team_structure(part, **kwargs), None


def team_structure(members: Any, *, as_of: _dt.date, policy: Optional[_Policy] = None,
                   candidates: Any = None, assessments: Any = None, findings: Any = None,
                   disposal_cases: Any = None, explain: bool = False) -> Any:
    """:func:`cadrekit.talent.team_structure` on a Dask DataFrame of team members, partitioned so
    that every member of a team is in one partition (by ``team_id``): a Dask DataFrame of teams
    equal to the natural call's on ``members.compute()``, teams in order of first appearance.
    ``candidates``, ``assessments``, ``findings`` (pandas DataFrames or lists of dicts) and
    ``disposal_cases`` go whole to every partition, as the natural call takes them."""
    _require_dask_frame(members, "members")
    kwargs = {"as_of": as_of, "policy": _broadcast(policy), "explain": bool(explain),
              "candidates": _broadcast(_small_frame(candidates, "candidates")),
              "assessments": _broadcast(_small_frame(assessments, "assessments")),
              "findings": _broadcast(_small_frame(findings, "findings")),
              "disposal_cases": _broadcast(None if disposal_cases is None else list(disposal_cases))}
    meta = _parts.team_structure(members._meta, as_of=as_of, policy=policy, explain=explain)
    return _staged(members, _team_part, kwargs, _parts.KEYS["team_structure"], "team structure",
                   meta)
