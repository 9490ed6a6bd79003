"""Command line: `python -m analytics kpis|studios|import|batches|undo|report|demo …`, the same code the pages run."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analytics import exports, metrics
from analytics.contract.missing import is_missing
from analytics.demo import scale
from analytics.display import formatting
from analytics.exports import pdf
from analytics.filters import Filters
from analytics.i18n import t
from analytics.ingest import upload
from analytics.metrics import studios as studios_metrics
from analytics.store import batches, connection
from analytics.store.tree import UnknownUnitError, resolve_units

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analytics", description="创新成效看板 command line")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(command):
        command.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/innovation.duckdb)")
        return command

    kpis = with_db(commands.add_parser("kpis", help="headline figures for a unit, year and programme"))
    kpis.add_argument("--unit", action="append", default=[], help="unit name (repeatable; includes units below)")
    kpis.add_argument("--year", type=_years, help="a year or a range, 2024 or 2022-2024 (default: every year)")
    kpis.add_argument("--program", action="append", default=[], help="programme (repeatable)")
    kpis.add_argument("--category", action="append", default=[], help="project category (repeatable)")
    kpis.add_argument("--json", action="store_true", help="print one JSON object")

    studios = with_db(commands.add_parser("studios", help="studio verdicts: ok, warning, delisted"))
    studios.add_argument("--year", type=_years, help="a year or a range, 2024 or 2022-2024")
    studios.add_argument("--unit", action="append", default=[])
    studios.add_argument("--delist-years", type=int, default=2, help="consecutive missed years that delist")
    studios.add_argument("--json", action="store_true")

    importer = with_db(commands.add_parser("import", help="load spreadsheets (.xlsx, .xls, .csv)"))
    importer.add_argument("files", nargs="+", type=Path)
    importer.add_argument("--valid-only", action="store_true", help="load the valid rows even if some are rejected")
    importer.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    importer.add_argument("--again", action="store_true", help="load a file whose exact content was loaded before")

    listing = with_db(commands.add_parser("batches", help="list uploads, oldest first"))
    listing.add_argument("--json", action="store_true")

    undo = with_db(commands.add_parser("undo", help="undo one upload batch"))
    undo.add_argument("batch_id", type=int)

    demo = with_db(
        commands.add_parser("demo", help="a synthetic store of N projects, for trying the dashboard at size")
    )
    demo.add_argument("--projects", type=int, required=True, help="how many projects (e.g. 1000000)")
    demo.add_argument("--seed", type=int, default=scale.DEFAULT_SEED, help="the same seed builds the same store")

    report = with_db(commands.add_parser("report", help="meeting deck, workbook, PDF or chart images to a file"))
    report.add_argument("--unit", action="append", default=[], help="unit name (repeatable; includes units below)")
    report.add_argument("--year", type=_years, help="a year or a range, 2024 or 2022-2024 (default: every year)")
    report.add_argument("--program", action="append", default=[], help="programme (repeatable)")
    report.add_argument("--category", action="append", default=[], help="project category (repeatable)")
    report.add_argument("--format", required=True, choices=tuple(exports.FORMATS), help="png writes a .zip of PNGs")
    report.add_argument("--out", required=True, type=Path, help="file to write")
    # Also accepted after the subcommand, where a scheduler's command line naturally puts it.
    report.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help="language of the report")
    return parser


def _years(text: str) -> tuple[int, int]:
    """2024 → (2024, 2024); 2022-2024 → (2022, 2024): the same forms a link's year= takes."""
    try:
        bounds = [int(part) for part in text.split("-")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year or range: {text}") from None
    if len(bounds) not in (1, 2) or bounds[0] > bounds[-1]:
        raise argparse.ArgumentTypeError(f"not a year or range: {text}")
    return bounds[0], bounds[-1]


def _filters(con, args) -> Filters:
    year_from, year_to = args.year or (None, None)
    return Filters(
        units=resolve_units(con, args.unit),
        year_from=year_from,
        year_to=year_to,
        programs=tuple(getattr(args, "program", ()) or ()),
        categories=tuple(getattr(args, "category", ()) or ()),
    )


def _summary_text(con, filters: Filters, lang: str) -> str:
    figures = metrics.summary(con, filters)
    scope = "、".join(filters.units) or t("filter.whole_group", lang)
    if filters.year_from is not None:
        scope = f"{formatting.period(filters, lang)} {scope}"
    return t(
        "cli.summary",
        lang,
        scope=scope,
        projects=figures["projects"],
        completion=formatting.rate(figures["completion_rate"], lang),
        participation=formatting.rate(figures["participation_rate"], lang),
        coverage=formatting.rate(figures["branch_coverage"], lang),
        savings=formatting.wan(figures["savings_wan"], lang),
        patents=figures["patents"]["total"],
        invention=figures["patents"]["发明专利"],
        utility=figures["patents"]["实用新型专利"],
        design=figures["patents"]["外观设计专利"],
        software=figures["software_copyrights"],
        declared=figures["awards_declared"],
        awarded=figures["awards_awarded"],
        award_rate=formatting.rate(figures["award_rate"], lang),
    )


def _run_kpis(con, args) -> int:
    filters = _filters(con, args)
    if args.json:
        print(json.dumps(metrics.kpis(con, filters), ensure_ascii=False))
    else:
        print(_summary_text(con, filters, args.lang))
    return EXIT_OK


def _run_studios(con, args) -> int:
    filters = _filters(con, args)
    verdicts = studios_metrics.studio_verdicts(con, filters, delist_years=args.delist_years)
    rows = [
        {"studio": r.studio, "unit": r.unit, "year": int(r.year), "met": bool(r.met), "verdict": r.verdict}
        for r in verdicts.itertuples()
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['year']} {row['studio']}（{row['unit']}）：{t('studio.verdict.' + row['verdict'], args.lang)}")
    return EXIT_OK


def _run_import(con, args) -> int:
    files = []
    for path in args.files:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            return EXIT_UNREADABLE
    plan = upload.prepare(con, files)
    for line in upload.report(plan, args.lang):
        print(line)
    if plan.unreadable:
        print(t("upload.unreadable", args.lang), file=sys.stderr)
        return EXIT_UNREADABLE
    if plan.has_problems and not args.valid_only:
        print(t("upload.refused", args.lang, count=len(plan.problems)), file=sys.stderr)
        return EXIT_REFUSED
    if args.dry_run:
        return EXIT_OK
    if plan.already_loaded and not args.again:
        print(t("upload.again_needed", args.lang), file=sys.stderr)
        return EXIT_REFUSED
    if plan.changes.rows_added + plan.changes.rows_updated == 0:
        print(t("upload.nothing_new", args.lang))
        return EXIT_OK
    try:
        batch = upload.apply(con, plan, valid_only=args.valid_only)
    except batches.IntegrityError as exc:
        print(t(exc.key, args.lang, **exc.params), file=sys.stderr)
        return EXIT_REFUSED
    added, updated = plan.changes.rows_added, plan.changes.rows_updated
    print(t("upload.loaded", args.lang, batch=batch, added=added, updated=updated))
    return EXIT_OK


def _run_batches(con, args) -> int:
    frame = batches.list_batches(con)
    if args.json:
        rows = [
            {
                "id": int(r.batch_id),
                "file": r.file_name,
                "content_hash": r.content_hash,
                "by": r.uploaded_by,
                "at": r.uploaded_at.isoformat(),
                "rows_added": int(r.rows_added),
                "rows_updated": int(r.rows_updated),
                "undone_at": None if is_missing(r.undone_at) else r.undone_at.isoformat(),
            }
            for r in frame.itertuples()
        ]
        print(json.dumps(rows, ensure_ascii=False))
    elif frame.empty:
        print(t("batches.none", args.lang))
    else:
        print(frame.to_string(index=False))
    return EXIT_OK


def _run_undo(con, args) -> int:
    try:
        batches.undo(con, args.batch_id)
    except batches.UndoRefused as exc:
        print(t(exc.key, args.lang, **exc.params), file=sys.stderr)
        return EXIT_REFUSED
    print(t("undo.done", args.lang, batch=args.batch_id))
    return EXIT_OK


def _run_demo(con, args) -> int:
    if args.projects < 1:
        print(t("cli.demo_projects", args.lang), file=sys.stderr)
        return EXIT_REFUSED
    try:
        batch = scale.build(con, args.projects, args.seed)
    except scale.StoreNotEmpty:
        print(t("cli.demo_not_empty", args.lang, path=connection.db_path(args.db)), file=sys.stderr)
        return EXIT_REFUSED
    added = con.execute("SELECT rows_added FROM batches WHERE batch_id = ?", [batch]).fetchone()[0]
    print(t("cli.demo_built", args.lang, batch=batch, projects=args.projects, rows=added))
    return EXIT_OK


def _run_report(con, args) -> int:
    filters = _filters(con, args)
    hint = exports.missing_font_hint(args.lang) if exports.FORMATS[args.format].needs_cjk_font else None
    if hint:
        print(hint, file=sys.stderr)
    try:
        data = exports.build(con, filters, args.format, args.lang)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
    except (OSError, pdf.MissingFontError) as exc:
        print(t("cli.report_failed", args.lang, path=args.out, error=exc), file=sys.stderr)
        return EXIT_UNREADABLE
    print(t("cli.report_written", args.lang, path=args.out))
    return EXIT_OK


COMMANDS = {
    "kpis": _run_kpis,
    "studios": _run_studios,
    "import": _run_import,
    "batches": _run_batches,
    "undo": _run_undo,
    "report": _run_report,
    "demo": _run_demo,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        # Generating a synthetic store and writing a report of a million rows sort and aggregate inside DuckDB: a
        # fixed memory limit (DuckDB spills beyond it) keeps the process under 1 GB.
        config = {"memory_limit": scale.MEMORY_LIMIT} if args.command in ("demo", "report") else None
        con = connection.connect(args.db, config=config)
    except connection.StoreBusy:
        print(t("cli.busy", args.lang, path=connection.db_path(args.db)), file=sys.stderr)
        return EXIT_REFUSED
    try:
        return COMMANDS[args.command](con, args)
    except UnknownUnitError as exc:
        suggestions = "、".join(exc.suggestions) or t("cli.none", args.lang)
        print(t("cli.unknown_unit", args.lang, name=exc.name, suggestions=suggestions), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
