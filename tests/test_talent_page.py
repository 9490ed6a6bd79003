"""The 人才 page through AppTest on the hand-built people fixture: takeaways worked by hand, and names listed only
where the one access check allows."""

from __future__ import annotations

import pytest

from analytics.contract import access
from tests.conftest import open_page
from tests.factories import GROUP_TREE, load_records, new_store
from tests.test_talent_metrics import HEADCOUNT, HONOURS, TALENT, TRAINING


@pytest.fixture
def people_db(tmp_path):
    con = new_store(tmp_path, "people.duckdb")
    load_records(con, units=GROUP_TREE, headcount=HEADCOUNT, talent=TALENT, honours=HONOURS, training=TRAINING)
    con.close()
    return tmp_path / "people.duckdb"


def texts(app) -> list[str]:
    return [element.value for element in app.markdown]


def test_the_page_reads_the_pipeline_moves_mentors_and_training(make_app, people_db):
    app = open_page(make_app(people_db), "talent").run()
    assert not app.exception, app.exception
    shown = texts(app)
    assert "**2024年人才库共5人（比上年+0）：后备人才 1、雏鹰 2、雄鹰 2、金鹰 0**" in shown
    assert "**2024年公司A人才库人数最多，为 3 人**" in shown
    assert "**晋级3人，其中后备人才→雏鹰最多（2人）；出库1人**" in shown
    assert "**1位导师带徒2人，最多一位带2人**" in shown
    assert "**共获荣誉称号4项，最高为行业（1项）**" in shown
    assert "**培训3场、75人次、27.5学时；班组长场次最多（1场）**" in shown  # the page opens on the latest year
    # 公司A 390 / 600 = 65.0% is the highest; the group 450 / 700 = 64.3%.
    assert "**公司A职称占比最高，为 65.0%；整体为 64.3%**" in shown
    moves = app.dataframe[0].value
    assert sorted(moves["person"]) == ["刘洋", "李青", "李青", "王强"]


def test_names_are_hidden_where_the_viewer_may_not_see_them(make_app, people_db, monkeypatch):
    monkeypatch.setattr(access, "may_see_names", lambda unit, scope: False)
    app = open_page(make_app(people_db), "talent").run()
    assert not app.exception, app.exception
    assert len(app.dataframe) == 0
    assert "名单属于个人信息，仅对有权查看该单位的用户显示。" in [c.value for c in app.caption]
    # The counts stay for every viewer.
    assert "**晋级3人，其中后备人才→雏鹰最多（2人）；出库1人**" in texts(app)


def test_names_of_one_unit_only_list_that_units_people(make_app, people_db, monkeypatch):
    monkeypatch.setattr(access, "may_see_names", lambda unit, scope: unit in (None, "B1支部"))
    app = open_page(make_app(people_db), "talent").run()
    moves = app.dataframe[0].value
    assert sorted(moves["person"]) == ["刘洋", "李青"]  # both moves in B1支部; A1/A2 people are left out


def test_english_page(make_app, people_db):
    app = open_page(make_app(people_db, lang="en"), "talent").run()
    assert not app.exception, app.exception
    assert "**5 people in the pools in 2024 (+0 on last year)\\: Reserve 1, Eaglets 2, Eagles 2, Golden eagles 0**" in (
        texts(app)
    )


def test_overview_band_shows_golden_eagles_eagles_and_training_sessions(make_app, people_db):
    app = open_page(make_app(people_db, year="2024"), "overview").run()
    assert not app.exception, app.exception
    tiles = {metric.label: (metric.value, metric.proto.help) for metric in app.metric}
    # 2024: no 金鹰 (刘洋 left), 雄鹰 王强 and 赵敏, three sessions; 2023 had one 金鹰, one 雄鹰 and one session.
    assert tiles["金鹰"][0] == "0" and tiles["雄鹰"][0] == "2" and tiles["培训场次"][0] == "3"
    assert [m.delta for m in app.metric if m.label in ("金鹰", "雄鹰", "培训场次")] == ["-1", "+1", "+2"]
    assert tiles["金鹰"][1].startswith("人才库（三鹰计划）中「金鹰」")


def test_glossary_lists_the_people_metrics_in_both_languages():
    from analytics.contract import definitions

    for lang in ("zh", "en"):
        rows = {row["key"]: row for row in definitions.glossary(lang)}
        for key in ("golden_eagles", "eagles", "training_sessions", "titled_share", "party_member_share"):
            assert all(rows[key].values()), (lang, key)
    assert "培训学时" in [row["name"] for row in definitions.glossary("zh")]
    titled = {row["key"]: row for row in definitions.glossary("en")}["titled_share"]
    assert (titled["numerator"], titled["denominator"]) == ("Staff holding a title (职称人数)", "Staff (职工总数)")
