"""Every product bug the generative ledger tests found, as the small ledger that reproduces it (shrunk by hand from
hypothesis's falsifying example) and what the command line must answer. Replayed by test_ledger_properties.py."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Regression:
    name: str
    files: tuple[tuple[str, bytes], ...]
    exit_code: int
    says: str  # a fragment of the command line's output (of `then`, when given)
    then: tuple[str, ...] = ()  # a command run on the store once the import succeeded


def _csv(rows: list[list[str]]) -> bytes:
    return "\r\n".join(",".join(row) for row in rows).encode("utf-8-sig")


REGRESSIONS = (
    # A 年度 of digits typed as text (a CSV holds nothing else) was read as an Excel serial: '20233' loaded as 1955.
    Regression(
        "year digits as text",
        (
            ("1-单位.csv", _csv([["单位名称", "上级单位"], ["中航精机集团", ""], ["精密机械公司", "中航精机集团"]])),
            (
                "2-项目.csv",
                _csv([["项目编号", "项目名称", "单位", "年度"], ["P001", "降低能耗", "精密机械公司", "20233"]]),
            ),
        ),
        1,
        "2-项目.csv › 工作表「2-项目.csv」第2行「年度」列：'20233' 不是年份",
    ),
    # A person in a pool one year and in none the next, with nobody promoted: `talent` stopped with an internal error
    # (the empty promotions part borrowed the exit's row and a year of NaN).
    Regression(
        "an exit without a promotion",
        (
            ("1-单位.csv", _csv([["单位名称", "上级单位"], ["中航精机集团", ""]])),
            (
                "2-人才.csv",
                _csv(
                    [
                        ["工号", "姓名", "单位", "年度", "人才库"],
                        ["E0001", "周强", "中航精机集团", "2022", "后备人才"],
                        ["E0001", "周强", "中航精机集团", "2023", ""],
                    ]
                ),
            ),
        ),
        0,
        '"promotions": 0, "exits": 1',
        then=("talent", "--json"),
    ),
)
