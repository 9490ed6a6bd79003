"""Headers that state their unit in brackets, in either width, are read as the unit they state."""

import pytest

from analytics.ingest import upload
from analytics.ingest.headers import COUNT_UNITS, MONEY_UNITS, find_header
from tests.factories import load_records, new_store
from tests.parse_helpers import only, parse_xlsx, xlsx
from tests.test_load import snapshot

BASE = ["项目编号", "项目名称", "单位", "年度"]


def test_patent_columns_headed_with_a_count_unit_are_outcome_columns_of_a_projects_sheet(tmp_path):
    con = new_store(tmp_path)
    data = xlsx(
        {
            "项目汇总表": [
                [*BASE, "发明专利（项）", "实用新型专利(件)", "软件著作权（个）", "节创价值（元）"],
                ["P1", "提高合格率", "甲公司", 2024, 2, 3, 1, 125000],
                ["P2", "降低成本", "甲公司", 2024, None, 1, None, "5,000"],
            ]
        }
    )
    plan = upload.prepare(con, [("ledger.xlsx", data)])
    assert plan.problems == [] and plan.unknown_headers == []
    upload.apply(con, plan)
    rows = con.execute(
        "SELECT project_id, outcome_type, quantity, value_wan FROM outcomes ORDER BY project_id, outcome_type"
    ).fetchall()
    # 125000 元 = 12.5 万元; 5,000 元 = 0.5 万元; counts stay counts.
    assert rows == [
        ("P1", "发明专利", 2, None),
        ("P1", "实用新型专利", 3, None),
        ("P1", "节创价值", 1, 12.5),
        ("P1", "软件著作权", 1, None),
        ("P2", "实用新型专利", 1, None),
        ("P2", "节创价值", 1, 0.5),
    ]
    con.close()


@pytest.mark.parametrize("unit", COUNT_UNITS)
@pytest.mark.parametrize("brackets", ["（）", "()", "【】", "[]"])
def test_every_count_unit_in_either_width_reads_a_count_column(unit, brackets):
    header = f"参与人数{brackets[0]}{unit}{brackets[1]}"
    sheet = only(parse_xlsx([[*BASE, header], ["P1", "项目", "甲公司", 2024, 7]]))
    assert sheet.mapping[header] == "participants"
    assert sheet.frame["participants"].tolist() == [7]


@pytest.mark.parametrize(
    ("header", "expected"), [("节创价值（万元）", 3.0), ("创效金额(元)", 0.0003), ("效益（ 万元 ）", 3.0)]
)
def test_money_units_convert_to_wan(header, expected):
    upload_ = parse_xlsx([["项目编号", "成果类型", header], ["P1", "节创价值", 3]], sheet="成果")
    assert only(upload_, "outcomes").frame["value_wan"].tolist() == [pytest.approx(expected)]


@pytest.mark.parametrize(
    "header",
    [
        "节创价值（项）",  # money stated as a count
        "发明专利（万元）",  # a count stated as money
        "负责人（人）",  # a name is neither
    ],
)
def test_a_unit_that_does_not_fit_the_column_leaves_the_header_for_the_analyst(header):
    match = find_header([[*BASE, header]], "项目")
    assert match.unknown == [header]


def test_units_are_the_documented_ones():
    assert MONEY_UNITS == ("万元", "元")
    assert COUNT_UNITS == ("项", "个", "件", "人", "次", "场", "小时")


def test_a_count_column_with_a_bad_value_is_refused_and_nothing_changes(tmp_path):
    con = new_store(tmp_path)
    load_records(con, units=[{"unit": "甲公司"}])
    before = snapshot(con)
    data = xlsx({"项目": [[*BASE, "发明专利（项）"], ["P1", "项目", "甲公司", 2024, "两项"]]})
    plan = upload.prepare(con, [("a.xlsx", data)])
    assert [p.message() for _, p in plan.problems] == ["工作表「项目」第2行「发明专利（项）」列：'两项' 不是数字"]
    with pytest.raises(upload.UploadRefused):
        upload.apply(con, plan)
    assert snapshot(con) == before
    con.close()
