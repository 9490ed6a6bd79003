"""操作审计 (admins): who did what, when and from where, filtered, and exported as formula-safe CSV or Excel."""

from __future__ import annotations

import streamlit as st

from analytics.exports import table_export
from analytics.store import accounts, audit
from ui import auth, cache
from ui.i18n import t

ANY = ""


def render() -> None:
    st.title(t("page.audit"))
    st.caption(t("audit.intro"))
    principal = auth.principal()
    con = cache.cursor()
    try:
        accounts.require(con, principal, "admin", "audit_read")
    except accounts.Forbidden:
        auth.refuse_page("admin")
        return
    left, middle, right = st.columns(3)
    actor = left.text_input(t("audit.actor"), key="audit-actor").strip()
    actions = middle.multiselect(
        t("audit.actions"),
        options=list(audit.ACTIONS),
        format_func=lambda a: t(f"audit.action.{a}"),
        key="audit-actions",
        placeholder=t("audit.actions.placeholder"),
        select_all=False,  # none chosen means every action
    )
    outcome = right.selectbox(
        t("audit.outcome"),
        options=[ANY, *audit.OUTCOMES],
        format_func=lambda o: t("audit.any") if o == ANY else t(f"audit.outcome.{o}"),
        key="audit-outcome",
    )
    since = left.date_input(t("audit.since"), value=None, key="audit-since")
    until = middle.date_input(t("audit.until"), value=None, key="audit-until")
    frame = audit.read(
        con, actor=actor or None, actions=tuple(actions), outcome=outcome or None, since=since, until=until
    )
    if frame.empty:
        st.info(t("audit.none"))
        return
    shown = frame.assign(
        action=frame["action"].map(lambda a: t(f"audit.action.{a}")),
        outcome=frame["outcome"].map(lambda o: t(f"audit.outcome.{o}")),
    )
    headers = t("audit.columns").split(",")
    st.caption(t("audit.count", count=len(frame)))
    st.dataframe(shown.set_axis(headers, axis=1), hide_index=True, key="audit-table")

    def exported(fmt: str):
        def build() -> bytes:
            cursor = cache.cursor()
            audit.record(cursor, actor=principal.name, source=principal.source, action="export", target=f"audit.{fmt}")
            if fmt == "csv":
                return table_export.to_csv(shown, headers)
            return table_export.to_xlsx(shown, headers, t("page.audit"))

        return build

    file_name = t("audit.file")
    st.download_button(
        t("audit.csv"), data=exported("csv"), file_name=f"{file_name}.csv", mime="text/csv", key="audit-csv"
    )
    st.download_button(
        t("audit.xlsx"),
        data=exported("xlsx"),
        file_name=f"{file_name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="audit-xlsx",
    )


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
