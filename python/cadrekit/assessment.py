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
import functools
import re
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from ._core import InvalidInput
from ._core import Policy as _Policy
from . import _core, _frames
from ._core import assessment as _a

__all__ = [
    "KINDS", "RATINGS", "ASPECTS", "screen", "explain_hits", "screen_columns", "rules", "standards",
    "findings_from_audit", "FINDING_SOURCES", "FINDING_CLASSES", "SEVERITIES", "DisposalCase",
    "PromotionCase", "DOMAINS", "METHODS", "composite_score", "method_checklist",
    "follow_up_schedule", "follow_up_ledger", "reappointment_eligibility", "parse_period",
    "period_text",
]

def _codes(kind: str) -> Tuple[str, ...]:
    """The codes of a table of the library's vocabulary (docs/input.md), in its enum's order."""
    return tuple(code for code, _, _ in _core.vocabulary_codes(kind))


KINDS = _codes("assessment_kind")
RATINGS = _codes("rating")
#: The six aspects of the qualitative standards (HORQIN.2).
ASPECTS = _codes("aspect")[1:]  # without "none" (no aspect)
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


def _digits(value: Any) -> bool:
    """Text of ASCII decimal digits only (a whole number as a CSV file holds it)."""
    return isinstance(value, str) and value.isascii() and value.isdigit()


def _plain(value: Any, field: str) -> Any:
    """A JSON-ready value (see _frames.json_scalar); ranks and group sizes as integers (also
    when given as text of decimal digits, as read from a CSV file), periods as text, other
    numbers as exact decimal text."""
    value = _frames.json_scalar(value, field)
    if field in ("rank", "group_size") and _digits(value):
        return int(value)
    if isinstance(value, float):
        if field in ("rank", "group_size") and value.is_integer():
            return int(value)
        if field == "period" and value.is_integer():
            return str(int(value))
        return str(value)
    if field == "period" and isinstance(value, int):
        return str(value)
    return value


def _record(row: Mapping[str, Any], fields: Sequence[str], where: str = "") -> Dict[str, Any]:
    return _frames.record(row, fields, _plain, where)


#: The four domains (苏木镇, 街道, 农牧场, 区直部门) and the six methods (听述职 … 抽样查).
DOMAINS = _codes("assessment_domain")
METHODS = _codes("assessment_method")


def _fraction(text: str) -> Any:
    from fractions import Fraction
    return Fraction(text)


def composite_score(domain: str, scores: Mapping[str, Any], *, as_of: _dt.date,
                    policy: Optional[_Policy] = None) -> Dict[str, Any]:
    """The composite score of a domain (HORQIN.4): Σ weight · score over the domain's
    indicators (policy ``assessment.indicators.<domain>``), exact. ``scores`` maps every
    indicator id to its score (int, ``Decimal``, ``Fraction`` or exact decimal text). Returns
    ``{"domain", "score": Fraction, "parts": [{"indicator", "name_zh", "weight", "score",
    "part"}] (Fractions), "explanation": cadrekit.Explanation}``. A missing, unknown, malformed
    or negative score raises ``cadrekit.InvalidInput`` naming ``scores.<indicator>``."""
    from fractions import Fraction
    if not isinstance(scores, Mapping):
        raise _frames.argument_error(f"scores must be a mapping of indicator to score, not {type(scores).__name__}",
                                     "scores")
    plain = {}
    for k, v in scores.items():
        if isinstance(v, Fraction):
            v = f"{v.numerator}/{v.denominator}"
        elif isinstance(v, bool) or isinstance(v, float):
            raise _frames.argument_error(
                f"a score must be exact (int, Decimal, Fraction or text), not {type(v).__name__}",
                f"scores.{_frames.display_key(str(k))}")
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
                     policy: Optional[_Policy] = None) -> Dict[str, Any]:
    """The six methods as a checklist (policy ``assessment.methods.required``): ``{"items":
    [{"method", "required", "done"}], "missing": [...], "complete": bool}``. The source names
    12 steps of the assessment but lists none; the methods are the steps it names."""
    return _a.method_checklist({"as_of": as_of, "methods": list(methods)}, _policy(policy))


def findings_from_audit(audit_findings: Any) -> List[Dict[str, Any]]:
    """Audit findings of :mod:`cadrekit.audit` (HOLINGOL.4) as findings for :func:`screen`.

    ``audit_findings``: DataFrame or dicts with ``unit_id, leader_id`` (optional), ``date,
    kind`` (:data:`cadrekit.audit.KINDS`), ``finding`` (:data:`cadrekit.audit.FINDINGS`). The
    documented mapping: source ``audit``; ``cadre_id`` = ``leader_id`` (empty: the unit's
    finding); severity minor → minor, serious → serious, referred → grave; id
    ``audit:<unit_id>:<date>:<kind>``; clean audits (``none``) are left out."""
    rows = [_record(r, _AUDIT_FIELDS, f"audit_findings[{i}]") for i, r in enumerate(_rows(audit_findings))]
    return _a.findings_from_audit(rows)


_HIT_COLUMNS = ["cadre_id", "rule_id", "clause", "periods", "suggestion", "records", "findings",
                "standards"]


def screen(records: Any, findings: Any = None, *, as_of: _dt.date,
           policy: Optional[_Policy] = None, explain: Optional[bool] = None,
           as_frame: Optional[bool] = None, audit_findings: Any = None, strict: bool = False) -> Any:
    """Every red line that fires for every cadre as of ``as_of`` (DMN "collect").

    ``records``: DataFrame or list of dicts with ``cadre_id, unit_id, domain, kind
    ('annual'|'key_work'|'party_conduct'|'review'), period ('2015' or '2015-2'), rank,
    group_size, rating`` (and optionally ``score``, ``method``). ``findings``: dicts with
    ``id, cadre_id`` (or ``unit_id``), ``date, source, standard, aspect, classification,
    severity``; ``standard`` is the id of a standard of :func:`standards` (required for
    qualitative findings; the aspect, when given, must be the standard's). ``audit_findings``:
    the audit module's findings (see :func:`findings_from_audit`), mapped and screened with the
    others.

    **A DataFrame gives a DataFrame** of hits, columns ``cadre_id, rule_id, clause, periods,
    suggestion, records, findings, standards`` (``records``: the 0-based positions of the rows
    that made the rule fire; ``standards``: per finding that names one, its ``standard, aspect,
    text_zh, text_en, clause, suggestion``), ordered by cadre then rule, **without
    explanations**: :func:`explain_hits` builds them for the hits asked about, or
    ``explain=True`` adds a column ``explanation`` for every hit. A table of records alone
    (and of findings, below) is read column by column and screened by the columnar kernel.

    **A list of dicts gives a list of dicts** (the same members, with ``explanation``, a
    ``cadrekit.Explanation``, unless ``explain=False``); ``as_frame=True`` turns it into a
    DataFrame. ``as_frame=False`` with a DataFrame keeps the former answer (a list of dicts with
    explanations) for one release, with a DeprecationWarning.

    A table of records with a table of findings (a DataFrame, as read from a file: text codes,
    dates as text or ``datetime64``, categoricals) is read column by column as well, each
    distinct value once, unit findings given to the cadres whose latest record names the unit,
    and screened by the columnar kernel; only the lists of the finding rules' hits (their
    findings, dates and standards) are taken from the rows path, on those cadres alone.

    Bad input raises ``cadrekit.InvalidInput`` naming the field and the record
    (``records[3]``), the same error on either path. A column (or key) a table has beyond the
    fields above is an ``UnknownColumnWarning`` naming it and the nearest field read;
    ``strict=True`` makes it an ``InvalidInput``.
    """
    _frames.as_of_date(as_of)
    records, findings, audit_findings = (
        x if x is None or _frames.is_frame(x) or isinstance(x, (list, tuple)) else list(x)
        for x in (records, findings, audit_findings))
    for data, known, what in ((records, _RECORD_FIELDS, "records"), (findings, _FINDING_FIELDS, "findings"),
                              (audit_findings, _AUDIT_FIELDS, "audit_findings")):
        _frames.check_known(data, known, what, strict=strict)
    frame = _frames.is_frame(records)
    if frame and as_frame is False:
        _frames.warn(DeprecationWarning("screen(DataFrame, as_frame=False) returns a list of dicts only for this "
                                        "release; a DataFrame gives a DataFrame (use .to_dict('records') on it)"))
        frame = False
        explain = True if explain is None else explain
    if frame and audit_findings is None and (findings is None or _frames.is_frame(findings)):
        try:
            out = _screen_frame(records, as_of, policy, findings)
        except _Slow:
            out = None
        if out is not None:
            if explain:
                out["explanation"] = explain_hits(records, out, findings, as_of=as_of, policy=policy)
            return out
    if explain is None:
        explain = not frame
    hits = _screen_rows(records, findings, audit_findings, as_of, policy, bool(explain))
    if frame or as_frame:
        import pandas as pd
        return pd.DataFrame(hits, columns=_HIT_COLUMNS + (["explanation"] if explain else []))
    return hits


def _screen_rows(records: Any, findings: Any, audit_findings: Any, as_of: _dt.date,
                 policy: Optional[_Policy], explain: bool) -> List[Dict[str, Any]]:
    """The rows path: every record, finding and audit finding as the library's JSON request."""
    request = {
        "as_of": _plain(as_of, "as_of"),
        "records": [_record(r, _RECORD_FIELDS, f"records[{i}]") for i, r in enumerate(_rows(records))],
        "findings": [_record(f, _FINDING_FIELDS, f"findings[{i}]") for i, f in enumerate(_rows(findings))],
        "audit_findings": [_record(f, _AUDIT_FIELDS, f"audit_findings[{i}]")
                           for i, f in enumerate(_rows(audit_findings))],
        "explain": bool(explain),
    }
    hits: List[Dict[str, Any]] = _a.screen(request, _policy(policy))["hits"]
    return hits


def explain_hits(records: Any, hits: Any, findings: Any = None, *, as_of: _dt.date,
                 policy: Optional[_Policy] = None, audit_findings: Any = None) -> Any:
    """The explanations of chosen hits of :func:`screen`, identical to the ones ``screen(...,
    explain=True)`` gives for them.

    ``records`` (and ``findings``, ``audit_findings``, ``as_of``, ``policy``): what was given to
    :func:`screen`; ``hits``: the rows of its answer to explain — a DataFrame (any selection of
    rows, e.g. ``hits.loc[hits.rule_id == "annual_bottom"]``) or a list of hit dicts. Only the
    records of the hits' cadres are screened again. Returns a pandas Series of
    ``cadrekit.Explanation`` aligned with the DataFrame's index (a list for a list); a hit that
    the data do not give raises InvalidInput naming it (``hits[i]``)."""
    _frames.as_of_date(as_of)
    frame_hits = _frames.is_frame(hits)
    pairs: List[Tuple[str, str]]
    if frame_hits:
        pairs = list(zip(_frames.column(hits, "cadre_id", "hits").tolist(),
                         _frames.column(hits, "rule_id", "hits").tolist()))
    else:
        pairs = [(str(h["cadre_id"]), str(h["rule_id"])) for h in hits]
    got = _subset_hits(records, findings, audit_findings, {c for c, _ in pairs}, as_of, policy, True)
    out = []
    for i, key in enumerate(pairs):
        h = got.get(key)
        if h is None:
            raise _frames.invalid("no such hit in the records given", "cadre_id", f"hits[{i}]")
        out.append(h["explanation"])
    if frame_hits:
        import pandas as pd
        return pd.Series(out, index=hits.index, dtype=object, name="explanation")
    return out


_RECORD_NAME = re.compile(r"^(records|findings)\[(\d+)\]")


def _subset_hits(records: Any, findings: Any, audit_findings: Any, cadres: Any, as_of: _dt.date,
                 policy: Optional[_Policy], explain: bool) -> Dict[Tuple[str, str], Dict[str, Any]]:
    """The hits of the given cadres, by (cadre_id, rule_id), from a screening of their records
    only (every record of each of them: a cadre's answer depends on its own records, and a
    unit's finding on the latest record of each cadre), with record positions — the ``records``
    column and the explanations' ``records[i]`` — counted in the whole table."""
    import numpy as np
    if _frames.is_frame(records):
        ids = _frames.column(records, "cadre_id", "records")
        pos = np.flatnonzero(ids.isin(list(cadres)).to_numpy())
        part = records.iloc[pos]
    else:
        rows = _rows(records)
        pos = np.array([i for i, r in enumerate(rows) if r.get("cadre_id") in cadres], dtype=np.int64)
        part = [rows[i] for i in pos.tolist()]
    fwhere: Optional[List[int]] = None
    if _frames.is_frame(findings) and audit_findings is None and len(findings):
        fpos = _findings_of(findings, cadres, part)
        findings = findings.iloc[fpos]
        fwhere = fpos.tolist()
    hits = _screen_rows(part, findings, audit_findings, as_of, policy, explain)
    where = pos.tolist()
    out = {}
    for h in hits:
        if h["cadre_id"] not in cadres:
            continue
        of_findings = bool(h["findings"])  # a finding rule's hit: its records are findings
        at = fwhere if of_findings else where
        if at is not None:
            h["records"] = [at[j] for j in h["records"]]
        if explain:
            h["explanation"] = _renumber_records(h["explanation"], where, fwhere)
        out[(h["cadre_id"], h["rule_id"])] = h
    return out


def _findings_of(findings: Any, cadres: Any, part: Any) -> Any:
    """The positions of the findings that can count for ``cadres``: theirs, and the unit
    findings (no cadre id) of the units their records ``part`` name."""
    import numpy as np
    n = len(findings)
    if "cadre_id" in findings.columns:
        fc = findings["cadre_id"].astype(object)
        mine = fc.isin(list(cadres)).to_numpy()
        unit = (fc.isna() | (fc == "")).to_numpy()
    else:
        mine, unit = np.zeros(n, dtype=bool), np.ones(n, dtype=bool)
    if unit.any() and "unit_id" in findings.columns:
        units = part["unit_id"].astype(object).dropna().unique().tolist() \
            if _frames.is_frame(part) and "unit_id" in part.columns else \
            list({r.get("unit_id") for r in part if r.get("unit_id") is not None})
        unit &= findings["unit_id"].astype(object).isin(units).to_numpy()
    return np.flatnonzero(mine | unit)


def _renumber_records(ex: Any, where: List[int], fwhere: Optional[List[int]] = None) -> Any:
    """An explanation whose inputs ``records[j]…`` name ``records[where[j]]…`` (and
    ``findings[j]…`` ``findings[fwhere[j]]…``; the library renders it again, byte for byte as
    it renders its own)."""
    d = ex.to_dict()
    changed = False
    for item in d.get("inputs", ()):
        m = _RECORD_NAME.match(item.get("name", ""))
        if not m:
            continue
        at = where if m.group(1) == "records" else fwhere
        j = int(m.group(2))
        if at is not None and at[j] != j:
            item["name"] = f"{m.group(1)}[{at[j]}]" + item["name"][m.end():]
            changed = True
    return _core.Explanation.from_dict(d) if changed else ex


class _Slow(Exception):
    """The table holds values the column reader leaves to the rows path (which reads them, or
    refuses them with its error)."""


def _blank_ids(ids: Any) -> List[int]:
    """The positions of the blank texts (empty, or only the spaces ``vocabulary::blank`` reads as
    none) among ``ids``, distinct texts sorted by code point: a blank text starts with a
    character up to the space, U+00A0 or U+3000, so only those ranges are looked at."""
    import numpy as np
    out: List[int] = []
    try:
        ranges = [tuple(int(x) for x in np.searchsorted(ids, [lo, hi]))
                  for lo, hi in (("", "!"), ("\u00a0", "\u00a1"), ("\u3000", "\u3001"))]
    except TypeError:  # ids not all text (not sorted as text): each looked at
        ranges = [(0, len(ids))]
    for a, b in ranges:
        out += [i for i in range(a, b) if isinstance(ids[i], str) and _core.vocabulary_blank(ids[i])]
    return out


#: Inferred types (pandas.api.types.infer_dtype, missing values skipped) of a text column, and
#: of a column of whole numbers, that the column reader takes; others go the rows path.
_TEXT = ("string", "empty")
_NUMBER = ("integer", "floating", "mixed-integer-float", "empty")
_INT32_MAX = 2**31 - 1


def _kind_of(col: Any) -> str:
    import numpy as np
    import pandas as pd
    dtype = col.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return str(pd.api.types.infer_dtype(col.cat.categories, skipna=True))
    if isinstance(dtype, pd.StringDtype):
        return str(pd.api.types.infer_dtype(col, skipna=True))
    if not isinstance(dtype, np.dtype):
        return "other"  # nullable Int64, boolean and other extension dtypes: the rows path
    if dtype.kind != "O":
        if dtype.kind in "iu":
            return "integer"
        if dtype.kind == "f":
            return "floating"
        return "other"  # bool, datetime, other extension dtypes: the rows path
    return str(pd.api.types.infer_dtype(col, skipna=True))


def _probe_field(probe_ok: Callable[..., bool], name: str, u: Any) -> int:
    """0 when the rows path reads ``u`` in the field ``name``, else _Slow (see _fail)."""
    return 0 if probe_ok(**{name: u}) else _fail()


def _screen_frame(df: Any, as_of: _dt.date, policy: Optional[_Policy], findings: Any = None) -> Any:
    """screen() of a DataFrame of records: the records read by _read_records, the rows sorted
    by cadre id, kind and period (_records_order), the columnar kernel run with the GIL
    released, and its hits turned into the rows path's answer (without explanations)."""
    _frames.check_columns(df, "rows")  # as the rows path names it
    pol = _policy(policy)
    cadre, cadre_ids, kind, period, rating, rank, group = _read_records(df, as_of, pol)
    fr = None
    if findings is not None and len(findings):
        fr = _read_findings(findings, as_of, pol)
        cadre, cadre_ids = _merge_cadres(cadre, cadre_ids, fr)
    rows, key, columns = _records_order(cadre, len(cadre_ids), kind, period, rank, group, rating, as_of)
    fargs: List[Any] = [] if fr is None else _finding_columns(df, fr, rows, columns[0], columns[2])
    c, r, f, l, cnt, ids = _a.screen_batch(pol, as_of, *columns, *fargs)
    return _hits_frame(df, rows, key, columns[2], cadre_ids, c, r, f, l, cnt, ids, as_of, pol,
                       findings if fr is not None else None, fr)


def _read_records(df: Any, as_of: _dt.date, pol: _Policy, numbered: Optional[Tuple[Any, Any]] = None
                  ) -> Tuple[Any, ...]:
    """A DataFrame of records read for the screening, each column in vectorised form (text
    columns through their distinct values, ``_frames.factorize``): (each row's cadre code among
    the ids in the library's order, those ids, each row's kind, period, rating, rank and group
    size). A value this reader is unsure of is checked by the rows path on that row: its error
    is raised, naming the row; where the rows path would take the row, the whole table goes the
    rows path (_Slow). ``numbered``: the cadre ids already numbered by the caller, (each row's
    code, the distinct texts in the library's order) over these records' ids and maybe others
    (a caller joining the records to another table by one numbering of both). The caller has
    checked the columns' names (_frames.check_columns) and read the policy."""
    import numpy as np
    import pandas as pd
    n = len(df)
    if n == 0 or df.shape[1] == 0:  # pandas gives no rows of a frame without columns
        raise _Slow()
    cols = set(df.columns)
    bad = np.zeros(n, dtype=bool)

    def probe_ok(**fields: Any) -> bool:
        rec = {"cadre_id": "x", "kind": "annual", "period": "2000"}
        rec.update(fields)
        try:
            _a.screen({"as_of": as_of.isoformat(), "records": [rec], "explain": False}, pol)
        except InvalidInput:
            return False
        return True

    def mark(codes: Any, ok: Any) -> None:
        """Marks bad the rows whose code ``ok`` refuses (its last entry: a missing value, -1),
        in one pass over the rows only when some distinct value is refused."""
        nonlocal bad
        if not ok[:-1].all():
            bad |= ~ok[codes]
        elif not ok[-1]:
            bad |= codes < 0

    def text(name: str, required: bool, parse: Optional[Callable[[Any], int]], sort: bool = False,
             default: int = 0) -> Tuple[Any, Any, Any]:
        """(codes of the distinct values, −1 for a missing one; the parse of each distinct value,
        the last entry a missing one's; the distinct values) of a text column; rows whose value
        is missing (when required) or refused are marked bad."""
        nonlocal bad
        col = df[name] if name in cols else None
        if col is not None and col.dtype.kind == "f" and col.isna().all():
            col = None  # a column left empty, as pandas reads it from a CSV file
        if col is None:
            if required:
                bad[:] = True
            return np.full(n, -1, np.int64), np.full(1, default, np.int64), np.zeros(0, dtype=object)
        fast = _frames.factorize_text(col, sort) if col.dtype == object or \
            isinstance(col.dtype, pd.StringDtype) else None
        if fast is not None:  # text and missing cells only, numbered in C++
            codes, uniq, refused = fast
            # a NUL character or a lone surrogate: refused by the rows path with its own error
            if refused:
                raise _Slow()
            values = uniq.tolist()
            sort = False  # already in the library's order (by code point)
        elif isinstance(col.dtype, pd.CategoricalDtype):
            codes, uniq = col.cat.codes.to_numpy(), col.cat.categories.to_numpy(dtype=object)
            values = uniq.tolist()
        elif col.dtype == object or isinstance(col.dtype, pd.StringDtype):
            raise _Slow()  # a value that is not text among the texts: the rows path's error
        else:
            raise _Slow()  # numbers, dates, booleans where text is wanted: the rows path's error
        # Only text (a value of another type may equal a text's hash, never a text) and no
        # NUL character (refused by the rows path with its own error).
        if fast is None and ((values and pd.api.types.infer_dtype(uniq, skipna=False) != "string")
                             or "\x00" in "".join(values)):
            raise _Slow()
        if sort:  # ids in the library's order (by code point, as UTF-8 bytes compare)
            order = np.argsort(np.array(values, dtype=str), kind="stable") if values else \
                np.zeros(0, np.int64)
            where = np.empty(len(values) + 1, dtype=np.int64)
            where[order] = np.arange(len(values))
            where[-1] = -1
            codes = where[codes]
            uniq = uniq[order]
        ok = np.ones(len(values) + 1, dtype=bool)  # the last stands for a missing value (code -1)
        val = np.full(len(values) + 1, default, dtype=np.int64)
        ok[-1] = not required
        if parse is not None:
            for j, u in enumerate(values):
                try:
                    val[j] = parse(u)
                except (InvalidInput, ValueError):
                    ok[j] = False
        mark(codes, ok)
        return codes, val, uniq

    # cadre ids: sorted distinct values, so that the codes order the cadres as the library does
    if numbered is None:
        cadre, _, cadre_ids = text("cadre_id", True, None, sort=True)
    else:  # as text() marks a required column's missing values
        cadre, cadre_ids = numbered
        bad |= cadre < 0
    for at in _blank_ids(cadre_ids):  # the rows path refuses an empty or blank id
        bad |= cadre == at
    if "unit_id" in cols:  # read only to be checked: text or missing
        text("unit_id", False, None)
    text("domain", False, lambda u: 0 if probe_ok(domain=u) else _fail())
    codes, val, _ = text("kind", True, _a.kind_code)
    kind = val.astype(np.uint8)[codes]
    codes, val, _ = text("rating", False, _a.rating_code)
    rating = val.astype(np.uint8)[codes]
    for name in ("method", "score"):
        text(name, False, functools.partial(_probe_field, probe_ok, name))
    # periods: text ("2015", "2015-2") or whole years
    if "period" not in cols:
        bad[:] = True
        period = np.zeros(n, np.int64)
    else:
        col = df["period"]
        fast = _frames.factorize_text(col) if col.dtype == object else None  # text: no inference
        if fast is not None:
            codes, uniq, _ = fast
        else:
            if _kind_of(col) not in _TEXT + _NUMBER:
                raise _Slow()
            codes, uniq = _frames.factorize(col)
        ok = np.ones(len(uniq) + 1, dtype=bool)
        val = np.zeros(len(uniq) + 1, dtype=np.int64)
        ok[-1] = False
        for j, u in enumerate(uniq.tolist()):
            t = _plain(u, "period")
            if not isinstance(t, str) or "\x00" in t or not probe_ok(period=t):
                ok[j] = False
            else:
                val[j] = _a.parse_period(t)
        mark(codes, ok)
        period = val[codes]
    # ranks and group sizes: whole numbers 0…2^31-1, a missing one 0 (unranked)
    nums = {}
    for name in ("rank", "group_size"):
        if name not in cols:
            nums[name] = np.zeros(n, np.int32)
            continue
        col = df[name]
        k = _kind_of(col)
        if k in _TEXT and k != "empty":  # whole numbers as text ("10"), once per distinct text
            codes, uniq = _frames.factorize(col)
            val = np.array([int(u) if _digits(u) and len(u) <= 12 else -1 for u in uniq.tolist()] + [0],
                           dtype=np.float64)
            a = val[codes]
        elif k in _NUMBER:
            try:
                a = col.to_numpy() if col.dtype.kind in "iu" else \
                    col.to_numpy(dtype=np.float64, na_value=np.nan)
            except (TypeError, ValueError):
                raise _Slow() from None
        else:
            raise _Slow()
        if a.dtype.kind == "f":
            with np.errstate(invalid="ignore"):
                a = np.where(np.isnan(a), 0.0, a)
                wrong = ~((a == np.floor(a)) & (a >= 0) & (a <= _INT32_MAX))
        else:
            wrong = (a < 0) | (a > _INT32_MAX)
        if wrong.any():
            bad |= wrong
            a = np.where(wrong, 0, a)
        nums[name] = a.astype(np.int32)  # 0…2^31-1 now
    rank, group = nums["rank"], nums["group_size"]
    bad |= (rank > 0) & (rank > group)
    # a rating must belong to its kind's assessment (the library's check, once per pair)
    pair = kind * 16 + rating
    for p in np.flatnonzero(np.bincount(pair[~bad])).tolist():  # the pairs present (a count, not a sort)
        if not probe_ok(kind=KINDS[p // 16], rating=RATINGS[p % 16]):
            bad |= pair == p
    if bad.any():
        _raise_row(df, int(np.flatnonzero(bad)[0]), as_of, pol)
        raise _Slow()
    return cadre, cadre_ids, kind, period, rating, rank, group


def _records_order(cadre: Any, cadre_count: int, kind: Any, period: Any, rank: Any, group: Any,
                   rating: Any, as_of: _dt.date) -> Tuple[Any, Any, Tuple[Any, ...]]:
    """(the rows of the screened years sorted by cadre, kind and period (stable), their sort
    keys ``(cadre * 4 + kind) << 20 | period``, and screen_batch's six columns in that order:
    cadre, kind, period, rank, group size, rating): the order the screening kernel reads, in
    one C++ pass over the columns (``_a.records_order``); two records of one cadre, kind and
    period raise, naming the later one of the first such pair in that order."""
    rows, key, dup, *columns = _a.records_order(cadre, cadre_count, kind, period, (as_of.year + 1) * 100,
                                                rank, group, rating)
    if dup >= 0:
        raise _frames.invalid("two records for the same cadre, kind and period", "period",
                              f"records[{max(int(rows[dup]), int(rows[dup + 1]))}]")
    return rows, key, tuple(columns)


def _hit_cadres(records: Any, as_of: _dt.date, policy: Optional[_Policy],
                numbered: Optional[Tuple[Any, Any]] = None) -> Tuple[Any, Any]:
    """Who has a hit, for a caller that needs no more of screen() (talent.pools): a DataFrame of
    records screened as screen(records) screens it, with its warnings and errors, without the
    lists of the hits. (The codes of the cadres with a hit; the columnar reading: each row's
    cadre code among the ids in the library's order, those ids, each row's kind, period and
    rating codes.) ``numbered``: as _read_records takes it. When the table goes the rows path:
    (the ids of the cadres with a hit, None)."""
    import numpy as np
    _frames.check_known(records, _RECORD_FIELDS, "records")
    _frames.check_columns(records, "rows")  # as the rows path names it
    pol = _policy(policy)
    try:
        cadre, cadre_ids, kind, period, rating, rank, group = _read_records(records, as_of, pol, numbered)
    except _Slow:
        hits = _screen_rows(records, None, None, as_of, policy, False)
        return np.array(sorted({h["cadre_id"] for h in hits}), dtype=object), None
    columns = _records_order(cadre, len(cadre_ids), kind, period, rank, group, rating, as_of)[2]
    c = _a.screen_batch(pol, as_of, *columns)[0]
    return np.unique(c), (cadre, cadre_ids, kind, period, rating)


def _text_column(df: Any, name: str) -> Tuple[Any, List[Any]]:
    """(codes, −1 for a missing value; the distinct texts) of a text column of ``df``, all
    missing when it is absent or left empty; _Slow for values that are not text."""
    import numpy as np
    import pandas as pd
    n = len(df)
    col = df[name] if name in df.columns else None
    if col is not None and col.dtype.kind == "f" and col.isna().all():
        col = None
    if col is None:
        return np.full(n, -1, np.int64), []
    fast = _frames.factorize_text(col) if col.dtype == object or isinstance(col.dtype, pd.StringDtype) \
        else None
    if fast is not None:  # text and missing cells only, numbered in C++
        codes, uniq, nul = fast
        if nul:
            raise _Slow()
        return codes, uniq.tolist()
    if not isinstance(col.dtype, pd.CategoricalDtype):
        raise _Slow()
    codes, uniq = col.cat.codes.to_numpy().astype(np.int64), col.cat.categories.to_numpy(dtype=object)
    values = uniq.tolist()
    if (values and pd.api.types.infer_dtype(uniq, skipna=False) != "string") or "\x00" in "".join(values):
        raise _Slow()
    return codes, values


def _read_findings(fdf: Any, as_of: _dt.date, pol: _Policy) -> Dict[str, Any]:
    """The findings of a DataFrame as the kernel's codes, each distinct value (and each distinct
    combination of source, standard, aspect, classification and severity) read once by the
    library; a row the library refuses raises its error naming it (``findings[i]``)."""
    import numpy as np
    import pandas as pd
    _frames.check_columns(fdf, "findings")
    n = len(fdf)
    bad = np.zeros(n, dtype=bool)
    ids, id_values = _text_column(fdf, "id")
    bad |= ids < 0
    if "" in id_values:
        bad |= ids == id_values.index("")
    for name in ("facts",):
        _text_column(fdf, name)  # read only to be checked: text or missing
    cad, cad_values = _text_column(fdf, "cadre_id")
    unit, unit_values = _text_column(fdf, "unit_id")
    no_cadre = np.array([v == "" for v in cad_values] + [True], dtype=bool)[cad]
    no_unit = np.array([v == "" for v in unit_values] + [True], dtype=bool)[unit]
    bad |= no_cadre & no_unit
    # dates: text as the library reads it, or datetime64 at midnight (a time of day is the rows
    # path's error, never cut off)
    col = fdf["date"] if "date" in fdf.columns else None
    if col is None:
        bad[:] = True
        day = np.zeros(n, np.int64)
    else:
        if col.dtype.kind == "M" and isinstance(col.dtype, np.dtype):
            d, timed = _core.datetime_days(col.to_numpy())
            if timed >= 0:
                bad[timed] = True
            codes, uniq = _frames.factorize(d)
            values = [str(u) for u in np.asarray(uniq, dtype="datetime64[D]").tolist()]
        else:
            codes, values = _text_column(fdf, "date")
        val = np.zeros(len(values) + 1, np.int64)
        ok = np.zeros(len(values) + 1, dtype=bool)
        for j, u in enumerate(values):
            try:
                val[j] = _a.date_days(u)
                ok[j] = True
            except (InvalidInput, ValueError):
                pass
        bad |= ~ok[codes]
        day = val[codes]
    # the coded fields, once per distinct combination
    catalogue = {st["id"]: k for k, st in enumerate(standards(as_of=as_of, policy=pol))}
    names = ("source", "standard", "aspect", "classification", "severity")
    cols = [_text_column(fdf, name) for name in names]
    combo = np.zeros(n, np.int64)
    radix = 1
    for codes, values in cols:
        radix *= len(values) + 1
        if radix >= 2**62:
            raise _Slow()
        combo = combo * (len(values) + 1) + (codes + 1)
    distinct, inverse = np.unique(combo, return_inverse=True)
    table = np.zeros((len(distinct), 4), np.int64)  # source, standard, classification, severity
    ok = np.ones(len(distinct), dtype=bool)
    combos: List[Dict[str, str]] = []
    for key in distinct.tolist():
        got: Dict[str, str] = {}
        for (codes, values), name in zip(reversed(cols), reversed(names)):
            c = key % (len(values) + 1) - 1
            key //= len(values) + 1
            if c >= 0:
                got[name] = values[c]
        if "standard" not in got and got.get("aspect", "") != "":
            raise _Slow()  # an aspect without a standard: the rows path weighs it as given
        combos.append(got)

    def accepted(probes: List[Dict[str, str]]) -> bool:
        findings = [{"id": f"x{j}", "cadre_id": "x", "date": "2000-01-01", **got} for j, got in enumerate(probes)]
        try:
            _a.screen({"as_of": as_of.isoformat(), "records": [], "findings": findings, "explain": False}, pol)
        except InvalidInput:
            return False
        return True
    # every combination in one request; only when one is refused, each alone (to find which)
    if not accepted(combos):
        for j, got in enumerate(combos):
            ok[j] = accepted([got])
    for j, got in enumerate(combos):
        if ok[j]:
            table[j] = (_a.finding_source_code(got.get("source", "qualitative")),
                        catalogue.get(got.get("standard", ""), -1),
                        _a.finding_class_code(got.get("classification", "")),
                        _a.severity_code(got.get("severity", "moderate")))
    bad |= ~ok[inverse]
    if bad.any():
        _raise_finding(fdf, int(np.flatnonzero(bad)[0]), as_of, pol)
        raise _Slow()
    coded = table[inverse]
    return {"combo": inverse, "combo_codes": table, "ids": ids, "id_values": id_values,"cadre": cad, "cadre_values": cad_values, "no_cadre": no_cadre, "unit": unit,
            "unit_values": unit_values, "day": day, "source": coded[:, 0], "standard": coded[:, 1],
            "classification": coded[:, 2], "severity": coded[:, 3]}


def _finding_lists(fr: Dict[str, Any], c: Any, r: Any, first: Any, last: Any, cnt: Any, rk: Any,
                   pol: _Policy, as_of: _dt.date) -> Dict[int, Tuple[List[Any], List[Any], List[Any]]]:
    """(dates, finding ids, standards) of each finding rule's hit ``j`` of the kernel's answer,
    as the rows path gives them: the cadre's findings (as given to the kernel) that the rule
    counts, by date then position in the table. Which rules count a finding depends on its
    codes and its date alone: the kernel itself answers it once per distinct (codes, date),
    each given as a cadre of its own. A hit whose count or dates differ from the lists found
    is left out (the rows path answers it)."""
    import numpy as np
    hits = np.flatnonzero(rk[r] < 0)
    if not len(hits):
        return {}
    fi, fk = fr["rows"], fr["keys"]
    day = fr["day"][fi]
    combo = fr["combo"][fi]
    pair_key = combo.astype(np.int64) * (1 << 32) + (day.astype(np.int64) + (1 << 31))
    pairs, pair = np.unique(pair_key, return_inverse=True)
    copies = int(cnt[hits].max())  # enough of one finding for any rule that fired to fire again
    if len(pairs) * copies > max(4 * len(fi), 200_000):
        return {}
    one = _first_rows(pair, len(pairs))  # a row of each pair
    probe = np.repeat(np.arange(len(pairs), dtype=np.int64), copies)
    codes = fr["combo_codes"][combo[one]]
    pday = day[one]
    e8, e32 = np.zeros(0, np.uint8), np.zeros(0, np.int32)
    qc, qr, _, _, qn, _ = _a.screen_batch(
        pol, as_of, np.zeros(0, np.int64), e8, e32, e32, e32, e8, probe,
        np.repeat(codes[:, 1], copies).astype(np.int32), np.repeat(codes[:, 0], copies).astype(np.uint8),
        np.repeat(codes[:, 2], copies).astype(np.uint8), np.repeat(codes[:, 3], copies).astype(np.uint8),
        np.repeat(pday, copies).astype(np.int32))
    counts = np.zeros((len(pairs), len(rk)), dtype=bool)
    counts[qc.astype(np.int64), qr.astype(np.int64)] = qn.astype(np.int64) == copies
    order = np.lexsort((fi, day, fk))
    days = np.unique(day)
    texts = dict(zip(days.tolist(), np.datetime_as_string(days.astype("datetime64[D]")).tolist()))
    ids = np.asarray(fr["id_values"], dtype=object)[fr["ids"][fi]]
    cat = standards(as_of=as_of, policy=pol)
    named = {k: {"standard": st["id"], "aspect": st["aspect"], "text_zh": st["text_zh"], "text_en": st["text_en"],
                 "clause": st["clause"], "suggestion": st["suggestion"]} for k, st in enumerate(cat)}
    std = fr["standard"][fi]
    out: Dict[int, Tuple[List[Any], List[Any], List[Any]]] = {}
    for rule in np.unique(r[hits]).tolist():
        srt = order[counts[pair[order], rule]]
        keys = fk[srt]
        js = hits[r[hits] == rule]
        los = np.searchsorted(keys, c[js], side="left")
        his = np.searchsorted(keys, c[js], side="right")
        d = np.append(day[srt], 0)
        fine = ((his - los) == cnt[js]) & (his > los) & (d[los] == first[js]) & (d[np.maximum(his - 1, 0)] == last[js])
        # the findings of all these hits gathered at once, then cut hit by hit
        lo, size = los[fine], his[fine] - los[fine]
        at = srt[np.repeat(lo - np.cumsum(size) + size, size) + np.arange(int(size.sum()))]
        fids, dates, kinds = ids[at].tolist(), [texts[x] for x in day[at].tolist()], std[at].tolist()
        end = 0
        for j, k in zip(js[fine].tolist(), size.tolist()):
            begin, end = end, end + k
            out[j] = (dates[begin:end], fids[begin:end],
                      [{"finding": fid, **named[s]} for fid, s in zip(fids[begin:end], kinds[begin:end]) if s >= 0])
    return out


def _first_rows(inverse: Any, n: int) -> Any:
    """A position of each of the ``n`` distinct values of ``inverse`` (its codes)."""
    import numpy as np
    at = np.empty(n, dtype=np.int64)
    at[inverse[::-1]] = np.arange(len(inverse) - 1, -1, -1)
    return at


def _raise_finding(fdf: Any, i: int, as_of: _dt.date, pol: _Policy) -> None:
    """The rows path's error for finding ``i`` of ``fdf`` alone, naming it (``findings[i]``)."""
    rec = _record(fdf.iloc[[i]].to_dict(orient="records")[0], _FINDING_FIELDS, f"findings[{i}]")
    try:
        _a.screen({"as_of": as_of.isoformat(), "records": [], "findings": [rec], "explain": False}, pol)
    except InvalidInput as e:
        raise _frames.invalid(e.message, e.field, f"findings[{i}]") from None


def _position_in(distinct: Any, values: Any) -> Any:
    """The position of each of ``values`` among the distinct texts ``distinct``, -1 where it is
    not one (pandas' ``Index.get_indexer``): in C++, by a table of the values only, in which
    each of the distinct texts is looked up."""
    import pandas as pd
    got = _core.position_in(distinct, values, _frames._missing_objects())
    if got is None:  # not all text
        return pd.Index(distinct).get_indexer(values)
    return got


def _merge_cadres(cadre: Any, cadre_ids: Any, fr: Dict[str, Any]) -> Tuple[Any, Any]:
    """Record cadre codes and sorted ids over the cadres of the records and of the findings
    (a cadre may have findings and no records), each finding given its cadre's code."""
    import numpy as np
    import pandas as pd
    values = np.asarray(fr["cadre_values"], dtype=object)
    named = values != ""
    at = _position_in(np.asarray(cadre_ids, dtype=object), values)
    if (at[named] < 0).any():  # cadres of findings only: the ids sorted again, all of them
        rec_ids = np.array(cadre_ids, dtype=str) if len(cadre_ids) else np.zeros(0, dtype=str)
        all_ids = np.union1d(rec_ids, np.array(values[named].tolist(), dtype=str))
        remap = np.append(np.searchsorted(all_ids, rec_ids), -1)
        cadre = remap[cadre]
        cadre_ids = all_ids.astype(object)
        at = pd.Index(cadre_ids).get_indexer(values)
    at = np.append(np.where(named, at, -1), -1).astype(np.int64)
    fr["key"] = at[fr["cadre"]]
    return cadre, cadre_ids


def _finding_columns(df: Any, fr: Dict[str, Any], rows: Any, rc: Any, rp: Any) -> List[Any]:
    """The kernel's finding columns, sorted by cadre key: a cadre's findings, and a unit's
    findings once for every cadre whose latest record (of the screened years; of two of one
    period the first by kind) names the unit. ``rows``: the records of the screened years in
    the kernel's order, ``rc`` and ``rp`` their cadre codes and periods in that order."""
    import numpy as np
    key = fr["key"]
    own = np.flatnonzero(key >= 0)
    f_rows, f_keys = [own], [key[own]]
    units = np.flatnonzero(key < 0)
    if len(units) and len(rows) and "unit_id" in df.columns:
        # each cadre's latest record: ``rows`` lists a cadre's records together, by kind then
        # period, so it is the first of the cadre's rows whose period is the cadre's greatest
        start = np.flatnonzero(np.r_[True, rc[1:] != rc[:-1]])
        size = np.diff(np.r_[start, len(rc)])
        top = np.flatnonzero(rp == np.repeat(np.maximum.reduceat(rp, start), size))
        owner = np.repeat(np.arange(len(start)), size)[top]
        first = top[np.r_[True, owner[1:] != owner[:-1]]]
        latest, latest_cadre = rows[first], rc[first]
        rec_unit = df["unit_id"].to_numpy(dtype=object)[latest]
        fu = np.asarray(fr["unit_values"] + [None], dtype=object)[fr["unit"][units]]
        both, distinct = _frames.factorize(np.concatenate([rec_unit, fu]))
        # every (unit finding, cadre) pair of one unit: the unit findings sorted by unit, and
        # for each latest record the run of findings of its unit (a missing unit: code -1, its
        # run the empty one at the end)
        cu, fu_code = both[:len(latest)], both[len(latest):]
        by_unit = np.argsort(fu_code, kind="stable")
        per_unit = np.append(np.bincount(fu_code[fu_code >= 0], minlength=len(distinct)), 0)
        lo = np.append(np.cumsum(per_unit) - per_unit, 0)[cu] + int((fu_code < 0).sum())
        count = per_unit[cu]
        total = int(count.sum())
        at = np.repeat(lo - np.r_[0, np.cumsum(count)[:-1]], count) + np.arange(total)
        f_rows.append(units[by_unit[at]].astype(np.int64))
        f_keys.append(np.repeat(latest_cadre, count).astype(np.int64))
    fi = np.concatenate(f_rows)
    fk = np.concatenate(f_keys)
    o = np.argsort(fk, kind="stable")
    fi, fk = fi[o], fk[o]
    fr["rows"], fr["keys"] = fi, fk
    return [fk, fr["standard"][fi].astype(np.int32), fr["source"][fi].astype(np.uint8),
            fr["classification"][fi].astype(np.uint8), fr["severity"][fi].astype(np.uint8),
            fr["day"][fi].astype(np.int32)]


def _fail() -> int:
    raise ValueError()


def _raise_row(df: Any, i: int, as_of: _dt.date, pol: _Policy) -> None:
    """The rows path's error for row ``i`` of ``df`` alone, naming the row as the rows path
    names it for the whole table: the request's ``records[0]`` (the row alone) becomes
    ``records[i]`` in the field or the record, whichever names it; else the record is
    ``records[i]``."""
    rec = _record(df.iloc[[i]].to_dict(orient="records")[0], _RECORD_FIELDS, f"records[{i}]")
    try:
        _a.screen({"as_of": as_of.isoformat(), "records": [rec], "explain": False}, pol)
    except InvalidInput as e:
        field, record = (x.replace("records[0]", f"records[{i}]", 1) for x in (e.field, e.record))
        if "records[" not in field + record:
            record = f"records[{i}]"
        raise _frames.invalid(e.message, field, record) from None


def _hits_frame(df: Any, rows: Any, key: Any, period: Any, cadre_ids: Any, c: Any, r: Any,
                f: Any, l: Any, cnt: Any, ids: List[str], as_of: _dt.date, pol: _Policy,
                findings: Any = None, fr: Optional[Dict[str, Any]] = None) -> Any:
    """The kernel's hits as screen()'s DataFrame: the rows of each hit are the cadre's rows of
    the rule's kind from its first to its last period (sorted rows ``rows`` with ``key``); the
    findings of a finding rule's hit are the cadre's findings that the rule counts (read
    findings ``fr``); a hit whose lists are not so found (a rule counting qualifying periods
    among the latest) is screened again by the rows path on its cadre's records."""
    import numpy as np
    import pandas as pd
    if not len(c):
        return pd.DataFrame([], columns=_HIT_COLUMNS)  # as the rows path's empty answer
    meta = rules(as_of=as_of, policy=pol)
    clause = np.array([m["clause"] for m in meta] + [""], dtype=object)
    suggestion = np.array([m["suggestion"] for m in meta] + [""], dtype=object)
    rk = np.array(_a.rule_kinds(pol, as_of), dtype=np.int64)
    m = len(c)
    ci = c.astype(np.int64)
    ri = r.astype(np.int64)
    base = (ci * 4 + rk[ri]) << 20
    lo = np.searchsorted(key, base | f.astype(np.int64), side="left")
    hi = np.searchsorted(key, base | l.astype(np.int64), side="right")
    whole = ((hi - lo) == cnt) & (rk[ri] >= 0)  # a finding rule's lists come from the rows path
    cid = np.asarray(cadre_ids, dtype=object)[ci]
    rid = np.array(ids + [""], dtype=object)[ri]
    with _frames.no_cyclic_gc():
        built: Dict[int, Any] = {}
        if fr is not None:  # the finding rules' hits: their dates, findings and standards' dicts
            built = _finding_lists(fr, ci, ri, f, l, cnt, rk, pol, as_of)
            if built:
                whole[np.fromiter(built, dtype=np.int64, count=len(built))] = True
        # each hit's rows and period texts, as lists built in C++ (one str per distinct period);
        # the other hits' lists (None here) come from the findings read above or the rows path
        records, periods, fin, std = _a.hit_lists(rows, period, lo, hi, whole & (rk[ri] >= 0))
        empty = fr is None  # no findings: every hit's findings and standards are empty lists
        for j, (ps, fl, sl) in built.items():
            records[j], periods[j], fin[j], std[j] = [], ps, fl, sl
        if not whole.all():
            again = _subset_hits(df, findings, None, set(cid[~whole].tolist()), as_of, pol, False)
            for j in np.flatnonzero(~whole).tolist():
                h = again[(cid[j], rid[j])]
                records[j], periods[j] = h["records"], h["periods"]
                if not empty:
                    fin[j], std[j] = h["findings"], h["standards"]
        return pd.DataFrame({"cadre_id": cid, "rule_id": rid, "clause": clause[ri], "periods": periods,
                             "suggestion": suggestion[ri], "records": records, "findings": fin,
                             "standards": std}, columns=_HIT_COLUMNS, copy=False)


@_frames.keyword_since_positional("as_of", "policy")
def rules(*, as_of: _dt.date, policy: Optional[_Policy] = None) -> List[Dict[str, Any]]:
    """The red-line rules in force (``assessment.rule.*`` parameters), in evaluation order."""
    out: List[Dict[str, Any]] = _a.rules(_policy(policy), as_of)["rules"]
    return out


@_frames.keyword_since_positional("as_of", "policy")
def standards(*, as_of: _dt.date, policy: Optional[_Policy] = None) -> List[Dict[str, Any]]:
    """The catalogue of qualitative standards in force (``assessment.standard.*`` parameters),
    sorted by id: dicts ``id, parameter, aspect, text_zh, text_en, clause, suggestion,
    assumed``. A finding's ``standard`` must be one of these ids."""
    out: List[Dict[str, Any]] = _a.standards(_policy(policy), as_of)["standards"]
    return out


#: Codes of the finding columns of :func:`screen_columns`.
FINDING_SOURCES = _codes("finding_source")
FINDING_CLASSES = _codes("finding_class")
SEVERITIES = _codes("severity")


def screen_columns(cadre: Any, kind: Any, period: Any, rank: Any, group_size: Any, rating: Any, *,
                   as_of: _dt.date, policy: Optional[_Policy] = None,
                   findings: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
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
    args: List[Any] = [None] * 6
    _frames.as_of_date(as_of)
    cadre = _frames.codes(cadre)
    if findings is not None:
        args = [_frames.codes(findings["cadre"]), findings["standard"], findings["source"],
                findings["classification"], findings["severity"], findings["date"]]
    c, r, f, l, n, ids = _a.screen_batch(_policy(policy), as_of, cadre, kind, period, rank,
                                         group_size, rating, *args)
    return {"cadre": c, "rule": r, "first_period": f, "last_period": l, "count": n, "rule_ids": ids}


def follow_up_schedule(decision_date: _dt.date, until: _dt.date, *,
                       policy: Optional[_Policy] = None) -> List[Tuple[_dt.date, str]]:
    """Due dates from the decision up to ``until``: ``[(date, 'monthly_talk' | 'quarterly_visit')]``."""
    return _a.follow_up_schedule(decision_date, until, _policy(policy))


def follow_up_ledger(decision_date: _dt.date, held: Iterable[Tuple[_dt.date, str]], *, as_of: _dt.date,
                     policy: Optional[_Policy] = None) -> List[Dict[str, Any]]:
    """Each due item as of ``as_of`` with the event that fulfils it and whether it is overdue.
    ``held``: ``(date, kind)`` pairs of talks and visits that took place."""
    request = {"decision_date": decision_date, "as_of": as_of,
               "held": [{"date": d, "kind": k} for d, k in held]}
    ledger: List[Dict[str, Any]] = _frames.typed(_a.follow_up(request, _policy(policy))["ledger"],
                                                 dates=("date", "held"))
    return ledger


def reappointment_eligibility(moved_on: _dt.date, own_reasons: bool,
                              annual_ratings_since: Sequence[str], *, as_of: _dt.date,
                              policy: Optional[_Policy] = None) -> Dict[str, Any]:
    """Whether a cadre moved down may be reappointed on ``as_of`` (HORQIN.6)."""
    return _a.reappointment_eligibility(moved_on, own_reasons, list(annual_ratings_since), as_of,
                                        _policy(policy))


_frames.check_arguments_of(globals(), __all__)
