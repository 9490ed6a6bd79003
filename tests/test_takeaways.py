"""Takeaway sentences, the glossary and the chart builders, from small frames built by hand."""

import datetime as dt

import pandas as pd
import pytest

from analytics.charts import awards as award_charts
from analytics.charts import layout as chart_layout
from analytics.charts import patents as patent_charts
from analytics.charts import rates as rate_charts
from analytics.charts import savings as savings_charts
from analytics.charts import studios as studio_charts
from analytics.charts.layout import FONT_FAMILY, PROGRAM_COLOURS
from analytics.contract import definitions
from analytics.display import takeaways
from analytics.i18n import TABLE, pages_text, ui_text

BY_UNIT = pd.DataFrame(
    {
        "unit": ["一磨所", "三磨所", "工具所"],
        "participation_rate": [0.81, 0.96, None],
        "savings_wan": [120.0, 80.5, 300.25],
        "patent_count": [4, 9, 0],
        "software_copyrights": [1, 0, 2],
        "award_rate": [0.5, None, 0.25],
        "branch_coverage": [1.0, 0.5, 0.75],
        "invention_patents": [1, 2, 0],
        "utility_model_patents": [3, 6, 0],
        "design_patents": [0, 1, 0],
    }
)


def test_highest_in_both_languages():
    # 工具所's participation is unknown: left out of the comparison, and said so.
    assert (
        takeaways.highest(BY_UNIT, "participation_rate") == "三磨所党员参与率最高，为 96.0%；另有1个单位党员参与率未知"
    )
    assert (
        takeaways.highest(BY_UNIT, "participation_rate", "en")
        == "三磨所 has the highest Party member participation: 96.0%;"
        " Party member participation unknown for 1 other unit"
    )
    assert (
        takeaways.highest(BY_UNIT, "savings_wan", average=500.75)
        == "工具所节创价值最高，为 300.2 万元；整体为 500.8 万元"
    )
    unknown = BY_UNIT.assign(participation_rate=[None, None, None])
    assert takeaways.highest(unknown, "participation_rate") == "所选范围内没有可比较的数据。"


def test_year_change_in_points_for_rates_and_wan_for_money():
    by_year = pd.DataFrame(
        {"year": [2023, 2024, 2025], "participation_rate": [0.5, 0.8, 0.75], "savings_wan": [1, 2, 2]}
    )
    assert (
        takeaways.latest_year_change(by_year, "participation_rate")
        == "党员参与率2025年为 75.0%，比2024年减少 5.0个百分点"
    )
    assert takeaways.latest_year_change(by_year, "savings_wan") == "节创价值2025年为 2.0 万元，与2024年持平"
    assert takeaways.latest_year_change(by_year.iloc[:2], "savings_wan", "en") == (
        "Savings value was 2.0 (RMB 10k) in 2024, up 1.0 (RMB 10k) on 2023"
    )
    assert takeaways.latest_year_change(by_year.iloc[[0, 2]], "savings_wan") == "节创价值2025年为 2.0 万元"  # no 2024


def test_ranking_mover_and_concentration():
    ranking = pd.DataFrame({"unit": ["甲", "乙", "丙"], "rank": [1, 2, 3], "rank_change": [0, 2, -2]})
    assert takeaways.ranking_mover(ranking, "savings_per_100_members") == (
        "按百名党员节创价值排名，乙上升最多（上升 2 位，现列第 2）"
    )
    steady = ranking.assign(rank_change=[0, 0, 0])
    assert takeaways.ranking_mover(steady, "projects") == "按项目数排名，甲列第一，各单位排名与上期相比没有上升"
    fresh = ranking.assign(rank_change=pd.array([pd.NA] * 3, dtype="Int64"))
    assert takeaways.ranking_mover(fresh, "projects") == "按项目数排名，甲列第一"
    shares = pd.DataFrame({"unit": ["甲", "乙"], "top_share": [0.9, None]})
    assert takeaways.concentration(shares, 3) == "甲节创价值最集中：前3个项目占 90.0%"


def test_savings_parts_and_top_project():
    parts = pd.DataFrame(
        {
            "unit": ["甲", "甲", "乙", "乙"],
            "dimension": ["program", "program", "program", "category"],
            "value": ["双创", None, "双创", "党建"],
            "savings_wan": [30.0, 50.0, 40.0, 99.0],
        }
    )
    # 双创 70 of 120 in the programme split; the category row is not counted in it.
    assert (
        takeaways.largest_part(parts, "program", unlabelled="单位直报")
        == "双创贡献的节创价值最多，为 70.0 万元，占 58.3%"
    )
    top = pd.DataFrame({"name": ["降本增效"], "owner_unit": ["甲"], "savings_wan": [12.5]})
    assert takeaways.top_project(top) == "节创价值最高的项目是「降本增效」（甲），为 12.5 万元"


def test_patents_outcomes_board_funnel_and_studios():
    assert takeaways.patents_split(BY_UNIT) == "三磨所专利最多，为 9 件；另有软件著作权 3 件，不计入专利"
    counts = pd.DataFrame({"unit": ["甲", "乙"], "论文": [1, 4], "制度": [3, 3]})
    assert takeaways.outcome_leader(counts, str) == "成果中制度最多，共 6 项；乙成果最多（7 项）"
    board = {"completed": 10, "in_progress": 3, "overdue": 1, "stopped": 2}
    assert takeaways.status_board(board, dt.date(2025, 3, 1)) == "截至 2025-03-01，超期未完 1 项，占在研项目的 25.0%"
    funnel = pd.DataFrame(
        {
            "level": ["国家级", "省部级", "集团级", "公司级"],
            "awards_declared": [1, 2, 2, 1],
            "awards_awarded": [0, 1, 2, 0],
        }
    )
    assert takeaways.award_funnel(funnel, str) == "共申报 6 项，获奖 3 项，获奖率 50.0%；集团级获奖最多（2 项）"
    verdicts = pd.DataFrame({"studio": ["甲", "乙", "丙"], "verdict": ["delisted", "warning", "ok"]})
    assert takeaways.studios(verdicts, 2025) == "2025年有 2 个工作室未完成目标，其中 1 个连续两年未达标、应摘牌"
    assert takeaways.studios(verdicts.iloc[[2]], 2025) == "2025年 1 个工作室全部完成目标"


def test_glossary_uses_the_hover_texts_and_every_key_is_translated():
    rows = {row["key"]: row for row in definitions.glossary("zh")}
    assert list(rows) == list(definitions.METRIC_KEYS)
    assert rows["participation_rate"]["definition"] == ui_text.TEXT["metric.participation_rate.def"]["zh"]
    assert rows["award_rate"]["denominator"] == "申报项数（含获奖）"
    for lang in ("zh", "en"):
        for row in definitions.glossary(lang):
            assert all(row.values()), row
    # The pages' section neither shadows another section's key nor lacks a language.
    assert not set(pages_text.TEXT) & set(ui_text.TEXT)
    assert all(set(entry) - {"en_one"} == {"zh", "en"} and all(entry.values()) for entry in pages_text.TEXT.values())
    assert all(f"metric.{key}" in TABLE for key in definitions.METRIC_KEYS)


def test_rate_chart_sorts_marks_unknown_and_carries_units():
    fig = rate_charts.rate_by_unit(BY_UNIT, "participation_rate", "chart.participation_by_unit", "zh", overall=0.9)
    bar = fig.data[0]
    assert list(bar.y) == ["三磨所", "一磨所", "工具所"]
    assert list(bar.text) == ["96.0%", "81.0%", "未知"]
    assert list(bar.customdata) == ["三磨所", "一磨所", "工具所"]
    assert fig.layout.shapes[0].x0 == 0.9  # the overall line
    assert fig.layout.font.family == FONT_FAMILY


def test_savings_chart_colours_each_programme_the_same_everywhere():
    parts = pd.DataFrame(
        {
            "unit": ["甲", "甲", "乙"],
            "dimension": ["program", "program", "program"],
            "value": ["双创", None, "QC课题"],
            "savings_wan": [10.0, 5.0, 30.0],
        }
    )
    fig = savings_charts.savings_by_unit_parts(parts, ["甲", "乙"], "program", "zh")
    colours = {trace.name: trace.marker.color for trace in fig.data}
    assert colours["双创"] == PROGRAM_COLOURS["双创"]
    assert colours["QC课题"] == PROGRAM_COLOURS["QC课题"]
    assert "单位直报（无项目）" in colours
    assert list(fig.data[0].y) == ["乙", "甲"]  # largest total on top
    by_year = pd.DataFrame({"year": [2024, 2024], "program": ["双创", "QC课题"], "savings_wan": [1.0, 2.0]})
    trend = savings_charts.savings_trend_by_program(by_year, "zh")
    assert {t.name: t.marker.color for t in trend.data if t.type == "bar"}["QC课题"] == PROGRAM_COLOURS["QC课题"]


def test_patent_chart_keeps_software_beside_the_stack():
    fig = patent_charts.patents_by_unit(BY_UNIT, "zh")
    by_name = {trace.name: trace for trace in fig.data}
    assert by_name["软件著作权"].offsetgroup == "software"
    assert {by_name[name].offsetgroup for name in ("发明专利", "实用新型专利", "外观设计专利")} == {"patents"}
    # 三磨所 first (9 patents): its design bar starts on top of 2 invention + 6 utility model.
    assert by_name["外观设计专利"].y[0] == "三磨所"
    assert by_name["外观设计专利"].base[0] == 8


def test_studio_chart_colours_missed_red():
    dims = pd.DataFrame(
        {"dimension": ["projects", "breakthroughs"], "target": [3, 2], "actual": [3, 1], "met": [True, False]}
    )
    fig = studio_charts.studio_targets(dims, "甲 · 摘牌", "zh")
    assert [trace.name for trace in fig.data] == ["目标", "完成（达标）", "完成（未达标）"]
    assert [trace.marker.color for trace in fig.data[1:]] == [chart_layout.MET_COLOUR, chart_layout.MISSED_COLOUR]
    assert list(fig.data[1].y) == [3, None]  # projects met
    assert list(fig.data[2].y) == [None, 1]  # breakthroughs missed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_award_funnel_chart_labels_levels(lang):
    funnel = pd.DataFrame(
        {"level": ["国家级", None], "awards_declared": [2, 1], "awards_awarded": [1, 0], "award_rate": [0.5, 0.0]}
    )
    fig = award_charts.award_funnel(funnel, lang)
    expected = ["国家级", "未注明级别"] if lang == "zh" else ["National", "Level not stated"]
    assert list(fig.data[0].x) == expected
    assert list(fig.data[1].text) == ["1", "0"]  # counts only on the bars: a rate beside them overlapped
    rate = "获奖率" if lang == "zh" else "award rate"
    assert list(fig.layout.xaxis.ticktext) == [f"{expected[0]}<br>{rate} 50.0%", f"{expected[1]}<br>{rate} 0.0%"]


def test_overview_draws_by_unit_charts_with_the_pages_builders():
    """One chart per view: the overview's participation, savings and patents are the pages' horizontal bars."""
    from analytics.charts.overview import overview_charts

    by_year = pd.DataFrame({"year": [2024, 2025], "projects": [3, 4], "savings_wan": [10.0, 12.5]})
    figures = {"participation_rate": 0.9}
    shown = {chart.key: chart.figure for chart in overview_charts(BY_UNIT, by_year, figures, "zh")}
    page_participation = rate_charts.rate_by_unit(
        BY_UNIT, "participation_rate", "chart.participation_by_unit", "zh", 0.9
    )
    assert shown["participation"].to_json() == page_participation.to_json()
    assert shown["patents"].to_json() == patent_charts.patents_by_unit(BY_UNIT, "zh").to_json()
    savings = shown["savings"].data[0]
    assert savings.orientation == "h"
    # Largest on top (the axis is reversed), each bar labelled with its figure and carrying its unit for drill-down.
    assert list(savings.y) == list(BY_UNIT.sort_values("savings_wan", ascending=False)["unit"])
    assert list(savings.customdata) == list(savings.y)


def test_check_trend_names_only_the_cards_there_are():
    total = pd.DataFrame({"period": ["2025Q1", "2025Q2"], "on_track_rate": [0.5, 0.75]})
    none = {"red": [], "yellow": []}
    assert takeaways.check_trend(total, none, "zh") == "2025Q2 按期率 75.0%，没有红牌或黄牌"
    assert takeaways.check_trend(total, {"red": [], "yellow": ["P2"]}, "zh") == "2025Q2 按期率 75.0%，黄牌1个"
    assert takeaways.check_trend(total, {"red": ["P1"], "yellow": ["P2", "P3"]}, "zh") == (
        "2025Q2 按期率 75.0%，红牌1个、黄牌2个"
    )
    english = takeaways.check_trend(total, {"red": ["P1"], "yellow": []}, "en")
    assert english == "In 2025Q2 the on-track rate was 75.0%, with 1 red card"
    assert "0" not in takeaways.check_trend(total, none, "en").replace("2025", "").replace("75.0", "")


def test_points_rules_read_in_the_users_language():
    from analytics.display.labels import point_rule_label

    assert [point_rule_label(rule, "en") for rule in ("获奖:省部级", "实用新型专利", "建议已采纳", "节创价值")] == [
        "Award won (Provincial)",
        "Utility model patents",
        "Suggestion adopted",
        "Savings (per RMB 100k)",
    ]
    assert [point_rule_label(rule, "zh") for rule in ("获奖:省部级", "实用新型专利", "建议已采纳")] == [
        "获奖（省部级）",
        "实用新型专利",
        "建议已采纳",
    ]
    assert point_rule_label("青年突击队加分", "en") == "青年突击队加分"  # a rule an admin named keeps its name


def test_secretary_takeaway_counts_what_the_tile_counts():
    # A: problems all answered but a goal missed — not fully closed; B: both done; C: nothing to judge.
    closure = pd.DataFrame(
        {
            "project_id": ["A", "B", "C"],
            "closure_rate": [1.0, 1.0, None],
            "fully_closed": [False, True, None],
            "overdue_items": [1, 0, 0],
        }
    )
    assert (
        takeaways.list_rates(closure, "zh") == "3个书记项目中1个全部闭环（问题均已整改、目标均已达成），超期事项共1项"
    )
