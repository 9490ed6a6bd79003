"""The figures `python -m analytics kpis --json` must print, computed in plain Python from a drawn world's facts.

Independent of the product: no SQL, no parser, no import from analytics. The rules are DATA_SPEC's metric
definitions, as worked by hand in tests/test_metrics.py:
- every figure rolls up the unit tree (a unit's figure includes every unit below it); a project belongs to its
  党支部 when one is named, else to its unit; an outcome or award to its project's owner, a unit-level outcome to
  its unit;
- a year filter counts a project in its 年度 (else its 立项日期's year), an outcome in its own year (else its
  project's), an award in its own year (else its project's), headcount in its row's year;
- a programme or category filter keeps the projects it names and their outcomes and awards, and so leaves
  unit-level outcomes out; headcount is not filtered by programme;
- stock figures (participation, branch coverage) are read in the reference year: the last selected year, else the
  latest year of any project or headcount row in the store;
- a unit's own headcount row overrides the rows below it; participation is unknown (None) when any counted row
  lacks 参与党员数; branch coverage = 党支部 with a project in the reference year ÷ the stated 党支部数 (when every
  counted row states it) else the number of 党支部 units in the scope;
- savings in 万元 rounded to 4 decimals; patents by type, software copyrights apart; awards declared counts every
  award row (a won award was declared), awarded those 获奖; completion = 已结题 ÷ projects not 已终止.
"""

from __future__ import annotations

from collections import Counter

from tests.ledgers.world import CATEGORIES, PATENTS, PROGRAMS, SAVINGS, SOFTWARE, World


class Oracle:
    def __init__(self, world: World) -> None:
        self.world = world
        self.parent = {u.name: u.parent for u in world.units}
        self.kind = {u.name: u.kind for u in world.units}
        self.projects = {p.project_id: p for p in world.projects}

    # ---- the tree ------------------------------------------------------------------------------------------------

    def ancestors(self, unit: str) -> list[str]:
        """Strict ancestors, nearest first."""
        found = []
        while self.parent.get(unit) is not None:
            unit = self.parent[unit]
            found.append(unit)
        return found

    def subtree(self, root: str | None) -> set[str]:
        if root is None:
            return set(self.parent)
        return {u for u in self.parent if u == root or root in self.ancestors(u)}

    # ---- facts ---------------------------------------------------------------------------------------------------

    def owner(self, project_id: str) -> str:
        project = self.projects[project_id]
        return project.branch or project.unit

    def reference_year(self, year_to: int | None) -> int | None:
        if year_to is not None:
            return year_to
        years = [p.fact_year for p in self.world.projects] + [h.year for h in self.world.headcount]
        return max(years) if years else None

    def kpis(
        self,
        unit: str | None = None,
        years: tuple[int, int] | None = None,
        programs: tuple[str, ...] = (),
        categories: tuple[str, ...] = (),
    ) -> dict:
        scope = self.subtree(unit)

        def in_years(year: int | None) -> bool:
            return year is not None and (years is None or years[0] <= year <= years[1])

        def selected(project_id: str | None) -> bool:
            """The project passes the programme and category filters (no project passes a non-empty one)."""
            project = self.projects.get(project_id) if project_id else None
            if programs and (project is None or project.program not in programs):
                return False
            return not (categories and (project is None or project.category not in categories))

        projects = [
            p
            for p in self.world.projects
            if self.owner(p.project_id) in scope and in_years(p.fact_year) and selected(p.project_id)
        ]
        outcomes = []
        for o in self.world.outcomes:
            if o.project_id is not None:
                owner, year = self.owner(o.project_id), o.own_year or self.projects[o.project_id].fact_year
            else:
                owner, year = o.unit, o.own_year
            if owner in scope and in_years(year) and selected(o.project_id):
                outcomes.append(o)
        awards = []
        for a in self.world.awards:
            year = a.year if a.year is not None else self.projects[a.project_id].fact_year
            if self.owner(a.project_id) in scope and in_years(year) and selected(a.project_id):
                awards.append(a)
        headcount = [h for h in self.world.headcount if h.unit in scope and in_years(h.year)]

        ref = self.reference_year(years[1] if years else None)
        stated = [h for h in headcount if h.year == ref]
        stated_units = {h.unit for h in stated}
        # A stated row overrides every row below it (within the scope: rows above the scope are not counted).
        frontier = [h for h in stated if not any(a in stated_units for a in self.ancestors(h.unit) if a in scope)]
        party = sum(h.party_members for h in frontier) if frontier else None
        participating = None
        if frontier and all(h.participating_members is not None for h in frontier):
            participating = sum(h.participating_members for h in frontier)
        branches_stated = None
        if frontier and all(h.branches is not None for h in frontier):
            branches_stated = sum(h.branches for h in frontier)
        # The scope's 党支部 units are counted only where the scope has any figure in the selected years: a scope
        # without data has no coverage at all (None), not 0 %.
        has_data = bool(projects or outcomes or awards or headcount)
        branch_units = sum(1 for u in scope if self.kind[u] == "党支部") if has_data else 0
        branch_total = branches_stated if branches_stated is not None else branch_units
        active = {
            self.owner(p.project_id)
            for p in projects
            if p.fact_year == ref and self.kind.get(self.owner(p.project_id)) == "党支部"
        }

        def quantity(kind: str) -> int:
            return sum(1 if o.quantity is None else o.quantity for o in outcomes if o.outcome_type == kind)

        savings = sum(o.value_yuan for o in outcomes if o.outcome_type == SAVINGS and o.value_yuan is not None)
        patents = {kind: quantity(kind) for kind in PATENTS}
        completed = sum(1 for p in projects if p.status == "已结题")
        not_stopped = sum(1 for p in projects if p.status != "已终止")
        declared, awarded = len(awards), sum(1 for a in awards if a.result == "获奖")
        by_category = Counter(p.category for p in projects if p.category is not None)
        by_program = Counter(p.program for p in projects if p.program is not None)
        return {
            "projects": len(projects),
            "by_category": {c: by_category[c] for c in CATEGORIES if by_category[c]},
            "by_program": {p: by_program[p] for p in PROGRAMS if by_program[p]},
            "participation_rate": _ratio(participating, party),
            "branch_coverage": _ratio(len(active), branch_total),
            "savings_wan": round(savings / 10000, 4),
            "patents": {"total": sum(patents.values()), **patents},
            "software_copyrights": quantity(SOFTWARE),
            "awards": {"declared": declared, "awarded": awarded, "rate": _ratio(awarded, declared)},
            "completion_rate": _ratio(completed, not_stopped),
        }


def _ratio(numerator: int | None, denominator: int | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator
