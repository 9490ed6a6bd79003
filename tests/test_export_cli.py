"""`python -m analytics report`: each format is written and opens with its own library."""

import io
import subprocess
import sys
import zipfile

import openpyxl
from pptx import Presentation
from pypdf import PdfReader

from analytics import cli
from tests.conftest import ROOT


def test_report_each_format(demo_db, tmp_path, capsys):
    unit = ["--unit", "岳川工具研究所", "--year", "2024"]
    for fmt in ("pptx", "xlsx", "pdf", "png"):
        out = tmp_path / f"report.{fmt}"
        assert cli.main(["report", "--db", str(demo_db), *unit, "--format", fmt, "--out", str(out)]) == 0
        assert f"已生成 {out}" in capsys.readouterr().out
    slides = Presentation(tmp_path / "report.pptx").slides
    # Cover, KPIs, the overview's 4 charts, 4 running-the-programme charts (check grid and trend, ideas, points;
    # its 2024 书记项目 lists are none), the 人才 section (its tiles and 4 charts), the eight 党支部 under 工研所's
    # one 党委 ranked on one slide, awards, studio warnings, overdue projects, definitions.
    assert len(slides) == 1 + 1 + 4 + 4 + 5 + 4 + 1
    assert slides[0].shapes.title.text == "党建引领创新工程成效汇报"
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    people, running = ["人才", "荣誉", "培训"], ["进展督察", "建议", "积分 2024"]
    assert book.sheetnames == ["说明", "分单位指标", "项目", "成果", *people, *running]
    about = [row[0] for row in book["说明"].iter_rows(values_only=True) if row[0]]
    assert "单位：岳川工具研究所（含下级单位）" in about and "期间：2024年" in about
    assert len(PdfReader(tmp_path / "report.pdf").pages) == len(slides)
    assert len(zipfile.ZipFile(tmp_path / "report.png").namelist()) == 8


def test_report_in_english_and_unknown_unit(demo_db, tmp_path, capsys):
    out = tmp_path / "r.xlsx"
    # --lang after the subcommand, as a scheduler's command line puts it.
    assert cli.main(["report", "--db", str(demo_db), "--format", "xlsx", "--out", str(out), "--lang", "en"]) == 0
    assert openpyxl.load_workbook(out).sheetnames[0] == "About"
    wrong_unit = ["--unit", "岳川工具所"]
    assert cli.main(["report", "--db", str(demo_db), *wrong_unit, "--format", "xlsx", "--out", str(out)]) == 1
    assert "岳川工具研究所" in capsys.readouterr().err


def test_report_as_a_separate_process(demo_db, tmp_path):
    out = tmp_path / "deck.pptx"
    command = [sys.executable, "-m", "analytics", "report", "--db", str(demo_db), "--format", "pptx", "--out", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=180)
    assert len(Presentation(io.BytesIO(out.read_bytes())).slides) > 3
