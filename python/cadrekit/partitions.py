"""The natural DataFrame calls on one part of a table, for engines that split tables into parts.

Each function takes pandas DataFrames holding **whole keys** — every row of each cadre
(screening), of each team (team structure), of each township (the pay sheet) — and returns a
pandas DataFrame: the rows the natural call gives for those keys, whatever else the whole table
holds. They are what :mod:`cadrekit.dask` runs on each partition, and what a Spark job runs as
a pandas UDF (``mapInPandas`` / ``applyInPandas``; docs/scale.md). Tiering needs no key: any
split of the units gives the same rows.

Nothing here imports Dask or Spark. Options are keywords (``as_of``, ``policy``, ``explain``);
``explain`` is off unless asked for. Every call goes through the public calls of
:mod:`cadrekit.assessment`, :mod:`cadrekit.audit`, :mod:`cadrekit.village` and
:mod:`cadrekit.talent`, with their checks and their errors.
"""
from __future__ import annotations

import datetime as _dt
import inspect as _inspect
import re as _re
from typing import Any, Dict, List, Optional, Sequence

from ._core import Explanation as _Explanation
from ._core import Policy as _Policy

__all__ = ["screen", "tier", "pay_sheet", "team_structure", "KEYS"]

#: The columns whose rows a rule needs together, per call: no value of these may be split
#: between two parts (the pay sheet's village ids must also not repeat in two parts).
KEYS = {
    "screen": ("cadre_id",),
    "tier": (),
    "pay_sheet": ("township", "village_id"),
    "team_structure": ("team_id",),
}


def _frame(result: Any, explain: bool = False) -> Any:
    """The natural call's result as a DataFrame: a DataFrame as it is, a list of records as a
    DataFrame, a result object by its ``to_pandas()`` (with its ``explanations()`` as a column
    ``explanation`` when asked for)."""
    import pandas as pd

    if isinstance(result, pd.DataFrame):
        return result
    if hasattr(result, "to_pandas"):
        out = result.to_pandas()
        if explain and "explanation" not in out.columns and hasattr(result, "explanations"):
            out["explanation"] = pd.Series(result.explanations(), index=out.index, dtype=object)
        return out
    return pd.DataFrame(list(result))


def _frame_kwargs(fn: Any) -> Dict[str, Any]:
    """``as_frame=True`` for a call that has that keyword (a DataFrame back either way)."""
    try:
        return {"as_frame": True} if "as_frame" in _inspect.signature(fn).parameters else {}
    except (TypeError, ValueError):
        return {}


def _with_key_column(df: Any, key: str) -> Any:
    """``df`` with ``key`` as a column: a frame indexed by the key (``set_index(key)``, as Dask
    partitions by a key) has it moved back into the columns the natural calls read."""
    if key not in df.columns and df.index.name == key:
        return df.reset_index()
    return df


_NUMBERED = _re.compile(r"^(records|findings)\[(\d+)\]")


def _renumber(ex: Any, record_offset: int, finding_positions: Optional[Sequence[int]]) -> Any:
    """An explanation whose inputs ``records[i]…`` / ``findings[j]…`` count in the whole table."""
    d = ex.to_dict()
    changed = False
    for item in d.get("inputs", ()):
        m = _NUMBERED.match(item.get("name", ""))
        if not m:
            continue
        i = int(m.group(2))
        if m.group(1) == "records":
            j = i + record_offset
        elif finding_positions is not None:
            j = int(finding_positions[i])
        else:
            continue
        if j != i:
            item["name"] = f"{m.group(1)}[{j}]" + item["name"][m.end():]
            changed = True
    return _Explanation.from_dict(d) if changed else ex


def screen(records: Any, *, as_of: _dt.date, policy: Optional[_Policy] = None,
           explain: bool = False, findings: Any = None, record_offset: int = 0,
           finding_positions: Optional[Sequence[int]] = None) -> Any:
    """:func:`cadrekit.assessment.screen` on the records of whole cadres (every record of each
    cadre in ``records``), as a DataFrame of hits in the natural call's order and columns.

    ``findings``: the findings of these cadres and every finding of a unit only (a unit's
    finding counts for the cadres whose latest record names the unit). ``record_offset``: the
    position of the first row of ``records`` in the whole table, so that the ``records`` column
    and the explanations' ``records[i]`` count from the whole table's first row;
    ``finding_positions[j]``: the position in the whole findings table of row ``j`` of
    ``findings`` (for the explanations' ``findings[j]``). Without them positions count in the
    part."""
    from . import assessment

    records = _with_key_column(records, "cadre_id")
    kw = _frame_kwargs(assessment.screen)
    out = _frame(assessment.screen(records, findings=findings, as_of=as_of, policy=policy,
                                   explain=explain, **kw))
    return _renumber_hits(out, record_offset, finding_positions)


def _renumber_hits(out: Any, record_offset: int,
                   finding_positions: Optional[Sequence[int]] = None) -> Any:
    """Hits whose record positions (column ``records``, explanations' ``records[i]``) start at
    ``record_offset`` and whose explanations' ``findings[j]`` are ``finding_positions[j]``."""
    if not len(out) or (not record_offset and finding_positions is None):
        return out
    out = out.copy()
    if record_offset and "records" in out.columns:
        out["records"] = [[int(i) + record_offset for i in r] for r in out["records"]]
    if "explanation" in out.columns:
        out["explanation"] = [_renumber(e, record_offset, finding_positions)
                              for e in out["explanation"]]
    return out


def tier(units: Any, *, as_of: _dt.date, policy: Optional[_Policy] = None,
         explain: bool = False) -> Any:
    """:func:`cadrekit.audit.tier` on any rows of units: a DataFrame row for row with ``units``,
    with its index (so that a partition's result lines up with the partition)."""
    from . import audit

    out = _frame(audit.tier(units, as_of=as_of, policy=policy, explain=explain))
    if len(out) == len(units):
        out.index = units.index
    return out


def pay_sheet(villages: Any, principals: Any, scores: Any, *, year: int,
              policy: Optional[_Policy] = None, graded_on: Optional[_dt.date] = None,
              explain: bool = False) -> Any:
    """The lines of :func:`cadrekit.village.pay_sheet` for whole townships (every village of
    each township in ``villages``; the principals and scores of those villages), as a
    DataFrame (``PaySheet.to_pandas()``; with ``explain`` a column ``explanation``)."""
    from . import village

    villages = _with_key_column(_with_key_column(villages, "township"), "village_id")
    sheet = village.pay_sheet(villages, principals, scores, year=year, policy=policy,
                              graded_on=graded_on, explain=explain)
    return _frame(sheet, explain)


def _team_columns(policy: Optional[_Policy], as_of: _dt.date, explain: bool) -> List[str]:
    """The columns of team_structure's rows, from a call on a team of one (an empty input gives
    a frame without columns)."""
    from . import talent

    one = [{"team_id": "t", "cadre_id": "c", "sex": 1, "birth_date": _dt.date(1970, 1, 1),
            "ethnicity": "01", "political_status": "01"}]
    kw = _frame_kwargs(talent.team_structure)
    return list(_frame(talent.team_structure(one, as_of=as_of, policy=policy, explain=explain,
                                             **kw)).columns)


def team_structure(members: Any, *, as_of: _dt.date, policy: Optional[_Policy] = None,
                   candidates: Any = None, assessments: Any = None, findings: Any = None,
                   disposal_cases: Any = None, explain: bool = False) -> Any:
    """:func:`cadrekit.talent.team_structure` on the members of whole teams (every member of
    each team in ``members``), as a DataFrame of teams in order of first appearance.
    ``candidates``, ``assessments``, ``findings``, ``disposal_cases``: as for the natural call
    (the whole pool: every part gets all of it)."""
    import pandas as pd

    from . import talent

    members = _with_key_column(members, "team_id")
    kw = _frame_kwargs(talent.team_structure)
    out = _frame(talent.team_structure(members, as_of=as_of, policy=policy, candidates=candidates,
                                       assessments=assessments, findings=findings,
                                       disposal_cases=disposal_cases, explain=explain, **kw))
    if len(out) == 0 and len(out.columns) == 0:
        out = pd.DataFrame(columns=_team_columns(policy, as_of, explain))
    return out
