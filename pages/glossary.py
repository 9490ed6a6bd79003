"""口径: every metric's definition, numerator and denominator, from the texts the KPI hovers use."""

import streamlit as st

from analytics.contract import definitions
from pages import points
from ui import filters
from ui.i18n import lang, t


def render() -> None:
    st.title(t("page.glossary"))
    filters.show_unknown_units()
    st.caption(t("glossary.intro"))
    for row in definitions.glossary(lang()):
        with st.container(key=f"glossary-{row['key']}", border=True):
            st.markdown(f"**{row['name']}**")
            st.markdown(row["definition"])
            numerator = t("glossary.numerator", text=row["numerator"])
            st.markdown(f"{numerator}  \n{t('glossary.denominator', text=row['denominator'])}")
    points.show_rules(lang())  # issue 17: the points rule table in force


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
