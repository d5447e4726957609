"""Find and replace over plain text: case, whole word (Korean-aware), regular expressions.

Matching happens on the NFC form of both the query and the text, so a decomposed 한 (NFD,
as macOS file names and some pasted text carry it) matches a composed one. Offsets returned
are always offsets into the original text.

"Whole word" and Korean: a Korean noun is almost never followed by a space but by a particle
(검찰이, 검찰은, 검찰에서). A whole-word match must start where a word starts, and end where
a word ends or where one of the common particles below (and only those) completes the word.
So 검찰 finds 검찰이 and 검찰에서, but not 검찰청 or 검찰총장 (other words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from editor.core.errors import ArticleError, ErrorCode

# Particles (조사) and the copula's common endings that may close a word after a noun.
PARTICLES = (
    "이",
    "가",
    "은",
    "는",
    "을",
    "를",
    "의",
    "에",
    "에서",
    "에게",
    "께",
    "께서",
    "와",
    "과",
    "도",
    "만",
    "로",
    "으로",
    "까지",
    "부터",
    "처럼",
    "보다",
    "이나",
    "나",
    "랑",
    "이랑",
    "한테",
    "마저",
    "조차",
    "에는",
    "에도",
    "으로는",
    "로는",
    "이다",
    "였다",
    "이었다",
    "입니다",
)
_PARTICLE_ALT = "|".join(sorted(map(re.escape, PARTICLES), key=len, reverse=True))


class FindError(ArticleError, ValueError):
    """The query is not a valid regular expression."""


@dataclass(frozen=True)
class Query:
    """What to look for and how."""

    text: str
    case: bool = False
    whole_word: bool = False
    regex: bool = False

    def pattern(self) -> re.Pattern[str] | None:
        """Return the compiled pattern, or None for an empty query.

        Raises:
            FindError: the regular expression does not compile.
        """
        source = self.source(r"\w")
        if source is None:
            return None
        try:
            return re.compile(source, 0 if self.case else re.IGNORECASE)
        except re.error as exc:
            raise FindError(ErrorCode.PATTERN_INVALID, position=(exc.pos or 0) + 1) from exc

    def source(self, word: str, escape: Callable[[str], str] = re.escape) -> str | None:
        """Return the pattern's source, with `word` as the class of word characters.

        The preview's JavaScript passes [\\p{L}\\p{N}_] (its \\w is ASCII only) and
        js_escape (its Unicode mode refuses escapes such as \\- or \\ ).
        """
        text = unicodedata.normalize("NFC", self.text)
        if not text:
            return None
        body = text if self.regex else escape(text)
        if not self.whole_word:
            return body
        tail = rf"(?=(?:{_PARTICLE_ALT})?(?!{word}))" if _ends_in_hangul(text) else rf"(?!{word})"
        return rf"(?<!{word})(?:{body}){tail}"


def js_escape(text: str) -> str:
    """Escape text for a JavaScript regular expression in Unicode mode."""
    return re.sub(r"[\\^$.*+?()[\]{}|/]", lambda m: "\\" + m.group(0), text)


def _ends_in_hangul(text: str) -> bool:
    return "\uac00" <= text[-1] <= "\ud7a3"


class NormalizedText:
    """A text's NFC form with a map from NFC offsets back to the original offsets."""

    def __init__(self, text: str) -> None:
        self.original = text
        if unicodedata.is_normalized("NFC", text):
            self.text, self._map = text, None
            return
        parts: list[str] = []
        offsets: list[int] = []
        start = 0
        for end in _segment_ends(text):
            piece = unicodedata.normalize("NFC", text[start:end])
            parts.append(piece)
            offsets.extend([start] * len(piece))
            start = end
        offsets.append(len(text))
        self.text, self._map = "".join(parts), offsets

    def to_original(self, offset: int) -> int:
        """Return the original offset of an NFC offset."""
        return offset if self._map is None else self._map[offset]


def _segment_ends(text: str):
    """Yield the ends of segments that normalise independently (a starter and its marks)."""
    for i in range(1, len(text)):
        ch = text[i]
        if unicodedata.combining(ch) == 0 and not _is_trailing_jamo(ch):
            yield i
    if text:
        yield len(text)


def _is_trailing_jamo(ch: str) -> bool:
    """Tell a conjoining vowel or final consonant, which joins the syllable before it."""
    return "\u1161" <= ch <= "\u11ff" or "\ud7b0" <= ch <= "\ud7ff"


@dataclass(frozen=True)
class Match:
    """One match: its span in the original text and the text that would replace it."""

    start: int
    end: int
    replacement: str = ""


def find_all(text: str, query: Query, replacement: str | None = None) -> list[Match]:
    """Return every match of the query in the text, in order.

    Args:
        text: the text to search (any normalisation form).
        query: what to look for.
        replacement: if given, each match carries its replacement (with \\1, \\g<name>
            expanded for regular expressions).
    Raises:
        FindError: the regular expression does not compile.
    """
    pattern = query.pattern()
    if pattern is None:
        return []
    norm = NormalizedText(text)
    found = []
    for m in pattern.finditer(norm.text):
        if m.end() == m.start():
            continue  # an empty match (e.g. ^) would replace nothing and loop forever
        new = ""
        if replacement is not None:
            new = _expand(m, replacement) if query.regex else replacement
        found.append(Match(norm.to_original(m.start()), norm.to_original(m.end()), new))
    return found


def _expand(match: re.Match[str], template: str) -> str:
    try:
        return match.expand(template)
    except (re.error, IndexError) as exc:
        raise FindError(ErrorCode.REPLACEMENT_INVALID) from exc


def replace_all(text: str, matches: list[Match]) -> str:
    """Return the text with every match replaced (matches in order, not overlapping)."""
    out: list[str] = []
    last = 0
    for m in matches:
        out.append(text[last : m.start])
        out.append(m.replacement)
        last = m.end
    out.append(text[last:])
    return "".join(out)
