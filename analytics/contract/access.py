"""Who may see people's names: the ONE check every page and export asks before it lists a person (issue 16), against
the viewer's NameScope (the units their role's unit scope covers) that analytics.store.accounts.name_scope derives."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NameScope:
    """The units whose people a viewer may see by name: units=None is every unit (an unscoped signed-in account,
    the person at the machine, the command line's operator); a frozenset is those units only (empty: none)."""

    units: frozenset[str] | None

    @property
    def whole_group(self) -> bool:
        return self.units is None


EVERY_UNIT = NameScope(None)
NO_UNIT = NameScope(frozenset())


def may_see_names(unit: str | None, scope: NameScope) -> bool:
    """True when the viewer may see the names of people in this unit (None: the whole group)."""
    if scope.units is None:
        return True
    return unit is not None and unit in scope.units
