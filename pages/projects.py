"""项目: the status board as of a date, a searchable sortable table of the filtered projects, and a project's card."""

import datetime as dt

import streamlit as st

from analytics.contract.missing import is_missing
from analytics.display import formatting, labels, takeaways
from analytics.metrics import projects as projects_metrics
from pages import checks
from ui import cache, columns, drill, filters
from ui.i18n import lang, t
from ui.markdown import escape

AS_OF_KEY, SEARCH_KEY, TABLE_KEY = "projects-as-of", "project-search", "project-table"
PAGE_KEY, PAGED_FOR_KEY = "project-page", "project-page-for"
# Rows per page: the browser gets one page, never the whole selection (500k rows at a million projects).
PAGE_SIZE = 100
PROJECT_COLUMNS = (
    "project_id", "name", "owner_unit", "program", "category", "leader", "year",
    "start_date", "end_date", "status", "board_status", "savings_wan", "patent_count", "awards_awarded",
)  # fmt: skip


def render() -> None:
    selection = drill.page_header("page.projects")
    language = lang()
    as_of = _as_of()
    board = cache.status_board(selection, as_of)
    if sum(board.values()) == 0:
        st.info(t("pages.no_data", what=t("pages.what.projects")))
        return

    st.subheader(t("projects.board"))
    drill.takeaway(takeaways.status_board(board, as_of, language), "board")
    for column, status in zip(st.columns(len(board)), projects_metrics.BOARD_STATUSES, strict=True):
        with column, st.container(key=f"board-{status}"):
            help_key = f"board.{status}.help"
            st.metric(
                t(f"board.{status}"),
                formatting.count(board[status]),
                help=t(help_key) if status in ("in_progress", "overdue") else None,
                border=True,
            )

    # issue 17: the status board leads on to the quarterly checks' red and yellow cards.
    st.page_link(st.Page(checks.render, url_path="checks", title=t("page.checks")), label=t("checks.board_link"))

    _table(selection, as_of, board, language)


@st.fragment
def _table(selection, as_of, board: dict[str, int], language: str) -> None:
    """Search, page and pick a project: each reruns this part only, not the board above."""
    st.subheader(t("projects.table"))
    search = st.text_input(t("projects.search"), key=SEARCH_KEY)
    matching = sum((cache.status_board(selection, as_of, search) if search.strip() else board).values())
    page = _page(selection, as_of, search, matching)
    projects = cache.project_list(selection, as_of, search, page * PAGE_SIZE, PAGE_SIZE)
    if projects.empty:
        st.info(t("projects.no_match", query=search))
        return
    first = page * PAGE_SIZE + 1
    st.caption(
        t("projects.page_range", first=first, last=first + len(projects) - 1, total=matching)
        + " · "
        + t("projects.pick_hint")
    )
    event = st.dataframe(
        columns.worded(projects),
        key=TABLE_KEY,
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        column_order=PROJECT_COLUMNS,
        column_config=_project_columns(),
    )
    _pager(page, matching)
    rows = event.selection.rows if event else []
    if rows:
        _card(str(projects.iloc[rows[0]]["project_id"]), language)


def _as_of() -> dt.date:
    return filters.cutoff_input(AS_OF_KEY, t("projects.as_of_label"), t("projects.as_of_help"))


def _page(selection, as_of, search: str, matching: int) -> int:
    """The page shown: back to the first whenever the selection, date or search changes; never past the last."""
    shown_for = (selection, as_of, search.strip())
    if st.session_state.get(PAGED_FOR_KEY) != shown_for:
        st.session_state[PAGED_FOR_KEY] = shown_for
        st.session_state[PAGE_KEY] = 0
    last = max(0, (matching - 1) // PAGE_SIZE)
    return min(max(0, st.session_state.get(PAGE_KEY, 0)), last)


def _turn(page: int) -> None:
    st.session_state[PAGE_KEY] = page


def _pager(page: int, matching: int) -> None:
    last = max(0, (matching - 1) // PAGE_SIZE)
    if last == 0:
        return
    with st.container(key="project-pager", horizontal=True, vertical_alignment="center"):
        st.button(t("projects.previous"), key="project-previous", disabled=page == 0, on_click=_turn, args=(page - 1,))
        st.markdown(t("projects.page_of", page=page + 1, pages=last + 1))
        st.button(t("projects.next"), key="project-next", disabled=page >= last, on_click=_turn, args=(page + 1,))


def _project_columns() -> dict:
    statuses = {status: t(f"board.{status}") for status in projects_metrics.BOARD_STATUSES}
    board = st.column_config.SelectboxColumn(t("column.board_status"), options=list(statuses), format_func=statuses.get)
    return columns.config(PROJECT_COLUMNS, board_status=board)


def _card(project_id: str, language: str) -> None:
    card = cache.project_card(project_id)
    if card is None:
        return
    project = card["project"]
    with st.container(key="project-card", border=True):
        st.subheader(t("card.title", name=project["name"]))
        facts = [
            ("column.project_id", project["project_id"]),
            ("column.unit_owner", project["unit"]),
            ("column.branch", project["branch"]),
            ("column.program", labels.vocab_label(project["program"], language)),
            ("column.category", labels.vocab_label(project["category"], language)),
            ("column.leader", project["leader"]),
            ("column.year", project["year"]),
            ("column.start_date", _date(project["start_date"])),
            ("column.end_date", _date(project["end_date"])),
            ("column.status", labels.vocab_label(project["status"], language)),
            ("column.party_participants", formatting.count(project["party_participants"], language)),
            ("column.participants", formatting.count(project["participants"], language)),
        ]
        fact_columns = st.columns(4)
        for index, (key, value) in enumerate(facts):
            shown = t("value.unknown") if is_missing(value) else value
            fact_columns[index % 4].markdown(t("text.colon", label=t(key), value=f"**{escape(shown)}**"))
        _card_table(card["outcomes"], "card-outcomes", "card.outcomes", "card.no_outcomes")
        _card_table(card["awards"], "card-awards", "card.awards", "card.no_awards")


def _card_table(frame, key: str, title_key: str, empty_key: str) -> None:
    st.markdown(f"**{t(title_key)}**")
    if frame.empty:
        st.caption(t(empty_key))
    else:
        st.dataframe(frame, key=key, hide_index=True, column_config=columns.config(frame.columns))


def _date(value) -> str | None:
    return None if is_missing(value) else str(value)[:10]


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
