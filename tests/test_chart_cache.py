"""Charts are built once for the same inputs and shared (ui.cache.chart): a warm rerun draws, it does not rebuild;
other data or another language is another chart."""

import pandas as pd
import plotly.graph_objects as go

from ui import cache


def test_a_chart_is_built_once_for_the_same_inputs_and_again_for_other_data_or_language():
    built = []

    def savings_chart(frame: pd.DataFrame, language: str) -> go.Figure:
        built.append(language)
        return go.Figure(layout_title_text=f"{language}: {frame['savings_wan'].sum():g}")

    frame = pd.DataFrame({"unit": ["甲", "乙"], "savings_wan": [1.5, 2.0]})
    first = cache.chart(savings_chart, frame, "zh")
    assert cache.chart(savings_chart, frame.copy(), "zh") is first  # equal data: the same figure, not rebuilt
    assert built == ["zh"] and first.layout.title.text == "zh: 3.5"
    assert cache.chart(savings_chart, frame, "en").layout.title.text == "en: 3.5"
    changed = frame.assign(savings_wan=[1.5, 4.0])
    assert cache.chart(savings_chart, changed, "zh").layout.title.text == "zh: 5.5"
    assert built == ["zh", "en", "zh"]
