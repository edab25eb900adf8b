"""cadrekit: exact, explainable cadre-management rules of Chinese local government.

The compiled core lives in ``cadrekit._core``; this package re-exports its public names.
Every computation takes its as-of date as an argument: nothing here reads the clock.
"""
from ._core import (  # noqa: F401
    __version__,
    Error,
    InvalidInput,
    PolicyError,
    CalendarCoverageError,
    StateError,
    WorkCalendar,
)

__all__ = [
    "__version__",
    "Error",
    "InvalidInput",
    "PolicyError",
    "CalendarCoverageError",
    "StateError",
    "WorkCalendar",
]
