"""The synthetic scale store: the shape the issue names, no orphan, one batch that undoes, the same store per seed."""

from analytics import cli, metrics
from analytics.demo import scale
from analytics.filters import Filters
from analytics.store import batches
from analytics.store.connection import connect
from tests.factories import new_store


def counts(con) -> dict[str, int]:
    tables = ("units", "projects", "outcomes", "awards", "headcount", "studios")
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}


def test_two_thousand_projects_have_the_issue_shape_and_no_orphan(tmp_path):
    con = new_store(tmp_path)
    batch = scale.build(con, 2000, seed=7)
    found = counts(con)
    # 1 group + 2 companies + 20 committees + 200 branches; 10 years of headcount for each unit; 10 studios × 10 years
    assert found["units"] == 223
    assert found["projects"] == 2000
    assert found["headcount"] == 223 * 10
    assert found["studios"] == 10 * 10
    assert con.execute("SELECT count(*) FROM units WHERE kind = '党支部'").fetchone()[0] == 200
    assert con.execute("SELECT max(depth) FROM unit_closure").fetchone()[0] == 3
    assert con.execute("SELECT count(DISTINCT year) FROM projects").fetchone()[0] == 10
    project_outcomes = con.execute("SELECT count(*) FROM outcomes WHERE project_id IS NOT NULL").fetchone()[0]
    assert 2.8 <= project_outcomes / 2000 <= 3.2
    assert 0.08 <= found["awards"] / 2000 <= 0.12
    assert batches.orphans(con) == []
    listed = batches.list_batches(con)
    assert listed["batch_id"].tolist() == [batch]
    assert int(listed["rows_added"].iloc[0]) == sum(found.values())
    # A stated row is the sum of the branches below it plus the unit's own members.
    group_members = con.execute(
        "SELECT party_members FROM headcount WHERE unit = ? AND year = 2025", [scale.GROUP]
    ).fetchone()[0]
    branch_members = con.execute(
        "SELECT sum(h.party_members) FROM headcount AS h JOIN units AS u USING (unit)"
        " WHERE u.kind = '党支部' AND h.year = 2025"
    ).fetchone()[0]
    assert group_members == branch_members + 3

    batches.undo(con, batch)
    assert set(counts(con).values()) == {0}


def test_the_same_seed_builds_the_same_store_and_another_seed_does_not(tmp_path):
    figures = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        con = new_store(tmp_path, f"{name}.duckdb")
        scale.build(con, 2000, seed=seed)
        figures.append(metrics.kpis(con, Filters(year_from=2023, year_to=2025)))
        con.close()
    assert figures[0] == figures[1]
    assert figures[0] != figures[2]


def test_cli_builds_into_an_empty_store_only(tmp_path, capsys):
    db = tmp_path / "scale.duckdb"
    assert cli.main(["demo", "--projects", "500", "--db", str(db)]) == 0
    assert "500个项目" in capsys.readouterr().out
    assert cli.main(["demo", "--projects", "500", "--db", str(db)]) == 1
    assert "已有数据" in capsys.readouterr().err
    con = connect(db)
    assert con.execute("SELECT count(*) FROM projects").fetchone()[0] == 500
