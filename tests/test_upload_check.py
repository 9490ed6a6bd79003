"""The dry run's check: units and branches named in an upload but missing from the tree, and where they go."""

import pandas as pd

from analytics.ingest import upload
from tests.factories import load_records, new_store
from tests.parse_helpers import xlsx


def test_new_units_and_branches_are_listed_and_placed(tmp_path):
    con = new_store(tmp_path)
    load_records(
        con,
        units=[
            {"unit": "集团", "kind": "集团"},
            {"unit": "甲公司", "parent": "集团", "kind": "公司"},
            {"unit": "乙公司", "parent": "集团", "kind": "公司"},
        ],
    )
    rows = [
        ["项目编号", "项目名称", "单位", "党支部", "年度"],
        ["P1", "一", "甲公司", "一支部", 2024],
        ["P2", "二", "乙公司", "一支部", 2024],  # the same new branch under another unit: the first one places it
        ["P3", "三", "乙公司", "二支部", 2024],
        ["P4", "四", "丙公司", None, 2024],  # a unit the tree does not know, with no branch
        ["P5", "五", "甲公司", "二支部", 2024],
    ]
    plan = upload.prepare(con, [("new.xlsx", xlsx({"项目": rows}))])
    assert plan.new_units == ["丙公司", "一支部", "二支部"]
    placed = plan.frames["units"].set_index("unit")
    assert placed.loc["一支部", ["parent", "kind"]].tolist() == ["甲公司", "党支部"]
    assert placed.loc["二支部", ["parent", "kind"]].tolist() == ["乙公司", "党支部"]
    assert pd.isna(placed.loc["丙公司", "parent"])  # the top level
    con.close()
