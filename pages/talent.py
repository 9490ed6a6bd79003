"""人才: the talent pipeline per unit and year, promotions and exits, mentors, 职称占比 and party share, honours and
training; counts for every viewer, names only where ui.access allows."""

import streamlit as st

from analytics.charts import talent as talent_charts
from analytics.display import labels, takeaways
from ui import access, cache, chrome, columns, drill
from ui.i18n import lang, t


def render() -> None:
    selection = drill.page_header("page.talent")
    language = lang()
    year = cache.talent_reference_year(selection)
    figures = cache.talent_summary(selection)
    by_year = cache.talent_pools_by_year(selection)
    titles = cache.honour_titles(selection)
    training = cache.training_totals(selection)
    if by_year.empty and titles.empty and training.empty:
        st.info(t("pages.no_data", what=t("pages.what.talent")))
        return
    if year is not None:
        st.caption(t("talent.reference_year", year=year))
    units = cache.comparison_units(selection)
    names = access.may_see_names_in(selection.units)

    st.subheader(t("talent.pipeline"))
    left, right = st.columns(2)
    with left:
        drill.takeaway(takeaways.talent_pipeline(by_year, year, language), "talent-pipeline")
        st.plotly_chart(
            cache.chart(talent_charts.pools_over_years, by_year, language),
            key="chart-talent-years",
            config=chrome.plotly_config(),
        )
    with right:
        by_unit = cache.talent_pools_by_unit(selection, units, year)
        drill.takeaway(takeaways.talent_units(by_unit, year, language), "talent-units")
        drill.unit_chart(cache.chart(talent_charts.pipeline_by_unit, by_unit, year, language), key="chart-talent-units")

    st.subheader(t("talent.moves"))
    moves = cache.talent_moves(selection)
    left, right = st.columns(2)
    with left:
        drill.takeaway(takeaways.talent_moves(moves, language), "talent-moves")
        st.plotly_chart(
            cache.chart(talent_charts.moves, moves, language), key="chart-talent-moves", config=chrome.plotly_config()
        )
    with right:
        _names_table(
            moves.assign(
                move=moves["move"].map(lambda m: t(f"talent.move.{m}")),
                from_pool=moves["from_pool"].map(lambda p: labels.pool_label(p, language)),
                to_pool=moves["to_pool"].map(lambda p: "" if p is None else labels.pool_label(p, language)),
            ),
            ["year", "person", "units", "move", "from_pool", "to_pool"],
            names,
            "talent-moves",
        )

    st.subheader(t("talent.mentors"))
    mentors = cache.talent_mentors(selection, year)
    drill.takeaway(takeaways.mentors(mentors, language), "talent-mentors")
    _names_table(mentors, ["mentor", "units", "mentees"], names, "talent-mentors")

    st.subheader(t("talent.shares"))
    shares = cache.talent_shares_by_unit(selection, units, year)
    drill.takeaway(
        takeaways.highest(shares, "titled_share", language, average=figures["titled_share"]), "talent-shares"
    )
    drill.unit_chart(cache.chart(talent_charts.shares_by_unit, shares, language), key="chart-talent-shares")

    st.subheader(t("talent.honours"))
    left, right = st.columns(2)
    with left:
        drill.takeaway(takeaways.honours(titles, language), "talent-honours")
        if not titles.empty:
            st.plotly_chart(
                cache.chart(talent_charts.honours_over_years, titles, language),
                key="chart-honours-years",
                config=chrome.plotly_config(),
            )
    with right:
        by_unit_titles = cache.honour_titles(selection, units)
        if not by_unit_titles.empty:
            figure = cache.chart(talent_charts.honours_by_unit, by_unit_titles, list(units), language)
            drill.unit_chart(figure, key="chart-honours-units")
    _names_table(
        titles.assign(
            level=titles["level"].map(lambda v: labels.honour_level_label(v, language)), units=titles["unit"]
        ),
        ["year", "person", "units", "title", "level"],
        names,
        "talent-honours",
    )

    st.subheader(t("talent.training"))
    left, right = st.columns(2)
    with left:
        drill.takeaway(takeaways.training(training, language), "talent-training")
        if not training.empty:
            st.plotly_chart(
                cache.chart(talent_charts.training_by_type, training, language),
                key="chart-training-types",
                config=chrome.plotly_config(),
            )
    with right:
        by_unit_training = cache.training_totals(selection, units)
        if not by_unit_training.empty:
            figure = cache.chart(talent_charts.training_by_unit, by_unit_training, list(units), language)
            drill.unit_chart(figure, key="chart-training-units")
    st.caption(t("drill.hint"))


def _names_table(frame, shown: list[str], allowed: bool, key: str) -> None:
    """A list of people, only where the viewer may see names (the whole selection, then row by row)."""
    if frame.empty:
        return
    with st.expander(t("talent.names"), expanded=False), st.container(key=f"names-{key}"):
        visible = access.visible_rows(frame) if allowed else frame.iloc[0:0]
        if visible.empty:
            st.caption(t("talent.names_hidden"))
            return
        st.dataframe(visible[shown], hide_index=True, column_config=columns.config(shown))


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
