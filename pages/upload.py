"""Upload for analysts: drop spreadsheets, see the dry run (what changes, what is wrong), map headers, commit."""

from __future__ import annotations

import hashlib
import logging

import streamlit as st

from analytics.ingest import headers, sandbox, upload
from analytics.ingest.error_workbook import error_workbook
from analytics.ingest.read import CSV_ENCODINGS, ENCODING_LABELS
from analytics.ingest.sandbox import parse_in_subprocess
from analytics.ingest.template import build_template
from analytics.store import accounts, backup, batches
from ui import auth, cache, chrome
from ui.i18n import join, lang, t

MB = 1024 * 1024
UPLOAD_TYPES = ("xlsx", "xls", "csv")
IGNORE = ""
AUTO = ""
TOP_LEVEL = ""


def _max_upload_bytes() -> int:
    # The uploader's own limit is enforced only by the browser; the server's setting is checked again here.
    return int(st.get_option("server.maxUploadSize")) * MB


@st.cache_data(show_spinner=False, max_entries=8)
def _parse(
    files: tuple[tuple[str, bytes], ...], mappings: tuple[tuple[tuple[str, str], str], ...], encoding: str | None
):
    return upload.parse_files(
        cache.cursor(), list(files), manual_mappings=dict(mappings), parse=parse_in_subprocess, encoding=encoding
    )


def _csv_encoding(files: tuple[tuple[str, bytes], ...]) -> str | None:
    """The analyst's answer to "which encoding?" for CSV files; None (the default) decides from the content."""
    if not any(name.lower().endswith((".csv", ".txt")) for name, _ in files):
        return None
    return (
        st.selectbox(
            t("upload.csv_encoding"),
            options=[AUTO, *CSV_ENCODINGS],
            format_func=lambda name: t("upload.csv_encoding_auto") if name == AUTO else ENCODING_LABELS[name],
            key="csv-encoding",
        )
        or None
    )


def _mapping_choices(plan: upload.UploadPlan) -> dict[tuple[str, str], str]:
    """Dropdowns for headers the synonym table did not know; returns only what the analyst chose (a header left
    undecided is asked again, never saved as ignored)."""
    chosen: dict[tuple[str, str], str] = {}
    for file_name, sheet, kind, header in plan.unknown_headers:
        targets = headers.mapping_targets(kind)
        key = "map-" + hashlib.sha1(f"{file_name}|{sheet}|{header}".encode()).hexdigest()[:12]
        column = st.selectbox(
            t("upload.map_header", file=file_name, sheet=sheet, header=header),
            options=[IGNORE, *targets],
            index=None,  # undecided until the analyst picks
            placeholder=t("upload.map_undecided"),
            format_func=lambda name, targets=targets: t("upload.ignore_column") if name == IGNORE else targets[name],
            key=key,
        )
        if column is not None:
            chosen[(kind, header)] = column
    return chosen


def _unknown_headers(plan: upload.UploadPlan, mappings: dict) -> None:
    """Ask about each unknown header, or, past UNKNOWN_SHOWN of them, summarise and offer to skip them all."""
    st.subheader(t("upload.unknown_headers"))
    if len(plan.unknown_headers) > upload.UNKNOWN_SHOWN:
        for line in upload.unknown_header_lines(plan, lang()):
            st.warning(line)
        if st.button(t("upload.ignore_all", count=len(plan.unknown_headers)), key="ignore-all-unknown"):
            # For this upload only: a file this wide is more likely the wrong file than a ledger to remember.
            mappings.update({(kind, header): IGNORE for _f, _s, kind, header in plan.unknown_headers})
            st.rerun()
        return
    picked = _mapping_choices(plan)
    remember = st.checkbox(t("upload.remember_mappings"), value=True, key="remember-mappings")
    if st.button(t("upload.apply_mappings"), key="apply-mappings", disabled=not picked):
        mappings.update(picked)
        if remember:
            with cache.writer() as con:
                upload.save_mappings(con, picked)
        st.rerun()


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
    chrome.uploader_style("upload_files", _max_upload_bytes() // MB, UPLOAD_TYPES)
    chosen = st.file_uploader(
        t("upload.files"), type=list(UPLOAD_TYPES), accept_multiple_files=True, key="upload_files"
    )
    if not chosen:
        return
    too_big = [item.name for item in chosen if item.size > _max_upload_bytes()]
    if too_big:
        st.error(t("upload.too_big", files=join(too_big), limit=_max_upload_bytes() // MB))
        return
    files = tuple((item.name, item.getvalue()) for item in chosen)

    mappings = st.session_state.setdefault("upload_mappings", {})
    encoding = _csv_encoding(files)
    with st.spinner(t("upload.parsing")):
        uploads = _parse(files, tuple(sorted(mappings.items())), encoding)
    scope = auth.principal().units
    plan = upload.check(cache.cursor(), uploads, scope=scope)
    if plan.unknown_headers:
        _unknown_headers(plan, mappings)
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
    if plan.tree_broken:
        st.error(t("upload.tree_blocked"))
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
        _commit(plan, uploads, parents, scope, valid_only)


def _commit(plan: upload.UploadPlan, uploads, parents: dict, scope: tuple[str, ...], valid_only: bool) -> None:
    """Commit, and say why when it fails: the commit is one transaction, so a failure has written nothing."""
    try:
        with cache.writer() as con:
            # Checked again against the primary under the writer lock: another upload (another process, the
            # command line) may have landed since the dry run was shown.
            plan = upload.check(con, uploads, new_unit_parents=parents, scope=scope)
            batch = upload.apply(con, plan, actor=auth.principal(), valid_only=valid_only)
    except accounts.Forbidden as refused:
        st.error(auth.refusal(refused))
        return
    except backup.BackupError as failed:
        st.error(t("backup.failed", error=t(failed.key, **failed.params)))
        return
    except upload.UploadRefused:
        st.error(t("upload.refused", count=len(plan.problems)))
        return
    except batches.IntegrityError as exc:
        st.error(t(exc.key, **exc.params))
        return
    except Exception:
        logging.getLogger(__name__).exception("upload commit failed")
        st.error(t("upload.commit_failed"))
        return
    cache.data_changed()
    st.success(t("upload.loaded", batch=batch, added=plan.changes.rows_added, updated=plan.changes.rows_updated))


if __name__ == "__main__":  # a fresh server opened at this page's URL ran this file directly
    from ui import legacy

    legacy.run_app()
