"""One upload end to end: parse the files, check them against each other and the store, report, then commit.

`prepare` reads and writes nothing to the store; `apply` commits a prepared upload as one batch, all or nothing.
The page and `python -m analytics import` both run exactly this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from analytics.contract import vocab
from analytics.i18n import join, t
from analytics.ingest.parse import ParsedUpload, Problem, named_outcomes, parse_file
from analytics.store import accounts, audit, backup, batches, tree
from analytics.store.accounts import Principal
from analytics.store.tree import fold_name

Parser = Callable[..., ParsedUpload]
# Beyond this many unknown headers they are summarised, not listed or offered one by one.
UNKNOWN_SHOWN = 30
UNKNOWN_EXAMPLES = 5


class UploadRefused(RuntimeError):
    """The upload has problems and the analyst did not choose to load only the valid rows."""


@dataclass
class SheetSummary:
    file: str
    sheet: str
    kind: str
    rows_read: int
    rows_rejected: int


@dataclass
class UploadPlan:
    """Everything the dry run shows: per-sheet counts, what will change, every problem, new units."""

    uploads: list[ParsedUpload]
    frames: dict[str, pd.DataFrame]
    problems: list[tuple[str, Problem]]  # (file name, problem)
    new_units: list[str]
    changes: batches.Changes
    already_loaded: dict[str, list[int]] = field(default_factory=dict)
    sheets: list[SheetSummary] = field(default_factory=list)
    # The unit tree would hold a self-parent, a cycle or a branch under two parents: nothing may load, not even the
    # valid rows, since dropping a unit row would re-create the unit at the top level and move its facts' totals.
    tree_broken: bool = False

    @property
    def blocked(self) -> bool:
        """Nothing can be loaded, whatever the analyst chooses."""
        return self.unreadable or self.tree_broken

    @property
    def unreadable(self) -> bool:
        """A file could not be read at all: no sheet came out of it."""
        return any(not upload.sheets and upload.problems for upload in self.uploads)

    @property
    def has_problems(self) -> bool:
        return bool(self.problems)

    @property
    def unknown_headers(self) -> list[tuple[str, str, str, str]]:
        """(file, sheet, kind, header) for every header the synonym table did not know."""
        return [
            (upload.file_name, sheet.sheet, sheet.kind, header)
            for upload in self.uploads
            for sheet in upload.sheets
            for header in sheet.unknown_headers
        ]


def saved_mappings(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """Header mappings analysts chose by hand before: (sheet kind, header) -> column ('' = ignore)."""
    rows = con.execute("SELECT sheet_kind, header, column_name FROM header_mappings").fetchall()
    return {(kind, header): column for kind, header, column in rows}


def save_mappings(con: duckdb.DuckDBPyConnection, mappings: dict[tuple[str, str], str]) -> None:
    for (kind, header), column in mappings.items():
        con.execute(
            "INSERT OR REPLACE INTO header_mappings (sheet_kind, header, column_name) VALUES (?, ?, ?)",
            [kind, header, column],
        )


def parse_files(
    con: duckdb.DuckDBPyConnection,
    files: list[tuple[str, bytes]],
    *,
    manual_mappings: dict[tuple[str, str], str] | None = None,
    parse: Parser = parse_file,
    encoding: str | None = None,
) -> list[ParsedUpload]:
    """Parse each file with the saved header mappings plus the ones chosen now. The expensive step.
    encoding: the CSV encoding the analyst chose (None: decided from each file's content)."""
    mappings = {**saved_mappings(con), **(manual_mappings or {})}
    options = {"encoding": encoding} if encoding else {}
    return [parse(name, data, manual_mappings=mappings, **options) for name, data in files]


def check(
    con: duckdb.DuckDBPyConnection,
    uploads: list[ParsedUpload],
    *,
    new_unit_parents: dict[str, str] | None = None,
    scope: tuple[str, ...] = (),
) -> UploadPlan:
    """Check parsed files against each other and the store, and classify every row. Writes nothing. With a scope
    (an analyst's units), a row about a unit outside those subtrees is rejected like any bad row."""
    problems = [(upload.file_name, problem) for upload in uploads for problem in upload.problems]
    sheets = []
    parts: dict[str, list[pd.DataFrame]] = {}
    for upload in uploads:
        for sheet in upload.sheets:
            problems.extend((upload.file_name, problem) for problem in sheet.problems)
            sheets.append(SheetSummary(upload.file_name, sheet.sheet, sheet.kind, sheet.rows_read, len(sheet.problems)))
            if len(sheet.frame):
                parts.setdefault(sheet.kind, []).append(sheet.frame.assign(_file=upload.file_name, _sheet=sheet.sheet))
    frames = {kind: _stack(found) for kind, found in parts.items()}
    if "outcomes" in frames:
        frames["outcomes"] = combine_unnamed_outcomes(frames["outcomes"])
    # Each sheet already reported its own repeated keys; only a kind fed by several sheets can repeat across them.
    shared = {kind: frame for kind, frame in frames.items() if len(parts[kind]) > 1}
    shared, cross_problems = _drop_cross_file_duplicates(shared)
    frames.update(shared)
    problems.extend(cross_problems)
    frames, reference_problems = _drop_unknown_projects(con, frames)
    problems.extend(reference_problems)
    frames = _fill_award_years(con, frames)
    frames, new_units = _add_new_units(con, frames, new_unit_parents or {})
    tree_problems = _tree_problems(con, frames, _header_texts(uploads))
    problems.extend(tree_problems)
    if scope:
        frames, scope_problems = _drop_outside_scope(con, frames, scope)
        problems.extend(scope_problems)
    changes = batches.classify(con, frames)
    already = {upload.file_name: batches.batches_with_hash(con, upload.content_hash) for upload in uploads}
    return UploadPlan(
        uploads=uploads,
        frames=frames,
        problems=problems,
        new_units=new_units,
        changes=changes,
        already_loaded={name: ids for name, ids in already.items() if ids},
        sheets=sheets,
        tree_broken=bool(tree_problems),
    )


def prepare(
    con: duckdb.DuckDBPyConnection,
    files: list[tuple[str, bytes]],
    *,
    manual_mappings: dict[tuple[str, str], str] | None = None,
    new_unit_parents: dict[str, str] | None = None,
    parse: Parser = parse_file,
    scope: tuple[str, ...] = (),
) -> UploadPlan:
    """Parse and check: the whole dry run. Writes nothing."""
    uploads = parse_files(con, files, manual_mappings=manual_mappings, parse=parse)
    return check(con, uploads, new_unit_parents=new_unit_parents, scope=scope)


def apply(
    con: duckdb.DuckDBPyConnection, plan: UploadPlan, *, actor: Principal | None = None, valid_only: bool = False
) -> int:
    """Commit the prepared upload as one batch, recorded under the actor's name and audited. Refused (Forbidden)
    unless the actor is an analyst or admin — checked here, where the write happens, whatever drew the button —
    and (UploadRefused) when the upload has problems, unless valid_only. Without an actor, the person at the machine
    (accounts.operator(): the command line, scripts and tests, who can write the file anyway)."""
    actor = actor or accounts.operator()
    names = " + ".join(upload.file_name for upload in plan.uploads)
    content_hash = ",".join(upload.content_hash for upload in plan.uploads)
    files = [(upload.file_name, upload.content_hash) for upload in plan.uploads]
    accounts.require(con, actor, "analyst", "batch", names)
    if plan.blocked or (plan.has_problems and not valid_only):
        raise UploadRefused()
    if actor.units:
        # The page checked with the actor's scope; a plan made any other way is checked again here.
        outside = _outside_scope(
            con, {k: pd.concat([c.added, c.updated]) for k, c in plan.changes.tables.items()}, actor.units
        )
        if any(mask.any() for mask in outside.values()):
            audit.record(
                con, actor=actor.name, source=actor.source, action="batch", target=names, outcome="refused",
                detail=f"rows outside scope {list(actor.units)}",
            )  # fmt: skip
            raise accounts.Forbidden("scope.outside_plan", scope=join(actor.units))
    with backup.WRITE_LOCK:
        backup.before_write(con, "batch")
        batch = batches.commit(
            con, plan.changes, file_name=names, content_hash=content_hash, uploaded_by=actor.name, files=files
        )
    audit.record(
        con,
        actor=actor.name,
        source=actor.source,
        action="batch",
        target=f"#{batch} {names}",
        detail=f"added={plan.changes.rows_added} updated={plan.changes.rows_updated}",
        file_hash=content_hash,
    )
    return batch


def _problem(row: pd.Series, column: str, value, key: str, **params) -> tuple[str, Problem]:
    problem = Problem(
        sheet=row["_sheet"], row=int(row["_row"]), column=column, value=str(value), key=key, params=params
    )
    return row["_file"], problem


def _stack(frames: list[pd.DataFrame]) -> pd.DataFrame:
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def combine_unnamed_outcomes(frame: pd.DataFrame) -> pd.DataFrame:
    """Outcome rows without a 说明 that share the rest of the key (project or unit, type, year, source) are items of
    one fact, as a ledger listing each patent on its own row means them: one row, quantities and values added up,
    located at the first of them (its date, Excel row and sheet). Rows with a 说明 are left as they are."""
    unnamed = ~named_outcomes(frame["note"], frame.index)
    key = [c for c in vocab.OUTCOMES.key if c in frame.columns]
    if unnamed.sum() < 2 or not frame[unnamed].duplicated(subset=key).any():
        return frame
    rows = frame[unnamed]
    groups = rows.groupby(key, dropna=False, sort=False)
    # Both in order of each group's first row (sort=False).
    combined = groups.head(1).reset_index(drop=True)
    numbers = groups[["quantity", "value_wan"]].sum(min_count=1).reset_index(drop=True)
    combined["quantity"] = numbers["quantity"].astype(frame["quantity"].dtype)
    combined["value_wan"] = numbers["value_wan"].astype(frame["value_wan"].dtype)
    return pd.concat([frame[~unnamed], combined], ignore_index=True)


def _drop_cross_file_duplicates(frames: dict[str, pd.DataFrame]) -> tuple[dict, list]:
    """A record keyed twice across sheets or files of one upload is ambiguous: report the later copy."""
    problems = []
    for kind, frame in frames.items():
        key = [column for column in vocab.SHEET_KINDS[kind].key if column in frame.columns]
        repeated = frame.duplicated(subset=key, keep="first")
        if not repeated.any():
            continue
        first = frame[~repeated].set_index(key)
        for _, row in frame[repeated].iterrows():
            original = first.loc[tuple(row[key])] if len(key) > 1 else first.loc[row[key[0]]]
            problems.append(
                _problem(
                    row,
                    vocab.SHEET_KINDS[kind].column(key[0]).zh,
                    row[key[0]],
                    "upload.duplicate_across",
                    other=f"{original['_file']} › {original['_sheet']} #{int(original['_row'])}",
                )
            )
        frames[kind] = frame[~repeated].reset_index(drop=True)
    return frames, problems


def _stored_projects(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return con.execute("SELECT project_id, year FROM projects").df()


def _drop_unknown_projects(con: duckdb.DuckDBPyConnection, frames: dict) -> tuple[dict, list]:
    """An outcome, award, check, list item or point adjustment for a project that is neither in this upload nor in
    the store is rejected."""
    known = None  # every project id, stored or uploaded: fetched only when some row needs looking up
    problems = []
    for kind in vocab.PROJECT_FACTS:
        frame = frames.get(kind)
        if frame is None:
            continue
        named = frame["project_id"].notna()
        if kind == "outcomes":
            # Outcome columns of a projects sheet belong to that sheet's own (valid) projects.
            named &= frame["source"].ne("projects")
        unknown = pd.Series(False, index=frame.index)
        if named.any():
            if known is None:
                known = _stored_projects(con)["project_id"].to_numpy(dtype=object)
                if "projects" in frames:
                    known = np.concatenate([known, frames["projects"]["project_id"].to_numpy(dtype=object)])
            unknown[named] = ~frame.loc[named, "project_id"].isin(known)
        if not unknown.any():
            continue
        for _, row in frame[unknown].iterrows():
            problems.append(_problem(row, "项目编号", row["project_id"], "upload.unknown_project"))
        frames[kind] = frame[~unknown].reset_index(drop=True)
    return frames, problems


def _outside_scope(con: duckdb.DuckDBPyConnection, frames: dict, scope: tuple[str, ...]) -> dict[str, pd.Series]:
    """Per kind, which rows concern a unit outside the scope's subtrees: a row's own unit, else its project's
    (stored, or in this upload); a new unit counts by its parent."""
    allowed = tree.subtree(con, scope)
    project_units = dict(con.execute("SELECT project_id, unit FROM projects").fetchall())
    if "projects" in frames:
        project_units.update(zip(frames["projects"]["project_id"], frames["projects"]["unit"], strict=True))
    masks = {}
    for kind, frame in frames.items():
        if kind == "units":
            inside = frame["unit"].isin(allowed) | frame["parent"].isin(allowed)
        elif "unit" in frame.columns and "project_id" in frame.columns:
            unit = frame["unit"].where(frame["unit"].notna(), frame["project_id"].map(project_units))
            inside = unit.isin(allowed)
        elif "unit" in frame.columns:
            inside = frame["unit"].isin(allowed)
        else:
            inside = frame["project_id"].map(project_units).isin(allowed)
        masks[kind] = ~inside.astype(bool)
    return masks


def _drop_outside_scope(con: duckdb.DuckDBPyConnection, frames: dict, scope: tuple[str, ...]) -> tuple[dict, list]:
    problems = []
    scope_text = "、".join(scope)
    for kind, outside in _outside_scope(con, frames, scope).items():
        if not outside.any():
            continue
        frame = frames[kind]
        for _, row in frame[outside].iterrows():
            unit = row["unit"] if "unit" in frame.columns and isinstance(row["unit"], str) else row.get("project_id")
            column = "单位" if "unit" in frame.columns and isinstance(row["unit"], str) else "项目编号"
            problems.append(_problem(row, column, unit, "scope.outside", unit=unit, scope=scope_text))
        frames[kind] = frame[~outside].reset_index(drop=True)
    return frames, problems


def _fill_award_years(con: duckdb.DuckDBPyConnection, frames: dict) -> dict:
    """An award without a year is counted in its project's year."""
    awards = frames.get("awards")
    if awards is None or not awards["year"].isna().any():
        return frames
    years = dict(_stored_projects(con).itertuples(index=False))
    if "projects" in frames:
        years.update(dict(frames["projects"][["project_id", "year"]].itertuples(index=False)))
    missing = awards["year"].isna()
    awards.loc[missing, "year"] = awards.loc[missing, "project_id"].map(years)
    frames["awards"] = awards
    return frames


def _add_new_units(con: duckdb.DuckDBPyConnection, frames: dict, parents: dict[str, str]) -> tuple[dict, list]:
    """Units named in facts but absent from the tree become new units, listed for the analyst to see.
    A new 党支部 named in a project's branch column goes under the project's unit; any other new unit goes to the
    top level unless the analyst chose a parent."""
    stored = {row[0] for row in con.execute("SELECT unit FROM units").fetchall()}
    declared = set(frames["units"]["unit"]) if "units" in frames else set()
    known = stored | declared
    new: dict[str, dict] = {}

    def note(name, parent=None, kind=None):
        if name is None or pd.isna(name) or name in known or name in new:
            return
        new[name] = {"unit": name, "parent": parents.get(name, parent), "kind": kind}

    if "units" in frames:
        for parent in frames["units"]["parent"].dropna():
            note(parent)
    for kind in (
        "headcount",
        "projects",
        "outcomes",
        "studios",
        *(k.name for k in vocab.PEOPLE_KINDS),
        "suggestions",
        "point_adjustments",
    ):
        frame = frames.get(kind)
        if frame is not None and "unit" in frame.columns:
            for name in frame["unit"].dropna().unique():
                note(name)
    projects = frames.get("projects")
    if projects is not None:
        for branch, unit in _distinct_pairs(projects["branch"], projects["unit"]):
            note(branch, parent=unit, kind=vocab.BRANCH_KIND)
    if new:
        rows = pd.DataFrame(list(new.values()), columns=["unit", "parent", "kind"])
        existing = frames.get("units")
        frames["units"] = rows if existing is None else pd.concat([existing, rows], ignore_index=True)
    return frames, list(new)


def _header_texts(uploads: list[ParsedUpload]) -> dict[tuple[str, str], dict[str, str]]:
    """(file, sheet) -> canonical column -> the header as the analyst wrote it."""
    return {
        (upload.file_name, sheet.sheet): {name: text for text, name in sheet.mapping.items()}
        for upload in uploads
        for sheet in upload.sheets
    }


def _tree_problems(
    con: duckdb.DuckDBPyConnection, frames: dict, headers: dict[tuple[str, str], dict[str, str]]
) -> list[tuple[str, Problem]]:
    """The unit tree as it would be after this upload (stored parents, overridden by the uploaded ones): a unit that
    is its own parent, a parent cycle, or a project whose 党支部 sits under another unit than the project's, each
    reported at the uploaded row that makes it. Reads only."""
    parents = dict(con.execute("SELECT unit, parent FROM units").fetchall())
    units = frames.get("units")
    declared = pd.DataFrame() if units is None or "_row" not in units else units[units["_row"].notna()]
    if units is not None:
        parents.update(zip(units["unit"], units["parent"].where(units["parent"].notna(), None), strict=True))
    problems = []

    def header(row, name: str, zh: str) -> str:
        return headers.get((row["_file"], row["_sheet"]), {}).get(name, zh)

    in_cycle: dict[str, list[str]] = {}
    for unit in parents:
        path, seen = [], set()
        node = unit
        while node is not None and node not in seen and node not in in_cycle:
            seen.add(node)
            path.append(node)
            node = parents.get(node)
        if node in seen:
            cycle = path[path.index(node) :]
            for member in cycle:
                in_cycle[member] = cycle
    for _, row in declared.iterrows():
        column = header(row, "parent", vocab.UNITS.column("parent").zh)
        if row["parent"] == row["unit"]:
            problems.append(_problem(row, column, row["parent"], "upload.unit_own_parent"))
        elif row["unit"] in in_cycle:
            cycle = in_cycle[row["unit"]]
            start = cycle.index(row["unit"])
            loop = [*cycle[start:], *cycle[:start], row["unit"]]
            problems.append(_problem(row, column, row["parent"], "upload.unit_cycle", cycle=" → ".join(loop)))

    projects = frames.get("projects")
    if projects is not None and projects["branch"].notna().any():
        above: dict[str, set[str]] = {}

        def ancestors(node: str) -> set[str]:
            if node not in above:
                chain, current = set(), node
                while current is not None and current not in chain:
                    chain.add(current)
                    current = parents.get(current)
                above[node] = chain
            return above[node]

        # Checked once per distinct (branch, unit) pair: a 100k-row sheet names a few hundred.
        wrong = {
            (branch, unit)
            for branch, unit in _distinct_pairs(projects["branch"], projects["unit"])
            if branch not in in_cycle and unit not in ancestors(branch)
        }
        if not wrong:
            return problems
        pairs = pd.Series(list(zip(projects["branch"], projects["unit"], strict=True)), index=projects.index)
        for _, row in projects[pairs.isin(wrong)].iterrows():
            problems.append(
                _problem(
                    row,
                    header(row, "branch", vocab.PROJECTS.column("branch").zh),
                    row["branch"],
                    "upload.branch_elsewhere",
                    unit=row["unit"],
                    parent=parents.get(row["branch"]) or "—",
                )
            )
    return problems


def _distinct_pairs(first: pd.Series, second: pd.Series) -> list[tuple]:
    """(first, second) pairs where first is present, each once, in order of first appearance; compared as integer
    codes, since dropping duplicate rows of two text columns of 100k rows cost ten times as much."""
    first_codes, first_values = pd.factorize(first)
    second_codes, second_values = pd.factorize(second)
    present = first_codes >= 0
    pairs = pd.unique(first_codes[present] * (len(second_values) + 1) + second_codes[present] + 1)
    first_at, second_at = np.divmod(pairs, len(second_values) + 1)
    return [
        (first_values[f], None if s == 0 else second_values[s - 1]) for f, s in zip(first_at, second_at, strict=True)
    ]


def unknown_header_lines(plan: UploadPlan, lang: str = "zh") -> list[str]:
    """One line per unknown header, in file, sheet and column order; a file with more than UNKNOWN_SHOWN of them
    gets one summary line (a CSV of 10,000 columns is not 10,000 lines)."""
    by_file: dict[str, list[str]] = {}
    for file_name, _sheet, _kind, header in plan.unknown_headers:
        by_file.setdefault(file_name, [])
        if header not in by_file[file_name]:
            by_file[file_name].append(header)
    lines = []
    for file_name, found in by_file.items():
        if len(found) > UNKNOWN_SHOWN:
            first = join(found[:UNKNOWN_EXAMPLES], lang)
            lines.append(t("upload.unknown_headers_many", lang, file=file_name, count=len(found), first=first))
        else:
            lines += [t("upload.unknown_header", lang, file=file_name, header=header) for header in found]
    return lines


def sheet_table(plan: UploadPlan) -> pd.DataFrame:
    """Per sheet: rows read, to add, to update, unchanged, rejected (canonical column names)."""
    rows = []
    for summary in plan.sheets:
        change = plan.changes.tables.get(summary.kind)
        counts = change.by_sheet.get((summary.file, summary.sheet), {}) if change else {}
        rows.append(
            {
                "file": summary.file,
                "sheet": summary.sheet,
                "kind": summary.kind,
                "rows_read": summary.rows_read,
                "rows_added": counts.get("added", 0),
                "rows_updated": counts.get("updated", 0),
                "rows_unchanged": counts.get("unchanged", 0),
                "rows_rejected": summary.rows_rejected,
            }
        )
    return pd.DataFrame(rows)


def problem_table(plan: UploadPlan, lang: str = "zh") -> pd.DataFrame:
    """Every problem with file, sheet, Excel row, column, value and the reason in the given language."""
    rows = [
        {
            "file": file_name,
            "sheet": problem.sheet,
            "row": problem.row,
            "column": problem.column,
            "value": problem.value,
            "reason": problem.message(lang),
        }
        for file_name, problem in plan.problems
    ]
    return pd.DataFrame(rows, columns=["file", "sheet", "row", "column", "value", "reason"])


def report(plan: UploadPlan, lang: str = "zh") -> list[str]:
    """The dry-run report as lines of text: the same words on the page and on the command line."""
    lines = []
    for summary in plan.sheets:
        change = plan.changes.tables.get(summary.kind)
        lines.append(
            t(
                "upload.sheet_line",
                lang,
                file=summary.file,
                sheet=summary.sheet,
                kind=t(f"kind.{summary.kind}", lang),
                read=summary.rows_read,
                rejected=summary.rows_rejected,
            )
        )
    for kind, change in plan.changes.tables.items():
        lines.append(
            t(
                "upload.table_line",
                lang,
                kind=t(f"kind.{kind}", lang),
                added=len(change.added),
                updated=len(change.updated),
                unchanged=change.unchanged,
            )
        )
    if plan.new_units:
        lines.append(t("upload.new_units", lang, units=join((fold_name(unit) for unit in plan.new_units), lang)))
    lines += unknown_header_lines(plan, lang)
    for file_name, ids in plan.already_loaded.items():
        lines.append(t("upload.already_loaded", lang, file=file_name, batches=", ".join(f"#{i}" for i in ids)))
    for file_name, problem in plan.problems:
        lines.append(f"{file_name} › {problem.message(lang)}")
    return lines
