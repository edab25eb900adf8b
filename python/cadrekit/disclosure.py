"""Disclosure of the personal matters of newly promoted leaders (KAILU, 开鲁县).

The record is a dict in the documented JSON schema ``cadrekit.disclosure.record/1``
(docs/disclosure.md); dates may be given as ``datetime.date`` or ISO text, amounts as
``Decimal``, ``int`` or text (never ``float``: amounts are exact).

- :func:`validate` — every problem of a record, each with ``path``, ``code``, ``message``.
- :func:`plan_round` — venues by rank and the window of working days of round 1 or 2.
- :func:`notice` — the notice of a round, built only from the round's whitelist of fields.
- :class:`Case` — the disclosure case: postings, complaints, verification, findings,
  outcomes and corrected versions, as an append-only event log.
- :func:`yearly_counts` — the yearly figures per round (a list of dicts or a DataFrame).

Messages never contain a value of the record. Nothing here reads the clock.
"""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core, _frames
from ._core import Explanation, Policy, WorkCalendar

_impl = _core.disclosure

__all__ = [
    "validate",
    "validate_all",
    "plan_round",
    "notice",
    "read_lrmx",
    "record_from_lrmx",
    "import_lrmx",
    "record_to_lrmx",
    "classify",
    "normalize",
    "Case",
    "Proceed",
    "yearly_counts",
    "MATTERS",
    "NOTICE_FIELDS",
]

#: The 9 matters' keys, in the order of the source (KAILU.1).
MATTERS: Tuple[str, ...] = (
    "marriage", "passports", "trips_abroad", "family_abroad", "employment_income",
    "real_estate", "securities", "investments", "businesses",
)

#: The field names a round's whitelist may use (docs/disclosure.md).
NOTICE_FIELDS: Tuple[str, ...] = (
    "name", "sex", "ethnicity", "political_status", "age", "party_years", "work_years",
    "education", "work_history", "identity", "current_post", "proposed_post", "field_in_charge",
    "citizen_id", "residence", "marriage", "passports", "trips_abroad", "family_abroad",
    "family_employment", "annual_income", "real_estate", "securities", "investments",
    "businesses",
)


def _record(record: Union[Mapping[str, Any], str]) -> Union[Mapping[str, Any], str]:
    """A record as the bindings take it: a dict (written into the documented JSON schema by the
    one converter of the bindings; a date as "YYYY-MM-DD", a Decimal as its text, a float as a
    JSON number, which the C++ reader refuses where an exact amount is expected, code
    wrong_type, the same on every surface) or JSON text as it is."""
    if isinstance(record, str) or isinstance(record, Mapping):
        return record
    raise TypeError("record must be a dict (the documented JSON schema) or JSON text")


_policy = _frames.policy_or_default


def _calendar(calendar: Optional[WorkCalendar]) -> WorkCalendar:
    return calendar if calendar is not None else WorkCalendar.china()


def _date(s: Optional[str]) -> Optional[datetime.date]:
    return None if s is None else datetime.date.fromisoformat(s)


def validate(record: Union[Mapping[str, Any], str], *, policy: Optional[Policy] = None) -> List[Dict[str, str]]:
    """Every problem of ``record``: a list of ``{"path", "code", "message"}``, empty when valid.

    Structure (types, unknown members, dates) and rules (every matter present, "none" not
    alongside items, amounts and areas positive, holders known and allowed, co-resident
    children under the policy's age limit, the signed commitment and self-assessment, the ID
    number matching the person). Never raises for bad data.
    """
    return _impl.validate(_record(record), _policy(policy))


def validate_all(records: Any, *, policy: Optional[Policy] = None, as_frame: bool = False,
                 strict: bool = False) -> Any:
    """Validates many records: a list of dicts (or JSON texts), or a pandas DataFrame whose
    ``record`` column holds them. Returns one row per problem — ``{"index", "id", "path",
    "code", "message"}`` (``index`` is the position or the DataFrame's index label) — as a list,
    or a DataFrame with ``as_frame=True``. Valid records contribute no rows. A DataFrame column
    other than ``record`` is not read: an ``UnknownColumnWarning`` naming it, with
    ``strict=True`` an ``InvalidInput`` (a member a record does not have is a problem of that
    record, as :func:`validate` reports it)."""
    p = _policy(policy)
    try:
        import pandas as pd  # noqa: F401
        is_frame = isinstance(records, pd.DataFrame)
    except ImportError:  # pragma: no cover
        is_frame = False
    if is_frame:
        _frames.check_known(records, ("record",), "records", strict=strict)
        items = list(zip(records.index, _frames.column(records, "record", "records")))
    else:
        items = list(enumerate(records))
    rows: List[Dict[str, Any]] = []
    for pos, (index, rec) in enumerate(items):
        if not isinstance(rec, (str, Mapping)):  # a cell of the table: named by its row
            raise _frames.invalid("a record must be a dict (the documented JSON schema) or JSON text", "record",
                                  f"records[{pos}]")
        rid = rec.get("id", "") if isinstance(rec, Mapping) else ""
        for prob in _impl.validate(_record(rec), p):
            rows.append({"index": index, "id": rid, **prob})
    if as_frame:
        import pandas as pd

        return pd.DataFrame(rows, columns=["index", "id", "path", "code", "message"])
    return rows


def normalize(record: Union[Mapping[str, Any], str]) -> Dict[str, Any]:
    """The record in canonical form (all members present, fixed order); raises InvalidInput
    naming the first bad member when its structure is wrong."""
    return _impl.normalize_record(_record(record))


def _form_bytes(form: Union[str, bytes, bytearray, memoryview]) -> bytes:
    """A form's bytes. Text is encoded as UTF-8 behind a byte-order mark, which the reader
    trusts over an XML declaration that names the file's original encoding."""
    if isinstance(form, str):
        return b"\xef\xbb\xbf" + form.encode("utf-8", "surrogatepass")
    if isinstance(form, (bytes, bytearray, memoryview)):
        return bytes(form)
    raise TypeError("a .lrmx form must be bytes (the file's content) or str")


def read_lrmx(form: Union[str, bytes], record_id: str) -> Dict[str, Any]:
    """Reads a ``.lrmx`` cadre form tolerantly, with a report: ``form`` is the file's bytes (UTF-8,
    GB18030/GBK/GB2312 or UTF-16, detected) or its text. Returns ``{"record": dict, "warnings":
    [{"path", "code", "message"}…], "encoding": "gb18030"}`` — the record's basic information
    (the 9 matters, family, commitment and self-assessment left for the caller), what could be
    read only in part as warnings naming the element (``"JianLi[3]"`` for the 3rd line of 简历),
    and the encoding read. An unreadable 入党时间 leaves ``political_status`` None (unknown,
    never 群众). Raises ``cadrekit.InvalidInput`` naming the element or the XML limit when the
    form cannot be read (docs/disclosure.md, docs/limits.md)."""
    return _impl.read_lrmx(_form_bytes(form), record_id)


def record_from_lrmx(form: Union[str, bytes], record_id: str) -> Dict[str, Any]:
    """The strict reading of a ``.lrmx`` cadre form: the record (as :func:`read_lrmx`'s) when the
    form reads without a warning; otherwise ``cadrekit.InvalidInput`` naming the first warning's
    element (:func:`read_lrmx` returns the record with its warnings)."""
    return _impl.record_from_lrmx(_form_bytes(form), record_id)


#: The columns of :func:`import_lrmx`'s table (those of ``cadrekit import-lrmx``).
LRMX_TABLE_COLUMNS: Tuple[str, ...] = (
    "id", "name", "sex", "birth_date", "ethnicity", "political_status", "party_joined",
    "work_started", "education", "full_time_education", "in_service_education", "current_post",
    "proposed_post", "reference_date", "age", "party_years", "work_years", "work_history_lines",
)
#: The columns of :func:`import_lrmx`'s report (those of ``cadrekit import-lrmx --report``).
LRMX_REPORT_COLUMNS: Tuple[str, ...] = ("file", "id", "status", "code", "field", "message")


def _lrmx_files(path: Any) -> List[Any]:
    import pathlib

    p = pathlib.Path(path)
    if p.is_dir():
        return sorted((f for f in p.iterdir() if f.is_file() and f.suffix.lower() == ".lrmx"),
                      key=lambda f: f.name)
    return [p]


def _education_text(education: Sequence[Mapping[str, Any]], mode: str) -> str:
    for e in education:
        if e["mode"] == mode:
            return e["level"] + ("/" + e["degree"] if e["degree"] else "")
    return ""


def _lrmx_row(record: Mapping[str, Any], with_citizen_id: bool) -> Dict[str, Any]:
    person = record["person"]
    ages = _core.Person.from_json(json.dumps(person)).three_ages(
        datetime.date.fromisoformat(record["reference_date"]))
    row = {
        "id": record["id"], "name": person["name"],
        "sex": "female" if person["sex"] == "2" else "male",
        "birth_date": person["birth_date"], "ethnicity": person["ethnicity"],
        "political_status": person["political_status"], "party_joined": person["party_joined"],
        "work_started": person["work_started"], "education": person["education"],
        "full_time_education": _education_text(record["education"], "full_time"),
        "in_service_education": _education_text(record["education"], "in_service"),
        "current_post": record["current_post"], "proposed_post": record["proposed_post"],
        "reference_date": record["reference_date"], "age": ages.age,
        "party_years": ages.party_years, "work_years": ages.work_years,
        "work_history_lines": len(record["work_history"]),
    }
    if with_citizen_id:
        row["citizen_id"] = record["citizen_id"]
    return row


def _form_file_bytes(f: Any) -> bytes:
    """A form file's bytes, read as the command line reads one: a regular file only (a FIFO or
    a device is refused without waiting on it), and never more than one byte past
    xml.max_bytes, which read_lrmx then refuses by that limit's name."""
    import os
    import stat

    fd = os.open(f, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO opens without a writer
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _frames.invalid("not a regular file", "FILE")
        os.set_blocking(fd, True)
        with os.fdopen(os.dup(fd), "rb") as stream:
            return stream.read(_impl.LRMX_MAX_BYTES + 1)
    finally:
        os.close(fd)


def import_lrmx(path: Any, *, with_citizen_id: bool = False) -> Tuple[Any, Any]:
    """Imports ``.lrmx`` cadre forms: ``path`` is a form or a folder (its ``*.lrmx`` files, by
    name). Returns ``(table, report)`` as DataFrames, as ``cadrekit import-lrmx`` writes them:
    ``table`` one row per form read (:data:`LRMX_TABLE_COLUMNS`; ``citizen_id`` added with
    ``with_citizen_id``; the record id is the file name without its extension; dates ISO text;
    ``political_status`` None when unknown); ``report`` one row per form read cleanly
    (``status`` "read"), per warning of a form read with warnings ("read_with_warnings") and per
    form refused ("refused", with the error's code, field and message), so that every file is
    accounted for. Nothing is raised for a bad form; a missing path raises InvalidInput."""
    import pathlib

    import pandas as pd

    if not pathlib.Path(path).exists():
        err = _core.InvalidInput("no such file or folder (field path)")
        err.field = "path"
        err.message = "no such file or folder"
        raise err
    rows: List[Dict[str, Any]] = []
    report: List[Dict[str, Any]] = []
    for f in _lrmx_files(path):
        rid = f.stem
        try:
            read = _impl.read_lrmx(_form_file_bytes(f), rid)
            row = _lrmx_row(read["record"], with_citizen_id)
        except _core.Error as e:
            report.append({"file": str(f), "id": rid, "status": "refused", "code": e.code,
                           "field": e.field, "message": e.message or str(e)})
            continue
        except OSError:
            report.append({"file": str(f), "id": rid, "status": "refused",
                           "code": "invalid_input", "field": "FILE",
                           "message": "cannot read the file"})
            continue
        rows.append(row)
        for w in read["warnings"]:
            report.append({"file": str(f), "id": rid, "status": "read_with_warnings",
                           "code": w["code"], "field": w["path"], "message": w["message"]})
        if not read["warnings"]:
            report.append({"file": str(f), "id": rid, "status": "read", "code": "",
                           "field": "", "message": ""})
    columns = list(LRMX_TABLE_COLUMNS) + (["citizen_id"] if with_citizen_id else [])
    table = pd.DataFrame(rows, columns=columns)
    for c in ("age", "work_history_lines"):
        table[c] = table[c].astype("int64")
    for c in ("party_years", "work_years"):
        table[c] = table[c].astype("Int64")
    return table, pd.DataFrame(report, columns=list(LRMX_REPORT_COLUMNS))


def record_to_lrmx(record: Union[Mapping[str, Any], str]) -> str:
    """The basic information of ``record`` as a ``.lrmx`` cadre form (UTF-8 XML text, the
    form's 34 elements in order). Date style: YYYYMM for 出生年月/入党时间/参加工作时间,
    ``YYYY.MM--YYYY.MM  text`` lines in 简历, YYYYMMDD for 计算年龄时间/填表时间 (the reference
    date). ``record_from_lrmx(record_to_lrmx(r), r["id"])`` gives back the basic information
    (month elements on the 1st; the birth date exactly when ``citizen_id`` is set). What the
    form cannot hold (two full-time education lines, a line break in a text…) raises
    ``cadrekit.InvalidInput`` naming the member."""
    return _impl.record_to_lrmx(_record(record))


@_frames.keyword_since_positional("calendar", "policy")
def plan_round(
    round: int,
    rank: str,
    posted: datetime.date,
    *,
    calendar: Optional[WorkCalendar] = None,
    policy: Optional[Policy] = None,
) -> Dict[str, Any]:
    """Venues and window of round 1 or 2 for a post of ``rank`` ("fu_ke", "zheng_ke", "副科"…)
    posted on ``posted``: ``{"round", "rank", "posted", "venues", "first_day", "last_day",
    "working_days"}`` with dates as ``datetime.date``. The window is ``working_days`` working
    days on the official calendar (default: the strict calendar of China)."""
    if not isinstance(posted, datetime.date) or isinstance(posted, datetime.datetime):
        raise TypeError("posted must be a datetime.date")
    if isinstance(round, bool) or not isinstance(round, int):
        raise TypeError("round must be an int")
    req = {"round": round, "rank": str(rank), "posted": posted}
    out = _impl.plan_round(req, _calendar(calendar), _policy(policy))
    for k in ("posted", "first_day", "last_day"):
        out[k] = _date(out[k])
    return out


@_frames.keyword_since_positional("policy")
def notice(
    record: Union[Mapping[str, Any], str],
    round: int,
    *,
    policy: Optional[Policy] = None,
    posted: Optional[datetime.date] = None,
    calendar: Optional[WorkCalendar] = None,
) -> Dict[str, Any]:
    """The notice of ``round`` for a valid record: ``{"round", "field_names", "fields",
    "text"}``. ``fields`` holds exactly the fields of the round's whitelist (policy
    ``disclosure.roundN.notice_fields``), ID numbers masked and addresses cut at the allowed
    level; ``text`` is the plain Chinese notice, rendered from ``fields`` only. With ``posted``
    the text also states the venues and the window (and ``plan`` is added)."""
    if isinstance(round, bool) or not isinstance(round, int):
        raise TypeError("round must be an int")
    rec = _record(record)
    req: Dict[str, Any] = {"record": json.loads(rec) if isinstance(rec, str) else rec, "round": round}
    if posted is not None:
        req["posted"] = posted
    out = _impl.notice(req, _calendar(calendar), _policy(policy))
    if "plan" in out:
        for k in ("posted", "first_day", "last_day"):
            out["plan"][k] = _date(out["plan"][k])
    return out


def _pairs(discrepancies: Iterable[Union[Tuple[str, str], Mapping[str, str]]],
           strict: bool) -> List[Tuple[str, str]]:
    # a DataFrame is its rows (list() of one would walk its column names)
    items = (_frames.rows(discrepancies, "discrepancies") if _frames.is_frame(discrepancies)
             else list(discrepancies))
    _frames.check_known([d for d in items if isinstance(d, Mapping)], ("matter", "kind"), "discrepancies",
                        strict=strict)
    pairs = []
    for i, d in enumerate(items):
        pair: Optional[List[Any]] = None
        if isinstance(d, Mapping):
            pair = [d.get("matter"), d.get("kind")]
        elif isinstance(d, (tuple, list)) and len(d) == 2:
            pair = list(d)
        if pair is None:
            raise _frames.invalid("expected a (matter, kind) pair or a mapping of them", "discrepancies",
                                  f"discrepancies[{i}]")
        for key, v in zip(("matter", "kind"), pair):
            if _frames.missing(v):  # None, NaN, pd.NA: not the text "nan"
                raise _frames.invalid(f"{key} is missing", key, f"discrepancies[{i}]")
        pairs.append((str(pair[0]), str(pair[1])))
    return pairs


@_frames.keyword_since_positional("as_of", "policy")
def classify(discrepancies: Iterable[Union[Tuple[str, str], Mapping[str, str]]], *,
             as_of: datetime.date, policy: Optional[Policy] = None, strict: bool = False) -> Dict[str, Any]:
    """Classifies discrepancies between a form and the verified facts as omission (漏报) or
    concealment (瞒报) by the policy, as :meth:`Case.record_finding` does:
    ``{"discrepancies": [{"matter", "kind", "class"}], "accountability": bool,
    "explanation": cadrekit.Explanation}``. ``discrepancies``: (matter, kind) pairs, mappings of
    them, or a DataFrame of the two columns. A dict key or column other than ``matter`` and
    ``kind`` is an ``UnknownColumnWarning``, with ``strict=True`` an ``InvalidInput``."""
    classes, ex = _impl.classify_discrepancies(_pairs(discrepancies, strict), as_of, _policy(policy))
    rows = [dict(zip(("matter", "kind", "class"), c.split(":"))) for c in classes]
    return {"discrepancies": rows,
            "accountability": any(r["class"] == "concealment" for r in rows),
            "explanation": ex}


@dataclass(frozen=True)
class Proceed:
    """The answer of :meth:`Case.can_proceed`: truthy only when ``ok``."""

    ok: bool
    reasons: List[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return self.ok


class Case:
    """A disclosure case (KAILU.2–KAILU.4): an append-only log of who did what when.

    Open one with :meth:`Case.open`; every transition appends one event or raises
    (``cadrekit.StateError`` for a transition the state refuses, ``cadrekit.InvalidInput`` for
    bad arguments) and leaves the case unchanged. The policy given to ``open`` (default
    ``Policy.default()``) is used by later transitions unless one is passed.
    """

    CHANNELS = ("phone", "letter", "email", "visit")
    FINDINGS = ("unfounded", "founded_not_affecting", "founded_disqualifying", "criminal")
    OUTCOMES = ("proceed_inform_reporter", "cancel", "refer")

    def __init__(self, _case: Any, policy: Optional[Policy] = None,
                 calendar: Optional[WorkCalendar] = None) -> None:
        self._case = _case
        self._policy = _policy(policy)
        self._calendar = calendar

    @classmethod
    def open(cls, record: Union[Mapping[str, Any], str], date: datetime.date, actor: str, *,
             policy: Optional[Policy] = None, calendar: Optional[WorkCalendar] = None) -> "Case":
        """A new case with version 1 of a valid record (InvalidInput naming the first problem)."""
        p = _policy(policy)
        return cls(_impl.Case.open(_record(record), date, actor, p), p, calendar)

    @classmethod
    def from_json(cls, s: str, *, policy: Optional[Policy] = None,
                  calendar: Optional[WorkCalendar] = None) -> "Case":
        """Parses a case and replays its log (StateError for an impossible log)."""
        return cls(_impl.Case.from_json(s), policy, calendar)

    def to_json(self) -> str:
        """Canonical JSON; ``Case.from_json(c.to_json()).to_json() == c.to_json()``."""
        return self._case.to_json()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Case) and self._case == other._case

    __hash__ = None  # type: ignore[assignment]

    # -- state ------------------------------------------------------------------------------
    def _data(self) -> Dict[str, Any]:
        return self._case.to_dict()

    @property
    def id(self) -> str:
        return self._data()["id"]

    @property
    def status(self) -> str:
        """"open", "cancelled" or "referred"."""
        return self._case.status

    @property
    def events(self) -> List[Dict[str, Any]]:
        """The log, oldest first (dicts as in the JSON form)."""
        return self._data()["events"]

    @property
    def records(self) -> List[Dict[str, Any]]:
        """Every version of the record, oldest first."""
        return self._data()["records"]

    @property
    def current(self) -> Dict[str, Any]:
        return self.records[-1]

    # -- transitions --------------------------------------------------------------------------
    def post_round(self, round: int, posted: datetime.date, actor: str, *,
                   calendar: Optional[WorkCalendar] = None,
                   policy: Optional[Policy] = None) -> Dict[str, Any]:
        """Posts round 1, or round 2 once round 1 can proceed; returns the round's plan."""
        cal = calendar or self._calendar or WorkCalendar.china()
        ex = self._case.post_round(round, posted, actor, cal, policy or self._policy)
        ev = self.events[-1]
        return {"round": ev["round"], "venues": ev["venues"],
                "first_day": _date(ev["window"]["first"]), "last_day": _date(ev["window"]["last"]),
                "working_days": ev["working_days"], "explanation": ex}

    def receive_complaint(self, channel: str, date: datetime.date, actor: str) -> str:
        """A complaint about the latest round (channel: phone, letter, email, visit); returns
        its id ("C1", …). Whether it came within or after the window is recorded."""
        return self._case.receive_complaint(channel, date, actor)

    def assign(self, complaint: str, departments: Sequence[str], date: datetime.date, actor: str,
               *, policy: Optional[Policy] = None) -> None:
        """Assigns a received complaint to the verification team (departments of the policy)."""
        if isinstance(departments, str):
            departments = [departments]
        self._case.assign(complaint, list(departments), date, actor, policy or self._policy)

    def record_finding(self, complaint: str, finding: str, date: datetime.date, actor: str,
                       discrepancies: Iterable[Union[Tuple[str, str], Mapping[str, str]]] = (),
                       *, policy: Optional[Policy] = None, strict: bool = False) -> Explanation:
        """Records the finding of an assigned complaint. ``discrepancies``: ``(matter, kind)``
        pairs or ``{"matter", "kind"}`` dicts, kind unreported | under_reported | inaccurate;
        each is classified omission (漏报) or concealment (瞒报) by the policy
        (``disclosure.discrepancy.<kind>``). Returns the explanation of the finding
        (``cadrekit.Explanation``: the classification rules with their clause KAILU.4, the
        parameters with value, effective date and assumed flag; ``.to_json()`` gives the core's
        stable form). A dict key other than ``matter`` and ``kind`` is an
        ``UnknownColumnWarning``, with ``strict=True`` an ``InvalidInput``."""
        return self._case.record_finding(complaint, finding, _pairs(discrepancies, strict), date, actor,
                                         policy or self._policy)

    def decide(self, complaint: str, outcome: str, date: datetime.date, actor: str) -> None:
        """proceed_inform_reporter (unfounded / not affecting), cancel (disqualifying) or
        refer (criminal); cancel and refer close the case."""
        self._case.decide(complaint, outcome, date, actor)

    def return_for_correction(self, record: Union[Mapping[str, Any], str], date: datetime.date,
                              actor: str, note: str = "", *,
                              policy: Optional[Policy] = None) -> None:
        """The form filled again: appends the corrected record as the next version."""
        self._case.return_for_correction(_record(record), date, actor, note,
                                         policy or self._policy)

    @_frames.keyword_since_positional("as_of")
    def can_proceed(self, *, as_of: datetime.date) -> Proceed:
        """Truthy only when a round has been posted, its window closed before ``as_of``, every
        complaint is decided and the case is open; otherwise ``reasons`` says why."""
        d = self._case.can_proceed(as_of)
        return Proceed(d["ok"], d["reasons"])

    def complaints(self) -> List[Dict[str, Any]]:
        """The complaints' current state, as the library derives it from the log."""
        out = json.loads(self._case.complaints_json())
        for c in out:
            c["received"] = _date(c["received"])
        return out

    def __repr__(self) -> str:
        return f"<cadrekit.disclosure.Case {self.id} {self.status}, {len(self.events)} events>"


def yearly_counts(cases: Iterable[Union[Case, str]], *, as_frame: bool = False) -> Any:
    """Yearly counts per round: ``[{"year", "round", "disclosed", "complaints", "cancelled",
    "referred"}]`` sorted by year and round, or a pandas DataFrame with ``as_frame=True``."""
    # A case given as JSON text is read here; Case objects go as they are.
    rows = _impl.yearly_counts([json.loads(c) if isinstance(c, str) else c for c in cases])
    if as_frame:
        import pandas as pd

        return pd.DataFrame(rows, columns=["year", "round", "disclosed", "complaints",
                                           "cancelled", "referred"])
    return rows


_frames.check_arguments_of(globals(), __all__)
