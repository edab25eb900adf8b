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
import decimal
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
    "record_from_lrmx",
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


def _default(o: Any) -> Any:
    if isinstance(o, datetime.datetime):
        raise TypeError("a datetime is not a date: pass datetime.date")
    if isinstance(o, datetime.date):
        return o.isoformat()
    if isinstance(o, decimal.Decimal):
        return format(o, "f")
    raise TypeError(f"cannot put a {type(o).__name__} into a disclosure record")


def _to_json(record: Union[Mapping[str, Any], str]) -> str:
    if isinstance(record, str):
        return record
    if not isinstance(record, Mapping):
        raise TypeError("record must be a dict (the documented JSON schema) or JSON text")
    # Floats pass through as JSON numbers: the C++ parser refuses them where an exact amount
    # is expected (code wrong_type, with the member's path), the same on every surface.
    return json.dumps(record, default=_default, ensure_ascii=False)


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
    return json.loads(_impl.validate_json(_to_json(record), _policy(policy)))


def validate_all(records: Any, *, policy: Optional[Policy] = None, as_frame: bool = False) -> Any:
    """Validates many records: a list of dicts (or JSON texts), or a pandas DataFrame whose
    ``record`` column holds them. Returns one row per problem — ``{"index", "id", "path",
    "code", "message"}`` (``index`` is the position or the DataFrame's index label) — as a list,
    or a DataFrame with ``as_frame=True``. Valid records contribute no rows."""
    p = _policy(policy)
    try:
        import pandas as pd  # noqa: F401
        is_frame = isinstance(records, pd.DataFrame)
    except ImportError:  # pragma: no cover
        is_frame = False
    if is_frame:
        if "record" not in records.columns:
            raise _core.InvalidInput("the DataFrame needs a `record` column (field record)")
        items = list(zip(records.index, records["record"]))
    else:
        items = list(enumerate(records))
    rows: List[Dict[str, Any]] = []
    for index, rec in items:
        text = _to_json(rec)
        rid = rec.get("id", "") if isinstance(rec, Mapping) else ""
        for prob in json.loads(_impl.validate_json(text, p)):
            rows.append({"index": index, "id": rid, **prob})
    if as_frame:
        import pandas as pd

        return pd.DataFrame(rows, columns=["index", "id", "path", "code", "message"])
    return rows


def normalize(record: Union[Mapping[str, Any], str]) -> Dict[str, Any]:
    """The record in canonical form (all members present, fixed order); raises InvalidInput
    naming the first bad member when its structure is wrong."""
    return json.loads(_impl.normalize_record_json(_to_json(record)))


def record_from_lrmx(xml: Union[str, bytes], record_id: str) -> Dict[str, Any]:
    """The basic information of a record from a ``.lrmx`` cadre form (the 9 matters, family,
    commitment and self-assessment are left for the caller to fill)."""
    if isinstance(xml, bytes):
        xml = xml.decode("utf-8")
    return json.loads(_impl.record_from_lrmx_json(xml, record_id))


def record_to_lrmx(record: Union[Mapping[str, Any], str]) -> str:
    """The basic information of ``record`` as a ``.lrmx`` cadre form (UTF-8 XML text, the
    form's 34 elements in order). Date style: YYYYMM for 出生年月/入党时间/参加工作时间,
    ``YYYY.MM--YYYY.MM  text`` lines in 简历, YYYYMMDD for 计算年龄时间/填表时间 (the reference
    date). ``record_from_lrmx(record_to_lrmx(r), r["id"])`` gives back the basic information
    (month elements on the 1st; the birth date exactly when ``citizen_id`` is set). What the
    form cannot hold (two full-time education lines, a line break in a text…) raises
    ``cadrekit.InvalidInput`` naming the member."""
    return _impl.record_to_lrmx(_to_json(record))


def plan_round(
    round: int,
    rank: str,
    posted: datetime.date,
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
    req = json.dumps({"round": round, "rank": str(rank), "posted": posted.isoformat()})
    out = json.loads(_impl.plan_round_json(req, _calendar(calendar), _policy(policy)))
    for k in ("posted", "first_day", "last_day"):
        out[k] = _date(out[k])
    return out


def notice(
    record: Union[Mapping[str, Any], str],
    round: int,
    policy: Optional[Policy] = None,
    *,
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
    req: Dict[str, Any] = {"round": round}
    if posted is not None:
        req["posted"] = posted.isoformat()
    text = '{"record":' + _to_json(record) + "," + json.dumps(req)[1:]
    out = json.loads(_impl.notice_json(text, _calendar(calendar), _policy(policy)))
    if "plan" in out:
        for k in ("posted", "first_day", "last_day"):
            out["plan"][k] = _date(out["plan"][k])
    return out


def _pairs(discrepancies: Iterable[Union[Tuple[str, str], Mapping[str, str]]]) -> List[Tuple[str, str]]:
    pairs = []
    for d in discrepancies:
        if isinstance(d, Mapping):
            pairs.append((str(d["matter"]), str(d["kind"])))
        else:
            m, k = d
            pairs.append((str(m), str(k)))
    return pairs


def classify(discrepancies: Iterable[Union[Tuple[str, str], Mapping[str, str]]],
             as_of: datetime.date, policy: Optional[Policy] = None) -> Dict[str, Any]:
    """Classifies discrepancies between a form and the verified facts as omission (漏报) or
    concealment (瞒报) by the policy, as :meth:`Case.record_finding` does:
    ``{"discrepancies": [{"matter", "kind", "class"}], "accountability": bool,
    "explanation": cadrekit.Explanation}``."""
    classes, ex = _impl.classify_discrepancies(_pairs(discrepancies), as_of, _policy(policy))
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
        return cls(_impl.Case.open(_to_json(record), date, actor, p), p, calendar)

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
        return json.loads(self._case.to_json())

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
                       *, policy: Optional[Policy] = None) -> Explanation:
        """Records the finding of an assigned complaint. ``discrepancies``: ``(matter, kind)``
        pairs or ``{"matter", "kind"}`` dicts, kind unreported | under_reported | inaccurate;
        each is classified omission (漏报) or concealment (瞒报) by the policy
        (``disclosure.discrepancy.<kind>``). Returns the explanation of the finding
        (``cadrekit.Explanation``: the classification rules with their clause KAILU.4, the
        parameters with value, effective date and assumed flag; ``.to_json()`` gives the core's
        stable form)."""
        return self._case.record_finding(complaint, finding, _pairs(discrepancies), date, actor,
                                         policy or self._policy)

    def decide(self, complaint: str, outcome: str, date: datetime.date, actor: str) -> None:
        """proceed_inform_reporter (unfounded / not affecting), cancel (disqualifying) or
        refer (criminal); cancel and refer close the case."""
        self._case.decide(complaint, outcome, date, actor)

    def return_for_correction(self, record: Union[Mapping[str, Any], str], date: datetime.date,
                              actor: str, note: str = "", *,
                              policy: Optional[Policy] = None) -> None:
        """The form filled again: appends the corrected record as the next version."""
        self._case.return_for_correction(_to_json(record), date, actor, note,
                                         policy or self._policy)

    def can_proceed(self, as_of: datetime.date) -> Proceed:
        """Truthy only when a round has been posted, its window closed before ``as_of``, every
        complaint is decided and the case is open; otherwise ``reasons`` says why."""
        d = json.loads(self._case.can_proceed_json(as_of))
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
    texts = [c.to_json() if isinstance(c, Case) else c for c in cases]
    rows = json.loads(_impl.yearly_counts_json("[" + ",".join(texts) + "]"))
    if as_frame:
        import pandas as pd

        return pd.DataFrame(rows, columns=["year", "round", "disclosed", "complaints",
                                           "cancelled", "referred"])
    return rows
