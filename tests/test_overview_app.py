"""The overview page through AppTest: it renders on the demo data, follows the filters and the URL."""

import json

from analytics import cli


def metrics_by_label(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def test_overview_renders_demo_figures(make_app, demo_db):
    app = make_app(demo_db).run()
    assert not app.exception
    shown = metrics_by_label(app)
    # Demo data, 2025 (the latest year, the default): 114 projects, 2,650.1 万元, 57 patents (see test_demo).
    assert shown["项目数"] == "114"
    assert shown["节创价值（万元）"] == "2,650.1"
    assert shown["专利"] == "57"
    assert shown["党员参与率"] == "94.5%"
    assert app.query_params["year"] == ["2025"] or app.query_params["year"] == "2025"


def test_overview_follows_unit_filter_and_writes_url(make_app, demo_db):
    app = make_app(demo_db).run()
    app.multiselect(key="unit").set_value(["岳川工具研究所"]).run()
    assert not app.exception
    shown = metrics_by_label(app)
    assert shown["项目数"] == "26"
    assert shown["党员参与率"] == "96.8%"  # 214 of 221 party members in 工研所's eight branches
    assert "岳川工具研究所" in str(app.query_params["unit"])


def test_link_restores_the_view_and_flags_unknown_units(make_app, demo_db):
    app = make_app(demo_db, unit=["岳川工具研究所", "岳川工具所"], year="2021").run()
    assert not app.exception
    assert app.multiselect(key="unit").value == ["岳川工具研究所"]
    # 2021: 工研所's branches did not report participating members, so the rate is unknown, not 0.
    assert metrics_by_label(app)["党员参与率"] == "—"
    assert any("岳川工具所" in warning.value for warning in app.warning)


def test_english_switch(make_app, demo_db):
    app = make_app(demo_db, lang="en").run()
    assert not app.exception
    assert "Projects" in metrics_by_label(app)
    assert app.metric[0].help.startswith("Projects of the selected units")


def test_unit_without_data_says_so(make_app, db_with_an_empty_unit):
    app = make_app(db_with_an_empty_unit, unit="乙公司").run()
    assert not app.exception
    assert metrics_by_label(app)["项目数"] == "0"
    assert [info.value for info in app.info] == ["所选单位在所选期间没有数据。"]
    assert not app.get("plotly_chart")


def test_page_figures_match_command_line(make_app, demo_db, capsys):
    app = make_app(demo_db, unit="岳川磨料磨具研究所", year="2024").run()
    shown = metrics_by_label(app)
    # In-process: the app's open connection holds the file, and DuckDB lets only its own process share it.
    assert cli.main(["kpis", "--db", str(demo_db), "--unit", "岳川磨料磨具研究所", "--year", "2024", "--json"]) == 0
    kpis = json.loads(capsys.readouterr().out)
    assert shown["项目数"] == str(kpis["projects"])
    assert shown["专利"] == str(kpis["patents"]["total"])
    assert shown["节创价值（万元）"] == f"{kpis['savings_wan']:,.1f}"
    assert shown["党员参与率"] == f"{kpis['participation_rate'] * 100:.1f}%"


def test_names_from_a_link_are_shown_as_text_not_markdown(make_app, demo_db):
    app = make_app(demo_db, unit="[点我](http://evil.example) *粗体*").run()
    assert not app.exception
    (warning,) = app.warning
    # Escaped for Streamlit's markdown: no link, no emphasis, the characters as typed.
    assert "\\[点我\\](http\\://evil.example) \\*粗体\\*" in warning.value
