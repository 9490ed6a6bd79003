"""CSV encodings are decided from the content, never guessed: Big5 loads as Big5, Traditional headers are
recognised, and a file that reads sensibly both ways is a question to the analyst, not a guess."""

import pytest

from analytics import cli
from analytics.contract import vocab
from analytics.ingest import headers
from analytics.ingest.parse import parse_file
from analytics.store.connection import connect
from tests.parse_helpers import csv_bytes, messages, only
from tests.test_load import snapshot

BIG5_ASCII = [
    ["unit", "project_id", "name", "year", "status"],
    ["甲公司一車間黨支部", "P1", "提高樹脂砂輪一次交檢合格率", 2024, "實施中"],
    ["乙公司研究所", "P2", "降低生產成本", 2023, "已結題"],
]
BIG5_TRADITIONAL = [
    ["單位", "項目編號", "項目名稱", "年度", "狀態", "節創價值（萬元）"],
    ["甲公司一車間黨支部", "P1", "提高樹脂砂輪一次交檢合格率", 2024, "已結題", 12.5],
]


def test_a_big5_csv_with_ascii_headers_loads_as_big5():
    sheet = only(parse_file("繁體.csv", csv_bytes(BIG5_ASCII, "cp950")))
    assert sheet.problems == []
    assert sheet.frame["unit"].tolist() == ["甲公司一車間黨支部", "乙公司研究所"]
    assert sheet.frame["name"].tolist() == ["提高樹脂砂輪一次交檢合格率", "降低生產成本"]
    assert sheet.frame["status"].tolist() == ["实施中", "已结题"]  # allowed values are matched through the folding


def test_a_big5_csv_with_traditional_headers_is_recognised():
    parsed = parse_file("繁體.csv", csv_bytes(BIG5_TRADITIONAL, "cp950"))
    sheet = only(parsed, "projects")
    assert sheet.mapping == {
        "單位": "unit",
        "項目編號": "project_id",
        "項目名稱": "name",
        "年度": "year",
        "狀態": "status",
        "節創價值（萬元）": "outcome:节创价值",
    }
    assert sheet.frame["unit"].tolist() == ["甲公司一車間黨支部"]
    assert only(parsed, "outcomes").frame["value_wan"].tolist() == [12.5]


def test_gbk_as_chinese_excel_saves_it_still_loads():
    rows = [["单位", "项目编号", "项目名称", "年度"], ["甲公司", "P1", "提高合格率", 2024]]
    sheet = only(parse_file("简体.csv", csv_bytes(rows, "gbk")))
    assert sheet.frame["unit"].tolist() == ["甲公司"]


# Too short for the detector to tell: read as GB18030 it is 铸造, as Big5 翉婖, and both are clean text.
AMBIGUOUS = csv_bytes([["unit", "year"], ["铸造", 2024]], "gb18030")


def test_a_file_that_reads_sensibly_both_ways_is_a_question():
    parsed = parse_file("a.csv", AMBIGUOUS)
    assert parsed.sheets == []
    assert messages(parsed.problems) == [
        "文件「a.csv」：无法确定 CSV 文件的编码：按 GB18030（GBK，简体）、Big5（繁體） 读出的内容不同，且都说得通。"
        "请指明文件的编码（上传页选择「CSV 编码」，命令行加 --encoding gb18030 或 --encoding big5）"
    ]


@pytest.mark.parametrize(("encoding", "unit"), [("gb18030", "铸造"), ("big5", "翉婖")])
def test_the_analysts_answer_decides(encoding, unit):
    sheet = only(parse_file("a.csv", AMBIGUOUS, encoding=encoding), "headcount")
    assert sheet.frame["unit"].tolist() == [unit]


def test_an_answer_the_bytes_refuse_is_reported():
    parsed = parse_file("a.csv", "unit,year\n甲,2024\n".encode("gb18030") + b"\xff\xff", encoding="utf-8")
    assert messages(parsed.problems) == ["文件「a.csv」：按所选编码 UTF-8 无法读取此 CSV 文件：请选择其他编码"]


def test_the_command_line_asks_then_takes_the_answer(tmp_path, capsys):
    path, db = tmp_path / "a.csv", tmp_path / "a.duckdb"
    path.write_bytes(AMBIGUOUS)
    assert cli.main(["import", str(path), "--db", str(db)]) == 2
    assert "--encoding gb18030 或 --encoding big5" in capsys.readouterr().out
    con = connect(db)
    assert all(rows == [] for rows in snapshot(con).values())
    con.close()
    assert cli.main(["import", str(path), "--db", str(db), "--encoding", "gb18030"]) == 0
    con = connect(db)
    assert con.execute("SELECT unit, year FROM headcount").fetchall() == [("铸造", 2024)]
    con.close()


def test_the_upload_page_offers_the_encoding_for_csv(make_app, tmp_path):
    from tests.conftest import open_page

    db = tmp_path / "page.duckdb"
    app = make_app(db).run()
    open_page(app, "upload").run()
    app.file_uploader(key="upload_files").set_value(("a.csv", AMBIGUOUS, "text/csv")).run()
    (problems,) = app.dataframe
    assert problems.value["原因"][0].startswith("文件「a.csv」：无法确定 CSV 文件的编码")
    app.selectbox(key="csv-encoding").set_value("gb18030").run()
    assert not app.exception
    app.button(key="commit-upload").click().run()
    con = connect(db)
    assert con.execute("SELECT unit, year FROM headcount").fetchall() == [("铸造", 2024)]
    con.close()


def test_the_traditional_table_covers_every_header_word():
    # A character of our header words, units or allowed values that Big5 cannot write is a Simplified form whose
    # Traditional form differs: the table must fold that form back to it.
    words = set(vocab.OUTCOME_TYPES) | set(headers.MONEY_UNITS) | set(headers.COUNT_UNITS)
    for kind in vocab.SHEET_KINDS.values():
        words |= {kind.zh, *kind.aliases}
        for column in kind.columns:
            words |= {column.zh, *column.synonyms, *column.choices}
    folded_to = {chr(c) for c in headers.TRADITIONAL.values()}
    not_in_big5 = {ch for word in words for ch in word if not _in_big5(ch)}
    assert not_in_big5 - folded_to == set()
    traditional = "".join(chr(c) for c in headers.TRADITIONAL)
    assert all(_in_big5(ch) for ch in traditional)  # every Traditional form is one Big5 can write
    assert (
        headers.fold("單位 項目編號 節創價值（萬元） 已結題 實施中 發明專利（項）")
        == "单位项目编号节创价值万元已结题实施中发明专利项"
    )


def _in_big5(ch: str) -> bool:
    try:
        ch.encode("cp950")
    except UnicodeEncodeError:
        return False
    return True
