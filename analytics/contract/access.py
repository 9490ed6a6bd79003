"""Who may see people's names: the ONE check every page and export asks before it lists a person (issue 16)."""

from __future__ import annotations

# Today the dashboard has one role, the local admin, who sees every unit. The trust issue's roles implement this
# function (a viewer's units against the unit asked about); nothing else decides whether names are shown.
LOCAL_ADMIN = "local_admin"


def may_see_names(unit: str | None, viewer: str = LOCAL_ADMIN) -> bool:
    """True when the viewer may see the names of people in this unit (None: the whole group)."""
    return viewer == LOCAL_ADMIN
