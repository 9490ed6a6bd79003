"""Translation table section: the analysis pages (participation, savings, patents, projects, awards, studios, glossary)."""

TEXT: dict[str, dict[str, str]] = {}
