"""The viewer's right to see names as pages ask it: per listed unit, decided in analytics.contract.access."""

from __future__ import annotations

from analytics.contract import access


def may_see_names(unit: str | None) -> bool:
    """May the person using the dashboard see the names of people in this unit (None: the whole group)?"""
    # The trust issue passes the signed-in viewer here; today everyone using the dashboard is the local admin.
    return access.may_see_names(unit)


def may_see_names_in(units: list[str] | tuple[str, ...]) -> bool:
    """Names of a selection are listed only when every selected unit (or the whole group) may be seen."""
    return all(may_see_names(unit) for unit in units) if units else may_see_names(None)


def visible_rows(frame, column: str = "units"):
    """The rows of a list of people whose every unit (「、」-joined) the viewer may see; the others are left out."""
    if frame.empty:
        return frame
    allowed = frame[column].map(lambda units: all(may_see_names(unit) for unit in str(units).split("、")))
    return frame[allowed.astype(bool)]
