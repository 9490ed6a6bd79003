"""The export panel: four download buttons in the sidebar, and what each one builds for the filters it was drawn for."""

import io
import os
import signal

import openpyxl

from analytics.exports import jobs
from analytics.filters import Filters
from analytics.store.connection import connect
from ui import exports


def test_panel_offers_every_format(make_app, demo_db):
    app = make_app(demo_db, unit="岳川工具研究所", year="2024").run()
    assert not app.exception
    buttons = app.sidebar.get("download_button")
    assert len(buttons) == 4


def test_builder_uses_its_own_cursor(demo_db):
    base = connect(demo_db, read_only=True)
    build = exports.builder(base, Filters(units=("岳川工具研究所",), year_from=2024, year_to=2024), "xlsx", "en")
    book = openpyxl.load_workbook(io.BytesIO(build()))
    assert book.sheetnames[0] == "About"
    assert base.execute("SELECT 1").fetchone() == (1,)  # the shared connection is untouched
    base.close()


def test_build_runs_off_the_script_and_turns_the_download_on(make_app, demo_db):
    """生成 starts the workbook off the page's run (a small selection: on a thread of the server, which spares the
    two seconds a child process takes to start); once it is done, the page's rerun offers its bytes."""
    app = make_app(demo_db, unit="岳川工具研究所", year="2024").run()
    download = next(button for button in app.sidebar.get("download_button") if button.proto.id.endswith("export-xlsx"))
    assert download.proto.disabled
    app.sidebar.button(key="export-build-xlsx").click().run()
    job = app.session_state["export-job-xlsx"][1]
    jobs.wait(job, timeout=120)
    assert job.done and job.error is None and job.fraction == 1.0
    assert job.pid == os.getpid()
    app.run()
    download = next(button for button in app.sidebar.get("download_button") if button.proto.id.endswith("export-xlsx"))
    assert not download.proto.disabled
    book = openpyxl.load_workbook(io.BytesIO(job.data))
    assert book.sheetnames[:4] == ["说明", "分单位指标", "项目", "成果"]


def broken(progress):
    """A build that fails a quarter of the way (module-level: a build is pickled to its child process)."""
    progress(0.25, "rows")
    raise RuntimeError("disk full\nTraceback …")


def test_a_failed_build_says_so_without_a_traceback():
    job = jobs.wait(jobs.start(broken), timeout=10)
    assert job.done and job.data is None
    assert job.error == "RuntimeError: disk full" and job.fraction == 0.25


def test_a_build_whose_process_dies_shows_export_failed_and_can_be_built_again(make_app, demo_db, monkeypatch):
    monkeypatch.setattr(exports, "IN_PROCESS_PROJECTS", 0)  # any selection is large: each file in a child process
    app = make_app(demo_db, unit="岳川工具研究所", year="2024").run()
    app.sidebar.button(key="export-build-xlsx").click().run()
    job = app.session_state["export-job-xlsx"][1]
    assert job.pid != os.getpid()
    os.kill(job.pid, signal.SIGKILL)  # as the kernel does to a process out of memory
    jobs.wait(job, timeout=60)
    app.run()
    assert not app.exception
    assert [error.value for error in app.sidebar.error] == ["生成失败，请稍后重试或联系管理员。"]
    download = next(button for button in app.sidebar.get("download_button") if button.proto.id.endswith("export-xlsx"))
    assert download.proto.disabled
    app.sidebar.button(key="export-build-xlsx").click().run()
    again = jobs.wait(app.session_state["export-job-xlsx"][1], timeout=120)
    assert again.error is None and again.pid != job.pid
    app.run()
    assert app.sidebar.error == []
    assert openpyxl.load_workbook(io.BytesIO(again.data)).sheetnames[0] == "说明"
