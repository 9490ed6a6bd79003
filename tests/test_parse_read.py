"""File-level reading: formats, encodings, and every way a file can be unreadable."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import xlsxwriter
import xlwt
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook

from analytics.ingest.parse import Limits, parse_file
from analytics.ingest.read import read_file
from tests.parse_helpers import PROJECT_HEADER, csv_bytes, messages, only, xlsx

PROJECT_ROWS = [PROJECT_HEADER, ["P1", "节能改造", "一分厂", 2023]]


def file_problem(upload):
    assert upload.sheets == []
    assert len(upload.problems) == 1, messages(upload.problems)
    return upload.problems[0]


def test_empty_file():
    problem = file_problem(parse_file("a.xlsx", b""))
    assert problem.key == "file_empty"
    assert problem.message() == "文件「a.xlsx」：文件是空的"
    assert problem.message("en") == "file a.xlsx: the file is empty"


def test_not_a_spreadsheet():
    problem = file_problem(parse_file("report.pdf", b"%PDF-1.7 not a table"))
    assert problem.key == "not_spreadsheet"
    assert problem.message("en") == "file report.pdf: not a spreadsheet (.pdf): upload an .xlsx, .xls or .csv file"


def test_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    assert file_problem(parse_file("a.xlsx", buffer.getvalue())).key == "not_spreadsheet"


def test_truncated_xlsx_is_corrupt():
    data = xlsx({"项目": PROJECT_ROWS})
    problem = file_problem(parse_file("a.xlsx", data[: len(data) // 2]))
    assert problem.key == "file_corrupt"
    assert problem.message().startswith("文件「a.xlsx」：文件已损坏或不完整")


def test_xlsx_with_damaged_sheet_xml_is_corrupt():
    source = zipfile.ZipFile(io.BytesIO(xlsx({"项目": PROJECT_ROWS})))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body[: len(body) // 2]
            archive.writestr(info, body)
    assert file_problem(parse_file("a.xlsx", buffer.getvalue())).key == "file_corrupt"


def test_password_protected_xlsx():
    # What Excel writes for "Encrypt with password": an OLE compound file holding EncryptionInfo.
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(xlsx({"项目": PROJECT_ROWS}))).encrypt("secret", encrypted)
    assert encrypted.getvalue().startswith(b"\xd0\xcf\x11\xe0")
    problem = file_problem(parse_file("a.xlsx", encrypted.getvalue()))
    assert problem.key == "file_password"
    assert problem.message() == "文件「a.xlsx」：工作簿设置了打开密码：请在 Excel 中取消密码后重新上传"


def test_password_protected_xls_goes_through_calamine_password_error():
    # The closest real thing buildable here: a BIFF8 workbook whose first record after BOF is FILEPASS,
    # the record Excel writes in an encrypted .xls (the cells themselves are not encrypted).
    book = xlwt.Workbook()
    book.add_sheet("项目").write(0, 0, "x")
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue())
    bof = data.find(b"\x09\x08\x10\x00")
    data[bof + 20 : bof + 22] = b"\x2f\x00"
    assert file_problem(parse_file("a.xls", bytes(data))).key == "file_password"


def test_file_over_byte_limit_is_refused_first():
    problem = file_problem(parse_file("a.xlsx", b"x" * 2048, limits=Limits(max_bytes=1024)))
    assert problem.key == "file_too_big"
    assert problem.params == {"size_mb": "0.0", "limit_mb": "0.0"}


def test_zip_bomb_refused_from_declared_sizes():
    source = zipfile.ZipFile(io.BytesIO(xlsx({"项目": PROJECT_ROWS})))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"</sheetData>", b"<row r='9'/>" * 300_000 + b"</sheetData>")
            archive.writestr(info.filename, body)
    data = buffer.getvalue()
    assert len(data) < 200_000
    problem = file_problem(parse_file("a.xlsx", data, limits=Limits(max_ratio=100)))
    assert problem.key == "zip_bomb"
    assert "1:" in problem.params["detail"]
    too_big = file_problem(parse_file("a.xlsx", data, limits=Limits(max_uncompressed=1_000_000, max_ratio=10**6)))
    assert too_big.key == "inflated_too_big"
    assert too_big.params["limit_mb"] == "1.0" and float(too_big.params["size_mb"]) > 1


def test_zip_with_too_many_entries():
    data = xlsx({f"S{i}": PROJECT_ROWS for i in range(5)})
    assert file_problem(parse_file("a.xlsx", data, limits=Limits(max_entries=5))).key == "zip_bomb"


def test_formula_without_cached_value_is_reported():
    book = Workbook()  # openpyxl saves formulas without their values, like a script that never opened Excel
    sheet = book.active
    sheet.title = "项目"
    sheet.append([*PROJECT_HEADER, "参与人数"])
    sheet.append(["P1", "甲", "一分厂", 2023, "=2+3"])
    sheet.append(["P2", "乙", "一分厂", 2023, 4])
    buffer = io.BytesIO()
    book.save(buffer)
    assert read_file("a.xlsx", buffer.getvalue())[0].formula_cells == {(1, 4)}
    projects = only(parse_file("a.xlsx", buffer.getvalue()))
    assert projects.frame["project_id"].tolist() == ["P2"]
    assert messages(projects.problems) == [
        "工作表「项目」第2行「参与人数」列：公式没有保存计算结果：请在 Excel 中打开并保存后重新上传"
    ]


def test_formula_with_cached_value_is_read():
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer)
    sheet = book.add_worksheet("项目")
    sheet.write_row(0, 0, [*PROJECT_HEADER, "参与人数"])
    sheet.write_row(1, 0, ["P1", "甲", "一分厂", 2023])
    sheet.write_formula(1, 4, "=2+3", None, 5)
    book.close()
    assert read_file("a.xlsx", buffer.getvalue())[0].formula_cells == set()
    assert only(parse_file("a.xlsx", buffer.getvalue())).frame["participants"].tolist() == [5]


def test_gbk_csv_decodes():
    data = csv_bytes([["项目编号", "项目名称", "所属单位", "年度"], ["P1", "节能降耗", "第一分厂", "2023"]], "gbk")
    projects = only(parse_file("项目.csv", data))
    assert projects.sheet == "项目.csv"
    assert projects.frame[["name", "unit", "year"]].values.tolist() == [["节能降耗", "第一分厂", 2023]]


def test_utf8_bom_csv_decodes_and_header_has_no_bom():
    data = b"\xef\xbb\xbf" + csv_bytes([["项目编号", "项目名称", "单位", "年度"], ["P1", "甲", "一分厂", "2023"]])
    projects = only(parse_file("a.csv", data))
    assert projects.mapping["项目编号"] == "project_id"
    assert projects.frame["project_id"].tolist() == ["P1"]


def test_undecodable_csv():
    data = "项目编号,名称\n".encode() + b"\xff\xfe\x00\x81\x30" * 3
    problem = file_problem(parse_file("a.csv", data))
    assert problem.key == "csv_encoding"
    assert problem.message("en").startswith("file a.csv: cannot decode the CSV file")


def test_xls_with_merged_unit_and_title():
    book = xlwt.Workbook()
    sheet = book.add_sheet("项目")
    sheet.write_merge(0, 0, 0, 3, "2023年项目")
    for c, text in enumerate(PROJECT_HEADER):
        sheet.write(1, c, text)
    sheet.write_merge(2, 3, 2, 2, "一分厂")
    for r, (pid, name) in enumerate([("00123", "甲"), ("P2", "乙")], start=2):
        sheet.write(r, 0, pid)
        sheet.write(r, 1, name)
        sheet.write(r, 3, 2023)
    sheet.write(4, 0, "P3")
    sheet.write(4, 1, "丙")
    sheet.write(4, 2, "二分厂")
    sheet.write(4, 3, dt.date(2024, 3, 1), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    buffer = io.BytesIO()
    book.save(buffer)
    projects = only(parse_file("a.xls", buffer.getvalue()))
    assert projects.header_row == 2
    assert projects.frame[["project_id", "unit", "year", "_row"]].values.tolist() == [
        ["00123", "一分厂", 2023, 3],
        ["P2", "一分厂", 2023, 4],
        ["P3", "二分厂", 2024, 5],
    ]


def test_content_decides_over_extension():
    data = xlsx({"项目": PROJECT_ROWS})
    assert only(parse_file("renamed.csv", data)).frame["project_id"].tolist() == ["P1"]


def test_workbook_without_data():
    problem = file_problem(parse_file("a.xlsx", xlsx({"Sheet1": []})))
    assert problem.key == "workbook_empty"
