"""The county workspace (台账): the year's cases, ledgers and results in one SQLite file, the same
file ``cadrekit workspace`` writes and reads. docs/workspace.md describes the cases, their ops
and the queries.

Each case is an append-only log of events (what, effective date, recorded at, by whom, the
explanation); its state is derived by replaying the log through the library's own case types.
Every write is one transaction: a call that fails writes nothing. Queries return pandas
DataFrames; ID numbers are masked unless ``reveal_id_numbers=True``.

Time: every query takes its ``as_of`` date. A write is stamped with who recorded it (``by``,
default: the login name) and when (``recorded_at``, default: the system clock — the only reading
of the clock in cadrekit, a stamp on the record and never an input of a rule).
"""
from __future__ import annotations

import datetime as _dt
import getpass as _getpass
import json as _json
import math as _math
import os as _os
from decimal import Decimal as _Decimal
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

from . import _core, _frames

try:
    _ws = _core._workspace
    from ._core import WorkspaceError  # noqa: F401
except AttributeError:  # built without the workspace (CADREKIT_BUILD_WORKSPACE=OFF)
    _ws = None

    class WorkspaceError(_core.Error):  # type: ignore[no-redef]
        """The workspace file cannot be used (here: cadrekit was built without the workspace)."""
        problem = "unavailable"

__all__ = ["Workspace", "WorkspaceError", "CASE_KINDS", "IMPORT_KINDS"]

#: The kinds of case a workspace holds.
CASE_KINDS = ("disposal", "disclosure", "tier", "audit_plan", "village_pay", "selection")
#: The table kinds ``import_table`` takes.
IMPORT_KINDS: Tuple[str, ...] = tuple(_ws.IMPORT_KINDS) if _ws else ()

_STATUS_COLUMNS = ["case_kind", "case_id", "subject", "stage", "open", "first", "last", "events", "detail"]
_DUE_COLUMNS = ["case_kind", "case_id", "subject", "what", "due", "state", "detail"]
_HISTORY_COLUMNS = ["case_kind", "case_id", "seq", "op", "effective", "recorded_at", "recorded_by", "command",
                    "members", "explanation"]


def _require() -> Any:
    if _ws is None:
        raise WorkspaceError("this cadrekit was built without the workspace (CADREKIT_BUILD_WORKSPACE=OFF)")
    return _ws


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and _math.isnan(v):
        return True
    return type(v).__name__ in ("NaTType", "NAType")


def _plain(v: Any) -> Any:
    """A JSON-ready value: dates as ISO text, NumPy scalars as Python values, Decimal as text."""
    if _missing(v):
        return None
    if hasattr(v, "to_pydatetime"):
        v = v.to_pydatetime()
    if isinstance(v, _dt.datetime):
        return v.date().isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, _Decimal):
        return format(v, "f")
    if hasattr(v, "to_json") and callable(v.to_json):  # an Explanation
        return _json.loads(v.to_json())
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        return _plain(v.item())
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, Mapping):
        return {str(k): _plain(x) for k, x in v.items()}
    return v


def _cell(v: Any) -> str:
    """A table cell as the command line reads it: text."""
    v = _plain(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return _json.dumps(v, ensure_ascii=False)
    if isinstance(v, float):
        if v.is_integer():
            return str(int(v))
        return repr(v)
    return str(v)


def _rows(data: Any, what: str) -> List[Mapping[str, Any]]:
    if data is None:
        return []
    if hasattr(data, "to_dict") and hasattr(data, "columns"):
        return data.to_dict(orient="records")
    rows = list(data)
    for i, r in enumerate(rows):
        if not isinstance(r, Mapping):
            raise _frames.invalid("must be a mapping (dict) or a DataFrame row", what, f"{what}[{i}]")
    return rows


def _frame(rows: Iterable[Any], columns: List[str]) -> Any:
    import pandas as pd
    return pd.DataFrame.from_records(list(rows), columns=columns)


def _stamp(by: Optional[str], recorded_at: Any) -> Tuple[str, str]:
    if by is None:
        try:
            by = _getpass.getuser()
        except Exception:  # no login name (a container without /etc/passwd entry)
            by = f"uid {_os.getuid()}"
    if recorded_at is None:
        # The stamp of the record: the one reading of the clock (never an input of a rule).
        recorded_at = _dt.datetime.now(_dt.timezone.utc)
    if isinstance(recorded_at, _dt.datetime):
        if recorded_at.tzinfo is None:
            raise _frames.invalid("recorded_at must be timezone-aware (UTC)", "recorded_at")
        recorded_at = recorded_at.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(by), str(recorded_at)


class Workspace:
    """A county workspace file. ``Workspace(path)`` opens an existing one (an older schema is
    migrated forward); :meth:`create` makes a new one. ``busy_timeout_ms``: how long a write waits
    for another process's write before :class:`WorkspaceError` with ``problem == "busy"``."""

    def __init__(self, path: Any, *, busy_timeout_ms: int = 5000, _handle: Any = None):
        self._h = _handle if _handle is not None else \
            _require().open(_os.fspath(path), _frames.whole_argument(busy_timeout_ms, "busy_timeout_ms", _frames.INT32))

    @classmethod
    def create(cls, path: Any, *, county: str = "", policy: Any = None, by: Optional[str] = None,
               recorded_at: Any = None, busy_timeout_ms: int = 5000) -> "Workspace":
        """Creates a workspace file (readable by its owner only). ``policy``: the path of a profile
        file (YAML; it may extend an embedded profile), or None for ``tongliao-2016``."""
        k = _require()
        name, yaml = "tongliao-2016", ""
        if policy is not None:
            with open(_os.fspath(policy), encoding="utf-8") as f:
                yaml = f.read()
            name = _core.Policy.loads(yaml).name
        b, r = _stamp(by, recorded_at)
        timeout = _frames.whole_argument(busy_timeout_ms, "busy_timeout_ms", _frames.INT32)
        return cls(path, _handle=k.create(_os.fspath(path), b, r, county, name, yaml, timeout))

    # -- properties ---------------------------------------------------------------------------
    @property
    def path(self) -> str:
        return self._handle().path

    @property
    def county(self) -> str:
        return self._handle().county

    @property
    def policy(self) -> Any:
        """The policy profile the workspace's cases are decided under."""
        return self._handle().policy

    def __repr__(self) -> str:
        if self._h is None:
            return "Workspace(closed)"
        return f"Workspace({self.path!r}, county={self.county!r}, policy={self.policy.name!r})"

    def _handle(self) -> Any:
        if self._h is None:
            raise WorkspaceError("the workspace is closed")
        return self._h

    def close(self) -> None:
        """Closes the file (the write-ahead log is folded into it when no one else has it open)."""
        self._h = None

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- writes: each one transaction ---------------------------------------------------------
    def import_table(self, kind: str, data: Any, *, source: Optional[str] = None, as_of: Any = None,
                     by: Optional[str] = None, recorded_at: Any = None) -> int:
        """Imports a table (a DataFrame or an iterable of mappings) of a kind in ``IMPORT_KINDS``,
        kept as the command line reads it (text cells). ``disclosure_records``: the records
        themselves (dicts, as ``cadrekit.disclosure`` takes them). Returns the number of rows."""
        rows = _rows(data, kind)
        if kind == "disclosure_records":
            columns = ["id", "record"]
            cells = [[_cell(r.get("id")), _json.dumps(_plain(r), ensure_ascii=False)] for r in rows]
        else:
            columns = list(data.columns) if hasattr(data, "columns") else []
            for r in rows:
                for k in r:
                    if k not in columns:
                        columns.append(k)
            cells = [[_cell(r.get(c)) for c in columns] for r in rows]
        labels = [f"{kind}[{i}]" for i in range(len(rows))]
        stamp_by, stamp_at = _stamp(by, recorded_at)
        # a date, or text in the vocabulary's spellings as the command line's --as-of; anything
        # else is refused by name (fromisoformat's ValueError repeated the text)
        as_of_d = None if as_of is None else _frames.vocabulary_date(as_of, "as_of", "")
        if as_of is not None and as_of_d is None:
            raise _frames.invalid("as_of is blank", "as_of")
        return self._handle().import_table(kind, source or kind, as_of_d, [str(c) for c in columns], cells, labels,
                                           stamp_by, stamp_at)

    def apply(self, actions: Any, *, by: Optional[str] = None, recorded_at: Any = None) -> int:
        """Records case steps, all or none: each row has ``case_kind``, ``case_id``, ``op``,
        ``date`` and the op's members (docs/workspace.md), optionally ``explanation``. A step the
        library refuses raises its ``StateError`` / ``InvalidInput`` naming the row
        (``actions[i]``) and writes nothing. Returns the number of events recorded."""
        rows = _rows(actions, "actions")
        texts = []
        for row in rows:
            o = {str(k): _plain(v) for k, v in row.items()}
            texts.append(_json.dumps({k: v for k, v in o.items() if v is not None}, ensure_ascii=False))
        b, r = _stamp(by, recorded_at)
        return self._handle().apply(texts, [f"actions[{i}]" for i in range(len(rows))], b, r, "python apply")

    def record(self, case_kind: str, case_id: str, op: str, date: Any, *, by: Optional[str] = None,
               recorded_at: Any = None, **members: Any) -> None:
        """Records one step: ``ws.record("disposal", "D1", "advance", date(2017, 1, 16),
        stage="motion", actor="组织部")``."""
        row = dict(members, case_kind=case_kind, case_id=case_id, op=op, date=date)
        self.apply([row], by=by, recorded_at=recorded_at)

    def record_tiers(self, results: Any, *, as_of: Any, by: Optional[str] = None, recorded_at: Any = None) -> int:
        """Records the tiering of :func:`cadrekit.audit.tier` (its records or DataFrame, with
        their explanations): the start of each unit's tier history, or its re-tiering of the year."""
        rows = []
        for t in _rows(results, "results"):
            row = {"case_kind": "tier", "case_id": t["unit_id"], "op": "tiered", "date": as_of,
                   "level": str(_plain(t["level"]))}
            if not _missing(t.get("explanation")):
                row["explanation"] = t["explanation"]
            rows.append(row)
        return self.apply(rows, by=by, recorded_at=recorded_at)

    def record_plan(self, plan: Any, *, first_year: int, last_year: int, as_of: Any, by: Optional[str] = None,
                    recorded_at: Any = None) -> None:
        """Records a plan of :func:`cadrekit.audit.plan` (drawn; a revision when that horizon's
        plan was drawn before), effective ``as_of``."""
        row = {"case_kind": "audit_plan", "case_id": f"{int(first_year)}-{int(last_year)}", "op": "drawn",
               "date": as_of, "first_year": int(first_year), "last_year": int(last_year),
               "capacity": plan.capacity, "seed": str(plan.seed), "feasible": plan.feasible,
               "min_capacity": plan.min_capacity, "audits": plan.to_records(), "explanation": plan.explanation}
        self.apply([row], by=by, recorded_at=recorded_at)

    # -- queries ------------------------------------------------------------------------------
    @_frames.keyword_since_positional("as_of")
    def status(self, *, as_of: _dt.date, all: bool = False) -> Any:  # noqa: A002
        """Cases as of ``as_of`` (open ones unless ``all``): kind, id, subject, stage, open,
        first and last event date, events, detail."""
        rows = [r for r in self._handle().status(as_of) if all or r[4]]
        return _frame(rows, _STATUS_COLUMNS)

    @_frames.keyword_since_positional("as_of")
    def due(self, *, as_of: _dt.date, within_days: int = 0) -> Any:
        """What is overdue, due or open on ``as_of`` (and due within ``within_days`` after):
        follow-up talks and visits, disclosure windows and complaints, planned audits, special-fund
        audits, publicity windows, actions for principals, renewals."""
        within = _frames.whole_argument(within_days, "within_days", _frames.INT32)
        return _frame(self._handle().due(as_of, within), _DUE_COLUMNS)

    def history(self, case_id: str, *, kind: Optional[str] = None) -> Any:
        """The log of a case: one row per event, ``members`` and ``explanation`` as dicts."""
        rows = []
        for r in self._handle().history(case_id, kind or ""):
            r = list(r)
            r[8] = _json.loads(r[8])  # (read as JSON by the library first: a damaged one is refused)
            r[9] = _json.loads(r[9]) if r[9] else None
            rows.append(r)
        return _frame(rows, _HISTORY_COLUMNS)

    def table(self, kind: str, *, reveal_id_numbers: bool = False) -> Any:
        """The latest import of a table kind (text cells)."""
        columns, rows = self._handle().table(kind, bool(reveal_id_numbers))
        return _frame(rows, list(columns))

    def events(self, *, reveal_id_numbers: bool = False) -> Any:
        """Every event of every case with its stamp (``members`` as JSON text)."""
        columns, rows = self._handle().events(bool(reveal_id_numbers))
        return _frame(rows, list(columns))

    def imports(self) -> Any:
        """Every import: id, kind, source, as_of, rows, recorded_at, recorded_by."""
        columns, rows = self._handle().imports()
        return _frame(rows, list(columns))

    def export(self, what: str, path: Any = None, *, format: str = "csv",  # noqa: A002
               reveal_id_numbers: bool = False, **kwargs: Any) -> str:
        """``status``, ``due``, ``history``, ``events``, ``imports`` or ``table`` (with the same
        arguments as those methods) as CSV or JSON text, written to ``path`` when given. ID
        numbers are masked unless ``reveal_id_numbers``."""
        if what in ("events", "table"):
            kwargs["reveal_id_numbers"] = reveal_id_numbers
        elif reveal_id_numbers:
            raise _frames.invalid(f"{what} never shows ID numbers: reveal_id_numbers is for events and table",
                                  "reveal_id_numbers")
        getters: Dict[str, Callable[..., Any]] = {
            "status": self.status, "due": self.due, "history": self.history, "events": self.events,
            "imports": self.imports, "table": self.table}
        getter = getters.get(what)
        if getter is None:
            raise _frames.invalid("what must be status, due, history, events, imports or table", "what")
        df = getter(**kwargs)
        if format == "csv":
            text = df.to_csv(index=False)
        elif format == "json":
            text = df.to_json(orient="records", force_ascii=False, date_format="iso")
        else:
            raise _frames.invalid("format must be csv or json", "format")
        if path is not None:
            fd = _os.open(_os.fspath(path), _os.O_WRONLY | _os.O_CREAT | _os.O_TRUNC, 0o600)
            with _os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
        return text

    def check(self) -> List[Tuple[str, str]]:
        """SQLite's integrity checks and every case's log replayed: ``(where, message)`` per
        problem, empty when all is well."""
        return [(str(p[0]), str(p[1])) for p in self._handle().check()]
