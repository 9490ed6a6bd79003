"""Presenter mode (?present=1): full screen, large type, the filter context on top, chapters stepped in order."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

import streamlit as st

from analytics.charts import awards as award_charts
from analytics.charts import checks as check_charts
from analytics.charts import lists as list_charts
from analytics.charts import patents as patent_charts
from analytics.charts import points as point_charts
from analytics.charts import rates as rate_charts
from analytics.charts import savings as savings_charts
from analytics.charts import studios as studio_charts
from analytics.charts import suggestions as suggestion_charts
from analytics.charts import talent as talent_charts
from analytics.charts.layout import for_presentation
from analytics.contract.missing import is_missing
from analytics.display import formatting, labels, takeaways
from analytics.display.kpi_band import Tile, comparable, comparable_period, tiles
from analytics.filters import Filters
from analytics.metrics import lists as lists_metrics
from analytics.metrics import studios as studios_metrics
from ui import cache, drill, filters, kpi
from ui.i18n import join, lang, t
from ui.markdown import escape
from ui.navigation import PageEntry

PRESENT_KEY, ROTATE_KEY = "present", "rotate"
# The meeting's running order; only the chapters registered in pages (the registry) are stepped through. A chapter
# joins by adding its url path here and its one-screen slide to SLIDES (tests/test_present_browser.py fits every one).
CHAPTERS = ("overview", "participation", "savings", "patents", "awards", "studios")
CHAPTERS += ("talent",)  # issue 16
# issue 17: running the programme — the quarterly checks first, then 书记项目, ideas and points.
CHAPTERS = (*CHAPTERS, "checks", "secretary", "suggestions", "points")
MIN_ROTATE, MAX_ROTATE = 5, 3600
_CHAPTER_SHOWN = "_present_chapter_shown"

# Constant CSS only: nothing from a user or the data ever reaches this string.
# A slide is one 16:9 screen (designed for 1920×1080 and 1280×720): the chart area takes the height the header,
# takeaways and the control band leave, so nothing scrolls and the controls never cover a chart. Charts are drawn
# for that size (charts.layout.for_presentation: large dark type, no fixed height), never zoomed.
_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebarNav"],
[data-testid="stToolbar"], [data-testid="stHeader"], [data-testid="stDecoration"], footer { display: none !important; }
[data-testid="stMain"] { overflow: hidden; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 0.75rem 2rem 0 2rem; }
[data-testid="stMainBlockContainer"] > div > [data-testid="stVerticalBlock"] { gap: 0.6rem; }
.st-key-slide-header { min-height: 3rem; }
.st-key-slide-title p { font-size: 2rem; font-weight: 700; color: #1a1a1a; margin: 0; line-height: 1.2; }
.st-key-page-context p { font-size: 1.4rem; color: #333 !important; margin: 0; }
[class*="st-key-takeaway-"] p { font-size: 1.35rem; color: #1a1a1a; line-height: 1.35; margin: 0; }
[class*="st-key-takeaway-"] { min-height: 3.7rem; }
[class*="st-key-charttitle-"] p { font-size: 1.5rem; color: #1a1a1a; margin: 0; }
.st-key-slide-charts [data-testid="stPlotlyChart"] { height: calc(100vh - 17.5rem) !important; }
.st-key-slide-charts-kpi [data-testid="stPlotlyChart"] { height: calc(100vh - 27rem) !important; }
.st-key-slide-kpis [data-testid="stMetric"] { padding: 0.4rem 0.6rem; }
.st-key-slide-kpis [data-testid="stMetricLabel"] p { font-size: 1.1rem; color: #1a1a1a; }
.st-key-slide-kpis [data-testid="stMetricValue"] { font-size: 2.1rem; color: #1a1a1a; }
.st-key-slide-list [data-testid="stAlert"] p { font-size: 1.3rem; }
.st-key-slide-list { max-height: calc(100vh - 11rem); overflow: hidden; }
.st-key-slide-table th, .st-key-slide-table td { font-size: 1.25rem; color: #1a1a1a !important;
    padding: 0.3rem 0.6rem; }
.st-key-present-controls {
    position: fixed; right: 1.5rem; bottom: 0.6rem; z-index: 1000; width: auto !important;
    background: white; border-radius: 0.5rem; padding: 0.2rem 0.75rem;
}
@media (max-height: 800px) {
    .st-key-slide-title p { font-size: 1.6rem; }
    .st-key-page-context p { font-size: 1.15rem; }
    [class*="st-key-takeaway-"] p { font-size: 1.1rem; }
    [class*="st-key-takeaway-"] { min-height: 3rem; }
    [class*="st-key-charttitle-"] p { font-size: 1.2rem; }
    .st-key-slide-charts [data-testid="stPlotlyChart"] { height: calc(100vh - 16rem) !important; }
    .st-key-slide-charts-kpi [data-testid="stPlotlyChart"] { height: calc(100vh - 24rem) !important; }
    .st-key-slide-kpis [data-testid="stMetricDelta"] { font-size: 0.7rem; }
    /* Eight tiles at 1280 px: the tile's own 15 px side padding would cut 节创价值（万元） and +2.7个百分点. */
    .st-key-slide-kpis [data-testid="stMetric"] { padding: 0.3rem; }
    .st-key-slide-kpis [data-testid="stMetric"] > div { padding-left: 0.35rem; padding-right: 0.2rem; }
    .st-key-slide-kpis [data-testid="stMetricLabel"] p { font-size: 0.9rem; }
    .st-key-slide-kpis [data-testid="stMetricValue"] { font-size: 1.5rem; }
    .st-key-slide-list [data-testid="stAlert"] p { font-size: 1.05rem; }
    .st-key-slide-table th, .st-key-slide-table td { font-size: 1rem; padding: 0.15rem 0.4rem; }
}
</style>
"""


def active() -> bool:
    """True when the link asks for presenter mode."""
    return st.query_params.get(PRESENT_KEY) == "1"


def rotate_seconds() -> int | None:
    """Seconds per chapter for a lobby screen (&rotate=SECONDS), clamped to a sane range; None when not rotating."""
    try:
        seconds = int(st.query_params.get(ROTATE_KEY, ""))
    except ValueError:
        return None
    return min(max(seconds, MIN_ROTATE), MAX_ROTATE) if seconds > 0 else None


def setup() -> bool:
    """Call after filters.restore_from_url() and before the sidebar is drawn; True in presenter mode.

    In presenter mode the sidebar is not drawn: the filters come from the link and are kept as they are.
    """
    if not active():
        return False
    # Widget values whose widgets are not drawn this run are dropped by Streamlit; re-set, they persist.
    for key in filters.URL_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    st.html(_CSS)
    return True


def chapters(registry: Sequence[PageEntry]) -> list[PageEntry]:
    """The registered chapters, in the meeting's order."""
    by_path = {entry.url_path: entry for entry in registry}
    return [by_path[path] for path in CHAPTERS if path in by_path]


def _current(page, entries: list[PageEntry], registry: Sequence[PageEntry]) -> int | None:
    path = page.url_path or next((entry.url_path for entry in registry if entry.default), "")
    return next((index for index, entry in enumerate(entries) if entry.url_path == path), None)


def _go(entry: PageEntry) -> None:
    # switch_page clears the query string unless given one: keep the filters, present and rotate.
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    st.switch_page(entry.page(), query_params=params)


def controls(page, registry: Sequence[PageEntry]) -> None:
    """Call after page.run(). Presenting: Previous/Next (←/→), exit, and rotation; else the sidebar's enter button."""
    if not active():
        if st.sidebar.button(t("present.enter"), help=t("present.enter.help"), icon=":material/slideshow:"):
            st.query_params[PRESENT_KEY] = "1"
            st.rerun()
        return
    entries = chapters(registry)
    index = _current(page, entries, registry)
    with st.container(key="present-controls", horizontal=True, vertical_alignment="center"):
        previous = st.button(
            t("present.previous"), key="present-previous", shortcut="Left", disabled=not index
        )  # index None (a page outside the chapters) or 0: nothing before it
        if index is not None:
            st.caption(t("present.position", index=index + 1, total=len(entries)))
        last = index is not None and index == len(entries) - 1
        following = st.button(t("present.next"), key="present-next", shortcut="Right", disabled=last or not entries)
        leave = st.button(t("present.exit"), key="present-exit", shortcut="Esc", type="tertiary")
        seconds = rotate_seconds()
        st.caption(t("present.rotating", seconds=seconds) if seconds else t("present.fullscreen_hint"))
    if leave:
        for key in (PRESENT_KEY, ROTATE_KEY):
            if key in st.query_params:
                del st.query_params[key]
        st.rerun()
    if previous and index:
        _go(entries[index - 1])
    if following and entries:
        _go(entries[0 if index is None else index + 1])
    if seconds and entries:
        _rotation(entries, index, seconds)


def _rotation(entries: list[PageEntry], index: int | None, seconds: int) -> None:
    """Advance to the next chapter (wrapping) once this one has been shown for `seconds`.

    A fragment that reruns every second only compares clocks: the chapter's page runs once per showing, so
    each showing reads fresh figures, and a slow rerun cannot make a chapter be skipped.
    """
    shown_path = entries[index].url_path if index is not None else ""
    shown = st.session_state.get(_CHAPTER_SHOWN)
    if not shown or shown[0] != shown_path:
        st.session_state[_CHAPTER_SHOWN] = (shown_path, time.monotonic())

    @st.fragment(run_every=1)
    def tick() -> None:
        _, since = st.session_state[_CHAPTER_SHOWN]
        if time.monotonic() - since >= seconds:
            st.session_state[_CHAPTER_SHOWN] = ("", time.monotonic())
            _go(entries[0 if index is None or index == len(entries) - 1 else index + 1])

    tick()


# ---- The slides: each chapter as one screen ------------------------------------------------------------------------


def _chart(figure, key: str) -> None:
    """The chart's title as a line of the slide, then the chart drawn for the slide's chart area."""
    with st.container(key=f"charttitle-{key}"):
        st.markdown(f"**{escape(figure.layout.title.text or '')}**")
    # theme=None: the slide's own type sizes and colours, not Streamlit's smaller grey theme; no modebar on a slide.
    st.plotly_chart(
        for_presentation(figure, keep_title=False),
        key=key,
        height="stretch",
        theme=None,
        config={"displayModeBar": False},
    )


def _pair(left: tuple[str, object], right: tuple[str, object], key: str, area: str = "slide-charts") -> None:
    """Two charts side by side, each under its takeaway, in the slide's chart area."""
    with st.container(key=area):
        for column, (text, figure), side in zip(st.columns(2), (left, right), ("left", "right"), strict=True):
            with column:
                drill.takeaway(text, f"{key}-{side}")
                if figure is None:
                    st.info(t("takeaway.no_data"))
                else:
                    _chart(figure, f"slide-{key}-{side}")


def _kpis(shown: Sequence[Tile]) -> None:
    """The slide's headline figures in one row of tiles, each with its change where there is one."""
    with st.container(key="slide-kpis"):
        for column, tile in zip(st.columns(len(shown)), shown, strict=True):
            with column:
                st.metric(
                    tile.label,
                    tile.value,
                    tile.delta,
                    border=True,
                    delta_color="off" if tile.flat else "normal",
                    delta_arrow="off" if tile.flat else "auto",
                )


def _overview(selection: Filters, language: str) -> None:
    now = cache.summary(selection)
    previous = comparable_period(selection, cache.available_years())
    before = comparable(cache.summary(previous) if previous else None)
    _kpis(tiles(now, before, language))
    if not now["has_data"]:
        return
    by_unit = cache.kpis_by_unit(selection, cache.comparison_groups(selection))
    _pair(
        (takeaways.highest(by_unit, "savings_wan", language), savings_charts.savings_by_unit(by_unit, language)),
        (takeaways.patents_split(by_unit, language), patent_charts.patents_by_unit(by_unit, language)),
        "overview",
        area="slide-charts-kpi",
    )


def _participation(selection: Filters, language: str) -> None:
    figures = cache.summary(selection)
    by_unit = cache.kpis_by_unit(selection, cache.comparison_units(selection))
    shown = []
    for metric, title_key in (
        ("participation_rate", "chart.participation_by_unit"),
        ("branch_coverage", "chart.branch_coverage_by_unit"),
    ):
        figure = rate_charts.rate_by_unit(by_unit, metric, title_key, language, figures[metric])
        shown.append((takeaways.highest(by_unit, metric, language, average=figures[metric]), figure))
    _pair(*shown, "participation")


def _savings(selection: Filters, language: str) -> None:
    groups = list(cache.comparison_groups(selection))
    parts = cache.savings_by_unit_dimension(selection, tuple(groups))
    everything = selection.without_years()
    _pair(
        (
            takeaways.largest_part(parts, "program", language, unlabelled=t("chart.unit_level")),
            savings_charts.savings_by_unit_parts(parts, groups, "program", language),
        ),
        (
            takeaways.latest_year_change(cache.trend(everything), "savings_wan", language),
            savings_charts.savings_trend_by_program(cache.savings_by_year_program(everything), language),
        ),
        "savings",
    )


def _patents(selection: Filters, language: str) -> None:
    by_unit = cache.kpis_by_unit(selection, cache.comparison_groups(selection))
    trend = cache.trend(selection.without_years())
    _pair(
        (takeaways.patents_split(by_unit, language), patent_charts.patents_by_unit(by_unit, language)),
        (takeaways.latest_year_change(trend, "patent_count", language), patent_charts.patents_trend(trend, language)),
        "patents",
    )


def _awards(selection: Filters, language: str) -> None:
    figures = cache.summary(selection)
    funnel = cache.award_funnel(selection)
    by_unit = cache.kpis_by_unit(selection, cache.comparison_groups(selection))
    level = lambda value: labels.level_label(value, language)  # noqa: E731
    _pair(
        (takeaways.award_funnel(funnel, level, language), award_charts.award_funnel(funnel, language)),
        (
            takeaways.highest(by_unit, "award_rate", language, average=figures["award_rate"]),
            rate_charts.rate_by_unit(
                by_unit, "award_rate", "chart.award_rate_by_unit", language, figures["award_rate"]
            ),
        ),
        "awards",
    )


def _studios(selection: Filters, language: str) -> None:
    verdicts = cache.studio_verdicts(selection)
    year = studios_metrics.studio_year(verdicts, selection)
    cards = studios_metrics.studio_cards(verdicts, year)
    if not cards:
        st.info(t("pages.no_data", what=t("pages.what.studios")))
        return
    at_risk = [card for card in cards if card["verdict"] != "ok"]
    shown = (at_risk or cards)[0]
    with st.container(key="slide-charts"):
        left, right = st.columns(2)
        with left:
            drill.takeaway(takeaways.studios(verdicts[verdicts["year"] == year], year, language), "studios-left")
            with st.container(key="slide-list"):
                if not at_risk:
                    st.success(t("studios.none_at_risk", year=year))
                for card in at_risk:
                    verdict = t(f"studio.verdict.{card['verdict']}")
                    line = t("studios.verdict_line", studio=card["studio"], unit=card["unit"], verdict=verdict)
                    missed = join(t(f"studio.dim.{dim}") for dim in card["missed"])
                    (st.error if card["verdict"] == "delisted" else st.warning)(
                        f"{line} · {t('studios.missed_dims', dims=missed)}"
                    )
                _studio_history(selection)
        with right:
            verdict = t(f"studio.verdict.{shown['verdict']}")
            title = f"{shown['studio']} · {verdict}"
            drill.takeaway(t("studios.each", year=year), "studios-right")
            _chart(studio_charts.studio_targets(shown["dimensions"], title, language), "slide-studios-right")


# ---- People and running the programme (issues 16 and 17): the figures of their pages, one screen each ----------


# A slide has no date picker: it judges overdue at the cut-off the pages open with (the link's, else the data's).
def _cutoff() -> dt.date:
    return filters.linked_cutoff()


def _talent(selection: Filters, language: str) -> None:
    year = cache.talent_reference_year(selection)
    by_year = cache.talent_pools_by_year(selection)
    if by_year.empty:
        st.info(t("pages.no_data", what=t("pages.what.talent")))
        return
    figures = cache.talent_summary(selection)
    previous = comparable_period(selection, cache.available_years())
    before = comparable(cache.summary(previous) if previous else None)
    titled = Tile("titled_share", t("metric.titled_share"), formatting.rate(figures["titled_share"], language), None)
    _kpis((*kpi.people_tiles(selection, before is not None), titled))
    by_unit = cache.talent_pools_by_unit(selection, cache.comparison_units(selection), year)
    _pair(
        (takeaways.talent_pipeline(by_year, year, language), talent_charts.pools_over_years(by_year, language)),
        (takeaways.talent_units(by_unit, year, language), talent_charts.pipeline_by_unit(by_unit, year, language)),
        "talent",
        area="slide-charts-kpi",
    )


def _checks(selection: Filters, language: str) -> None:
    summary = cache.check_summary(selection, _cutoff(), None)
    if summary["year"] is None:
        st.info(t("pages.no_data", what=t("pages.what.checks")))
        return
    period = f"{summary['year']}Q{summary['quarter']}"
    _kpis(
        (
            Tile("on_track_rate", t("metric.on_track_rate"), formatting.rate(summary["on_track_rate"], language), None),
            *(
                Tile(
                    key, t("present.in_period", metric=t(f"metric.{key}"), period=period), str(len(summary[part])), None
                )
                for key, part in (("red_cards", "red"), ("yellow_cards", "yellow"), ("unchecked", "unchecked"))
            ),
        )
    )
    by_unit = cache.on_track_by_quarter(selection, cache.comparison_units(selection))
    total = cache.on_track_by_quarter(selection, None)
    grid = check_charts.on_track_grid(by_unit, language) if len(by_unit) else None
    if grid is not None and by_unit["year"].nunique() == 1:
        # One year (the context line names it): the columns read Q1…Q4, level, where 2024Q1… would tilt at 720p.
        quarters = by_unit.drop_duplicates("period").sort_values("period")
        grid.update_xaxes(tickvals=list(quarters["period"]), ticktext=[f"Q{int(q)}" for q in quarters["quarter"]])
    _pair(
        (takeaways.on_track_grid(by_unit, language), grid),
        (
            takeaways.check_trend(total, summary, language),
            check_charts.check_trend(total, cache.check_cards(selection), language),
        ),
        "checks",
        area="slide-charts-kpi",
    )


# A slide shows at most this many 书记项目 (two bars each, a two-line label), the slowest to close first, each name
# cut to SLIDE_NAME_CHARS; the page lists them all in full.
SLIDE_PROJECTS, SLIDE_NAME_CHARS = 6, 10


def _secretary(selection: Filters, language: str) -> None:
    closure = cache.list_closure(selection, _cutoff())
    if closure.empty:
        st.info(t("pages.no_data", what=t("pages.what.lists")))
        return
    totals = lists_metrics.closure_totals(closure)
    _kpis(
        (
            Tile("secretary_projects", t("present.secretary_projects"), formatting.count(totals["projects"]), None),
            Tile("fully_closed", t("present.fully_closed"), formatting.count(totals["fully_closed"]), None),
            Tile("overdue_items", t("metric.overdue_items"), formatting.count(totals["overdue_items"]), None),
        )
    )
    shown = closure
    if len(closure) > SLIDE_PROJECTS:
        shown = closure.sort_values(
            ["overdue_items", "closure_rate", "project_id"], ascending=[False, True, True], na_position="last"
        ).head(SLIDE_PROJECTS)
    rates = list_charts.list_rates(shown, language, name_chars=SLIDE_NAME_CHARS)
    if len(shown) < len(closure):
        rates.update_layout(title_text=t("present.lagging_lists", n=len(shown), total=len(closure)))
    share = cache.closed_share_by_unit(selection, cache.comparison_units(selection), _cutoff())
    _pair(
        (takeaways.list_rates(closure, language), rates),
        (takeaways.closed_share(share, language), list_charts.closed_share(share, language)),
        "secretary",
        area="slide-charts-kpi",
    )


def _suggestions(selection: Filters, language: str) -> None:
    summary = cache.suggestion_summary(selection)
    if summary["collected"] == 0:
        st.info(t("pages.no_data", what=t("pages.what.suggestions")))
        return
    _kpis(
        (
            Tile(
                "collected", t("metric.suggestions_collected"), formatting.count(summary["collected"], language), None
            ),
            Tile("adoption_rate", t("metric.adoption_rate"), formatting.rate(summary["adoption_rate"], language), None),
            Tile("done_rate", t("metric.done_rate"), formatting.rate(summary["done_rate"], language), None),
            Tile("adopted_value", t("metric.adopted_value"), formatting.wan(summary["value_wan"], language), None),
        )
    )
    by_unit = cache.suggestions_by_unit(selection, cache.comparison_units(selection))
    by_month = cache.suggestions_by_month(selection)
    months = suggestion_charts.suggestions_by_month(by_month, language)
    dated = [month for month in by_month["month"] if not is_missing(month)]
    if len({month[:4] for month in dated}) == 1:
        # One year (the context line names it): 1月…12月, level, where 2024-01… would tilt at 720p.
        numbers = [int(month[5:7]) for month in dated]
        months.update_xaxes(tickvals=dated, ticktext=[formatting.month(number, language) for number in numbers])
    _pair(
        (takeaways.suggestions_by_unit(by_unit, language), suggestion_charts.suggestions_by_unit(by_unit, language)),
        (
            takeaways.suggestions_by_month(by_month, language),
            months,
        ),
        "suggestions",
        area="slide-charts-kpi",
    )


def _points(selection: Filters, language: str) -> None:
    year = cache.point_year(selection)
    ranking = cache.points_ranking(selection, None, year)
    if year is None or ranking.empty:
        st.info(t("pages.no_data", what=t("pages.what.points")))
        return
    summary = cache.points_summary(selection, year)
    before = summary["previous_points"] or None  # no points the year before: nothing to compare with
    change = None if before is None else f"{round(summary['points'] - before, 6):+g}"
    per_100 = summary["points_per_100_members"]
    _kpis(
        (
            Tile("points", t("present.points_total", year=year), f"{summary['points']:g}", change),
            Tile(
                "points_per_100_members",
                t("metric.points_per_100_members"),
                t("value.unknown") if per_100 is None else f"{per_100:.1f}",
                None,
            ),
        )
    )
    by_rule = cache.points_by_rule(replace(selection, year_from=year, year_to=year))  # as the page's 积分构成
    _pair(
        (takeaways.points_ranking(ranking, year, language), point_charts.points_ranking(ranking, year, language)),
        (takeaways.points_rules(by_rule, language), point_charts.points_by_rule(by_rule, language)),
        "points",
        area="slide-charts-kpi",
    )


# The verdicts of the last years up to the selected one a studio slide lists (the page lists every year).
SLIDE_YEARS = 5
# Constant cell styles by verdict code: the table's colours, never text from the data.
_VERDICT_STYLE = {"warning": "background-color: #fcf3cf", "delisted": "background-color: #f5b7b1"}


def _studio_history(selection: Filters) -> None:
    """Under the year's warnings, each studio's verdict over the last years (the page's 历年评价), so a slide whose
    studios all met their targets still shows their record."""
    history = studios_metrics.verdict_history(cache.studio_verdicts(selection.without_years()))
    years = [
        column
        for column in history.columns
        if column not in ("studio", "unit") and (selection.year_to is None or int(column) <= selection.year_to)
    ][-SLIDE_YEARS:]
    if history.empty or not years:
        return
    codes = history.set_index("studio")[years]
    shown = codes.map(lambda code: "" if is_missing(code) else t(f"studio.verdict.{code}"))
    shown.index.name, shown.columns = t("column.studio"), [str(year) for year in years]
    styles = codes.map(lambda code: _VERDICT_STYLE.get(code, ""))
    styles.index, styles.columns = shown.index, shown.columns
    with st.container(key="charttitle-studios-history"):
        st.markdown(f"**{t('studios.history')}**")
    with st.container(key="slide-table"):
        st.table(shown.style.apply(lambda _: styles, axis=None))


# A chapter's url path → the function that draws its slide; a chapter without one is shown as its page.
SLIDES: dict[str, Callable[[Filters, str], None]] = {
    "overview": _overview,
    "participation": _participation,
    "savings": _savings,
    "patents": _patents,
    "awards": _awards,
    "studios": _studios,
    "talent": _talent,
    "checks": _checks,
    "secretary": _secretary,
    "suggestions": _suggestions,
    "points": _points,
}


def slide(page, registry: Sequence[PageEntry]) -> bool:
    """In presenter mode, draw the current chapter as one screen and return True; False when the page is drawn as
    it is (not presenting, or a page without a slide)."""
    if not active():
        return False
    path = page.url_path or next((entry.url_path for entry in registry if entry.default), "")
    draw = SLIDES.get(path)
    entry = next((entry for entry in registry if entry.url_path == path), None)
    if draw is None or entry is None:
        return False
    selection = filters.current()
    with st.container(key="slide-header", horizontal=True, vertical_alignment="bottom", gap="medium"):
        with st.container(key="slide-title", width="content"):
            st.markdown(t(entry.title_key))
        with st.container(key="page-context", width="content"):
            st.caption(filters.context_line(selection))
    draw(selection, lang())
    return True
