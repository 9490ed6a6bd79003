"""A small world of ledger facts drawn by hypothesis: a unit tree, headcount, projects, outcomes, awards, studios.

The world is what an analyst's spreadsheets record, already in canonical form: unit names as stored (trimmed and
width-folded), money in 元, dates as dates. Which optional columns the ledgers carry is part of the world: a fact
whose column is absent is None here, as the product reads it. render.py writes a world as files; oracle.py computes
the dashboard's figures from it in plain Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from hypothesis import strategies as st

PROGRAMS = ("党员创新工程", "双创", "书记项目", "三组联建", "创新工作室", "QC课题")
CATEGORIES = ("科研生产", "安全质量", "精益管理", "党建", "其他")
STATUSES = ("立项", "实施中", "已结题", "已终止")
PATENTS = ("发明专利", "实用新型专利", "外观设计专利")
SAVINGS = "节创价值"
SOFTWARE = "软件著作权"
OTHER_OUTCOMES = ("论文", "制度", "流程", "标准", "技术图纸", "研制总结", "试验报告", "QC成果", "其他")
# Outcome types a projects sheet may carry as columns of its own (one cell per project).
COLUMN_OUTCOMES = (SAVINGS, *PATENTS, SOFTWARE, "论文")
AWARD_LEVELS = ("国家级", "省部级", "集团级", "公司级")
STUDIO_DIMENSIONS = ("projects", "breakthroughs", "apprentices", "exchanges")

GROUPS = ("中航精机集团", "华西能源集团", "蜀光科技集团", "ABC控股集团")
# (name, kind): names with digits and Latin letters have a full-width spelling that folds back to them.
COMPANIES = (
    ("精密机械公司", "公司"),
    ("航宇电子公司", "公司"),
    ("504研究所", "研究所"),
    ("动力设备公司", "公司"),
    ("CAD设计中心", "公司"),
    ("岳川工具研究所", "研究所"),
    ("第3分公司", "公司"),
)
BRANCH_NAMES = ("第1党支部", "第2党支部", "研发党支部", "生产一线党支部", "QC党支部", "机关党支部")
LEADERS = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏")
PROJECT_WORDS = ("提高装配合格率", "降低能耗", "工装改进", "数字化车间", "焊接质量攻关", "党建品牌建设", "降本增效")
AWARD_NAMES = ("集团科技进步奖", "QC成果发布一等奖", "五小创新奖", "职工技术创新成果奖", "管理创新奖")
STUDIO_NAMES = ("张伟劳模创新工作室", "王芳技能大师工作室", "航宇青年创新工作室", "504所职工创新工作室")

# People (issue 16) and running the programme (issue 17).
POOLS = ("后备人才", "雏鹰", "雄鹰", "金鹰")  # rising
HONOUR_LEVELS = ("国家级", "省部级", "行业", "市级", "集团级", "公司级")
PEOPLE = ("周强", "吴婷", "郑浩", "孙丽", "马超", "朱敏", "胡军", "林峰")
TITLES = ("机械工业工匠", "成都工匠", "劳动模范", "五一劳动奖章", "优秀共产党员", "星级员工")
PROFESSIONAL_TITLES = ("工程师", "高级工程师", "技师", "高级技师")
TRAINING_TYPES = ("班组长", "营销精英", "青年高潜", "青马工程", "技能", "其他")
SESSIONS = ("班组长能力提升班", "营销精英训练营", "青年高潜研修班", "青马工程培训班", "焊工技能培训", "质量管理专题")
PROGRESS = ("正常", "滞后", "停滞", "已完成")
ON_TRACK = ("正常", "已完成")
BEHIND = ("滞后", "停滞")
LISTS = ("目标", "问题", "整改", "成果")
LIST_ITEMS = ("完成工装改进", "解决焊接气孔问题", "建立质量台账", "开展技能比武", "形成标准作业指导书")
SUGGESTION_STATUSES = ("已受理", "已采纳", "未采纳", "已办结")
SUGGESTION_TEXTS = ("优化排产流程", "减少包装浪费", "车间照明改造", "推行5S管理", "备件共享平台")
REASONS = ("专项加分", "迟报扣分", "典型经验推广", "数据不实扣分")
# The cut-off date the running figures are asked at (lists' 超期 and checks' 未检查 depend on it).
CUTOFFS = (dt.date(2020, 6, 30), dt.date(2023, 3, 31), dt.date(2024, 12, 31), dt.date(2030, 1, 1))

# Optional columns per sheet kind (canonical names); required ones are always written.
OPTIONAL = {
    "units": ("kind",),
    "headcount": ("participating_members", "branches", "employees", "titled_employees"),
    "projects": (
        "branch",
        "program",
        "category",
        "leader",
        "end_date",
        "status",
        "party_participants",
        "participants",
    ),
    "outcomes": ("quantity", "value_wan", "note"),
    "awards": ("year", "level"),
    "studios": ("leader", "level", *(f"{p}_{d}" for d in STUDIO_DIMENSIONS for p in ("target", "actual"))),
    "talent": ("employee_id", "pool", "mentor", "professional_title", "party_member"),
    "honours": ("employee_id", "level"),
    "training": ("training_type", "attendees", "hours"),
    "checks": ("progress", "check_date", "issue", "action"),
    "secretary_lists": ("item_no", "owner", "due_date", "done_date", "answers"),
    "suggestions": ("proposer", "date", "content", "status", "done_date", "value_wan"),
    "point_adjustments": ("adjustment_reason",),
}


@dataclass(frozen=True)
class Unit:
    name: str
    parent: str | None
    kind: str | None  # None when the units sheet has no 单位类型 column


@dataclass(frozen=True)
class Headcount:
    unit: str
    year: int
    party_members: int
    participating_members: int | None
    branches: int | None
    employees: int | None
    titled_employees: int | None = None


@dataclass(frozen=True)
class Project:
    project_id: str
    name: str
    unit: str
    branch: str | None
    program: str | None
    category: str | None
    leader: str | None
    year: int | None  # 年度 as written; None: counted in the year of start_date
    start_date: dt.date | None
    end_date: dt.date | None
    status: str | None
    party_participants: int | None
    participants: int | None

    @property
    def fact_year(self) -> int:
        return self.year if self.year is not None else self.start_date.year


@dataclass(frozen=True)
class Outcome:
    project_id: str | None  # None: a unit-level outcome
    unit: str | None  # the 单位 cell: the owner of a unit-level outcome, or a project's unit written beside it
    outcome_type: str
    quantity: int | None  # None: the cell (or column) is empty, read as 1
    value_yuan: int | None  # 节创价值 in 元 (the world keeps exact integers; ledgers write 元 or 万元)
    year: int | None
    date: dt.date | None
    note: str | None
    as_column: bool = False  # written as a per-project column of the projects sheet, not as an outcomes row

    @property
    def own_year(self) -> int | None:
        """The year the outcome states: its 年度, else its date's year."""
        if self.year is not None:
            return self.year
        return self.date.year if self.date is not None else None


@dataclass(frozen=True)
class Award:
    project_id: str
    year: int | None  # None: counted in its project's year
    award: str
    level: str | None
    result: str  # 申报 or 获奖


@dataclass(frozen=True)
class Studio:
    studio: str
    unit: str
    leader: str | None
    level: str | None
    year: int
    figures: tuple[tuple[str, int | None], ...]  # (target_projects, 3), (actual_projects, 2), …


class _Person:
    """A person on a people sheet: known by 工号 when it is given, else by 姓名 within 单位 (the store's rule)."""

    employee_id: str | None
    person: str
    unit: str

    @property
    def who(self) -> tuple:
        return ("id", self.employee_id) if self.employee_id else ("name", self.unit, self.person)


@dataclass(frozen=True)
class Talent(_Person):
    employee_id: str | None  # None: the person is 姓名 within 单位
    person: str
    unit: str
    year: int
    pool: str | None
    mentor: str | None
    professional_title: str | None
    party_member: str | None  # 是 / 否


@dataclass(frozen=True)
class Honour(_Person):
    person: str
    employee_id: str | None
    unit: str
    year: int
    title: str
    level: str | None


@dataclass(frozen=True)
class Training:
    session: str
    training_type: str | None
    unit: str
    date: dt.date
    attendees: int | None
    hours: float | None  # halves of an hour: exact in binary and in any written form


@dataclass(frozen=True)
class Check:
    project_id: str
    year: int
    quarter: int
    progress: str | None
    check_date: dt.date | None
    issue: str | None
    action: str | None


@dataclass(frozen=True)
class ListItem:
    project_id: str
    list: str
    item_no: int  # its number among the project's items of that list (the sheet's order when 序号 is absent)
    item: str
    owner: str | None
    due_date: dt.date | None
    done_date: dt.date | None
    answers: int | None  # an 整改 item: the 序号 of the 问题 item it answers


@dataclass(frozen=True)
class Suggestion:
    suggestion_id: str
    unit: str
    proposer: str | None
    date: dt.date | None
    content: str | None
    status: str | None
    done_date: dt.date | None
    value_yuan: int | None


@dataclass(frozen=True)
class Adjustment:
    project_id: str | None
    unit: str | None
    year: int | None
    date: dt.date | None
    points: float  # whole or half points, negative too
    adjustment_reason: str | None

    @property
    def own_year(self) -> int:
        return self.year if self.year is not None else self.date.year


@dataclass(frozen=True)
class World:
    units: tuple[Unit, ...]
    headcount: tuple[Headcount, ...]
    projects: tuple[Project, ...]
    outcomes: tuple[Outcome, ...]
    awards: tuple[Award, ...]
    studios: tuple[Studio, ...]
    talent: tuple[Talent, ...] = ()
    honours: tuple[Honour, ...] = ()
    training: tuple[Training, ...] = ()
    checks: tuple[Check, ...] = ()
    lists: tuple[ListItem, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    cutoff: dt.date = dt.date(2030, 1, 1)
    # Which columns the ledgers carry, per sheet kind (canonical names, required ones included).
    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        found = {p.fact_year for p in self.projects} | {h.year for h in self.headcount}
        found |= {o.own_year for o in self.outcomes if o.own_year is not None}
        found |= {a.year for a in self.awards if a.year is not None} | {s.year for s in self.studios}
        found |= {t.year for t in self.talent} | {h.year for h in self.honours} | {t.date.year for t in self.training}
        found |= {c.year for c in self.checks} | {s.date.year for s in self.suggestions if s.date is not None}
        found |= {a.own_year for a in self.adjustments}
        return sorted(found)

    def project(self, project_id: str) -> Project:
        return next(p for p in self.projects if p.project_id == project_id)

    def kinds_present(self) -> list[str]:
        present = {
            "units": self.units,
            "headcount": self.headcount,
            "projects": self.projects,
            "outcomes": [o for o in self.outcomes if not o.as_column],
            "awards": self.awards,
            "studios": self.studios,
            "talent": self.talent,
            "honours": self.honours,
            "training": self.training,
            "checks": self.checks,
            "secretary_lists": self.lists,
            "suggestions": self.suggestions,
            "point_adjustments": self.adjustments,
        }
        return [kind for kind, facts in present.items() if facts]


def _unit_tree(draw, shared: bool) -> list[Unit]:
    group = GROUPS[0] if shared else draw(st.sampled_from(GROUPS))
    units = [Unit(group, None, "集团")]
    companies = draw(st.lists(st.sampled_from(COMPANIES), min_size=1, max_size=3, unique=True))
    for company, kind in companies:
        units.append(Unit(company, group, kind))
        parent = company
        if draw(st.booleans()):
            committee_kind = draw(st.sampled_from(("党委", "党总支")))
            parent = f"{company}{committee_kind}"
            units.append(Unit(parent, company, committee_kind))
        short = company.removesuffix("公司").removesuffix("研究所") or company
        for branch in draw(st.lists(st.sampled_from(BRANCH_NAMES), max_size=3, unique=True)):
            units.append(Unit(f"{short}{branch}", parent, "党支部"))
    return units


def _descendants(units: list[Unit], root: str) -> list[str]:
    found, frontier = [], [root]
    while frontier:
        name = frontier.pop()
        found.append(name)
        frontier += [u.name for u in units if u.parent == name]
    return found


def _date_in(draw, year: int) -> dt.date:
    return dt.date(year, draw(st.integers(1, 12)), draw(st.integers(1, 28)))


def _project_ids(draw, count: int, base_year: int, shared: bool) -> list[str]:
    if shared:
        # Uploads of one store reuse a few project numbers, so that later ones update earlier ones.
        return [f"P{n:03d}" for n in draw(st.lists(st.integers(1, 6), max_size=count, unique=True))]
    style = draw(st.sampled_from(("P{n:03d}", "XM-{y}-{n:03d}", "00{n:03d}", "{y}{n:02d}", "SC{y}{n:02d}")))
    start = draw(st.integers(1, 90))
    return [style.format(n=start + i, y=base_year) for i in range(count)]


def _headcount(draw, units: list[Unit], years: list[int]) -> list[Headcount]:
    rows = []
    for year in years:
        for unit in draw(st.lists(st.sampled_from([u.name for u in units]), max_size=len(units), unique=True)):
            members = draw(st.integers(0, 400))
            rows.append(
                Headcount(
                    unit=unit,
                    year=year,
                    party_members=members,
                    participating_members=draw(st.none() | st.integers(0, members)),
                    branches=draw(st.none() | st.integers(0, 12)),
                    employees=draw(st.none() | st.integers(members, members + 3000)),
                    titled_employees=draw(st.none() | st.integers(0, 500)),
                )
            )
    return rows


def _projects(draw, units: list[Unit], years: list[int], shared: bool) -> list[Project]:
    count = draw(st.integers(0, 8))
    ids = _project_ids(draw, count, years[0], shared)
    owners = [u for u in units if u.kind != "集团"] or units
    projects = []
    for project_id in ids:
        unit = draw(st.sampled_from(owners))
        below = [name for name in _descendants(units, unit.name) if name != unit.name]
        branches = [name for name in below if next(u for u in units if u.name == name).kind == "党支部"]
        branch = draw(st.none() | st.sampled_from(branches)) if branches else None
        year = draw(st.sampled_from(years))
        start = _date_in(draw, draw(st.sampled_from((year, year, year - 1))))
        projects.append(
            Project(
                project_id=project_id,
                name=f"{draw(st.sampled_from(PROJECT_WORDS))}{project_id[-2:]}",
                unit=unit.name,
                branch=branch,
                program=draw(st.none() | st.sampled_from(PROGRAMS)),
                category=draw(st.none() | st.sampled_from(CATEGORIES)),
                leader=draw(st.none() | st.sampled_from(LEADERS)),
                year=year,
                start_date=start,
                end_date=draw(st.none() | st.just(start + dt.timedelta(days=draw(st.integers(30, 700))))),
                status=draw(st.none() | st.sampled_from(STATUSES)),
                party_participants=draw(st.none() | st.integers(0, 30)),
                participants=draw(st.none() | st.integers(0, 80)),
            )
        )
    return projects


def _outcome(draw, kind: str, project: Project | None, unit: str | None, years: list[int], note: str | None) -> Outcome:
    savings = kind == SAVINGS
    year = draw(st.none() | st.sampled_from(years)) if project else draw(st.sampled_from(years))
    return Outcome(
        project_id=project.project_id if project else None,
        unit=unit,
        outcome_type=kind,
        quantity=None if savings else draw(st.none() | st.integers(0, 6)),
        # Whole 元, often round hundreds: ledgers in 万元 then show at most four decimals.
        value_yuan=draw(st.integers(0, 3_000_000) | st.integers(0, 30_000).map(lambda v: v * 100)) if savings else None,
        year=year,
        date=draw(st.none() | st.just(_date_in(draw, year))) if year is not None else None,
        note=note,
    )


def _outcomes(draw, units: list[Unit], projects: list[Project], years: list[int]) -> list[Outcome]:
    kinds = st.sampled_from((SAVINGS, SAVINGS, *PATENTS, SOFTWARE, *OTHER_OUTCOMES))
    outcomes = []
    for index in range(draw(st.integers(0, 10))):
        note = draw(st.none() | st.just(f"成果{index + 1}：{draw(st.sampled_from(PROJECT_WORDS))}"))
        if projects and draw(st.integers(0, 3)):
            project = draw(st.sampled_from(projects))
            unit = project.unit if draw(st.integers(0, 3)) == 0 else None
            outcomes.append(_outcome(draw, draw(kinds), project, unit, years, note))
        else:
            unit = draw(st.sampled_from([u.name for u in units]))
            outcomes.append(_outcome(draw, draw(kinds), None, unit, years, note))
    # Per-project outcome columns: one cell per project and type, counted in the project's year.
    if projects and draw(st.booleans()):
        for kind in draw(st.lists(st.sampled_from(COLUMN_OUTCOMES), min_size=1, max_size=3, unique=True)):
            for project in projects:
                if draw(st.booleans()):
                    savings = kind == SAVINGS
                    outcomes.append(
                        Outcome(
                            project_id=project.project_id,
                            unit=None,
                            outcome_type=kind,
                            quantity=None if savings else draw(st.integers(0, 5)),
                            value_yuan=draw(st.integers(0, 200).map(lambda v: v * 1000)) if savings else None,
                            year=None,
                            date=None,
                            note=None,
                            as_column=True,
                        )
                    )
    return outcomes


def _awards(draw, projects: list[Project], years: list[int]) -> list[Award]:
    awards = []
    for project in projects:
        names = draw(st.lists(st.sampled_from(AWARD_NAMES), max_size=2, unique=True))
        for name in names:
            awards.append(
                Award(
                    project_id=project.project_id,
                    year=draw(st.none() | st.sampled_from(years)),
                    award=name,
                    level=draw(st.none() | st.sampled_from(AWARD_LEVELS)),
                    result=draw(st.sampled_from(("申报", "获奖"))),
                )
            )
    return awards


def _studios(draw, units: list[Unit], years: list[int]) -> list[Studio]:
    studios = []
    for name in draw(st.lists(st.sampled_from(STUDIO_NAMES), max_size=2, unique=True)):
        unit = draw(st.sampled_from([u.name for u in units if u.kind != "集团"] or [units[0].name]))
        for year in draw(st.lists(st.sampled_from(years), min_size=1, max_size=len(years), unique=True)):
            figures = tuple(
                (f"{part}_{dim}", draw(st.none() | st.integers(0, 12)))
                for dim in STUDIO_DIMENSIONS
                for part in ("target", "actual")
            )
            studios.append(
                Studio(name, unit, draw(st.none() | st.sampled_from(LEADERS)), draw(st.none() | st.just("集团级")),
                       year, figures)
            )  # fmt: skip
    return studios


def _people(draw, units: list[Unit], years: list[int]):
    """Talent rows, honours and training sessions of a few people (some with a 工号, some in two units)."""
    names = [u.name for u in units]
    persons = []
    for index in range(draw(st.integers(0, 5))):
        employee_id = draw(st.none() | st.sampled_from((f"E{index + 1:04d}", f"{years[0]}{index + 1:03d}")))
        homes = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2 if employee_id else 1, unique=True))
        persons.append((employee_id, draw(st.sampled_from(PEOPLE)), homes))
    talent = []
    for employee_id, person, homes in persons:
        for unit in homes:
            for year in draw(st.lists(st.sampled_from(years), max_size=len(years), unique=True)):
                talent.append(
                    Talent(
                        employee_id, person, unit, year,
                        pool=draw(st.none() | st.sampled_from(POOLS)),
                        mentor=draw(st.none() | st.sampled_from(LEADERS)),
                        professional_title=draw(st.none() | st.sampled_from(PROFESSIONAL_TITLES)),
                        party_member=draw(st.none() | st.sampled_from(("是", "否"))),
                    )
                )  # fmt: skip
    honours = []
    if persons:
        for _ in range(draw(st.integers(0, 4))):
            employee_id, person, homes = draw(st.sampled_from(persons))
            honours.append(
                Honour(person, employee_id, draw(st.sampled_from(homes)), draw(st.sampled_from(years)),
                       draw(st.sampled_from(TITLES)), draw(st.none() | st.sampled_from(HONOUR_LEVELS)))
            )  # fmt: skip
    training = []
    for _ in range(draw(st.integers(0, 5))):
        training.append(
            Training(
                draw(st.sampled_from(SESSIONS)),
                draw(st.none() | st.sampled_from(TRAINING_TYPES)),
                draw(st.sampled_from(names)),
                _date_in(draw, draw(st.sampled_from(years))),
                draw(st.none() | st.integers(0, 300)),
                draw(st.none() | st.integers(0, 80).map(lambda halves: halves / 2)),
            )
        )
    return talent, honours, training


def _running(draw, units: list[Unit], projects: list[Project], years: list[int]):
    """Progress checks, 书记项目 list items, suggestions and point adjustments."""
    checks, items, suggestions, adjustments = [], [], [], []
    if projects:
        quarters = st.tuples(st.sampled_from(projects), st.sampled_from(years), st.integers(1, 4))
        for project, year, quarter in draw(
            st.lists(quarters, max_size=8, unique_by=lambda c: (c[0].project_id, *c[1:]))
        ):
            end = dt.date(year + quarter // 4, quarter % 4 * 3 + 1, 1) - dt.timedelta(days=1)
            checks.append(
                Check(project.project_id, year, quarter, draw(st.none() | st.sampled_from(PROGRESS)),
                      draw(st.none() | st.just(end - dt.timedelta(days=draw(st.integers(0, 80))))),
                      draw(st.none() | st.sampled_from(("进度偏慢", "资金未到位"))),
                      draw(st.none() | st.sampled_from(("倒排工期", "协调资源"))))
            )  # fmt: skip
        for project in draw(st.lists(st.sampled_from(projects), max_size=2, unique_by=lambda p: p.project_id)):
            problems = 0
            for kind in LISTS:
                for number in range(1, draw(st.integers(0, 3)) + 1):
                    due = draw(st.none() | st.just(_date_in(draw, draw(st.sampled_from(years)))))
                    done = draw(st.none() | st.just(_date_in(draw, draw(st.sampled_from(years)))))
                    answers = None
                    if kind == "整改" and problems:
                        answers = draw(st.none() | st.integers(1, problems))
                    items.append(
                        ListItem(project.project_id, kind, number, draw(st.sampled_from(LIST_ITEMS)),
                                 draw(st.none() | st.sampled_from(LEADERS)), due, done, answers)
                    )  # fmt: skip
                if kind == "问题":
                    problems = sum(1 for i in items if i.project_id == project.project_id and i.list == "问题")
    names = [u.name for u in units]
    style = draw(st.sampled_from(("JY{n:03d}", "{y}{n:03d}")))
    for index in range(draw(st.integers(0, 5))):
        day = draw(st.none() | st.just(_date_in(draw, draw(st.sampled_from(years)))))
        status = draw(st.none() | st.sampled_from(SUGGESTION_STATUSES))
        done = None
        if day is not None and status == "已办结":
            done = draw(st.none() | st.just(day + dt.timedelta(days=draw(st.integers(0, 200)))))
        suggestions.append(
            Suggestion(style.format(n=index + 1, y=years[0]), draw(st.sampled_from(names)),
                       draw(st.none() | st.sampled_from(LEADERS)), day,
                       draw(st.none() | st.sampled_from(SUGGESTION_TEXTS)), status, done,
                       draw(st.none() | st.integers(0, 5000).map(lambda v: v * 100)))
        )  # fmt: skip
    for _ in range(draw(st.integers(0, 3))):
        project = draw(st.none() | st.sampled_from(projects)) if projects else None
        unit = (project.unit if draw(st.booleans()) else None) if project else draw(st.sampled_from(names))
        year = draw(st.sampled_from(years))
        adjustments.append(
            Adjustment(project.project_id if project else None, unit, year, _date_in(draw, year),
                       draw(st.integers(-20, 20).filter(bool).map(lambda halves: halves / 2)),
                       draw(st.none() | st.sampled_from(REASONS)))
        )  # fmt: skip
    return checks, items, suggestions, adjustments


REQUIRED = {
    "units": ("unit", "parent"),
    "headcount": ("unit", "year", "party_members"),
    "projects": ("project_id", "name", "unit"),
    "outcomes": ("outcome_type",),
    "awards": ("project_id", "award", "result"),
    "studios": ("studio", "unit", "year"),
    "talent": ("person", "unit", "year"),
    "honours": ("person", "unit", "year", "title"),
    "training": ("session", "unit", "date"),
    # 年度 and 季度 are optional in the contract, but a check needs both (or a 2024Q3 cell): always written here.
    "checks": ("project_id", "year", "quarter"),
    "secretary_lists": ("project_id", "list", "item"),
    "suggestions": ("suggestion_id", "unit"),
    "point_adjustments": ("points",),
}


@st.composite
def worlds(draw, *, shared: bool = False) -> World:
    """A world of facts whose ledgers carry a drawn subset of optional columns (absent columns read as None).

    shared: one group and a few project numbers, as successive uploads to one store would share them."""
    base = draw(st.integers(2019, 2025))
    years = list(range(base, base + draw(st.integers(1, 3))))
    units = _unit_tree(draw, shared)
    projects = _projects(draw, units, years, shared)
    outcomes = _outcomes(draw, units, projects, years)
    columns = {kind: REQUIRED[kind] + tuple(c for c in OPTIONAL[kind] if draw(st.booleans())) for kind in REQUIRED}
    # A project needs a 年度 or a 立项日期 column; an outcome a 项目编号 or a 单位 column.
    columns["projects"] += draw(st.sampled_from((("year",), ("start_date",), ("year", "start_date"))))
    columns["outcomes"] += tuple(c for c in ("year", "date") if draw(st.booleans()))
    # An adjustment needs a 项目编号 or a 单位 column, and a 年度 or a 日期 column.
    columns["point_adjustments"] += draw(st.sampled_from((("project_id",), ("unit",), ("project_id", "unit"))))
    columns["point_adjustments"] += draw(st.sampled_from((("year",), ("date",), ("year", "date"))))
    talent, honours, training = _people(draw, units, years)
    checks, items, suggestions, adjustments = _running(draw, units, projects, years)
    world = World(
        units=tuple(units),
        headcount=tuple(_headcount(draw, units, years)),
        projects=tuple(projects),
        outcomes=tuple(outcomes),
        awards=tuple(_awards(draw, projects, years)),
        studios=tuple(_studios(draw, units, years)),
        talent=tuple(talent),
        honours=tuple(honours),
        training=tuple(training),
        checks=tuple(checks),
        lists=tuple(items),
        suggestions=tuple(suggestions),
        adjustments=tuple(adjustments),
        cutoff=draw(st.sampled_from(CUTOFFS)),
        columns=columns,
    )
    return as_recorded(world, draw)


def as_recorded(world: World, draw=None) -> World:
    """The world as its ledgers can state it: absent columns emptied, owner columns added where needed, and
    records that would repeat a key once emptied dropped (the generator's doing, not the analyst's)."""
    cols = {kind: list(names) for kind, names in world.columns.items()}
    has = {kind: set(names) for kind, names in cols.items()}

    def keep(obj, kind: str, names: tuple[str, ...]):
        return replace(obj, **{n: None for n in names if n not in has[kind]})

    units = tuple(keep(u, "units", ("kind",)) for u in world.units)
    headcount = tuple(keep(h, "headcount", OPTIONAL["headcount"]) for h in world.headcount)
    both = {"year", "start_date"} <= has["projects"]
    projects = []
    for p in world.projects:
        p = keep(p, "projects", (*OPTIONAL["projects"], "year", "start_date"))
        if both and draw is not None:
            # With both columns a row may fill just one: the 年度 wins, else the 立项日期 gives the year.
            p = replace(p, **draw(st.sampled_from(({}, {"year": None}, {"start_date": None}))))
        projects.append(p)

    outcomes, seen = [], set()
    for o in world.outcomes:
        if not o.as_column:
            o = keep(o, "outcomes", ("quantity", "note", "year", "date"))
            if "value_wan" not in has["outcomes"]:
                o = replace(o, value_yuan=None)
            if o.project_id is None and o.own_year is None:
                continue  # a unit-level outcome needs a year to count in; without year columns it is not drawn
            if not o.note:
                outcomes.append(o)  # rows without a 说明 are items that add up: never a repeated key
                continue
            key = (o.project_id, o.unit, o.outcome_type, o.own_year, o.note)
        else:
            key = (o.project_id, o.outcome_type, "column")
        if key in seen:
            continue
        seen.add(key)
        outcomes.append(o)
    sheet_outcomes = [o for o in outcomes if not o.as_column]
    if any(o.project_id for o in sheet_outcomes) and "project_id" not in has["outcomes"]:
        cols["outcomes"].insert(0, "project_id")
    if any(o.unit for o in sheet_outcomes) and "unit" not in has["outcomes"]:
        cols["outcomes"].insert(1, "unit")

    years = {p.project_id: p.fact_year for p in projects}
    awards, seen = [], set()
    for a in world.awards:
        a = keep(a, "awards", ("year", "level"))
        key = (a.project_id, a.year if a.year is not None else years[a.project_id], a.award)
        if key not in seen:
            seen.add(key)
            awards.append(a)

    talent, seen = [], set()
    for t in world.talent:
        t = keep(t, "talent", OPTIONAL["talent"])
        key = (t.unit, t.employee_id or t.person, t.year)
        if key not in seen:
            seen.add(key)
            talent.append(t)
    honours, seen = [], set()
    for h in world.honours:
        h = keep(h, "honours", OPTIONAL["honours"])
        # The product's key, and one row per person, title and year (a person's title has one level a year).
        keys = ((h.unit, h.employee_id or h.person, h.year, h.title), (h.who, h.title, h.year))
        if not seen & set(keys):
            seen.update(keys)
            honours.append(h)
    training, seen = [], set()
    for t in world.training:
        t = keep(t, "training", OPTIONAL["training"])
        if (t.session, t.unit, t.date) not in seen:
            seen.add((t.session, t.unit, t.date))
            training.append(t)
    checks = [keep(c, "checks", OPTIONAL["checks"]) for c in world.checks]
    items = [keep(i, "secretary_lists", tuple(c for c in OPTIONAL["secretary_lists"] if c != "item_no"))
             for i in world.lists]  # fmt: skip
    suggestions = []
    for x in world.suggestions:
        x = keep(x, "suggestions", tuple(c for c in OPTIONAL["suggestions"] if c != "value_wan"))
        suggestions.append(x if "value_wan" in has["suggestions"] else replace(x, value_yuan=None))
    adjustments, seen = [], set()
    for a in world.adjustments:
        a = keep(a, "point_adjustments", ("adjustment_reason", "year", "date", "unit"))
        if "project_id" not in has["point_adjustments"]:
            if a.project_id is not None and a.unit is None:
                continue  # an adjustment of a project is only drawn where the sheet can name it
            a = replace(a, project_id=None)
        if a.project_id is None and a.unit is None:
            continue
        key = (a.project_id, a.unit, a.date, a.adjustment_reason)
        if key not in seen:
            seen.add(key)
            adjustments.append(a)

    studios = []
    for s in world.studios:
        s = keep(s, "studios", ("leader", "level"))
        figures = tuple((name, value if name in has["studios"] else None) for name, value in s.figures)
        studios.append(replace(s, figures=figures))
    return replace(
        world,
        units=units,
        headcount=headcount,
        projects=tuple(projects),
        outcomes=tuple(outcomes),
        awards=tuple(awards),
        studios=tuple(studios),
        talent=tuple(talent),
        honours=tuple(honours),
        training=tuple(training),
        checks=tuple(checks),
        lists=tuple(items),
        suggestions=tuple(suggestions),
        adjustments=tuple(adjustments),
        columns={kind: tuple(names) for kind, names in cols.items()},
    )
