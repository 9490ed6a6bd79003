"""Exports are built in a child process: the server only follows its progress and reads its file, so a big build's
memory never lands in the server, and a build that dies leaves an error, not a dead server."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import tempfile
import time

import openpyxl
import pytest

from analytics.exports import jobs
from analytics.filters import Filters
from analytics.store import accounts, connection
from tests import export_builds
from tests.factories import GROUP_TREE, load_records
from tests.test_names_scope import scoped_db  # noqa: F401 (a fixture)
from tests.test_talent_page import people_db  # noqa: F401 (a fixture)
from ui import exports


@pytest.fixture
def own_tempdir(tmp_path, monkeypatch):
    """The jobs' temporary files in a folder of this test's, to see that none is left behind."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def until(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_the_build_runs_in_another_process_and_its_progress_arrives_in_order(tmp_path, own_tempdir):
    build = export_builds.Stepper(str(tmp_path))
    job = jobs.start(build)
    seen = []
    for number, (_, stage) in enumerate(build.stages):
        until(lambda stage=stage: job.stage == stage)
        seen.append((job.fraction, job.stage, job.done))
        (tmp_path / f"go-{number}").touch()
    jobs.wait(job, timeout=60)
    assert seen == [(0.1, "figures", False), (0.4, "charts", False), (0.8, "rows", False), (0.9, "packing", False)]
    assert job.error is None and (job.fraction, job.stage) == (1.0, "done")
    assert int(job.data) == job.pid != os.getpid()
    assert list(own_tempdir.iterdir()) == []


def test_the_files_bytes_arrive_whole_and_the_temporary_file_is_removed(own_tempdir):
    job = jobs.wait(jobs.start(export_builds.big_file), timeout=120)
    assert job.error is None
    assert len(job.data) == export_builds.BLOB_MB * 1024 * 1024
    assert hashlib.sha256(job.data).digest() == hashlib.sha256(export_builds.blob()).digest()
    assert list(own_tempdir.iterdir()) == []


def test_a_child_killed_mid_build_leaves_an_error_and_the_next_build_works(demo_db, own_tempdir):
    job = jobs.start(export_builds.Hang())
    until(lambda: job.stage == "rows")
    os.kill(job.pid, signal.SIGKILL)
    jobs.wait(job, timeout=60)
    assert job.done and job.data is None
    assert job.error == "ChildProcessError: the build's process was stopped by SIGKILL (memory cap 2048 MB)"
    assert job.fraction == 0.3  # where it was when it died
    assert list(own_tempdir.iterdir()) == []
    reader = connection.Reader(demo_db)
    selection = Filters(units=("岳川工具研究所",), year_from=2024, year_to=2024)
    again = jobs.wait(jobs.start(exports.builder(reader.cursor(), selection, "xlsx", "en")), timeout=120)
    assert again.error is None and again.pid != job.pid
    assert openpyxl.load_workbook(io.BytesIO(again.data)).sheetnames[0] == "About"


def test_a_build_over_its_memory_cap_fails_with_a_message():
    job = jobs.wait(jobs.start(export_builds.hog, memory_mb=512), timeout=60)
    assert job.data is None
    assert job.error == "MemoryError: the build needed more than its 512 MB"


def test_a_build_over_its_time_is_stopped(own_tempdir):
    job = jobs.wait(jobs.start(export_builds.Hang(), timeout_s=3), timeout=60)
    assert job.data is None and job.error == "TimeoutError: stopped after 3 s"
    with pytest.raises(ProcessLookupError):
        os.kill(job.pid, 0)  # the child is gone, not left running
    assert list(own_tempdir.iterdir()) == []


def test_the_child_reads_the_copy_the_page_shows_not_a_newer_one(tmp_path):
    """A page pinned to version n exports version n's figures even when an upload published n+1 meanwhile."""
    db = tmp_path / "store.duckdb"
    con = connection.connect(db)
    project = {"name": "项目", "unit": "A1支部", "year": 2024}
    load_records(con, units=GROUP_TREE, projects=[{**project, "project_id": "P1"}])
    con.close()
    reader = connection.Reader(db)
    page = reader.cursor()  # the rerun that drew the page
    with connection.connect_writer(db) as writer:
        load_records(writer, "second.xlsx", projects=[{**project, "project_id": "P2"}])

    def project_ids(cursor) -> list:
        job = jobs.wait(jobs.start(exports.builder(cursor, Filters(), "xlsx", "zh")), timeout=120)
        assert job.error is None, job.error
        sheet = openpyxl.load_workbook(io.BytesIO(job.data))["项目"]
        header, *rows = sheet.iter_rows(values_only=True)
        return [row[header.index("项目编号")] for row in rows]

    assert project_ids(page) == ["P1"]
    assert sorted(project_ids(reader.cursor())) == ["P1", "P2"]


def test_a_scoped_exporters_workbook_built_in_the_child_names_only_their_units_people(scoped_db):  # noqa: F811
    con = connection.connect(scoped_db)
    viewer_b = accounts.principal_for(con, "乙公司读者")
    con.close()
    reader = connection.Reader(scoped_db)
    company_b = Filters(units=("公司B",), year_from=2024, year_to=2024)
    job = jobs.wait(jobs.start(exports.builder(reader.cursor(), company_b, "xlsx", "zh", viewer_b)), timeout=120)
    assert job.error is None, job.error
    people = [list(row) for row in openpyxl.load_workbook(io.BytesIO(job.data))["人才"].iter_rows(values_only=True)]
    assert people == [
        ["工号", "姓名", "单位", "年度", "人才库", "导师", "职称", "是否党员"],
        [None, "李青", "B1支部", 2024, "雏鹰", None, None, None],
        [None, "赵敏", "B1支部", 2024, "雄鹰", None, None, None],
    ]
    # The child recorded the export under the exporter's name, in the store itself.
    con = connection.connect_reader(scoped_db)
    rows = con.execute("SELECT actor, action, target FROM audit_log WHERE action = 'export'").fetchall()
    con.close()
    assert rows == [("乙公司读者", "export", "xlsx")]


def test_a_build_that_cannot_start_is_a_failed_job_not_an_exception(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "gone"))  # nowhere to put the file
    job = jobs.wait(jobs.start(export_builds.big_file))
    assert job.done and job.data is None and job.pid is None
    assert job.error.startswith("FileNotFoundError: ")
