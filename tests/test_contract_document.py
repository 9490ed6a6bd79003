"""docs/data-contract.md says what the code does (its tables are generated and must be current), and the repository
never points outside itself."""

import re

from analytics.contract import document, vocab
from tests.conftest import ROOT


def test_the_document_is_current():
    text = document.DOCUMENT.read_text(encoding="utf-8")
    assert document.render(text) == text, "run: python -m analytics.contract.document"


def test_the_document_lists_every_column_with_its_header_and_synonyms():
    text = document.DOCUMENT.read_text(encoding="utf-8")
    for kind in vocab.SHEET_KINDS.values():
        section = text.split(f"### {kind.zh} / {kind.name}\n", 1)[1].split("\n### ", 1)[0]
        for column in kind.columns:
            (line,) = [row for row in section.splitlines() if row.startswith(f"| {column.zh} | `{column.name}` |")]
            assert all(synonym in line for synonym in column.synonyms), line
    low, high = vocab.YEAR_BOUNDS
    assert f"Years: {low}–{high}" in text


def test_nothing_in_the_repository_points_outside_it():
    outside = re.compile(r"\.\./shared|/work/notes")
    files = [ROOT / "README.md", ROOT / "requirements.txt", ROOT / "requirements-dev.txt", ROOT / "Makefile"]
    files += [*ROOT.glob("docs/**/*.md"), *ROOT.glob("analytics/**/*.py"), *ROOT.glob("ui/**/*.py")]
    files += [*ROOT.glob("pages/*.py"), ROOT / "app.py"]
    pointing = [str(path.relative_to(ROOT)) for path in files if path.exists() and outside.search(path.read_text())]
    assert pointing == []


def test_the_readme_links_the_contract():
    assert "docs/data-contract.md" in (ROOT / "README.md").read_text(encoding="utf-8")
