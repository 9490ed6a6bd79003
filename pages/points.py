"""积分: points per unit (its own and everything below), per 100 members and per project, ranked with the change on
last year; the rule table, which the local admin edits here (every change recorded with who and when)."""

import getpass
from dataclasses import replace

import streamlit as st

from analytics.charts import points as point_charts
from analytics.contract import vocab
from analytics.display import takeaways
from analytics.display.labels import point_rule_label
from ui import cache, drill
from ui.i18n import lang, t

LEVEL_KEY, RULE_KEY, VALUE_KEY, MESSAGE_KEY = "points-level", "points-rule", "points-value", "_points-message"


def render() -> None:
    selection = drill.page_header("page.points")
    language = lang()
    year = cache.point_year(selection)
    default = t("points.level_default")
    level = st.selectbox(t("points.level"), [default, *vocab.UNIT_KINDS], key=LEVEL_KEY)
    ranking = cache.points_ranking(selection, None if level == default else level, year)
    if year is None or ranking.empty:
        st.info(t("pages.no_data", what=t("pages.what.points")))
    else:
        st.subheader(t("points.ranking", year=year))
        drill.takeaway(takeaways.points_ranking(ranking, year, language), "points-ranking")
        drill.unit_chart(cache.chart(point_charts.points_ranking, ranking, year, language), "chart-points-ranking")
        st.dataframe(ranking, hide_index=True, key="points-table")

        st.subheader(t("points.by_project"))
        one_year = replace(selection, year_from=year, year_to=year)
        st.dataframe(cache.points_by_project(one_year), hide_index=True, key="points-projects")
        st.subheader(t("points.by_rule"))
        by_rule = cache.points_by_rule(one_year)
        st.dataframe(
            by_rule.assign(rule=[point_rule_label(rule, language) for rule in by_rule["rule"]]),
            hide_index=True,
            key="points-rules-used",
        )

    show_rules(language)
    edit_rules(language)


def show_rules(language: str) -> None:
    """The rule table as in force, with who changed each rule and when (shown on this page and the glossary)."""
    st.subheader(t("points.rules"))
    st.caption(t("points.rules_intro"))
    rules = cache.point_rules()
    st.dataframe(
        rules.assign(rule=[point_rule_label(rule, language) for rule in rules["rule"]]),
        hide_index=True,
        key="point-rules",
    )


def edit_rules(language: str) -> None:
    """Until roles exist, whoever runs the dashboard is the local admin: changes are recorded under that user."""
    rules = cache.point_rules()
    with st.expander(t("points.edit")), st.form("points-edit"):
        st.selectbox(
            t("points.edit_rule"),
            list(rules["rule"]),
            key=RULE_KEY,
            format_func=lambda r: point_rule_label(r, language),
        )
        st.number_input(t("points.edit_value"), value=1.0, step=0.5, key=VALUE_KEY)
        st.form_submit_button(t("points.save"), on_click=_save_rule, args=(language,))
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        st.success(message)
    history = cache.point_rule_history()
    if len(history):
        st.caption(t("points.history"))
        st.dataframe(history, hide_index=True, key="points-history")


def _save_rule(language: str) -> None:
    # A callback runs before the page is drawn again, so every figure below it is already recomputed.
    rule, value, who = st.session_state[RULE_KEY], float(st.session_state[VALUE_KEY]), getpass.getuser()
    if cache.set_point_rule(rule, value, who):
        message = t("points.saved", rule=point_rule_label(rule, language), points=f"{value:g}", who=who)
    else:
        message = t("points.unchanged")
    st.session_state[MESSAGE_KEY] = message


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
