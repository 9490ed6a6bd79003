"""The deck a 党委办公室 sends: every figure on every slide (tiles, sentence, ranking, awards, overdue projects)
agrees with metrics.summary for the same filters, and the ranking's rows add up to its total."""

import io
import re

import pytest
from pptx import Presentation

from analytics import metrics
from analytics.display import formatting
from analytics.exports import deck, report
from analytics.filters import Filters
from analytics.metrics import projects as projects_metrics
from analytics.store import tree
from analytics.store.connection import connect

COMPANY = "岳川重型机械有限公司"


@pytest.fixture(scope="module")
def slides(demo_db_template):
    con = connect(demo_db_template, read_only=True)
    filters = Filters(units=(COMPANY,), year_from=2025, year_to=2025)
    built = report.build(con, filters, "zh")
    figures = metrics.summary(con, filters)
    before = metrics.summary(con, filters.previous_period())
    board = projects_metrics.status_board(con, filters, tree.data_as_of(con), overdue_all_years=True)
    # Chart pictures are not what this test reads: blank PNGs keep it fast.
    blank = _png()
    pptx = deck.build(built, [blank] * len(built.charts))
    con.close()
    return Presentation(io.BytesIO(pptx)).slides, figures, before, board


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1400, 640), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _texts(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def _rows(slide) -> list[list[str]]:
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    return [[cell.text_frame.text for cell in row.cells] for row in table.rows]


def _slide(slides, title: str):
    return next(slide for slide in slides if slide.shapes.title.text == title)


def test_kpi_tiles_and_sentence_agree_with_the_summary(slides):
    slides, figures, before, _ = slides
    text = _texts(_slide(slides, "核心指标"))
    assert f"{figures['projects']}\n项目数" in text
    assert f"{formatting.wan(figures['savings_wan'], unit=False)}\n节创价值（万元）" in text
    assert f"{figures['patents']['total']}\n专利" in text
    assert f"{formatting.rate(figures['due_completion_rate'])}\n到期结题率" in text
    points = formatting.points_change(figures["participation_rate"], before["participation_rate"])
    tile_delta = f"{points:+.1f}个百分点"
    assert tile_delta in text  # the tile's change …
    sentence = re.search(r"党员参与率([\d.]+)%（同比(提高|下降)([\d.]+)个百分点）", text)
    assert sentence and float(sentence.group(3)) == abs(points)  # … and the sentence's are one number
    assert f"专利{figures['patents']['total']}项" in text and "授权" not in text
    # 红黄绿 beside each change: participation up 3.0 points is 改善, patents 14 against 23 is 下降.
    assert "+3.0个百分点  改善" in text and "-9  下降" in text


def test_ranking_rows_add_up_to_the_total(slides):
    slides, figures, _, _ = slides
    rows = _rows(_slide(slides, "各单位排名（按节创价值）"))
    body, total = rows[1:-1], rows[-1]
    assert total[1] == "合计（所选范围）"
    assert body[-1][1] == "本级"  # 重机's own patents (no project) get their row
    assert sum(int(row[2]) for row in body) == int(total[2]) == figures["projects"]
    assert sum(int(row[6]) for row in body) == int(total[6]) == figures["patents"]["total"] == 14
    assert sum(float(row[5].replace(",", "")) for row in body) == pytest.approx(
        figures["savings_wan"], abs=0.05 * len(body)
    )
    assert total[5] == formatting.wan(figures["savings_wan"], unit=False)
    ranks = [int(row[0]) for row in body[:-1]]
    assert ranks == sorted(ranks) and ranks[0] == 1


def test_awards_and_overdue_slides_agree(slides):
    slides, figures, _, board = slides
    awards = _rows(_slide(slides, "获奖情况"))
    assert awards[-1] == ["合计（所选范围）", str(figures["awards_declared"]), str(figures["awards_awarded"]),
                          formatting.rate(figures["award_rate"])]  # fmt: skip
    overdue = _slide(slides, "超期未结题项目")
    assert f"超期未完 {board['overdue']} 项" in _texts(overdue)
    assert len(_rows(overdue)) - 1 == min(board["overdue"], report.MAX_ROWS)


def test_no_chart_or_table_text_under_14_pt(slides):
    slides, *_ = slides
    for slide in slides:
        for shape in slide.shapes:
            cells = [cell for row in shape.table.rows for cell in row.cells] if shape.has_table else []
            frames = [cell.text_frame for cell in cells] + ([shape.text_frame] if shape.has_text_frame else [])
            for frame in frames:
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        footer = run.font.size.pt == 10 and ("·" in run.text or run.text.isdigit())
                        assert run.font.size.pt >= 14 or footer, (slide.shapes.title.text, run.text)
