"""书记项目: each project's four lists with 闭环率, 目标达成率 and overdue items; by unit, the share fully closed."""

import streamlit as st

from analytics.charts import lists as list_charts
from analytics.contract import vocab
from analytics.display import formatting, takeaways
from ui import cache, chrome, drill, filters
from ui.i18n import lang, t

CUTOFF_KEY = "secretary-cutoff"
ITEM_COLUMNS = ("item_no", "item", "owner", "due_date", "done_date", "answers", "done", "overdue")


def render() -> None:
    selection = drill.page_header("page.secretary")
    language = lang()
    cutoff = filters.cutoff_input(CUTOFF_KEY, t("running.cutoff"))
    closure = cache.list_closure(selection, cutoff)
    if closure.empty:
        st.info(t("pages.no_data", what=t("pages.what.lists")))
        return

    st.subheader(t("secretary.rates"))
    drill.takeaway(takeaways.list_rates(closure, language), "secretary-rates")
    st.plotly_chart(
        cache.chart(list_charts.list_rates, closure, language),
        key="chart-secretary-rates",
        config=chrome.plotly_config(),
    )
    table = closure[["project_id", "name", "unit", "closure_rate", "goal_rate", "overdue_items"]]
    st.dataframe(
        table,
        hide_index=True,
        key="secretary-table",
        column_config={
            "closure_rate": st.column_config.ProgressColumn(t("metric.closure_rate"), min_value=0, max_value=1),
            "goal_rate": st.column_config.ProgressColumn(t("metric.goal_rate"), min_value=0, max_value=1),
            "overdue_items": st.column_config.NumberColumn(t("metric.overdue_items")),
        },
    )

    st.subheader(t("secretary.by_unit"))
    units = cache.comparison_units(selection)
    share = cache.closed_share_by_unit(selection, units, cutoff)
    drill.takeaway(takeaways.closed_share(share, language), "secretary-share")
    drill.unit_chart(cache.chart(list_charts.closed_share, share, language), "chart-secretary-share")

    st.subheader(t("secretary.lists"))
    items = cache.list_items(selection, cutoff)
    for record in closure.itertuples():
        overdue = t("secretary.overdue", n=int(record.overdue_items))
        title = f"{formatting.aside(record.name, record.project_id, language)} · {overdue}"
        with st.expander(title):
            own = items[items["project_id"] == record.project_id]
            for kind in vocab.LIST_KINDS:
                rows = own[own["list"] == kind]
                if len(rows):
                    st.markdown(f"**{t(f'list_kind.{kind}')}**")
                    st.dataframe(rows[list(ITEM_COLUMNS)], hide_index=True, key=f"list-{record.project_id}-{kind}")


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
