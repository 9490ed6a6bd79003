"""The overview's four charts, each with its takeaway, built by the same chart builders the pages use: one list for
the page and for the meeting deck."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analytics.charts import patents, rates, savings, trend
from analytics.display import takeaways


@dataclass(frozen=True)
class ChartWithTakeaway:
    key: str
    figure: go.Figure
    takeaway: str
    by_unit: bool  # its bars are units, so clicking one can narrow the unit filter


def overview_charts(by_unit: pd.DataFrame, by_year: pd.DataFrame, figures: dict, lang: str) -> list[ChartWithTakeaway]:
    """Participation, savings and patents by unit, then the trend over every year, in reading order."""
    average = figures["participation_rate"]
    return [
        ChartWithTakeaway(
            "participation",
            rates.rate_by_unit(by_unit, "participation_rate", "chart.participation_by_unit", lang, average),
            takeaways.highest(by_unit, "participation_rate", lang, average=average),
            by_unit=True,
        ),
        ChartWithTakeaway(
            "savings", savings.savings_by_unit(by_unit, lang), takeaways.highest(by_unit, "savings_wan", lang), True
        ),
        ChartWithTakeaway(
            "patents", patents.patents_by_unit(by_unit, lang), takeaways.patents_split(by_unit, lang), True
        ),
        ChartWithTakeaway(
            "trend", trend.trend(by_year, lang), takeaways.latest_year_change(by_year, "savings_wan", lang), False
        ),
    ]
