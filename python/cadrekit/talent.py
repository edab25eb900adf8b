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
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from ._core import Policy as _Policy
from . import _core, _frames
from ._core import talent as _t
from ._core import ethnic_group as _core_ethnic_group
from ._core import political_status as _core_political_status

__all__ = [
    "POOLS", "CRITERIA", "pools", "pool_report", "pool_changes", "team_structure",
    "team_structure_columns", "explain_teams", "TEAM_COLUMNS", "CANDIDATES_LISTED", "CandidatesCutWarning", "gaps",
    "growth", "propose_postings",
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
_ID_FIELDS = ("id", "cadre_id", "team_id")  # of the cadres and the members


_policy = _frames.policy_or_default
_rows = _frames.rows


def _plain_id(value: Any, field: str) -> Any:
    """A member's or a cadre's id (``team_id``, ``cadre_id``, ``id``) as audit's ids and the
    DataFrame path read one (``_frames.id_text``); None when missing."""
    return None if _frames.missing(value) else _frames.id_text(value, field)


def _plain(value: Any, field: str) -> Any:
    """A JSON-ready value (see _frames.json_scalar); booleans, and integer codes as the text
    codes of the core."""
    value = _frames.json_scalar(value, field)
    if value is None or isinstance(value, str):
        return value
    if field in _BOOL:  # true or false, or 1 or 0 as a table holds it; another number is refused
        if isinstance(value, bool) or isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        return _core.vocabulary_flag(str(value), field, "")  # (raises the vocabulary's words)
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


def _record(row: Mapping[str, Any], fields: Sequence[str], where: str = "") -> Dict[str, Any]:
    """A row of the cadres' or the members' table: its ids by ``_plain_id``."""
    return _frames.record(row, fields, lambda v, f: _plain_id(v, f) if f in _ID_FIELDS else _plain(v, f), where)


def _record_read_as_screened(row: Mapping[str, Any], fields: Sequence[str], where: str = "") -> Dict[str, Any]:
    """A row of the assessments or the findings: read as assessment.screen reads it (an id is
    text), for the screening of the supervision tables."""
    return _frames.record(row, fields, _plain, where)


def _date(value: Any, name: str) -> str:
    return _frames.as_of_date(value, name).isoformat()


def _supervision(assessments: Any, findings: Any, disposal_cases: Any, strict: bool = False) -> Dict[str, Any]:
    # A case is passed as it is (the bindings read a DisposalCase through its to_json()); a
    # case given as JSON text is read here.
    cases = [_json.loads(c) if isinstance(c, str) else c for c in disposal_cases or ()]
    return {
        "assessments": [_record_read_as_screened(r, _RECORD_FIELDS, f"assessments[{i}]")
                        for i, r in enumerate(_rows(assessments, "assessments", _RECORD_FIELDS, strict))],
        "findings": [_record_read_as_screened(f, _FINDING_FIELDS, f"findings[{i}]")
                     for i, f in enumerate(_rows(findings, "findings", _FINDING_FIELDS, strict))],
        "disposal_cases": cases,
    }


def _as_frame(call: str, table: Any, as_frame: Optional[bool]) -> bool:
    """A DataFrame back for a DataFrame given; ``as_frame=False`` with a DataFrame keeps the
    former answer (a list of dicts) for one release, with a DeprecationWarning."""
    if as_frame is None:
        return _frames.is_frame(table)
    if not as_frame and _frames.is_frame(table):
        _frames.warn(DeprecationWarning(
            f"{call}(DataFrame, as_frame=False) returns a list of dicts only for this release; a DataFrame "
            "gives a DataFrame (use .to_dict('records') on it)"))
    return bool(as_frame)


def _cadres(cadres: Any, strict: bool = False, what: str = "cadres") -> List[Dict[str, Any]]:
    return [_record(c, _CADRE_FIELDS, f"{what}[{i}]")
            for i, c in enumerate(_rows(cadres, what, _CADRE_FIELDS, strict))]


@_frames.keyword_since_positional("as_of", "policy")
def pool_report(cadres: Any, assessments: Any = None, *, as_of: _dt.date, policy: Optional[_Policy] = None,
                findings: Any = None, disposal_cases: Any = None, explain: bool = False, strict: bool = False) -> Dict[str, Any]:
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


@_frames.keyword_since_positional("as_of", "policy")
def pools(cadres: Any, assessments: Any = None, *, as_of: _dt.date, policy: Optional[_Policy] = None,
          findings: Any = None, disposal_cases: Any = None, explain: bool = False,
          as_frame: Optional[bool] = None, strict: bool = False) -> Any:
    """Members of each pool as of ``as_of``: records ``cadre_id, pool ('echelon1'|'echelon2'|
    'nvshaofei'), reasons`` (each reason ``{"code", "zh", "en"}``), ordered by pool then cadre id.
    A DataFrame of cadres gives a DataFrame of those columns (and ``explanation`` with
    ``explain=True``), as does ``as_frame=True``; ``as_frame=False`` with a DataFrame keeps the
    list for one release, with a DeprecationWarning. See :func:`pool_report` for the inputs."""
    as_frame = _as_frame("pools", cadres, as_frame)
    if as_frame and not explain and findings is None and not disposal_cases and _frames.is_frame(cadres):
        _frames.as_of_date(as_of)
        fast = _pools_frame(cadres, assessments, as_of, policy, strict)
        if fast is not None:
            return fast
    rep = pool_report(cadres, assessments, as_of=as_of, policy=policy, findings=findings,
                      disposal_cases=disposal_cases, explain=explain, strict=strict)
    members = rep["members"]
    if as_frame:
        import pandas as pd
        return pd.DataFrame(members, columns=["cadre_id", "pool", "reasons"] + (["explanation"] if explain else []))
    return members


#: The columns of a DataFrame of cadres that the pools kernel reads (or, name, unit and
#: education, that the pools do not use); another column takes the rows path.
_POOL_FAST_FIELDS = frozenset(("id", "cadre_id", "name", "sex", "birth_date", "ethnicity", "political_status",
                               "rank", "civil_servant", "selected_graduate", "unit", "education"))


def _flag_column(df: Any, name: str) -> Any:
    """A yes/no column as uint8 (missing = no, as the rows path reads it; a number other than
    1 or 0 refused naming its row, in the vocabulary's words); None when its values are not
    booleans or numbers (the rows path reads them)."""
    import numpy as np
    if name not in df.columns:
        return np.zeros(len(df), dtype=np.uint8)
    col = df[name]
    kind = getattr(col.dtype, "kind", "")
    if kind == "b":  # bool, or pandas' nullable "boolean" (its <NA> is no)
        return col.to_numpy(dtype=np.uint8, na_value=0)
    if kind in "iuf":
        v = np.nan_to_num(col.to_numpy(dtype=np.float64, na_value=0.0))
        bad = (v != 0) & (v != 1)
        if bad.any():
            _core.vocabulary_flag("2", name, f"row {int(np.argmax(bad)) + 1}")  # raises its words
        return (v != 0).astype(np.uint8)
    return None


def _numbered_ids(ids: Any, assessments: Any) -> Optional[Tuple[Any, Any, Any]]:
    """(each cadre's code, the distinct texts in the library's order (by code point), each
    record's code or None): the cadres' ids and the ``cadre_id`` of a DataFrame of records
    numbered together in one pass in C++, so that the order of the cadres, the screening's
    order of the records and the join of the two read the same codes. None where a column is
    not text and missing cells only, or a text holds a NUL (the caller reads each alone)."""
    import numpy as np
    arr = _frames._object_array(ids)
    if arr is None:
        return None
    rec = None
    if _frames.is_frame(assessments) and len(assessments) and "cadre_id" in assessments.columns:
        rec = _frames._object_array(assessments["cadre_id"])
        if rec is None:
            return None
    got = _core.factorize_text(arr, _frames._missing_objects(), True, more=rec)
    if got is None or got[2]:
        return None
    codes, uniques, _ = got
    n = len(arr)
    return codes[:n], uniques, (None if rec is None else codes[n:])


def _pool_ratings(assessments: Any, codes: Any, uniques: Any, as_of: _dt.date,
                  policy: _Policy, numbered: Any = None) -> Optional[Tuple[Any, ...]]:
    """(supervised per cadre, rating cadre row, year, rating) of a table of assessment records:
    red lines by the screening of cadrekit.assessment.screen on the same table (only who has a
    hit), the annual ratings (period a year) as that screening read them, or by their distinct
    values where the table went its rows path. The cadres' ids, distinct, row by row, are
    ``uniques[codes]``; ``numbered``: each record's code among ``uniques`` where the records'
    ids were numbered with the cadres' (_numbered_ids), else None. None when the table is not
    one to read so (the rows path reads it)."""
    import numpy as np
    import pandas as pd
    from . import assessment as _assessment
    from ._core import assessment as _a
    n = len(codes)
    none = np.zeros(0, dtype=np.int32)
    if assessments is None or (not _frames.is_frame(assessments) and len(assessments) == 0):
        return np.zeros(n, dtype=np.uint8), none, none, np.zeros(0, dtype=np.uint8)
    if not _frames.is_frame(assessments):
        return None
    df = assessments
    if len(df) == 0 or not {"cadre_id", "kind", "period"} <= set(df.columns):
        return None
    hit, reading = _assessment._hit_cadres(df, as_of, policy, None if numbered is None else (numbered, uniques))
    if reading is not None:
        # the screening's reading: each record's cadre code among its sorted ids, and the codes
        cadre, rec_ids, kind, period, rating = reading
        if numbered is not None:  # one numbering of both: a code's cadre row, -1 for none
            row_of = np.full(len(uniques) + 1, -1, dtype=np.int64)
            row_of[codes] = np.arange(n)
        else:
            row_of = _rows_of(codes, uniques, rec_ids)
        supervised = np.zeros(n, dtype=np.uint8)
        got = row_of[hit]
        supervised[got[got >= 0]] = 1
        annual = (kind == 0) & (period % 100 == 0)
        row = row_of[cadre[annual]].astype(np.int32)
        year = (period[annual] // 100).astype(np.int32)
        return supervised, row, year, rating[annual].astype(np.uint8)
    ids = uniques[codes]
    supervised = pd.Index(ids).isin(pd.Index(hit)).astype(np.uint8)

    def distinct(name: str, read: Any) -> Any:
        codes, uniques = _frames.factorize(df[name])
        vals = []
        for u in uniques:
            if not isinstance(u, str):
                u = str(int(u)) if isinstance(u, (int, np.integer)) else None
            vals.append(-1 if u is None else read(u))
        return np.array(vals + [-1], dtype=np.int64)[codes]

    kind = distinct("kind", _a.kind_code)
    period = distinct("period", _a.parse_period)
    rating = distinct("rating", _a.rating_code) if "rating" in df.columns else np.zeros(len(df), np.int64)
    annual = (kind == 0) & (period >= 0) & (period % 100 == 0)
    who = df["cadre_id"].to_numpy()[annual]
    year = (period[annual] // 100).astype(np.int32)
    # the cadres' rows by one factorize of both id columns: the cadres' ids are distinct and
    # come first, so an id's code is its row; a code past them is a cadre not in the table
    codes, _ = _frames.factorize(np.concatenate([np.asarray(ids, dtype=object), np.asarray(who, dtype=object)]))
    row = codes[n:]
    row = np.where((row >= 0) & (row < n), row, -1).astype(np.int32)
    return supervised, row, year, np.clip(rating[annual], 0, 255).astype(np.uint8)


def _rows_of(codes: Any, uniques: Any, texts: Any) -> Any:
    """The row of each of ``texts`` (distinct) among the cadres, whose ids are ``uniques``
    (distinct), ``codes`` giving each row's; -1 for a text that is no cadre's. Matched by one
    factorize of both, or at once where the two hold the same texts in the same order."""
    import numpy as np
    n = len(uniques)
    uniques = np.asarray(uniques, dtype=object)
    texts = np.asarray(texts, dtype=object)
    if len(uniques) == len(texts) and (n == 0 or uniques[0] == texts[0]) and bool((uniques == texts).all()):
        pos = np.arange(n, dtype=np.int64)
    else:  # the uniques come first and are distinct: a text's code past them is no cadre's
        pos, _ = _frames.factorize(np.concatenate([uniques, texts]))
        pos = pos[n:]
    row = np.full(n + 1, -1, dtype=np.int64)
    row[codes] = np.arange(len(codes))
    return row[np.where((pos >= 0) & (pos < n), pos, n)]


def _pools_frame(cadres: Any, assessments: Any, as_of: _dt.date, policy: Optional[_Policy], strict: bool) -> Any:
    """pools() of a DataFrame of cadres by the columnar kernel: ids, codes and dates read by
    their distinct values, the kernel run with the GIL released, the members in the rows path's
    order (pool, then cadre id) with its reasons — built by the rows path once per distinct
    combination of what the reasons say (rank, age, status, latest rating, group, excellent
    years) and shared by the rows of that combination. None when the table has something only
    the rows path reads (other columns, non-text ids, text flags, records as a list)."""
    import numpy as np
    import pandas as pd
    from ._core import vocabulary_code
    df = cadres
    if not set(df.columns) <= _POOL_FAST_FIELDS or ("id" in df.columns) == ("cadre_id" in df.columns):
        return None
    _frames.check_columns(df, "cadres")
    _frames.check_known(df, _CADRE_FIELDS, "cadres", strict=strict)
    idcol = df["id" if "id" in df.columns else "cadre_id"]
    cs = _flag_column(df, "civil_servant")
    sg = _flag_column(df, "selected_graduate")
    if cs is None or sg is None:
        return None
    numbered = _numbered_ids(idcol, assessments)
    if numbered is not None:  # codes in the library's order of the ids, shared with the records
        codes, uniques, rec_codes = numbered
    else:
        codes, uniques = _frames.factorize(idcol)
        rec_codes = None
        if len(uniques) and pd.api.types.infer_dtype(uniques, skipna=False) != "string":
            return None
    uniques = np.asarray(uniques, dtype=object)
    pol = _policy(policy)
    # each distinct id of a cadre read once (numbered with the results', the texts include theirs):
    # an empty or blank one, or one holding a NUL or a lone surrogate, refused at its first row
    # as the rows path refuses it
    mine = np.arange(len(uniques))
    if rec_codes is not None:
        has = np.zeros(len(uniques), dtype=bool)
        has[codes[codes >= 0]] = True
        mine = np.flatnonzero(has)
    bad, why = _core.first_bad_text(np.ascontiguousarray(uniques[mine]), _frames._missing_objects())
    bad = int(mine[bad]) if bad >= 0 else -1
    first_bad = int(np.argmax(codes == bad)) if bad >= 0 else len(codes)
    missing = np.flatnonzero(codes < 0)
    if len(missing) and int(missing[0]) < first_bad:
        raise _frames.invalid("id is empty", "id", f"cadres[{int(missing[0])}]")
    if bad >= 0:
        raise _frames.invalid("id is empty" if why == "is empty" else str(why), "id", f"cadres[{first_bad}]")
    if len(codes) and int(np.bincount(codes, minlength=len(uniques)).max()) > 1:  # (no id is missing)
        twice = pd.Series(codes).duplicated().to_numpy()
        raise _frames.invalid("duplicate cadre id", "id", f"cadres[{int(np.argmax(twice))}]")
    ratings = _pool_ratings(assessments, codes, uniques, as_of, pol, rec_codes)
    if ratings is None:
        return None
    supervised, r_cadre, r_year, r_rating = ratings

    def col(name: str) -> Any:
        return _frames.column(df, name, "cadres")

    sex, birth, eth, pstat = _person_columns(col)
    if "rank" in df.columns:
        rank = _frames.code_column(df["rank"], "rank", lambda v: int(vocabulary_code("rank", v, "rank")), lo=0, hi=6,
                                   missing="keyuan")  # a rank left out: the rows path's default
    else:
        rank = np.zeros(len(df), dtype=np.uint8)
    out = _t.pools_batch(pol, as_of, birth, sex, eth, pstat, rank, cs, sg, supervised, r_cadre, r_year, r_rating)
    member = out["member"]
    if numbered is not None:  # the codes order the ids, each cadre its own code
        at = np.full(len(uniques), -1, dtype=np.int64)
        at[codes] = np.arange(len(codes))
        order = at[at >= 0]
    else:
        order = np.argsort(np.array(uniques[codes], dtype=str), kind="stable") if len(codes) else \
            np.zeros(0, np.int64)
    # What the reasons of a member say: rank, age, civil servant, selected graduate, the
    # latest rating, the group, the excellent years of the 女少非 window.
    years = int(pol.value("talent.nvshaofei.assessment_years", as_of))
    last = as_of.year - 1
    n = len(df)
    latest = np.zeros(n, dtype=np.int64)
    excellent = np.zeros(n, dtype=np.int64)
    mine = r_cadre >= 0
    at_last = mine & (r_year == last)
    latest[r_cadre[at_last]] = r_rating[at_last]
    in_window = mine & (r_year > last - years) & (r_year <= last) & (r_rating == 1)
    excellent[:] = np.bincount(r_cadre[in_window], minlength=n)
    age = out["age"].astype(np.int64)
    keys = (rank.astype(np.int64) | (age << 3),  # echelon1: rank and age
            cs.astype(np.int64) | (sg.astype(np.int64) << 1) | (latest << 2) | (age << 6),  # echelon2
            (sex == 2).astype(np.int64) | ((eth != 1).astype(np.int64) << 1)  # 女少非: the group and
            | ((pstat > 2).astype(np.int64) << 2) | (excellent << 3))  # the excellent years
    # one representative member per pool and key, explained by the rows path
    picks: List[Tuple[int, Any, Any]] = []  # (pool, rows of the pool in order, their key numbers)
    reps: List[int] = []
    rep_pool: List[int] = []
    for p in range(len(POOLS)):
        rows = order[(member[order] >> p) & 1 == 1]
        kc, ku = _frames.factorize(keys[p][rows])
        first = np.full(len(ku), -1, dtype=np.int64)
        first[kc[::-1]] = rows[::-1]  # the first row of each key
        picks.append((p, rows, kc + len(reps)))
        reps.extend(int(i) for i in first)
        rep_pool.extend([p] * len(first))
    reasons_of: List[Any] = []
    if reps:
        rep = np.asarray(reps, dtype=np.int64)
        rep_ids = [f"r{j}" for j in range(len(reps))]
        req_cadres = [{"id": rep_ids[j], "sex": str(int(sex[i])), "birth_date": str(birth[i].astype("datetime64[D]")),
                       "ethnicity": "%02d" % int(eth[i]), "political_status": "%02d" % int(pstat[i]),
                       "rank": _RANK_NAMES[int(rank[i])], "civil_servant": bool(cs[i]),
                       "selected_graduate": bool(sg[i])} for j, i in enumerate(rep)]
        of_row: Dict[int, List[int]] = {}  # a row may stand for several pools
        for j, i in enumerate(rep):
            of_row.setdefault(int(i), []).append(j)
        take = np.isin(r_cadre, rep) & (r_year > last - years) & (r_year <= last) & (r_rating != 0)
        req_records = [{"cadre_id": rep_ids[j], "kind": "annual", "period": str(int(y)),
                        "rating": _RATING_NAMES[int(r)]}
                       for c, y, r in zip(r_cadre[take], r_year[take], r_rating[take]) for j in of_row[int(c)]]
        answer = _t.pools({"as_of": as_of.isoformat(), "cadres": req_cadres, "assessments": req_records,
                           "explain": False}, pol)
        by = {(e["cadre_id"], e["pool"]): e["reasons"] for e in answer["members"]}
        for j in range(len(reps)):
            got = by.get((rep_ids[j], POOLS[rep_pool[j]]))
            if got is None:  # the representative decided otherwise alone: let the rows path answer
                return None
            reasons_of.append(got)
    if not reps:  # as the rows path builds an empty frame
        return pd.DataFrame([], columns=["cadre_id", "pool", "reasons"])
    table = np.empty(len(reasons_of), dtype=object)
    table[:] = reasons_of
    # the members' rows of the three pools in order, each column built once at its full length
    rows = np.concatenate([r for _, r, _ in picks])
    pool = np.empty(len(rows), dtype=object)
    start = 0
    for p, r, _ in picks:
        pool[start:start + len(r)].fill(POOLS[p])  # one str in every cell (np.full converts cell by cell)
        start += len(r)
    reasons = table[np.concatenate([kk for _, _, kk in picks])]
    # the columns as built (copy=False: not copied again into one block)
    return pd.DataFrame({"cadre_id": uniques[codes[rows]], "pool": pool, "reasons": reasons},
                        columns=["cadre_id", "pool", "reasons"], copy=False)


_RANK_NAMES = ("keyuan", "fu_ke", "zheng_ke", "fu_chu", "zheng_chu", "fu_ting", "zheng_ting")
_RATING_NAMES = ("", "excellent", "competent", "basically_competent", "incompetent", "up_to_standard",
                 "not_up_to_standard", "satisfied", "basically_satisfied", "unsatisfied")


@_frames.keyword_since_positional("policy")
def pool_changes(cadres: Any, assessments: Any, from_date: _dt.date, to_date: _dt.date,
                 *, policy: Optional[_Policy] = None, findings: Any = None,
                 disposal_cases: Any = None, strict: bool = False) -> List[Dict[str, Any]]:
    """Who entered and who left each pool between two dates, and why: records ``cadre_id, pool,
    change ('entered'|'left'), reasons`` (for a cadre who left: what is missing on ``to_date``)."""
    request = {"from": _date(from_date, "from_date"), "to": _date(to_date, "to_date"),
               "cadres": _cadres(cadres, strict), **_supervision(assessments, findings, disposal_cases, strict)}
    changes: List[Dict[str, Any]] = _t.pool_changes(request, _policy(policy))["changes"]
    return changes


#: How many candidates a gap of :func:`team_structure` lists unless ``max_candidates`` says
#: otherwise (the library's ``talent::kCandidatesListed``).
CANDIDATES_LISTED: int = _t.CANDIDATES_LISTED

#: The columns of team_structure's DataFrame: those of ``cadrekit talent teams``.
TEAM_COLUMNS: Tuple[str, ...] = ("team_id", "size", "young", "women", "minority", "non_party", "gaps",
                                 "candidates")


def _gap_text(mask: int) -> str:
    return ";".join(c for b, c in enumerate(CRITERIA) if mask & (1 << b))


class CandidatesCutWarning(UserWarning):
    """Gaps of :func:`team_structure`'s DataFrame whose ``candidates`` cell lists fewer eligible
    candidates than the gap has, ``max_candidates`` being reached (``cadrekit talent teams``
    warns the same): the warning counts them; the records form counts each gap's."""


def _team_frame(teams: List[Dict[str, Any]], explain: bool, max_candidates: int) -> Any:
    """The team records as the DataFrame of TEAM_COLUMNS (gaps and eligible candidates as the
    command line writes them: ``young;women`` and ``young:C1,C2;women:C3``)."""
    import pandas as pd
    cols: Dict[str, Any] = {k: [t[k] for t in teams] for k in TEAM_COLUMNS[:6]}
    cols["gaps"] = [";".join(g["criterion"] for g in t["gaps"]) for t in teams]
    who: List[str] = []
    cut = 0
    for t in teams:
        cells = []
        for g in t["gaps"]:
            eligible = [c["cadre_id"] for c in g["candidates"] if c["eligible"]]
            cut += len(eligible) < g["eligible_count"]
            if eligible:
                cells.append(g["criterion"] + ":" + ",".join(eligible))
        who.append(";".join(cells))
    cols["candidates"] = who
    if cut:
        _frames.warn(CandidatesCutWarning(
            f"{cut} gap(s) have more eligible candidates than max_candidates {max_candidates} lets the column "
            "list; each lists the first by id"))
    frame = pd.DataFrame(cols, columns=list(TEAM_COLUMNS))
    for k in TEAM_COLUMNS[1:6]:
        frame[k] = frame[k].astype("int32")
    if explain:
        frame["explanation"] = pd.Series([t.get("explanation") for t in teams], dtype=object)
    return frame


def _team_columns_of(df: Any, strict: bool) -> Tuple[Any, Any, Tuple[Any, ...]]:
    """(team codes, team ids, the member columns for the kernel) of a DataFrame of members, read
    column by column: team and cadre ids factorised, codes and dates once per distinct text.
    The checks of the rows path hold: a missing id, and a cadre twice on a team, are errors
    naming the row."""
    import numpy as np
    import pandas as pd
    _frames.check_columns(df, "members")
    _frames.check_known(df, _MEMBER_FIELDS, "members", strict=strict)

    def col(name: str) -> Any:
        return _frames.column(df, name, "members")

    team, team_ids = _frames.factorize(col("team_id"))
    if (team < 0).any():
        raise _frames.invalid("team_id is missing", "team_id", f"row {int(np.argmax(team < 0)) + 1}")
    _frames.check_ids(team_ids, "team_id", team, numbers=True)  # each distinct id once
    _frames.check_ids(col("cadre_id"), "cadre_id", numbers=True)
    missing_row, twice_row = _frames.repeat_in_groups(team, len(team_ids), col("cadre_id"))
    if missing_row >= 0:
        raise _frames.invalid("cadre_id is missing", "cadre_id", f"row {missing_row + 1}")
    if twice_row >= 0:
        raise _frames.invalid("the cadre is twice on the team", "cadre_id", f"row {twice_row + 1}")
    return team.astype(np.int32), team_ids, _person_columns(col)


def _person_columns(col: Any) -> Tuple[Any, Any, Any, Any]:
    """(sex, birth date, ethnicity, political status) of a table of people as the kernels take
    them, ``col(name)`` giving a column: codes and dates read once per distinct text."""
    sex = _frames.code_column(col("sex"), "sex", lambda v: _core_sex(v), lo=1, hi=2)
    birth = _frames.date_column(col("birth_date"), "birth_date")
    eth = _frames.code_column(col("ethnicity"), "ethnicity",
                              lambda v: int(_code_entry(_core_ethnic_group, v, "ethnicity").code), lo=1, hi=56)
    pol = _frames.code_column(col("political_status"), "political_status",
                              lambda v: int(_code_entry(_core_political_status, v, "political_status").code),
                              lo=1, hi=13)
    return sex, birth, eth, pol


def _core_sex(v: str) -> int:
    from ._core import sex_code
    return int(sex_code(v, "sex"))


def _code_entry(fn: Any, v: str, field: str) -> Any:
    try:
        return fn(v)
    except TypeError:
        raise _frames.invalid("expected a code or a name", field) from None


def _team_structure_frame(df: Any, as_of: _dt.date, policy: Optional[_Policy], strict: bool) -> Any:
    import numpy as np
    import pandas as pd
    team, team_ids, (sex, birth, eth, pol) = _team_columns_of(df, strict)
    out = _t.team_structure_batch(_policy(policy), as_of, team, sex, birth, eth, pol, len(team_ids))
    gap_texts = np.array([_gap_text(m) for m in range(1 << len(CRITERIA))], dtype=object)
    cols = {"team_id": np.asarray(team_ids, dtype=object)}
    for k in ("size", "young", "women", "minority", "non_party"):
        cols[k] = out[k]
    cols["gaps"] = gap_texts[out["gaps"]]
    cols["candidates"] = np.full(len(team_ids), "", dtype=object)
    return pd.DataFrame(cols, columns=list(TEAM_COLUMNS), copy=False)


@_frames.keyword_since_positional("as_of", "policy")
def team_structure(members: Any, *, as_of: _dt.date, policy: Optional[_Policy] = None,
                   candidates: Any = None, assessments: Any = None, findings: Any = None,
                   disposal_cases: Any = None, explain: bool = False, as_frame: Optional[bool] = None,
                   strict: bool = False, max_candidates: int = CANDIDATES_LISTED) -> Any:
    """Structure of each leadership team as of ``as_of`` (HURE.5).

    ``members``: rows ``team_id, cadre_id, sex, birth_date, ethnicity, political_status``
    (codes or names, dates as dates or text).

    **A DataFrame gives a DataFrame** (also ``as_frame=True``), one row per team in order of
    first appearance, with the columns of ``cadrekit talent teams`` (``TEAM_COLUMNS``):
    ``team_id`` (the caller's ids), ``size, young, women, minority, non_party`` (int32),
    ``gaps`` (``"young;women"``, ``""`` when none) and ``candidates`` (the eligible ones per gap,
    ``"young:C1,C2"``). Without ``candidates``, ``assessments``, ``findings``,
    ``disposal_cases`` and ``explain`` it is read column by column and counted by the columnar
    kernel (the GIL released); :func:`explain_teams` gives the explanations of the teams asked
    about, ``explain=True`` a column ``explanation`` for every team.

    **A list of dicts gives a list** of records per team with ``team_id, size, young, women,
    minority, non_party, shares`` (exact ``fractions.Fraction``), ``targets`` (the policy's
    ``talent.team.min_*``) and ``gaps``: ``[{"criterion", "have", "target", "missing",
    "candidates", "candidate_count", "eligible_count"}]``. With ``candidates`` (cadres as for
    :func:`pools`), each gap lists the pool members who would fill it, ``eligible`` by
    ``promotion.min_years_at_rank.*`` and not excluded by a red line or an open disposal case,
    with reasons.

    **A gap lists at most ``max_candidates``** (``CANDIDATES_LISTED``, 20, unless given; 0 lists
    none): eligible first, then by id. It counts them all (``candidate_count``,
    ``eligible_count``), and where the DataFrame's ``candidates`` column lists fewer eligible
    candidates than a gap has, a :class:`CandidatesCutWarning` says how many gaps were cut.
    """
    from fractions import Fraction
    _frames.as_of_date(as_of)
    frame = _frames.is_frame(members)
    as_frame = _as_frame("team_structure", members, as_frame)
    if (frame and as_frame and not explain and candidates is None and assessments is None
            and findings is None and not disposal_cases):
        return _team_structure_frame(members, as_of, policy, strict)
    request = {"as_of": _date(as_of, "as_of"),
               "members": [_record(m, _MEMBER_FIELDS, f"members[{i}]")
                           for i, m in enumerate(_rows(members, "members", _MEMBER_FIELDS, strict))],
               "candidates": _cadres(candidates, strict, "candidates"), "max_candidates": int(max_candidates),
               **_supervision(assessments, findings, disposal_cases, strict), "explain": bool(explain)}
    teams = _t.team_structure(request, _policy(policy))["teams"]
    for t in teams:
        t["shares"] = {k: Fraction(v) for k, v in t["shares"].items()}
    if as_frame:
        return _team_frame(teams, bool(explain), max_candidates)
    return teams


def explain_teams(members: Any, team_ids: Sequence[Any], *, as_of: _dt.date,
                  policy: Optional[_Policy] = None) -> List[Any]:
    """The explanations (``cadrekit.Explanation``) of the teams ``team_ids``, in that order —
    the lazy counterpart of the DataFrame that :func:`team_structure` returns without them:
    only those teams' members are read and explained, and the explanation is the one
    ``explain=True`` gives for the team. An id with no member is InvalidInput naming it by
    its place in ``team_ids``."""
    import pandas as pd
    wanted = list(team_ids)
    if _frames.is_frame(members):
        part: Any = _rows(members[members["team_id"].isin(pd.Index(wanted, dtype=object)).to_numpy()],
                          "members", _MEMBER_FIELDS)
    else:
        keep = set(wanted)
        part = [m for m in _rows(members, "members", _MEMBER_FIELDS) if m.get("team_id") in keep]
    teams = team_structure(part, as_of=as_of, policy=policy, explain=True, as_frame=False)
    by_id = {t["team_id"]: t["explanation"] for t in teams}
    out = []
    for i, k in enumerate(wanted):
        key = k if k in by_id else str(k)
        if key not in by_id:
            raise _frames.invalid("no member of this team", "team_ids", f"team_ids[{i}]")
        out.append(by_id[key])
    return out


def team_structure_columns(team: Any, sex: Any, birth_date: Any, ethnicity: Any,
                           political_status: Any, *, as_of: _dt.date, n_teams: Optional[int] = None,
                           policy: Optional[_Policy] = None) -> Dict[str, Any]:
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


def _growth_file(g: Mapping[str, Any]) -> Dict[str, Any]:
    def conv(x: Any, key: str = "") -> Any:
        if isinstance(x, Mapping):
            return {k: conv(v, k) for k, v in x.items() if _plain(v, k) is not None or isinstance(v, (list, dict))}
        if isinstance(x, (list, tuple)):
            return [conv(v) for v in x]
        v = _plain(x, key)
        if key == "year" and isinstance(v, str) and v.isdigit():
            return int(v)
        return v
    if not isinstance(g, Mapping):  # dict() of a str would read it as key-value pairs
        raise _frames.argument_error(f"a growth file must be a mapping, not {type(g).__name__}", "growth_file")
    out: Dict[str, Any] = conv(dict(g))
    return out


@_frames.keyword_since_positional("as_of", "policy")
def growth(growth_file: Mapping[str, Any], *, as_of: _dt.date, policy: Optional[_Policy] = None) -> Dict[str, Any]:
    """One growth file (一人一档) as of ``as_of``: ``{"cadre_id", "figures", "gaps",
    "explanation"}``; figures: ``grassroots_days, grassroots_years, distinct_sectors,
    secondments_upward, principal_posts, years_at_rank, days_at_rank``."""
    request = {"as_of": _date(as_of, "as_of"), "growth_file": _growth_file(growth_file)}
    return _t.gaps(request, _policy(policy))


@_frames.keyword_since_positional("as_of", "policy")
def gaps(growth_file: Mapping[str, Any], *, as_of: _dt.date, policy: Optional[_Policy] = None) -> List[Dict[str, Any]]:
    """The gaps of a growth file with the posting that fills each (HURE.2–HURE.4): a list of
    ``{"gap", "posting", "value", "threshold", "parameter", "reason"}``; gap → posting:
    ``no_grassroots`` → ``village_residency``, ``narrow_view`` → ``secondment``,
    ``single_track`` → ``exchange``, ``no_principal_post`` → ``hard_post``."""
    out: List[Dict[str, Any]] = growth(growth_file, as_of=as_of, policy=policy)["gaps"]
    return out


@_frames.keyword_since_positional("as_of", "policy")
def propose_postings(growth_files: Any, places: Mapping[str, int], *, as_of: _dt.date,
                     policy: Optional[_Policy] = None) -> List[Dict[str, Any]]:
    """Proposed postings for a pool within ``places`` (e.g. ``{"village_residency": 378}``):
    records ``cadre_id, posting, gap, placed, order, reason``, the cadres with each posting's
    gap queued by the size of the gap (ties by cadre id); beyond the places they wait."""
    request = {"as_of": _date(as_of, "as_of"),
               "growth_files": [_growth_file(g) for g in _rows(growth_files)],
               "places": _frames.whole_mapping(places, "places")}
    proposals: List[Dict[str, Any]] = _t.postings(request, _policy(policy))["proposals"]
    return proposals


_frames.check_arguments_of(globals(), __all__)
