"""Generative ledger tests (issue 10): drawn worlds of facts, written as real-world files, load exactly or are refused
clearly, whatever the style; the two .xlsx readers agree; uploads and undos keep the store consistent."""

from __future__ import annotations

import contextlib
import io
import json
import math
import tempfile
from pathlib import Path

from hypothesis import event, given, note, settings
from hypothesis import strategies as st

from analytics import cli
from tests.ledgers import examples
from tests.ledgers.coverage import record
from tests.ledgers.oracle import Oracle
from tests.ledgers.render import renderings
from tests.ledgers.world import PROGRAMS, World, worlds


def run_cli(*args: object) -> tuple[int, str, str]:
    """`python -m analytics …` in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def write_files(folder: Path, files: list[tuple[str, bytes]]) -> list[Path]:
    paths = []
    for name, data in files:
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def assert_same_figures(got: dict, expected: dict, path: str = "") -> None:
    """Equal key for key; floats within 1e-6 (the product rounds 万元 to 4 decimals, the oracle too)."""
    assert list(got) == list(expected), (path, list(got), list(expected))
    for key, value in expected.items():
        mine = got[key]
        where = f"{path}.{key}"
        if isinstance(value, dict):
            assert isinstance(mine, dict), (where, mine)
            assert_same_figures(mine, value, where)
        elif isinstance(value, float) or isinstance(mine, float):
            assert mine is not None and value is not None, (where, mine, value)
            assert math.isclose(mine, value, rel_tol=0, abs_tol=1e-6), (where, mine, value)
        else:
            assert mine == value, (where, mine, value)


def kpis_json(db: Path, *options: object) -> dict:
    code, out, err = run_cli("kpis", "--json", "--db", db, *options)
    assert code == 0, err
    return json.loads(out)


@st.composite
def world_and_files(draw):
    world = draw(worlds())
    rendering = draw(renderings(world))
    return world, rendering


def _selection(draw, world: World) -> dict:
    """A random unit (written as an analyst might type it), year and sometimes a programme."""
    unit = draw(st.sampled_from([u.name for u in world.units]))
    years = world.years or [2024]
    year = draw(st.sampled_from(years))
    program = draw(st.none() | st.sampled_from(PROGRAMS))
    return {"unit": unit, "year": year, "program": program}


@settings(max_examples=examples(1.0))
@given(data=st.data())
def test_every_drawn_ledger_loads_exactly(data):
    world, rendering = data.draw(world_and_files())
    record(rendering.shapes, "load")
    for shape in sorted(rendering.shapes):
        event(shape)
    note(f"files: {[name for name, _ in rendering.files]}")
    note(f"world: {world}")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.duckdb"
        paths = write_files(Path(folder), rendering.files)
        code, out, err = run_cli("import", *paths, "--db", db)
        note(out + err)
        assert code == 0, out + err
        assert "未识别的列" not in out, out
        oracle = Oracle(world)
        assert_same_figures(kpis_json(db), oracle.kpis())
        pick = _selection(data.draw, world)
        # A unit (with a programme sometimes: unit-level outcomes then drop out) and a year, each on its own.
        options, programs = ["--unit", pick["unit"]], ()
        if pick["program"]:
            options, programs = [*options, "--program", pick["program"]], (pick["program"],)
        assert_same_figures(kpis_json(db, *options), oracle.kpis(unit=pick["unit"], programs=programs))
        year = (pick["year"], pick["year"])
        assert_same_figures(kpis_json(db, "--year", pick["year"]), oracle.kpis(years=year))
