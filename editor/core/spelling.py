"""Spell checking rules: which words of a Markdown line to check, and Korean spacing leniency.

The dictionary itself (Hunspell, spellcheck-ko + SCOWL en_US) is loaded by
editor.storage.dictionaries; this module only needs a `Speller` (spell, analyze).

What is never checked: code (inline and fenced), URLs, e-mail addresses, Markdown syntax (link
targets, image paths, HTML tags, reference definitions), the `[시사캐치=… 기자]` credit, words
with digits, ALL-CAPS abbreviations, and Hangul glued to a Latin word or a number (AI를, 3차).

Hunspell's Korean dictionary wants standard spacing, but 한글 맞춤법 allows two joinings a
newsroom uses every day: an auxiliary verb joined to the main verb (제47항: 보여 주는 →
보여주는) and a compound noun or proper name written as one word (제49·50항: 시 의회 →
시의회, 정부 세종 청사 → 정부세종청사). `KoreanLeniency` accepts a rejected word when it
splits into exactly such parts, and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the spell process needs the words, not the article model
    from editor.core.model import Article
    from editor.core.validate import Problem


class Speller(Protocol):
    """What a Hunspell dictionary offers."""

    def spell(self, word: str) -> bool: ...

    def analyze(self, word: str) -> tuple[str, ...]: ...

    def suggest(self, word: str) -> tuple[str, ...]: ...


# Auxiliary verbs that may join the main verb's -아/-어 form (보조 용언, 한글 맞춤법 제47항).
AUXILIARY_STEMS = frozenset(
    ("주다", "드리다", "보다", "버리다", "놓다", "두다", "가다", "오다", "내다", "대다")
    + ("지다", "싶다", "있다", "계시다", "가지다", "쌓다", "먹다", "치우다", "빠지다")
)
MAX_JOINED = 12  # syllables: longer runs are not split (cost grows with the square)

_SKIP = re.compile(
    r"`[^`]*`"  # inline code
    r"|\]\([^)]*\)"  # a link's or image's target
    r"|^\s*\[[^\]]+\]:\s*\S+.*$"  # a reference definition
    r"|<[^>\n]*>"  # HTML tags and autolinks
    r"|(?:https?://|www\.)\S+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\[[^\]\n=]*=[^\]\n]*\]"  # the credit [시사캐치=홍길동 기자] and [사진=…]
    r"|^\s*\[[^\]\n]*\](?![(\[:])"  # a tag opening the line: [시사캐치], [속보]
)
_WORD = re.compile(r"[가-힣]+|[A-Za-z]+(?:['’][A-Za-z]+)?")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_CLOSERS = "’”)」』》〉]"


@dataclass(frozen=True)
class Word:
    """A word to check: its text and its span in the line (or text) it came from."""

    text: str
    start: int
    end: int

    @property
    def is_korean(self) -> bool:
        return "가" <= self.text[0] <= "힣"


def words_in_line(line: str) -> list[Word]:
    """Return the words of one Markdown line that spelling should look at."""
    hidden = [(m.start(), m.end()) for m in _SKIP.finditer(line)]
    found = []
    for m in _WORD.finditer(line):
        start, end = m.span()
        if any(a <= start < b for a, b in hidden):
            continue
        before = line[start - 1] if start else " "
        after = line[end] if end < len(line) else " "
        if before.isalnum() or after.isdigit() or (after.isalpha() and after.isascii()):
            continue  # glued to a number or a Latin word: AI를, 3차, 제2
        if m.group(0)[0] >= "가" and before in _CLOSERS:
            continue  # a particle after a closing quote: ‘자율주행’을
        text = m.group(0)
        if text.isascii() and (len(text) < 2 or text.isupper()):
            continue
        found.append(Word(text, start, end))
    return found


def words_in_text(text: str) -> Iterator[Word]:
    """Yield the words of a whole Markdown text (offsets into it), skipping fenced code."""
    offset, fence = 0, ""
    for line in text.split("\n"):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1) == fence:
                fence = ""
        elif opener:
            fence = opener.group(1)
        elif not line.startswith(("    ", "\t")):  # an indented code block
            for word in words_in_line(line):
                yield Word(word.text, word.start + offset, word.end + offset)
        offset += len(line) + 1


class KoreanLeniency:
    """Accept joined auxiliary verbs and compound nouns that Hunspell rejects."""

    def __init__(self, speller: Speller) -> None:
        self._speller = speller
        self._nouns: dict[str, bool] = {}

    def accepts(self, word: str) -> bool:
        """Tell whether a word Hunspell rejected is a permitted joining."""
        if not 2 <= len(word) <= MAX_JOINED:
            return False
        return self._auxiliary(word) or self._compound(word)

    def _auxiliary(self, word: str) -> bool:
        spell = self._speller.spell
        for i in range(1, len(word)):
            left, right = word[:i], word[i:]
            if not _ends_in_a_eo(left):
                continue
            if spell(left) and spell(right) and self._stems(right) & AUXILIARY_STEMS:
                return True
        return False

    def _compound(self, word: str, depth: int = 0) -> bool:
        """Split into nouns (each ≥ 2 syllables but the first), the last may carry a particle."""
        for i in range(1, len(word)):
            left, right = word[:i], word[i:]
            if not self._is_noun(left) or (len(left) < 2 and len(right) < 2):
                continue
            if len(right) >= 2 and (self._is_noun(right) or self._noun_with_particle(right)):
                return True
            if depth < 3 and len(right) >= 4 and self._compound(right, depth + 1):
                return True
        return False

    def _is_noun(self, word: str) -> bool:
        known = self._nouns.get(word)
        if known is None:
            # A noun analyses as its bare stem; so does a verb's or adjective's base form
            # (없다), which is never part of a compound noun.
            analyses = [a.strip() for a in self._speller.analyze(word)]
            known = f"st:{word}" in analyses and not word.endswith("다")
            self._nouns[word] = known
        return known

    def _noun_with_particle(self, word: str) -> bool:
        if not self._speller.spell(word):
            return False
        stems = self._stems(word)
        return any(s != word and word.startswith(s) and self._is_noun(s) for s in stems)

    def _stems(self, word: str) -> set[str]:
        stems = set()
        for analysis in self._speller.analyze(word):
            for part in analysis.split():
                if part.startswith("st:"):
                    stems.add(part[3:])
        return stems


def _ends_in_a_eo(syllable_run: str) -> bool:
    """Tell whether the last syllable is an -아/-어 form: ㅏ ㅐ ㅓ ㅕ ㅘ ㅙ ㅝ, no final."""
    code = ord(syllable_run[-1]) - 0xAC00
    if not 0 <= code < 11172 or code % 28:
        return False
    return (code // 28) % 21 in (0, 1, 4, 6, 9, 10, 14)


SPELLED_FIELDS = ("headline", "subhead", "summary", "lead_image.alt", "lead_image.caption", "body")


def ignored_words(article: Article) -> frozenset[str]:
    """Return the words the reporter told the spell check to ignore in this article."""
    return frozenset(article.private.get("spelling_ignore") or ())


def spelled_texts(article: Article) -> list[str]:
    """Return the text of each field the spell check reads (SPELLED_FIELDS)."""
    from editor.core.review import field_text

    return [field_text(article, name) for name in SPELLED_FIELDS]


def spelling_problems(
    article: Article, misspelled: Callable[[str, frozenset[str]], list[Word]]
) -> list[Problem]:
    """Return one warning per misspelled word of the article's text fields (with its passage)."""
    from editor.core.review import field_text
    from editor.core.validate import Problem, Severity

    ignored = ignored_words(article)
    found = []
    for name in SPELLED_FIELDS:
        text = field_text(article, name)
        for word in misspelled(text, ignored):
            passage = _passage(text, word)
            found.append(
                Problem(
                    Severity.WARNING,
                    name,
                    "spelling",
                    f"Spelling: “{word.text}” in “{passage}”",
                    word.start,
                    word.end,
                    {"word": word.text, "passage": passage},
                )
            )
    return found


def _passage(text: str, word: Word, around: int = 12) -> str:
    """Return the words around a misspelling on its line (for a reader of the list)."""
    start = max(text.rfind("\n", 0, word.start) + 1, word.start - around)
    end_of_line = text.find("\n", word.end)
    end = min(end_of_line if end_of_line >= 0 else len(text), word.end + around)
    return text[start:end].strip()
