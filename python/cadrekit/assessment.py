"""HORQIN (科尔沁区): red lines, assessment, disposal, follow-up and promotion gates.

Rule catalog HORQIN.1–HORQIN.6; docs/assessment.md. Every function takes its as-of date;
``policy`` defaults to the embedded profile ``tongliao-2016``.

- :func:`screen` — every red line that fires for every cadre (DMN "collect"), from a pandas
  DataFrame or a list of dicts of assessment records (and optional findings).
- :func:`screen_columns` — the columnar batch path over NumPy arrays.
- :class:`DisposalCase` — the six stages of disposal; refused moves raise ``cadrekit.StateError``.
- :func:`follow_up_schedule`, :func:`follow_up_ledger`, :func:`reappointment_eligibility`.
- :class:`PromotionCase` — the six gates of promotion with :meth:`PromotionCase.vetoes`.
"""
from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Iterable, Mapping, Optional, Sequence

from ._core import Explanation as _Explanation
from ._core import Policy as _Policy
from ._core import assessment as _a

__all__ = [
    "KINDS", "RATINGS", "screen", "screen_columns", "rules", "DisposalCase", "PromotionCase",
    "follow_up_schedule", "follow_up_ledger", "reappointment_eligibility", "parse_period",
    "period_text",
]

KINDS = ("annual", "key_work", "party_conduct", "review")
RATINGS = ("none", "excellent", "competent", "basically_competent", "incompetent",
           "up_to_standard", "not_up_to_standard", "satisfied", "basically_satisfied",
           "unsatisfied")
_RECORD_FIELDS = ("cadre_id", "unit_id", "domain", "kind", "period", "rank", "group_size",
                  "rating", "score", "method")
_FINDING_FIELDS = ("id", "cadre_id", "unit_id", "date", "source", "standard", "aspect",
                   "classification", "severity", "facts")

DisposalCase = _a.DisposalCase
PromotionCase = _a.PromotionCase
parse_period = _a.parse_period
period_text = _a.period_text


def _policy(policy: Optional[_Policy]) -> _Policy:
    return _Policy.default() if policy is None else policy


def _rows(data: Any) -> list:
    if data is None:
        return []
    if hasattr(data, "to_dict") and hasattr(data, "columns"):  # pandas DataFrame
        return data.to_dict(orient="records")
    return list(data)


def _plain(value: Any, field: str) -> Any:
    """A JSON-ready value: dates as ISO text, NumPy scalars as Python numbers, NaN/None dropped."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float):
        if field in ("rank", "group_size") and value.is_integer():
            return int(value)
        if field == "period" and value.is_integer():
            return str(int(value))
        return str(value)
    if field == "period" and isinstance(value, int):
        return str(value)
    return value


def _record(row: Mapping[str, Any], fields: Sequence[str]) -> dict:
    out = {}
    for k in fields:
        if k in row:
            v = _plain(row[k], k)
            if v is not None:
                out[k] = v
    return out


def screen(records: Any, findings: Any = None, *, as_of: _dt.date,
           policy: Optional[_Policy] = None, explain: bool = True,
           as_frame: bool = False) -> Any:
    """Every red line that fires for every cadre as of ``as_of`` (DMN "collect").

    ``records``: DataFrame or list of dicts with ``cadre_id, unit_id, domain, kind
    ('annual'|'key_work'|'party_conduct'|'review'), period ('2015' or '2015-2'), rank,
    group_size, rating`` (and optionally ``score``, ``method``). ``findings``: dicts with
    ``id, cadre_id`` (or ``unit_id``), ``date, source, standard, aspect, classification,
    severity``. Returns a list of dicts ``cadre_id, rule_id, clause, periods, suggestion,
    records, findings, explanation`` (a ``cadrekit.Explanation``), ordered by cadre then rule;
    with ``as_frame=True`` a pandas DataFrame. Bad input raises ``cadrekit.InvalidInput`` naming
    the field and the record (``records[3]``).
    """
    if not isinstance(as_of, _dt.date):
        raise TypeError("as_of must be a datetime.date")
    request = {
        "as_of": _plain(as_of, "as_of"),
        "records": [_record(r, _RECORD_FIELDS) for r in _rows(records)],
        "findings": [_record(f, _FINDING_FIELDS) for f in _rows(findings)],
        "explain": bool(explain),
    }
    text = _json.dumps(request, ensure_ascii=False)
    hits = _json.loads(_a.screen_json(text, _policy(policy)))["hits"]
    for h in hits:
        if "explanation" in h:
            h["explanation"] = _Explanation.from_json(_json.dumps(h["explanation"], ensure_ascii=False,
                                                                  separators=(",", ":")))
    if as_frame:
        import pandas as pd
        return pd.DataFrame(hits, columns=["cadre_id", "rule_id", "clause", "periods", "suggestion",
                                           "records", "findings"] + (["explanation"] if explain else []))
    return hits


def rules(as_of: _dt.date, policy: Optional[_Policy] = None) -> list:
    """The red-line rules in force (``assessment.rule.*`` parameters), in evaluation order."""
    return _json.loads(_a.rules_json(_policy(policy), as_of))["rules"]


def screen_columns(cadre: Any, kind: Any, period: Any, rank: Any, group_size: Any, rating: Any, *,
                   as_of: _dt.date, policy: Optional[_Policy] = None) -> dict:
    """The batch path over NumPy arrays (rows sorted by integer cadre key; periods of a kind
    increasing within a cadre; kind and rating as the codes of :data:`KINDS` / :data:`RATINGS`;
    period as year*100+n). Assessment rules only. Returns a dict of arrays ``cadre, rule,
    first_period, last_period, count`` and the list ``rule_ids`` (index = ``rule``)."""
    c, r, f, l, n, ids = _a.screen_batch(_policy(policy), as_of, cadre, kind, period, rank,
                                         group_size, rating)
    return {"cadre": c, "rule": r, "first_period": f, "last_period": l, "count": n, "rule_ids": ids}


def follow_up_schedule(decision_date: _dt.date, until: _dt.date, *,
                       policy: Optional[_Policy] = None) -> list:
    """Due dates from the decision up to ``until``: ``[(date, 'monthly_talk' | 'quarterly_visit')]``."""
    return _a.follow_up_schedule(decision_date, until, _policy(policy))


def follow_up_ledger(decision_date: _dt.date, held: Iterable[tuple], *, as_of: _dt.date,
                     policy: Optional[_Policy] = None) -> list:
    """Each due item as of ``as_of`` with the event that fulfils it and whether it is overdue.
    ``held``: ``(date, kind)`` pairs of talks and visits that took place."""
    return _a.follow_up_ledger(decision_date, [(d, k) for d, k in held], as_of, _policy(policy))


def reappointment_eligibility(moved_on: _dt.date, own_reasons: bool,
                              annual_ratings_since: Sequence[str], *, as_of: _dt.date,
                              policy: Optional[_Policy] = None) -> dict:
    """Whether a cadre moved down may be reappointed on ``as_of`` (HORQIN.6)."""
    return _a.reappointment_eligibility(moved_on, own_reasons, list(annual_ratings_since), as_of,
                                        _policy(policy))
