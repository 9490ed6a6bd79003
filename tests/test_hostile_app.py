"""Hostile names and links are data: every markdown the app draws carries them escaped, SQL-looking parameters
find nothing and change nothing, and nonsense parameters get a notice, never an exception."""

import pytest

from analytics.contract.vocab import NAME_MAX_LENGTH
from analytics.store.connection import connect
from pages import PAGES
from tests.conftest import open_page
from tests.factories import load_records, new_store
from tests.test_load import snapshot
from ui.markdown import escape

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "**bold**",
    "$x$",
    # The longest name the contract allows (vocab.NAME_MAX_LENGTH): a 2,000-character one is refused at upload.
    "甲" * NAME_MAX_LENGTH,
    "零\u200b宽\u200d字",
    "O'Brien\"; DROP TABLE units; --",
]
RAW_MARKERS = ("<img", "<script", "](javascript", "**bold**", "$x$")


@pytest.fixture
def hostile_db(tmp_path):
    con = new_store(tmp_path)
    units = [{"unit": "集团", "kind": "集团"}] + [{"unit": name, "parent": "集团"} for name in HOSTILE]
    projects = [
        {"project_id": f"P{i}", "name": name, "unit": name, "year": 2024, "leader": name}
        for i, name in enumerate(HOSTILE)
    ]
    load_records(con, units=units, projects=projects)
    con.close()
    return tmp_path / "store.duckdb"


def markdown_texts(app) -> list[str]:
    found = [element.value for element in app.markdown]
    found += [element.value for element in app.caption]
    found += [element.value for kind in ("warning", "info", "error", "success") for element in getattr(app, kind)]
    found += [element.value for element in app.title] + [element.value for element in app.subheader]
    return found


@pytest.mark.parametrize("name", HOSTILE[:5])
def test_a_hostile_unit_name_reaches_markdown_only_escaped(make_app, hostile_db, name):
    for entry in PAGES:
        app = open_page(make_app(hostile_db, unit=name), entry.url_path).run()
        assert not app.exception, (entry.url_path, app.exception)
        texts = markdown_texts(app)
        if entry.url_path not in ("glossary", "upload", "batches", "audit", "admin"):  # pages about a unit name it
            assert any(escape(name) in text for text in texts), entry.url_path
        for text in texts:
            # Wherever the name appears, it is in its escaped form: take that out and nothing active is left.
            rest = text.replace(escape(name), "")
            for marker in RAW_MARKERS:
                assert marker not in rest, (entry.url_path, text)


@pytest.mark.parametrize(
    "query",
    [
        {"unit": "x' OR 1=1; --"},
        {"year": "99999"},
        {"year": "2024; DROP TABLE projects"},
        {"lang": "xx"},
        {"program": "'; DELETE FROM projects; --"},
        {"present": "1", "rotate": "-1"},
    ],
)
def test_nonsense_and_sql_looking_parameters_get_a_notice_and_change_nothing(make_app, hostile_db, query):
    con = connect(hostile_db)
    before = snapshot(con)
    con.close()
    app = make_app(hostile_db, **query).run()
    assert not app.exception
    if "present" not in query:
        [notice] = [w.value for w in app.warning]
        value = next(iter(query.values()))
        assert value.replace("\\", "")[:5] in notice.replace("\\", "")
    con = connect(hostile_db)
    assert snapshot(con) == before
    con.close()
