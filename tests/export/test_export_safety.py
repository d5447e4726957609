"""No export of any body carries live script for a raw-HTML reader (issue 13 item 3).

The exporter copies code as written; it must agree with CommonMark on what code is, or text
it takes for code reaches Hugo (`unsafe = true`) or markdown-it (`html: true`) as live HTML.
"""

from __future__ import annotations

import pytest
from exporthelp import harmless
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from editor.core.model import Article, Status
from editor.export import export_article
from editor.export.portable import portable_body

RAW_HTML_READER = MarkdownIt("commonmark", {"html": True})
PAYLOAD = "<img src=x onerror=alert(1)>"


def assert_safe(body: str) -> None:
    exported = portable_body(body, lambda ref: None)
    html = RAW_HTML_READER.render(exported)
    harmless(html)
    assert "<script" not in html.lower(), exported


REPRODUCED = {  # issue 13 item 3: the exporter thought these were code; readers did not
    "indented fence inside a paragraph": f"문단 첫 줄\n    ```\n{PAYLOAD}\n    ```\n",
    "backtick in the info string": f"``` a`b\n{PAYLOAD}\n```\n",
    "indented line continuing a list item": f"- 항목\n\n    {PAYLOAD}\n",
    "removed tag leaves a list marker": f"<svg onload=alert(1)>- ``` a`b\n\n    ```{PAYLOAD}````",
    "tilde fence indented 6 spaces": f"문단\n      ~~~\n{PAYLOAD}\n      ~~~\n",
    "text right after a closing fence": f"```\n코드\n```\n{PAYLOAD}\n",
    "after indented code": f"    코드\n{PAYLOAD}\n",
    "fence in a list item that ends": f"- 항목\n  ```\n{PAYLOAD}\n  ```\n",
    "fence in a quote that ends": f"> ```\n> 코드\n{PAYLOAD}\n",
    "fence in link text": f"[```\n{PAYLOAD}\n```](https://example.com)\n",
    "script after a fence": "```\nx\n```\n<script>alert(1)</script>\n",
    "javascript link after a fence": "```\nx\n```\n[눌러](javascript:alert(1))\n",
    # found by the property test: a removed <script> left a fence line behind
    "fence left by a removed script": f"```\n```\n``` a`b\n<script>x</script>```\n\n```\n{PAYLOAD}",
    "comment, then fences": f"<!--\n```\n```\n<script>x</script>```\n```\n{PAYLOAD}",
}


@pytest.mark.parametrize("body", REPRODUCED.values(), ids=REPRODUCED.keys())
def test_the_reproduced_bodies_export_harmlessly(body):
    assert_safe(body)


def test_real_code_still_travels_as_written():
    body = f"```html\n{PAYLOAD}\n```\n\n    {PAYLOAD}\n\n문단\n```\n{PAYLOAD}\n```\n"
    exported = portable_body(body, lambda ref: None)
    assert exported.count(PAYLOAD) == 3
    assert RAW_HTML_READER.render(exported).count("&lt;img src=x onerror=alert(1)&gt;") == 3


PIECES = st.sampled_from(
    [
        "```",
        "````",
        "~~~",
        "``` a`b",
        "~~~ `x`",
        "   ```",
        "    ```",
        "      ~~~",
        "- ",
        "1. ",
        "> ",
        "    ",
        "  ",
        "문단",
        "`",
        "``",
        PAYLOAD,
        "<script>alert(1)</script>",
        "<a href='javascript:alert(1)'>x</a>",
        "[x](javascript:alert(1))",
        "[x]: javascript:alert(1)",
        "[x]",
        "<svg onload=alert(1)>",
        "<div>",
        "</div>",
        "<!--",
        "-->",
        "<http://x.example/>",
        "\\",
        "*",
        "[",
        "](",
        ")",
    ]
)
LINE = st.lists(PIECES, min_size=1, max_size=4).map("".join)
BODY = st.lists(st.one_of(LINE, st.just("")), min_size=1, max_size=12).map("\n".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=BODY)
def test_no_export_of_any_body_carries_live_script(body):
    assert_safe(body)


def test_the_whole_markdown_bundle_is_harmless(tmp_path):
    body = "\n\n".join(REPRODUCED.values())
    article = Article(headline="제목", body=body, slug="safe", status=Status.APPROVED)
    bundle = export_article(article, "markdown", tmp_path)
    text = (bundle / "index.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    harmless(RAW_HTML_READER.render(text))
