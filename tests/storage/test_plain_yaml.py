"""plain_yaml reads exactly what PyYAML's SafeLoader reads, or hands the text to PyYAML."""

from __future__ import annotations

import math
import random
import re
from datetime import datetime, timedelta, timezone

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor import resources
from editor.core.errors import DocumentError
from editor.core.model import Article, Author, LeadImage, LengthTarget
from editor.storage import frontmatter, plain_yaml, safeyaml
from tests.conftest import REPO

SEOUL = timezone(timedelta(hours=9))


def same(ours, theirs) -> bool:
    """Return whether two parsed values are equal in value, type and key order."""
    if type(ours) is not type(theirs):
        return False
    if isinstance(ours, dict):
        return list(ours) == list(theirs) and all(same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list):
        return len(ours) == len(theirs) and all(map(same, ours, theirs))
    if isinstance(ours, float):
        return repr(ours) == repr(theirs) or (math.isnan(ours) and math.isnan(theirs))
    return ours == theirs


def pyyaml(text: str):
    """Return what the app's PyYAML path gives: the value, or its error's kind."""
    try:
        return safeyaml.load(text)
    except DocumentError as exc:
        return ("error", exc.code)


def agrees(text: str) -> bool:
    """Assert plain_yaml gives PyYAML's value whenever it takes the text; return if it did."""
    try:
        ours = plain_yaml.read(text)
    except plain_yaml.Unsupported:
        return False
    theirs = pyyaml(text)
    assert same(ours, theirs), (text, ours, theirs)
    return True


def test_the_bundled_sample_and_the_corpus_are_read_without_pyyaml_to_the_same_values():
    pages = [resources.path("samples", "autonomous-shuttle", "index.md")]
    pages += sorted((REPO / "tests" / "reference" / "corpus").glob("*.md"))
    taken = [agrees(frontmatter.split(page.read_text(encoding="utf-8"))[0]) for page in pages]
    assert taken[0], "the sample's front matter must not need PyYAML"


def test_the_untaken_characters_are_the_complement_of_the_taken_ones():
    taken = re.compile(plain_yaml.TAKEN)
    for code in range(0x110000):
        char = chr(code)
        assert bool(taken.match(char)) != bool(plain_yaml._UNTAKEN.match(char)), hex(code)


def _articles(rng: random.Random, count: int):
    common = ["세종시", "자율주행", "<PD수첩>", "《토지》", "[정정]: 기사", "3~4일", "**“인용”**는",
              "셔틀", "22km", "(종합)", "…", "“따옴표”", "A씨", "2025년", "사진=세종시 제공"]  # fmt: skip
    words = [
        "yes", "No", "null", "~", "true", "on", "0", "-1", "12", "007", "0x1f", "1_000", "3.5",
        "1e3", ".inf", "2025-03-27", "a: b", "a:b", "# 해시", "a #b", "- 목록", "'따옴표'",
        '"큰따옴표"', "it's", "\\", "  앞 공백", "뒤 공백 ", "|", ">", "&앵커", "*별", "!태그",
        "%", "@", "`", "{}", "[]", "줄\n바꿈", "끝 줄바꿈\n", "\n앞 줄바꿈", "두 줄\n\n띄움",
        "탭\t문자", "=", "<<", "?", ":", ",", "…", "😀", "",
    ]  # fmt: skip

    def text() -> str:
        pool = words if rng.random() < 0.1 else common  # a field now and then is odd
        return rng.choice([" ", " ", "\n"]).join(rng.choices(pool, k=rng.randint(1, 4)))

    for _ in range(count):
        when = datetime(2025, 1, 1, tzinfo=SEOUL) + timedelta(minutes=rng.randint(0, 10**6))
        article = Article(
            headline=text(),
            subhead=text(),
            summary=text(),
            body="본문",
            lead_image=LeadImage(src="images/a.jpg", alt=text(), caption=text(), credit=text()),
            authors=[Author(text(), rng.choice(["", "a@b.example"])) for _ in range(2)],
            section=text(),
            tags=[text() for _ in range(rng.randint(0, 3))],
            slug=text(),
            created=when,
            updated=rng.choice([None, when]),
            target=rng.choice(
                [LengthTarget(), LengthTarget(8, "pages"), LengthTarget(2.5, "pages")]
            ),
            extra=rng.choice([{}, {"weight": rng.randint(-5, 5)}, {"cover": {"image": text()}}]),
        )
        yield article


@pytest.mark.parametrize("theme", [None, "hugo", "jekyll"])
def test_what_the_app_writes_reads_back_the_same_through_either_reader(theme):
    rng = random.Random(17)
    taken = 0
    for article in _articles(rng, 400):
        taken += agrees(frontmatter.split(frontmatter.render(article, theme))[0])
    # Most of what the app writes needs no PyYAML (double-quoted escapes, a tab, "1e3"-like
    # numbers and a few more go to it).
    assert taken >= 300  # of 400


# Pieces of block YAML, right and wrong, for generated documents.
KEYS = ["title", "a", "yes", "null", "1", "a b", "a:b", "-x", "'q'", "k#", "~", "키", "x:"]
SCALARS = [
    "v", "값 값", "yes", "Off", "TRUE", "y", "n", "NULL", "~", "0", "-0", "+3", "12", "007",
    "0o7", "0x1F", "0b101", "1_000", "1:30", "3.5", "-0.0", "1.", ".5", "1e3", "1.0e+3",
    ".inf", "-.Inf", ".NaN", "2025-03-27", "2025-03-27 10:00:00", "2025-3-1T1:00:00Z",
    "<<", "=", "a: b", "a:b", "a #c", "a#c", "#c", "- x", "-x", "--", "'s'", "'it''s'", "'a",
    "'a'b'", "''", '"d"', '"a\\"b"', '""', "[]", "{}", "[a]", "{a: 1}", "&a x", "*a", "!!str 1",
    "!x y", "%x", "@x", "`x", "|", "|-", "|+", "|2", ">", "? x", ":x", ",x", "a,b", "[x",
    "…", "😀", "a  b", "a ", "http://x.example/a?b=c#d",
]  # fmt: skip


# Drawn more often, so that many documents are wholly taken and the comparison is not empty.
COMMON_KEYS = ["title", "a", "키", "a b", "a:b", "-x"] * 4 + KEYS
COMMON_SCALARS = [
    "v",
    "값 값",
    "yes",
    "~",
    "12",
    "-0",
    "3.5",
    "'s'",
    "'it''s'",
    "a:b",
] * 6 + SCALARS


@st.composite
def documents(draw, depth: int = 0, indent: int = 0) -> str:
    """Draw a block mapping (sometimes malformed) at indent, as text lines."""
    pad = " " * indent
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(st.sampled_from(COMMON_KEYS))
        kind = draw(st.sampled_from(["scalar", "scalar", "literal", "map", "seq", "seq-in"]))
        if kind == "scalar" or (depth >= 2 and kind in ("map", "seq", "seq-in")):
            lines.append(f"{pad}{key}:{draw(st.sampled_from([' '] * 4 + ['  ', '']))}"
                         f"{draw(st.sampled_from(COMMON_SCALARS))}")  # fmt: skip
        elif kind == "literal":
            header = draw(st.sampled_from(["|", "|-", "|+"] * 3 + ["|2", ">", "|-2", "| # c"]))
            lines.append(f"{pad}{key}: {header}")
            width = indent + draw(st.integers(1, 3))
            for _ in range(draw(st.integers(0, 4))):
                pieces = ["줄", "a: b", "# c", " 더 들여씀", "", " ", "  ", "- x"]
                line = draw(st.sampled_from(["줄", "a: b"] * 4 + pieces))
                lines.append(line and " " * width + line)
        elif kind == "map":
            lines.append(f"{pad}{key}:")
            step = draw(st.sampled_from([2, 2, 2, 1, 4]))
            lines.append(draw(documents(depth + 1, indent + step)))
        else:
            lines.append(f"{pad}{key}:")
            dash = pad if kind == "seq" else pad + "  "
            for _ in range(draw(st.integers(0, 3))):
                if draw(st.booleans()):
                    lines.append(f"{dash}- {draw(st.sampled_from(COMMON_SCALARS))}")
                else:
                    inner = draw(documents(depth + 1, len(dash) + 2))
                    lines.append(f"{dash}- {inner.lstrip(' ')}")
    if draw(st.integers(0, 20)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["", "# c", "\t"])))
    return "\n".join(lines)


@settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_block_yaml_reads_the_same_or_goes_to_pyyaml(text):
    agrees(text)


def test_generated_documents_are_often_taken_so_the_comparison_is_not_empty():
    taken = 0

    @settings(max_examples=500, deadline=None, database=None, derandomize=True)
    @given(documents())
    def count(text):
        nonlocal taken
        taken += agrees(text)

    count()
    assert taken >= 40  # of 500


def test_a_repeated_key_keeps_its_place_and_takes_the_last_value_as_in_pyyaml():
    assert agrees("title: a\nb: 1\ntitle: c")
    assert list(plain_yaml.read("title: a\nb: 1\ntitle: c").items()) == [("title", "c"), ("b", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "title: 제목 # 주석",  # a comment
        "title: 'a\n  b'",  # a quoted scalar over two lines
        "title: a\n  b",  # a plain one
        "title: 2025-03-27",  # a date PyYAML builds
        "title: \x07",  # a character PyYAML refuses (its error is the answer)
        "1: a",  # a key that is not text
        "title: &a x\nb: *a",  # an alias
        "title: |2\n   a",  # an indentation indicator
        "title: [a, b]",  # a flow sequence
        "\ufefftitle: a",  # a BOM
    ],
)
def test_what_plain_yaml_does_not_take_is_left_to_pyyaml(text):
    with pytest.raises(plain_yaml.Unsupported):
        plain_yaml.read(text)


def test_front_matter_over_the_limit_is_refused_whichever_reader(monkeypatch):
    monkeypatch.setattr(plain_yaml, "MAX_YAML_BYTES", 50)
    with pytest.raises(DocumentError, match="1 MiB|larger"):
        frontmatter.parse("---\ntitle: " + "가" * 20 + "\n---\n본문")


def test_a_page_plain_yaml_takes_opens_to_the_same_article_as_through_pyyaml(monkeypatch):
    page = resources.path("samples", "autonomous-shuttle", "index.md").read_text("utf-8")
    ours = frontmatter.parse(page)

    def refuse(text):
        raise plain_yaml.Unsupported

    monkeypatch.setattr(plain_yaml, "read", refuse)
    assert ours == frontmatter.parse(page)
    assert yaml.__version__.startswith("6.")  # the scanner rules plain_yaml follows
