"""One store, many processes: writers serialised behind a lock, readers on published copies that never wait."""

import json
import subprocess
import sys
import threading
import time

import pytest

from analytics.store import connection
from tests.conftest import ROOT
from tests.factories import GROUP_TREE, load_records
from tests.parse_helpers import PROJECT_HEADER, xlsx

HOLD_WRITER = (
    "import sys; from analytics.store.connection import connect_writer\n"
    "with connect_writer(sys.argv[1]) as con:\n"
    "    print('holding', flush=True); sys.stdin.read()\n"
)


def cli(*args, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analytics", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def unit_count(con) -> int:
    return con.execute("SELECT count(*) FROM units").fetchone()[0]


def test_a_commit_publishes_a_copy_that_readers_switch_to_and_old_readers_keep_theirs(tmp_path):
    db = tmp_path / "s.duckdb"
    with connection.connect_writer(db) as con:
        load_records(con, units=GROUP_TREE[:3])
    reader = connection.Reader(db)
    first = reader.connection()
    assert (reader.latest().version, unit_count(first)) == (1, 3)

    with connection.connect_writer(db) as con:
        load_records(con, "second.xlsx", units=GROUP_TREE[3:])
    assert reader.latest().version == 2
    assert unit_count(first) == 3  # a rerun pinned to the old copy finishes on it
    assert unit_count(reader.connection()) == 7
    assert unit_count(reader.connection(1)) == 3


def test_only_the_last_three_copies_stay_on_disk_and_a_reader_of_a_removed_one_keeps_reading(tmp_path):
    db = tmp_path / "s.duckdb"
    with connection.connect_writer(db) as con:
        load_records(con, units=GROUP_TREE[:1])
    oldest = connection.connect_reader(db)
    for index, unit in enumerate(GROUP_TREE[1:5], start=2):
        with connection.connect_writer(db) as con:
            load_records(con, f"{index}.xlsx", units=[unit])
    copies = sorted(path.name for path in connection.snapshot_dir(db).glob("v*.duckdb"))
    assert copies == ["v00000003.duckdb", "v00000004.duckdb", "v00000005.duckdb"]
    assert unit_count(oldest) == 1
    assert unit_count(connection.connect_reader(db)) == 5


def test_a_failed_write_leaves_the_published_copy_as_it_was(tmp_path):
    db = tmp_path / "s.duckdb"
    with connection.connect_writer(db) as con:
        load_records(con, units=GROUP_TREE[:2])
    with pytest.raises(RuntimeError), connection.connect_writer(db) as con:
        con.execute("BEGIN")
        con.execute("INSERT INTO units (unit, kind, batch_id) VALUES ('半途', '公司', 99)")
        raise RuntimeError("the upload failed halfway")
    assert unit_count(connection.connect_reader(db)) == 2
    assert unit_count(connection.connect(db)) == 2


def test_a_store_written_directly_is_published_on_first_read(tmp_path):
    db = tmp_path / "s.duckdb"
    con = connection.connect(db)
    load_records(con, units=GROUP_TREE[:2])
    con.close()
    assert unit_count(connection.connect_reader(db)) == 2
    con = connection.connect(db)
    load_records(con, "more.xlsx", units=GROUP_TREE[2:4])
    con.close()
    assert unit_count(connection.connect_reader(db)) == 4
    assert connection.published(db).version == 2


def test_readers_never_wait_while_a_writer_holds_the_store_and_the_next_writer_queues(demo_db, tmp_path):
    before = json.loads(cli("kpis", "--db", demo_db, "--json").stdout)["projects"]
    book = tmp_path / "追加.xlsx"
    book.write_bytes(xlsx({"项目": [PROJECT_HEADER, ["Q-1", "排队项目", "轴研所一车间党支部", 2025]]}))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER, str(demo_db)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    importer = None
    try:
        assert holder.stdout.readline().strip() == "holding"
        started = time.monotonic()
        reading = cli("kpis", "--db", demo_db, "--json")
        assert reading.returncode == 0, reading.stderr
        assert json.loads(reading.stdout)["projects"] == before
        assert time.monotonic() - started < 30  # it did not wait for the writer (which never finishes by itself)

        importer = subprocess.Popen(
            [sys.executable, "-m", "analytics", "import", str(book), "--db", str(demo_db)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        waiting = importer.stderr.readline()
        assert waiting.startswith("另一项写入正在进行（pid ") and "已排队" in waiting
        assert importer.poll() is None
    finally:
        holder.communicate("", timeout=30)
    out, err = importer.communicate(timeout=120)
    assert importer.returncode == 0, err
    assert "已载入为批次 #2：新增1条，更新0条。" in out
    assert json.loads(cli("kpis", "--db", demo_db, "--json").stdout)["projects"] == before + 1


def test_the_running_dashboard_leaves_the_store_to_the_command_line(dashboard_server, demo_db, tmp_path):
    server = dashboard_server(demo_db)
    with urllib_open(f"{server.url}/") as response:
        assert response.status == 200
    # Nothing in the server holds the primary file: a raw read-write open from another process succeeds.
    raw = subprocess.run(
        [sys.executable, "-c", f"import duckdb; duckdb.connect({str(demo_db)!r}).close(); print('free')"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert raw.stdout.strip() == "free", raw.stderr

    for command in (["kpis", "--json"], ["studios", "--json"], ["batches", "--json"]):
        result = cli(*command, "--db", demo_db)
        assert result.returncode == 0, (command, result.stderr)
    report = cli("report", "--db", demo_db, "--format", "xlsx", "--out", tmp_path / "月报.xlsx", "--year", "2024")
    assert report.returncode == 0, report.stderr
    assert (tmp_path / "月报.xlsx").stat().st_size > 1000

    book = tmp_path / "追加.xlsx"
    book.write_bytes(xlsx({"项目": [PROJECT_HEADER, ["Q-1", "命令行项目", "轴研所一车间党支部", 2025]]}))
    imported = cli("import", book, "--db", demo_db)
    assert imported.returncode == 0, imported.stderr
    assert "已载入为批次 #2" in imported.stdout
    assert server.process.poll() is None
    undone = cli("undo", "2", "--db", demo_db)
    assert undone.returncode == 0, undone.stderr
    batches = json.loads(cli("batches", "--db", demo_db, "--json").stdout)
    assert [(b["id"], b["file"], b["undone_at"] is not None) for b in batches][-1] == (2, "追加.xlsx", True)


def urllib_open(url):
    import urllib.request

    return urllib.request.urlopen(url, timeout=30)


@pytest.mark.browser
def test_the_dashboard_shows_a_command_line_import_on_its_next_rerun(dashboard_server, browser_page, demo_db, tmp_path):
    server = dashboard_server(demo_db)
    page = browser_page
    page.goto(f"{server.url}/batches")
    page.get_by_text("demo.xlsx").first.wait_for(state="attached")  # grid cells are drawn on a canvas
    book = tmp_path / "命令行追加.xlsx"
    book.write_bytes(xlsx({"项目": [PROJECT_HEADER, ["Q-9", "命令行项目", "轴研所一车间党支部", 2025]]}))
    imported = cli("import", book, "--db", demo_db)
    assert imported.returncode == 0, imported.stderr
    page.reload()
    page.get_by_text("命令行追加.xlsx").first.wait_for(state="attached")


def test_a_session_shows_another_process_s_import_on_its_next_rerun(make_app, demo_db, tmp_path):
    app = make_app(demo_db).run()
    assert {metric.label: metric.value for metric in app.metric}["项目数"] == "114"  # the demo's 2025 projects
    book = tmp_path / "追加.xlsx"
    rows = [[f"Q-{i}", f"另一进程项目{i}", "轴研所一车间党支部", 2025] for i in range(3)]
    book.write_bytes(xlsx({"项目": [PROJECT_HEADER, *rows]}))
    assert cli("import", book, "--db", demo_db).returncode == 0
    app.run()
    assert not app.exception
    assert {metric.label: metric.value for metric in app.metric}["项目数"] == "117"


def test_an_undo_on_the_page_waits_for_a_write_in_progress_instead_of_failing(make_app, demo_db):
    from tests.conftest import open_page

    app = open_page(make_app(demo_db), "batches").run()
    app.checkbox(key="undo-confirm").check().run()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER, str(demo_db)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    assert holder.stdout.readline().strip() == "holding"
    release = threading.Timer(3, lambda: holder.communicate("", timeout=30))
    release.start()
    started = time.monotonic()
    app.button(key="undo-button").click().run()
    release.join()
    assert time.monotonic() - started >= 3  # it queued behind the other writer
    assert not app.exception
    assert [message.value for message in app.success] == ["已撤销批次 #1，数据已恢复到该批次之前。"]
    assert json.loads(cli("kpis", "--db", demo_db, "--json").stdout)["projects"] == 0
