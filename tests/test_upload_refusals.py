"""Every bad-input rule, end to end: the analyst gets a clear message and every stored table is unchanged."""

import io
import zipfile

import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from analytics.ingest import upload
from analytics.ingest.read import Limits
from analytics.store import accounts
from tests.factories import load_records, new_store
from tests.parse_helpers import xlsx
from tests.test_load import snapshot

HEADER = ["项目编号", "项目名称", "单位", "年度"]


def projects(*rows, header=HEADER):
    return xlsx({"项目": [header, *rows]})


def truncated():
    data = projects(["P9", "新项目", "甲公司", 2024])
    return data[: len(data) // 2]


def encrypted():
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(projects(["P9", "新项目", "甲公司", 2024]))).encrypt("secret", out)
    return out.getvalue()


def zip_bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<a>" + " " * 60_000_000 + "</a>")
    return buffer.getvalue()


CASES = {
    "missing required column": (
        [("a.xlsx", xlsx({"项目": [["项目编号", "单位", "年度"], ["P9", "甲公司", 2024]]}))],
        "工作表「项目」「项目名称」列：缺少必填列，本表未读取（项目表需要：项目编号、项目名称、单位）",
    ),
    "duplicate project id in one sheet": (
        [("a.xlsx", projects(["P9", "一", "甲公司", 2024], ["P9", "二", "甲公司", 2024]))],
        "工作表「项目」第3行「项目编号」列：'P9' 与第2行重复",
    ),
    "duplicate project id across files": (
        [("a.xlsx", projects(["P9", "一", "甲公司", 2024])), ("b.xlsx", projects(["P9", "二", "甲公司", 2024]))],
        "与 a.xlsx › 项目 #2 重复",
    ),
    "outcome for an unknown project": (
        [("a.xlsx", xlsx({"成果": [["项目编号", "成果类型", "数量"], ["NOPE", "发明专利", 1]]}))],
        "项目编号在本次上传和已有数据中都不存在",
    ),
    "negative amount": (
        [("a.xlsx", xlsx({"成果": [["项目编号", "成果类型", "节创价值(万元)"], ["P1", "节创价值", -5]]}))],
        "工作表「成果」第2行「节创价值(万元)」列：'-5' 是负数，应不小于 0",
    ),
    "non-numeric amount": (
        [("a.xlsx", xlsx({"成果": [["项目编号", "成果类型", "节创价值(万元)"], ["P1", "节创价值", "很多"]]}))],
        "'很多' 不是数字",
    ),
    "unparseable year": (
        [("a.xlsx", projects(["P9", "新项目", "甲公司", "明年"]))],
        "第2行「年度」列：'明年' 不是年份",
    ),
    "unparseable date": (
        [("a.xlsx", projects(["P9", "新项目", "甲公司", 2024, "上个月"], header=[*HEADER, "立项日期"]))],
        "第2行「立项日期」列：'上个月' 不是可识别的日期",
    ),
    "unknown programme": (
        [("a.xlsx", projects(["P9", "新项目", "甲公司", 2024, "读书会"], header=[*HEADER, "活动类型"]))],
        "'读书会' 不是允许的值，可选：党员创新工程、双创、书记项目、三组联建、创新工作室、QC课题",
    ),
    "unknown category": (
        [("a.xlsx", projects(["P9", "新项目", "甲公司", 2024, "文体"], header=[*HEADER, "项目类别"]))],
        "科研生产、安全质量、精益管理、党建、其他",
    ),
    "unknown status": (
        [("a.xlsx", projects(["P9", "新项目", "甲公司", 2024, "搁置"], header=[*HEADER, "状态"]))],
        "立项、实施中、已结题、已终止",
    ),
    "empty file": ([("a.xlsx", b"")], "文件「a.xlsx」：文件是空的"),
    "not a spreadsheet": ([("a.xlsx", b"%PDF-1.7 not a workbook")], "文件「a.xlsx」：不是电子表格"),
    "corrupt or truncated xlsx": ([("a.xlsx", truncated())], "文件已损坏或不完整，无法读取"),
    "password-protected workbook": ([("a.xlsx", encrypted())], "工作簿设置了打开密码：请在 Excel 中取消密码后重新上传"),
    "no recognisable header": (
        [("a.xlsx", xlsx({"Sheet1": [["甲", "乙"], [1, 2]]}))],
        "工作表「Sheet1」：前 30 行中找不到可识别的表头",
    ),
    "zip bomb": ([("a.xlsx", zip_bomb())], "文件解压后过大或压缩比异常"),
}


@pytest.fixture
def store(tmp_path):
    con = new_store(tmp_path)
    load_records(
        con,
        units=[{"unit": "甲公司", "kind": "公司"}],
        projects=[{"project_id": "P1", "name": "已有项目", "unit": "甲公司", "year": 2023}],
    )
    yield con
    con.close()


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_with_a_clear_message_and_nothing_changes(store, case):
    files, expected = CASES[case]
    before = snapshot(store)
    batches = store.execute("SELECT count(*) FROM batches").fetchone()
    plan = upload.prepare(store, files)
    messages = [f"{name} › {problem.message('zh')}" for name, problem in plan.problems]
    assert any(expected in message for message in messages), messages
    with pytest.raises(upload.UploadRefused):
        upload.apply(store, plan, actor=accounts.operator())
    assert snapshot(store) == before
    assert store.execute("SELECT count(*) FROM batches").fetchone() == batches


def test_file_beyond_the_configured_limit_is_refused_before_parsing(store):
    before = snapshot(store)
    data = projects(["P9", "新项目", "甲公司", 2024])
    tiny = Limits(max_bytes=100)
    plan = upload.prepare(store, [("big.xlsx", data)], parse=lambda n, d, **kw: upload.parse_file(n, d, limits=tiny))
    assert [problem.key for _, problem in plan.problems] == ["file_too_big"]
    assert plan.unreadable
    with pytest.raises(upload.UploadRefused):
        upload.apply(store, plan, actor=accounts.operator())
    assert snapshot(store) == before


def test_messages_come_in_english_too(store):
    files, _ = CASES["unknown programme"]
    plan = upload.prepare(store, files)
    ((_file, problem),) = plan.problems
    assert problem.message("en") == (
        "sheet 项目, row 2, column 活动类型: '读书会' is not an allowed value; choose one of: 党员创新工程, 双创, "
        "书记项目, 三组联建, 创新工作室, QC课题"
    )
