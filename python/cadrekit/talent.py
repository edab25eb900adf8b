"""HURE (库伦旗): pools of young, women, minority and non-party (女少非) cadres, the structure
of leadership teams, growth files and the postings that fill their gaps.

Rule catalog HURE.1–HURE.5; docs/talent.md. Every function takes its as-of date; ``policy``
defaults to the embedded profile ``tongliao-2016``. Tables may be pandas DataFrames or lists of
dicts; codes as in the core (sex ``1``/``2``, GB 3304 ethnicity ``"01"``…, GB/T 4762 political
status ``"01"``…; names such as ``"女"`` or ``"蒙古族"`` are accepted too).

- :func:`pools` — members of ``echelon1``, ``echelon2``, ``nvshaofei`` with their reasons;
  :func:`pool_report` adds near misses, exclusions and sizes; :func:`pool_changes`.
- :func:`team_structure` — counts, shares, targets and gaps per team, with candidates from the
  pools; :func:`team_structure_columns` — the NumPy batch path (GIL released).
- :func:`gaps`, :func:`growth` — a growth file's gaps and figures; :func:`propose_postings`.
"""
from __future__ import annotations

import datetime as _dt
import json as _json
from typing import Any, Mapping, Optional, Sequence

from ._core import Policy as _Policy
from . import _frames
from ._core import talent as _t

__all__ = [
    "POOLS", "CRITERIA", "pools", "pool_report", "pool_changes", "team_structure",
    "team_structure_columns", "gaps", "growth", "propose_postings",
]

POOLS = ("echelon1", "echelon2", "nvshaofei")
CRITERIA = ("young", "women", "minority", "non_party")

_CADRE_FIELDS = ("id", "cadre_id", "name", "sex", "birth_date", "ethnicity", "political_status",
                 "party_joined", "work_started", "education", "rank", "unit", "posts", "rank_since",
                 "civil_servant", "selected_graduate")
_MEMBER_FIELDS = ("team_id", "cadre_id", "sex", "birth_date", "ethnicity", "political_status")
_RECORD_FIELDS = ("cadre_id", "unit_id", "domain", "kind", "period", "rank", "group_size",
                  "rating", "score", "method")
_FINDING_FIELDS = ("id", "cadre_id", "unit_id", "date", "source", "standard", "aspect",
                   "classification", "severity", "facts")
_TWO_DIGIT = ("ethnicity", "political_status")
_BOOL = ("civil_servant", "selected_graduate")


_policy = _frames.policy_or_default
_rows = _frames.rows


def _plain(value: Any, field: str) -> Any:
    """A JSON-ready value (see _frames.json_scalar); booleans, and integer codes as the text
    codes of the core."""
    value = _frames.json_scalar(value)
    if value is None or isinstance(value, str):
        return value
    if field in _BOOL:
        return bool(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        if field in _TWO_DIGIT:
            return "%02d" % value
        if field in ("sex", "period"):
            return str(value)
    if isinstance(value, float):
        return str(value)
    return value


def _record(row: Mapping[str, Any], fields: Sequence[str]) -> dict:
    return _frames.record(row, fields, _plain)


def _date(value: Any, name: str) -> str:
    return _frames.as_of_date(value, name).isoformat()


def _supervision(assessments: Any, findings: Any, disposal_cases: Any, strict: bool = False) -> dict:
    # A case is passed as it is (the bindings read a DisposalCase through its to_json()); a
    # case given as JSON text is read here.
    cases = [_json.loads(c) if isinstance(c, str) else c for c in disposal_cases or ()]
    return {
        "assessments": [_record(r, _RECORD_FIELDS) for r in _rows(assessments, "assessments", _RECORD_FIELDS, strict)],
        "findings": [_record(f, _FINDING_FIELDS) for f in _rows(findings, "findings", _FINDING_FIELDS, strict)],
        "disposal_cases": cases,
    }


def _cadres(cadres: Any, strict: bool = False, what: str = "cadres") -> list:
    return [_record(c, _CADRE_FIELDS) for c in _rows(cadres, what, _CADRE_FIELDS, strict)]


def pool_report(cadres: Any, assessments: Any, as_of: _dt.date, policy: Optional[_Policy] = None, *,
                findings: Any = None, disposal_cases: Any = None, explain: bool = False, strict: bool = False) -> dict:
    """Pools as of ``as_of`` (HURE.1): ``{"as_of", "members", "near_misses", "excluded", "sizes"}``.

    ``cadres``: rows with ``id`` (or ``cadre_id``), ``sex, birth_date, ethnicity,
    political_status, rank`` and optionally ``rank_since, civil_servant, selected_graduate`` and
    the other members of the person record. ``assessments``: assessment records (as
    :func:`cadrekit.assessment.screen` takes them; annual ones give the ratings of the 女少非
    pool). A red line (assessment rules and ``findings``) or an open ``disposal_cases`` entry
    (``cadrekit.assessment.DisposalCase`` or its JSON) moves a cadre who meets every criterion
    to ``excluded``, with the reason. Near misses: ``kind`` ``"ages_out"`` (a member who leaves
    by age within ``talent.near_miss.months``, ``date`` = the day) or ``"misses_one"``.
    """
    request = {"as_of": _date(as_of, "as_of"), "cadres": _cadres(cadres, strict),
               **_supervision(assessments, findings, disposal_cases, strict), "explain": bool(explain)}
    out = _t.pools(request, _policy(policy))
    for k in ("members", "near_misses", "excluded"):
        for e in out[k]:
            if e.get("date") is not None:
                e["date"] = _dt.date.fromisoformat(e["date"])
    out["as_of"] = as_of
    return out


def pools(cadres: Any, assessments: Any, as_of: _dt.date, policy: Optional[_Policy] = None, *,
          findings: Any = None, disposal_cases: Any = None, explain: bool = False,
          as_frame: bool = False, strict: bool = False) -> Any:
    """Members of each pool as of ``as_of``: records ``cadre_id, pool ('echelon1'|'echelon2'|
    'nvshaofei'), reasons`` (each reason ``{"code", "zh", "en"}``), ordered by pool then cadre id;
    with ``as_frame=True`` a pandas DataFrame. See :func:`pool_report` for the inputs."""
    rep = pool_report(cadres, assessments, as_of, policy, findings=findings,
                      disposal_cases=disposal_cases, explain=explain, strict=strict)
    members = rep["members"]
    if as_frame:
        import pandas as pd
        return pd.DataFrame(members, columns=["cadre_id", "pool", "reasons"] + (["explanation"] if explain else []))
    return members


def pool_changes(cadres: Any, assessments: Any, from_date: _dt.date, to_date: _dt.date,
                 policy: Optional[_Policy] = None, *, findings: Any = None,
                 disposal_cases: Any = None, strict: bool = False) -> list:
    """Who entered and who left each pool between two dates, and why: records ``cadre_id, pool,
    change ('entered'|'left'), reasons`` (for a cadre who left: what is missing on ``to_date``)."""
    request = {"from": _date(from_date, "from_date"), "to": _date(to_date, "to_date"),
               "cadres": _cadres(cadres, strict), **_supervision(assessments, findings, disposal_cases, strict)}
    return _t.pool_changes(request, _policy(policy))["changes"]


def team_structure(members: Any, as_of: _dt.date, policy: Optional[_Policy] = None, *,
                   candidates: Any = None, assessments: Any = None, findings: Any = None,
                   disposal_cases: Any = None, explain: bool = False, as_frame: bool = False,
                   strict: bool = False) -> Any:
    """Structure of each leadership team as of ``as_of`` (HURE.5).

    ``members``: rows ``team_id, cadre_id, sex, birth_date, ethnicity, political_status``.
    Returns records per team (in order of first appearance) with ``team_id, size, young, women,
    minority, non_party, shares`` (exact ``fractions.Fraction``), ``targets`` (the policy's
    ``talent.team.min_*``) and ``gaps``: ``[{"criterion", "have", "target", "missing",
    "candidates"}]``. With ``candidates`` (cadres as for :func:`pools`), each gap lists the pool
    members who would fill it, ``eligible`` by ``promotion.min_years_at_rank.*`` and not
    excluded by a red line or an open disposal case, with reasons.
    """
    from fractions import Fraction
    request = {"as_of": _date(as_of, "as_of"),
               "members": [_record(m, _MEMBER_FIELDS) for m in _rows(members, "members", _MEMBER_FIELDS, strict)],
               "candidates": _cadres(candidates, strict, "candidates"),
               **_supervision(assessments, findings, disposal_cases, strict), "explain": bool(explain)}
    teams = _t.team_structure(request, _policy(policy))["teams"]
    for t in teams:
        t["shares"] = {k: Fraction(v) for k, v in t["shares"].items()}
    if as_frame:
        import pandas as pd
        return pd.DataFrame(teams)
    return teams


def team_structure_columns(team: Any, sex: Any, birth_date: Any, ethnicity: Any,
                           political_status: Any, *, as_of: _dt.date, n_teams: Optional[int] = None,
                           policy: Optional[_Policy] = None) -> dict:
    """The batch path over NumPy arrays or pandas columns (one row per member, any order):
    ``team`` (int index 0..n_teams-1, or a categorical column of team ids — its codes are used
    without a copy), ``sex`` (1/2), ``birth_date`` (``datetime64`` or int days since
    1970-01-01), ``ethnicity`` (GB 3304 code 1..56), ``political_status`` (GB/T 4762 code
    1..13). Returns a dict of arrays of length ``n_teams`` (default: the number of categories, or
    max team + 1): ``size, young, women, minority, non_party`` and ``gaps`` (bit 0 young, 1 women,
    2 minority, 3 non-party); with a categorical ``team`` also ``team_id`` (the categories)."""
    import numpy as np
    _frames.as_of_date(as_of)
    labels = _frames.categories(team)
    team = _frames.int_column(_frames.codes(team), "team", np.int32)
    if n_teams is None:
        n_teams = len(labels) if labels is not None else int(team.max()) + 1 if team.size else 0
    out = _t.team_structure_batch(_policy(policy), as_of, team, sex, birth_date, ethnicity, political_status,
                                  int(n_teams))
    if labels is not None:
        out["team_id"] = labels[: int(n_teams)]
    return out


def _growth_file(g: Mapping[str, Any]) -> dict:
    def conv(x: Any, key: str = "") -> Any:
        if isinstance(x, Mapping):
            return {k: conv(v, k) for k, v in x.items() if _plain(v, k) is not None or isinstance(v, (list, dict))}
        if isinstance(x, (list, tuple)):
            return [conv(v) for v in x]
        v = _plain(x, key)
        if key == "year" and isinstance(v, str) and v.isdigit():
            return int(v)
        return v
    return conv(dict(g))


def growth(growth_file: Mapping[str, Any], as_of: _dt.date, policy: Optional[_Policy] = None) -> dict:
    """One growth file (一人一档) as of ``as_of``: ``{"cadre_id", "figures", "gaps",
    "explanation"}``; figures: ``grassroots_days, grassroots_years, distinct_sectors,
    secondments_upward, principal_posts, years_at_rank, days_at_rank``."""
    request = {"as_of": _date(as_of, "as_of"), "growth_file": _growth_file(growth_file)}
    return _t.gaps(request, _policy(policy))


def gaps(growth_file: Mapping[str, Any], as_of: _dt.date, policy: Optional[_Policy] = None) -> list:
    """The gaps of a growth file with the posting that fills each (HURE.2–HURE.4): a list of
    ``{"gap", "posting", "value", "threshold", "parameter", "reason"}``; gap → posting:
    ``no_grassroots`` → ``village_residency``, ``narrow_view`` → ``secondment``,
    ``single_track`` → ``exchange``, ``no_principal_post`` → ``hard_post``."""
    return growth(growth_file, as_of, policy)["gaps"]


def propose_postings(growth_files: Any, places: Mapping[str, int], as_of: _dt.date,
                     policy: Optional[_Policy] = None) -> list:
    """Proposed postings for a pool within ``places`` (e.g. ``{"village_residency": 378}``):
    records ``cadre_id, posting, gap, placed, order, reason``, the cadres with each posting's
    gap queued by the size of the gap (ties by cadre id); beyond the places they wait."""
    request = {"as_of": _date(as_of, "as_of"),
               "growth_files": [_growth_file(g) for g in _rows(growth_files)],
               "places": {str(k): int(v) for k, v in places.items()}}
    return _t.postings(request, _policy(policy))["proposals"]


_frames.check_arguments_of(globals(), __all__)
