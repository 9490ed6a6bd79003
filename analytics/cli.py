"""Command line: `python -m analytics kpis|studios|talent|checks|lists|suggestions|points|import|batches|undo|report
|demo …`, the same code the pages run. Reading commands read the newest published copy (so they run while servers
are up); import, undo and demo queue behind any write in progress."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import getpass
import json
import os
import sys
import tempfile
import traceback
from pathlib import Path

import duckdb
import pandas as pd

from analytics import exports, metrics
from analytics.contract import vocab
from analytics.contract.missing import is_missing
from analytics.demo import scale
from analytics.display import formatting, labels
from analytics.exports import pdf
from analytics.filters import Filters
from analytics.i18n import join, t
from analytics.ingest import coerce, headers, upload
from analytics.ingest.read import CSV_ENCODINGS
from analytics.ingest.sandbox import parse_in_subprocess
from analytics.metrics import checks as checks_metrics
from analytics.metrics import lists as lists_metrics
from analytics.metrics import points as points_metrics
from analytics.metrics import studios as studios_metrics
from analytics.metrics import suggestions as suggestions_metrics
from analytics.metrics import talent as talent_metrics
from analytics.store import accounts, audit, backup, batches, connection
from analytics.store.rollup import ensure_rollups
from analytics.store.tree import UnknownUnitError, resolve_units, subtree, within_scope

EXIT_OK, EXIT_REFUSED, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_LOG_DIR = Path(tempfile.gettempdir()) / "innovation-dashboard" / "logs"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analytics", description="创新成效看板 command line")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(command):
        command.add_argument("--db", help="database file (default: $DASHBOARD_DB or data/innovation.duckdb)")
        return command

    kpis = with_db(commands.add_parser("kpis", help="headline figures for a unit, year and programme"))
    kpis.add_argument("--unit", action="append", default=[], help="unit name (repeatable; includes units below)")
    kpis.add_argument("--year", type=parse_years, help="a year or a range, 2024 or 2022-2024 (default: every year)")
    kpis.add_argument("--program", action="append", default=[], help="programme (repeatable)")
    kpis.add_argument("--category", action="append", default=[], help="project category (repeatable)")
    kpis.add_argument("--json", action="store_true", help="print one JSON object")
    kpis.add_argument("--as", dest="as_user", metavar="NAME", help="only what this account's unit scope shows")

    studios = with_db(commands.add_parser("studios", help="studio verdicts: ok, warning, delisted"))
    studios.add_argument("--year", type=parse_years, help="a year or a range, 2024 or 2022-2024")
    studios.add_argument("--unit", action="append", default=[])
    studios.add_argument("--delist-years", type=int, default=2, help="consecutive missed years that delist")
    studios.add_argument("--json", action="store_true")
    studios.add_argument("--as", dest="as_user", metavar="NAME", help="only what this account's unit scope shows")

    # issue 16: people
    talent = with_db(commands.add_parser("talent", help="talent pools, moves, titles, honours and training"))
    talent.add_argument("--unit", action="append", default=[], help="unit name (repeatable; includes units below)")
    talent.add_argument("--year", type=parse_years, help="a year or a range, 2024 or 2022-2024 (default: every year)")
    talent.add_argument("--json", action="store_true", help="print one JSON object")

    importer = with_db(commands.add_parser("import", help="load spreadsheets (.xlsx, .xls, .csv)"))
    importer.add_argument("files", nargs="+", type=Path)
    importer.add_argument("--valid-only", action="store_true", help="load the valid rows even if some are rejected")
    importer.add_argument("--dry-run", action="store_true", help="report what would change, write nothing")
    importer.add_argument("--again", action="store_true", help="load a file whose exact content was loaded before")
    importer.add_argument(
        "--map",
        action="append",
        default=[],
        type=_header_map,
        metavar="HEADER=COLUMN",
        help="read an unrecognised column as this one, e.g. 发明专利数=发明专利 (repeatable; remembered)",
    )
    importer.add_argument(
        "--ignore", action="append", default=[], metavar="HEADER", help="skip this unrecognised column (repeatable)"
    )
    importer.add_argument("--ignore-unknown", action="store_true", help="skip every unrecognised column")
    importer.add_argument(
        "--encoding",
        choices=tuple(CSV_ENCODINGS),
        help="a CSV file's encoding, when it cannot be told from the content",
    )

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
    report.add_argument("--year", type=parse_years, help="a year or a range, 2024 or 2022-2024 (default: every year)")
    report.add_argument("--program", action="append", default=[], help="programme (repeatable)")
    report.add_argument("--category", action="append", default=[], help="project category (repeatable)")
    report.add_argument("--format", required=True, choices=tuple(exports.FORMATS), help="png writes a .zip of PNGs")
    report.add_argument("--out", required=True, type=Path, help="file to write")
    report.add_argument("--as", dest="as_user", metavar="NAME", help="only what this account's unit scope shows")
    # Also accepted after the subcommand, where a scheduler's command line naturally puts it.
    report.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS, help="language of the report")
    saving = with_db(commands.add_parser("backup", help="copy the store to a folder (checkpointed and verified)"))
    saving.add_argument("--out", required=True, type=Path, help="folder to write store.duckdb and manifest.json to")
    restoring = with_db(commands.add_parser("restore", help="put a backup folder back (stop the dashboard first)"))
    restoring.add_argument("source", type=Path, help="a backup folder, or a folder of them (the newest is used)")

    users = commands.add_parser("user", help="local accounts: add, list, disable, passwd, role, scope, token")
    user_commands = users.add_subparsers(dest="user_command", required=True)
    add = with_db(user_commands.add_parser("add", help="add an account; the password is asked for or read from stdin"))
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=accounts.ROLES)
    add.add_argument("--unit", action="append", default=[], help="limit the account to this unit's subtree (repeat)")
    add.add_argument("--email", help="e-mail of a single-sign-on user (then a password is optional)")
    add.add_argument("--no-password", action="store_true", help="single-sign-on only: no local password")
    with_db(user_commands.add_parser("list", help="every account")).add_argument("--json", action="store_true")
    disable = with_db(user_commands.add_parser("disable", help="disable an account (its sessions end)"))
    disable.add_argument("name")
    disable.add_argument("--enable", action="store_true", help="enable it again")
    with_db(user_commands.add_parser("passwd", help="set a new password (asked for, or read from stdin)")).add_argument(
        "name"
    )
    role = with_db(user_commands.add_parser("role", help="change an account's role"))
    role.add_argument("name")
    role.add_argument("role", choices=accounts.ROLES)
    scope = with_db(user_commands.add_parser("scope", help="set an account's units (none = whole group)"))
    scope.add_argument("name")
    scope.add_argument("--unit", action="append", default=[])
    token = with_db(user_commands.add_parser("token", help="issue an HTTP API token (printed once) or --revoke it"))
    token.add_argument("name")
    token.add_argument("--revoke", action="store_true", help="remove the account's token")
    _running_parsers(commands, with_db)
    return parser


def _run_backup(_reader, args) -> int:
    try:
        # Under the writer lock: no commit can land halfway through the copy.
        with connection.connect_writer(args.db, on_wait=lambda holder: _waiting(holder, args.lang)) as con:
            out = backup.backup(con, args.out)
            by = accounts.operator()
            audit.record(con, actor=by.name, source=by.source, action="backup", target=str(out))
            count = con.execute("SELECT count(*) FROM batches").fetchone()[0]
    except backup.BackupError as exc:
        print(t(exc.key, args.lang, **exc.params), file=sys.stderr)
        return EXIT_REFUSED
    print(t("backup.done", args.lang, path=out, batches=count))
    return EXIT_OK


def _restore(args) -> int:
    """Runs without a connection of its own: the file it replaces must be closed."""
    target = connection.db_path(args.db)
    try:
        summary = backup.restore(args.source, target)
    except backup.BackupError as exc:
        print(t(exc.key, args.lang, **exc.params), file=sys.stderr)
        return EXIT_REFUSED
    con = connection.connect(target)
    # The restored facts are the truth: the roll-ups every page reads are recomputed from them before any copy
    # is published to readers.
    ensure_rollups(con, rebuild=True)
    by = accounts.operator()
    audit.record(con, actor=by.name, source=by.source, action="restore", target=summary["from"])
    con.close()
    print(t("backup.restored", args.lang, path=summary["from"], batches=summary["batches"], last=summary["last_batch"]))
    return EXIT_OK


def _read_password(name: str, lang: str) -> str:
    """From the terminal (asked twice), or the first line of stdin when it is not a terminal: never an argument,
    which would sit in the shell history and the process list."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("account.password_prompt", lang, name=name))
    if getpass.getpass(t("account.password_again", lang)) != first:
        raise accounts.AccountError("account.password_mismatch")
    return first


def _run_user(reader, args) -> int:
    if args.user_command == "list":
        return _user_command(reader, args)
    # Accounts are written to the primary under the writer lock, like a batch: the next published copy has them.
    with connection.connect_writer(args.db, on_wait=lambda holder: _waiting(holder, args.lang)) as con:
        return _user_command(con, args)


def _user_command(con, args) -> int:
    by = accounts.operator()
    lang = args.lang
    command = args.user_command
    if command == "list":
        frame = accounts.list_users(con)
        if args.json:
            print(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
        elif frame.empty:
            print(t("account.none", lang))
        else:
            print(frame.to_string(index=False))
        return EXIT_OK
    if command == "add":
        password = None if args.no_password else _read_password(args.name, lang)
        accounts.add_user(con, by, args.name, role=args.role, password=password, units=args.unit, email=args.email)
        print(t("account.added", lang, name=args.name, role=args.role))
    elif command == "disable":
        accounts.set_disabled(con, by, args.name, not args.enable)
        print(t("account.enabled" if args.enable else "account.disabled", lang, name=args.name))
    elif command == "passwd":
        accounts.set_password(con, by, args.name, _read_password(args.name, lang))
        print(t("account.password_set", lang, name=args.name))
    elif command == "role":
        accounts.set_role(con, by, args.name, args.role)
        print(t("account.role_set", lang, name=args.name, role=args.role))
    elif command == "scope":
        accounts.set_units(con, by, args.name, args.unit)
        units = "、".join(accounts.user_units(con, args.name)) or t("account.whole_group", lang)
        print(t("account.scope_set", lang, name=args.name, units=units))
    elif command == "token" and args.revoke:
        accounts.revoke_token(con, by, args.name)
        print(t("account.token_revoked", lang, name=args.name))
    elif command == "token":
        print(t("account.token_issued", lang, name=args.name, token=accounts.issue_token(con, by, args.name)))
    return EXIT_OK


def _header_map(text: str) -> tuple[str, str]:
    header, sep, target = text.rpartition("=")
    if not sep or not header.strip() or not target.strip():
        raise argparse.ArgumentTypeError(f"not HEADER=COLUMN: {text}")
    return header.strip(), target.strip()


# ---- issue 17: running the programme (checks, lists, suggestions, points) -------------------------------------
def _running_parsers(commands, with_db) -> None:
    def common(name: str, help_text: str):
        command = with_db(commands.add_parser(name, help=help_text))
        command.add_argument("--unit", action="append", default=[], help="unit name (repeatable; includes units below)")
        command.add_argument(
            "--year", type=parse_years, help="a year or a range, 2024 or 2022-2024 (default: every year)"
        )
        command.add_argument("--json", action="store_true", help="print JSON")
        return command

    checks = common("checks", "progress checks: 按期率, yellow and red cards, unchecked projects")
    checks.add_argument("--quarter", type=_quarter, help="quarter 1–4 (or Q1 … Q4) of the last selected year")
    checks.add_argument("--red-quarters", type=int, default=vocab.CHECK_RED_QUARTERS, help="checks behind for red")
    checks.add_argument("--cutoff", type=_date, help="cut-off date for 未检查, YYYY-MM-DD (default today)")
    lists = common("lists", "书记项目 lists: closure rate, goal rate, overdue items")
    lists.add_argument("--cutoff", type=_date, help="cut-off date, YYYY-MM-DD (default today)")
    common("suggestions", "suggestions: collected, adoption and done rates, median days, value")
    points = common("points", "points ranking of units of one level")
    points.add_argument("--level", choices=vocab.UNIT_KINDS, help="unit kind ranked (default: the compared units)")


def _quarter(text: str) -> int:
    code = coerce.quarter(pd.Series([text], dtype=object))[0].iloc[0]
    if pd.isna(code) or code >= coerce.QUARTER_YEAR:
        raise argparse.ArgumentTypeError(f"not a quarter: {text}")
    return int(code)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _rate_text(value, lang: str) -> str:
    return formatting.rate(value, lang)


def _run_checks(con, args) -> int:
    filters = _filters(con, args)
    summary = checks_metrics.check_summary(
        con, filters, quarter=args.quarter, cutoff=args.cutoff, red_quarters=args.red_quarters
    )
    keys = ("checks", "on_track_rate", "yellow", "red", "unchecked")
    if args.json:
        print(json.dumps({key: summary[key] for key in keys}, ensure_ascii=False))
        return EXIT_OK
    none = t("cli.none", args.lang)
    print(
        t(
            "cli.checks",
            args.lang,
            checks=summary["checks"],
            rate=_rate_text(summary["on_track_rate"], args.lang),
            period=f"{summary['year']}Q{summary['quarter']}" if summary["year"] else none,
            red=join(summary["red"], args.lang) or none,
            yellow=join(summary["yellow"], args.lang) or none,
            unchecked=join(summary["unchecked"], args.lang) or none,
        )
    )
    return EXIT_OK


def _run_lists(con, args) -> int:
    frame = lists_metrics.list_closure(con, _filters(con, args), cutoff=args.cutoff)
    rows = [
        {
            "project_id": r.project_id,
            "closure_rate": r.closure_rate,
            "goal_rate": r.goal_rate,
            "overdue_items": int(r.overdue_items),
        }
        for r in frame.itertuples()
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        closure, goal = _rate_text(row["closure_rate"], args.lang), _rate_text(row["goal_rate"], args.lang)
        print(
            t(
                "cli.lists",
                args.lang,
                project=row["project_id"],
                closure=closure,
                goal=goal,
                overdue=row["overdue_items"],
            )
        )
    return EXIT_OK


def _run_suggestions(con, args) -> int:
    summary = suggestions_metrics.suggestion_summary(con, _filters(con, args))
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return EXIT_OK
    days = summary["median_days_to_done"]
    print(
        t(
            "cli.suggestions",
            args.lang,
            collected=summary["collected"],
            adoption=_rate_text(summary["adoption_rate"], args.lang),
            done=_rate_text(summary["done_rate"], args.lang),
            days="—" if days is None else f"{days:g}",
            value=formatting.wan(summary["value_wan"], args.lang),
        )
    )
    return EXIT_OK


def _run_points(con, args) -> int:
    ranking = points_metrics.points_ranking(con, _filters(con, args), level=args.level)
    rows = [
        {
            "unit": r.unit,
            "points": float(r.points),
            "points_per_100_members": None if is_missing(r.points_per_100_members) else float(r.points_per_100_members),
            "rank": int(r.rank),
            "rank_change": None if is_missing(r.rank_change) else int(r.rank_change),
        }
        for r in ranking.itertuples()
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    for row in rows:
        change = "—" if row["rank_change"] is None else f"{row['rank_change']:+d}"
        print(
            t("cli.points", args.lang, rank=row["rank"], unit=row["unit"], points=f"{row['points']:g}", change=change)
        )
    return EXIT_OK


def parse_years(text: str) -> tuple[int, int]:
    """2024 → (2024, 2024); 2022-2024 → (2022, 2024): the same forms a link's year= takes."""
    try:
        bounds = [int(part) for part in text.replace("—", "-").replace("–", "-").split("-")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year or range: {text}") from None
    if len(bounds) not in (1, 2) or bounds[0] > bounds[-1]:
        raise argparse.ArgumentTypeError(f"not a year or range: {text}")
    return bounds[0], bounds[-1]


def _filters(con, args) -> Filters:
    """The filters the arguments ask for; with --as NAME, within that account's unit scope (what they would see)."""
    year_from, year_to = args.year or (None, None)
    chosen = Filters(
        units=resolve_units(con, args.unit),
        year_from=year_from,
        year_to=year_to,
        programs=tuple(getattr(args, "program", ()) or ()),
        categories=tuple(getattr(args, "category", ()) or ()),
    )
    name = getattr(args, "as_user", None)
    if not name:
        return chosen
    principal = accounts.principal_for(con, name)
    if principal is None:
        raise accounts.AccountError("account.unknown", name=name)
    return within_scope(chosen, principal.units, subtree(con, principal.units) if principal.units else set())


def _name_scope(con, args):
    """Whose names an export shows: with --as NAME, that account's (what they would download); else everyone's."""
    name = getattr(args, "as_user", None)
    principal = accounts.principal_for(con, name) if name else accounts.operator()
    if principal is None:
        raise accounts.AccountError("account.unknown", name=name)
    return accounts.name_scope(con, principal)


def _summary_text(con, filters: Filters, lang: str) -> str:
    figures = metrics.summary(con, filters)
    scope = join(filters.units, lang) or t("filter.whole_group", lang)
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


def studio_rows(con, filters: Filters, delist_years: int = 2) -> list[dict]:
    """Studio verdicts as `studios --json` prints them (and the HTTP API serves them)."""
    verdicts = studios_metrics.studio_verdicts(con, filters, delist_years=delist_years)
    return [
        {"studio": r.studio, "unit": r.unit, "year": int(r.year), "met": bool(r.met), "verdict": r.verdict}
        for r in verdicts.itertuples()
    ]


def _run_studios(con, args) -> int:
    rows = studio_rows(con, _filters(con, args), args.delist_years)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for row in rows:
            print(f"{row['year']} {row['studio']}（{row['unit']}）：{t('studio.verdict.' + row['verdict'], args.lang)}")
    return EXIT_OK


def _target(kind: str, wanted: str) -> str | None:
    """The column of this sheet kind that `wanted` names: canonical name or zh-CN label, compared folded."""
    folded = headers.fold(wanted)
    for name, label in headers.mapping_targets(kind).items():
        if folded in (headers.fold(name), headers.fold(label)):
            return name
    return None


def _decisions(plan: upload.UploadPlan, args) -> tuple[dict[tuple[str, str], str], list[str]]:
    """(kind, header) -> column ("" = ignore) for the unknown headers the analyst decided on; and refusals."""
    maps = {headers.fold(header): target for header, target in args.map}
    ignored = {headers.fold(header) for header in args.ignore}
    decided, errors, used = {}, [], set()
    for _file, _sheet, kind, header in plan.unknown_headers:
        folded = headers.fold(header)
        if folded in maps:
            used.add(folded)
            column = _target(kind, maps[folded])
            if column is None:
                choices = join(headers.mapping_targets(kind).values(), args.lang)
                message = t("cli.map_bad_target", args.lang, header=header, target=maps[folded], choices=choices)
                errors.append(message)
            else:
                decided[(kind, header)] = column
        elif folded in ignored:
            used.add(folded)
            decided[(kind, header)] = ""
    for header, _target_text in args.map:
        if headers.fold(header) not in used:
            print(t("cli.map_unused", args.lang, header=header), file=sys.stderr)
    for header in args.ignore:
        if headers.fold(header) not in used:
            print(t("cli.map_unused", args.lang, header=header), file=sys.stderr)
    return decided, list(dict.fromkeys(errors))


def _run_talent(con, args) -> int:
    figures = talent_metrics.talent_summary(con, _filters(con, args))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return EXIT_OK
    lang = args.lang
    pools = join((f"{labels.pool_label(pool, lang)} {count}" for pool, count in figures["pools"].items()), lang)
    honours = join(
        (f"{labels.honour_level_label(level, lang)} {count}" for level, count in figures["honours"].items() if count),
        lang,
    )
    print(
        t(
            "cli.talent",
            lang,
            pools=pools,
            promotions=figures["promotions"],
            exits=figures["exits"],
            titled=formatting.rate(figures["titled_share"], lang),
            party=formatting.rate(figures["party_member_share"], lang),
            honours=honours or t("cli.none", lang),
            sessions=figures["training"]["sessions"],
            attendance=figures["training"]["attendance"],
            hours=f"{figures['training']['hours']:g}",
        )
    )
    return EXIT_OK


def _run_import(con, args) -> int:
    files = []
    for path in args.files:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            print(t("cli.cannot_open", args.lang, path=path, error=exc.strerror or exc), file=sys.stderr)
            return EXIT_UNREADABLE
    # The same capped, time-limited child process the page parses in: a file that would take gigabytes is refused.
    parse = functools.partial(parse_in_subprocess, keep_spare=False)
    uploads = upload.parse_files(con, files, parse=parse, encoding=args.encoding)
    plan = upload.check(con, uploads)
    decided, errors = _decisions(plan, args)
    if errors:
        for message in errors:
            print(message, file=sys.stderr)
        return EXIT_REFUSED
    if decided:
        uploads = upload.parse_files(con, files, manual_mappings=decided, parse=parse, encoding=args.encoding)
        plan = upload.check(con, uploads)
    for line in upload.report(plan, args.lang):
        print(line)
    if plan.unreadable:
        print(t("upload.unreadable", args.lang), file=sys.stderr)
        return EXIT_UNREADABLE
    if plan.tree_broken:
        print(t("upload.tree_blocked", args.lang), file=sys.stderr)
        return EXIT_REFUSED
    if plan.has_problems and not args.valid_only:
        print(t("upload.refused", args.lang, count=len(plan.problems)), file=sys.stderr)
        return EXIT_REFUSED
    unknown = list(dict.fromkeys(header for *_, header in plan.unknown_headers))
    if unknown and not args.ignore_unknown:
        print(t("cli.unknown_refused", args.lang, count=len(unknown)), file=sys.stderr)
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
        with connection.connect_writer(args.db, on_wait=lambda holder: _waiting(holder, args.lang)) as writer:
            # Checked again against the primary under the writer lock: a write may have landed since the dry run.
            plan = upload.check(writer, plan.uploads)
            batch = upload.apply(writer, plan, actor=accounts.operator(), valid_only=args.valid_only)
            # Remembered as the page remembers a mapping chosen by hand, once the upload they made possible is loaded.
            upload.save_mappings(writer, decided)
    except (batches.IntegrityError, backup.BackupError) as exc:
        print(t(exc.key, args.lang, **exc.params), file=sys.stderr)
        return EXIT_REFUSED
    except upload.UploadRefused:
        print(t("upload.refused", args.lang, count=len(plan.problems)), file=sys.stderr)
        return EXIT_REFUSED
    added, updated = plan.changes.rows_added, plan.changes.rows_updated
    print(t("upload.loaded", args.lang, batch=batch, added=added, updated=updated))
    return EXIT_OK


def batch_rows(con) -> list[dict]:
    """Upload batches, oldest first, as `batches --json` prints them (and the HTTP API serves them)."""
    return [
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
        for r in batches.list_batches(con).itertuples()
    ]


def _run_batches(con, args) -> int:
    if args.json:
        print(json.dumps(batch_rows(con), ensure_ascii=False))
        return EXIT_OK
    frame = batches.list_batches(con)
    if frame.empty:
        print(t("batches.none", args.lang))
    else:
        print(frame.to_string(index=False))
    return EXIT_OK


def _waiting(holder: str, lang: str) -> None:
    print(t("store.waiting", lang, holder=holder), file=sys.stderr, flush=True)


def _run_undo(con, args) -> int:
    try:
        with connection.connect_writer(args.db, on_wait=lambda holder: _waiting(holder, args.lang)) as writer:
            batches.undo(writer, args.batch_id, actor=accounts.operator())
    except (batches.UndoRefused, backup.BackupError) as exc:
        print(t(exc.key, args.lang, **exc.params), file=sys.stderr)
        return EXIT_REFUSED
    print(t("undo.done", args.lang, batch=args.batch_id))
    return EXIT_OK


def _run_demo(con, args) -> int:
    if args.projects < 1:
        print(t("cli.demo_projects", args.lang), file=sys.stderr)
        return EXIT_REFUSED
    config = scale.SETTINGS
    try:
        with connection.connect_writer(
            args.db, on_wait=lambda holder: _waiting(holder, args.lang), config=config
        ) as writer:
            batch = scale.build(writer, args.projects, args.seed, uploaded_by=accounts.operator().name)
            added = writer.execute("SELECT rows_added FROM batches WHERE batch_id = ?", [batch]).fetchone()[0]
            by = accounts.operator()
            audit.record(
                writer, actor=by.name, source=by.source, action="batch", target=f"#{batch} synthetic",
                detail=f"added={added}",
            )  # fmt: skip
    except scale.StoreNotEmpty:
        print(t("cli.demo_not_empty", args.lang, path=connection.db_path(args.db)), file=sys.stderr)
        return EXIT_REFUSED
    print(t("cli.demo_built", args.lang, batch=batch, projects=args.projects, rows=added))
    return EXIT_OK


def _run_report(con, args) -> int:
    filters = _filters(con, args)
    hint = exports.missing_font_hint(args.lang) if exports.FORMATS[args.format].needs_cjk_font else None
    if hint:
        print(hint, file=sys.stderr)
    try:
        data = exports.build(con, filters, args.format, args.lang, names=_name_scope(con, args))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
        by = accounts.operator()
        audit.record(con, actor=by.name, source=by.source, action="export", target=args.format, detail=str(args.out))
    except (OSError, pdf.MissingFontError) as exc:
        print(t("cli.report_failed", args.lang, path=args.out, error=exc), file=sys.stderr)
        return EXIT_UNREADABLE
    print(t("cli.report_written", args.lang, path=args.out))
    return EXIT_OK


COMMANDS = {
    "kpis": _run_kpis,
    "studios": _run_studios,
    "talent": _run_talent,
    "import": _run_import,
    "batches": _run_batches,
    "undo": _run_undo,
    "report": _run_report,
    "user": _run_user,
    "backup": _run_backup,
    "demo": _run_demo,
}
COMMANDS.update({"checks": _run_checks, "lists": _run_lists, "suggestions": _run_suggestions, "points": _run_points})


def main(argv: list[str] | None = None) -> int:
    """Exit 0 done, 1 refused (with the reason), 2 a file or the store cannot be read, 3 an internal error: never
    a traceback on the terminal; the traceback goes to a log file whose path is printed."""
    args = _parser().parse_args(argv)
    if args.command == "restore":
        return _restore(args)
    try:
        return _main(args)
    except KeyboardInterrupt:
        return 130
    except Exception:
        try:
            path = _log_traceback()
        except OSError:
            path = "—"
        print(t("cli.internal_error", args.lang, path=path), file=sys.stderr)
        return EXIT_INTERNAL


def _log_traceback() -> Path:
    """The traceback of the exception being handled, in $DASHBOARD_LOG_DIR or the system's temp directory."""
    folder = Path(os.environ.get("DASHBOARD_LOG_DIR") or DEFAULT_LOG_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"cli-{dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    path.write_text(f"python -m analytics {' '.join(sys.argv[1:])}\n\n{traceback.format_exc()}", encoding="utf-8")
    return path


def _main(args) -> int:
    try:
        # Every command starts from the newest published copy; import and undo take the writer only to commit.
        # Writing a report of a million rows sorts and aggregates inside DuckDB: a fixed memory limit (DuckDB spills
        # beyond it) keeps the process under 1 GB. The demo command takes the writer itself.
        config = {"memory_limit": scale.MEMORY_LIMIT} if args.command in ("demo", "report") else None
        con = connection.connect_reader(args.db, config=config)
    except connection.StoreBusy:
        print(t("cli.busy", args.lang, path=connection.db_path(args.db)), file=sys.stderr)
        return EXIT_REFUSED
    except (duckdb.Error, OSError) as exc:
        error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        print(t("cli.db_unreadable", args.lang, path=connection.db_path(args.db), error=error), file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        return COMMANDS[args.command](con, args)
    except accounts.AccountError as exc:
        print(t(exc.key, args.lang, **exc.params), file=sys.stderr)
        return EXIT_REFUSED
    except UnknownUnitError as exc:
        suggestions = join(exc.suggestions, args.lang) or t("cli.none", args.lang)
        print(t("cli.unknown_unit", args.lang, name=exc.name, suggestions=suggestions), file=sys.stderr)
        return EXIT_REFUSED
    finally:
        con.close()


if __name__ == "__main__":
    sys.exit(main())
