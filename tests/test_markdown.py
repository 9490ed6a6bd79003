"""Names are data: what reaches Streamlit's markdown is escaped so it shows exactly as typed."""

from ui.markdown import escape


def test_markdown_and_streamlit_directives_are_escaped():
    assert escape("*粗体* _斜体_ [链接](http://x) `代码` $x$ :red[红] <b>") == (
        "\\*粗体\\* \\_斜体\\_ \\[链接\\](http\\://x) \\`代码\\` \\$x\\$ \\:red\\[红\\] \\<b\\>"
    )


def test_plain_chinese_names_are_unchanged():
    assert escape("岳川工具研究所（一车间）党支部") == "岳川工具研究所（一车间）党支部"
    assert escape(2024) == "2024"
