"""The viewer's right to see names as pages ask it: per listed unit, decided in analytics.contract.access against
the signed-in principal's unit scope (analytics.store.accounts.name_scope)."""

from __future__ import annotations

from analytics.contract import access
from analytics.store import accounts
from ui import auth, cache


def name_scope() -> access.NameScope:
    """Whose names the person using the dashboard may see (this run's principal, checked afresh every run)."""
    return accounts.name_scope(cache.cursor(), auth.principal())


def may_see_names(unit: str | None, scope: access.NameScope | None = None) -> bool:
    """May the person using the dashboard see the names of people in this unit (None: the whole group)?"""
    return access.may_see_names(unit, scope if scope is not None else name_scope())


def may_see_names_in(units: list[str] | tuple[str, ...]) -> bool:
    """Names of a selection are listed only when every selected unit (or the whole group) may be seen."""
    scope = name_scope()
    return all(may_see_names(unit, scope) for unit in units) if units else may_see_names(None, scope)


def visible_rows(frame, column: str = "units"):
    """The rows of a list of people whose every unit (「、」-joined) the viewer may see; the others are left out."""
    if frame.empty:
        return frame
    scope = name_scope()
    allowed = frame[column].map(lambda units: all(may_see_names(unit, scope) for unit in str(units).split("、")))
    return frame[allowed.astype(bool)]
