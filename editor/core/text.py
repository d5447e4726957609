"""Text measures a newsroom uses: characters, 원고지 매수, reading time, slugs."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from editor.core.reading import FENCE, read_body

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
    one reading (core.reading); the text of a link stays.
    """
    reading = read_body(markdown)
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
    skipped = {d.line for d in reading.definitions}
    for heading in reading.headings:
        if heading.setext_lines:
            skipped.add(heading.line + heading.setext_lines)  # the underline
        else:
            lines[heading.line] = _ATX_MARKS.sub("", lines[heading.line])
    kept = [ln for n, ln in enumerate(lines) if n not in skipped and not FENCE.match(ln)]
    text = _HTML_TAG.sub("", "\n".join(kept))
    text = _MD_MARKS.sub("", text)
    text = text.replace("&nbsp;", " ").replace("\\\n", "\n")
    return unicodedata.normalize("NFC", text)


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
    text = unicodedata.normalize("NFC", text)
    paragraphs = [p.strip() for p in text.split("\n")]
    joined = " ".join(p for p in paragraphs if p)
    chars = len(joined)
    no_spaces = sum(map(len, joined.split()))  # split() drops what isspace() calls space
    minutes = math.ceil(no_spaces / READING_CHARS_PER_MINUTE) if no_spaces else 0
    return Counts(chars, no_spaces, round(chars / MANUSCRIPT_PAGE, 1), minutes)


def count_body(markdown: str) -> Counts:
    """Count the body as a reader would read it (Markdown marks left out)."""
    return count_text(plain_text(markdown))


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
