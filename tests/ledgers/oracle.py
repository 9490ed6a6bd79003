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

import datetime as dt
import statistics
from collections import Counter
from typing import ClassVar

from tests.ledgers.world import (
    BEHIND,
    CATEGORIES,
    HONOUR_LEVELS,
    ON_TRACK,
    PATENTS,
    POOLS,
    PROGRAMS,
    SAVINGS,
    SOFTWARE,
    World,
)


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


# ---- people (issue 16): `python -m analytics talent --json` ---------------------------------------------------------
# DATA_SPEC "人才梯队", "荣誉", "培训" as issue 16 words the command: pools and shares in the reference year (the last
# selected year, else the talent ledger's latest year, else the latest headcount year stating 职称人数); a person is
# their 工号, else their 姓名 within the unit, once per year in their highest pool; a promotion is a person whose pool
# rises from one ledger year to the next, an exit a person in a pool one ledger year and in none the next (both counted
# in the later year); a person counts once per title, in the first selected year it was given, at the first level stated
# for it (a blank 级别 in an earlier year is filled by a later row's); training
# counts sessions, 人次 and hours (2 decimals) in the year of the session's date.


def _in(years: tuple[int, int] | None, year: int | None) -> bool:
    return year is not None and (years is None or years[0] <= year <= years[1])


class PeopleOracle(Oracle):
    def talent(self, unit: str | None = None, years: tuple[int, int] | None = None) -> dict:
        world, scope = self.world, self.subtree(unit)
        ref = years[1] if years else None
        if ref is None:
            ledger = [t.year for t in world.talent]
            titled = [h.year for h in world.headcount if h.titled_employees is not None]
            ref = max(ledger) if ledger else (max(titled) if titled else None)
        people: dict[tuple[int, tuple], dict] = {}
        for t in world.talent:
            if t.unit not in scope:
                continue
            person = people.setdefault((t.year, t.who), {"rank": None, "said": set()})
            if t.pool is not None:
                rank = POOLS.index(t.pool)
                person["rank"] = rank if person["rank"] is None else max(person["rank"], rank)
            if t.party_member is not None:
                person["said"].add(t.party_member)
        in_pools = {key: p for key, p in people.items() if p["rank"] is not None}
        counts = Counter(POOLS[p["rank"]] for (year, _), p in in_pools.items() if year == ref)
        ledger_years = {t.year for t in world.talent}
        promotions = exits = 0
        for (year, who), before in in_pools.items():
            if year + 1 not in ledger_years or not _in(years, year + 1):
                continue
            after = in_pools.get((year + 1, who))
            if after is None:
                exits += 1
            elif after["rank"] > before["rank"]:
                promotions += 1
        stated = [p["said"] for (year, _), p in in_pools.items() if year == ref and p["said"]]
        party = _ratio(sum(1 for said in stated if "是" in said), len(stated))
        titles: dict[tuple, tuple[int, str | None]] = {}
        for h in sorted(world.honours, key=lambda honour: honour.year):
            if h.unit in scope and _in(years, h.year):
                year, level = titles.get((h.who, h.title), (h.year, None))
                titles[(h.who, h.title)] = (year, level if level is not None else h.level)
        levels = Counter(level for _, level in titles.values())
        sessions = [t for t in world.training if t.unit in scope and _in(years, t.date.year)]
        return {
            "pools": {pool: counts[pool] for pool in POOLS},
            "promotions": promotions,
            "exits": exits,
            "titled_share": self._titled_share(scope, ref),
            "party_member_share": party,
            "honours": {level: levels[level] for level in HONOUR_LEVELS},
            "training": {
                "sessions": len(sessions),
                "attendance": sum(t.attendees or 0 for t in sessions),
                "hours": round(sum(t.hours or 0 for t in sessions), 2),
            },
        }

    def frontier(self, scope: set[str], year: int | None) -> list:
        """The scope's headcount rows of the year that no stated row above them (within the scope) overrides."""
        stated = [h for h in self.world.headcount if h.unit in scope and h.year == year]
        units = {h.unit for h in stated}
        return [h for h in stated if not any(a in units for a in self.ancestors(h.unit) if a in scope)]

    def _titled_share(self, scope: set[str], year: int | None) -> float | None:
        rows = self.frontier(scope, year)
        if not rows or any(h.titled_employees is None or h.employees is None for h in rows):
            return None
        return _ratio(sum(h.titled_employees for h in rows), sum(h.employees for h in rows))

    # ---- running the programme (issue 17) ----------------------------------------------------------------------
    # checks: every check of a project owned in the scope, in its own year; 按期 = 正常 or 已完成; a check 滞后/停滞 is
    # yellow, red when it ends a run of 2 or more checks behind in consecutive quarters (over every stored check);
    # the report quarter is the last selected year's (else the latest checked year's) latest checked quarter;
    # 未检查: projects 立项/实施中 of that year or before, owned in the scope, started by the quarter's end (or
    # without a start), with no check in the quarter, once the quarter has ended before the cut-off.

    def checks(
        self, unit: str | None = None, years: tuple[int, int] | None = None, cutoff: dt.date | None = None
    ) -> dict:
        scope = self.subtree(unit)
        index = {(c.project_id, c.year * 4 + c.quarter - 1): c for c in self.world.checks}

        def run(check) -> int:
            at, length = check.year * 4 + check.quarter - 1, 0
            while (c := index.get((check.project_id, at))) is not None and c.progress in BEHIND:
                length, at = length + 1, at - 1
            return length

        mine = [c for c in self.world.checks if self.owner(c.project_id) in scope and _in(years, c.year)]
        on_track = sum(1 for c in mine if c.progress in ON_TRACK)
        summary = {"checks": len(mine), "on_track_rate": _ratio(on_track, len(mine)), "yellow": [], "red": [],
                   "unchecked": []}  # fmt: skip
        year = years[1] if years else max((c.year for c in mine), default=None)
        quarters = [c.quarter for c in mine if c.year == year]
        if year is None or not quarters:
            return summary
        quarter = max(quarters)
        shown = [c for c in mine if (c.year, c.quarter) == (year, quarter)]
        summary["yellow"] = sorted(c.project_id for c in shown if c.progress in BEHIND and run(c) < 2)
        summary["red"] = sorted(c.project_id for c in shown if c.progress in BEHIND and run(c) >= 2)
        end = dt.date(year + quarter // 4, quarter % 4 * 3 + 1, 1) - dt.timedelta(days=1)
        if end < cutoff:
            checked = {c.project_id for c in self.world.checks if (c.year, c.quarter) == (year, quarter)}
            summary["unchecked"] = sorted(
                p.project_id
                for p in self.world.projects
                if self.owner(p.project_id) in scope
                and p.fact_year <= year
                # open at the quarter's end: open now, or closed after it (an end date past the quarter)
                and (p.status in ("立项", "实施中") or (p.end_date is not None and p.end_date > end))
                and (p.start_date is None or p.start_date <= end)
                and p.project_id not in checked
            )
        return summary

    def lists(
        self, unit: str | None = None, years: tuple[int, int] | None = None, cutoff: dt.date | None = None
    ) -> list:
        """Per selected project with list items, by 项目编号: 闭环率, 目标达成率 and 超期 items at the cut-off."""
        scope = self.subtree(unit)
        rows = []
        for project_id in sorted({i.project_id for i in self.world.lists}):
            project = self.projects[project_id]
            if self.owner(project_id) not in scope or not _in(years, project.fact_year):
                continue
            items = [i for i in self.world.lists if i.project_id == project_id]

            def done(item) -> bool:
                return item.done_date is not None and item.done_date <= cutoff

            answered = {i.answers for i in items if i.list == "整改" and done(i) and i.answers is not None}
            problems = [i for i in items if i.list == "问题"]
            goals = [i for i in items if i.list == "目标"]
            rows.append({
                "project_id": project_id,
                "closure_rate": _ratio(sum(1 for i in problems if i.item_no in answered), len(problems)),
                "goal_rate": _ratio(sum(1 for i in goals if done(i)), len(goals)),
                "overdue_items": sum(1 for i in items if i.due_date and i.due_date < cutoff and not done(i)),
            })  # fmt: skip
        return rows

    def suggestions(self, unit: str | None = None, years: tuple[int, int] | None = None) -> dict:
        """Collected in the scope (by the year of 日期; one without a 日期 only when no year is chosen), 采纳率,
        办结率, median days from 日期 to 办结日期 of the 已办结 ones, value (万元) of the adopted ones."""
        scope = self.subtree(unit)
        mine = [s for s in self.world.suggestions
                if s.unit in scope and (years is None or (s.date is not None and _in(years, s.date.year)))]  # fmt: skip
        adopted = [s for s in mine if s.status in ("已采纳", "已办结")]
        done = [s for s in mine if s.status == "已办结"]
        days = [(s.done_date - s.date).days for s in done if s.date is not None and s.done_date is not None]
        return {
            "collected": len(mine),
            "adoption_rate": _ratio(len(adopted), len(mine)),
            "done_rate": _ratio(len(done), len(adopted)),
            "median_days_to_done": float(statistics.median(days)) if days else None,
            "value_wan": round(sum(s.value_yuan or 0 for s in adopted) / 10000, 6),
        }

    # points: the default rule table (DATA_SPEC "积分"): every project 1 in its year, 已结题 2 more in the year of
    # its 结题日期 (else its year), 发明专利 3 / 实用新型 1 / 外观设计 1 / 软件著作权 1 each, 节创价值 1 per 10 万元,
    # awards won 国家级 10 / 省部级 6 / 集团级 3 / 公司级 1 in their year, adopted suggestions with a 日期 1, and the
    # adjustments;
    # a unit's points are its subtree's; ranked among the units of one kind (ties share the better rank), per 100
    # party members of its headcount frontier, and the change of rank on the year before (units with points then).

    RULES: ClassVar = {
        "立项": 1.0,
        "已结题": 2.0,
        "发明专利": 3.0,
        "实用新型专利": 1.0,
        "外观设计专利": 1.0,
        "软件著作权": 1.0,
    }
    AWARD_POINTS: ClassVar = {"国家级": 10.0, "省部级": 6.0, "集团级": 3.0, "公司级": 1.0}

    def point_facts(self) -> list[tuple[str, int, float]]:
        """(owner unit, year, points) of every scored fact."""
        facts = []
        for p in self.world.projects:
            facts.append((self.owner(p.project_id), p.fact_year, self.RULES["立项"]))
            if p.status == "已结题":
                year = p.end_date.year if p.end_date is not None else p.fact_year
                facts.append((self.owner(p.project_id), year, self.RULES["已结题"]))
        for o in self.world.outcomes:
            if o.project_id is not None:
                owner, year = self.owner(o.project_id), o.own_year or self.projects[o.project_id].fact_year
            else:
                owner, year = o.unit, o.own_year
            if o.outcome_type == SAVINGS:
                if o.value_yuan is not None:
                    facts.append((owner, year, o.value_yuan / 10000 / 10))
            elif o.outcome_type in self.RULES:
                facts.append((owner, year, (1 if o.quantity is None else o.quantity) * self.RULES[o.outcome_type]))
        for a in self.world.awards:
            if a.result == "获奖" and a.level is not None:
                year = a.year if a.year is not None else self.projects[a.project_id].fact_year
                facts.append((self.owner(a.project_id), year, self.AWARD_POINTS[a.level]))
        for s in self.world.suggestions:
            if s.status in ("已采纳", "已办结") and s.date is not None:
                facts.append((s.unit, s.date.year, 1.0))
        for j in self.world.adjustments:
            owner = self.owner(j.project_id) if j.project_id is not None else j.unit
            facts.append((owner, j.own_year, j.points))
        return facts

    def points(self, level: str, year: int) -> list[dict]:
        units = sorted(u.name for u in self.world.units if u.kind == level)
        if not units:
            return []
        facts = self.point_facts()

        def totals(in_year: int) -> dict[str, float]:
            return {u: round(sum(p for owner, y, p in facts if y == in_year and owner in self.subtree(u)), 6)
                    for u in units}  # fmt: skip

        def ranks(points: dict[str, float]) -> dict[str, int]:
            return {u: 1 + sum(1 for other in points.values() if other > points[u]) for u in points}

        now, before = totals(year), totals(year - 1)
        rank, previous = ranks(now), ranks({u: p for u, p in before.items() if p != 0})
        rows = []
        for u in units:
            frontier = self.frontier(self.subtree(u), year)
            members = sum(h.party_members for h in frontier) if frontier else None
            rows.append({
                "unit": u,
                "points": now[u],
                "points_per_100_members": None if not members else now[u] * 100 / members,
                "rank": rank[u],
                "rank_change": previous[u] - rank[u] if u in previous else None,
            })  # fmt: skip
        return sorted(rows, key=lambda r: (r["rank"], r["unit"]))
