"""Strings in the user's language and one decimal everywhere: the English context line has no 、, the batches table
never shows None, the ranking table shows rates as percent with one decimal."""

from tests.conftest import open_page

TWO = ("岳川工具研究所", "岳川重型机械有限公司")


def test_english_context_line_separates_units_with_commas(make_app, demo_db):
    app = open_page(make_app(demo_db, lang="en", unit=list(TWO), year="2025"), "overview").run()
    assert not app.exception
    assert app.caption[0].value == f"{TWO[0]}, {TWO[1]} · 2025"


def test_batches_table_never_shows_none(make_app, demo_db):
    app = open_page(make_app(demo_db), "batches").run()
    table = app.dataframe[0].value
    assert not table.isna().any().any() and "None" not in table.astype(str).to_numpy()


def test_ranking_rates_in_percent(make_app, demo_db):
    app = open_page(make_app(demo_db), "participation").run()
    ranking = next(frame.value for frame in app.dataframe if "participation_rate" in frame.value)
    rates = ranking["participation_rate"].dropna()
    assert len(rates) and rates.between(0, 100).all() and rates.max() > 1  # 96.8 drawn as "96.8%", not 0.968


def test_english_names_money_and_notes_in_english():
    import pandas as pd

    from analytics.charts import lists, talent
    from analytics.display import formatting, labels

    assert formatting.wan(868.4, "en") == "868.4 (RMB 10k)" and formatting.wan(868.4, "zh") == "868.4 万元"
    assert formatting.delta_wan(870.0, 800.0, "en") == "+70.0 (RMB 10k)"
    assert labels.outcome_label("QC成果", "en") == "QC results" and labels.outcome_label("QC成果", "zh") == "QC成果"
    pools = pd.DataFrame({"unit": ["甲"], "pool": ["雏鹰"], "people": [22], "change": [-1]})
    for lang, text, hover in (("en", "22 (-1)", "Eaglets: %{x}"), ("zh", "22（-1）", "雏鹰：%{x}")):
        chart = talent.pipeline_by_unit(pools, 2025, lang)
        bar = next(trace for trace in chart.data if trace.name == labels.pool_label("雏鹰", lang))
        assert bar.text[0] == text and hover in bar.hovertemplate
    closure = pd.DataFrame({"project_id": ["S1"], "name": ["降本"], "closure_rate": [0.5], "goal_rate": [1.0]})
    assert list(lists.list_rates(closure, "en").data[0].y) == ["降本 (S1)"]


def test_english_charts_say_no_chinese_unit_or_punctuation(make_app, demo_db):
    """Chart titles, axes, bar texts and hover text of the English pages: no 万元, no full-width （ ） ：."""
    import json

    for path in ("overview", "savings", "talent", "secretary"):
        app = open_page(make_app(demo_db, lang="en", year="2025"), path).run()
        assert not app.exception
        for chart in app.get("plotly_chart"):
            spec = json.loads(chart.proto.spec)
            layout = spec["layout"]
            words = [json.dumps(layout.get("title")), json.dumps(layout.get("xaxis", {}).get("title"))]
            words.append(json.dumps(layout.get("yaxis", {}).get("title")))
            for trace in spec["data"]:
                words += [str(trace.get("hovertemplate")), json.dumps(trace.get("text"), ensure_ascii=False)]
            shown = " ".join(words)
            assert "万元" not in shown and not any(mark in shown for mark in "（）："), (path, shown[:300])


def test_english_pages_name_programmes_categories_and_statuses_in_english(make_app, demo_db):
    import json

    app = open_page(make_app(demo_db, lang="en", year="2025"), "savings").run()
    assert not app.exception
    assert app.multiselect(key="program").options[:2] == ["Party member innovation", "Mass innovation"]
    assert app.multiselect(key="category").options[-1] == "Other"
    names = {trace.get("name") for chart in app.get("plotly_chart") for trace in json.loads(chart.proto.spec)["data"]}
    assert "QC projects" in names and "QC课题" not in names
    assert any(text.value.startswith("**Party member innovation contributes the most") for text in app.markdown)
    assert set(app.dataframe[0].value["program"]) <= {"Party member innovation", "Mass innovation",
        "Party secretary projects", "Three-group joint building", "Innovation studios", "QC projects"}  # fmt: skip
    projects = open_page(make_app(demo_db, lang="en", year="2025"), "projects").run()
    assert set(projects.dataframe[0].value["status"]) <= {"Approved", "In progress", "Completed", "Stopped"}
