"""Text measures a newsroom uses: characters, 원고지 매수, reading time, slugs."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from editor.core.body_reading import read_body, read_steps
from editor.core.reading import FENCE
from editor.core.steps import Steps, drain

MANUSCRIPT_PAGE = 200  # one 원고지 page holds 200 characters
READING_CHARS_PER_MINUTE = 500  # Korean silent reading, characters without spaces

_HTML_TAG = re.compile(r"<[^>]+>")
_MD_MARKS = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)|[*_`~]+|^\s*\|?[-:| ]+\|?\s*$", re.M)
_ATX_MARKS = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)|[ \t]+#+[ \t]*$")  # on heading lines only


def image_markdown(alt: str, ref: str) -> str:
    """Return `![alt](ref)` that CommonMark reads as that image whatever the name holds.

    A destination with a space, parenthesis or angle bracket (`images/세종 셔틀.jpg`) is only
    a link destination in `<…>`; brackets and backslashes in the alt text are escaped.
    """
    alt_text = re.sub(r"([\\\[\]])", r"\\\1", alt)
    if re.search(r"[\s()<>\\]", ref):
        ref = "<" + re.sub(r"([<>\\])", r"\\\1", ref) + ">"
    return f"![{alt_text}]({ref})"


def image_refs(markdown: str) -> list[str]:
    """Return the image paths a Markdown body refers to, in order, without repeats."""
    refs: list[str] = []
    for image in read_body(markdown).images:
        if image.url and image.url not in refs:
            refs.append(image.url)
    return refs


def plain_text(markdown: str) -> str:
    """Return the body as a reader sees it, roughly: Markdown marks and tags removed.

    Images, link syntax, headings' marks, definitions and fence lines go by the body's
    one reading (core.body_reading); the text of a link stays.
    """
    return drain(_plain_steps(markdown))


def _plain_steps(markdown: str) -> Steps[str]:
    """plain_text, yielding between steps (the reading's, then a few thousand lines each)."""
    reading = yield from read_steps(markdown)
    cuts: list[tuple[int, int]] = []
    image_end = -1
    for item in reading.found:
        if item.start < image_end:
            continue  # inside an image already cut
        if item.kind == "image":
            cuts.append((item.start, item.end))
            image_end = item.end
        else:
            cuts += [(item.start, item.start + 1), (item.start + 1 + len(item.text), item.end)]
    pieces, last = [], 0
    for start, end in sorted(cuts):
        pieces.append(markdown[last:start] + "\n" * markdown.count("\n", start, end))
        last = max(last, end)
    lines = ("".join(pieces) + markdown[last:]).split("\n")  # line numbers kept
    yield
    skipped = {d.line for d in reading.definitions}
    for heading in reading.headings:
        if heading.setext_lines:
            skipped.add(heading.line + heading.setext_lines)  # the underline
        else:
            lines[heading.line] = _ATX_MARKS.sub("", lines[heading.line])
    yield
    kept = [ln for n, ln in enumerate(lines) if n not in skipped and not FENCE.match(ln)]
    text = _HTML_TAG.sub("", "\n".join(kept))
    yield
    text = yield from _without_marks(text)
    text = text.replace("&nbsp;", " ").replace("\\\n", "\n")
    return unicodedata.normalize("NFC", text)


def _without_marks(text: str) -> Steps[str]:
    """Return _MD_MARKS.sub("", text), found a few thousand characters per step.

    No match can reach over a line break that follows a letter or digit (every part of
    the pattern that matches a break is whitespace after a line start, a mark or more
    whitespace), and `^`/`$` mean there what they mean in the whole text, so the text is
    searched between such breaks.
    """
    pieces, start = [], 0
    while start < len(text):
        end = _safe_break(text, start + _CHUNK)
        last = start
        for match in _MD_MARKS.finditer(text, start, end):
            pieces.append(text[last : match.start()])
            last = match.end()
        pieces.append(text[last:end])
        start = end
        yield
    return "".join(pieces)


_CHUNK = 4096  # characters searched per step (the whole pattern: ~0.2 ms each at 100k)


def _safe_break(text: str, at: int) -> int:
    """Return the first line break at or after at that follows a letter or digit (or the end)."""
    while True:
        at = text.find("\n", at)
        if at < 0:
            return len(text)
        if text[at - 1].isalnum():
            return at
        at += 1


@dataclass(frozen=True)
class Counts:
    """Length of a text as a Korean newsroom counts it."""

    chars: int  # with spaces (line breaks not counted)
    chars_no_spaces: int
    manuscript_pages: float  # 원고지 매수, 200 characters a page
    reading_minutes: int

    @property
    def manuscript_pages_rounded(self) -> int:
        return math.ceil(self.manuscript_pages)


def count_text(text: str) -> Counts:
    """Count characters (with and without spaces), 원고지 매수 and reading time."""
    return drain(_count_steps(text))


def _count_steps(text: str) -> Steps[Counts]:
    """count_text, yielding every few hundred paragraphs."""
    text = unicodedata.normalize("NFC", text)
    kept = [p for p in (p.strip() for p in text.split("\n")) if p]
    chars = sum(map(len, kept)) + max(0, len(kept) - 1)  # joined by one space each
    no_spaces = 0
    for at in range(0, len(kept), 500):  # split() drops what isspace() calls space
        yield
        no_spaces += sum(len(word) for p in kept[at : at + 500] for word in p.split())
    minutes = math.ceil(no_spaces / READING_CHARS_PER_MINUTE) if no_spaces else 0
    return Counts(chars, no_spaces, round(chars / MANUSCRIPT_PAGE, 1), minutes)


def count_body(markdown: str) -> Counts:
    """Count the body as a reader would read it (Markdown marks left out)."""
    return drain(count_steps(markdown))


def count_steps(markdown: str) -> Steps[Counts]:
    """count_body in steps of a few ms at most, for a caller that spreads it over turns."""
    plain = yield from _plain_steps(markdown)
    return (yield from _count_steps(plain))


# Revised Romanization of Korean, syllable by syllable (no sound-change rules).
_INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "-",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_MEDIALS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_FINALS = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]


def romanize(text: str) -> str:
    """Romanize Hangul syllables (Revised Romanization, simplified); other text passes."""
    out: list[str] = []
    previous_final = 0
    for ch in unicodedata.normalize("NFC", text):
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            initial, rest = divmod(code, 588)
            medial, final = divmod(rest, 28)
            lead = _INITIALS[initial]
            if lead == "r" and previous_final == 8:  # ㄹ + ㄹ reads "ll"
                lead = "l"
            out.append(("" if lead == "-" else lead) + _MEDIALS[medial] + _FINALS[final])
            previous_final = final
        else:
            out.append(ch)
            previous_final = 0
    return "".join(out)


def make_slug(headline: str, when: datetime | None = None, max_length: int = 60) -> str:
    """Derive a URL slug: romanized ASCII words, or the date when nothing usable is left."""
    spaced = re.sub(r"[^\w]+", " ", unicodedata.normalize("NFC", headline))
    ascii_text = unicodedata.normalize("NFKD", romanize(spaced))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    if slug:
        return slug
    stamp = when.strftime("%Y%m%d-%H%M%S") if when else "article"
    return f"article-{stamp}" if when else stamp
