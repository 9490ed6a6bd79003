"""Chart PNGs: the expected size, and Chinese drawn as glyphs (a render without a CJK font shows identical boxes)."""

import io
import os
import subprocess
import sys
import textwrap
import zipfile

from PIL import Image

from analytics.exports import images, report
from analytics.filters import Filters
from analytics.store.connection import connect
from tests.conftest import ROOT

# Renders two different Chinese words and prints whether the images differ and whether a CJK font was found.
GLYPHS = textwrap.dedent(
    """
    import io
    import plotly.graph_objects as go
    from PIL import Image, ImageChops
    from analytics.exports import images

    def render(text):
        figure = go.Figure()
        figure.update_layout(
            title={"text": text, "font": {"size": 60, "family": "Noto Sans CJK SC, sans-serif"}},
            xaxis_visible=False, yaxis_visible=False, plot_bgcolor="white", margin={"t": 100, "l": 0, "r": 0, "b": 0},
        )
        return Image.open(io.BytesIO(images.png(figure, width=400, height=120, scale=1))).convert("L")

    first, second = render("党建引领"), render("创新工程")
    inked = sum(1 for value in first.get_flattened_data() if value < 128)
    print(ImageChops.difference(first, second).getbbox() is not None, images.cjk_font() is not None, inked > 500)
    """
)


def _glyph_check(env: dict) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", GLYPHS], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout.split()


def test_chart_png_has_the_expected_size(demo_db_template):
    con = connect(demo_db_template, read_only=True)
    built = report.build(con, Filters(year_from=2025, year_to=2025), "zh")
    con.close()
    data = images.png(images.for_export(built.charts[0].figure))
    picture = Image.open(io.BytesIO(data))
    assert picture.format == "PNG"
    assert picture.size == (images.WIDTH * images.SCALE, images.HEIGHT * images.SCALE)
    assert picture.convert("L").getextrema()[0] < 100  # something dark was drawn: not a blank image
    archive = zipfile.ZipFile(io.BytesIO(images.charts_zip(built.charts, "创新成效")))
    assert archive.namelist() == [
        "创新成效-1-participation.png",
        "创新成效-2-savings.png",
        "创新成效-3-patents.png",
        "创新成效-4-trend.png",
        # issue 17: running the programme
        "创新成效-5-checks-grid.png",
        "创新成效-6-checks-trend.png",
        "创新成效-7-secretary-share.png",
        "创新成效-8-suggestions-unit.png",
        "创新成效-9-points-ranking.png",
    ]


def test_chinese_renders_as_glyphs_and_boxes_without_a_font(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert _glyph_check(env) == ["True", "True", "True"]
    # Fontconfig limited to DejaVu (no CJK): both words come out as the same boxes, and the check says so.
    (tmp_path / "fonts.conf").write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path}/cache</cachedir></fontconfig>"
    )
    without = _glyph_check({**env, "FONTCONFIG_FILE": str(tmp_path / "fonts.conf")})
    assert without[:2] == ["False", "False"]
