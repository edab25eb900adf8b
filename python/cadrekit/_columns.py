"""Date arithmetic on columns as an analyst holds them (not public API: the calls are
``WorkCalendar.add_working_days`` / ``count_working_days`` given a column, and
:func:`cadrekit.three_ages`).

A column of dates — a pandas Series of ``datetime64`` or of text in any of the vocabulary's
spellings, a NumPy array, a list of ``datetime.date`` — is encoded without a Python step per
row (``_frames.date_column``: text read once per distinct value) and handed to the kernels of
``_core``, which release the GIL; a Series comes back as a Series with the caller's index.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from . import _core, _frames
from ._core import WorkCalendar, three_ages_columns

__all__ = ["three_ages", "THREE_AGES_COLUMNS"]

_add_one = WorkCalendar.add_working_days
_count_one = WorkCalendar.count_working_days

#: The columns three_ages reads (``party_joined`` and ``work_started`` may be absent).
THREE_AGES_COLUMNS = ("birth_date", "party_joined", "work_started")


def _is_column(value: Any) -> bool:
    """A column of dates rather than one date: a Series, an Index, an array or a list/tuple."""
    if isinstance(value, (_dt.date, str, bytes)):
        return False
    return hasattr(value, "__len__") and hasattr(value, "__getitem__")


def _index_of(*values: Any) -> Any:
    for v in values:
        if hasattr(v, "index") and hasattr(v, "to_numpy") and not hasattr(v, "columns"):
            return v.index
    return None


def _steps(n: Any) -> Any:
    import numpy as np
    if _is_column(n):
        return _frames.int_column(n, "n", np.int32)
    return n


def add_working_days(self: WorkCalendar, d: Any, n: Any) -> Any:
    """The n-th working day strictly after ``d`` (n < 0: before; n = 0: ``d``).

    ``d`` one date: a date back. ``d`` a column of dates (a pandas Series of ``datetime64``
    or of text dates, a NumPy ``datetime64`` array, a list of dates) and ``n`` an int or an
    integer column of the same length: the columnar kernel with the GIL released — a Series
    (``datetime64``, the caller's index) for a Series, a ``datetime64[D]`` array otherwise;
    NaT in gives NaT out. All or nothing: InvalidInput / CalendarCoverageError names the row."""
    if not _is_column(d):
        if _is_column(n):
            raise _frames.argument_error("n is a column but d is one date", "n")
        return _add_one(self, d, n)
    days = _frames.date_column(d, "from")
    out = self.add_working_days_array(days, _steps(n))
    index = _index_of(d, n)
    if index is None:
        return out
    import pandas as pd
    # nanoseconds here, in one pass (the calendar's years are far inside their range), where
    # pandas would cast the days with a bounds check a row
    return pd.Series(_core.days_as_ns(out), index=index, name=getattr(d, "name", None), copy=False)


def count_working_days(self: WorkCalendar, first: Any, last: Any) -> Any:
    """Working days in [first, last], inclusive. Two dates: an int. Columns of dates (as
    :meth:`add_working_days` takes them; one of them may be a single date): the columnar
    kernel with the GIL released — a Series of nullable ``Int32`` (<NA> where a date is NaT)
    with the caller's index for a Series, an int32 array with -1 there otherwise."""
    if not (_is_column(first) or _is_column(last)):
        return _count_one(self, first, last)
    import numpy as np
    a = _frames.date_column(first, "first") if _is_column(first) else None
    b = _frames.date_column(last, "last") if _is_column(last) else None
    if a is None:
        a = np.full(len(b), np.datetime64(_frames.as_of_date(first, "first"), "D"))
    if b is None:
        b = np.full(len(a), np.datetime64(_frames.as_of_date(last, "last"), "D"))
    out = self.count_working_days_array(a, b)
    index = _index_of(first, last)
    if index is None:
        return out
    import pandas as pd
    return pd.Series(pd.arrays.IntegerArray(out, out < 0), index=index, copy=False)


def three_ages(people: Any, *, as_of: _dt.date) -> Any:
    """三龄 (age, years of party standing, years of work) of many people as of ``as_of``, by
    the rule of ``Person.three_ages``.

    ``people``: a DataFrame (or a list of dicts) with ``birth_date`` and optionally
    ``party_joined`` and ``work_started`` — dates as ``datetime64`` or text in any of the
    vocabulary's spellings; a missing date is a person without one (a non-member has no
    ``party_joined``). A DataFrame gives a DataFrame with the caller's index and the columns
    ``age, party_years, work_years`` (nullable ``Int32``, <NA> where there is no date),
    computed by the columnar kernel with the GIL released; a list of dicts gives a list of
    dicts with None there. A date that cannot be read is InvalidInput naming its column and row.
    """
    import numpy as np
    import pandas as pd
    _frames.as_of_date(as_of)
    frame = _frames.is_frame(people)
    if frame:
        df = people
        _frames.check_columns(df, "people")
        _frames.check_known(df, THREE_AGES_COLUMNS, "people")
    else:  # (rows() warns of a key it does not read, once)
        records = _frames.rows(people, "people", THREE_AGES_COLUMNS)
        if not records:
            return []
        df = pd.DataFrame(records)
    cols = [_frames.date_column(_frames.column(df, "birth_date", "people"), "birth_date")]
    for k in THREE_AGES_COLUMNS[1:]:
        cols.append(_frames.date_column(df[k], k) if k in df.columns else None)
    out = three_ages_columns(cols[0], cols[1], cols[2], as_of=as_of)
    if not frame:
        keys = ("age", "party_years", "work_years")
        arrays = [out[k] for k in keys]
        return [{k: (None if int(a[i]) < 0 else int(a[i])) for k, a in zip(keys, arrays)}
                for i in range(len(df))]
    return pd.DataFrame({k: pd.arrays.IntegerArray(out[k], out[k] < 0) for k in ("age", "party_years", "work_years")},
                        index=df.index, copy=False)


def install() -> None:
    """Makes WorkCalendar's add/count working days take columns too (the scalar calls unchanged)."""
    setattr(WorkCalendar, "add_working_days", add_working_days)
    setattr(WorkCalendar, "count_working_days", count_working_days)


