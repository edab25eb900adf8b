"""cadrekit: exact, explainable cadre-management rules of Chinese local government.

The compiled core lives in ``cadrekit._core``; this package re-exports its public names.
Every computation takes its as-of date as an argument: nothing here reads the clock.
"""

# --- errors ---------------------------------------------------------------------------------
from ._core import __version__  # noqa: F401
from ._core import Error, InvalidInput, PolicyError, CalendarCoverageError, StateError  # noqa: F401
from ._frames import UnknownColumnWarning  # noqa: F401

# --- calendar -------------------------------------------------------------------------------
from ._core import WorkCalendar  # noqa: F401

# --- money and shares -----------------------------------------------------------------------
from ._core import at_least_share, parse_money, format_money, parse_share  # noqa: F401

# --- policy ---------------------------------------------------------------------------------
from ._core import Policy  # noqa: F401

# --- explanation ----------------------------------------------------------------------------
from ._core import Explanation, RuleFired, ParamUsed, InputUsed  # noqa: F401

# --- people and citizen IDs -----------------------------------------------------------------
from ._core import Person, Post, Rank, ThreeAges, CodeEntry  # noqa: F401
from ._core import three_ages_columns  # noqa: F401
from ._columns import three_ages, install as _install_columns  # noqa: F401
_install_columns()  # WorkCalendar.add_working_days / count_working_days also take columns
from ._core import ethnic_groups, ethnic_group, political_statuses, political_status  # noqa: F401
from ._core import CitizenId, is_valid_citizen_id, parse_citizen_id, citizen_id_check_char  # noqa: F401
from ._core import RegionEntry, tongliao_regions  # noqa: F401

# --- reform modules: cadrekit.village, cadrekit.audit, … (one Python module each) ------------
from . import disclosure  # noqa: F401
from . import assessment  # noqa: F401,E402
from . import audit  # noqa: F401,E402
from . import village  # noqa: F401,E402
from . import talent  # noqa: F401,E402
from . import year  # noqa: F401,E402

# --- the county workspace (SQLite; absent from a build without it: Workspace then says so) ----
from .workspace import Workspace, WorkspaceError  # noqa: F401,E402

# -------------------------------------------------------------------------------------------
__all__ = sorted(n for n in dir() if not n.startswith("_")) + ["__version__"]
