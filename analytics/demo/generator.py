"""Demo data: a deterministic, contract-valid workbook (one sheet per vocab kind) for an invented enterprise group."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import xlsxwriter

from analytics.contract import vocab

DEFAULT_SEED = 20241
YEARS = (2021, 2022, 2023, 2024, 2025)
# Statuses are decided as of the end of the last demo year, never "today", so the bytes never drift.
AS_OF = dt.date(2025, 12, 31)
CREATED = dt.datetime(2025, 12, 31, 9, 0, 0)
ID_PREFIX = "YC"

GROUP = "岳川精工集团有限公司"
# The company whose branches did not record participation in the first year (参与党员数 left empty).
UNKNOWN_PARTICIPATION_COMPANY = "岳川工具研究所"
UNKNOWN_PARTICIPATION_YEAR = 2021
# Studio evaluation cases the dashboard has to show.
RISK_STUDIO = "陈立新职工创新工作室"
RISK_YEARS = (2025,)
DELISTED_STUDIO = "赵志强劳模创新工作室"
DELISTED_YEARS = (2024, 2025)
# Group-level staff (leaders, organs) who belong to no branch: why the group's stated row exceeds its branches.
GROUP_OWN_MEMBERS = 34
GROUP_OWN_EMPLOYEES = 126


@dataclass(frozen=True)
class Company:
    name: str
    kind: str
    short: str
    products: tuple[str, ...]
    # Departments whose branch hangs directly under the 党委.
    branches: tuple[str, ...]
    # (党总支 name suffix, departments under it), or None.
    general_branch: tuple[str, tuple[str, ...]] | None = None


COMPANIES = (
    Company(
        "岳川精密轴承研究所",
        "研究所",
        "轴研所",
        ("NUP308注塑保持架", "精密角接触球轴承", "高速电主轴轴承", "圆锥滚子轴承套圈", "航天轴承保持架", "深沟球轴承"),
        (
            "一车间",
            "二车间",
            "三车间",
            "保持架分厂",
            "技术中心",
            "质量检测中心",
            "采购仓储配送中心直属",
            "运营管理部",
            "机关第一",
            "机关第二",
        ),
    ),
    Company(
        "岳川磨料磨具研究所",
        "研究所",
        "磨研所",
        ("晶圆切割用划片刀", "树脂结合剂砂轮", "金刚石线锯", "CBN砂轮", "超薄切割片", "陶瓷结合剂磨具"),
        ("技术中心", "检测中心", "市场营销部", "运营管理部", "机关", "后勤保障部"),
        ("超硬材料事业部", ("金刚石车间", "砂轮车间", "划片刀车间")),
    ),
    Company(
        "岳川工具研究所",
        "研究所",
        "工研所",
        ("齿轮滚刀", "硬质合金铣刀", "剃齿刀", "拉刀", "螺纹量规", "数控刀片"),
        ("刀具分厂", "量具分厂", "齿轮刀具车间", "数控刀具车间", "技术中心", "质量管理部", "销售公司", "机关"),
    ),
    Company(
        "岳川重型机械有限公司",
        "公司",
        "重机公司",
        ("减速器壳体", "液压缸体", "齿轮箱", "传动轴", "焊接结构件", "回转支承"),
        ("一分厂", "二分厂", "三分厂", "四分厂", "装配分厂", "工艺研究所", "设备能源部", "采购仓储配送中心直属"),
        ("五分厂", ("五分厂一工段", "五分厂二工段", "五分厂三工段")),
    ),
    Company(
        "岳川新材料科技有限公司",
        "公司",
        "新材公司",
        ("高纯氧化铝粉体", "碳化硅陶瓷密封环", "氮化硼涂层", "粉末冶金齿轮", "陶瓷基板"),
        (
            "粉体车间",
            "陶瓷车间",
            "涂层车间",
            "研发中心",
            "质量安全部",
            "供应链管理部",
            "财务资产部",
            "综合管理部",
            "市场开发部",
        ),
    ),
)


@dataclass
class Branch:
    name: str
    company: Company
    dept: str
    members: list[int] = field(default_factory=list)
    participating: list[int] = field(default_factory=list)
    employees: list[int] = field(default_factory=list)


SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾魏薛叶阎余"
    "潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文"
)
# Given names are drawn character by character, as most are two characters long.
GIVEN_FIRST = "建卫海红立志小少晓文振永德春俊雪宏继明学桂亚鹏思嘉晨一子天浩欣玉秀丽国"
GIVEN_SECOND = "国东涛梅新强杰旭华斌燕刚英明生峰伟红亮军芳楠飞远琪阳鸣涵宇然怡兰娟"

# Shop-floor weights; with OFFICE_WEIGHTS the group lands near the seeds' split
# (科研生产 60 : 安全质量 25 : 精益管理 62 : 党建 8).
CATEGORY_WEIGHTS = {"科研生产": 80, "安全质量": 27, "精益管理": 42, "党建": 4, "其他": 2}
PROGRAM_WEIGHTS_BY_CATEGORY = {
    "科研生产": {"党员创新工程": 36, "双创": 30, "书记项目": 3, "三组联建": 8, "创新工作室": 13, "QC课题": 10},
    "安全质量": {"党员创新工程": 34, "双创": 12, "书记项目": 6, "三组联建": 14, "创新工作室": 4, "QC课题": 30},
    "精益管理": {"党员创新工程": 40, "双创": 22, "书记项目": 8, "三组联建": 12, "创新工作室": 4, "QC课题": 14},
    "党建": {"党员创新工程": 30, "双创": 0, "书记项目": 50, "三组联建": 20, "创新工作室": 0, "QC课题": 0},
    "其他": {"党员创新工程": 40, "双创": 30, "书记项目": 10, "三组联建": 20, "创新工作室": 0, "QC课题": 0},
}
PROJECTS_PER_YEAR = {2021: 88, 2022: 96, 2023: 104, 2024: 110, 2025: 116}
# Share of branches with at least one project, rising towards full coverage.
BRANCH_COVERAGE = {2021: 0.85, 2022: 0.89, 2023: 0.94, 2024: 0.98, 2025: 1.0}

QUALITY_ITEMS = ("尺寸", "金刚石浓度", "表面粗糙度", "一次装配", "热处理硬度", "平面度", "同轴度", "动平衡")
OPERATIONS = ("去毛边", "装配", "磨削", "检测", "包装", "清洗", "上下料", "换型")
PROCESSES = ("烧结", "精磨", "热处理", "注塑", "电镀", "焊接", "压制成型", "喷涂")
DEFECTS = ("崩刃", "裂纹", "划伤", "尺寸超差", "气孔", "烧伤", "变形")
EQUIPMENT = ("冲压设备", "桥式起重机", "砂轮机", "数控车床", "热处理炉", "空压站", "磨床", "烧结炉")
MATERIALS = ("钢材", "刀具", "辅料", "包装材料", "金刚石微粉", "电子元器件", "劳保用品", "备品备件")
ENERGY = ("压缩空气", "电能", "天然气", "冷却液", "工业用水")
STOCK = ("原材料", "在制品", "成品", "备品备件")
FLOWS = ("采购审批", "生产计划排产", "质量问题闭环", "合同评审", "出入库", "工装借用", "报销")
PARTY_THEMES = ("安全生产", "质量提升", "科研攻关", "客户服务", "降本增效", "精益制造")

NAME_TEMPLATES: dict[str, tuple[str, ...]] = {
    "科研生产": (
        "提高{p}{q}合格率",
        "{p}{op}效率提升",
        "{p}{proc}工艺优化",
        "{p}国产化替代研制",
        "{p}加工轨迹计算程序编写",
        "{p}自动{op}装置研制",
        "缩短{p}{proc}周期",
        "{p}{q}在线检测系统开发",
        "{p}新产品试制攻关",
        "{p}{proc}参数数字化管控",
        "{eq}数控化改造（{p}）",
    ),
    "安全质量": (
        "{dept}危险工序人机隔离操作改造",
        "降低{p}{defect}不良率",
        "提高{p}一次交检合格率",
        "{eq}安全防护装置改进",
        "{eq}安全联锁改造",
        "{dept}有限空间作业安全管控",
        "{p}质量追溯信息化建设",
        "{dept}隐患排查治理标准化",
        "{p}{defect}问题攻关",
        "{dept}{eq}作业风险辨识与管控",
    ),
    "精益管理": (
        "{eq}TPM管理改善",
        "拓展供应渠道降低{mat}采购成本",
        "{dept}降低{energy}消耗",
        "{dept}5S现场管理提升",
        "{stock}库存周转效率提升（{dept}）",
        "{flow}流程优化",
        "{p}生产线精益布局改善",
        "降低{p}制造成本",
        "{dept}班组精益管理推进",
        "{mat}领用定额管理",
        "{p}{op}工序节拍优化",
    ),
    "党建": (
        "“党建+{theme}”融合品牌创建（{dept}）",
        "{dept}党员先锋岗创建",
        "{dept}“三会一课”质量提升",
        "“红色领航”党员责任区建设（{dept}）",
        "{dept}党员积分制管理",
        "{dept}“党员身边无{defect}”行动",
    ),
    "其他": (
        "{dept}青年职工技能成长计划",
        "{dept}职工合理化建议平台建设",
        "{dept}职工技能比武",
        "{dept}档案数字化管理",
    ),
}
# Departments whose work is management, not the shop floor: their projects lean to lean management and party work.
OFFICE_DEPTS = (
    "机关",
    "运营管理部",
    "市场营销部",
    "后勤保障部",
    "销售公司",
    "财务资产部",
    "综合管理部",
    "供应链管理部",
    "市场开发部",
    "采购仓储配送中心直属",
)
OFFICE_WEIGHTS = {"科研生产": 12, "安全质量": 20, "精益管理": 110, "党建": 20, "其他": 6}

SAVINGS_NOTES = {
    "科研生产": ("提高产能新增效益", "减少废品损失", "替代进口节约采购费用", "新增产品销售效益"),
    "安全质量": ("减少质量损失", "降低返工返修费用", "减少安全事故损失"),
    "精益管理": ("节约采购成本", "节约能源费用", "减少设备停机损失", "降低库存资金占用"),
    "党建": ("带动降本增效",),
    "其他": ("节约培训费用",),
}
UTILITY_FIXTURES = ("定位夹具", "去毛刺装置", "检测工装", "上下料机构", "防护罩", "冷却装置", "转运小车", "夹紧机构")
RULE_TOPICS = ("设备点检", "安全操作", "质量检验", "现场管理", "物资领用", "创新积分", "工艺纪律")
INVENTION_SUBJECTS = ("制备方法", "加工方法", "检测方法", "热处理工艺", "装配方法")

# (level, award names, chance to win): national honours are rarer and harder to win.
AWARD_LEVEL_WEIGHTS = {"国家级": 7, "省部级": 18, "集团级": 30, "公司级": 45}
AWARD_WIN_CHANCE = {"国家级": 0.3, "省部级": 0.4, "集团级": 0.45, "公司级": 0.6}
AWARD_NAMES = {
    "国家级": {"QC课题": "全国优秀质量管理小组", None: "全国机械工业职工技术创新成果奖"},
    "省部级": {"QC课题": "省优秀QC小组成果", None: "省职工优秀技术创新成果"},
    "集团级": {
        "QC课题": "集团优秀QC成果",
        "书记项目": "集团优秀书记项目",
        "双创": "集团“双创”优秀成果",
        None: "集团“七一”表彰优秀党员创新项目",
    },
    "公司级": {"QC课题": "公司优秀QC成果", None: "公司优秀创新项目"},
}

STUDIOS = (
    ("张建国劳模创新工作室", "岳川精密轴承研究所", "张建国", "国家级"),
    ("李卫东职工创新工作室", "岳川磨料磨具研究所", "李卫东", "省级"),
    ("王海涛技能大师创新工作室", "岳川工具研究所", "王海涛", "省级"),
    ("刘红梅劳模创新工作室", "岳川重型机械有限公司", "刘红梅", "集团级"),
    (RISK_STUDIO, "岳川重型机械有限公司", "陈立新", "集团级"),
    (DELISTED_STUDIO, "岳川新材料科技有限公司", "赵志强", "集团级"),
)


def _weighted(rng: random.Random, weights: dict) -> object:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    return dt.date(day.year + month0 // 12, month0 % 12 + 1, min(day.day, 28))


def _person(rng: random.Random) -> str:
    given = rng.choice(GIVEN_SECOND)
    if rng.random() < 0.8:
        given = rng.choice(GIVEN_FIRST) + given
    return rng.choice(SURNAMES) + given


def _units(companies: Sequence[Company]) -> tuple[list[dict], list[Branch]]:
    rows = [{"unit": GROUP, "parent": None, "kind": "集团"}]
    branches: list[Branch] = []
    for company in companies:
        committee = f"{company.name}党委"
        rows.append({"unit": company.name, "parent": GROUP, "kind": company.kind})
        rows.append({"unit": committee, "parent": company.name, "kind": "党委"})
        placed = [(dept, committee) for dept in company.branches]
        if company.general_branch:
            suffix, depts = company.general_branch
            general = f"{company.short}{suffix}党总支"
            rows.append({"unit": general, "parent": committee, "kind": "党总支"})
            placed += [(dept, general) for dept in depts]
        for dept, parent in placed:
            branch = Branch(f"{company.short}{dept}党支部", company, dept)
            rows.append({"unit": branch.name, "parent": parent, "kind": vocab.BRANCH_KIND})
            branches.append(branch)
    return rows, branches


def _headcount(rng: random.Random, branches: list[Branch]) -> list[dict]:
    rows = []
    for branch in branches:
        organ = branch.dept.startswith("机关")
        members = rng.randint(22, 40) if organ else rng.randint(12, 34)
        ratio = rng.uniform(0.72, 0.9)
        # A few branches stall or slip, so "rising" is a tendency and not a rule the dashboard can assume.
        step = rng.uniform(-0.02, 0.0) if rng.random() < 0.12 else rng.uniform(0.02, 0.06)
        per_member = rng.uniform(1.6, 2.4) if organ else rng.uniform(3.0, 6.5)
        for i, _year in enumerate(YEARS):
            if i:
                members = max(8, members + rng.choice((-1, 0, 0, 1, 1, 2)))
            share = min(1.0, max(0.7, ratio + step * i))
            branch.members.append(members)
            branch.participating.append(min(members, round(members * share)))
            branch.employees.append(round(members * per_member))
    for branch in branches:
        for i, year in enumerate(YEARS):
            unknown = branch.company.name == UNKNOWN_PARTICIPATION_COMPANY and year == UNKNOWN_PARTICIPATION_YEAR
            rows.append(
                {
                    "unit": branch.name,
                    "year": year,
                    "party_members": branch.members[i],
                    "participating_members": None if unknown else branch.participating[i],
                    "branches": 1,
                    "employees": branch.employees[i],
                }
            )
    for i, year in enumerate(YEARS):
        own = GROUP_OWN_MEMBERS + i
        # The group's organisation department knows every member's participation, even where a company did not report.
        rows.append(
            {
                "unit": GROUP,
                "year": year,
                "party_members": sum(b.members[i] for b in branches) + own,
                "participating_members": sum(b.participating[i] for b in branches) + own,
                "branches": len(branches),
                "employees": sum(b.employees[i] for b in branches) + GROUP_OWN_EMPLOYEES + 2 * i,
            }
        )
    return rows


def _project_name(rng: random.Random, category: str, branch: Branch) -> str:
    template = rng.choice(NAME_TEMPLATES[category])
    return template.format(
        p=rng.choice(branch.company.products),
        q=rng.choice(QUALITY_ITEMS),
        op=rng.choice(OPERATIONS),
        proc=rng.choice(PROCESSES),
        defect=rng.choice(DEFECTS),
        eq=rng.choice(EQUIPMENT),
        mat=rng.choice(MATERIALS),
        energy=rng.choice(ENERGY),
        stock=rng.choice(STOCK),
        flow=rng.choice(FLOWS),
        theme=rng.choice(PARTY_THEMES),
        dept=branch.dept.removesuffix("直属"),
    )


def _status(rng: random.Random, year: int, end: dt.date) -> str:
    if rng.random() < 0.03:
        return vocab.STATUS_STOPPED
    if end <= AS_OF:
        # Some recent projects ran past their planned end and are still open: the overdue list.
        overdue = year >= 2023 and rng.random() < 0.08
        return "实施中" if overdue else vocab.STATUS_COMPLETED
    if year == YEARS[-1] and rng.random() < 0.35:
        return "立项"
    return "实施中"


def _projects(rng: random.Random, branches: list[Branch]) -> list[dict]:
    projects: list[dict] = []
    names: set[str] = set()
    for year in YEARS:
        count = PROJECTS_PER_YEAR[year] + rng.randint(-3, 3)
        active = rng.sample(branches, round(len(branches) * BRANCH_COVERAGE[year]))
        weights = [b.members[YEARS.index(year)] for b in active]
        owners = active + rng.choices(active, weights=weights, k=count - len(active))
        drafts = []
        for branch in owners:
            office = branch.dept.startswith(OFFICE_DEPTS)
            category = _weighted(rng, OFFICE_WEIGHTS if office else CATEGORY_WEIGHTS)
            program = _weighted(rng, PROGRAM_WEIGHTS_BY_CATEGORY[category])
            name = _project_name(rng, category, branch)
            for _ in range(30):
                if name not in names:
                    break
                name = _project_name(rng, category, branch)
            # A name that keeps coming back is a follow-up project, which analysts label by phase.
            phase = iter(("二期", "三期", "四期", "五期", "六期"))
            base = name
            while name in names:
                name = f"{base}（{next(phase)}）"
            names.add(name)
            start = dt.date(year, rng.randint(1, 9), rng.randint(1, 28))
            end = _add_months(start, rng.randint(4, 14))
            members = branch.members[YEARS.index(year)]
            party = rng.randint(2, min(8, members))
            drafts.append(
                {
                    "name": name,
                    "unit": branch.name,
                    "branch": branch.name if rng.random() < 0.7 else None,
                    "program": program,
                    "category": category,
                    "leader": _person(rng),
                    "year": year,
                    "start_date": start,
                    "end_date": end,
                    "status": _status(rng, year, end),
                    "party_participants": party,
                    "participants": party + rng.randint(0, 9),
                }
            )
        # Analysts number projects in the order they were approved.
        drafts.sort(key=lambda p: (p["start_date"], p["unit"]))
        for seq, project in enumerate(drafts, 1):
            projects.append({"project_id": f"{ID_PREFIX}-{year}-{seq:04d}", **project})
    return projects


def _savings_value(rng: random.Random) -> float:
    if rng.random() < 0.04:
        return round(rng.uniform(100, 300), 1)
    return round(min(95.0, max(1.5, rng.lognormvariate(2.4, 0.8))), 1)


def _outcomes_for(rng: random.Random, project: dict, branch: Branch) -> list[dict]:
    status, category = project["status"], project["category"]
    if status in ("立项", vocab.STATUS_STOPPED):
        return []
    done = status == vocab.STATUS_COMPLETED
    # A completed project's results count in the year it closed; an open one's interim results in its own year.
    year = project["end_date"].year if done else project["year"]
    scale = 1.0 if done else 0.3
    product = rng.choice(branch.company.products)
    rows: list[dict] = []

    def add(outcome_type: str, note: str, quantity: int = 1, value: float | None = None, dated=False):
        day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28)) if dated else None
        if day and day > AS_OF:
            day = AS_OF
        rows.append(
            {
                "project_id": project["project_id"],
                "unit": None,
                "outcome_type": outcome_type,
                "quantity": quantity,
                "value_wan": value,
                "year": year,
                "date": day,
                "note": note,
            }
        )

    savings_chance = {"科研生产": 0.85, "安全质量": 0.6, "精益管理": 0.95, "党建": 0.3, "其他": 0.4}[category]
    if rng.random() < savings_chance * (1.0 if done else 0.35):
        add(vocab.SAVINGS_TYPE, rng.choice(SAVINGS_NOTES[category]), 1, _savings_value(rng))

    chances = {
        "科研生产": {"发明专利": 0.12, "实用新型专利": 0.35, "外观设计专利": 0.04, "软件著作权": 0.06, "论文": 0.15},
        "安全质量": {"实用新型专利": 0.25, "制度": 0.35, "流程": 0.15, "标准": 0.12, "技术图纸": 0.2},
        "精益管理": {"实用新型专利": 0.08, "软件著作权": 0.05, "制度": 0.3, "流程": 0.25, "标准": 0.05},
        "党建": {"论文": 0.4, "制度": 0.5, "其他": 0.3},
        "其他": {"论文": 0.2, "其他": 0.4},
    }[category]
    if category == "科研生产":
        chances |= {"标准": 0.06, "技术图纸": 0.3, "研制总结": 0.2, "试验报告": 0.18}
    if category == "安全质量":
        chances |= {"试验报告": 0.12}
    if category in ("科研生产", "安全质量", "精益管理"):
        chances.setdefault("其他", 0.02)
    title = project["name"]
    for outcome_type, chance in chances.items():
        if rng.random() >= chance * scale:
            continue
        if outcome_type == "实用新型专利":
            fixtures = rng.sample(UTILITY_FIXTURES, rng.choice((1, 1, 1, 2)))
            for fixture in fixtures:
                add(outcome_type, f"一种{product}用{fixture}", dated=True)
        elif outcome_type == "发明专利":
            add(outcome_type, f"一种{product}的{rng.choice(INVENTION_SUBJECTS)}", dated=True)
        elif outcome_type == "外观设计专利":
            add(outcome_type, f"{product}（{rng.choice(('包装盒', '标识', '外形'))}）", dated=True)
        elif outcome_type == "软件著作权":
            add(outcome_type, f"{title}管理软件V1.0", dated=True)
        elif outcome_type == "论文":
            add(outcome_type, f"《{title}的实践与思考》")
        elif outcome_type == "制度":
            add(outcome_type, f"《{branch.dept.removesuffix('直属')}{rng.choice(RULE_TOPICS)}管理办法》")
        elif outcome_type == "流程":
            add(outcome_type, f"{title}作业流程", rng.randint(1, 3))
        elif outcome_type == "标准":
            add(outcome_type, f"企业标准Q/YC {rng.randint(100, 999)}-{year}")
        elif outcome_type == "技术图纸":
            add(outcome_type, f"{product}工装图纸", rng.randint(2, 12))
        elif outcome_type == "研制总结":
            add(outcome_type, f"{title}研制总结报告")
        elif outcome_type == "试验报告":
            add(outcome_type, f"{product}试验报告", rng.randint(1, 3))
        else:
            add(outcome_type, rng.choice(("合理化建议汇编", "典型案例", "培训课件")))
    if project["program"] == "QC课题" and done and rng.random() < 0.9:
        add("QC成果", f"{title}QC成果报告")
    return rows


def _unit_outcomes(rng: random.Random) -> list[dict]:
    rows = []
    for company in COMPANIES:
        for year in (2024, 2025):
            # A company's patent totals are often reported without tying each patent to a project.
            for outcome_type, low, high in (("发明专利", 1, 3), ("实用新型专利", 2, 5)):
                rows.append(
                    {
                        "project_id": None,
                        "unit": company.name,
                        "outcome_type": outcome_type,
                        "quantity": rng.randint(low, high),
                        "value_wan": None,
                        "year": year,
                        "date": None,
                        "note": f"{year}年度{company.short}科研项目授权专利（未归入创新项目）",
                    }
                )
    rows.append(
        {
            "project_id": None,
            "unit": COMPANIES[1].name,
            "outcome_type": "外观设计专利",
            "quantity": 2,
            "value_wan": None,
            "year": 2025,
            "date": None,
            "note": "新品包装外观设计",
        }
    )
    rows.append(
        {
            "project_id": None,
            "unit": COMPANIES[3].name,
            "outcome_type": "标准",
            "quantity": 1,
            "value_wan": None,
            "year": 2023,
            "date": None,
            "note": "参与制定行业标准JB/T（回转支承）",
        }
    )
    return rows


def _awards(rng: random.Random, projects: list[dict]) -> list[dict]:
    rows = []
    for project in projects:
        if project["status"] != vocab.STATUS_COMPLETED or rng.random() >= 0.2:
            continue
        # Honours such as the 七一 commendation take projects in their own year; others wait for the closing year.
        declared = min(YEARS[-1], rng.choice((project["year"], project["end_date"].year, project["end_date"].year + 1)))
        levels = [_weighted(rng, AWARD_LEVEL_WEIGHTS)]
        # A project that won at company level is often put forward again one level up.
        if levels[0] == "公司级" and rng.random() < 0.25:
            levels.append("集团级")
        for level in levels:
            names = AWARD_NAMES[level]
            won = rng.random() < AWARD_WIN_CHANCE[level]
            rows.append(
                {
                    "project_id": project["project_id"],
                    "year": declared,
                    "award": names.get(project["program"], names[None]),
                    "level": level,
                    "result": vocab.AWARD_WON if won else vocab.AWARD_DECLARED,
                }
            )
    # Every level must show both results; with this seed they do, and this keeps a new seed honest.
    for level in vocab.AWARD_LEVELS:
        for result in vocab.AWARD_RESULTS:
            if not any(r["level"] == level and r["result"] == result for r in rows):
                same_level = [r for r in rows if r["level"] == level]
                if len(same_level) > 1:
                    same_level[0]["result"] = result
    return rows


def _studios(rng: random.Random) -> list[dict]:
    rows = []
    for studio, unit, leader, level in STUDIOS:
        base = {"projects": rng.randint(3, 5), "breakthroughs": 2, "apprentices": rng.randint(3, 5), "exchanges": 6}
        for i, year in enumerate(YEARS):
            row = {"studio": studio, "unit": unit, "leader": leader, "level": level, "year": year}
            missed = (studio == RISK_STUDIO and year in RISK_YEARS) or (
                studio == DELISTED_STUDIO and year in DELISTED_YEARS
            )
            misses = 0
            if missed:
                misses = 1 if studio == RISK_STUDIO else (2 if year == DELISTED_YEARS[0] else 3)
            short = rng.sample([dim for dim, _zh in vocab.STUDIO_DIMENSIONS], misses)
            for dim, _zh in vocab.STUDIO_DIMENSIONS:
                target = base[dim] + i // 2 + (2 * i if dim == "exchanges" else 0)
                actual = target - rng.randint(1, 2) if dim in short else target + rng.randint(0, 3)
                row[f"target_{dim}"] = target
                row[f"actual_{dim}"] = actual
            rows.append(row)
    return rows


# ---- issue 17: running the programme (checks, 书记项目 lists, ideas, point adjustments) ---------------------------
# Drawn from their own random stream, so the sheets above stay byte-for-byte what they were.
RUNNING_SEED_OFFSET = 17
SLIDE_SHARE = 0.08  # projects that fall behind for a while: one quarter → yellow, two or more → red
UNCHECKED_SHARE = 0.06  # open projects nobody checked in the last demo quarter: 未检查
CHECK_ISSUES = (
    ("关键设备到货延迟", "协调采购部门催交，调整试验计划"),
    ("核心成员调离，人手不足", "从兄弟车间抽调骨干补充"),
    ("试验数据未达预期", "组织技术攻关小组复盘方案"),
    ("资金审批未到位", "提请分管领导协调预算"),
    ("现场生产任务冲突", "错峰安排试验时段"),
)
LIST_TEXT = {
    vocab.LIST_GOAL: ("一次交检合格率提升至98%", "年降本20万元", "培养青年骨干3名", "形成标准作业指导书1项"),
    vocab.LIST_PROBLEM: ("工序衔接等待时间长", "配料环节浪费大", "质量追溯手段缺失", "青年员工技能断层"),
    vocab.LIST_FIX: ("推行工序看板管理", "建立配料复核制度", "上线质量追溯台账", "开展师带徒结对"),
    vocab.LIST_RESULT: ("形成典型经验材料1篇", "申报QC成果1项", "制度汇编1册"),
}
SUGGESTIONS_PER_COMPANY_YEAR = (8, 16)
SUGGESTION_STATUS_WEIGHTS = {"已受理": 8, "已采纳": 22, "未采纳": 25, "已办结": 45}
SUGGESTION_TOPICS = (
    "边角料回收再利用", "夜班照明改为感应灯", "刀具寿命统计上墙", "包装箱循环使用", "空压机余热回收",
    "冷却液集中过滤", "设备点检表电子化", "物料配送定时定点", "图纸版本统一编号", "检具定置管理",
)  # fmt: skip
ADJUSTMENT_REASONS = (
    (3.0, "承办集团创新成果发布会"),
    (2.0, "创新案例入选集团汇编"),
    (-1.0, "创新台账迟报"),
    (-2.0, "季度检查材料不全"),
    (1.0, "组织创新技能比武"),
)


def _quarters(start: dt.date, last: dt.date) -> list[tuple[int, int]]:
    first = start.year * 4 + (start.month - 1) // 3
    final = last.year * 4 + (last.month - 1) // 3
    return [(index // 4, index % 4 + 1) for index in range(first, final + 1)]


def _checks(rng: random.Random, projects: list[dict]) -> list[dict]:
    rows = []
    last_quarter = (AS_OF.year, (AS_OF.month - 1) // 3 + 1)
    for project in projects:
        if project["status"] == vocab.STATUS_STOPPED:
            continue
        done = project["status"] == vocab.STATUS_COMPLETED
        last = min(project["end_date"], AS_OF) if done else AS_OF
        quarters = _quarters(project["start_date"], last)
        behind: set[int] = set()
        if rng.random() < SLIDE_SHARE and len(quarters) > 1:
            begin = rng.randrange(len(quarters) - 1)
            behind = set(range(begin, min(len(quarters), begin + rng.choice((1, 2, 2, 3)))))
        skip_last = not done and rng.random() < UNCHECKED_SHARE
        for position, (year, quarter) in enumerate(quarters):
            if skip_last and (year, quarter) == last_quarter:
                continue
            row = {"project_id": project["project_id"], "year": year, "quarter": quarter}
            month = quarter * 3
            row["check_date"] = dt.date(year, month, rng.randint(18, 28))
            if position in behind:
                issue, action = rng.choice(CHECK_ISSUES)
                row.update(progress=rng.choice(vocab.CHECK_BEHIND), issue=issue, action=action)
            elif done and position == len(quarters) - 1:
                row["progress"] = "已完成"
            else:
                row["progress"] = "正常"
            rows.append(row)
    return rows


def _secretary_lists(rng: random.Random, projects: list[dict]) -> list[dict]:
    rows = []
    for project in projects:
        if project["program"] != "书记项目" or project["status"] == vocab.STATUS_STOPPED:
            continue
        start, end = project["start_date"], project["end_date"]
        closed_out = project["status"] == vocab.STATUS_COMPLETED
        for kind in vocab.LIST_KINDS:
            texts = rng.sample(LIST_TEXT[kind], rng.randint(2, 3) if kind != vocab.LIST_RESULT else 1)
            for number, text in enumerate(texts, 1):
                due = _add_months(start, rng.randint(3, 10))
                row = {
                    "project_id": project["project_id"],
                    "list": kind,
                    "item_no": number,
                    "item": text,
                    "owner": project["leader"],
                    "due_date": min(due, end),
                }
                # A closed-out project finished its items; an open one has some still open, a few past due.
                finished = closed_out or rng.random() < 0.55
                if finished:
                    done_day = row["due_date"] - dt.timedelta(days=rng.randint(0, 40))
                    row["done_date"] = min(max(done_day, start), AS_OF)
                if kind == vocab.LIST_FIX:
                    row["answers"] = number
                rows.append(row)
    return rows


def _suggestions(rng: random.Random, branches: list[Branch]) -> list[dict]:
    rows = []
    by_company: dict[str, list[Branch]] = {}
    for branch in branches:
        by_company.setdefault(branch.company.name, []).append(branch)
    for year in YEARS:
        number = 0
        for own in by_company.values():
            for _ in range(rng.randint(*SUGGESTIONS_PER_COMPANY_YEAR)):
                number += 1
                day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
                status = _weighted(rng, SUGGESTION_STATUS_WEIGHTS)
                row = {
                    "suggestion_id": f"JY-{year}-{number:04d}",
                    "unit": rng.choice(own).name,
                    "proposer": _person(rng),
                    "date": day,
                    "content": rng.choice(SUGGESTION_TOPICS),
                    "status": status,
                }
                if status == vocab.SUGGESTION_DONE:
                    done = day + dt.timedelta(days=rng.randint(5, 75))
                    if done > AS_OF:
                        row["status"] = "已采纳"
                    else:
                        row["done_date"] = done
                if row["status"] in vocab.SUGGESTION_ADOPTED and rng.random() < 0.6:
                    row["value_wan"] = round(rng.uniform(0.3, 8.0), 1)
                rows.append(row)
    return rows


def _point_adjustments(rng: random.Random, branches: list[Branch], projects: list[dict]) -> list[dict]:
    rows = []
    for year in YEARS:
        for branch in rng.sample(branches, 6):
            points, reason = rng.choice(ADJUSTMENT_REASONS)
            day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
            rows.append({"unit": branch.name, "year": year, "date": day, "points": points, "adjustment_reason": reason})
        for project in rng.sample([p for p in projects if p["year"] == year], 2):
            day = dt.date(year, 12, rng.randint(1, 28))
            rows.append(
                {
                    "project_id": project["project_id"],
                    "year": year,
                    "date": day,
                    "points": 2.0,
                    "adjustment_reason": "项目经验全集团推广",
                }
            )
    return rows


def running_data(seed: int, branches: list[Branch], projects: list[dict]) -> dict[str, list[dict]]:
    """The issue-17 sheets for the demo's projects and branches."""
    rng = random.Random(seed + RUNNING_SEED_OFFSET)
    return {
        "checks": _checks(rng, projects),
        "secretary_lists": _secretary_lists(rng, projects),
        "suggestions": _suggestions(rng, branches),
        "point_adjustments": _point_adjustments(rng, branches, projects),
    }


def build_demo_data(seed: int = DEFAULT_SEED) -> dict[str, list[dict]]:
    """The demo facts per sheet kind, as rows keyed by canonical column name."""
    rng = random.Random(seed)
    units, branches = _units(COMPANIES)
    headcount = _headcount(rng, branches)
    projects = _projects(rng, branches)
    by_name = {b.name: b for b in branches}
    outcomes = [row for p in projects for row in _outcomes_for(rng, p, by_name[p["unit"]])]
    outcomes += _unit_outcomes(rng)
    data = {
        "units": units,
        "headcount": headcount,
        "projects": projects,
        "outcomes": outcomes,
        "awards": _awards(rng, projects),
        "studios": _studios(rng),
        **running_data(seed, branches, projects),
    }
    # issue 16: people come from a random stream of their own, so the figures above stay what they were.
    data.update(_people(random.Random(seed + PEOPLE_SEED_OFFSET), branches, headcount))
    return data


# ---- People (issue 16): a talent ledger that grows, a few exits, titles and a training calendar -------------------

PEOPLE_SEED_OFFSET = 16
# 2021's pools per company, then each year: share of a pool promoted, and 金鹰 who leave (出库) after two years.
START_POOLS = {"后备人才": 12, "雏鹰": 10, "雄鹰": 5, "金鹰": 1}
PROMOTE = {"后备人才": 0.25, "雏鹰": 0.2, "雄鹰": 0.12}
NEW_RESERVE = (6, 9)  # new 后备人才 per company and year: the pipeline grows
LEAVE_CHANCE = 0.03  # anyone may leave the company in a year
TITLES_BY_POOL = {
    "后备人才": ("助理工程师", "技术员", "中级工"),
    "雏鹰": ("工程师", "高级工"),
    "雄鹰": ("工程师", "高级工程师", "技师"),
    "金鹰": ("高级工程师", "高级技师", "正高级工程师"),
}
PARTY_CHANCE = 0.58
# Titles per year for the group: (title, level, how many); 1 机械工业工匠 and 8 成都工匠 over the years, as the seeds.
CRAFTSMAN, CITY_CRAFTSMAN, PARTY_HONOUR, STAR = (
    ("机械工业工匠", "行业"),
    ("成都工匠", "市级"),
    ("优秀共产党员", "集团级"),
    ("星级员工", "公司级"),
)
HONOURS_PLAN = {
    2021: ((*CITY_CRAFTSMAN, 1), (*PARTY_HONOUR, 3), (*STAR, 6)),
    2022: ((*CITY_CRAFTSMAN, 1), ("五一劳动奖章", "省部级", 1), (*PARTY_HONOUR, 3), (*STAR, 7)),
    2023: ((*CITY_CRAFTSMAN, 2), ("劳动模范", "市级", 1), (*PARTY_HONOUR, 4), (*STAR, 8)),
    2024: ((*CRAFTSMAN, 1), (*CITY_CRAFTSMAN, 2), (*PARTY_HONOUR, 4), (*STAR, 9)),
    2025: ((*CITY_CRAFTSMAN, 2), ("全国技术能手", "国家级", 1), (*PARTY_HONOUR, 5), (*STAR, 10)),
}
# Sessions per company and year by type (技能 grows), and the group's own 青马工程 classes.
TRAINING_PLAN = {"班组长": 2, "营销精英": 1, "青年高潜": 1, "技能": 2}
GROUP_YOUTH_CLASSES = 2


def _people(rng: random.Random, branches: list[Branch], headcount: list[dict]) -> dict[str, list[dict]]:
    _titled_staff(rng, headcount)
    talent = _talent(rng, branches)
    return {"talent": talent, "honours": _honours(rng, talent), "training": _training(rng)}


def _titled_staff(rng: random.Random, headcount: list[dict]) -> None:
    """职称人数 on every headcount row: about 60–68% of staff, rising; 新材公司 did not report it in 2021."""
    shares: dict[str, float] = {}
    for row in headcount:
        if row["unit"] == GROUP:
            continue
        base = shares.setdefault(row["unit"], rng.uniform(0.56, 0.64))
        share = base + 0.01 * (row["year"] - YEARS[0])
        missing = row["unit"].startswith("新材公司") and row["year"] == YEARS[0]
        row["titled_employees"] = None if missing else round(row["employees"] * share)
    for row in headcount:
        if row["unit"] == GROUP:
            below = [r for r in headcount if r["year"] == row["year"] and r["unit"] != GROUP]
            own = row["employees"] - sum(r["employees"] for r in below)
            # The group's organisation department counts every company, including the one that did not report.
            known = sum(r["titled_employees"] or round(r["employees"] * 0.6) for r in below)
            row["titled_employees"] = known + round(own * 0.7)


def _talent(rng: random.Random, branches: list[Branch]) -> list[dict]:
    rows = []
    pools = list(vocab.TALENT_POOLS)
    for number, company in enumerate(COMPANIES, 1):
        own = [b for b in branches if b.company is company]
        sequence = iter(range(1, 10_000))
        people: dict[str, dict] = {}
        hire = partial(_hire, rng, people, number, sequence, own)
        for pool, count in START_POOLS.items():
            for _ in range(count + rng.randint(-1, 2)):
                hire(pool, YEARS[0])
        for year in YEARS:
            if year != YEARS[0]:
                for employee_id, person in list(people.items()):
                    golden_out = person["pool"] == "金鹰" and year - person["since"] >= 2 and rng.random() < 0.5
                    if golden_out or rng.random() < LEAVE_CHANCE:
                        del people[employee_id]  # 出库
                    elif person["pool"] in PROMOTE and rng.random() < PROMOTE[person["pool"]]:
                        person["pool"] = pools[pools.index(person["pool"]) + 1]
                        person["since"] = year
                        person["title"] = rng.choice(TITLES_BY_POOL[person["pool"]])
                for _ in range(rng.randint(*NEW_RESERVE)):
                    hire("后备人才", year)
            mentors = [p["person"] for p in people.values() if p["pool"] in ("雄鹰", "金鹰")]
            for employee_id, person in sorted(people.items()):
                junior = person["pool"] in ("后备人才", "雏鹰")
                mentor = rng.choice(mentors) if junior and mentors and rng.random() < 0.7 else None
                rows.append(
                    {
                        "employee_id": employee_id,
                        "person": person["person"],
                        "unit": person["unit"],
                        "year": year,
                        "pool": person["pool"],
                        "mentor": mentor,
                        "professional_title": person["title"],
                        "party_member": vocab.YES if person["party"] else vocab.NO,
                    }
                )
    return rows


def _hire(rng, people: dict, number: int, sequence, own: list[Branch], pool: str, year: int) -> None:
    """A new person in the company's ledger: 工号 = company number + a running number."""
    employee_id = f"{number}{next(sequence):04d}"
    people[employee_id] = {
        "person": _person(rng),
        "unit": rng.choice(own).name,
        "pool": pool,
        "since": year,
        "party": rng.random() < PARTY_CHANCE,
        "title": rng.choice(TITLES_BY_POOL[pool]),
    }


def _honours(rng: random.Random, talent: list[dict]) -> list[dict]:
    """Titles go mostly to people in the upper pools of that year's ledger; a person holds a title once."""
    rows, given = [], set()
    for year, plan in HONOURS_PLAN.items():
        ledger = [r for r in talent if r["year"] == year]
        senior = [r for r in ledger if r["pool"] in ("雄鹰", "金鹰")]
        for title, level, count in plan:
            candidates = senior if level in ("国家级", "省部级", "行业", "市级") else ledger
            chosen = 0
            for row in rng.sample(candidates, len(candidates)):
                if chosen == count:
                    break
                if (row["employee_id"], title) in given:
                    continue
                given.add((row["employee_id"], title))
                rows.append(
                    {
                        "person": row["person"],
                        "employee_id": row["employee_id"],
                        "unit": row["unit"],
                        "year": year,
                        "title": title,
                        "level": level,
                    }
                )
                chosen += 1
    return rows


def _training(rng: random.Random) -> list[dict]:
    """Each company's yearly calendar (班组长, 营销精英, 青年高潜, more 技能 each year) and the group's 青马工程."""
    rows = []
    for i, year in enumerate(YEARS):
        plan = [(GROUP, "青马工程", GROUP_YOUTH_CLASSES)]
        for company in COMPANIES:
            plan += [
                (company.name, kind, count + (i // 2 if kind == "技能" else 0)) for kind, count in TRAINING_PLAN.items()
            ]
        for unit, kind, count in plan:
            short = next((c.short for c in COMPANIES if c.name == unit), "集团")
            for n in range(1, count + 1):
                month = rng.randint(3, 11)
                rows.append(
                    {
                        "session": f"{year}年{short}{kind}培训班（第{n}期）",
                        "training_type": kind,
                        "unit": unit,
                        "date": dt.date(year, month, rng.randint(1, 28)),
                        "attendees": rng.randint(18, 60),
                        "hours": float(rng.choice((8, 12, 16, 24, 32))),
                    }
                )
    return rows


def _display_width(value: object) -> int:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def write_workbook(data: dict[str, Iterable[dict]]) -> bytes:
    """One sheet per kind in load order, canonical zh-CN headers, empty cells for missing values."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    workbook.set_properties({"title": f"{GROUP}创新成效演示数据", "author": "创新成效看板", "created": CREATED})
    header = workbook.add_format({"bold": True})
    date = workbook.add_format({"num_format": "yyyy-mm-dd"})
    money = workbook.add_format({"num_format": "0.0"})
    for name in vocab.LOAD_ORDER:
        kind = vocab.SHEET_KINDS[name]
        sheet = workbook.add_worksheet(kind.zh)
        rows = list(data.get(name, ()))
        for col, column in enumerate(kind.columns):
            sheet.write_string(0, col, column.zh, header)
            width = _display_width(column.zh)
            for r, row in enumerate(rows, 1):
                value = row.get(column.name)
                if value is None:
                    continue
                width = max(width, _display_width(value))
                if isinstance(value, dt.date):
                    sheet.write_datetime(r, col, dt.datetime.combine(value, dt.time()), date)
                elif isinstance(value, float):
                    sheet.write_number(r, col, value, money)
                elif isinstance(value, int):
                    sheet.write_number(r, col, value)
                else:
                    sheet.write_string(r, col, value)
            sheet.set_column(col, col, min(60, width + 2))
        sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()


def build_demo_workbook(seed: int = DEFAULT_SEED) -> bytes:
    """The demo workbook's bytes: the same seed always gives the same bytes."""
    return write_workbook(build_demo_data(seed))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the demo workbook (创新成效看板 演示数据).")
    parser.add_argument("--out", type=Path, default=Path("data/demo.xlsx"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(build_demo_workbook(args.seed))
    print(args.out)


if __name__ == "__main__":
    main()
