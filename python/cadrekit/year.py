"""The whole year of a county through the five reforms, and the what-if of a rule change.

``run(data, year, policy=…)`` runs every module on a county's inputs (the files of
``data/sample``: the sample county 示例旗 when ``data`` is None) under one policy profile and
returns a :class:`YearResult`; ``a.diff(b)`` lists the decisions that differ between two runs,
module by module, each with both explanations, and what they move downstream (a red line → the
pools → promotion) — the structure of ``cadrekit compare … year``'s compare.json. The result's
``assumed`` lists every assumed parameter that decided a result, with the number of decisions
that used it: what a county confirms before relying on the numbers. docs/year.md.

    import cadrekit
    from cadrekit import year
    a = year.run(None, 2016)
    b = year.run(None, 2016, policy=cadrekit.Policy.default().set("village.performance_pay.excellent=5000"))
    d = a.diff(b)          # d["village"], d["budget"], d["audit"] == [], …
"""
from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Mapping, Optional, Union

from . import _core, _frames

_k = _core._year

DATA_FILES: List[str] = list(_k.DATA_FILES)

__all__ = ["DATA_FILES", "YearResult", "run", "compare"]

Data = Union[None, str, "os.PathLike[str]", Mapping[str, Any]]


class YearResult:
    """One run of the year: the JSON ``cadrekit.year/1`` of docs/year.md, as ``.json`` (text) and
    ``.data`` (dict; explanations as cadrekit.Explanation); each section is also an attribute
    (``village``, ``budget``, ``audit``, ``disclosure``, ``assessment``, ``talent``, ``figures``,
    ``assumed``)."""

    def __init__(self, text: str) -> None:
        self.json = text
        self.data: Dict[str, Any] = _k.parse(text)

    def __getattr__(self, name: str) -> Any:
        data = self.__dict__.get("data", {})
        if name in data:
            return data[name]
        raise AttributeError(name)

    @property
    def policy(self) -> str:
        return self.data["policy"]

    @property
    def year(self) -> int:
        return self.data["year"]

    def diff(self, other: "YearResult") -> Dict[str, Any]:
        """The decisions that differ between this run (a) and ``other`` (b): a dict with one list
        per module (``village``, ``budget``, ``audit``, ``disclosure``, ``assessment``,
        ``talent``) of ``{decision, id, a, b, explanation_a, explanation_b}`` (explanations as
        cadrekit.Explanation), plus ``downstream`` and ``assumed`` — the structure of
        compare.json."""
        if not isinstance(other, YearResult):
            raise TypeError("diff() takes another YearResult")
        return _k.compare(self.json, other.json)

    def __repr__(self) -> str:
        return f"YearResult({self.policy!r}, {self.year})"


def _unknown_file(name: str, strict: bool) -> None:
    """A key of the data dict that names no file of the county: a warning naming it (a file name,
    not a value) and the nearest file name, with ``strict`` an InvalidInput."""
    near = _frames.nearest_name(name, DATA_FILES)
    hint = f" (did you mean '{near}'?)" if near else ""
    if strict:
        raise _frames.invalid(f"not a file of the county{hint}", "data", name)
    _frames.warn(_frames.UnknownColumnWarning(f"data: '{name}' is not a file of the county, and is not read{hint}"))


def _data(data: Data, strict: bool) -> Any:
    if data is None:
        return None
    if isinstance(data, (str, os.PathLike)):
        return os.fspath(data)
    if isinstance(data, Mapping):
        out = {}
        for name, v in data.items():
            if str(name) not in DATA_FILES:
                _unknown_file(str(name), strict)
                continue
            out[str(name)] = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        return out
    raise _frames.invalid("data must be None (the sample county), a folder or a dict of the county's files", "data")


def run(data: Data = None, year: Optional[int] = None, policy: Optional[_core.Policy] = None, *,
        strict: bool = False) -> YearResult:
    """The whole year of the county in ``data`` — None: the sample county; a folder holding the
    files of ``DATA_FILES``; or a dict from those file names to their JSON text or parsed
    content — under ``policy`` (None: the embedded default). ``year`` None: the county's own
    year; another year moves the county's dates by the difference. A key of the dict that is
    not one of ``DATA_FILES`` is an ``UnknownColumnWarning`` naming it and the nearest file name,
    and is not read; ``strict=True`` makes it an ``InvalidInput``. (A folder may hold other
    files: only those of ``DATA_FILES`` are read from it.)"""
    return YearResult(_k.run_json(_frames.policy_or_default(policy), _data(data, strict), year))


def compare(a: YearResult, b: YearResult) -> Dict[str, Any]:
    """``a.diff(b)``."""
    return a.diff(b)


_frames.check_arguments_of(globals(), __all__)
