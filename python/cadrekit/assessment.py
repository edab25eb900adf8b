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
from typing import Any, Iterable, Mapping, Optional, Sequence

from ._core import Policy as _Policy
from . import _frames
from ._core import assessment as _a

__all__ = [
    "KINDS", "RATINGS", "ASPECTS", "screen", "screen_columns", "rules", "standards",
    "findings_from_audit", "FINDING_SOURCES", "FINDING_CLASSES", "SEVERITIES", "DisposalCase",
    "PromotionCase", "DOMAINS", "METHODS", "composite_score", "method_checklist",
    "follow_up_schedule", "follow_up_ledger", "reappointment_eligibility", "parse_period",
    "period_text",
]

KINDS = ("annual", "key_work", "party_conduct", "review")
RATINGS = ("none", "excellent", "competent", "basically_competent", "incompetent",
           "up_to_standard", "not_up_to_standard", "satisfied", "basically_satisfied",
           "unsatisfied")
#: The six aspects of the qualitative standards (HORQIN.2).
ASPECTS = ("discipline", "political_stance", "ideals_beliefs", "ability", "work_style",
           "personal_conduct")
_RECORD_FIELDS = ("cadre_id", "unit_id", "domain", "kind", "period", "rank", "group_size",
                  "rating", "score", "method")
_AUDIT_FIELDS = ("unit_id", "leader_id", "date", "kind", "finding")
_FINDING_FIELDS = ("id", "cadre_id", "unit_id", "date", "source", "standard", "aspect",
                   "classification", "severity", "facts")

DisposalCase = _a.DisposalCase
PromotionCase = _a.PromotionCase
parse_period = _a.parse_period
period_text = _a.period_text


_policy = _frames.policy_or_default
_rows = _frames.rows


def _plain(value: Any, field: str) -> Any:
    """A JSON-ready value (see _frames.json_scalar); ranks and group sizes as integers, periods
    as text, other numbers as exact decimal text."""
    value = _frames.json_scalar(value)
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
    return _frames.record(row, fields, _plain)


#: The four domains (苏木镇, 街道, 农牧场, 区直部门) and the six methods (听述职 … 抽样查).
DOMAINS = ("township", "subdistrict", "farm", "department")
METHODS = ("reports", "talks", "rating", "records", "site_visits", "sampling")


def _fraction(text: str) -> Any:
    from fractions import Fraction
    return Fraction(text)


def composite_score(domain: str, scores: Mapping[str, Any], *, as_of: _dt.date,
                    policy: Optional[_Policy] = None) -> dict:
    """The composite score of a domain (HORQIN.4): Σ weight · score over the domain's
    indicators (policy ``assessment.indicators.<domain>``), exact. ``scores`` maps every
    indicator id to its score (int, ``Decimal``, ``Fraction`` or exact decimal text). Returns
    ``{"domain", "score": Fraction, "parts": [{"indicator", "name_zh", "weight", "score",
    "part"}] (Fractions), "explanation": cadrekit.Explanation}``. A missing, unknown, malformed
    or negative score raises ``cadrekit.InvalidInput`` naming ``scores.<indicator>``."""
    from fractions import Fraction
    plain = {}
    for k, v in scores.items():
        if isinstance(v, Fraction):
            v = f"{v.numerator}/{v.denominator}"
        elif isinstance(v, bool) or isinstance(v, float):
            raise TypeError(f"score of {k} must be exact (int, Decimal, Fraction or text), not {type(v).__name__}")
        elif not isinstance(v, int):
            v = str(v)
        plain[str(k)] = v
    req = {"as_of": as_of, "domain": domain, "scores": plain}
    out = _a.composite(req, _policy(policy))
    out["score"] = _fraction(out["score"])
    for p in out["parts"]:
        for k in ("weight", "score", "part"):
            p[k] = _fraction(p[k])
    return out


def method_checklist(methods: Iterable[str], *, as_of: _dt.date,
                     policy: Optional[_Policy] = None) -> dict:
    """The six methods as a checklist (policy ``assessment.methods.required``): ``{"items":
    [{"method", "required", "done"}], "missing": [...], "complete": bool}``. The source names
    12 steps of the assessment but lists none; the methods are the steps it names."""
    return _a.method_checklist({"as_of": as_of, "methods": list(methods)}, _policy(policy))


def findings_from_audit(audit_findings: Any) -> list:
    """Audit findings of :mod:`cadrekit.audit` (HOLINGOL.4) as findings for :func:`screen`.

    ``audit_findings``: DataFrame or dicts with ``unit_id, leader_id`` (optional), ``date,
    kind`` (:data:`cadrekit.audit.KINDS`), ``finding`` (:data:`cadrekit.audit.FINDINGS`). The
    documented mapping: source ``audit``; ``cadre_id`` = ``leader_id`` (empty: the unit's
    finding); severity minor → minor, serious → serious, referred → grave; id
    ``audit:<unit_id>:<date>:<kind>``; clean audits (``none``) are left out."""
    rows = [_record(r, _AUDIT_FIELDS) for r in _rows(audit_findings)]
    return _a.findings_from_audit(rows)


def screen(records: Any, findings: Any = None, *, as_of: _dt.date,
           policy: Optional[_Policy] = None, explain: bool = True,
           as_frame: bool = False, audit_findings: Any = None) -> Any:
    """Every red line that fires for every cadre as of ``as_of`` (DMN "collect").

    ``records``: DataFrame or list of dicts with ``cadre_id, unit_id, domain, kind
    ('annual'|'key_work'|'party_conduct'|'review'), period ('2015' or '2015-2'), rank,
    group_size, rating`` (and optionally ``score``, ``method``). ``findings``: dicts with
    ``id, cadre_id`` (or ``unit_id``), ``date, source, standard, aspect, classification,
    severity``; ``standard`` is the id of a standard of :func:`standards` (required for
    qualitative findings; the aspect, when given, must be the standard's). Returns a list of
    dicts ``cadre_id, rule_id, clause, periods, suggestion, records, findings, standards,
    explanation`` (``standards``: per finding that names one, its ``standard, aspect, text_zh,
    text_en, clause, suggestion``; the explanation a ``cadrekit.Explanation``), ordered by cadre
    then rule. ``audit_findings``: the audit module's findings (see
    :func:`findings_from_audit`), mapped and screened with the others;
    with ``as_frame=True`` a pandas DataFrame. Bad input raises ``cadrekit.InvalidInput`` naming
    the field and the record (``records[3]``).
    """
    _frames.as_of_date(as_of)
    request = {
        "as_of": _plain(as_of, "as_of"),
        "records": [_record(r, _RECORD_FIELDS) for r in _rows(records)],
        "findings": [_record(f, _FINDING_FIELDS) for f in _rows(findings)],
        "audit_findings": [_record(f, _AUDIT_FIELDS) for f in _rows(audit_findings)],
        "explain": bool(explain),
    }
    hits = _a.screen(request, _policy(policy))["hits"]
    if as_frame:
        import pandas as pd
        return pd.DataFrame(hits, columns=["cadre_id", "rule_id", "clause", "periods", "suggestion",
                                           "records", "findings", "standards"] + (["explanation"] if explain else []))
    return hits


def rules(as_of: _dt.date, policy: Optional[_Policy] = None) -> list:
    """The red-line rules in force (``assessment.rule.*`` parameters), in evaluation order."""
    return _a.rules(_policy(policy), as_of)["rules"]


def standards(as_of: _dt.date, policy: Optional[_Policy] = None) -> list:
    """The catalogue of qualitative standards in force (``assessment.standard.*`` parameters),
    sorted by id: dicts ``id, parameter, aspect, text_zh, text_en, clause, suggestion,
    assumed``. A finding's ``standard`` must be one of these ids."""
    return _a.standards(_policy(policy), as_of)["standards"]


#: Codes of the finding columns of :func:`screen_columns`.
FINDING_SOURCES = ("qualitative", "audit")
FINDING_CLASSES = ("other", "muddled_view", "wavering_belief", "self_serving_error",
                   "exploratory_mistake", "lack_of_ability", "not_acting")
SEVERITIES = ("minor", "moderate", "serious", "grave")


def screen_columns(cadre: Any, kind: Any, period: Any, rank: Any, group_size: Any, rating: Any, *,
                   as_of: _dt.date, policy: Optional[_Policy] = None,
                   findings: Optional[Mapping[str, Any]] = None) -> dict:
    """The batch path over NumPy arrays or pandas columns (rows sorted by integer cadre key — a
    categorical column's codes are used as the key, without a copy; periods of a kind
    increasing within a cadre; kind and rating as the codes of :data:`KINDS` / :data:`RATINGS`;
    period as year*100+n). Returns a dict of arrays ``cadre, rule, first_period, last_period,
    count`` and the list ``rule_ids`` (index = ``rule``).

    Without ``findings`` only the assessment rules can fire. ``findings``: a mapping of equal
    length arrays (a DataFrame works) sorted by cadre key — ``cadre``; ``standard`` (index into
    :func:`standards`, -1 for none: audit findings only); ``source``, ``classification``,
    ``severity`` (codes of :data:`FINDING_SOURCES`, :data:`FINDING_CLASSES`,
    :data:`SEVERITIES`); ``date`` (datetime64, ``datetime.date`` objects or days since
    1970-01-01). Then every rule is evaluated, with the same answers as :func:`screen`; for a
    finding rule ``first_period``/``last_period`` are the first and last finding date as days
    since 1970-01-01. A finding of a unit only must be given once per cadre."""
    args: list = [None] * 6
    _frames.as_of_date(as_of)
    cadre = _frames.codes(cadre)
    if findings is not None:
        args = [_frames.codes(findings["cadre"]), findings["standard"], findings["source"],
                findings["classification"], findings["severity"], findings["date"]]
    c, r, f, l, n, ids = _a.screen_batch(_policy(policy), as_of, cadre, kind, period, rank,
                                         group_size, rating, *args)
    return {"cadre": c, "rule": r, "first_period": f, "last_period": l, "count": n, "rule_ids": ids}


def follow_up_schedule(decision_date: _dt.date, until: _dt.date, *,
                       policy: Optional[_Policy] = None) -> list:
    """Due dates from the decision up to ``until``: ``[(date, 'monthly_talk' | 'quarterly_visit')]``."""
    return _a.follow_up_schedule(decision_date, until, _policy(policy))


def follow_up_ledger(decision_date: _dt.date, held: Iterable[tuple], *, as_of: _dt.date,
                     policy: Optional[_Policy] = None) -> list:
    """Each due item as of ``as_of`` with the event that fulfils it and whether it is overdue.
    ``held``: ``(date, kind)`` pairs of talks and visits that took place."""
    request = {"decision_date": decision_date, "as_of": as_of,
               "held": [{"date": d, "kind": k} for d, k in held]}
    return _frames.typed(_a.follow_up(request, _policy(policy))["ledger"], dates=("date", "held"))


def reappointment_eligibility(moved_on: _dt.date, own_reasons: bool,
                              annual_ratings_since: Sequence[str], *, as_of: _dt.date,
                              policy: Optional[_Policy] = None) -> dict:
    """Whether a cadre moved down may be reappointed on ``as_of`` (HORQIN.6)."""
    return _a.reappointment_eligibility(moved_on, own_reasons, list(annual_ratings_since), as_of,
                                        _policy(policy))
