"""The demo workbook read back: canonical sheets and headers, vocab values, referential integrity, the planted cases."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from analytics.contract import vocab
from analytics.demo import generator as demo

ROOT = Path(__file__).resolve().parents[1]
YEARS = {2021, 2022, 2023, 2024, 2025}
RUNNING_SHEETS = ["进展检查", "书记项目清单", "建议", "积分调整"]  # issue 17


@pytest.fixture(scope="module")
def workbook_bytes() -> bytes:
    return demo.build_demo_workbook()


@pytest.fixture(scope="module")
def book(workbook_bytes) -> dict[str, tuple[list[str], list[dict]]]:
    """Sheet kind name -> (header row, rows as {canonical column name: value})."""
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    by_zh = {kind.zh: kind for kind in vocab.SHEET_KINDS.values()}
    out = {}
    for ws in wb.worksheets:
        kind = by_zh[ws.title]
        values = list(ws.iter_rows(values_only=True))
        header = list(values[0])
        names = {c.zh: c.name for c in kind.columns}
        rows = [{names[h]: v for h, v in zip(header, row, strict=True)} for row in values[1:]]
        out[kind.name] = (header, rows)
    return out


def rows(book, kind: str) -> list[dict]:
    return book[kind][1]


def test_same_seed_same_bytes_and_another_seed_differs(workbook_bytes):
    assert demo.build_demo_workbook(demo.DEFAULT_SEED) == workbook_bytes
    assert demo.build_demo_workbook(7) != workbook_bytes


def test_committed_demo_file_is_the_generated_one(workbook_bytes):
    assert (ROOT / "data" / "demo.xlsx").read_bytes() == workbook_bytes


def test_main_writes_the_workbook(tmp_path, workbook_bytes):
    out = tmp_path / "sub" / "demo.xlsx"
    demo.main(["--out", str(out)])
    assert out.read_bytes() == workbook_bytes


def test_sheets_in_load_order_with_exact_canonical_headers(workbook_bytes, book):
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes))
    people = ["人才", "荣誉", "培训"]
    assert wb.sheetnames == ["单位", "党员人数", "项目", "成果", "获奖", "创新工作室", *people, *RUNNING_SHEETS]
    assert wb.sheetnames == [vocab.SHEET_KINDS[name].zh for name in vocab.LOAD_ORDER]
    for name in vocab.LOAD_ORDER:
        assert book[name][0] == [c.zh for c in vocab.SHEET_KINDS[name].columns]
    assert book["studios"][0][5:7] == ["创新项目数目标", "创新项目数完成"]


def test_values_obey_the_column_kinds(book):
    for name in vocab.LOAD_ORDER:
        kind = vocab.SHEET_KINDS[name]
        for row in rows(book, name):
            for column in kind.columns:
                value = row[column.name]
                if column.required:
                    assert value not in (None, ""), (name, column.name, row)
                if value is None:
                    continue
                if column.kind == "choice":
                    assert value in column.choices, (name, column.name, value)
                elif column.kind in ("int", "year"):
                    assert isinstance(value, int) and value >= 0, (name, column.name, value)
                elif column.kind in ("wan", "number"):
                    assert isinstance(value, int | float) and value >= 0
                elif column.kind == "quarter":
                    assert value in vocab.QUARTERS, (name, column.name, value)
                elif column.kind == "points":
                    assert isinstance(value, int | float) and value != 0, (name, column.name, value)
                elif column.kind == "date":
                    assert isinstance(value, dt.datetime)
                else:
                    assert isinstance(value, str) and value == value.strip() and value


def test_no_duplicate_keys(book):
    for name in vocab.LOAD_ORDER:
        kind = vocab.SHEET_KINDS[name]
        # "source" and "person_key" are set by the loader, not columns of the sheet.
        key = [k for k in kind.key if k not in ("source", vocab.PERSON_KEY)]
        if name in vocab.PERSON_KINDS:
            key.append("employee_id")  # every demo person has a 工号
        counts = Counter(tuple(row[k] for k in key) for row in rows(book, name))
        assert [k for k, n in counts.items() if n > 1] == [], name


def test_unit_tree(book):
    units = {r["unit"]: r for r in rows(book, "units")}
    assert len(units) == len(rows(book, "units"))
    roots = [u for u, r in units.items() if r["parent"] is None]
    assert roots == [demo.GROUP]
    assert units[demo.GROUP]["kind"] == "集团"
    for unit, row in units.items():
        assert row["parent"] is None or row["parent"] in units, unit
    companies = [u for u, r in units.items() if r["parent"] == demo.GROUP]
    assert len(companies) == 5
    assert {units[c]["kind"] for c in companies} == {"公司", "研究所"}
    for company in companies:
        committees = [u for u, r in units.items() if r["parent"] == company]
        assert [units[c]["kind"] for c in committees] == ["党委"]
    branches = [u for u, r in units.items() if r["kind"] == vocab.BRANCH_KIND]
    assert 40 <= len(branches) <= 55
    assert {units[units[b]["parent"]]["kind"] for b in branches} == {"党委", "党总支"}
    assert all(b.endswith("党支部") for b in branches)


def test_headcount_one_row_per_branch_and_year_plus_the_stated_group_row(book):
    units = {r["unit"]: r for r in rows(book, "units")}
    branches = {u for u, r in units.items() if r["kind"] == vocab.BRANCH_KIND}
    headcount = rows(book, "headcount")
    assert {r["unit"] for r in headcount} == branches | {demo.GROUP}
    assert Counter(r["unit"] for r in headcount) == {u: 5 for u in branches | {demo.GROUP}}
    for year in YEARS:
        below = [r for r in headcount if r["year"] == year and r["unit"] in branches]
        group = next(r for r in headcount if r["year"] == year and r["unit"] == demo.GROUP)
        assert all(r["branches"] == 1 for r in below)
        assert group["branches"] == len(branches)
        members = sum(r["party_members"] for r in below)
        assert members < group["party_members"] <= members + 50
        assert group["participating_members"] <= group["party_members"]
        assert group["employees"] > sum(r["employees"] for r in below)
    for row in headcount:
        if row["participating_members"] is not None:
            assert row["participating_members"] <= row["party_members"] <= row["employees"]


def test_one_company_has_unknown_participation_in_2021_only(book):
    units = {r["unit"]: r for r in rows(book, "units")}

    def company(unit: str) -> str:
        while units[unit]["kind"] not in ("公司", "研究所"):
            unit = units[unit]["parent"]
        return unit

    unknown = [r for r in rows(book, "headcount") if r["participating_members"] is None]
    assert {(company(r["unit"]), r["year"]) for r in unknown} == {("岳川工具研究所", 2021)}
    company_branches = {
        u for u, r in units.items() if r["kind"] == vocab.BRANCH_KIND and company(u) == "岳川工具研究所"
    }
    assert {r["unit"] for r in unknown} == company_branches


def test_participation_rises_for_most_branches(book):
    by_unit: dict[str, dict[int, float]] = {}
    for r in rows(book, "headcount"):
        if r["participating_members"] is not None and r["unit"] != demo.GROUP:
            by_unit.setdefault(r["unit"], {})[r["year"]] = r["participating_members"] / r["party_members"]
    rising = [u for u, rates in by_unit.items() if rates[2025] > rates[2022]]
    assert len(rising) >= 0.7 * len(by_unit)
    rates = [rate for unit in by_unit.values() for rate in unit.values()]
    assert min(rates) >= 0.68 and max(rates) == 1.0


def test_projects_volume_vocabularies_and_ids(book):
    projects = rows(book, "projects")
    assert 400 <= len(projects) <= 600
    assert {p["year"] for p in projects} == YEARS
    assert {p["program"] for p in projects} == set(vocab.PROGRAMS)
    assert {p["category"] for p in projects} == set(vocab.CATEGORIES)
    assert {p["status"] for p in projects} == set(vocab.STATUSES)
    for p in projects:
        prefix, year, seq = p["project_id"].split("-")
        assert (prefix, int(year), len(seq)) == ("YC", p["year"], 4)
        assert p["start_date"].year == p["year"] and p["end_date"] > p["start_date"]
        assert 0 < p["party_participants"] <= p["participants"]
    by_year = Counter(p["year"] for p in projects)
    assert by_year[2025] > by_year[2021]
    assert len({p["name"] for p in projects}) == len(projects)


def test_category_mix_is_near_the_seeds(book):
    counts = Counter(p["category"] for p in rows(book, "projects"))
    total = sum(counts.values())
    # Seeds: 60 : 25 : 62 : 8 of 155.
    for category, seed_share in (
        ("科研生产", 60 / 155),
        ("安全质量", 25 / 155),
        ("精益管理", 62 / 155),
        ("党建", 8 / 155),
    ):
        assert abs(counts[category] / total - seed_share) < 0.06, category
    assert 0 < counts["其他"] < counts["党建"]


def test_projects_belong_to_branches(book):
    units = {r["unit"]: r for r in rows(book, "units")}
    for p in rows(book, "projects"):
        assert units[p["unit"]]["kind"] == vocab.BRANCH_KIND
        assert p["branch"] in (None, p["unit"])
    assert any(p["branch"] is None for p in rows(book, "projects"))


def test_statuses_follow_the_years(book):
    projects = rows(book, "projects")
    old = [p for p in projects if p["year"] <= 2022]
    assert {p["status"] for p in old} == {vocab.STATUS_COMPLETED, vocab.STATUS_STOPPED}
    assert all(p["status"] != "立项" for p in projects if p["year"] < 2025)
    as_of = dt.datetime.combine(demo.AS_OF, dt.time())
    overdue = [p for p in projects if p["status"] == "实施中" and p["end_date"] < as_of]
    assert 5 <= len(overdue) <= 40
    assert all(p["end_date"] <= as_of for p in projects if p["status"] == vocab.STATUS_COMPLETED)


def test_outcomes_reference_projects_or_units_and_cover_every_type(book):
    projects = {p["project_id"]: p for p in rows(book, "projects")}
    units = {r["unit"] for r in rows(book, "units")}
    outcomes = rows(book, "outcomes")
    for o in outcomes:
        assert (o["project_id"] is None) != (o["unit"] is None), o
        assert o["project_id"] in projects if o["project_id"] else o["unit"] in units
        assert o["year"] in YEARS
        if o["outcome_type"] == vocab.SAVINGS_TYPE:
            assert o["value_wan"] > 0
        else:
            assert o["value_wan"] is None
        assert o["quantity"] >= 1
        if o["outcome_type"] == "QC成果":
            assert projects[o["project_id"]]["program"] == "QC课题"
    counts = Counter(o["outcome_type"] for o in outcomes)
    assert set(counts) == set(vocab.OUTCOME_TYPES)
    assert min(counts.values()) >= 3
    unit_level = [o for o in outcomes if o["unit"]]
    assert 3 <= len(unit_level) < 0.05 * len(outcomes)
    assert {o["outcome_type"] for o in unit_level} >= set(vocab.PATENT_TYPES)


def test_savings_have_a_long_tail(book):
    values = [o["value_wan"] for o in rows(book, "outcomes") if o["outcome_type"] == vocab.SAVINGS_TYPE]
    assert len(values) > 0.5 * len(rows(book, "projects"))
    assert sum(2 <= v <= 50 for v in values) > 0.75 * len(values)
    assert 3 <= sum(v >= 100 for v in values) <= 0.1 * len(values)
    assert max(values) <= 300


def test_patents_by_type(book):
    patents = Counter()
    for o in rows(book, "outcomes"):
        if o["outcome_type"] in vocab.PATENT_TYPES:
            patents[o["outcome_type"]] += o["quantity"]
    assert patents["实用新型专利"] > 2 * patents["发明专利"] > 2 * patents["外观设计专利"] > 0


def test_awards_at_every_level_about_half_won(book):
    projects = {p["project_id"]: p for p in rows(book, "projects")}
    awards = rows(book, "awards")
    assert {(a["level"], a["result"]) for a in awards} == {
        (level, result) for level in vocab.AWARD_LEVELS for result in vocab.AWARD_RESULTS
    }
    for a in awards:
        assert a["project_id"] in projects
        assert projects[a["project_id"]]["year"] <= a["year"] <= 2025
    won = sum(a["result"] == vocab.AWARD_WON for a in awards)
    assert 40 <= len(awards) <= 150
    assert 0.35 <= won / len(awards) <= 0.65


def studio_misses(book) -> dict[str, list[int]]:
    misses: dict[str, list[int]] = {}
    for row in rows(book, "studios"):
        missed = any(row[f"actual_{dim}"] < row[f"target_{dim}"] for dim, _zh in vocab.STUDIO_DIMENSIONS)
        misses.setdefault(row["studio"], [])
        if missed:
            misses[row["studio"]].append(row["year"])
    return misses


def test_studios_one_row_per_year_with_the_planted_misses(book):
    units = {r["unit"]: r for r in rows(book, "units")}
    studios = rows(book, "studios")
    assert Counter(s["studio"] for s in studios) == {name: 5 for name, *_ in demo.STUDIOS}
    assert len(demo.STUDIOS) == 6
    for s in studios:
        assert units[s["unit"]]["kind"] in ("公司", "研究所")
        assert s["level"] in ("国家级", "省级", "集团级")
    assert studio_misses(book) == {
        name: ([2024, 2025] if name == "赵志强劳模创新工作室" else [2025] if name == "陈立新职工创新工作室" else [])
        for name, *_ in demo.STUDIOS
    }


# ---- People (issue 16) -------------------------------------------------------------------------------------------


def test_talent_pipelines_grow_with_promotions_and_a_few_exits(book):
    talent = rows(book, "talent")
    by_year = {year: Counter(r["pool"] for r in talent if r["year"] == year) for year in sorted(YEARS)}
    totals = [sum(by_year[year].values()) for year in sorted(YEARS)]
    assert totals == sorted(totals) and totals[-1] > totals[0] * 1.4
    # Per company in 2025 about the seeds' 后备人才 20, 雏鹰 20, 雄鹰 10, 金鹰 2.
    assert 15 * 5 <= by_year[2025]["后备人才"] <= 25 * 5 and 15 * 5 <= by_year[2025]["雏鹰"] <= 25 * 5
    assert 6 * 5 <= by_year[2025]["雄鹰"] <= 10 * 5 and 1 * 5 <= by_year[2025]["金鹰"] <= 3 * 5
    pools = {(r["employee_id"], r["year"]): vocab.TALENT_POOLS.index(r["pool"]) for r in talent}
    rose = sum(1 for (who, year), rank in pools.items() if pools.get((who, year - 1), rank) < rank)
    left = sum(1 for (who, year) in pools if year < 2025 and (who, year + 1) not in pools)
    assert rose > 100 and 20 < left < rose
    assert all(r["unit"].endswith("党支部") for r in talent)


def test_titles_and_training_match_the_seeds(book):
    honours = rows(book, "honours")
    titles = Counter(r["title"] for r in honours)
    assert (titles["机械工业工匠"], titles["成都工匠"]) == (1, 8)
    assert len({(r["employee_id"], r["title"]) for r in honours}) == len(honours)
    training = rows(book, "training")
    per_year = Counter(r["date"].year for r in training)
    assert per_year[2025] >= 40 and per_year[2021] < per_year[2025]
    assert {r["training_type"] for r in training} == {"班组长", "营销精英", "青年高潜", "青马工程", "技能"}


def test_titled_staff_about_two_thirds_and_one_company_unreported_in_2021(book):
    headcount = rows(book, "headcount")
    group = {r["year"]: r for r in headcount if r["unit"] == demo.GROUP}
    assert all(0.55 < r["titled_employees"] / r["employees"] < 0.7 for r in group.values())
    missing = {(r["unit"][:4], r["year"]) for r in headcount if r["titled_employees"] is None}
    assert missing == {("新材公司", 2021)}


# ---- issue 17: running the programme ----------------------------------------------------------------------------
def test_checks_every_quarter_with_projects_sliding_into_yellow_and_red(book):
    projects = {p["project_id"]: p for p in rows(book, "projects")}
    checks = rows(book, "checks")
    assert all(c["project_id"] in projects for c in checks)
    assert {(c["year"], c["quarter"]) for c in checks} >= {(y, q) for y in YEARS for q in vocab.QUARTERS}
    behind: dict[str, list[int]] = {}
    for c in checks:
        if c["progress"] in vocab.CHECK_BEHIND:
            behind.setdefault(c["project_id"], []).append(c["year"] * 4 + c["quarter"])
    red = [pid for pid, quarters in behind.items() if any(q + 1 in quarters for q in quarters)]
    yellow_only = [pid for pid in behind if pid not in red]
    assert len(red) >= 3 and len(yellow_only) >= 3
    # A few open projects were not checked in the last demo quarter: 未检查.
    last = {c["project_id"] for c in checks if (c["year"], c["quarter"]) == (2025, 4)}
    open_projects = {pid for pid, p in projects.items() if p["status"] in vocab.CHECK_OPEN_STATUSES}
    assert 1 <= len(open_projects - last) <= 0.15 * len(open_projects)


def test_secretary_lists_open_and_closed(book):
    projects = {p["project_id"]: p for p in rows(book, "projects")}
    items = rows(book, "secretary_lists")
    assert {projects[i["project_id"]]["program"] for i in items} == {"书记项目"}
    assert {i["list"] for i in items} == set(vocab.LIST_KINDS)
    fixes = [i for i in items if i["list"] == vocab.LIST_FIX]
    assert all(i["answers"] == i["item_no"] for i in fixes)
    assert any(i["done_date"] is None for i in fixes) and any(i["done_date"] is not None for i in fixes)


def test_suggestions_and_point_adjustments(book):
    units = {r["unit"] for r in rows(book, "units")}
    ideas = rows(book, "suggestions")
    assert {i["status"] for i in ideas} == set(vocab.SUGGESTION_STATUSES)
    assert all(i["unit"] in units for i in ideas)
    assert all(i["done_date"] is not None for i in ideas if i["status"] == vocab.SUGGESTION_DONE)
    adjustments = rows(book, "point_adjustments")
    assert any(a["points"] < 0 for a in adjustments) and any(a["points"] > 0 for a in adjustments)
    assert any(a["project_id"] for a in adjustments) and any(a["unit"] for a in adjustments)
