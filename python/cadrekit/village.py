"""Village cadre pay and incentives (JARUD, 扎鲁特旗): structured pay, public-institution pay
selection, subsidies after leaving, and the budget.

Inputs are pandas DataFrames or lists of dicts; money comes back as ``decimal.Decimal`` yuan,
grades as codes (``outstanding`` / ``good`` / ``ordinary``, ``excellent`` / ``basic`` /
``unqualified``, ``not_graded`` when a village lacks scores) with their Chinese and English
labels beside them (实绩突出 / 比较突出 / 一般, 优秀 / 基本合格 / 不合格, 未评定). Every rule and
default is stated in docs/village.md. Nothing reads the clock: each call takes its year or as-of
date.
"""
from __future__ import annotations

import datetime
import warnings
import decimal
import re
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core, _frames

_k = _core._village

Rows = Union[Sequence[Mapping[str, Any]], Any]  # list of dicts or a pandas DataFrame

__all__ = [
    "PaySheet",
    "pay_sheet",
    "pay_columns",
    "selection_quota",
    "allocate_quota",
    "selection_allocation",
    "funnel",
    "eligibility",
    "check_lists",
    "renewals",
    "subsidies",
    "budget_what_if",
    "publicity_windows",
]


_policy = _frames.policy_or_default
#: The money members of the library's village answers (decimal yuan text -> Decimal).
_MONEY = ("base", "performance", "total", "amount", "public_institution", "subsidies")


def _columns(rows: Rows, names: Sequence[str], what: str, optional: Sequence[str] = ()) -> List[Tuple[Any, ...]]:
    """The rows as tuples of the named columns (a DataFrame is read column-wise)."""
    if hasattr(rows, "columns") and hasattr(rows, "__getitem__") and not isinstance(rows, (list, tuple)):
        cols = []
        df: Any = rows  # a DataFrame
        n = len(df)
        _frames.check_columns(rows, what)
        for name in names:
            if name in rows.columns:
                cols.append(df[name].tolist())
            elif name in optional:
                cols.append([None] * n)
            else:
                raise _frames.invalid("column is missing", name, what)
        return list(zip(*cols)) if cols else []
    out = []
    for i, r in enumerate(rows):
        if not isinstance(r, Mapping):
            raise _frames.invalid("must be a mapping (dict) or a DataFrame row", what, f"{what}[{i}]")
        try:
            out.append(tuple(r.get(name) if name in optional else r[name] for name in names))
        except KeyError as e:
            raise _frames.invalid(f"{e.args[0]} is missing", str(e.args[0]), f"{what}[{i}]") from None
    return out


_missing = _frames.missing


def _date(x: Any, field: str, record: str) -> Optional[datetime.date]:
    """A date, or None for a missing value or an empty (blank) text: an empty cell is missing,
    as the command line reads it (a required date then says it is missing)."""
    x = _frames.timestamp_of(x)
    if _missing(x) or (isinstance(x, str) and not x.strip()):
        return None
    if isinstance(x, datetime.datetime):
        return _frames.date_of(x, field, record)
    if isinstance(x, datetime.date):
        return x
    if hasattr(x, "to_pydatetime"):
        return _frames.date_of(x.to_pydatetime(), field, record)
    if isinstance(x, str):  # the vocabulary's spellings: 2014-01-01, 2014/1/1, 2014年1月1日, …
        return _core.vocabulary_date(x, field, record)
    raise _frames.invalid("must be a date", field, record)


def _score_text(x: Any, record: str) -> str:
    if isinstance(x, bool) or _missing(x):
        raise _frames.invalid("score must be a number", "score", record)
    if isinstance(x, str):
        return x
    if isinstance(x, decimal.Decimal):
        return format(x, "f")
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        return repr(x)  # the shortest decimal that reads back as this float (documented)
    if hasattr(x, "item"):  # NumPy scalar
        return _score_text(x.item(), record)
    raise _frames.invalid("score must be a number or a decimal string", "score", record)


def _population(x: Any, i: int) -> int:
    if _missing(x):
        raise _frames.invalid("population is missing", "population", f"villages[{i}]")
    if isinstance(x, str) and _DIGITS.fullmatch(x):  # a whole number as a CSV file holds it
        return int(x)
    if isinstance(x, bool) or getattr(getattr(x, "dtype", None), "kind", "") == "b":  # a count, not a flag
        raise _frames.invalid("expected a whole number", "population", f"villages[{i}]")
    n = _frames.whole(x, "population", f"villages[{i}]")
    lo, hi = -(1 << 63), (1 << 63) - 1  # the sheet's int64, as the DataFrame path checks it
    if not lo <= n <= hi:
        raise _frames.invalid(f"value outside {lo}…{hi}", "population", f"villages[{i}]")
    return n


_DIGITS = re.compile(r"[0-9]{1,18}")


def _population_col(v: Any) -> Any:
    """The population column as int64: whole numbers, or text of decimal digits (as read from a
    CSV file with ``dtype=str``) converted at once; anything else (other texts too: "８００",
    " 800 ", read by the vocabulary once per distinct text) as _frames.int_column reads it."""
    import numpy as np
    import pandas as pd
    col = _frames.column(v, "population", "villages")
    if col.dtype == bool and len(col):  # a count, not a flag, as the rows path refuses it
        raise _frames.invalid("expected a whole number", "population", "villages[0]")
    if (col.dtype == object or isinstance(col.dtype, pd.StringDtype)) and len(col):
        codes, uniques = _frames.factorize(col)  # each distinct text read once
        u = np.asarray(uniques, dtype=object)
        flags = [k for k, x in enumerate(u.tolist()) if isinstance(x, bool)]
        if flags:
            first = int(np.argmax(np.asarray(codes) == flags[0]))
            raise _frames.invalid("expected a whole number", "population", f"villages[{first}]")
        if (codes >= 0).all() and pd.api.types.infer_dtype(u, skipna=False) == "string" and \
                pd.Series(u, dtype=object).str.fullmatch(_DIGITS.pattern).all():
            return u.astype(np.int64)[codes]
        col = col.astype(object)
    out, gone = _frames.int_column(col, "population", np.int64, missing=0, with_mask=True,
                                   record_of=lambda i: f"villages[{i}]")
    if gone is not None:  # worded as the rows path words it
        raise _frames.invalid("population is missing", "population", f"villages[{int(np.argmax(gone))}]")
    return out


def _text(x: Any) -> Any:
    """A text cell of the rows path: "" when missing, a number's text (``_frames.cell_text``); a
    list, a set or a dict, and a float whose digits cannot be known (``inf``, ``1e23``), is left
    as it is, for _valid_text to name (str() would silently make "['A']" or "inf" of it)."""
    if isinstance(x, (list, tuple, set, frozenset, dict)):
        return x
    if _missing(x) or _frames.inexact_float(x):  # (one _valid_text names)
        return "" if _missing(x) else x
    return _frames.cell_text(x)


def _valid_text(rows: Sequence[Sequence[Any]], names: Sequence[str], what: str) -> None:
    """Every text of the rows (tuples of the fields ``names``) a single value that UTF-8 can
    hold, without a NUL character: a list, a set or a dict, a NUL (which the C and JSON surfaces
    cannot carry) and a lone surrogate are InvalidInput naming the field and the row
    (``what[i]``), not the value, as the DataFrame path names it."""
    for i, row in enumerate(rows):
        for name, x in zip(names, row):
            if isinstance(x, (list, tuple, set, frozenset, dict)):
                raise _frames.invalid("must be a single value, not a list, a set or a dict", name, f"{what}[{i}]")
            if isinstance(x, float):  # (only a float _text could not write is left a float)
                raise _frames.invalid(_frames.TOO_LARGE, name, f"{what}[{i}]")
            if isinstance(x, str) and "\x00" in x:
                raise _frames.invalid("NUL character in text", name, f"{what}[{i}]")
            if isinstance(x, str) and not x.isascii():
                try:
                    x.encode("utf-8")
                except UnicodeEncodeError:
                    raise _frames.invalid("is not valid text", name, f"{what}[{i}]") from None


class PaySheet:
    """The year's pay sheet: ``to_records()``, ``to_pandas()``, ``villages()``, ``townships()``,
    ``banner``, and per-line explanations (``explanations()``, ``explain(i)``). Every part is
    the library's rendering of the sheet (schema ``cadrekit.village.pay_sheet/1``,
    docs/village.md), made once, on first use.

    A sheet computed with ``explain=None`` (the default) holds no explanations: ``to_pandas()``,
    ``villages()``, ``townships()`` and ``banner`` never build them; ``explain(i)`` builds those
    of the lines asked for (from their townships' data alone); ``to_dict()``, ``to_records()``
    and ``explanations()`` build them for every line on first use, as before."""

    def __init__(self, sheet: Any, policy: _core.Policy, again: Optional[Any] = None) -> None:
        self._sheet = sheet
        self._policy = policy
        self._dict: Optional[Dict[str, Any]] = None
        self._plain_dict: Optional[Dict[str, Any]] = None
        self._again = again  # (explain, townships or None) -> a sheet of the same inputs
        self._kept: Dict[str, Any] = {}  # keep=: the kept columns' values, one per principal given
        # DataFrames given: the cadre ids, the village ids and the townships as read (each the
        # column's own cells, or its (codes, uniques)), so that the lines' ids are the caller's
        # own str objects
        self._ids: Optional[Tuple[Any, Any, Any]] = None
        self.year: int = sheet.year

    def _typed(self, sheet: Any) -> Dict[str, Any]:
        return _frames.typed(sheet.to_dict(self._policy), money=_MONEY, exact=("composite",), dates=("due",))

    def _plain(self) -> Dict[str, Any]:
        """The sheet without explanations (the one computed, or the whole one when built)."""
        if self._dict is not None:
            return self._dict
        if self._plain_dict is None:
            self._plain_dict = self._typed(self._sheet)
        return self._plain_dict

    def to_dict(self) -> Dict[str, Any]:
        """The whole sheet as the library renders it: ``schema, year, policy, lines, villages,
        townships, banner`` (money as ``Decimal`` yuan, composites as ``Fraction``, due dates as
        ``datetime.date``)."""
        if self._dict is None:
            if self._again is not None:  # explanations asked for by default: built now, once
                self._sheet = self._again(True, None)
                self._again = None
                self._plain_dict = None
            self._dict = self._typed(self._sheet)
        return self._dict

    def explain(self, i: Union[int, Sequence[int]]) -> Any:
        """The explanation of line ``i`` (its position in ``to_records()`` / ``to_pandas()``),
        or a list of them for a list of positions — identical to those ``explanations()`` gives,
        built from the data of the lines' townships alone. IndexError for a position out of
        range."""
        many = not isinstance(i, int)
        asked: Sequence[int] = [i] if isinstance(i, int) else i
        at = [int(j) for j in asked]
        c = self._sheet.lines_columns(ids=self._ids is None)
        n = len(c["principal"])
        for j in at:
            if not -n <= j < n:
                raise IndexError(f"line {j} of a sheet of {n} lines")
        at = [j % n for j in at]
        if self._dict is not None or self._again is None:
            got = [self.to_dict()["lines"][j].get("explanation") for j in at]
            return got if many else got[0]
        def key(cols: Dict[str, Any], j: int) -> Tuple[str, str, int]:
            return cols["cadre_id"][j], cols["village_id"][j], int(cols["post"][j])
        ids = dict(self._line_ids(c), post=c["post"])
        part = self._again(True, sorted({ids["township"][j] for j in at}))
        pc = part.lines_columns()
        lines_part = self._typed(part)["lines"]
        by_key: Dict[Tuple[str, str, int], List[Any]] = {}
        for k, ln in enumerate(lines_part):
            by_key.setdefault(key(pc, k), []).append(ln["explanation"])
        out = []
        for j in at:
            got = by_key[key(ids, j)]
            # a cadre with two lines of one village and post: the lines keep their order
            nth = 0 if len(got) == 1 else sum(1 for k in range(j) if key(ids, k) == key(ids, j))
            out.append(got[nth])
        return out if many else out[0]

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per principal paid: cadre_id, village_id, township, post, units,
        units_of_year, base, performance, public_institution, total, team_grade (the code),
        team_grade_zh, team_grade_en (its labels), grade (the code), grade_zh, grade_en, actions
        (``[{"kind", "due"}]``) and, when the sheet was computed with explanations, explanation.
        The keys and values of the library's JSON lines and of the command line's columns. Money
        is ``Decimal`` yuan. Columns kept (``pay_sheet(keep=...)``) come after ``actions``."""
        lines = self.to_dict()["lines"]
        if not self._kept:
            return lines
        at = self._sheet.lines_columns()["principal"].tolist()
        out = []
        for line, p in zip(lines, at):
            r = {k: v for k, v in line.items() if k != "explanation"}
            for k, vals in self._kept.items():
                r[k] = vals[p]
            if "explanation" in line:
                r["explanation"] = line["explanation"]
            out.append(r)
        return out

    def explanations(self) -> List[Any]:
        """The Explanation of each line, in the order of to_records() (empty without
        ``explain``)."""
        return [r["explanation"] for r in self.to_dict()["lines"] if "explanation" in r]

    def to_pandas(self, *, action_lists: bool = False) -> Any:
        """The lines as a DataFrame with the columns of ``to_records()`` and of the command line:
        ``cadre_id, village_id, township, post, units, units_of_year, base, performance,
        public_institution, total`` (``Decimal`` yuan), ``team_grade, team_grade_zh,
        team_grade_en, grade, grade_zh, grade_en`` (codes, then their Chinese and English labels),
        ``actions``; read from the sheet column by column, without explanations.

        ``actions`` is the command line's cell, ``"kind:due;…"``
        (``"admonishment_talk:2017-01-30;rectification:2017-03-31"``, ``""`` for none), one value
        per line as in a CSV or workbook; ``to_records()`` gives them as lists of ``{"kind",
        "due"}``. ``action_lists=True`` puts those lists in the DataFrame, for this release only,
        with a DeprecationWarning."""
        if not action_lists:
            return self._lines_frame(False)
        _frames.warn(DeprecationWarning(
            "PaySheet.to_pandas(action_lists=True) gives each line's actions as a list of dicts only for this "
            "release; the DataFrame's actions are the text 'kind:due;...' (to_records() has the lists)"))
        with _frames.no_cyclic_gc():  # a million small lists and dicts of actions
            return self._lines_frame(True)

    def _lines_frame(self, action_lists: bool) -> Any:
        import pandas as pd

        # the columns made in C++, money once per amount; DataFrames given: the lines' ids taken
        # from the caller's own columns there too, rows given: the sheet's ids
        c = self._sheet.frame_columns(_yuan_of, action_lists, ids=self._ids)
        ids = c if self._ids is not None else self._line_ids(self._sheet.lines_columns())
        out = {"cadre_id": ids["cadre_id"], "village_id": ids["village_id"], "township": ids["township"]}
        for k in LINE_COLUMNS[3:]:
            out[k] = c[k]
        for k, vals in self._kept.items():  # the caller's columns, their dtype kept
            out[k] = vals.take(c["principal"])
        return pd.DataFrame(out, columns=list(out), copy=False)

    def _line_ids(self, c: Dict[str, Any]) -> Dict[str, Any]:
        """The lines' cadre_id, village_id and township as object arrays of str: the caller's
        own objects taken by the lines' rows (DataFrames given), or the sheet's (rows given)."""
        import numpy as np
        if self._ids is None:
            return {k: np.array(c[k] + [None], dtype=object)[:-1] for k in ("cadre_id", "village_id", "township")}
        def take(col: Any, rows: Any) -> Any:  # the rows' values of a column (cells, or codes and uniques)
            return col[1][col[0][rows]] if isinstance(col, tuple) else col[rows]
        cid, vid, town = self._ids
        p, v = c["principal"], c["village"]
        return {"cadre_id": take(cid, p), "village_id": take(vid, v), "township": take(town, v)}

    def villages(self) -> List[Dict[str, Any]]:
        """Per village: composite score (Fraction, None when scores are missing), rank in the
        township, team_grade (the code) with team_grade_zh and team_grade_en (its labels), the
        periods missing."""
        return self._plain()["villages"]

    def townships(self) -> List[Dict[str, Any]]:
        """Totals per township (sorted by name)."""
        return self._plain()["townships"]

    @property
    def banner(self) -> Dict[str, Any]:
        """Totals of the banner (旗)."""
        return self._plain()["banner"]


#: The columns pay_sheet() reads from each of its tables.
VILLAGE_COLUMNS: Tuple[str, ...] = ("village_id", "name", "township", "population")
PRINCIPAL_COLUMNS: Tuple[str, ...] = ("cadre_id", "name", "village_id", "post", "served_from", "served_to")
SCORE_COLUMNS: Tuple[str, ...] = ("village_id", "period", "score")
#: The other layout of scores, the command line's too: a row a village with the score of each
#: quarter of the sheet's year and of the year itself (an empty cell: no score for that period).
WIDE_SCORE_COLUMNS: Tuple[str, ...] = ("village_id", "q1", "q2", "q3", "q4", "annual")


#: The columns of a pay sheet's lines (``to_records()``, ``to_pandas()``, the JSON lines and the
#: command line's ``village pay``), before the caller's kept columns and the explanation.
LINE_COLUMNS: Tuple[str, ...] = ("cadre_id", "village_id", "township", "post", "units", "units_of_year", "base",
                                 "performance", "public_institution", "total", "team_grade", "team_grade_zh",
                                 "team_grade_en", "grade", "grade_zh", "grade_en", "actions")


@_frames.keyword_since_positional("policy")
def pay_sheet(villages: Rows, principals: Rows, scores: Rows, year: int, *, policy: Optional[_core.Policy] = None,
              graded_on: Optional[datetime.date] = None, explain: Optional[bool] = None,
              strict: bool = False, keep: Optional[Sequence[str]] = None) -> PaySheet:
    """The pay sheet of ``year`` (JARUD.1).

    villages: village_id, name, township, population; principals: cadre_id, name, village_id,
    post ('secretary' | 'director' | 'both'), served_from, served_to (None: still serving);
    scores: village_id, period ('2016Q1'…'2016Q4', '2016', or as the vocabulary writes periods:
    '2016年第二季度'), score (exact decimal: str, int, Decimal; a float is read by its shortest
    repr) — or the command line's wide layout, village_id, q1, q2, q3, q4, annual
    (``WIDE_SCORE_COLUMNS``: the quarters and the year of ``year``). ``graded_on`` (default 31
    December of the year) starts the deadlines of the actions for 不合格. A table of no rows
    (``[]``, ``None``, an empty DataFrame) is one, whatever the others are given as.

    ``explain``: ``None`` (the default) computes the sheet without explanations and builds them
    when asked for — :meth:`PaySheet.explain` for chosen lines, ``explanations()`` /
    ``to_records()`` / ``to_dict()`` for every line (the same explanations as before, built on
    first use); ``True`` builds every line's explanation now; ``False`` none ever.

    A column (or key) a table has beyond ``VILLAGE_COLUMNS``, ``PRINCIPAL_COLUMNS`` and
    ``SCORE_COLUMNS`` is an ``UnknownColumnWarning`` naming it and the nearest column read;
    ``strict=True`` makes it an ``InvalidInput``.

    ``keep``: columns (keys) of ``principals`` of the caller's own — a region, a note — copied
    unchanged to each of the principal's lines, after ``actions`` (before ``explanation`` in
    the records). A DataFrame's kept column keeps its dtype; a record missing a kept key gets
    ``None``. A kept column is not an unknown one; a column neither read nor kept still is.
    """
    if not (principals is None or _is_frame(principals) or isinstance(principals, (list, tuple))):
        principals = list(principals)
    kept = _frames.kept_columns(principals, keep, LINE_COLUMNS + ("explanation",), "principals")
    sheet = _pay_sheet(villages, principals, scores, year, policy, graded_on=graded_on, explain=explain,
                       strict=strict, kept=tuple(kept))
    if kept:
        sheet._kept = {k: _frames.kept_values(principals, k) for k in kept}
    return sheet


def _long_scores(scores: Rows, year: int, strict: bool) -> Rows:
    """Scores in the long layout (``SCORE_COLUMNS``). A table without ``period`` that has any of
    ``q1``…``q4``, ``annual`` is the wide layout (``WIDE_SCORE_COLUMNS``), read as the command
    line reads it: each filled cell a score of its period (``{year}Q1``…``{year}Q4``, ``{year}``),
    village by village in the order q1…q4, annual. An error in a score then names its row in
    that long form (five rows a village, fewer where cells are empty)."""
    if scores is None:
        return scores
    if _is_frame(scores):
        frame: Any = scores
        names = {str(c) for c in frame.columns}
    else:
        names = set()
        for r in scores:
            if isinstance(r, Mapping):
                names.update(str(k) for k in r.keys())
    if "period" in names or not names.intersection(WIDE_SCORE_COLUMNS[1:]):
        return scores
    _frames.check_known(scores, WIDE_SCORE_COLUMNS, "scores", strict=strict)
    for c in WIDE_SCORE_COLUMNS:
        if c not in names:
            raise _frames.invalid("column is missing", c, "scores")
    periods = [f"{year}Q1", f"{year}Q2", f"{year}Q3", f"{year}Q4", str(year)]
    if _is_frame(scores):
        import numpy as np
        import pandas as pd
        df: Any = scores
        cells = np.column_stack([df[c].to_numpy(dtype=object) for c in WIDE_SCORE_COLUMNS[1:]]).reshape(-1)
        ids = df["village_id"].to_numpy(dtype=object)
        text = pd.Series(cells, dtype=object)
        filled = (text.notna() & (text.astype(str).str.strip() != "")).to_numpy()
        return pd.DataFrame({"village_id": np.repeat(ids, 5)[filled],
                             "period": np.tile(np.array(periods, dtype=object), len(df))[filled],
                             "score": cells[filled]})
    out: List[Dict[str, Any]] = []
    for r in scores:
        for c, period in zip(WIDE_SCORE_COLUMNS[1:], periods):
            v = r.get(c) if isinstance(r, Mapping) else None
            if not _frames.missing(v) and not (isinstance(v, str) and not v.strip()):
                out.append({"village_id": r.get("village_id"), "period": period, "score": v})
    return out


def _pay_sheet(villages: Rows, principals: Rows, scores: Rows, year: int, policy: Optional[_core.Policy],
               *, graded_on: Optional[datetime.date], explain: Optional[bool], strict: bool,
               kept: Tuple[str, ...]) -> PaySheet:
    year = _frames.whole_argument(year, "year", _frames.INT32)
    if graded_on is not None:
        _frames.as_of_date(graded_on, "graded_on")
    # None: a table without rows, as the Dask call reads it
    villages, principals, scores = ([] if x is None else x if _is_frame(x) or isinstance(x, (list, tuple)) else list(x)
                                    for x in (villages, principals, scores))
    scores = _long_scores(scores, year, strict)
    for data, known, what in ((villages, VILLAGE_COLUMNS, "villages"),
                              (principals, PRINCIPAL_COLUMNS + kept, "principals"), (scores, SCORE_COLUMNS, "scores")):
        _frames.check_known(data, known, what, strict=strict)
    if explain is None:
        def again(ex: bool, towns: Optional[List[str]]) -> Any:
            vv, pp, ss = (villages, principals, scores) if towns is None else \
                _of_townships(villages, principals, scores, towns)
            with warnings.catch_warnings():  # the columns were checked (and warned about) above
                warnings.simplefilter("ignore", _frames.UnknownColumnWarning)
                return pay_sheet(vv, pp, ss, year, policy=policy, graded_on=graded_on, explain=ex)._sheet
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", _frames.UnknownColumnWarning)
            sheet = pay_sheet(villages, principals, scores, year, policy=policy, graded_on=graded_on, explain=False)
        out = PaySheet(sheet._sheet, sheet._policy, again)
        out._ids = sheet._ids
        return out
    if any(_is_frame(x) for x in (villages, principals, scores)):
        return _pay_sheet_frames(villages, principals, scores, year, policy, graded_on=graded_on, explain=explain)
    v = [(_text(a), _text(b), _text(c), _population(d, i)) for i, (a, b, c, d) in
         enumerate(_columns(villages, ["village_id", "name", "township", "population"], "villages",
                            optional=["name"]))]
    p = []
    for i, (cid, name, vid, post, f, t) in enumerate(_columns(
            principals, ["cadre_id", "name", "village_id", "post", "served_from", "served_to"], "principals",
            optional=["name", "served_to"])):
        rec = f"principals[{i}]"
        frm = _date(f, "served_from", rec)
        if frm is None:
            raise _frames.invalid("served_from is missing", "served_from", rec)
        p.append((_text(cid), _text(name), _text(vid), _text(post), frm, _date(t, "served_to", rec)))
    _valid_text(v, ("village_id", "name", "township"), "villages")
    _valid_text(p, ("cadre_id", "name", "village_id", "post"), "principals")
    s = [(_text(vid), _text(per), _score_text(sc, f"scores[{i}]"))
         for i, (vid, per, sc) in enumerate(_columns(scores, ["village_id", "period", "score"], "scores"))]
    _valid_text(s, ("village_id", "period", "score"), "scores")
    pol = _policy(policy)
    return PaySheet(_k.pay_sheet(v, p, s, int(year), pol, graded_on=graded_on, explain=explain), pol)


def _yuan_of(fen: int) -> decimal.Decimal:
    """Money in fen as ``Decimal`` yuan, two places, as the library's text reads it."""
    return decimal.Decimal(int(fen)).scaleb(-2)


def _of_townships(villages: Rows, principals: Rows, scores: Rows, towns: List[str]) -> Tuple[Any, Any, Any]:
    """The villages of the given townships, their principals and their scores (rows kept in
    order, as DataFrames): all that a line's explanation reads (its rank is in its township)."""
    v, p, s = _frame(villages), _frame(principals), _frame(scores)
    v = v[_str_series(v, "township").isin(towns).to_numpy()]
    ids = _str_series(v, "village_id").unique().tolist()
    return v, p[_str_series(p, "village_id").isin(ids).to_numpy()], s[_str_series(s, "village_id").isin(ids).to_numpy()]


def _str_series(df: Any, name: str) -> Any:
    import pandas as pd
    return pd.Series(_str_col(df, name, "rows"), index=df.index)


_OPEN = 2**31 - 1  # served_to of a principal still serving, in the columnar forms


_is_frame = _frames.is_frame


def _frame(x: Any, columns: Sequence[str] = ()) -> Any:
    """A table as a DataFrame: records read into one, and no records a DataFrame of ``columns``
    without rows (records would give no column at all)."""
    import pandas as pd

    rows = None if _is_frame(x) else list(x)
    df = x if rows is None else pd.DataFrame.from_records(rows) if rows else pd.DataFrame(columns=list(columns))
    _frames.check_columns(df, "rows")
    return df


def _str_col(df: Any, name: str, what: str, optional: bool = False) -> List[str]:
    import pandas as pd
    if name not in df.columns:
        if optional:
            return [""] * len(df)
        raise _frames.invalid("column is missing", name, what)
    col = df[name]
    if isinstance(col.dtype, pd.CategoricalDtype):
        # each category read once, then taken by the codes: a categorical's astype(str) goes
        # through NumPy's str, which drops a text's trailing NUL characters (that the readers
        # refuse, naming the row)
        import numpy as np
        cats = col.cat.categories.tolist()
        table = np.empty(len(cats) + 1, dtype=object)  # filled one by one: a category may be a tuple
        for j, x in enumerate(cats + [None]):
            table[j] = _text(x)
        out: List[str] = table[col.cat.codes.to_numpy()].tolist()  # (code -1, a missing cell: the last)
        return out
    if col.isna().any() or col.dtype.kind in "fb":  # (a float's and a boolean's text: _text)
        out = [_text(x) for x in col.tolist()]
        if col.dtype.kind == "f":  # a float no text can hold (inf, 1e23), named as the rows path names it
            inexact = [i for i, x in enumerate(out) if isinstance(x, float)]
            if inexact:
                raise _frames.invalid(_frames.TOO_LARGE, name, f"{what}[{inexact[0]}]")
        return out
    return col.astype(str).tolist()


def _coded(df: Any, name: str, what: str, optional: bool = False, ids: bool = False) -> Tuple[Any, Any]:
    """A text column as (codes, uniques): ``_frames.factorize``'s int64 codes (-1 for a missing
    value, read as an empty text, as ``_text`` reads it) and its distinct values as a 1-D object
    array of str (each read as ``str`` once when the column holds other values). A column of str
    gives back its own objects.

    ``ids=True``, for a column of ids the sheet reads by their text only:
    ``_frames.text_codes(by_row=True)``, so that an object column of str without a missing cell
    is not numbered, each row is its own number (codes 0 … n-1, the column itself as uniques):
    the sheet looks a row's id up by trying the village found last and the next one first,
    which is cheaper than numbering the column and costs no more where the rows are in no
    order."""
    import numpy as np
    import pandas as pd

    if name not in df.columns:
        if optional:
            return np.full(len(df), -1, dtype=np.int64), np.zeros(0, dtype=object)
        raise _frames.invalid("column is missing", name, what)
    col = df[name]
    if ids:
        got = _frames.text_codes(col, by_row=True)
        if got is not None:
            return got
    if not (col.dtype == object or isinstance(col.dtype, pd.StringDtype)):
        col = pd.Series(_str_col(df, name, what), dtype=object)  # as the rows path writes it
    codes, uniques = _frames.factorize(col)
    u = np.asarray(uniques, dtype=object)
    if len(u) and pd.api.types.infer_dtype(u, skipna=False) != "string":
        u = np.array([_text(x) for x in u.tolist()] + [None], dtype=object)[:-1]
    return codes, u


def _days_col(df: Any, name: str, what: str, optional: bool = False) -> Any:
    import numpy as np
    import pandas as pd

    n = len(df)
    if name not in df.columns:
        if optional:
            return np.full(n, _OPEN, dtype=np.int32)
        raise _frames.invalid("column is missing", name, what)
    col = df[name]
    # a column of text and missing cells alone: read cell by cell in C++ (an ISO date directly,
    # a cell whose str was read before from the cache, another spelling once per distinct text);
    # a text that is not a date, or blank, and any other value: the general path below
    arr = None if pd.api.types.is_datetime64_any_dtype(col) else _frames._object_array(col)
    got = _core.date_days(arr, _frames._missing_objects()) if arr is not None else None
    if got is not None and got[0] is not None:
        nat = np.isnat(got[0])
        days = got[0].view(np.int64)
    elif pd.api.types.is_datetime64_any_dtype(col):
        days, nat = _frames.int_column(col, name, np.int64, dates=True, missing=0, with_mask=True,
                                       record_of=lambda i: f"{what}[{i}]")
        nat = np.zeros(len(days), dtype=bool) if nat is None else nat
    else:
        # each distinct value read once: dates, datetimes, ISO strings in C++; anything else by
        # the vocabulary (2014/1/1, 2014年1月1日, …), its error naming the first row holding it
        codes, uniques = _frames.factorize(col)
        u = np.asarray(uniques, dtype=object)
        fast = _k.days_from_objects(u, pd.NaT)
        if fast is not None:
            udays, umiss = fast
        else:
            def read(x: Any, k: int) -> Optional[datetime.date]:
                try:
                    return _date(x, name, f"{what}[?]")
                except _core.InvalidInput:  # named by its first row (found only now)
                    return _date(x, name, f"{what}[{_first_row(codes, k)}]")
            ds = _frames.map_distinct(u, read).tolist()
            umiss = np.array([d is None for d in ds], dtype=bool)
            epoch = datetime.date(1970, 1, 1)
            udays = np.array([0 if d is None else (d - epoch).days for d in ds], dtype=np.int64)
        gone = codes < 0
        at = np.where(gone, 0, codes)
        days = np.asarray(udays, dtype=np.int64)[at] if len(u) else np.zeros(len(codes), dtype=np.int64)
        nat = gone | (np.asarray(umiss, dtype=bool)[at] if len(u) else gone)
    if nat.any():
        if not optional:
            i = int(np.flatnonzero(nat)[0])
            raise _frames.invalid(f"{name} is missing", name, f"{what}[{i}]")
        days = days.astype(np.int64)
        days[nat] = _OPEN
    return days.astype(np.int32)


def _first_row(codes: Any, k: int) -> int:
    """The first row whose code is ``k``."""
    import numpy as np
    return int(np.argmax(codes == k))


def _score_col(df: Any) -> Any:
    """Scores as text (codes, uniques of decimal str), or float64 (read by shortest repr in C++)."""
    import numpy as np
    import pandas as pd

    if "score" not in df.columns:
        raise _frames.invalid("column is missing", "score", "scores")
    col = df["score"]
    if pd.api.types.is_float_dtype(col) and not col.isna().any():
        return col.to_numpy(dtype=np.float64)
    if pd.api.types.is_integer_dtype(col):
        col = col.astype(str)
    if col.dtype == object:
        # a column of str with no cell missing, numbered as it is (one pass, which also tells
        # whether every cell is a str)
        got = _frames.factorize_text(col)
        if got is not None and (len(got[0]) == 0 or int(got[0].min()) >= 0):
            return got[0], np.asarray(got[1], dtype=object)
    # any other column cell by cell, as the rows path reads each score
    texts = pd.Series([_score_text(x, f"scores[{i}]") for i, x in enumerate(col.tolist())], dtype=object)
    codes, uniques = _frames.factorize(texts)
    return codes, np.asarray(uniques, dtype=object)


def _pay_sheet_frames(villages: Rows, principals: Rows, scores: Rows, year: int,
                      policy: Optional[_core.Policy], *, graded_on: Optional[datetime.date],
                      explain: bool) -> PaySheet:
    """pay_sheet for DataFrames: whole columns are read in place by C++ (same rules as the row
    path; text columns of str are not copied, dates and scores are converted in C++)."""
    v, p, s = _frame(villages, VILLAGE_COLUMNS), _frame(principals, PRINCIPAL_COLUMNS), _frame(scores, SCORE_COLUMNS)
    pop = _population_col(v)
    pol = _policy(policy)
    # the four id columns as their own cells where they are object columns (_id_cells); the
    # sheet gives None when one holds a value that is neither text nor missing, and they are
    # then read as text (_coded)
    id_at = {"vid": (v, "village_id", "villages"), "cid": (p, "cadre_id", "principals"),
             "pvid": (p, "village_id", "principals"), "svid": (s, "village_id", "scores")}
    ids: Dict[str, Any] = {}  # (read in the order of the sheet's arguments: the first missing column named)
    ids["vid"] = _id_cells(*id_at["vid"])
    town = _coded(v, "township", "villages")
    _refuse_unreadable_text(v, ("name",), "villages")
    ids["cid"] = _id_cells(*id_at["cid"])
    _refuse_unreadable_text(p, ("name",), "principals")
    ids["pvid"] = _id_cells(*id_at["pvid"])
    rest = (_coded(p, "post", "principals"), _days_col(p, "served_from", "principals"),
            _days_col(p, "served_to", "principals", True))
    ids["svid"] = _id_cells(*id_at["svid"])
    scored = (_coded(s, "period", "scores"), _score_col(s))
    def compute(ids: Dict[str, Any]) -> Any:
        return _k.pay_sheet_frames(
            ids["vid"], town, pop, ids["cid"], ids["pvid"], *rest, ids["svid"], *scored,
            int(year), pol, graded_on=graded_on, explain=explain, missing=_frames._missing_objects())
    sheet = compute(ids)
    if sheet is None:  # a cell neither text nor missing: the id columns read as text
        ids = {k: _coded(*a, ids=True) for k, a in id_at.items()}
        sheet = compute(ids)
    out = PaySheet(sheet, pol)
    out._ids = (ids["cid"], ids["vid"], town)
    return out


def _refuse_unreadable_text(df: Any, columns: Sequence[str], what: str) -> None:
    """A text the records path refuses (``_valid_text``) in the given columns of a table, refused
    here too: one holding a NUL character or a lone surrogate, naming the first such row
    (``what[i]``; of two in one row, the first column given). A cell of another type is its text
    there, and no error. For the names the sheet does not read, and for the Dask call, which
    shares the principals and scores out by village before any sheet reads them."""
    bad = [(at, nul, c) for c in columns if c in df.columns
           for at, nul in [_frames.first_unreadable_text(df[c])] if at >= 0]
    if bad:
        at, nul, column = min(bad, key=lambda b: (b[0], list(columns).index(b[2])))
        raise _frames.invalid("NUL character in text" if nul else "is not valid text", column, f"{what}[{at}]")


def _id_cells(df: Any, name: str, what: str) -> Any:
    """An id column of ``df`` as its own cells, a 1-D object array (the caller's objects, not
    copied), for the sheet to read each row's text in one pass; ``_coded(ids=True)``'s reading
    for a column of another dtype, and its error for a missing column."""
    import numpy as np
    if name in df.columns and df[name].dtype == object:
        arr = _frames._object_array(df[name])
        if arr is not None:
            return np.ascontiguousarray(arr)
    return _coded(df, name, what, ids=True)


@_frames.keyword_since_positional("policy")
def pay_columns(village_township: Any, population: Any, scores: Any, score_present: Any, principal_village: Any,
                post: Any, served_from: Any, served_to: Any, year: int,
                *, policy: Optional[_core.Policy] = None, out: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """The pay sheet's arithmetic on NumPy columns (no names, no explanations); see
    docs/village.md. Scores are score × 10000 with shape (villages, 5); dates are days since
    1970-01-01 (int32), served_to 2147483647 when still serving. Money comes back in fen.
    ``village_township`` may be a categorical column of township names: its codes are used.

    ``out``: a dict of seven preallocated NumPy arrays (``village_team_grade`` uint8 and
    ``village_rank`` int32 of length V; ``base_fen``, ``performance_fen``, ``total_fen`` int64,
    ``grade`` uint8, ``units`` int32 of length P; C-contiguous, writeable) to write into instead
    of allocating; InvalidInput naming ``out[<name>]`` otherwise. On any error nothing is
    written."""
    import numpy as np

    # Scores are checked here, where a bad one is named by its village (row // 5); a missing
    # score (NaN, <NA>) is a score not present: its bit of the village's score_present mask
    # (bit k = score k present) is cleared.
    two_d = getattr(scores, "ndim", None) == 2 or (isinstance(scores, (list, tuple)) and np.ndim(scores) == 2)
    sc, gone = _frames.int_column(scores, "scores", np.int64, missing=0, width=5, ndim=2 if two_d else 1,
                                  with_mask=True)
    sc = sc.reshape(-1)
    if gone is not None and gone.size % 5 == 0:
        present = _frames.int_column(score_present, "score_present", np.uint8, missing=0)
        if present.size == gone.size // 5:
            bits = np.packbits(gone.reshape(-1, 5), axis=1, bitorder="little").reshape(-1)
            score_present = present & ~bits
    return _k.pay_columns(_frames.codes(village_township), population, sc, score_present,
                          principal_village, post, served_from, served_to, int(year), _policy(policy),
                          out=out)


@_frames.keyword_since_positional("policy")
def selection_quota(n_villages: int, year: int, *, policy: Optional[_core.Policy] = None) -> int:
    """At least 5 % (policy) of the banner's villages, exact: 206 → 11, 200 → 10."""
    return _k.selection_quota(int(n_villages), int(year), _policy(policy))


@_frames.keyword_since_positional("policy")
def funnel(places: int, *, policy: Optional[_core.Policy] = None, year: Optional[int] = None) -> Dict[str, int]:
    """Candidates at each stage for ``places`` seats: initial 1:3, prospective 1:2, formal 20 %
    more (11 → 33, 22, 14). ``year`` picks the parameters' values in force (default: the year
    of the latest value of the three ratios in the policy)."""
    pol = _policy(policy)
    if year is None:
        year = max(_latest_year(pol, n) for n in ("village.selection.initial_ratio",
                                                  "village.selection.prospective_ratio",
                                                  "village.selection.formal_extra_share"))
    r = _k.selection({"op": "funnel", "places": _frames.whole_argument(places, "places"), "year": int(year)}, pol)
    return {k: v for k, v in r.items() if k != "op"}


def _latest_year(policy: _core.Policy, name: str) -> int:
    info = policy.info(name)
    values = info["values"] if isinstance(info, dict) else info.values
    last = values[-1]
    eff = last["effective_from"] if isinstance(last, dict) else last.effective_from
    if isinstance(eff, str):
        eff = datetime.date.fromisoformat(eff)
    return eff.year


def allocate_quota(villages_per_township: Mapping[str, int], quota: int) -> Dict[str, int]:
    """Largest-remainder allocation of ``quota`` to townships by their number of villages; equal
    remainders go to the township with more villages, then by name."""
    return dict(_k.allocate_quota(_frames.whole_mapping(villages_per_township, "villages_per_township"),
                                  int(quota)))


@_frames.keyword_since_positional("policy")
def selection_allocation(villages_per_township: Mapping[str, int], year: int, *,
                         policy: Optional[_core.Policy] = None, quota: Optional[int] = None) -> Dict[str, Any]:
    """The year's quota allocated as ``village.selection.allocation`` says: ``township`` (largest
    remainder by number of villages) or ``banner`` (one banner-wide pool, ``allocation`` empty).
    Returns {"method", "quota", "allocation": {township: places}, "explanation"}; ``quota``
    defaults to the year's selection_quota of the villages in total."""
    req: Dict[str, Any] = {"op": "allocate", "year": int(year),
                           "villages_per_township": _frames.whole_mapping(villages_per_township,
                                                                          "villages_per_township")}
    if quota is not None:
        req["quota"] = int(quota)
    r = _call(req, policy)
    return {"method": r["method"], "quota": r["quota"], "allocation": dict(r["allocation"]),
            "explanation": r["explanation"]}


def _call(request: Dict[str, Any], policy: Optional[_core.Policy]) -> Dict[str, Any]:
    return _k.selection(request, _policy(policy))


def _records(rows: Rows) -> List[Dict[str, Any]]:
    return [dict(r) for r in _frames.rows(rows)]


@_frames.keyword_since_positional("as_of", "policy")
def eligibility(applicants: Rows, *, as_of: datetime.date, policy: Optional[_core.Policy] = None) -> List[Dict[str, Any]]:
    """Each applicant's eligibility (cadre_id, post or None, in_post_since, birth_date, grades
    {year: label}); ``failed`` names every rule that failed."""
    _frames.as_of_date(as_of)
    apps: List[Dict[str, Any]] = []
    for a in _records(applicants):
        a = {k: (None if _missing(v) else v) for k, v in a.items()} if isinstance(a, dict) else a
        if "grades" in a and a["grades"] is not None:
            if not isinstance(a["grades"], Mapping):
                raise _frames.invalid("grades must be a mapping {year: grade}", "grades", f"applicants[{len(apps)}]")
            a["grades"] = {str(k): v for k, v in a["grades"].items()}
        apps.append(a)
    return _call({"op": "eligibility", "as_of": as_of, "applicants": apps}, policy)["results"]


@_frames.keyword_since_positional("policy")
def check_lists(year: int, places: int, lists: Mapping[str, Any], *, policy: Optional[_core.Policy] = None) -> List[Dict[str, Any]]:
    """What is wrong with a township's lists (eligible, initial, prospective, formal, selected and
    the dates eligible_publicised_on, initial_on, selected_publicised_on, certified_on); empty
    when all is right."""
    req = {"op": "check", "year": int(year), "places": _frames.whole_argument(places, "places")}
    req.update(lists)
    return _call(req, policy)["problems"]


@_frames.keyword_since_positional("policy")
def renewals(holders: Rows, year: int, *, policy: Optional[_core.Policy] = None) -> List[Dict[str, Any]]:
    """一年一评、一年一聘: holders (cadre_id, in_post, grade) renewed or ended, with the reason."""
    return _call({"op": "renewal", "year": int(year), "holders": _records(holders)}, policy)["renewals"]


@_frames.keyword_since_positional("policy")
def subsidies(terms: Rows, year: int, *, policy: Optional[_core.Policy] = None) -> List[Dict[str, Any]]:
    """Former principals' subsidy status in ``year`` from their terms (cadre_id, village_id,
    served_from, served_to); amount as Decimal yuan."""
    recs = [{k: (None if _missing(v) else v) for k, v in t.items()} for t in _records(terms)]
    return _frames.typed(_call({"op": "subsidy", "year": int(year), "terms": recs}, policy)["statuses"],
                         money=_MONEY)


def _request(villages: Rows, principals: Rows, scores: Rows, year: int) -> Dict[str, Any]:
    v = [{"village_id": _text(a), "name": _text(b), "township": _text(c), "population": _population(d, i)}
         for i, (a, b, c, d) in enumerate(_columns(villages, ["village_id", "name", "township", "population"],
                                                    "villages", optional=["name"]))]
    p = []
    for i, (cid, vid, post, f, t) in enumerate(_columns(
            principals, ["cadre_id", "village_id", "post", "served_from", "served_to"], "principals",
            optional=["served_to"])):
        rec = f"principals[{i}]"
        p.append({"cadre_id": _text(cid), "village_id": _text(vid), "post": _text(post),
                  "served_from": _date(f, "served_from", rec), "served_to": _date(t, "served_to", rec)})
    s = [{"village_id": _text(vid), "period": _text(per), "score": _score_text(sc, f"scores[{i}]")}
         for i, (vid, per, sc) in enumerate(_columns(scores, ["village_id", "period", "score"], "scores"))]
    return {"year": int(year), "villages": v, "principals": p, "scores": s, "explain": False}


@_frames.keyword_since_positional("policy", "other")
def budget_what_if(villages: Rows, principals: Rows, scores: Rows, year: int, *, policy: Optional[_core.Policy],
                   other: _core.Policy, holders: Union[int, Sequence[str]] = 0,
                   terms: Optional[Rows] = None) -> Dict[str, Dict[str, Any]]:
    """The year's budget (base, performance, public-institution pay, subsidies, total) under
    ``policy`` and under ``other``, side by side, in one call of the library: {"year", "a":
    {...}, "b": {...}, "difference": b − a}; money as Decimal yuan. ``holders``: the cadre ids of
    the principals selected for public-institution pay (their lines get it, in addition to the
    structured pay or instead of the base pay as village.selection.pay_mode says), or their
    number (pay in addition; refused under replace_base)."""
    req = _request(villages, principals, scores, year)
    req["holders"] = int(holders) if isinstance(holders, int) else [str(h) for h in holders]
    if terms is not None:
        req["terms"] = [{k: (None if _missing(v) else v) for k, v in t.items()} for t in _records(terms)]
    r = _k.budget_what_if(req, _policy(policy), other)
    return {"year": r["year"], **{k: _frames.typed(r[k], money=_MONEY) for k in ("a", "b", "difference")}}


@_frames.keyword_since_positional("policy")
def publicity_windows(year: int, starts: Optional[Sequence[datetime.date]] = None,
                      *, policy: Optional[_core.Policy] = None) -> List[Tuple[datetime.date, datetime.date]]:
    """The 7-calendar-day publicity window (first, last) of each quarter's results of ``year``;
    published on the first day of the next quarter unless ``starts`` gives the four dates."""
    req: Dict[str, Any] = {"op": "publicity", "year": int(year)}
    if starts is not None:
        req["starts"] = list(starts)
    ws = _call(req, policy)["windows"]
    return [(datetime.date.fromisoformat(w["first"]), datetime.date.fromisoformat(w["last"])) for w in ws]


_frames.check_arguments_of(globals(), __all__)
