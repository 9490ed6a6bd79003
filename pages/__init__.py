"""Page renderers, one module each (render() reads the shared filters, calls analytics, draws); below, the registry:
every page's renderer, title key, stable URL path and the least role that may open it, in menu order."""

from __future__ import annotations

from pages import (
    admin,
    audit,
    awards,
    batches,
    checks,
    glossary,
    overview,
    participation,
    patents,
    points,
    projects,
    savings,
    secretary,
    studios,
    suggestions,
    talent,
    upload,
)
from ui.navigation import PageEntry

# Presenter chapters step through these url paths in this order (overview → … → studios).
PAGES: tuple[PageEntry, ...] = (
    PageEntry(overview.render, "page.overview", "overview", default=True),
    PageEntry(participation.render, "page.participation", "participation"),
    PageEntry(savings.render, "page.savings", "savings"),
    PageEntry(patents.render, "page.patents", "patents"),
    PageEntry(projects.render, "page.projects", "projects"),
    PageEntry(awards.render, "page.awards", "awards"),
    PageEntry(studios.render, "page.studios", "studios"),
    PageEntry(talent.render, "page.talent", "talent"),  # issue 16
    # issue 17: running the programme
    PageEntry(checks.render, "page.checks", "checks"),
    PageEntry(secretary.render, "page.secretary", "secretary"),
    PageEntry(suggestions.render, "page.suggestions", "suggestions"),
    PageEntry(points.render, "page.points", "points"),
    PageEntry(glossary.render, "page.glossary", "glossary"),
    PageEntry(upload.render, "page.upload", "upload", role="analyst"),
    PageEntry(batches.render, "page.batches", "batches", role="analyst"),
    PageEntry(audit.render, "page.audit", "audit", role="admin"),
    PageEntry(admin.render, "page.admin", "admin", role="admin"),
)
