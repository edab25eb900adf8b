"""cadrekit: exact, explainable cadre-management rules of Chinese local government.

The compiled core lives in ``cadrekit._core``; this package re-exports its public names.
Every computation takes its as-of date as an argument: nothing here reads the clock.
"""

# --- errors ---------------------------------------------------------------------------------
from ._core import __version__  # noqa: F401
from ._core import Error, InvalidInput, PolicyError, CalendarCoverageError, StateError  # noqa: F401

# --- calendar -------------------------------------------------------------------------------
from ._core import WorkCalendar  # noqa: F401

# --- money and shares -----------------------------------------------------------------------
from ._core import at_least_share, parse_money, format_money, parse_share  # noqa: F401

# --- policy ---------------------------------------------------------------------------------
from ._core import Policy  # noqa: F401

# --- explanation ----------------------------------------------------------------------------

# --- people and citizen IDs -----------------------------------------------------------------

# -------------------------------------------------------------------------------------------
__all__ = sorted(n for n in dir() if not n.startswith("_")) + ["__version__"]
