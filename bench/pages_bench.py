"""Page benchmark: every analysis page's server work, cold, at 10k, 100k and 1M projects, per filter case.

For each page it calls the analytics functions the page calls through ui/cache.py (not st.cache_data, so every
call is cold; through a memo of the copy's answers that starts empty each run, as ui/cache.cursor's would for a
copy never asked anything), in the same order, and prints the median page time, the time spent inside DuckDB by
the SQL the page needs (page_ms - sql_ms is Python: frames, pivots, loops), their ratio, and a naive baseline:
pandas over the full tables, already loaded in the same process, computing the same roll-ups by merge and group-by.
Stores are built once by `python -m analytics demo --projects N` into --stores and reused.
The last line is the worst page and case: `worst: PAGE CASE page_ms=… sql_ms=… naive_ms=…`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analytics import metrics  # noqa: E402
from analytics.display import kpi_band as kpi_band_display  # noqa: E402
from analytics.filters import Filters  # noqa: E402
from analytics.metrics import awards, outcomes, participation, projects, savings, studios, talent  # noqa: E402
from analytics.store import tree  # noqa: E402
from analytics.store.connection import connect  # noqa: E402
from analytics.store.memo import MemoCursor, QueryMemo  # noqa: E402

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
AS_OF = dt.date(2025, 12, 31)
PAGE_ROWS = 100


class TimedCursor:
    """A connection stand-in that adds up the time spent executing SQL and fetching its result."""

    def __init__(self, con):
        self._con = con
        self.sql_seconds = 0.0

    def _timed(self, action, *args, **kwargs):
        start = time.perf_counter()
        try:
            return action(*args, **kwargs)
        finally:
            self.sql_seconds += time.perf_counter() - start

    def execute(self, *args, **kwargs):
        self._timed(self._con.execute, *args, **kwargs)
        return self

    def df(self):
        return self._timed(self._con.df)

    def fetchall(self):
        return self._timed(self._con.fetchall)

    def fetchone(self):
        return self._timed(self._con.fetchone)

    def fetchnumpy(self):
        return self._timed(self._con.fetchnumpy)

    def cursor(self):
        return self

    def __getattr__(self, name):
        return getattr(self._con, name)


# ---- the pages, as pages/*.py call them -------------------------------------------------------------------


def header(con, f: Filters) -> None:
    if len(f.units) == 1:
        tree.ancestors(con, f.units[0])


def kpi_band(con, f: Filters) -> dict:
    # ui/kpi.band: the figures, the previous period's when comparable, and the people tiles (金鹰, 雄鹰, 培训场次).
    now = metrics.summary(con, f)
    previous = kpi_band_display.comparable_period(f, tree.available_years(con))
    before = kpi_band_display.comparable(metrics.summary(con, previous) if previous is not None else None)
    talent.band_figures(con, f)
    if before is not None:
        talent.band_figures(con, f.previous_period())
    return now


def page_overview(con, f):
    header(con, f)
    kpi_band(con, f)
    metrics.kpis_by_unit(con, f, tree.comparison_groups(con, f))
    metrics.trend(con, f.without_years())


def page_participation(con, f):
    header(con, f)
    metrics.summary(con, f)
    units = tree.comparison_units(con, f)
    by_unit = metrics.kpis_by_unit(con, f, units)
    participation.unit_figures_by_year(con, f, units)
    metrics.trend(con, f.without_years())
    # ui/cache.unit_ranking hands the ranking the page's own (cached) kpis_by_unit.
    try:
        participation.unit_ranking(con, f, units, "participation_rate", by_unit=by_unit)
    except TypeError:  # the code before the ranking took it
        participation.unit_ranking(con, f, units, "participation_rate")


def page_savings(con, f):
    header(con, f)
    metrics.summary(con, f)
    units = tree.comparison_units(con, f)
    savings.savings_by_unit_dimension(con, f, tree.comparison_groups(con, f))
    metrics.trend(con, f.without_years())
    savings.savings_by_year_program(con, f.without_years())
    savings.savings_concentration(con, f, units)
    savings.top_savings_projects(con, f, 10)


def page_patents(con, f):
    header(con, f)
    units = tree.comparison_groups(con, f)  # with the 本级 row, as the page draws it
    outcomes.outcome_counts_by_unit(con, f, units)
    metrics.summary(con, f)
    metrics.kpis_by_unit(con, f, units)
    metrics.trend(con, f.without_years())


def page_projects(con, f):
    header(con, f)
    as_of = tree.data_as_of(con) or AS_OF
    projects.status_board(con, f, as_of, overdue_all_years=True)
    listing = PROJECT_LIST(con, f)
    if len(listing):
        projects.project_card(con, str(listing.iloc[0]["project_id"]))


def _project_page(con, f):
    # The paged list where it exists; the whole list before it did. Judged at the data's own date, as the page is.
    as_of = tree.data_as_of(con) or AS_OF
    try:
        return projects.project_list(con, f, as_of, "", overdue_all_years=True, limit=PAGE_ROWS, offset=0)
    except TypeError:
        return projects.project_list(con, f, AS_OF, "")


PROJECT_LIST = _project_page


def page_awards(con, f):
    header(con, f)
    metrics.summary(con, f)
    awards.award_funnel(con, f)
    metrics.kpis_by_unit(con, f, tree.comparison_groups(con, f))


def page_studios(con, f):
    header(con, f)
    verdicts = studios.studio_verdicts(con, f)
    year = studios.studio_year(verdicts, f)
    studios.studio_table(verdicts, year)
    studios.verdict_history(studios.studio_verdicts(con, f.without_years()))


PAGES = {
    "overview": page_overview,
    "participation": page_participation,
    "savings": page_savings,
    "patents": page_patents,
    "projects": page_projects,
    "awards": page_awards,
    "studios": page_studios,
}


def kpi_band_only(con, f):
    kpi_band(con, f)


# ---- the naive baseline: pandas over the full tables, loaded once -------------------------------------------


class Tables:
    def __init__(self, con):
        read = lambda table: con.execute(f"SELECT * FROM {table}").df()  # noqa: E731
        self.projects = read("projects")
        self.outcomes = read("outcomes")
        self.awards = read("awards")
        self.headcount = read("headcount")
        self.studios = read("studios")
        self.closure = read("unit_closure")
        self.units = read("units")


def _groups(t: Tables, roots: list[str]) -> pd.DataFrame:
    below = t.closure[t.closure["ancestor"].isin(roots)]
    return below.rename(columns={"ancestor": "group_key", "descendant": "owner_unit"})[["group_key", "owner_unit"]]


def _years(frame: pd.DataFrame, column: str, f: Filters) -> pd.DataFrame:
    if f.year_from is not None:
        frame = frame[(frame[column] >= f.year_from) & (frame[column] <= f.year_to)]
    return frame


def _programmes(frame: pd.DataFrame, f: Filters) -> pd.DataFrame:
    return frame[frame["program"].isin(f.programs)] if f.programs else frame


def naive_rollup(t: Tables, f: Filters, roots: list[str]) -> pd.DataFrame:
    """Per group and year: projects, completed, savings, patents, awards; the core of every roll-up page."""
    groups = _groups(t, roots)
    p = t.projects.assign(owner_unit=t.projects["branch"].fillna(t.projects["unit"]))
    p = _programmes(_years(p, "year", f), f).merge(groups, on="owner_unit")
    project_counts = p.groupby(["group_key", "year"]).agg(
        projects=("project_id", "size"), completed=("status", lambda s: (s == "已结题").sum())
    )
    o = t.outcomes.merge(t.projects, on="project_id", how="left", suffixes=("", "_p"))
    o["fact_year"] = o["year"].fillna(o["year_p"])
    o["owner_unit"] = o["branch"].fillna(o["unit_p"]).fillna(o["unit"])
    o = _programmes(_years(o, "fact_year", f), f).merge(groups, on="owner_unit")
    o["savings"] = o["value_wan"].where(o["outcome_type"] == "节创价值", 0)
    o["patents"] = o["quantity"].where(o["outcome_type"].isin(["发明专利", "实用新型专利", "外观设计专利"]), 0)
    outcome_totals = o.groupby(["group_key", "fact_year"]).agg(savings=("savings", "sum"), patents=("patents", "sum"))
    a = t.awards.merge(t.projects[["project_id", "unit", "branch", "program"]], on="project_id")
    a["owner_unit"] = a["branch"].fillna(a["unit"])
    a = _programmes(_years(a, "year", f), f).merge(groups, on="owner_unit")
    award_totals = a.groupby(["group_key", "year"]).agg(
        declared=("award", "size"), awarded=("result", lambda s: (s == "获奖").sum())
    )
    h = _years(t.headcount, "year", f).merge(groups.rename(columns={"owner_unit": "unit"}), on="unit")
    heads = h.groupby(["group_key", "year"]).agg(members=("party_members", "sum"))
    outcome_totals.index.names = ["group_key", "year"]
    return pd.concat([project_counts, outcome_totals, award_totals, heads], axis=1)


def naive_page(t: Tables, page: str, con, f: Filters) -> None:
    roots = list(f.units) or tree.top_units(con)
    units = tree.comparison_units(con, f)
    if page == "projects":
        p = t.projects.assign(owner_unit=t.projects["branch"].fillna(t.projects["unit"]))
        p = _programmes(_years(p, "year", f), f).merge(_groups(t, roots), on="owner_unit")
        p["status"].value_counts()
        p.sort_values(["year", "project_id"], ascending=[False, True]).head(PAGE_ROWS)
    elif page == "studios":
        s = t.studios.merge(_groups(t, roots).rename(columns={"owner_unit": "unit"}), on="unit")
        _years(s, "year", f).sort_values(["year", "studio"])
    else:
        naive_rollup(t, f, roots)
        naive_rollup(t, f, units)
        if page == "participation":
            naive_rollup(t, f.without_years(), units)


# ---- running it ----------------------------------------------------------------------------------------------


def ensure_store(stores: Path, label: str, projects_n: int) -> Path:
    path = stores / f"scale-{label}.duckdb"
    if not path.exists():
        print(f"building {path} ({projects_n:,} projects) …", flush=True)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "analytics", "demo", "--projects", str(projects_n), "--db", str(path)],
            check=True,
            cwd=ROOT,
        )
        print(f"built in {time.perf_counter() - start:.1f} s", flush=True)
    return path


def cases(con) -> dict[str, Filters]:
    group = tree.top_units(con)[0]
    company = tree.children(con, group)[0]
    committee = tree.children(con, company)[0]
    branch = tree.children(con, committee)[0]
    last = max(tree.available_years(con))
    return {
        "group": Filters(),
        "company": Filters(units=(company,)),
        "branch": Filters(units=(branch,)),
        "year": Filters(year_from=last, year_to=last),
        "three_years": Filters(year_from=last - 2, year_to=last),
        "programme": Filters(programs=("双创",)),
    }


def measure(action, repeat: int) -> tuple[float, float, float]:
    """Median wall ms, SQL ms and CPU ms (every thread of the process) over repeat runs. On a shared machine the
    wall time is mostly waiting for a core; the CPU time is what the page itself costs."""
    walls, sqls, cpus = [], [], []
    for _ in range(repeat):
        timed = TimedCursor(CON)
        # The app's cursor answers a question asked twice from memory (ui/cache.cursor); an empty memo per run keeps
        # every run cold, as for a filter combination never seen, while the page's repeated questions are shared.
        start, cpu = time.perf_counter(), time.process_time()
        action(MemoCursor(timed, QueryMemo()))
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        sqls.append(timed.sql_seconds * 1000)
    return statistics.median(walls), statistics.median(sqls), statistics.median(cpus)


CON = None


def main() -> None:
    global CON
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10k,100k,1M", help="comma-separated: 10k, 100k, 1M")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--repeat", type=int, default=3, help="runs per page and case (median)")
    parser.add_argument("--naive-repeat", type=int, default=1)
    parser.add_argument("--no-naive", action="store_true", help="skip the pandas baseline")
    parser.add_argument("--stores", type=Path, default=Path(os.environ.get("BENCH_STORES", ROOT / "bench" / "stores")))
    args = parser.parse_args()
    args.stores.mkdir(parents=True, exist_ok=True)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"machine: nproc={os.cpu_count()} memory={_memory_gb():.0f} GB; load average {load};"
        f" python {sys.version.split()[0]}"
    )
    worst = None
    for label in args.sizes.split(","):
        path = ensure_store(args.stores, label, SIZES[label])
        CON = connect(path)
        filter_cases = cases(CON)
        tables = None if args.no_naive else Tables(CON)
        naive_seen: dict[tuple[str, str], float] = {}
        counts = CON.execute("SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM units)").fetchone()
        print(f"\n== {label}: {counts[0]:,} projects, {counts[1]:,} units ==")
        print(f"{'page':<14}{'case':<13}{'page_ms':>9}{'sql_ms':>9}{'ratio':>7}{'naive_ms':>10}{'cpu_ms':>9}")
        for case, f in filter_cases.items():
            band_ms, band_sql, band_cpu = measure(lambda con, f=f: kpi_band_only(con, f), args.repeat)
            print(f"{'kpi band':<14}{case:<13}{band_ms:>9.1f}{band_sql:>9.1f}{'':>7}{'':>10}{band_cpu:>9.1f}")
        for page in args.pages.split(","):
            for case, f in filter_cases.items():
                page_ms, sql_ms, cpu_ms = measure(lambda con, page=page, f=f: PAGES[page](con, f), args.repeat)
                naive_ms = float("nan")
                # The roll-up pages share one naive computation (the same merges); measured once per case.
                kind = page if page in ("projects", "studios", "participation") else "rollup"
                if tables is not None and (kind, case) not in naive_seen:
                    runs = []
                    for _ in range(args.naive_repeat):
                        start = time.perf_counter()
                        naive_page(tables, page, CON, f)
                        runs.append((time.perf_counter() - start) * 1000)
                    naive_seen[kind, case] = statistics.median(runs)
                naive_ms = naive_seen.get((kind, case), naive_ms)
                ratio = page_ms / sql_ms if sql_ms else float("nan")
                print(
                    f"{page:<14}{case:<13}{page_ms:>9.1f}{sql_ms:>9.1f}{ratio:>7.2f}{naive_ms:>10.1f}{cpu_ms:>9.1f}",
                    flush=True,
                )
                if worst is None or page_ms > worst[3]:
                    worst = (label, page, case, page_ms, sql_ms, naive_ms, cpu_ms)
        del tables
        CON.close()
    label, page, case, page_ms, sql_ms, naive_ms, cpu_ms = worst
    print(f"load average at the end: {', '.join(f'{value:.1f}' for value in os.getloadavg())}")
    print(
        f"worst: {page} {case} page_ms={page_ms:.0f} sql_ms={sql_ms:.0f} naive_ms={naive_ms:.0f}"
        f" (at {label}; cpu_ms={cpu_ms:.0f})"
    )


def _memory_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9


if __name__ == "__main__":
    main()
