"""The data contract in code: controlled vocabularies and the canonical columns of every sheet kind."""

from __future__ import annotations

from dataclasses import dataclass, field

PROGRAMS = ("党员创新工程", "双创", "书记项目", "三组联建", "创新工作室", "QC课题")
CATEGORIES = ("科研生产", "安全质量", "精益管理", "党建", "其他")
STATUSES = ("立项", "实施中", "已结题", "已终止")
STATUS_COMPLETED = "已结题"
STATUS_STOPPED = "已终止"
SAVINGS_TYPE = "节创价值"
PATENT_TYPES = ("发明专利", "实用新型专利", "外观设计专利")
SOFTWARE_COPYRIGHT = "软件著作权"
OUTCOME_TYPES = (
    SAVINGS_TYPE,
    *PATENT_TYPES,
    SOFTWARE_COPYRIGHT,
    "论文",
    "制度",
    "流程",
    "标准",
    "技术图纸",
    "研制总结",
    "试验报告",
    "QC成果",
    "其他",
)
# English header words analysts use for each outcome type when it appears as a column of a projects sheet.
OUTCOME_TYPE_EN = {
    SAVINGS_TYPE: "savings",
    "发明专利": "invention_patents",
    "实用新型专利": "utility_model_patents",
    "外观设计专利": "design_patents",
    SOFTWARE_COPYRIGHT: "software_copyrights",
    "论文": "papers",
    "制度": "regulations",
    "流程": "processes",
    "标准": "standards",
    "技术图纸": "technical_drawings",
    "研制总结": "development_summaries",
    "试验报告": "test_reports",
    "QC成果": "qc_results",
    "其他": "other_outcomes",
}
# The figure column of each patent type in metric frames (kpis_by_group.sql names them so).
PATENT_COLUMNS = {kind: OUTCOME_TYPE_EN[kind] for kind in PATENT_TYPES}
AWARD_LEVELS = ("国家级", "省部级", "集团级", "公司级")
AWARD_DECLARED = "申报"
AWARD_WON = "获奖"
AWARD_RESULTS = (AWARD_DECLARED, AWARD_WON)
UNIT_KINDS = ("集团", "公司", "研究所", "党委", "党总支", "党支部", "其他")
BRANCH_KIND = "党支部"
# Studio targets and actuals: (canonical dimension, zh-CN name). Headers are <zh>目标 / <zh>完成.
STUDIO_DIMENSIONS = (
    ("projects", "创新项目数"),
    ("breakthroughs", "技术攻关数"),
    ("apprentices", "导师带徒数"),
    ("exchanges", "学习交流次数"),
)
STUDIO_DELIST_YEARS = 2
# The contract's bounds, stated once: the parser, the template's validation and the schema's CHECKs follow them.
YEAR_BOUNDS = (1949, 2100)  # the store holds nothing before the People's Republic
NAME_MAX_LENGTH = 100  # names of units, projects, studios, people: longer is a pasted paragraph, not a name
TEXT_MAX_LENGTH = 2000  # free text (a note, an award's name)


@dataclass(frozen=True)
class Column:
    """One canonical column: its stored name, the zh-CN header, how cells are read, and header synonyms."""

    name: str
    zh: str
    # text | int | number (non-negative decimal) | wan (money in 万元) | date | year | choice | quarter
    # | points (signed number)
    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    default: object = None  # what an empty cell or an absent column means; None = unknown
    max_length: int | None = None  # text: at most this many characters once trimmed

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        """Smallest and largest allowed value of a number or year column ((None, None) for the others)."""
        if self.kind == "year":
            return YEAR_BOUNDS
        if self.kind == "quarter":
            return (1, 4)
        if self.kind in ("int", "number", "wan"):
            return (0, None)  # counts and money are never negative
        return (None, None)

    @property
    def length_limit(self) -> int | None:
        if self.kind != "text":
            return None
        return self.max_length or TEXT_MAX_LENGTH


def name_column(name: str, zh: str, required: bool = False, synonyms: tuple[str, ...] = ()) -> Column:
    """A text column that names a thing (a unit, project, studio or person): at most NAME_MAX_LENGTH characters."""
    return Column(name, zh, "text", required, synonyms=synonyms, max_length=NAME_MAX_LENGTH)


@dataclass(frozen=True)
class SheetKind:
    """A kind of sheet: its canonical columns and the columns that identify one record."""

    name: str
    zh: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    aliases: tuple[str, ...] = field(default=())

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


UNIT_COLUMN = name_column(
    "unit", "单位", True, synonyms=("单位名称", "所属单位", "所在单位", "部门", "党组织", "组织名称")
)

UNITS = SheetKind(
    "units",
    "单位",
    (
        name_column("unit", "单位名称", True, synonyms=("单位", "组织名称", "党组织名称")),
        name_column("parent", "上级单位", synonyms=("上级", "上级组织", "所属上级", "上级党组织")),
        Column("kind", "单位类型", "choice", choices=UNIT_KINDS, synonyms=("类型", "组织类型", "单位类别")),
    ),
    key=("unit",),
    aliases=("单位", "组织", "组织架构", "units"),
)

HEADCOUNT = SheetKind(
    "headcount",
    "党员人数",
    (
        UNIT_COLUMN,
        Column("year", "年度", "year", True, synonyms=("年份", "统计年度")),
        Column("party_members", "党员总数", "int", synonyms=("党员人数", "党员数")),
        Column("participating_members", "参与党员数", "int", synonyms=("参与党员人数", "参加党员数")),
        Column("branches", "党支部数", "int", synonyms=("支部数", "党支部数量")),
        Column("employees", "职工总数", "int", synonyms=("职工人数", "员工总数", "员工人数")),
        # issue 16: staff holding a professional or skill title (optional), the numerator of 职称占比
        Column(
            "titled_employees", "职称人数", "int", synonyms=("有职称人数", "职称人员数", "持证人数", "titled_staff")
        ),
    ),
    key=("unit", "year"),
    aliases=("党员人数", "党员", "人数", "headcount"),
)

PROJECTS = SheetKind(
    "projects",
    "项目",
    (
        name_column("project_id", "项目编号", True, synonyms=("编号", "项目代码", "课题编号", "id")),
        name_column("name", "项目名称", True, synonyms=("名称", "课题名称", "项目题目", "课题")),
        UNIT_COLUMN,
        name_column("branch", "党支部", synonyms=("所属支部", "支部", "所属党支部", "党支部名称")),
        Column("program", "活动类型", "choice", choices=PROGRAMS, synonyms=("活动", "项目类型", "载体", "活动载体")),
        Column("category", "项目类别", "choice", choices=CATEGORIES, synonyms=("类别", "项目分类", "分类")),
        name_column("leader", "负责人", synonyms=("项目负责人", "牵头人", "领衔人")),
        Column("year", "年度", "year", synonyms=("年份", "立项年度")),
        Column("start_date", "立项日期", "date", synonyms=("立项时间", "开始日期", "开始时间")),
        Column(
            "end_date", "结题日期", "date", synonyms=("结题时间", "完成日期", "完成时间", "计划完成时间", "结束日期")
        ),
        Column("status", "状态", "choice", choices=STATUSES, synonyms=("项目状态", "进展", "进度状态")),
        Column("party_participants", "参与党员数", "int", synonyms=("参与党员人数", "党员人数")),
        Column("participants", "参与人数", "int", synonyms=("参与总人数", "团队人数", "成员人数")),
    ),
    key=("project_id",),
    aliases=("项目", "项目汇总表", "项目清单", "projects"),
)

OUTCOMES = SheetKind(
    "outcomes",
    "成果",
    (
        name_column("project_id", "项目编号", synonyms=("编号", "课题编号")),
        name_column("unit", "单位", synonyms=("单位名称", "所属单位")),
        Column("outcome_type", "成果类型", "choice", True, choices=OUTCOME_TYPES, synonyms=("成果形式", "类型")),
        Column("quantity", "数量", "int", synonyms=("件数", "项数"), default=1),
        Column("value_wan", "节创价值(万元)", "wan", synonyms=("节创价值", "创效金额", "效益", "创效", "金额")),
        Column("year", "年度", "year", synonyms=("年份",)),
        Column("date", "日期", "date", synonyms=("取得日期", "授权日期", "时间")),
        Column("note", "说明", "text", synonyms=("备注", "成果名称", "描述"), default=""),
    ),
    key=("project_id", "unit", "outcome_type", "year", "note", "source"),
    aliases=("成果", "成果清单", "outcomes"),
)

AWARDS = SheetKind(
    "awards",
    "获奖",
    (
        name_column("project_id", "项目编号", True, synonyms=("编号", "课题编号")),
        Column("year", "年度", "year", synonyms=("年份", "申报年度")),
        Column("award", "奖项名称", "text", True, synonyms=("奖项", "荣誉名称", "荣誉")),
        Column("level", "级别", "choice", choices=AWARD_LEVELS, synonyms=("奖项级别", "等级")),
        Column("result", "结果", "choice", True, choices=AWARD_RESULTS, synonyms=("评选结果", "是否获奖")),
    ),
    key=("project_id", "year", "award"),
    aliases=("获奖", "奖项", "awards"),
)

STUDIOS = SheetKind(
    "studios",
    "创新工作室",
    (
        name_column("studio", "工作室名称", True, synonyms=("工作室", "名称")),
        UNIT_COLUMN,
        name_column("leader", "领衔人", synonyms=("负责人",)),
        Column("level", "级别", "text", synonyms=("工作室级别",)),
        Column("year", "年度", "year", True, synonyms=("年份",)),
        *(
            Column(f"{part}_{dim}", f"{zh}{part_zh}", "int")
            for dim, zh in STUDIO_DIMENSIONS
            for part, part_zh in (("target", "目标"), ("actual", "完成"))
        ),
    ),
    key=("studio", "year"),
    aliases=("创新工作室", "工作室", "studios"),
)

# ---- People (issue 16): the talent pools, honours (craftsman and other titles) and training ------------------------

TALENT_POOLS = ("后备人才", "雏鹰", "雄鹰", "金鹰")  # in rising order: a move to the right is a promotion
HONOUR_LEVELS = ("国家级", "省部级", "行业", "市级", "集团级", "公司级")
YES, NO = "是", "否"
YES_NO = (YES, NO)
# Usual training types; the column is free text, these are only the template's example and the charts' order.
TRAINING_TYPES = ("班组长", "营销精英", "青年高潜", "青马工程", "技能", "其他")
# People sheets carry this derived column: the 工号 when given, else the 姓名 (one person within a unit).
PERSON_KEY = "person_key"
PERSON_KINDS = ("talent", "honours")

_PERSON = name_column("person", "姓名", True, synonyms=("人员", "人员姓名", "员工姓名", "名字"))
_EMPLOYEE_ID = name_column("employee_id", "工号", synonyms=("员工编号", "职工编号", "员工工号", "人员编号"))

TALENT = SheetKind(
    "talent",
    "人才",
    (
        _EMPLOYEE_ID,
        _PERSON,
        UNIT_COLUMN,
        Column("year", "年度", "year", True, synonyms=("年份", "入库年度", "统计年度")),
        Column(
            "pool",
            "人才库",
            "choice",
            choices=TALENT_POOLS,
            synonyms=("梯队", "层级", "人才层级", "人才梯队", "所在库"),
        ),
        name_column("mentor", "导师", synonyms=("带教导师", "师傅", "指导老师")),
        Column("professional_title", "职称", "text", synonyms=("技术职称", "职称等级", "技能等级", "职业资格")),
        Column("party_member", "是否党员", "choice", choices=YES_NO, synonyms=("党员", "政治面貌是否党员")),
    ),
    key=("unit", PERSON_KEY, "year"),
    aliases=("人才", "人才库", "三鹰计划", "人才梯队", "talent"),
)

HONOURS = SheetKind(
    "honours",
    "荣誉",
    (
        _PERSON,
        _EMPLOYEE_ID,
        UNIT_COLUMN,
        Column("year", "年度", "year", True, synonyms=("年份", "授予年度", "获评年度")),
        Column("title", "称号", "text", True, synonyms=("荣誉称号", "荣誉", "称号名称", "工匠称号")),
        Column("level", "级别", "choice", choices=HONOUR_LEVELS, synonyms=("荣誉级别", "称号级别", "等级")),
    ),
    key=("unit", PERSON_KEY, "year", "title"),
    aliases=("荣誉", "荣誉称号", "工匠", "honours", "honors"),
)

TRAINING = SheetKind(
    "training",
    "培训",
    (
        Column("session", "培训名称", "text", True, synonyms=("培训项目", "培训班", "培训班名称", "培训主题")),
        Column("training_type", "培训类型", "text", synonyms=("类型", "培训类别", "类别")),
        UNIT_COLUMN,
        Column("date", "日期", "date", True, synonyms=("培训日期", "培训时间", "开班日期", "时间")),
        Column("attendees", "参训人数", "int", synonyms=("人数", "参训人次", "培训人数", "培训人次", "人次")),
        Column("hours", "学时", "number", synonyms=("培训学时", "课时", "时长(小时)", "小时")),
    ),
    key=("session", "unit", "date"),
    aliases=("培训", "培训台账", "培训计划", "training"),
)

PEOPLE_KINDS = (TALENT, HONOURS, TRAINING)
# ---- end of people ----------------------------------------------------------------------------------------------

SHEET_KINDS = {kind.name: kind for kind in (UNITS, HEADCOUNT, PROJECTS, OUTCOMES, AWARDS, STUDIOS, *PEOPLE_KINDS)}
# Load order: units first so every other sheet can refer to them; projects before their outcomes and awards.
LOAD_ORDER = ("units", "headcount", "projects", "outcomes", "awards", "studios", *(k.name for k in PEOPLE_KINDS))


def person_keys(employee_ids, persons):
    """The person_key column: each row's 工号 when given, else its 姓名 (two 工号 with one name are two people)."""
    return employee_ids.where(employee_ids.notna(), persons)


# ---- issue 17: running the programme (progress checks, 书记项目 lists, suggestions, point adjustments) ----------
CHECK_PROGRESS = ("正常", "滞后", "停滞", "已完成")
CHECK_ON_TRACK = ("正常", "已完成")  # 按期: the checks that count towards the on-track rate
CHECK_BEHIND = ("滞后", "停滞")  # a check that shows one of these earns a yellow card
CHECK_OPEN_STATUSES = ("立项", "实施中")  # projects that must be checked every quarter
CHECK_RED_QUARTERS = 2  # consecutive quarterly checks behind that make a yellow card red
QUARTERS = (1, 2, 3, 4)
QUARTER_ZH = ("一季度", "二季度", "三季度", "四季度")
LIST_GOAL, LIST_PROBLEM, LIST_FIX, LIST_RESULT = "目标", "问题", "整改", "成果"
LIST_KINDS = (LIST_GOAL, LIST_PROBLEM, LIST_FIX, LIST_RESULT)
SUGGESTION_STATUSES = ("已受理", "已采纳", "未采纳", "已办结")
SUGGESTION_ADOPTED = ("已采纳", "已办结")
SUGGESTION_DONE = "已办结"

CHECKS = SheetKind(
    "checks",
    "进展检查",
    (
        name_column("project_id", "项目编号", True, synonyms=("编号", "课题编号")),
        Column("year", "年度", "year", synonyms=("年份", "检查年度")),
        Column("quarter", "季度", "quarter", synonyms=("检查季度", "季度别", "检查期", "quarter_no")),
        Column(
            "progress", "进度", "choice", choices=CHECK_PROGRESS, synonyms=("进展情况", "进展", "进度情况", "推进情况")
        ),
        Column("check_date", "检查日期", "date", synonyms=("检查时间", "督查日期")),
        Column("issue", "存在问题", "text", synonyms=("问题", "主要问题", "存在的问题")),
        Column("action", "整改措施", "text", synonyms=("措施", "下步措施", "整改要求")),
    ),
    key=("project_id", "year", "quarter"),
    aliases=("进展检查", "项目进展检查表", "进展检查表", "检查", "checks"),
)

SECRETARY_LISTS = SheetKind(
    "secretary_lists",
    "书记项目清单",
    (
        name_column("project_id", "项目编号", True, synonyms=("编号", "书记项目编号")),
        Column("list", "清单", "choice", True, choices=LIST_KINDS, synonyms=("清单类型", "清单类别", "list_type")),
        Column("item_no", "序号", "int", synonyms=("条目序号", "编号序号", "no")),
        Column("item", "内容", "text", True, synonyms=("清单内容", "事项", "具体内容", "条目")),
        name_column("owner", "责任人", synonyms=("负责人", "责任领导")),
        Column("due_date", "完成时限", "date", synonyms=("计划完成时间", "时限", "完成期限")),
        Column("done_date", "完成日期", "date", synonyms=("实际完成时间", "完成时间", "销号日期")),
        Column("answers", "对应问题", "int", synonyms=("对应问题序号", "针对问题")),
    ),
    key=("project_id", "list", "item_no"),
    aliases=("书记项目清单", "四张清单", "清单", "secretary_lists"),
)

SUGGESTIONS = SheetKind(
    "suggestions",
    "建议",
    (
        name_column("suggestion_id", "建议编号", True, synonyms=("编号", "金点子编号", "合理化建议编号")),
        UNIT_COLUMN,
        name_column("proposer", "提出人", synonyms=("建议人", "姓名")),
        Column("date", "日期", "date", synonyms=("提出日期", "提交日期", "建议日期")),
        Column("content", "内容", "text", synonyms=("建议内容", "金点子", "建议", "合理化建议")),
        Column("status", "状态", "choice", choices=SUGGESTION_STATUSES, synonyms=("办理状态", "处理状态")),
        Column("done_date", "办结日期", "date", synonyms=("办结时间", "完成日期")),
        Column("value_wan", "节创价值(万元)", "wan", synonyms=("节创价值", "创效金额", "效益")),
    ),
    key=("suggestion_id",),
    aliases=("建议", "我为企业献一策", "金点子", "合理化建议", "suggestions"),
)

POINT_ADJUSTMENTS = SheetKind(
    "point_adjustments",
    "积分调整",
    (
        name_column("project_id", "项目编号", synonyms=("编号", "课题编号")),
        name_column("unit", "单位", synonyms=("单位名称", "所属单位")),
        Column("year", "年度", "year", synonyms=("年份",)),
        Column("date", "日期", "date", synonyms=("调整日期", "时间")),
        Column("points", "分值", "points", True, synonyms=("积分", "分数", "加减分", "调整分值")),
        Column("adjustment_reason", "事由", "text", synonyms=("reason", "原因", "说明", "备注", "调整事由")),
    ),
    key=("project_id", "unit", "date", "adjustment_reason"),
    aliases=("积分调整", "积分", "point_adjustments"),
)

RUNNING_KINDS = (CHECKS, SECRETARY_LISTS, SUGGESTIONS, POINT_ADJUSTMENTS)
SHEET_KINDS.update({kind.name: kind for kind in RUNNING_KINDS})
LOAD_ORDER = (*LOAD_ORDER, *(kind.name for kind in RUNNING_KINDS))
# Facts that must name a project already stored or uploaded alongside them.
PROJECT_FACTS = ("outcomes", "awards", "checks", "secretary_lists", "point_adjustments")
# The default points rule table (项目积分制): rule -> points. 节创价值 earns its points per SAVINGS_POINT_STEP 万元;
# 获奖 rules are per level; the admin's changes are stored in point_rules and override these.
AWARD_RULE_PREFIX = "获奖:"
SUGGESTION_RULE = "建议已采纳"
ADJUSTMENT_RULE = "积分调整"
SAVINGS_POINT_STEP = 10.0
DEFAULT_POINT_RULES = (
    (STATUSES[0], 1.0),
    (STATUS_COMPLETED, 2.0),
    (SAVINGS_TYPE, 1.0),
    ("发明专利", 3.0),
    ("实用新型专利", 1.0),
    ("外观设计专利", 1.0),
    (SOFTWARE_COPYRIGHT, 1.0),
    *((AWARD_RULE_PREFIX + level, points) for level, points in zip(AWARD_LEVELS, (10.0, 6.0, 3.0, 1.0), strict=True)),
    (SUGGESTION_RULE, 1.0),
)
