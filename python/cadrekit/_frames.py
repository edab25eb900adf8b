"""Private helpers shared by the Python front ends of the reform modules (not public API).

Each module turns what a data analyst holds — a pandas DataFrame, or an iterable of mappings —
into the JSON requests of the library; the steps common to all of them live here, and each
module keeps only the coercions of its own fields (codes as text, periods, booleans).
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import warnings
import numbers as _numbers
from decimal import Decimal as _Decimal
from fractions import Fraction as _Fraction
from types import FrameType
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Set, Tuple, TypeVar

from . import _core
from ._core import InvalidInput, Policy


def policy_or_default(policy: Optional[Policy]) -> Policy:
    """The given policy profile, or the embedded default ``tongliao-2016``; anything else is
    ArgumentTypeError naming ``policy`` (before pybind11 could print the call's arguments)."""
    if policy is None:
        return Policy.default()
    if not isinstance(policy, Policy):
        raise argument_error(f"policy must be a cadrekit.Policy, not {type(policy).__name__}", "policy")
    return policy


def is_frame(data: Any) -> bool:
    """A pandas DataFrame (told by its shape, so that pandas is imported only when used)."""
    return hasattr(data, "columns") and hasattr(data, "to_dict") and not isinstance(data, Mapping)


def rows(data: Any, what: str = "rows", known: Optional[Sequence[str]] = None, strict: bool = False) -> List[Any]:
    """A list of mappings from a DataFrame (one per row), an iterable of mappings, or None; a row
    that is not a mapping is InvalidInput naming it (``what[i]``). With ``known`` (the columns
    the call reads), a column or key outside it is an UnknownColumnWarning, with ``strict`` an
    InvalidInput (:func:`check_known`)."""
    if data is None:
        return []
    if is_frame(data):
        check_columns(data, what)
        if known is not None:
            check_known(data, known, what, strict=strict)
        out: List[Any] = data.to_dict(orient="records")
        return out
    out = list(data)
    for i, r in enumerate(out):
        if not isinstance(r, Mapping):
            raise invalid("must be a mapping (dict) or a DataFrame row", what, f"{what}[{i}]")
    if known is not None:
        check_known(out, known, what, strict=strict)
    return out


class UnknownColumnWarning(UserWarning):
    """A column of a DataFrame, or a key of the dicts, that the call does not read: it is ignored,
    and the warning names it and the nearest name the call reads ("did you mean"). ``strict=True``
    on the call makes it an InvalidInput instead."""


def nearest_name(name: str, known: Sequence[str]) -> str:
    """The name of ``known`` nearest to ``name`` for "did you mean", or "" when none is near:
    the library's own rule (``_core.nearest_name``), so that Python suggests what the CLI and the
    C JSON calls suggest."""
    return _core.nearest_name(name, [str(k) for k in known])


def display_key(key: str) -> str:
    """A key as a message may show it: a short ASCII identifier as it is (a run of 11 or more
    digits in it masked, as an error's record is), anything else (CJK text, digits first like
    an ID number, long) as "?" — the library's json_read::display_key, which it calls. A str
    UTF-8 cannot hold is "?" too."""
    try:
        shown: str = _core.display_key(key)
    except (InvalidInput, TypeError):  # a lone surrogate (the compiled module refuses the text), not a str
        return "?"
    return shown


def check_known(data: Any, known: Sequence[str], what: str, *, strict: bool = False) -> None:
    """Each column of a DataFrame, or key of a mapping or of a list of mappings (their union,
    gathered once), that is not in ``known``: an UnknownColumnWarning naming it, ``what`` and the
    nearest known name; with ``strict``, InvalidInput naming it as the field. Checked once per
    table, never per row."""
    if data is None:
        return
    if is_frame(data):
        names: Sequence[Any] = list(data.columns)
    elif isinstance(data, Mapping):
        names = list(data.keys())
    else:
        union: Set[str] = set()
        for r in data:
            if isinstance(r, Mapping):
                union.update(r.keys())
        names = sorted(union, key=str)
    allowed = frozenset(known)
    for n in names:
        if n in allowed:
            continue
        name = display_key(str(n))
        near = nearest_name(name, known) if name != "?" else ""
        hint = f" (did you mean '{near}'?)" if near else ""
        if strict:
            raise invalid(f"the column '{name}' is not one this call reads{hint}", name, what)
        warn(UnknownColumnWarning(f"{what}: the column '{name}' is not one this call reads, and is ignored{hint}"))


_PACKAGE_DIR = __file__.rsplit("/", 1)[0] + "/" if "/" in __file__ else ""


def warn(warning: Warning) -> None:
    """warnings.warn attributed to the caller's line: the first frame outside the package (the
    public calls are wrapped and call each other, so no fixed stacklevel would be right)."""
    import sys

    level = 2  # the caller of warn()
    f: Optional[FrameType] = sys._getframe(1)
    while f is not None and f.f_code.co_filename.startswith(_PACKAGE_DIR):
        f = f.f_back
        level += 1
    warnings.warn(warning, stacklevel=level)


def kept_columns(data: Any, keep: Any, output: Sequence[str], what: str) -> List[str]:
    """The names of ``keep`` (the caller's own columns a call copies to its result rows) after
    checking them: a str or a sequence of str; each a column of the DataFrame (or a key of some
    row of a list of mappings); none a column the result has already (``name``, kept anyway, is
    left out). InvalidInput naming the column otherwise."""
    if keep is None:
        return []
    names = [keep] if isinstance(keep, str) else list(keep)
    out: List[str] = []
    for k in names:
        if not isinstance(k, str):
            raise invalid("keep must name columns (str)", "keep", what)
        if k in out or (k == "name" and k in output):
            continue
        if k in output:
            raise invalid("keep: the result has a column of that name already", k, what)
        if data is not None and is_frame(data):
            present = k in data.columns
        else:
            present = data is not None and any(isinstance(r, Mapping) and k in r for r in data)
        if not present:
            raise invalid("keep: not a column of the table", k, what)
        out.append(k)
    return out


def kept_values(data: Any, name: str) -> Any:
    """The values of the kept column ``name``, one per row and unchanged: a DataFrame's column
    as its array (its dtype kept), a list of mappings' values as an object array (None where a
    row lacks the key)."""
    import numpy as np
    if is_frame(data):
        return data[name].array
    vals = [r.get(name) if isinstance(r, Mapping) else None for r in data]
    out = np.empty(len(vals), dtype=object)
    for i, v in enumerate(vals):  # element by element: a list value stays one value
        out[i] = v
    return out


def check_columns(df: Any, what: str) -> None:
    """InvalidInput naming the column when a DataFrame holds two columns of one name (pandas
    would drop one of them without a word when the rows are read), or columns of several levels
    (a MultiIndex, whose first level would stand for a whole sub-frame)."""
    cols = df.columns
    if getattr(cols, "nlevels", 1) != 1:
        raise invalid("the columns have several levels (a MultiIndex): give one name per column", "columns", what)
    if not cols.is_unique:
        dup = cols[cols.duplicated()][0]
        raise invalid("a column appears more than once", str(dup), what)


def column(df: Any, name: str, what: str) -> Any:
    """The column ``name`` of a DataFrame (a Series), InvalidInput naming it when it is absent."""
    check_columns(df, what)
    if name not in df.columns:
        raise invalid("column is missing", name, what)
    return df[name]


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


def timestamp_of(v: Any) -> Any:
    """A NumPy ``datetime64`` scalar (as an object column may hold one) as a pandas Timestamp,
    None for NaT; any other value as it is. (Only a NumPy value imports NumPy: records of
    plain Python values need neither NumPy nor pandas, which are optional.)"""
    if type(v).__name__ != "datetime64" or type(v).__module__ != "numpy":
        return v
    import numpy as np
    import pandas as pd
    return None if np.isnat(v) else pd.Timestamp(v)


def date_of(v: _dt.datetime, field: str, record: str = "") -> _dt.date:
    """The date of a datetime (also a pandas Timestamp) at midnight without a time zone, as a
    ``datetime64`` column's is read; a time of day or a time zone is InvalidInput naming
    ``field`` and ``record``, never cut off."""
    if v.tzinfo is not None:
        raise invalid("expected dates without a time zone", field, record)
    if (v.hour, v.minute, v.second, v.microsecond, getattr(v, "nanosecond", 0)) != (0, 0, 0, 0, 0):
        raise invalid("a datetime with a time of day is not a date", field, record)
    return v.date()


def json_scalar(value: Any, field: str = "") -> Any:
    """A JSON-ready scalar: None, NaN, ``pd.NA`` and NaT (pandas' missing values) → None; a
    date, or a datetime or pandas Timestamp at midnight (``date_of``, naming ``field``) → ISO
    date text; a NumPy scalar → the Python value; anything else as is."""
    value = timestamp_of(value)
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp (NaT was caught as NaN-like below)
        if value != value:
            return None
        return date_of(value, field).isoformat()
    if isinstance(value, _dt.datetime):
        return date_of(value, field).isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
        if isinstance(value, float) and value != value:
            return None
    return value


def record(row: Mapping[str, Any], fields: Sequence[str], plain: Callable[[Any, str], Any],
           where: str = "") -> Dict[str, Any]:
    """The given fields of one row that are present and not missing, each through ``plain``; a
    value ``plain`` refuses without naming a record is refused naming ``where`` (``findings[3]``)."""
    out = {}
    for k in fields:
        if k in row:
            try:
                v = plain(row[k], k)
            except _core.InvalidInput as e:
                if not where or e.record:
                    raise
                raise invalid(e.message, e.field, where) from None
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


# --- errors raised here carry .field and .record, as the library's own do ------------------------

def invalid(message: str, field: str = "", record: str = "") -> InvalidInput:
    """An InvalidInput with ``.field``, ``.record`` and ``.message`` set, its text ending in
    " (field F, record R)" as the library's errors do (the message holds no input value; the
    record is masked as the library masks it, ``_core.masked_record``)."""
    record = _core.masked_record(record) if record else record
    e = InvalidInput(f"{message} (field {field}, record {record})" if record else
                     (f"{message} (field {field})" if field else message))
    e.field = field
    e.record = record
    e.message = message
    return e


class ArgumentTypeError(InvalidInput, TypeError):
    """An argument of the wrong Python type (a str where a date is wanted): a cadrekit
    InvalidInput naming the argument, and still a TypeError for code that catches one."""


def argument_error(message: str, field: str) -> "ArgumentTypeError":
    """An ArgumentTypeError naming ``field`` (its message never repeats the value)."""
    e = ArgumentTypeError(f"{message} (field {field})")
    e.field = field
    e.record = ""
    e.message = message
    return e


def as_of_date(value: Any, field: str = "as_of") -> _dt.date:
    """``value`` when it is a ``datetime.date`` (not a datetime: a time of day is not a date);
    otherwise ArgumentTypeError naming ``field``. The message never repeats the value."""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    raise argument_error(f"{field} must be a datetime.date, not {type(value).__name__}", field)


#: The bounds of the whole numbers the library's calls take: a C++ ``int`` (a year, a number of
#: days), a JSON or C++ int64 (a count, a capacity), an unsigned 64-bit seed.
INT32 = (-(2 ** 31), 2 ** 31 - 1)
INT64 = (-(2 ** 63), 2 ** 63 - 1)
UINT64 = (0, 2 ** 64 - 1)


def whole_argument(value: Any, field: str, bounds: Tuple[int, int] = INT64) -> int:
    """``value`` as an int when it is a whole number (int or NumPy integer, not bool) within
    ``bounds`` (what the call it goes to can hold); otherwise ArgumentTypeError naming ``field``
    — a year given as "2016" or 2016.0 is refused by name — or, outside the bounds,
    InvalidInput naming it (never pybind11's TypeError, nor a number cut short)."""
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise argument_error(f"{field} must be a whole number (int), not {type(value).__name__}", field)
    v = int(value.__index__())
    if not bounds[0] <= v <= bounds[1]:
        raise invalid(f"value outside {bounds[0]}…{bounds[1]}", field)
    return v


def whole_mapping(value: Any, field: str) -> Dict[str, int]:
    """``{str(key): whole number}`` of a mapping of whole numbers (``{township: villages}``,
    ``{posting: places}``); anything else, or a value that is no whole number, is an
    ArgumentTypeError naming ``field`` (and the key, as an error shows a key) — never int()'s
    ValueError, which repeats the value."""
    if not isinstance(value, Mapping):
        raise argument_error(f"{field} must be a mapping, not {type(value).__name__}", field)
    return {str(k): whole_argument(v, f"{field}.{display_key(str(k))}") for k, v in value.items()}


# --- integer columns: checked before they are narrowed ------------------------------------------

_EPOCH = _dt.date(1970, 1, 1)


def _is_na(v: Any) -> bool:
    if v is None:
        return True
    if type(v).__name__ in ("NAType", "NaTType"):
        return True
    if isinstance(v, float) and v != v:
        return True
    if hasattr(v, "dtype") and getattr(v.dtype, "kind", "") in "fMm":  # NumPy NaN / NaT scalar
        try:
            return bool(v != v)
        except (TypeError, ValueError):
            return False
    return False


def _source(values: Any, field: str) -> Tuple[Any, Any]:
    """(a NumPy array, its missing mask or None) of a column as the caller gave it: a NumPy
    array, a pandas Series / Index (nullable ``Int64``/``boolean`` dtypes read through their
    mask, other extension dtypes as objects), a list or a scalar sequence."""
    import numpy as np
    dtype = getattr(values, "dtype", None)
    if dtype is not None and not isinstance(dtype, np.dtype) and hasattr(values, "to_numpy"):
        mask = np.asarray(values.isna()) if hasattr(values, "isna") else None
        np_dtype = getattr(dtype, "numpy_dtype", None)  # Int64, UInt64, Float64, boolean
        if np_dtype is not None and np_dtype.kind in "biuf":
            fill = False if np_dtype.kind == "b" else 0
            return np.asarray(values.to_numpy(dtype=np_dtype, na_value=fill)), mask
        if getattr(dtype, "kind", "") == "M":  # datetime with a time zone: not a day number
            raise invalid("expected whole numbers or dates without a time zone", field)
        return np.asarray(values.to_numpy(dtype=object)), None
    if isinstance(values, (str, bytes)) or isinstance(values, Mapping):
        raise invalid("expected a column of whole numbers, not text or a mapping", field)
    try:
        return np.asarray(values), None
    except (TypeError, ValueError):
        raise invalid("expected a one-dimensional column of whole numbers", field) from None


def _missing_objects() -> Tuple[Any, ...]:
    """The objects besides None and NaN that stand for a missing cell, compared by identity."""
    import pandas as pd
    return (pd.NA, pd.NaT)


def _object_array(values: Any) -> Any:
    """The column as a one-dimensional NumPy object array without copying where it is one
    already (an object Series, a StringDtype Series, an object array), else None."""
    import numpy as np
    import pandas as pd
    if isinstance(values, np.ndarray):
        return values if values.dtype == object and values.ndim == 1 else None
    dtype = getattr(values, "dtype", None)
    if hasattr(values, "to_numpy") and (dtype == object or isinstance(dtype, pd.StringDtype)):
        arr = values.to_numpy()
        return arr if arr.dtype == object and arr.ndim == 1 else None
    return None


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a natural call builds the many small
    containers of its answer (lists and dicts with no cycles among them): a collection falling
    inside would traverse them all, and every object the process holds, for nothing. Restored
    as it was, also when the block raises."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def first_missing(values: Any) -> int:
    """The position of the first missing value (None, NaN, NaT, <NA>, as ``pd.isna`` sees
    them) of a column, -1 for none: a column of text is scanned in C++, any other by pandas."""
    import numpy as np
    import pandas as pd
    arr = _object_array(values)
    got = None if arr is None else _core.first_missing_text(arr, _missing_objects())
    if got is not None:
        return int(got)
    where = np.flatnonzero(np.asarray(pd.isna(values if arr is None else arr)))
    return int(where[0]) if len(where) else -1


def factorize_text(values: Any, sort: bool = False) -> Optional[Tuple[Any, Any, bool]]:
    """``(codes, uniques, has_nul)`` of a column whose every cell is a str or missing (None,
    NaN, NaT, <NA>): codes int64 (-1 missing), in order of first appearance or, with
    ``sort=True``, of the texts' code points; uniques the caller's own str objects; has_nul
    whether a text holds a NUL or a lone surrogate (text the library refuses: the caller takes
    the path that names it). None for any other column. Numbered in C++
    (``_core.factorize_text``), or by ``pd.factorize`` where that declines."""
    import numpy as np
    import pandas as pd
    arr = _object_array(values)
    if arr is None:
        return None
    got: Optional[Tuple[Any, Any, bool]] = _core.factorize_text(arr, _missing_objects(), sort)
    if got is not None:
        return got
    try:
        codes, uniques = pd.factorize(arr, sort=sort)
    except TypeError:  # a cell that is a list, a set or a dict: not a column of text
        return None
    if len(uniques) and pd.api.types.infer_dtype(uniques, skipna=False) != "string":
        return None
    texts = uniques.tolist()
    # pandas compares text up to a NUL: a column with one is numbered again by its texts
    nul = any("\x00" in t for t in texts)
    if nul:
        return _core.factorize_text(arr, _missing_objects(), sort, dense=True)
    uniques = np.asarray(uniques, dtype=object)
    surrogate = _core.first_bad_text(uniques, (), True)[0] >= 0  # (no NUL here: its one reason)
    return np.asarray(codes, dtype=np.int64), uniques, surrogate


def text_codes(values: Any, by_row: bool = False) -> Optional[Tuple[Any, Any]]:
    """(codes, uniques) of an object column of str, for a reader of its texts only: numbered by
    distinct text in C++ (``factorize_text``, -1 for a missing cell) where that pays; else, for
    texts nearly all different (numbering them costs more than reading them) and no cell
    missing, each row its own number: codes 0 … n-1 and uniques the column itself (the caller's
    objects; equal texts may then have two numbers). ``by_row=True``: each row its own number
    whenever every cell is a str, without trying to number them (for a reader that finds a
    row's text by its own means, as the pay sheet finds a village id). None for any other
    column."""
    import numpy as np
    import pandas as pd
    arr = _object_array(values)
    if arr is None or getattr(values, "dtype", object) != object:
        return None
    if by_row and _core.first_missing_text(arr, _missing_objects()) == -1:
        return np.arange(len(arr), dtype=np.int64), np.ascontiguousarray(arr)  # every cell a str
    got = _core.factorize_text(arr, _missing_objects(), False)
    if got is not None:
        return got[0], got[1]
    if pd.api.types.infer_dtype(arr, skipna=False) != "string":
        return None
    return np.arange(len(arr), dtype=np.int64), np.ascontiguousarray(arr)


def first_unreadable_text(column: Any) -> Tuple[int, bool]:
    """(the first row, from 0, whose cell is a str holding a NUL character or a lone surrogate,
    and whether it is a NUL), or (-1, False): text the library's readers refuse, in a column of
    names it does not otherwise read. A cell of another type (a number) is not looked at; a
    categorical column's categories are looked at once (a category no row holds is none)."""
    import numpy as np
    import pandas as pd
    dtype = getattr(column, "dtype", object)
    codes = None
    if isinstance(dtype, pd.CategoricalDtype):
        cells, codes = column.cat.categories.to_numpy(dtype=object), column.cat.codes.to_numpy()
    elif dtype == object or isinstance(dtype, pd.StringDtype):
        cells = np.asarray(column, dtype=object)
    else:
        return -1, False
    cells = np.ascontiguousarray(cells)
    at, why = _core.first_bad_text(cells, _missing_objects(), True, True)
    if why == "must be a string":  # other values among the texts: the texts, one by one
        at = next((j for j, x in enumerate(cells.tolist()) if isinstance(x, str) and
                   ("\x00" in x or not _utf8_holds(x))), -1)
    if at < 0:
        return -1, False
    nul = "\x00" in cells[at]
    if codes is not None:  # the first row of that category
        rows = np.flatnonzero(codes == at)
        return (int(rows[0]), nul) if len(rows) else (-1, False)
    return at, nul


def _utf8_holds(text: str) -> bool:
    """Whether UTF-8 can hold a str (it holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_ids(values: Any, field: str, codes: Any = None, numbers: bool = False, empty_ok: bool = False,
              missing: Optional[str] = None) -> None:
    """Every cell of ``values`` an id — a str, not empty, without a NUL or a lone surrogate — or
    missing (the caller's to name): else InvalidInput naming ``field`` and the first bad row,
    counted from 1, as the rows path refuses the same cell. ``numbers``: a whole number (not a
    boolean; 1001 or 1001.0) is an id too, as a spreadsheet's reader gives one; ``empty_ok``:
    so is an empty str, where the rows path takes one; ``missing``: a missing cell is refused
    too, with this message, in the same pass (in a column of any dtype). A column of another
    dtype (numbers) is not otherwise checked: its ids stay the caller's. With ``codes``,
    ``values`` are a column's distinct values and ``codes`` its rows' numbers: the row named is
    the first that holds the bad value."""
    import numpy as np
    import pandas as pd
    dtype = getattr(values, "dtype", object)
    if isinstance(dtype, pd.StringDtype):
        values = values.to_numpy(dtype=object)  # (its missing cells are pd.NA)
    elif isinstance(dtype, pd.CategoricalDtype):  # its values, row by row (a missing one NaN)
        values = np.asarray(values, dtype=object)
    elif dtype != object:  # a column of numbers: ids kept as the caller's numbers
        at = first_missing(values) if missing is not None else -1
        if at >= 0:
            raise invalid(str(missing), field, f"row {at + 1}")
        if getattr(dtype, "kind", "") == "f":  # (a missing cell, NaN, is not large)
            large = np.flatnonzero(np.abs(np.asarray(values)) >= _EXACT)
            if len(large):
                row = int(large[0]) if codes is None else int(np.argmax(np.asarray(codes) == large[0]))
                raise invalid(TOO_LARGE, field, f"row {row + 1}")
        return
    arr = _object_array(values)
    if arr is None:
        arr = np.asarray(values, dtype=object)
    arr = np.ascontiguousarray(arr)
    at, why = _core.first_bad_text(arr, _missing_objects(), empty_ok, missing is None)
    if at >= 0 and why == "is missing":
        why = missing
    elif at >= 0 and numbers and why == "must be a string":
        at, why = _first_bad_id(arr, at, empty_ok, missing)
    if at >= 0:
        row = int(np.argmax(np.asarray(codes) == at)) if codes is not None else at
        why = f"{field} is empty" if why == "is empty" else why or "must be a string"
        raise invalid(why, field, f"row {row + 1}")


def _first_bad_id(arr: Any, start: int, empty_ok: bool, missing: Optional[str]) -> Tuple[int, Optional[str]]:
    """check_ids with ``numbers`` from ``start``, the first cell that is not text: a column that
    mixes whole numbers and text is looked at cell by cell from there (its text cells checked
    together in C++). (row from 0, why), or (-1, None)."""
    import numpy as np
    texts = []
    why = "must be text or a whole number"
    for i in range(start, len(arr)):
        v = arr[i]
        if isinstance(v, str):
            texts.append(i)
        elif _is_na(v):
            if missing is not None:
                why = missing
                break
        else:
            why_number = _number_id_problem(v)
            if why_number:
                why = why_number
                break
    else:
        i = -1
    if texts:
        at, text_why = _core.first_bad_text(np.ascontiguousarray(arr[texts]), _missing_objects(), empty_ok)
        if at >= 0 and (i < 0 or texts[at] < i):
            return texts[at], text_why
    return (i, why) if i >= 0 else (-1, None)


def number_id(v: Any) -> bool:
    """Whether ``v`` is an id given as a number: a whole number, not a boolean (1001, NumPy's
    integers, or 1001.0 as a spreadsheet's reader gives one)."""
    if isinstance(v, bool):
        return False
    return isinstance(v, _numbers.Integral) or isinstance(v, float) and v.is_integer()


#: The words of every surface for a number whose digits cannot be known (json_read::number_text).
TOO_LARGE = "a number too large to be read exactly (write it as text)"
_EXACT = 2 ** 53  # every whole float below is exact; above, pandas has already rounded the digits


def inexact_float(value: Any) -> bool:
    """Whether ``value`` is a float whose digits cannot be known: not finite, or whole from 2^53
    on (``cell_text`` refuses it, as the command line and the C calls refuse such a number)."""
    return isinstance(value, float) and not abs(value) < _EXACT


def _number_id_problem(v: Any) -> Optional[str]:
    """Why ``v`` is no id given as a number, or None: it must be a ``number_id``, and a float
    below 2^53 — a float beyond holds other digits than were written (an 18-digit ID number
    read into a float column), which the command line and the C calls refuse in JSON too."""
    if not number_id(v):
        return "must be text or a whole number"
    if inexact_float(v):
        return TOO_LARGE
    return None


def cell_text(value: Any, field: str = "", record: str = "") -> str:
    """A value where text is wanted (a name, a township) as the text of the table cell that
    holds it, as the command line reads a JSON table and the C calls read a JSON number
    (``json_read::number_text``): a str as it is, a whole number its digits (``1001.0`` too), any
    other float its shortest text (``2.5``), ``True``/``False`` as ``true``/``false``, a NumPy
    scalar as its Python value; anything else by ``str``. An ``inexact_float``, and a list, a set
    or a dict (no cell holds one: ``str`` would make ``"[1]"`` of it), is InvalidInput naming
    ``field`` and ``record``."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        raise invalid("must be a single value, not a list, a set or a dict", field, record)
    if hasattr(value, "item") and not isinstance(value, (bytes, bytearray)):
        value = value.item()
    if isinstance(value, bool):
        return "true" if value else "false"
    if inexact_float(value):
        raise invalid(TOO_LARGE, field, record)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def id_text(value: Any, field: str, record: str = "") -> str:
    """An id (not missing) as the library's text, as every path reads one: a str as it is, a
    ``number_id`` as its digits; anything else (bytes, a date, a Decimal, a boolean, a float
    too large to be exact) is InvalidInput naming it, where str() would make an id of its repr."""
    if isinstance(value, str):
        return value
    why = _number_id_problem(value)
    if why:
        raise invalid(why, field, record)
    return str(int(value))


def repeat_in_groups(groups: Any, group_count: int, values: Any) -> Tuple[int, int]:
    """(the first row, from 0, whose value is missing; the first whose value repeats an earlier
    row's within its group), each -1 for none. ``groups``: each row's group code 0…count-1. A
    column of text is compared in C++ group by group; any other by ``factorize``."""
    import numpy as np
    import pandas as pd
    groups = np.asarray(groups, dtype=np.int64)
    arr = _object_array(values)
    if arr is not None:
        got: Optional[Tuple[int, int]] = _core.repeat_in_groups(groups, group_count, arr, _missing_objects())
        if got is not None:
            return got
    codes, _ = factorize(values)
    missing_rows = np.flatnonzero(codes < 0)
    pairs = pd.Series(groups * (int(codes.max()) + 2 if codes.size else 1) + codes + 1)  # missing: 0
    twice = (pairs.duplicated() & (codes >= 0)).to_numpy()
    return (int(missing_rows[0]) if missing_rows.size else -1,
            int(np.argmax(twice)) if twice.any() else -1)


def factorize(values: Any, sort: bool = False, *, field: Optional[str] = None) -> Tuple[Any, Any]:
    """(codes, uniques) of a column: each row's number among the column's distinct values
    (int64, first-appearance order, or sorted with ``sort=True``; -1 for a missing value: None,
    NaN, NaT, <NA>) and those values (an object array for a column of text). The one way the
    natural calls read a column by its distinct values, as ``pd.factorize`` does: a column of
    text in C++ (factorize_text), anything else by ``pd.factorize``. A cell that is a list, a set
    or a dict is InvalidInput naming ``field`` (default: the Series' name) and its row."""
    import numpy as np
    import pandas as pd
    if isinstance(values, (list, tuple)):
        values = pd.Series(values, dtype=object)
    name = field if field is not None else getattr(values, "name", None)
    arr = _object_array(values)
    if arr is not None:
        got = _core.factorize_text(arr, _missing_objects(), sort)
        if got is not None:
            return got[0], got[1]
        values = arr
    try:
        codes, uniques = pd.factorize(values, sort=sort)
    except TypeError:  # a cell that is a list, a set or a dict: named by its row, not printed
        at = next((i for i, v in enumerate(values) if not _hashable(v)), None)
        if at is None:
            raise
        raise invalid("must be a single value, not a list, a set or a dict",
                      name if isinstance(name, str) else "", f"row {at + 1}") from None
    if arr is not None and len(uniques) and _bool_or_its_number(arr, uniques):
        return _booleans_apart(arr, sort)
    return np.asarray(codes, dtype=np.int64), uniques


def _bool_or_its_number(arr: Any, uniques: Any) -> bool:
    """Whether the distinct values pandas found in the object column ``arr`` include a boolean,
    or a number equal to one (0, 1): pandas takes True for 1, so that the first of the two met
    stands for both. (Only a column of mixed kinds can hold both — pandas' infer_dtype, in C,
    tells; a column of numbers alone, or of booleans alone, is not looked at in Python.)"""
    import pandas as pd
    if not pd.api.types.infer_dtype(arr, skipna=True).startswith("mixed"):
        return False
    return any(isinstance(x, bool) or type(x).__name__ == "bool_" or
               (isinstance(x, (int, float)) and x in (0, 1)) for x in list(uniques))


def _booleans_apart(arr: Any, sort: bool) -> Tuple[Any, Any]:
    """factorize's answer for an object column where a boolean and a number may stand together:
    each value keyed by whether it is a boolean, so that True and 1 are two values (a code
    column with a True among its 1s: the True refused, whichever comes first)."""
    import numpy as np
    import pandas as pd
    miss = np.asarray(pd.isna(arr), dtype=bool)
    at = np.flatnonzero(~miss)
    keys = np.empty(len(at), dtype=object)
    for j, i in enumerate(at.tolist()):
        v = arr[i]
        keys[j] = (isinstance(v, bool) or type(v).__name__ == "bool_", v)
    c, u = pd.factorize(keys, sort=sort)
    codes = np.full(len(arr), -1, dtype=np.int64)
    codes[at] = c
    uniques = np.empty(len(u), dtype=object)
    for k, key in enumerate(u):
        uniques[k] = key[1]
    return codes, uniques


def _hashable(v: Any) -> bool:
    try:
        hash(v)
    except TypeError:
        return False
    return True


def map_distinct(values: Any, fn: Callable[[Any, int], Any], *, field: Optional[str] = None) -> Any:
    """``fn(value, first_row)`` once per distinct value of the column ``values`` (a Series, an
    array or a list), spread back over the rows as a NumPy object array; a missing value (None,
    NaN, NaT, <NA>) stays None. Text cells are read by the vocabulary this way: factorised, each
    distinct text parsed once, not once per row. (``field``: as ``factorize`` names a list cell.)"""
    import numpy as np
    codes, uniques = factorize(values, field=field)
    out = np.empty(len(codes), dtype=object)
    if len(uniques) == 0:
        return out
    _, first = np.unique(codes, return_index=True)
    firsts = {int(codes[i]): int(i) for i in first}
    mapped = np.empty(len(uniques), dtype=object)
    for k, u in enumerate(uniques):
        mapped[k] = fn(u, firsts[k])
    present = codes >= 0
    out[present] = mapped[codes[present]]
    return out


def vocabulary_levels(values: Any, field: str, hi: int = 127, where: str = "row ") -> Any:
    """A factor column with its text cells ("2", "是", "否", "true") read by the library's
    vocabulary (once per distinct text); numbers, booleans and missing values as they are, and
    a blank text (empty, or spaces) missing. A column without text is returned unchanged. A
    text outside the vocabulary is InvalidInput naming ``field`` and the first row that holds
    it, counted from 1."""
    import pandas as pd
    dtype = getattr(values, "dtype", None)
    if isinstance(dtype, pd.CategoricalDtype) and dtype.categories.dtype == object:
        values = values.astype(object)  # categories of text ("是", "否"): read as a column of text
    elif dtype is not None and dtype != object and not isinstance(dtype, pd.StringDtype):
        return values

    def read(v: Any, row: int) -> Any:
        if isinstance(v, str) and _core.vocabulary_blank(v):  # missing, as the command line reads it
            return None
        if isinstance(v, str):
            return _core.vocabulary_level(v, hi, field, f"{where}{row + 1}")
        return v
    return map_distinct(values, read)


def vocabulary_date(v: Any, field: str, record: str) -> Optional[_dt.date]:
    """A date cell: a date (a datetime, Timestamp or NumPy datetime64 at midnight: date_of), or
    text in the vocabulary's spellings (2014-01-01, 2014/1/1, 2014年1月1日, …), or a whole number
    read as the cell holding its digits (20140101), as the C calls and the command line read a
    JSON number; None when missing."""
    v = timestamp_of(v)
    if missing(v):
        return None
    if isinstance(v, _dt.datetime):  # also pandas.Timestamp
        return date_of(v, field, record)
    if isinstance(v, _dt.date):
        return v
    if isinstance(v, str):
        return _core.vocabulary_date(v, field, record)
    if isinstance(v, _numbers.Integral) and not isinstance(v, bool):
        return _core.vocabulary_date(str(int(v)), field, record)
    raise invalid("must be a date", field, record)


def _distinct(values: Any, field: str) -> Tuple[Any, Any]:
    """(codes, uniques) of a column by ``factorize`` (first-appearance order, -1 missing)."""
    import numpy as np
    import pandas as pd
    if isinstance(values, (str, bytes)) or isinstance(values, Mapping):
        raise invalid("expected a column, not text or a mapping", field)
    return factorize(values, field=field)


def _read_distinct(codes: Any, uniques: Any, field: str, read: Callable[[Any], Any]) -> List[Any]:
    """``read(value)`` once per distinct value; an InvalidInput it raises is raised again naming
    ``field`` and the first row that holds the value, counted from 1 (searched for only then)."""
    import numpy as np
    out = []
    for k, u in enumerate(uniques):
        try:
            out.append(read(u))
        except InvalidInput as e:
            row = int(np.argmax(codes == k)) + 1
            raise invalid(getattr(e, "message", "") or str(e), field, f"row {row}") from None
    return out


def date_column(values: Any, field: str) -> Any:
    """A column of dates as a NumPy ``datetime64`` array, without a Python step per row: a
    ``datetime64`` column (any unit; the kernels refuse a time of day) or whole day numbers as
    they are; a column of text (any of the vocabulary's spellings) in one call to C++
    (``_core.date_days``: an ISO date cell by cell, another spelling once per distinct text);
    ``datetime.date`` and Timestamps (or text mixed with them) read once per distinct value
    (``factorize``) and spread back by their codes. A missing value
    is NaT; a text that is not a date is InvalidInput naming ``field`` and its first row,
    counted from 1."""
    import numpy as np
    dtype = getattr(values, "dtype", None)
    if isinstance(dtype, np.dtype) and dtype.kind in "Miu":
        return np.asarray(values)
    if dtype is not None and getattr(dtype, "kind", "") == "M" and hasattr(values, "to_numpy"):
        if getattr(dtype, "tz", None) is not None:
            raise invalid("expected dates without a time zone", field)
        return values.to_numpy()
    if isinstance(values, (str, bytes)) or isinstance(values, Mapping):
        raise invalid("expected a column, not text or a mapping", field)
    arr = _object_array(values)
    got = _core.date_days(arr, _missing_objects()) if arr is not None else None
    if got is not None:  # text: numbered and every distinct text read in one call to C++
        days, bad_row, bad_text = got
        if days is None:  # the reader's error for that text, naming the first row that holds it
            try:
                vocabulary_date(bad_text, field, "")
            except InvalidInput as e:
                raise invalid(getattr(e, "message", "") or str(e), field, f"row {bad_row + 1}") from None
            raise invalid("must be a date", field)  # not reached: the same reader refused it
        return days
    codes, uniques = _distinct(values, field)

    def read(u: Any) -> Any:
        d = vocabulary_date(u, field, "")
        return np.datetime64("NaT") if d is None else np.datetime64(d, "D")
    days = np.array(_read_distinct(codes, uniques, field, read) + [np.datetime64("NaT")],
                    dtype="datetime64[D]")
    return days[codes]  # code -1 (missing) takes the last entry: NaT


def code_column(values: Any, field: str, read: Callable[[str], int], *, lo: int, hi: int,
                missing: Optional[str] = None) -> Any:
    """A column of small national codes (sex 1–2, GB 3304 1–56, GB/T 4762 1–13) as uint8:
    numbers range-checked as a whole, text ("女", "蒙古族", "02") read by ``read(text)`` once per
    distinct value. A missing value — a blank text too, an empty cell as the rows path reads it —
    is InvalidInput ``missing value`` (or, given ``missing``, read as that text, as the rows path
    reads an optional field left out), an unreadable one the reader's error, each naming
    ``field`` and the first bad row, counted from 1."""
    import numpy as np
    dtype = getattr(values, "dtype", None)
    if dtype is not None and getattr(dtype, "kind", "") in "iufb":
        return int_column(values, field, np.uint8, lo=lo, hi=hi)
    codes, uniques = _distinct(values, field)
    blank = {k for k, u in enumerate(uniques) if isinstance(u, str) and _core.vocabulary_blank(u)}
    if blank:
        codes = np.where(np.isin(codes, list(blank)), -1, codes)

    def one(v: Any) -> int:
        if isinstance(v, str):
            return read(v)
        if isinstance(v, bool):
            raise invalid("expected a code, not a boolean", field)
        n = whole(v, field, "")
        return n if lo <= n <= hi else hi + 1  # outside, named below (2**70 fits no int64)
    # Each distinct value read once, in the order of first appearance, until one is refused; the
    # error named is the first bad row's: a refused value's, a missing one's or one outside.
    low, high = max(lo, 0), min(hi, 255)
    table = np.full(len(uniques) + 1, low, dtype=np.int64)  # the last entry: a missing cell (-1)
    bad: List[Tuple[int, str]] = []  # (row from 0, message) of the first of each kind
    for k, u in enumerate(uniques):
        if k in blank:
            continue
        try:
            table[k] = one(u)
        except InvalidInput as e:
            bad.append((int(np.argmax(codes == k)), getattr(e, "message", "") or str(e)))
            break
    if missing is not None:
        table[-1] = read(missing)
    outside = ((table < low) | (table > high))[codes]
    if outside.any():
        bad.append((int(np.argmax(outside)), f"value outside {low}…{high}"))
    if missing is None and codes.size and int(codes.min()) < 0:
        bad.append((int(np.argmax(codes < 0)), "missing value"))  # as int_column words it
    if bad:
        row, message = min(bad)
        raise invalid(message, field, f"row {row + 1}")
    return table.astype(np.uint8)[codes]


def whole(v: Any, field: str, record: str) -> int:
    """One value as a Python int: an int, a NumPy integer, a bool (0/1), a float or Decimal
    without a fraction, or a text the vocabulary reads as a whole number ("12", "+7", "１２",
    docs/input.md), as the command line reads a cell; InvalidInput naming field and record for
    other text, bytes, a fraction, ±inf, NaN and anything else (a missing value is the caller's
    to handle first; a blank text is "missing"). For a column, int_column reads each distinct
    text once."""
    if isinstance(v, str):
        return _core.vocabulary_whole(v, field, record)
    if isinstance(v, bytes):
        raise invalid("expected a whole number, not bytes", field, record)
    if isinstance(v, float):
        if not (v == v and abs(v) != float("inf") and v.is_integer()):
            raise invalid("expected a whole number", field, record)
        return int(v)
    if isinstance(v, _Decimal):
        if not (v.is_finite() and v == v.to_integral_value()):
            raise invalid("expected a whole number", field, record)
        return int(v)
    if hasattr(v, "__index__"):
        return int(v.__index__())  # bool, int, NumPy integers
    if hasattr(v, "dtype") and getattr(v.dtype, "kind", "") == "f":  # NumPy float scalar
        return whole(float(v), field, record)
    raise invalid("expected a whole number", field, record)


def int_column(values: Any, field: str, dtype: Any, *, lo: Optional[int] = None,
               hi: Optional[int] = None, missing: Optional[int] = None, dates: bool = False,
               where: str = "row ", width: int = 1, ndim: int = 1, with_mask: bool = False,
               record_of: Optional[Callable[[int], str]] = None, outside: Optional[str] = None) -> Any:
    """The column ``values`` as a C-contiguous NumPy array of ``dtype`` (an integer dtype),
    every value checked *before* it is narrowed: InvalidInput naming ``field`` and the first
    bad row (``record`` = ``where`` + the row counted from 1; with ``width`` > 1, values are rows of
    ``width`` and the row is index // width) for a value outside ``lo``…``hi`` (default: the
    dtype's range), a fraction, ±inf, text or another object, and a missing value (None, NaN,
    ``pd.NA``, NaT, a nullable dtype's <NA>) — unless ``missing`` is given, which then stands
    for it. Booleans read as 0/1. With ``dates``, ``datetime64`` values and ``datetime.date``
    objects read as days since 1970-01-01. An array that already has ``dtype`` and is
    C-contiguous is returned as it is (no copy); another integer column with nothing missing is
    checked and converted in one pass (``_core.narrow_int``), any other by NumPy, the whole
    column at once.
    ``with_mask``: returns (array, the missing mask or None). ``record_of``: names the record of
    a row (counted from 0) instead of ``where``, as the call's rows path names it
    (``villages[3]``). ``outside``: the message for a value outside lo…hi, where the rows path
    words it otherwise (``expected 0, 1 or 2, or 是/否 for 1/0``)."""
    import numpy as np
    dt = np.dtype(dtype)
    info = np.iinfo(dt)
    lo = low = int(info.min) if lo is None else max(int(lo), int(info.min))
    hi = high = int(info.max) if hi is None else min(int(hi), int(info.max))
    range_message = outside if outside is not None else f"value outside {lo}…{hi}"
    a, mask = _source(values, field)
    if a.ndim != ndim:
        what = "one-dimensional" if ndim == 1 else f"{ndim}-dimensional"
        raise invalid(f"expected a {what} column of whole numbers", field)
    shape = a.shape
    a = a.reshape(-1) if ndim != 1 else a

    def name(i: int) -> str:  # the record of the value at index i
        return record_of(i // width) if record_of is not None else f"{where}{i // width + 1}"

    def fail(bad: Any, message: str) -> None:
        raise invalid(message, field, name(int(np.flatnonzero(bad)[0])))

    kind = a.dtype.kind
    if kind == "M" and dates:
        days, timed = _core.datetime_days(a)
        if timed >= 0:
            raise invalid("a datetime with a time of day is not a date", field, name(timed))
        nat = np.isnat(days)
        a = days.view(np.int64)
        mask = nat if mask is None else (mask | nat)
        kind = "i"
    elif kind in "OUS":
        # Objects and texts: each distinct value read once (a text by the vocabulary, as the
        # command line reads a cell; a blank text is missing), spread back over the rows.
        def one(v: Any, i: int) -> Any:
            if _is_na(v) or (isinstance(v, str) and _core.vocabulary_blank(v)):
                return None
            record = name(i)
            if dates and isinstance(v, _dt.date):
                if isinstance(v, _dt.datetime):
                    v = date_of(v, field, record)
                return (v - _EPOCH).days
            n = whole(v, field, record)
            if n < low or n > high:
                raise invalid(range_message, field, record)
            return n
        objs = a.astype(object) if kind in "US" else a
        read = map_distinct(objs, one, field=field)
        na = np.equal(read, None)  # type: ignore[call-overload]  # NumPy's stubs lack None
        out = np.zeros(a.shape, dtype=np.int64)
        if read.size:
            out[~na] = read[~na].astype(np.int64)
        mask = na if mask is None else (mask | na)
        a, kind = out, "i"
    elif kind == "f":
        nan = np.isnan(a)
        mask = nan if mask is None else (mask | nan)
        ok = mask | (np.isfinite(a) & (a == np.floor(a)))
        if not ok.all():
            fail(~ok, "expected a whole number")
        with np.errstate(invalid="ignore"):
            out_of = ~mask & ((a < float(lo)) | (a >= float(hi + 1)))
        if out_of.any():
            fail(out_of, range_message)
        a = np.where(mask, 0, a)
        kind = "i"
    elif kind == "b":
        a = a.view(np.uint8)
        kind = "u"
    elif kind in "Mm" and not dates:
        # NaT is a missing cell, as in records; any other date or duration is no whole number,
        # refused at its row in the rows path's words
        nat = np.isnat(a)
        if not nat.all():
            fail(~nat, "expected a whole number")
        mask = nat if mask is None else (mask | nat)
        a, kind = np.zeros(a.shape, dtype=np.int64), "i"
    elif kind not in "iu":
        what = "dates" if kind in "Mm" else "values of this type"
        raise invalid(f"expected whole numbers, not {what}", field)
    if mask is None and a.size and a.dtype.kind in "iu" and a.dtype.isnative and a.dtype != dt and \
            dt != np.uint64:
        # checked and converted in one pass (C++), not a pass for each bound and one to convert
        narrowed, bad_at = _core.narrow_int(np.ascontiguousarray(a), dt, lo, hi)
        if narrowed is None:
            raise invalid(range_message, field, name(bad_at))
        out = narrowed.reshape(shape) if ndim != 1 else narrowed
        return (out, None) if with_mask else out
    if a.size and a.dtype.kind in "iu":
        src = np.iinfo(a.dtype)
        bad = None
        if lo > src.max or hi < src.min:
            bad = np.ones(a.shape, dtype=bool)
        else:  # the least and the greatest first: the rows are compared only when one is outside
            if lo > src.min and int(a.min()) < lo:
                bad = a < np.array(lo).astype(a.dtype)
            if hi < src.max and int(a.max()) > hi:
                b2 = a > np.array(hi).astype(a.dtype)
                bad = b2 if bad is None else (bad | b2)
        if bad is not None:
            if mask is not None:
                bad &= ~mask
            if bad.any():
                fail(bad, range_message)
    if mask is not None and mask.any():
        if missing is None:
            fail(mask, "missing value")
        else:
            a = np.where(mask, missing, a)
    else:
        mask = None
    out = np.ascontiguousarray(a.astype(dt, copy=False))
    out = out.reshape(shape) if ndim != 1 else out
    return (out, mask) if with_mask else out


# --- one calling convention: the date of evaluation by keyword ---------------------------------

_F = TypeVar("_F", bound=Callable[..., Any])


def keyword_since_positional(*names: str) -> Callable[[_F], _F]:
    """A decorator for a public call whose keyword-only parameters ``names`` (``as_of``,
    ``policy``, …) were positional before: ``f(table, as_of, policy)`` still works for one
    release, with a DeprecationWarning (attributed to the caller's line) saying to pass them by
    keyword; the positions after the call's own positional parameters are read, in order, as
    ``names``. One helper for every module, so the old forms are accepted alike everywhere."""
    import functools
    import inspect

    def wrap(fn: _F) -> _F:
        params = inspect.signature(fn).parameters.values()
        if any(p.kind is p.VAR_POSITIONAL for p in params):
            raise TypeError(f"{fn.__name__}: keyword_since_positional needs a signature without *args")
        n_pos = sum(1 for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
        name = fn.__name__

        @functools.wraps(fn)
        def call(*args: Any, **kwargs: Any) -> Any:
            if len(args) > n_pos:
                extra = args[n_pos:]
                if len(extra) > len(names):
                    raise TypeError(f"{name}() takes at most {n_pos + len(names)} positional arguments "
                                    f"({len(args)} given)")
                given = names[: len(extra)]
                for n, v in zip(given, extra):
                    if n in kwargs:
                        raise TypeError(f"{name}() got multiple values for argument '{n}'")
                    kwargs[n] = v
                warn(DeprecationWarning(
                    f"{name}(): passing {', '.join(given)} by position is deprecated and will stop "
                    f"working in the next release; pass {', '.join(n + '=...' for n in given)} by keyword"))
                args = args[:n_pos]
            return fn(*args, **kwargs)

        return call  # type: ignore[return-value]

    return wrap


# --- arguments checked before pybind11 sees them ------------------------------------------------

#: Arguments that are dates and whole numbers wherever a public call takes them by these names.
_DATE_ARGUMENTS = frozenset({"as_of", "graded_on", "from_date", "to_date", "decision_date", "until",
                             "moved_on", "date", "posted"})
_WHOLE_ARGUMENTS = {"year": INT32, "first_year": INT32, "last_year": INT32, "n_villages": INT64, "quota": INT64,
                    "max_candidates": (0, INT64[1])}


def checked_arguments(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` with its date arguments (``as_of``, ``graded_on``, …), whole-number arguments
    (``year``, ``places``, …) and ``policy`` checked first: a wrong type is an ArgumentTypeError
    (a cadrekit InvalidInput naming the argument, and a TypeError) — never pybind11's TypeError,
    whose message prints every argument's values (unit ids, budgets). ``None`` passes: the call
    decides what it means."""
    import functools
    import inspect

    sig = inspect.signature(fn)
    dates = [n for n in sig.parameters if n in _DATE_ARGUMENTS]
    wholes = [n for n in sig.parameters if n in _WHOLE_ARGUMENTS]
    has_policy = "policy" in sig.parameters
    if not (dates or wholes or has_policy):
        return fn

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            given = sig.bind_partial(*args, **kwargs).arguments
        except TypeError:
            return fn(*args, **kwargs)  # Python's own message: it names no value
        for n in dates:
            v = given.get(n)
            if v is not None:
                as_of_date(v, n)
        for n in wholes:
            v = given.get(n)
            if v is not None:
                whole_argument(v, n, _WHOLE_ARGUMENTS[n])
        if has_policy and given.get("policy") is not None:
            policy_or_default(given["policy"])
        return fn(*args, **kwargs)

    return call


def check_arguments_of(namespace: Dict[str, Any], names: Sequence[str]) -> None:
    """Wraps each public function ``names`` of a module's ``namespace`` in checked_arguments."""
    import types

    for n in names:
        f = namespace.get(n)
        if isinstance(f, types.FunctionType):
            namespace[n] = checked_arguments(f)
