"""A real browser on the awards page at the two screen sizes meetings use: no label of the award funnel overlaps
another (bar counts, level names and their award-rate lines), and none is shrunk below the chart's type size."""

import pytest

from tests.conftest import save_screenshot

pytestmark = pytest.mark.browser

_BOXES = """(chart) => [...chart.querySelectorAll('text.bartext, .xtick text')].map((label) => {
    const box = label.getBoundingClientRect();
    return {text: label.textContent, size: parseFloat(getComputedStyle(label).fontSize),
            left: box.left, right: box.right, top: box.top, bottom: box.bottom};
})"""


def _overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [
        (one["text"], other["text"])
        for index, one in enumerate(boxes)
        for other in boxes[index + 1 :]
        if one["left"] < other["right"] - 1
        and other["left"] < one["right"] - 1
        and one["top"] < other["bottom"] - 1
        and other["top"] < one["bottom"] - 1
    ]


@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)])
def test_award_funnel_labels_never_overlap(dashboard_server, browser_page, demo_db, size):
    server = dashboard_server(demo_db)
    page = browser_page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    for years in ("2025", "2023-2025"):  # the widest spread of counts in the demo
        page.goto(f"{server.url}/awards?year={years}")
        chart = page.locator(".st-key-chart-award-funnel")
        chart.locator("text.bartext").nth(7).wait_for()  # 4 levels × declared and awarded
        boxes = chart.evaluate(_BOXES)
        assert len([box for box in boxes if box["text"].isdigit()]) == 8
        assert all(box["size"] >= 12 for box in boxes), boxes
        assert _overlapping(boxes) == []
        assert any("获奖率" in box["text"] for box in boxes)  # each level's rate under its name
        save_screenshot(page, f"award-funnel-{size[0]}-{years}")
