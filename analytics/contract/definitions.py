"""The glossary's metrics in order; each row's text comes from the translation entries the KPI hovers use."""

from __future__ import annotations

from analytics.i18n import t

# The overview's KPI band, in its order: the metrics every export closes with.
KPI_BAND_KEYS = (
    "projects",
    "participation_rate",
    "branch_coverage",
    "savings_wan",
    "patents",
    "award_rate",
    "due_completion_rate",
    "software_copyrights",
)
# Headline metrics first, then the figures the analysis pages add.
# The plain 结题率 stays in the glossary: the band judges completion only on projects already due.
METRIC_KEYS = (
    *KPI_BAND_KEYS,
    "completion_rate",
    "projects_per_branch",
    "savings_per_100_members",
    "top3_share",
    "overdue_projects",
)
# issue 16: the people figures leaders quote, on the overview's band after the figures above (the exports' KPI pages
# keep KPI_BAND_KEYS; their 人才 section shows these), then the people metrics of the 人才 page.
PEOPLE_BAND_KEYS = ("golden_eagles", "eagles", "training_sessions")
OVERVIEW_BAND_KEYS = (*KPI_BAND_KEYS, *PEOPLE_BAND_KEYS)
METRIC_KEYS += (
    *PEOPLE_BAND_KEYS,
    "titled_share",
    "party_member_share",
    "promotions",
    "exits",
    "honours",
    "training_attendance",
    "training_hours",
)
# issue 17: running the programme
METRIC_KEYS = (*METRIC_KEYS, "on_track_rate", "closure_rate", "goal_rate", "adoption_rate", "done_rate",
               "points_per_100_members")  # fmt: skip


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
