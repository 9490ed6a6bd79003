"""What every chart shares: the CJK font, one colour per programme, patent type and verdict, and the layouts."""

from __future__ import annotations

import plotly.graph_objects as go

from analytics.contract import vocab

# A CJK font first, so exported images render Chinese (the app checks one is installed).
FONT_FAMILY = "Noto Sans CJK SC, Noto Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, PingFang SC, sans-serif"
PROGRAM_COLOURS = dict(
    zip(vocab.PROGRAMS, ("#c0392b", "#2f6db5", "#d68910", "#16a085", "#8e44ad", "#5d6d7e"), strict=True)
)
CATEGORY_COLOURS = dict(zip(vocab.CATEGORIES, ("#2f6db5", "#c0392b", "#16a085", "#d68910", "#7f8c8d"), strict=True))
PATENT_COLOURS = dict(zip(vocab.PATENT_TYPES, ("#b03a2e", "#2e86c1", "#b7950b"), strict=True))
PRIMARY = "#c0392b"
SECONDARY = "#2f6db5"
UNLABELLED_COLOUR = "#bdc3c7"
SOFTWARE_COLOUR = "#6c3483"
MET_COLOUR, MISSED_COLOUR, TARGET_COLOUR = "#27ae60", "#c0392b", "#d5d8dc"
DECLARED_COLOUR, AWARDED_COLOUR = "#aab7b8", PRIMARY
UNIT_COLOURS = ("#c0392b", "#2f6db5", "#d68910", "#16a085", "#8e44ad", "#5d6d7e", "#b03a2e", "#1f618d")


def apply_layout(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "font": {"size": 16}},
        font={"family": FONT_FAMILY, "size": 13},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        plot_bgcolor="white",
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True, gridcolor="#eee")
    return fig


def by_unit_layout(fig: go.Figure, title: str, units: int) -> go.Figure:
    """Units down the side, largest on top: long Chinese unit names read whole at any width."""
    apply_layout(fig, title, height=max(260, 110 + 34 * units))
    fig.update_yaxes(autorange="reversed", gridcolor=None, showgrid=False)
    fig.update_xaxes(gridcolor="#eee")
    # The legend sits between the title and the plot, left-aligned, so it never covers a bar or a label.
    fig.update_layout(
        margin={"l": 10, "r": 30, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
    )
    return fig


def legend_below(fig: go.Figure) -> go.Figure:
    """For half-width charts over the years: a long legend wraps under the plot instead of over the title."""
    fig.update_layout(
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0, "traceorder": "normal"},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
    )
    return fig


# Presenter slides: type a hall can read (axis text ≥ 20 px at 1080p) in near-black on white (contrast ≈ 17:1).
PRESENT_INK = "#1a1a1a"
PRESENT_FONT, PRESENT_TITLE = 20, 24


def for_presentation(
    fig: go.Figure, font_size: int = PRESENT_FONT, title_size: int = PRESENT_TITLE, keep_title: bool = True
) -> go.Figure:
    """A copy of a chart restyled for a presenter slide: large dark type everywhere, and no fixed height, so the
    slide's chart area (sized to the screen) sizes it instead of the page's fixed pixel height. Without its title
    (keep_title=False, the slide writes it above the chart) the legend alone sits over the plot."""
    slide = go.Figure(fig)
    ink = {"color": PRESENT_INK}
    legend = any(trace.showlegend is not False for trace in slide.data) and len(slide.data) > 1
    notes = any((note.y or 0) >= 1 or note.yref == "paper" for note in slide.layout.annotations)
    top = (60 if keep_title else 10) + (50 if legend else 0) + (34 if notes or slide.layout.shapes else 0)
    slide.update_layout(
        height=None,
        autosize=True,
        font={"family": FONT_FAMILY, "size": font_size, **ink},
        title={"text": slide.layout.title.text if keep_title else "", "font": {"size": title_size, **ink}},
        legend={"font": {"size": font_size - 2, **ink}, "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 10, "r": 40, "t": top, "b": 10},
    )
    axis = {"tickfont": {"size": font_size, **ink}, "title": {"font": {"size": font_size, **ink}}, "linecolor": "#555"}
    slide.update_xaxes(**axis)
    slide.update_yaxes(**axis)
    # constraintext none: plotly would otherwise shrink a bar's label to the bar's width (8 px on a slide).
    # Level text only. A label outside its bar keeps its size (plotly would shrink it to the bar's width, 8 px on a
    # slide); a label inside a bar segment too small for it is left out (uniformtext hide), never turned on its
    # side or drawn across the next segment: the figure stays on hover and in the takeaway.
    slide.update_traces(textfont={"size": font_size, **ink}, textangle=0, selector={"type": "bar"})
    slide.update_traces(constraintext="none", selector={"type": "bar", "textposition": "outside"})
    slide.update_traces(constraintext="inside", selector={"type": "bar", "textposition": "inside"})
    if slide.layout.barmode == "group":
        # Bars side by side leave each label its bar's thickness: one that does not fit is left out, not drawn over
        # its neighbour's.
        slide.update_traces(constraintext="both", selector={"type": "bar", "textposition": "outside"})
    slide.update_layout(uniformtext={"minsize": font_size - 2, "mode": "hide"})
    slide.update_traces(textfont={"size": font_size, **ink}, selector={"type": "heatmap"})
    if any(trace.type == "heatmap" or getattr(trace, "orientation", None) == "h" for trace in slide.data):
        # Every unit named: plotly would drop every other name of a tight list (a row without a name on a 720p
        # slide); at PRESENT_FONT a row needs about 22 px, which the slide's chart area gives 10 rows at 720p.
        slide.update_yaxes(tickmode="linear", dtick=1)
    slide.update_annotations(font={"size": font_size - 2, **ink})
    return slide
