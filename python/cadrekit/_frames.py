"""Private helpers shared by the Python front ends of the reform modules (not public API).

Each module turns what a data analyst holds — a pandas DataFrame, or an iterable of mappings —
into the JSON requests of the library; the steps common to all of them live here, and each
module keeps only the coercions of its own fields (codes as text, periods, booleans).
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal as _Decimal
from fractions import Fraction as _Fraction
from typing import Any, Callable, Mapping, Optional, Sequence

from ._core import InvalidInput, Policy


def policy_or_default(policy: Optional[Policy]) -> Policy:
    """The given policy profile, or the embedded default ``tongliao-2016``."""
    return Policy.default() if policy is None else policy


def is_frame(data: Any) -> bool:
    """A pandas DataFrame (told by its shape, so that pandas is imported only when used)."""
    return hasattr(data, "columns") and hasattr(data, "to_dict") and not isinstance(data, Mapping)


def rows(data: Any, what: str = "rows") -> list:
    """A list of mappings from a DataFrame (one per row), an iterable of mappings, or None; a row
    that is not a mapping is InvalidInput naming it (``what[i]``)."""
    if data is None:
        return []
    if is_frame(data):
        return data.to_dict(orient="records")
    out = list(data)
    for i, r in enumerate(out):
        if not isinstance(r, Mapping):
            raise InvalidInput(f"{what}[{i}] must be a mapping (dict) or a DataFrame row")
    return out


def missing(value: Any) -> bool:
    """A missing value: None, NaN, or pandas' NaT / NA."""
    if value is None:
        return True
    if type(value).__name__ in ("NaTType", "NAType"):
        return True
    try:
        return bool(value != value)  # NaN
    except (TypeError, ValueError):
        return False


def json_scalar(value: Any) -> Any:
    """A JSON-ready scalar: None and NaN (pandas' missing value) → None; a date, datetime or
    pandas Timestamp → ISO date text; a NumPy scalar → the Python value; anything else as is."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp (NaT was caught as NaN-like below)
        if value != value:
            return None
        value = value.to_pydatetime()
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
        if isinstance(value, float) and value != value:
            return None
    return value


def record(row: Mapping[str, Any], fields: Sequence[str], plain: Callable[[Any, str], Any]) -> dict:
    """The given fields of one row that are present and not missing, each through ``plain``."""
    out = {}
    for k in fields:
        if k in row:
            v = plain(row[k], k)
            if v is not None:
                out[k] = v
    return out


def codes(column: Any) -> Any:
    """The integer codes of a categorical column (a pandas Series of ``category`` dtype or a
    ``pandas.Categorical``): pandas' own code array, not a copy; −1 marks a missing value and is
    refused by the kernels as out of range. Any other column is returned unchanged."""
    try:
        return column.cat.codes.to_numpy()  # Series of category dtype
    except AttributeError:
        pass
    if type(column).__name__ == "Categorical" and hasattr(column, "codes"):
        return column.codes
    return column


def categories(column: Any) -> Any:
    """The categories of a categorical column (index = code), or None."""
    try:
        return column.cat.categories.to_numpy()
    except AttributeError:
        pass
    if type(column).__name__ == "Categorical":
        return column.categories.to_numpy()
    return None


def typed(value: Any, *, money: Sequence[str] = (), exact: Sequence[str] = (),
          dates: Sequence[str] = ()) -> Any:
    """The library's answer with its scalar texts as Python values, in place: under a member
    named in ``money`` a decimal yuan text becomes ``decimal.Decimal``, in ``exact`` an exact
    number ("2/3", "86.75") a ``fractions.Fraction``, in ``dates`` an ISO date a
    ``datetime.date`` (``None`` stays ``None``). The structure is the library's; nothing else
    changes."""
    if isinstance(value, list):
        for x in value:
            typed(x, money=money, exact=exact, dates=dates)
    elif isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, str):
                if k in money:
                    value[k] = _Decimal(v)
                elif k in exact:
                    value[k] = _Fraction(v)
                elif k in dates:
                    value[k] = _dt.date.fromisoformat(v)
            elif isinstance(v, (list, dict)):
                typed(v, money=money, exact=exact, dates=dates)
    return value
