"""The glossary's metrics in order; each row's text comes from the translation entries the KPI hovers use."""

from __future__ import annotations

from analytics.i18n import t

# Headline metrics first (the overview's KPI band), then the figures the analysis pages add.
METRIC_KEYS = (
    "projects",
    "participation_rate",
    "branch_coverage",
    "savings_wan",
    "patents",
    "software_copyrights",
    "award_rate",
    "completion_rate",
    "projects_per_branch",
    "savings_per_100_members",
    "top3_share",
    "overdue_projects",
)


def glossary(lang: str = "zh") -> list[dict[str, str]]:
    """One row per metric: key, name, definition, numerator, denominator (a count's denominator says so)."""
    return [
        {
            "key": key,
            "name": t(f"metric.{key}", lang),
            "definition": t(f"metric.{key}.def", lang),
            "numerator": t(f"metric.{key}.numerator", lang),
            "denominator": t(f"metric.{key}.denominator", lang),
        }
        for key in METRIC_KEYS
    ]
