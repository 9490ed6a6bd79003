"""Upload for analysts: drop spreadsheets, see the dry run (what changes, what is wrong), map headers, commit."""

from __future__ import annotations

import hashlib

import streamlit as st

from analytics.ingest import headers, sandbox, upload
from analytics.ingest.error_workbook import error_workbook
from analytics.ingest.sandbox import parse_in_subprocess
from analytics.ingest.template import build_template
from analytics.store import accounts, backup
from ui import auth, cache
from ui.i18n import lang, t

MB = 1024 * 1024
IGNORE = ""
TOP_LEVEL = ""


def _max_upload_bytes() -> int:
    # The uploader's own limit is enforced only by the browser; the server's setting is checked again here.
    return int(st.get_option("server.maxUploadSize")) * MB


@st.cache_data(show_spinner=False, max_entries=8)
def _parse(files: tuple[tuple[str, bytes], ...], mappings: tuple[tuple[tuple[str, str], str], ...]):
    return upload.parse_files(cache.cursor(), list(files), manual_mappings=dict(mappings), parse=parse_in_subprocess)


def _mapping_choices(plan: upload.UploadPlan) -> dict[tuple[str, str], str]:
    """Dropdowns for headers the synonym table did not know; returns the analyst's choices."""
    chosen: dict[tuple[str, str], str] = {}
    for file_name, sheet, kind, header in plan.unknown_headers:
        targets = headers.mapping_targets(kind)
        options = [IGNORE, *targets]
        key = "map-" + hashlib.sha1(f"{file_name}|{sheet}|{header}".encode()).hexdigest()[:12]
        column = st.selectbox(
            t("upload.map_header", file=file_name, sheet=sheet, header=header),
            options=options,
            format_func=lambda name, targets=targets: t("upload.ignore_column") if name == IGNORE else targets[name],
            key=key,
        )
        if column != IGNORE or st.session_state.get(key) == IGNORE:
            chosen[(kind, header)] = column
    return chosen


def _new_unit_parents(plan: upload.UploadPlan) -> dict[str, str]:
    tree = list(cache.unit_tree()["unit"])
    scope = auth.principal().units
    if scope:  # a scoped analyst places new units inside the scope only
        allowed = cache.subtree(scope)
        tree = [unit for unit in tree if unit in allowed]
    parents = {}
    for unit in plan.new_units:
        key = "parent-" + hashlib.sha1(unit.encode()).hexdigest()[:12]
        parent = st.selectbox(
            t("upload.new_unit_parent", unit=unit),
            options=[TOP_LEVEL, *tree],
            format_func=lambda name: t("upload.top_level") if name == TOP_LEVEL else name,
            key=key,
        )
        if parent != TOP_LEVEL:
            parents[unit] = parent
    return parents


def _show_plan(plan: upload.UploadPlan) -> None:
    sheets = upload.sheet_table(plan)
    if len(sheets):
        sheets["kind"] = sheets["kind"].map(lambda kind: t(f"kind.{kind}"))
        st.dataframe(sheets.rename(columns=lambda name: t(f"upload.col.{name}")), hide_index=True, key="upload-sheets")
    for file_name, ids in plan.already_loaded.items():
        st.warning(t("upload.already_loaded", file=file_name, batches=", ".join(f"#{i}" for i in ids)))
    if plan.problems:
        st.error(t("upload.problems_found", count=len(plan.problems)))
        problems = upload.problem_table(plan, lang())
        st.dataframe(problems.rename(columns=lambda name: t(f"upload.col.{name}")), hide_index=True)
        for parsed in plan.uploads:
            if any(sheet.problems for sheet in parsed.sheets):
                st.download_button(
                    t("upload.error_workbook", file=parsed.file_name),
                    data=lambda parsed=parsed: error_workbook(parsed, lang()),
                    file_name=f"errors-{parsed.file_name.rsplit('.', 1)[0]}.xlsx",
                    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    key=f"errors-{parsed.content_hash[:12]}",
                )
    for kind, frame in plan.frames.items():
        with st.expander(t("upload.preview", kind=t(f"kind.{kind}"), rows=len(frame))):
            st.dataframe(frame.drop(columns=["_file", "_sheet"], errors="ignore").head(20), hide_index=True)


def render() -> None:
    sandbox.warm()  # a parse worker starts loading while the analyst picks files
    st.title(t("page.upload"))
    st.caption(t("upload.intro"))
    st.download_button(
        t("upload.template"),
        data=lambda: build_template(lang()),
        file_name=t("upload.template_file"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="download-template",
    )
    chosen = st.file_uploader(
        t("upload.files"), type=["xlsx", "xls", "csv"], accept_multiple_files=True, key="upload_files"
    )
    if not chosen:
        return
    too_big = [item.name for item in chosen if item.size > _max_upload_bytes()]
    if too_big:
        st.error(t("upload.too_big", files="、".join(too_big), limit=_max_upload_bytes() // MB))
        return
    files = tuple((item.name, item.getvalue()) for item in chosen)

    mappings = st.session_state.setdefault("upload_mappings", {})
    with st.spinner(t("upload.parsing")):
        uploads = _parse(files, tuple(sorted(mappings.items())))
    scope = auth.principal().units
    plan = upload.check(cache.cursor(), uploads, scope=scope)
    if plan.unknown_headers:
        st.subheader(t("upload.unknown_headers"))
        picked = _mapping_choices(plan)
        remember = st.checkbox(t("upload.remember_mappings"), value=True, key="remember-mappings")
        if st.button(t("upload.apply_mappings"), key="apply-mappings"):
            mappings.update(picked)
            if remember:
                upload.save_mappings(cache.cursor(), picked)
            st.rerun()
    parents = {}
    if plan.new_units:
        st.subheader(t("upload.new_units_title"))
        parents = _new_unit_parents(plan)
        if parents:
            plan = upload.check(cache.cursor(), uploads, new_unit_parents=parents, scope=scope)

    st.subheader(t("upload.dry_run"))
    _show_plan(plan)
    if plan.unreadable:
        st.error(t("upload.unreadable"))
        return
    valid_only = False
    if plan.problems:
        valid_only = st.checkbox(t("upload.valid_only"), key="valid-only")
    again = True
    if plan.already_loaded:
        again = st.checkbox(t("upload.load_again"), key="load-again")
    nothing = plan.changes.rows_added + plan.changes.rows_updated == 0
    blocked = (plan.problems and not valid_only) or not again or nothing
    if nothing:
        st.info(t("upload.nothing_new"))
    if st.button(t("upload.commit"), type="primary", disabled=bool(blocked), key="commit-upload"):
        try:
            batch = upload.apply(cache.cursor(), plan, actor=auth.principal(), valid_only=valid_only)
        except accounts.Forbidden as refused:
            st.error(auth.refusal(refused))
            return
        except backup.BackupError as failed:
            st.error(t("backup.failed", error=t(failed.key, **failed.params)))
            return
        cache.data_changed()
        st.success(t("upload.loaded", batch=batch, added=plan.changes.rows_added, updated=plan.changes.rows_updated))


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
