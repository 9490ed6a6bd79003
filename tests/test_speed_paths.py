"""The fast paths give the figures the facts give: roll-ups equal a count over the stored rows, follow commit and
undo, fill in for a store made before them; the project list pages, sorts and searches in SQL."""

import datetime as dt

import pytest

from analytics import metrics
from analytics.filters import Filters
from analytics.metrics import projects as projects_metrics
from analytics.store import batches
from analytics.store.connection import connect
from tests.conftest import open_page
from tests.factories import GROUP_TREE, load_records, new_store

AS_OF = dt.date(2025, 12, 31)


def raw_figures(con, filters: Filters) -> tuple:
    """Projects, savings, patents and awards of the whole store counted straight from the stored rows (no roll-up;
    every project's owner is in the tree, so the whole group is every row)."""
    years = "($year_from IS NULL OR {col} BETWEEN $year_from AND $year_to)"
    programs = "(len($programs::VARCHAR[]) = 0 OR list_contains($programs::VARCHAR[], p.program))"
    params = {"year_from": filters.year_from, "year_to": filters.year_to, "programs": list(filters.programs)}
    projects = con.execute(
        f"SELECT count(*) FROM projects AS p WHERE {years.format(col='p.year')} AND {programs}", params
    ).fetchone()[0]
    savings, patents = con.execute(
        "SELECT coalesce(sum(o.value_wan) FILTER (WHERE o.outcome_type = '节创价值'), 0),"
        " coalesce(sum(o.quantity) FILTER (WHERE o.outcome_type IN ('发明专利', '实用新型专利', '外观设计专利')), 0)"
        " FROM outcomes AS o LEFT JOIN projects AS p USING (project_id)"
        f" WHERE coalesce(o.year, p.year) IS NOT NULL AND {years.format(col='coalesce(o.year, p.year)')}"
        f" AND {programs}",
        params,
    ).fetchone()
    declared = con.execute(
        f"SELECT count(*) FROM awards AS a JOIN projects AS p USING (project_id)"
        f" WHERE {years.format(col='a.year')} AND {programs}",
        params,
    ).fetchone()[0]
    return projects, round(savings, 4), patents, declared


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(year_from=2024, year_to=2024),
        Filters(year_from=2023, year_to=2025),
        Filters(programs=("双创",)),
    ],
    ids=["all", "one-year", "three-years", "programme"],
)
def test_rolled_up_figures_equal_the_stored_rows_of_the_demo(demo_db, filters):
    con = connect(demo_db)
    figures = metrics.summary(con, filters)
    rolled = (figures["projects"], figures["savings_wan"], figures["patents"]["total"], figures["awards_declared"])
    assert rolled == raw_figures(con, filters)
    assert figures["projects"] > 0


def test_roll_ups_follow_commit_and_undo(tmp_path):
    con = new_store(tmp_path)
    load_records(con, "tree.xlsx", units=GROUP_TREE)
    project = {"project_id": "P1", "name": "甲", "unit": "公司A", "branch": "A1支部", "year": 2024, "status": "已结题"}
    load_records(
        con,
        "first.xlsx",
        projects=[project],
        outcomes=[{"project_id": "P1", "outcome_type": "节创价值", "value_wan": 12.5}],
    )
    # The second batch moves P1 to another branch and adds a patent: the roll-up moves the savings with it.
    second = load_records(
        con,
        "second.xlsx",
        projects=[{**project, "branch": "A2支部"}],
        outcomes=[{"project_id": "P1", "outcome_type": "发明专利", "quantity": 2}],
    )
    by_branch = metrics.kpis_by_unit(con, Filters(), ["A1支部", "A2支部"]).set_index("unit")
    assert by_branch.loc["A2支部", ["projects", "savings_wan", "patent_count"]].tolist() == [1, 12.5, 2]
    assert by_branch.loc["A1支部", ["projects", "savings_wan"]].tolist() == [0, 0.0]

    batches.undo(con, second)
    by_branch = metrics.kpis_by_unit(con, Filters(), ["A1支部", "A2支部"]).set_index("unit")
    assert by_branch.loc["A1支部", ["projects", "savings_wan", "patent_count"]].tolist() == [1, 12.5, 0]
    assert by_branch.loc["A2支部", ["projects", "savings_wan"]].tolist() == [0, 0.0]


def test_a_store_made_before_the_roll_ups_gets_them_when_opened(demo_db):
    con = connect(demo_db)
    before = metrics.summary(con, Filters())
    # What a store written before the roll-ups existed looks like: facts, and empty roll-up tables.
    con.execute("DELETE FROM fact_rollup")
    con.execute("DELETE FROM project_outcome_rollup")
    con.close()
    con = connect(demo_db)
    assert metrics.summary(con, Filters()) == before


def test_project_list_pages_sorts_and_counts_in_sql(demo_db):
    con = connect(demo_db)
    everything = projects_metrics.project_list(con, Filters(), AS_OF)
    first = projects_metrics.project_list(con, Filters(), AS_OF, limit=100)
    second = projects_metrics.project_list(con, Filters(), AS_OF, limit=100, offset=100)
    assert list(first["project_id"]) == list(everything["project_id"][:100])
    assert list(second["project_id"]) == list(everything["project_id"][100:200])
    # The default order is the newest year first, then by number.
    assert list(everything["year"]) == sorted(everything["year"], reverse=True)
    by_name = projects_metrics.project_list(con, Filters(), AS_OF, limit=5, order_by="name", descending=False)
    assert list(by_name["name"]) == sorted(everything["name"])[:5]
    # The totals of a page row are those of the whole list.
    same = everything.set_index("project_id").loc[second["project_id"], ["savings_wan", "patent_count"]]
    assert same.reset_index(drop=True).equals(second[["savings_wan", "patent_count"]])
    matching = projects_metrics.status_board(con, Filters(), AS_OF, search="TPM")
    assert sum(matching.values()) == len(projects_metrics.project_list(con, Filters(), AS_OF, search="TPM"))
    with pytest.raises(ValueError):
        projects_metrics.project_list(con, Filters(), AS_OF, order_by="batch_id")


def test_projects_page_shows_a_page_of_a_hundred_with_next_and_previous(make_app, demo_db):
    app = open_page(make_app(demo_db), "projects")
    app.run()
    # The board counts every selected project (the demo opens on 2025: 114 started then, and 13 of earlier years
    # overdue as of 2025-12-31, the data's own date); the table shows 100 at a time.
    total = sum(int(metric.value) for metric in app.metric)
    assert total == 127

    def range_caption():
        return [caption.value.split(" · ")[0] for caption in app.caption if "个项目" in caption.value]

    assert len(app.dataframe[0].value) == 100
    assert range_caption() == ["第 1–100 个，共 127 个项目"]
    first_page = list(app.dataframe[0].value["project_id"])
    app.button(key="project-next").click().run()
    assert range_caption() == ["第 101–127 个，共 127 个项目"]
    assert len(app.dataframe[0].value) == 27
    assert not set(app.dataframe[0].value["project_id"]) & set(first_page)
    assert app.button(key="project-next").disabled
    app.button(key="project-previous").click().run()
    assert list(app.dataframe[0].value["project_id"]) == first_page


def test_studio_table_is_one_row_per_studio_with_each_dimension(tmp_path):
    from analytics.metrics import studios as studios_metrics

    con = new_store(tmp_path)

    def studio(name, unit, year, projects, breakthroughs):
        return {"studio": name, "unit": unit, "year": year, "target_projects": 3, "actual_projects": projects,
                "target_breakthroughs": 2, "actual_breakthroughs": breakthroughs,
                "target_apprentices": None, "actual_apprentices": 1}  # fmt: skip

    rows = [studio("甲", "公司A", 2024, 3, 1), studio("甲", "公司A", 2025, 2, 1), studio("乙", "公司B", 2025, 4, 2)]
    load_records(con, units=GROUP_TREE, studios=rows)
    verdicts = studios_metrics.studio_verdicts(con, Filters())
    table = studios_metrics.studio_table(verdicts, 2025)
    assert list(table["studio"]) == ["甲", "乙"]  # 甲 missed 2024 and 2025: delisted, listed first
    assert list(table["verdict"]) == ["delisted", "ok"]
    assert table.loc[0, "missed"] == ["projects", "breakthroughs"]
    assert (table.loc[0, "actual_projects"], table.loc[0, "target_projects"]) == (2, 3)
    assert table.loc[0, "met_apprentices"] is None  # no target: not judged
    assert table.loc[1, "missed"] == []
    assert studios_metrics.studio_table(verdicts, None).empty


def test_a_batch_landing_elsewhere_is_shown_without_clearing_caches(make_app, demo_db):
    """Cached figures are keyed on the data version: a batch written by another path (no data_changed call)
    still shows on the next rerun."""
    app = open_page(make_app(demo_db), "overview")
    app.run()
    before = int(app.metric[0].value.replace(",", ""))
    project = {"project_id": "SPEED-1", "name": "新项目", "unit": "岳川精工集团有限公司", "year": 2025}
    load_records(connect(demo_db), "elsewhere.xlsx", projects=[project])
    app.run()
    assert int(app.metric[0].value.replace(",", "")) == before + 1


def test_roll_ups_filled_by_another_definition_are_refilled_when_the_store_is_opened(demo_db):
    con = connect(demo_db)
    before = metrics.summary(con, Filters())
    # A store whose roll-ups an older program filled (with other figures) records that program's definition.
    con.execute("UPDATE fact_rollup SET projects = projects + 1")
    con.execute("UPDATE settings SET value = 'older' WHERE key = 'rollup_version'")
    con.close()
    con = connect(demo_db)
    assert metrics.summary(con, Filters()) == before


def test_a_copy_published_by_an_older_program_is_published_again_with_the_roll_ups(demo_db):
    import duckdb

    from analytics.store import connection

    reader = connection.connect_reader(demo_db)
    before = metrics.summary(reader, Filters())
    reader.close()
    old = connection.published(demo_db)
    # What the readers of an upgraded server find: a copy without roll-ups, published before they existed, of a
    # primary nobody has written to since.
    raw = duckdb.connect(str(old.file))
    raw.execute("DROP TABLE fact_rollup")
    raw.close()
    pointer = old.file.parent / connection.POINTER
    pointer.write_text(pointer.read_text().replace(connection.code_version(), "older"))
    reader = connection.connect_reader(demo_db)
    try:
        assert connection.published(demo_db).version == old.version + 1
        assert metrics.summary(reader, Filters()) == before
    finally:
        reader.close()
