"""People metrics on a hand-built group, every figure worked by hand: pools, promotions across years, exits, a person
in two units, mentors, 职称占比 (unknown where headcount is missing, never 0), party share, honours and training."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from analytics import cli
from analytics.filters import Filters
from analytics.metrics import talent
from tests.factories import GROUP_TREE, load_records, new_store


def person(employee_id, name, unit, year, pool, mentor=None, party=None):
    return {
        "employee_id": employee_id,
        "person": name,
        "unit": unit,
        "year": year,
        "pool": pool,
        "mentor": mentor,
        "party_member": party,
    }


TALENT = [
    # 2023
    person("E01", "王强", "A1支部", 2023, "雏鹰", "张建国", "是"),
    person("E01", "王强", "A2支部", 2023, "雏鹰", None, "是"),  # one person in two units
    person("E02", "李青", "A1支部", 2023, "后备人才", "张建国", "否"),
    person(None, "赵敏", "B1支部", 2023, "雄鹰"),
    person("E05", "刘洋", "B1支部", 2023, "金鹰", None, "是"),
    person(None, "李青", "B1支部", 2023, "后备人才", None, "否"),  # a second 李青, without 工号: another person
    # 2024
    person("E01", "王强", "A2支部", 2024, "雄鹰", "张建国", "是"),  # 雏鹰 → 雄鹰; left A1支部
    person("E02", "李青", "A1支部", 2024, "雏鹰", "张建国", "否"),  # 后备人才 → 雏鹰
    person(None, "赵敏", "B1支部", 2024, "雄鹰"),  # stays
    person(None, "李青", "B1支部", 2024, "雏鹰"),  # 后备人才 → 雏鹰; E05 刘洋 (金鹰) is gone: 出库
    person("E07", "陈晨", "A1支部", 2024, "后备人才", None, "是"),  # new
]
HEADCOUNT = [
    {"unit": "公司A", "year": 2023, "employees": 580},  # 职称人数 missing: unknown
    {"unit": "公司A", "year": 2024, "employees": 600, "titled_employees": 390},
    {"unit": "B1支部", "year": 2024, "employees": 100, "titled_employees": 60},
]
HONOURS = [
    {"person": "张建国", "employee_id": "E09", "unit": "公司A", "year": 2023, "title": "成都工匠", "level": "市级"},
    {"person": "张建国", "employee_id": "E09", "unit": "公司A", "year": 2024, "title": "成都工匠", "level": "市级"},
    {"person": "张建国", "employee_id": "E09", "unit": "公司A", "year": 2024, "title": "机械工业工匠", "level": "行业"},
    {"person": "王强", "employee_id": "E01", "unit": "A2支部", "year": 2024, "title": "星级员工", "level": "公司级"},
    {"person": "李青", "unit": "B1支部", "year": 2024, "title": "优秀共产党员", "level": "集团级"},
]
TRAINING = [
    dict(
        session="班组长轮训一期",
        training_type="班组长",
        unit="公司A",
        date=dt.date(2024, 4, 15),
        attendees=45,
        hours=16,
    ),
    dict(
        session="青马工程", training_type="青马工程", unit="A1支部", date=dt.date(2024, 6, 1), attendees=30, hours=7.5
    ),
    dict(session="营销精英", training_type="营销精英", unit="公司B", date=dt.date(2023, 9, 1), attendees=20, hours=8),
    dict(session="技能比武", unit="B1支部", date=dt.date(2024, 10, 10), hours=4.0),
]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = new_store(tmp_path_factory.mktemp("talent"))
    load_records(con, units=GROUP_TREE, headcount=HEADCOUNT, talent=TALENT, honours=HONOURS, training=TRAINING)
    yield con
    con.close()


def summary(con, units=(), year=None):
    return talent.talent_summary(con, Filters(units=tuple(units), year_from=year, year_to=year))


def test_the_group_in_2024(con):
    assert summary(con, year=2024) == {
        "pools": {"后备人才": 1, "雏鹰": 2, "雄鹰": 2, "金鹰": 0},
        "promotions": 3,
        "exits": 1,
        "titled_share": pytest.approx(450 / 700),
        "party_member_share": pytest.approx(2 / 3),
        "honours": {"国家级": 0, "省部级": 0, "行业": 1, "市级": 1, "集团级": 1, "公司级": 1},
        "training": {"sessions": 3, "attendance": 75, "hours": 27.5},
    }


def test_a_person_in_two_units_counts_once_above_them(con):
    pools_2023 = summary(con, year=2023)["pools"]
    assert pools_2023 == {"后备人才": 2, "雏鹰": 1, "雄鹰": 1, "金鹰": 1}
    assert summary(con, ["A1支部"], 2023)["pools"]["雏鹰"] == 1
    assert summary(con, ["A2支部"], 2023)["pools"]["雏鹰"] == 1
    assert summary(con, ["A党委"], 2023)["pools"]["雏鹰"] == 1


def test_moving_to_another_unit_is_an_exit_there_and_a_promotion_above(con):
    a1 = summary(con, ["A1支部"], 2024)
    assert (a1["promotions"], a1["exits"]) == (1, 1)  # 李青 rose; 王强 left A1支部
    a2 = summary(con, ["A2支部"], 2024)
    assert (a2["promotions"], a2["exits"]) == (1, 0)
    party = summary(con, ["A党委"], 2024)
    assert (party["promotions"], party["exits"]) == (2, 0)


def test_who_rose_and_who_left(con):
    moves = talent.talent_moves(con, Filters())
    rows = moves[["year", "move", "person", "units", "from_pool", "to_pool"]].itertuples(index=False, name=None)
    assert list(rows) == [
        (2024, "exit", "刘洋", "B1支部", "金鹰", None),
        (2024, "promotion", "李青", "A1支部", "后备人才", "雏鹰"),
        (2024, "promotion", "李青", "B1支部", "后备人才", "雏鹰"),
        (2024, "promotion", "王强", "A2支部", "雏鹰", "雄鹰"),
    ]
    # Nothing moves into 2023: the ledger has no 2022 to compare with.
    assert talent.talent_moves(con, Filters(year_from=2023, year_to=2023)).empty


def test_a_year_with_exits_and_no_promotion(tmp_path):
    # Found by the generative ledger test: with no promotion at all, the empty promotions part borrowed the exit's
    # row (a pandas Series assigned to an empty frame), and `talent` stopped with an internal error.
    con = new_store(tmp_path)
    load_records(
        con,
        units=[{"unit": "甲公司", "kind": "公司"}],
        talent=[person("E1", "周强", "甲公司", 2022, "后备人才"), person("E1", "周强", "甲公司", 2023, None)],
    )
    moves = talent.talent_moves(con, Filters())
    assert list(moves[["year", "move", "person", "from_pool"]].itertuples(index=False, name=None)) == [
        (2023, "exit", "周强", "后备人才")
    ]
    assert (summary(con)["promotions"], summary(con)["exits"]) == (0, 1)
    con.close()


def test_titled_share_is_unknown_not_zero_where_a_figure_is_missing(con):
    assert summary(con, ["公司A"], 2024)["titled_share"] == pytest.approx(0.65)
    assert summary(con, ["公司B"], 2024)["titled_share"] == pytest.approx(0.6)
    assert summary(con, ["A1支部"], 2024)["titled_share"] is None  # no headcount row at all
    assert summary(con, year=2023)["titled_share"] is None  # 公司A states 职工总数 but not 职称人数
    shares = talent.shares_by_unit(con, Filters(year_from=2024, year_to=2024), ["公司A", "公司B"], 2024)
    assert shares.to_dict("records") == [
        {"unit": "公司A", "titled_share": pytest.approx(0.65), "party_member_share": pytest.approx(2 / 3), "people": 3},
        {"unit": "公司B", "titled_share": pytest.approx(0.6), "party_member_share": None, "people": 2},
    ]


def test_a_title_counts_once_per_person(con):
    everything = summary(con)["honours"]
    assert everything == {"国家级": 0, "省部级": 0, "行业": 1, "市级": 1, "集团级": 1, "公司级": 1}
    assert summary(con, year=2023)["honours"]["市级"] == 1


def test_training_by_unit_and_over_every_year(con):
    assert summary(con)["training"] == {"sessions": 4, "attendance": 95, "hours": 35.5}
    assert summary(con, ["公司A"], 2024)["training"] == {"sessions": 2, "attendance": 75, "hours": 23.5}


def test_mentors_and_how_many_they_bring_on(con):
    frame = talent.mentors(con, Filters(), 2024)
    assert frame.to_dict("records") == [{"mentor": "张建国", "units": "A1支部、A2支部", "mentees": 2}]


def test_pools_by_unit_show_the_change_on_last_year(con):
    frame = talent.pools_by_unit(con, Filters(), ["公司A", "公司B"], 2024)
    assert frame[frame["unit"] == "公司B"][["pool", "people", "change"]].to_dict("records") == [
        {"pool": "后备人才", "people": 0, "change": -1},
        {"pool": "雏鹰", "people": 1, "change": 1},
        {"pool": "雄鹰", "people": 1, "change": 0},
        {"pool": "金鹰", "people": 0, "change": -1},
    ]


def test_command_line_prints_exactly_the_issues_json(con, tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    other = new_store(tmp_path, "cli.duckdb")
    load_records(other, units=GROUP_TREE, headcount=HEADCOUNT, talent=TALENT, honours=HONOURS, training=TRAINING)
    other.close()
    assert cli.main(["talent", "--unit", "A1支部", "--year", "2024", "--json", "--db", str(db)]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert json.loads(out) == {
        "pools": {"后备人才": 1, "雏鹰": 1, "雄鹰": 0, "金鹰": 0},
        "promotions": 1,
        "exits": 1,
        "titled_share": None,
        "party_member_share": 0.5,
        "honours": {"国家级": 0, "省部级": 0, "行业": 0, "市级": 0, "集团级": 0, "公司级": 0},
        "training": {"sessions": 1, "attendance": 30, "hours": 7.5},
    }
    assert list(json.loads(out)) == [
        "pools", "promotions", "exits", "titled_share", "party_member_share", "honours", "training"
    ]  # fmt: skip
    assert cli.main(["talent", "--year", "2024", "--db", str(db)]) == cli.EXIT_OK
    assert "晋级3人，出库1人" in capsys.readouterr().out
