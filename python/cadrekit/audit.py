"""Economic-responsibility audit (HOLINGOL, 霍林郭勒市): tiering, special funds, the multi-year
audit plan and its checker. Rules, assumed defaults and the JSON forms: docs/audit.md.

Inputs are pandas DataFrames or lists of dicts (any iterable of mappings). Levels are ``1``,
``2``, ``3`` or ``'special'``. Money is ``decimal.Decimal`` / ``int`` yuan / text such as
``"500万"`` (never ``float``). Nothing here reads the clock: every call takes its date or years.
"""
from __future__ import annotations

import datetime as _dt
import math as _math
from decimal import Decimal as _Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core, _frames
from ._core import InvalidInput, Policy

_k = _core._audit
_policy = _frames.policy_or_default

#: The supplementary factors of HOLINGOL.1, in order (column names of ``tier``).
FACTORS: List[str] = list(_k.FACTORS)
#: Kinds of audit.
KINDS = tuple(c for c, _, _ in _core.vocabulary_codes("audit_kind"))
#: Audit findings (HOLINGOL.4), as the cadre-assessment module reads them.
FINDINGS = tuple(c for c, _, _ in _core.vocabulary_codes("audit_finding"))

Level = Union[int, str]
Records = Union[Iterable[Mapping[str, Any]], Any]  # also a pandas DataFrame

__all__ = [
    "FACTORS", "KINDS", "FINDINGS", "EVENT_KEYS", "PLAN_COLUMNS", "AuditPlan", "tier", "explain_tiers",
    "tier_columns", "special_funds_level", "tier_history", "plan", "verify_plan", "draw_sample",
]


_is_frame = _frames.is_frame
_rows = _frames.rows
_missing = _frames.missing


def _get(row: Mapping[str, Any], key: str, what: str, i: int, required: bool = True) -> Any:
    v = row.get(key)
    if _missing(v):
        if required:
            raise _frames.invalid(f"{key} is missing", key, f"{what}[{i}]")
        return None
    return v


def _id(row: Mapping[str, Any], key: str, what: str, i: int) -> str:
    """An id member of a row as the library's text (``_frames.id_text``)."""
    return _frames.id_text(_get(row, key, what, i), key, f"{what}[{i}]")


def _date(v: Any, field: str, what: str, i: int) -> _dt.date:
    if isinstance(v, _dt.datetime):  # also pandas.Timestamp
        return _frames.date_of(v, field, f"{what}[{i}]")
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str):  # the vocabulary's spellings: 2014-01-01, 2014/1/1, 2014年1月1日, …
        return _core.vocabulary_date(v, field, f"{what}[{i}]")
    raise _frames.invalid("must be a date", field, f"{what}[{i}]")


def _int(v: Any, field: str, what: str, i: int) -> int:
    if isinstance(v, bool):
        return int(v)
    if hasattr(v, "__index__"):
        return int(v.__index__())
    if isinstance(v, float) and v.is_integer():  # pandas turns int columns with gaps into float
        return int(v)
    if isinstance(v, _Decimal) and v.is_finite() and v == v.to_integral_value():  # as a DataFrame's
        return int(v)
    raise _frames.invalid("expected a whole number", field, f"{what}[{i}]")


def _level(v: Any) -> Any:
    if hasattr(v, "__index__") and not isinstance(v, bool):
        return int(v.__index__())
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _money(v: Any, what: str, i: int) -> Any:
    if isinstance(v, float):
        raise _frames.invalid("budget must be Decimal, int or text yuan, not float", "budget", f"{what}[{i}]")
    if hasattr(v, "__index__") and not isinstance(v, bool):
        return int(v.__index__())
    return v


# --- tiering --------------------------------------------------------------------------------

#: The columns tier() reads from a table of units; ``name`` is passed through to the result.
UNIT_COLUMNS: Tuple[str, ...] = ("unit_id", "name", "budget") + tuple(FACTORS)


#: The columns of tier()'s results (a DataFrame's and a record's): a kept column may not be one.
TIER_RESULT_COLUMNS: Tuple[str, ...] = ("unit_id", "name", "level", "band", "band_points", "factor_points",
                                        "score", "parts", "explanation")


@_frames.keyword_since_positional("as_of", "policy")
def tier(units: Records, *, as_of: _dt.date, policy: Optional[Policy] = None,
         explain: Optional[bool] = None, strict: bool = False, keep: Optional[Sequence[str]] = None) -> Any:
    """Tiers units (HOLINGOL.1) as of ``as_of`` (a keyword; by position it still works for a
    release, with a DeprecationWarning).

    ``units`` has ``unit_id``, ``name`` (optional), ``budget`` (int or ``Decimal`` yuan, or text
    such as ``"500万"``; never float) and the factor columns ``FACTORS`` (booleans or small
    integers 0…``audit.factor.<name>.max``; missing = 0).

    **A DataFrame gives a DataFrame**, one row per unit with the units' index: ``unit_id`` (the
    caller's own objects, given back as they are; a missing one, and one the rows path refuses
    — holding a NUL or a lone surrogate, neither text nor a whole number — is an error), ``name`` (when given), ``level`` (1, 2, 3), ``band`` (``high``/``middle``/``low``),
    ``band_points``, ``factor_points``, ``score`` (the command line's columns) — read column by column and tiered by the columnar kernel, without
    explanations; :func:`explain_tiers` gives the explanations of the units asked about, and
    ``explain=True`` the rows path's frame with ``parts`` and ``explanation`` for every unit.

    **A list of dicts gives a list** of the library's ``results`` (docs/audit.md), whose ids
    are text: a whole number as its digits, any other value that is not text an error: records
    ``{unit_id, name, level, band, band_points, factor_points, score, parts, explanation}``, ``parts`` a list of
    ``{factor, value, weight, points}``, ``explanation`` (a ``cadrekit.Explanation``) unless
    ``explain=False``.

    A column (or key) not in ``UNIT_COLUMNS`` — a misspelt factor such as ``complains`` — is an
    ``UnknownColumnWarning`` naming it and the nearest column read; ``strict=True`` makes it an
    ``InvalidInput``.

    ``keep``: columns (keys) of the caller's own — a region, a note — copied unchanged to each
    result, after ``score`` (and ``parts``) and before ``explanation``; the ``name`` column is
    kept anyway. A DataFrame's kept column keeps its dtype; a record missing a kept key gets
    ``None``. A kept column is not an unknown one; a column neither read nor kept still is.
    """
    _frames.as_of_date(as_of)
    frame = _is_frame(units)
    if frame:
        _frames.check_columns(units, "units")
    elif units is not None and not isinstance(units, (list, tuple)):
        units = list(units)
    kept = _frames.kept_columns(units, keep, TIER_RESULT_COLUMNS, "units")
    _frames.check_known(units, UNIT_COLUMNS + tuple(kept), "units", strict=strict)
    if explain is None:
        explain = not frame
    if frame and not explain:
        res = _tier_frame(units, as_of, policy)
        for k in kept:
            res[k] = _frames.kept_values(units, k)
        return res
    out = _tier_rows(units, as_of, policy, bool(explain))
    if frame:
        import pandas as pd
        res = pd.DataFrame.from_records(out, columns=[
            "unit_id", "level", "band", "band_points", "factor_points", "score", "parts", "explanation"])
        df: Any = units  # a DataFrame here
        if len(res) == len(df):
            res.index = df.index
            if "name" in df.columns:  # passed through, as the columnar path and the CLI do
                res.insert(1, "name", df["name"].to_numpy())
            for k in kept:
                res.insert(len(res.columns) - 1, k, _frames.kept_values(df, k))
        return res
    if kept:
        given = list(units)
        for r, u in zip(out, given):
            ex = r.pop("explanation", None) if "explanation" in r else None
            had = ex is not None
            for k in kept:
                r[k] = u.get(k) if isinstance(u, Mapping) else None
            if had:
                r["explanation"] = ex
    return out


def _tier_rows(units: Records, as_of: _dt.date, policy: Optional[Policy], explain: bool) -> List[Dict[str, Any]]:
    """The rows path: every unit as the library's JSON request."""
    request = {"as_of": as_of, "units": [_unit(r, i) for i, r in enumerate(_rows(units, "units"))],
               "explain": bool(explain)}
    out: List[Dict[str, Any]] = _k.tier(request, _policy(policy))["results"]
    return out


def explain_tiers(units: Records, *, as_of: _dt.date, policy: Optional[Policy] = None) -> Any:
    """The explanations of the tiering of ``units`` — the units to explain, e.g.
    ``units.loc[tiers.level == 1]`` — identical to those ``tier(..., explain=True)`` gives for
    them (a unit's tiering depends on that unit alone). A DataFrame gives a pandas Series of
    ``cadrekit.Explanation`` with the units' index; a list of dicts a list."""
    _frames.as_of_date(as_of)
    out = [r["explanation"] for r in _tier_rows(units, as_of, policy, True)]
    if _is_frame(units):
        import pandas as pd
        df: Any = units
        return pd.Series(out, index=df.index[:len(out)], dtype=object, name="explanation")
    return out


def _unit(r: Mapping[str, Any], i: int) -> Dict[str, Any]:
    """A unit of a tiering request: id, name, budget and the factors given (missing = 0)."""
    u: Dict[str, Any] = {"unit_id": _id(r, "unit_id", "units", i),
                         "budget": _money(_get(r, "budget", "units", i), "units", i)}
    name = r.get("name")
    if not _missing(name):
        u["name"] = _frames.cell_text(name, "name", f"units[{i}]")
    for f in FACTORS:
        v = r.get(f)
        if isinstance(v, str) and _core.vocabulary_blank(v):  # a blank cell, as the command line reads one
            continue
        if not _missing(v):  # a number, a bool, or text in the vocabulary ("2", "是", "否")
            u[f] = _core.vocabulary_level(v, 127, f, f"units[{i}]") if isinstance(v, str) else _int(v, f, "units", i)
    return u


def _budget_fen(b: Any, i: int) -> int:
    """One budget in fen, or InvalidInput naming the row."""
    if _missing(b):
        raise _frames.invalid("budget is missing", "budget", f"row {i + 1}")
    if isinstance(b, float):
        raise _frames.invalid("budget must be Decimal, int or text yuan, not float", "budget", f"row {i + 1}")
    try:
        if isinstance(b, str):
            yuan = _core.parse_money(b)
        elif isinstance(b, _Decimal) or (hasattr(b, "__index__") and not isinstance(b, bool)):
            yuan = _core.parse_money(format(_Decimal(int(b.__index__()) if hasattr(b, "__index__") else b), "f"))
        else:
            raise _frames.invalid("budget must be Decimal, int or text yuan", "budget", f"row {i + 1}")
    except InvalidInput as e:
        if getattr(e, "record", "") == f"row {i + 1}":
            raise
        raise _frames.invalid(getattr(e, "message", "") or "budget is not an amount of yuan", "budget",
                              f"row {i + 1}") from None
    return int(yuan * 100)


def _budgets_fen(budgets: Any) -> Any:
    """The budget column in fen (int64), vectorised for whole yuan (an integer column) and for
    text (parsed in one pass of the library's money reader); other columns value by value."""
    import numpy as np
    import pandas as pd
    dtype = budgets.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "iu" and len(budgets):
        v = budgets.to_numpy()
        limit = np.iinfo(np.int64).max // 100
        if dtype.kind == "i" and int(v.max()) <= limit and int(v.min()) >= -limit or \
                dtype.kind == "u" and int(v.max()) <= limit:
            return v.astype(np.int64) * 100
    elif dtype == object or isinstance(dtype, pd.StringDtype):
        # text read in one pass; a column that also holds other values is read value by value
        cells = np.ascontiguousarray(budgets.to_numpy(dtype=object))
        fen, bad = _k.money_fen(cells)
        if bad < 0:
            return fen
        if isinstance(cells[bad], str):
            _budget_fen(cells[bad], bad)  # raises the error of that row
    fen = np.empty(len(budgets), dtype=np.int64)
    for i, b in enumerate(budgets.tolist()):
        fen[i] = _budget_fen(b, i)
    return fen


def _tier_frame(df: Any, as_of: _dt.date, policy: Optional[Policy]) -> Any:
    import numpy as np
    import pandas as pd
    unit_id = _frames.column(df, "unit_id", "units")
    budgets = _frames.column(df, "budget", "units")
    # one pass over the ids: a missing one, and one the rows path refuses
    _frames.check_ids(unit_id, "unit_id", numbers=True, missing="unit_id is missing")
    fen = _budgets_fen(budgets)
    # Factors: booleans or small whole numbers; a missing value (NaN, None, <NA>) is 0.
    # Text cells ("2", "是", "否") are read by the vocabulary, once per distinct text; a number
    # outside 0…127 is refused in the words of the rows path's reader, and the kernel refuses
    # one above the profile's maximum as the rows path does.
    outside = "expected " + _core.vocabulary_level_expectation(127)
    factors = [_frames.int_column(_frames.vocabulary_levels(df[f], f), f, np.int8, missing=0,
                                  lo=0, hi=127, outside=outside)
               if f in df.columns else None for f in FACTORS]
    levels, scores = _k.tier_columns(fen, factors, as_of, policy)
    band, points, factor_points = _k.tier_bands(fen, as_of, policy, scores=scores)
    cols = {"unit_id": unit_id.to_numpy()}
    if "name" in df.columns:
        cols["name"] = df["name"].to_numpy()
    cols.update({"level": levels, "band": band, "band_points": points,
                 "factor_points": factor_points, "score": scores})
    # copy=False: the columns as they are, not copied and stacked into blocks of one dtype
    return pd.DataFrame(cols, index=df.index, copy=False)


@_frames.keyword_since_positional("as_of", "policy")
def tier_columns(budget_fen: Any, factors: Any, *, as_of: _dt.date,
                 policy: Optional[Policy] = None, out: Optional[Tuple[Any, Any]] = None) -> Tuple[Any, Any]:
    """The columnar tiering kernel (HOLINGOL.1) on NumPy columns: no ids, no explanations.

    ``budget_fen``: int64 budgets in fen. ``factors``: an int8 array of shape (9, n) in the
    order of ``FACTORS``, or a sequence of 9 columns of length n (``None`` = all zeros; an int8
    C-contiguous column — e.g. ``df[f].to_numpy()`` of an int8 column — is read without a copy).
    Returns ``(levels, scores)`` (int8 1/2/3, int64). ``out=(levels, scores)``: preallocated
    arrays (int8 and int64, 1-D of length n, C-contiguous, writeable; ``scores`` may be None)
    written in place and returned; InvalidInput naming ``out[0] (levels)`` / ``out[1] (scores)``
    otherwise. Every row is checked before anything is written: a negative budget or a factor
    outside 0…max raises InvalidInput naming the column and the row index, outputs untouched.

    ``as_of`` and ``policy`` are keywords; ``tier_columns(budget_fen, factors, as_of)`` by
    position still works for one release, with a DeprecationWarning.
    """
    return _k.tier_columns(budget_fen, factors, _frames.as_of_date(as_of), policy, out=out)


def special_funds_level(current_level: Level, amount: Any, *, as_of: Optional[_dt.date] = None,
                        policy: Optional[Policy] = None) -> Dict[str, Any]:
    """The new level and obligations when a unit at ``current_level`` receives special funds or
    a key project of ``amount`` yuan (HOLINGOL.3): ``{previous_level, new_level, band,
    tracking, budget_final_accounts_audit, audit_on_completion, audit_within_years,
    explanation}``. ``as_of`` picks the parameters in force; without it, the profile's latest
    values (the last dated value of each parameter) are used — never today's date."""
    if as_of is None:
        as_of = _dt.date(9999, 12, 31)
    return _k.special_funds({"as_of": as_of, "current_level": _level(current_level),
                             "amount": _money(amount, "amount", 0)}, _policy(policy))


def _jsonable(v: Any, field: str, what: str, i: int) -> Any:
    if isinstance(v, _dt.datetime):
        return _frames.date_of(v, field, f"{what}[{i}]").isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, bool):
        return v
    if isinstance(v, _Decimal):
        return format(v, "f")
    if isinstance(v, float):
        if v.is_integer() and field not in ("budget", "amount"):
            return int(v)
        raise _frames.invalid(f"{field} must not be a float", field, f"{what}[{i}]")
    if hasattr(v, "__index__"):
        return int(v.__index__())
    return v


#: The keys an event of :func:`tier_history` may have (each kind reads some of them).
EVENT_KEYS: Tuple[str, ...] = ("event", "date", "year", "level", "amount", "fund_id", "finding",
                               "name", "budget", *FACTORS)
#: The columns each table of :func:`plan` and :func:`verify_plan` reads (``plan``: the planned
#: audits; ``reason`` and ``leader_id``, which :meth:`AuditPlan.to_records` writes, are read as
#: known and not used).
PLAN_COLUMNS: Dict[str, Tuple[str, ...]] = {
    "units": ("unit_id", "level", "special_due_year"),
    "audits": ("unit_id", "date", "kind"),
    "terms": ("unit_id", "leader_id", "start", "planned_end"),
    "funds": ("unit_id", "date", "amount", "completed", "finding"),
    "reviews": ("unit_id", "year", "level"),
    "plan": ("year", "unit_id", "kind", "reason", "leader_id"),
}


def tier_history(unit_id: str, events: Records, *, level_on: Iterable[Any] = (),
                 explain: bool = False, policy: Optional[Policy] = None, strict: bool = False) -> Dict[str, Any]:
    """Replays a unit's tier history (HOLINGOL.3) from its events, in order.

    Each event is a dict with ``event`` and: ``start`` — ``date`` and either ``level`` or
    ``budget`` and factor columns (tiered); ``review`` — ``year`` and ``level`` or ``budget`` +
    factors (a full re-grading every ``audit.regrade_period_years``, else the yearly
    adjustment); ``special_funds`` — ``date``, ``amount``; ``completion`` — ``date``,
    ``finding`` (``none`` → back to the previous level; otherwise referred, level kept).
    Returns ``{unit_id, changes: [{effective, level, kind, note}], referrals, special_funds_open,
    events, levels_on: [{date, level}]}`` (dates as ISO text; explanations as
    ``cadrekit.Explanation`` when ``explain``). A refused event raises ``StateError`` naming it
    (``events[2]``). A key or column outside ``EVENT_KEYS`` is an ``UnknownColumnWarning``
    naming it and the nearest key, and is not read; ``strict=True`` makes it an ``InvalidInput``."""
    evs = []
    known = frozenset(EVENT_KEYS)
    for i, r in enumerate(_rows(events, "events", EVENT_KEYS, strict)):
        evs.append({k: _jsonable(v, k, "events", i) for k, v in r.items() if k in known and not _missing(v)})
    req = {"unit_id": str(unit_id), "events": evs, "explain": bool(explain),
           "level_on": [_jsonable(d, "level_on", "level_on", i) for i, d in enumerate(level_on)]}
    return _k.tier_history(req, _policy(policy))


# --- the plan -------------------------------------------------------------------------------

def _plan_units(units: Records, strict: bool) -> List[Dict[str, Any]]:
    out = []
    for i, r in enumerate(_rows(units, "units", PLAN_COLUMNS["units"], strict)):
        u = {"unit_id": _id(r, "unit_id", "units", i), "level": _level(_get(r, "level", "units", i))}
        due = r.get("special_due_year")
        if not _missing(due):
            u["special_due_year"] = _int(due, "special_due_year", "units", i)
        out.append(u)
    return out


def _plan_audits(audits: Records, strict: bool) -> List[Dict[str, Any]]:
    out = []
    for i, r in enumerate(_rows(audits, "audits", PLAN_COLUMNS["audits"], strict)):
        a = {"unit_id": _id(r, "unit_id", "audits", i),
             "date": _date(_get(r, "date", "audits", i), "date", "audits", i)}
        kind = r.get("kind")
        if not _missing(kind):
            a["kind"] = str(kind)
        out.append(a)
    return out


def _plan_terms(terms: Records, strict: bool) -> List[Dict[str, Any]]:
    out = []
    for i, r in enumerate(_rows(terms, "terms", PLAN_COLUMNS["terms"], strict)):
        t = {"unit_id": _id(r, "unit_id", "terms", i),
             "start": _date(_get(r, "start", "terms", i), "start", "terms", i)}
        leader, end = r.get("leader_id"), r.get("planned_end")
        if not _missing(leader):
            t["leader_id"] = str(leader)
        if not _missing(end):
            t["planned_end"] = _date(end, "planned_end", "terms", i)
        out.append(t)
    return out


def _plan_funds(funds: Records, strict: bool) -> List[Dict[str, Any]]:
    out = []
    for i, r in enumerate(_rows(funds, "funds", PLAN_COLUMNS["funds"], strict)):
        f = {"unit_id": _id(r, "unit_id", "funds", i),
             "date": _date(_get(r, "date", "funds", i), "date", "funds", i),
             "amount": _money(_get(r, "amount", "funds", i), "funds", i)}
        done, finding = r.get("completed"), r.get("finding")
        if not _missing(done):
            f["completed"] = _date(done, "completed", "funds", i)
        if not _missing(finding):
            f["finding"] = str(finding)
        out.append(f)
    return out


def _plan_reviews(reviews: Records, strict: bool) -> List[Dict[str, Any]]:
    return [{"unit_id": _id(r, "unit_id", "reviews", i),
             "year": _int(_get(r, "year", "reviews", i), "year", "reviews", i),
             "level": _level(_get(r, "level", "reviews", i))}
            for i, r in enumerate(_rows(reviews, "reviews", PLAN_COLUMNS["reviews"], strict))]


def _plan_request(units: Records, audits: Records, terms: Records, first_year: int, last_year: int,
                  funds: Records, reviews: Records, strict: bool) -> Dict[str, Any]:
    return {"first_year": int(first_year), "last_year": int(last_year), "units": _plan_units(units, strict),
            "audits": _plan_audits(audits, strict), "terms": _plan_terms(terms, strict),
            "funds": _plan_funds(funds, strict), "reviews": _plan_reviews(reviews, strict)}


class AuditPlan:
    """A plan drawn up by :func:`plan`.

    ``feasible``: every rule met. ``shortfall``: the obligations the plan fails (list of
    ``{rule, year, unit_id, message}``; empty when feasible). ``min_capacity``: the least yearly
    capacity that meets every rule; ``capacity_shortfall``: how many audits a year are missing
    (0 when feasible). ``seed``: the seed of the level-3 sample draw, to replay it.
    """

    def __init__(self, d: Dict[str, Any]):
        self._d = d
        self.feasible: bool = d["feasible"]
        self.shortfall: List[Dict[str, Any]] = d["shortfall"]
        self.capacity: int = d["capacity"]
        self.capacity_used: int = d["capacity_used"]
        self.min_capacity: int = d["min_capacity"]
        self.lower_bound: int = d["lower_bound"]
        self.min_capacity_proven: bool = d["min_capacity_proven"]
        self.lower_bound_year: int = d["lower_bound_year"]
        self.referrals: List[Dict[str, Any]] = d["referrals"]
        self.seed: int = d["seed"]
        self.explanation = d["explanation"]

    @property
    def capacity_shortfall(self) -> int:
        return max(0, self.min_capacity - self.capacity)

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per planned audit: ``year, unit_id, kind, reason`` (and ``leader_id``)."""
        return [dict(r) for r in self._d["audits"]]

    def to_pandas(self) -> Any:
        import pandas as pd
        return pd.DataFrame.from_records(
            self._d["audits"], columns=["year", "unit_id", "kind", "reason", "leader_id"])

    def __len__(self) -> int:
        return len(self._d["audits"])

    def __repr__(self) -> str:
        return (f"AuditPlan(feasible={self.feasible}, audits={len(self)}, "
                f"min_capacity={self.min_capacity}, capacity={self.capacity}, seed={self.seed})")


@_frames.keyword_since_positional("policy")
def plan(units: Records, audits: Records, terms: Records, first_year: int, last_year: int,
         capacity: int, seed: int, *, policy: Optional[Policy] = None,
         funds: Records = None, reviews: Records = None, strict: bool = False) -> AuditPlan:
    """Draws up the audit plan for ``first_year``…``last_year`` (HOLINGOL.2).

    ``units``: ``unit_id, level`` (the base level at the start; optionally
    ``special_due_year``); ``audits``: past audits ``unit_id, date, kind`` (before
    ``first_year``); ``terms``: ``unit_id, leader_id, start, planned_end`` (``planned_end`` is
    a known departure). ``capacity``: audits a year; ``seed``: seed of the level-3 sample draw
    (recorded in the plan). Re-tiering inside the horizon (HOLINGOL.3): ``funds`` —
    ``unit_id, date, amount`` and, when known, ``completed`` and ``finding`` (special funds or
    a key project; the level they give and the audit they make due); ``reviews`` — ``unit_id,
    year, level`` (the base level from 1 January of ``year``). Each year uses the level in
    force that year. A column or key a table does not read (``PLAN_COLUMNS``) is an
    ``UnknownColumnWarning`` naming it and the nearest column; ``strict=True`` makes it an
    ``InvalidInput``."""
    request = _plan_request(units, audits, terms, first_year, last_year, funds, reviews, strict)
    request["capacity"] = _frames.whole_argument(capacity, "capacity")
    request["seed"] = _frames.whole_argument(seed, "seed", _frames.UINT64)
    return AuditPlan(_frames.typed(_k.plan(request, _policy(policy)), dates=("date",)))


@_frames.keyword_since_positional("policy")
def verify_plan(plan_records: Records, units: Records, audits: Records, terms: Records,
                first_year: int, last_year: int,
                *, policy: Optional[Policy] = None, funds: Records = None,
                reviews: Records = None, strict: bool = False) -> List[Dict[str, Any]]:
    """Checks any plan (``year, unit_id, kind`` per row; ours or one drawn up by hand) against
    the rules; returns every breach as ``{rule, year, unit_id, message}`` (empty when sound).
    ``funds``, ``reviews`` and ``strict`` as for :func:`plan`."""
    if isinstance(plan_records, AuditPlan):
        plan_records = plan_records.to_records()
    rows = []
    for i, r in enumerate(_rows(plan_records, "plan", PLAN_COLUMNS["plan"], strict)):
        row = {"year": _int(_get(r, "year", "plan", i), "year", "plan", i),
               "unit_id": _id(r, "unit_id", "plan", i)}
        kind = r.get("kind")
        if not _missing(kind):
            row["kind"] = str(kind)
        rows.append(row)
    request = _plan_request(units, audits, terms, first_year, last_year, funds, reviews, strict)
    request["plan"] = rows
    breaches: List[Dict[str, Any]] = _k.verify_plan(request, _policy(policy))["breaches"]
    return breaches


def draw_sample(candidates: Sequence[str], count: int, seed: int, year: int) -> List[str]:
    """Replays the seeded level-3 sample draw of a year (docs/audit.md): the planner calls it
    with the level-3 units not otherwise audited that year, in ascending id order."""
    return _k.draw_sample(list(candidates), _frames.whole_argument(count, "count", _frames.UINT64),
                          _frames.whole_argument(seed, "seed", _frames.UINT64),
                          _frames.whole_argument(year, "year", _frames.INT32))


_frames.check_arguments_of(globals(), __all__)
