"""Portable forms: how a construct the readers disagree on is written so all show the app's.

Each rule answers one disagreement found by running the real readers (goldmark in Hugo
0.111 and current, kramdown, pandoc `markdown-smart`, markdown-it) on the exported text;
docs/exports.md lists them. The forms are escapes and entities, which every reader turns
back into the character typed: nothing is dropped, nothing visible is added.
"""

from __future__ import annotations

import re
import unicodedata

from editor.render.blocks import closes_fence, open_fence
from editor.render.reading import parse_definition

WORD_JOINER = "&#8288;"  # invisible; `&` is punctuation to CommonMark's flanking rule
_EMPHASIS_RUN = re.compile(r"\*+|_+")
# `{#id}`, `{.class}`, `{key=value}`, `{:…}`: attributes in goldmark, kramdown and pandoc.
_ATTRIBUTES = re.compile(r"[#.:-]|[A-Za-z][\w-]*=")
_WORD = re.compile(r"\w")
# A list item that starts with `[ ]`/`[x]`: a task-list checkbox in goldmark and pandoc.
_TASK = re.compile(r"(?:[ \t]*>)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\[[ xX]\](?:[ \t]|$))")
# `: text` under a line: a definition list in goldmark, kramdown and pandoc.
_DEFINITION_MARK = re.compile(r"[ \t]{0,3}(?=:[ \t])")
# Block starts CommonMark lets interrupt a paragraph but pandoc and kramdown do not.
_INTERRUPT = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|>|([*_])(?:[ \t]*\1){2,}[ \t]*$|-[ \t]+-)")
_CONTAINER = re.compile(r" {0,3}(?:>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|<)")
_LONE_IMAGE = re.compile(r"<p>\s*<img\b[^>]*>\s*</p>")


def char_form(text: str, i: int) -> tuple[str, int] | None:
    """Return the portable form of the prose character at i and where to go on, or None."""
    ch = text[i]
    if ch == "~" and not text.startswith("~~", i) and (i == 0 or text[i - 1] != "~"):
        return "&#126;", i + 1  # 3~4일: goldmark reads a single ~ pair as strikethrough
    if ch in "*_":
        run = _EMPHASIS_RUN.match(text, i).group(0)  # type: ignore[union-attr]
        return _flanked(text, i, run), i + len(run)
    if ch == "$":
        return "&#36;", i + 1  # $x$ is math in pandoc, $$x$$ in kramdown
    if ch == "^" and not (i and text[i - 1] == "["):  # \[^1] is already text everywhere
        return "&#94;", i + 1  # 2^10^ is superscript in pandoc
    if ch == "@" and _WORD.match(text, i + 1):
        return "&#64;", i + 1  # @시사캐치: a citation in pandoc; a@b.kr: a link in goldmark
    if ch == "{" and _ATTRIBUTES.match(text, i + 1):
        return "\\{", i + 1  # {#id}: attributes in goldmark, kramdown and pandoc
    if ch == ":" and text.startswith("//", i + 1) and i and text[i - 1].isalpha():
        return "&#58;", i + 1  # https://…: goldmark's linkify makes a bare URL a link
    if ch in "wW" and text[i : i + 4].lower() == "www." and not (i and text[i - 1].isalnum()):
        return text[i : i + 3] + "&#46;", i + 4  # www.…: linkify again
    return None


def line_start_form(text: str, i: int) -> tuple[str, int] | None:
    """Return the portable form of what the line starting at i opens with, or None.

    A link reference definition is copied as it is (its URL is checked elsewhere); a task
    marker and a definition-list colon are escaped, as CommonMark reads them as text.
    """
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    if parse_definition(text[i:end]):
        return text[i:end], end
    task = _TASK.match(text, i)
    if task:
        return task.group(0) + WORD_JOINER + "\\[", task.end() + 1  # pandoc reads \[ too
    mark = _DEFINITION_MARK.match(text, i)
    if mark and text.startswith(":", mark.end()) and i:
        return mark.group(0) + "\\:", mark.end() + 1
    return None


def separate_blocks(text: str) -> str:
    """Put a blank line before a heading, quote or rule that interrupts a paragraph.

    CommonMark (and goldmark, markdown-it) end the paragraph there; pandoc and kramdown
    read the line as more of the paragraph. Only top-level paragraphs (no container seen
    yet in the block), never inside code.
    """
    out: list[str] = []
    fence: str | None = None
    state = "start"  # start | para | container | other
    for line in text.split("\n"):
        if fence:
            fence = None if closes_fence(line, fence) else fence
        elif open_fence(line):
            fence, state = open_fence(line), "other"
        elif not line.strip():
            state = "start"
        elif state != "container":
            interrupts = _INTERRUPT.match(line)
            if state == "para" and interrupts:
                out.append("")
            state = "container" if _CONTAINER.match(line) else "other" if interrupts else "para"
        out.append(line)
    return "\n".join(out)


def lone_image(written: str, preview: str) -> str:
    """Keep an image alone in its paragraph from becoming pandoc's figure (captioned by alt).

    The app captions it with its title; a word joiner after it makes the paragraph more
    than the image in pandoc and shows nothing anywhere.
    """
    if _LONE_IMAGE.fullmatch(preview.strip()) and written.rstrip().endswith(")"):
        return written.rstrip() + WORD_JOINER
    return written


def _flanked(text: str, i: int, run: str) -> str:
    """Return an emphasis run written so CommonMark pairs it as the preview does.

    `**‘탐사보도’**라는`: a run between punctuation and a letter cannot close (or, the other
    way round, open) by CommonMark's flanking rule, so readers print the asterisks. An
    invisible word joiner written as an entity (`&` counts as punctuation there) on the
    letter's side makes it flank, and shows nothing.
    """
    before = text[i - 1] if i else " "
    after = text[i + len(run)] if i + len(run) < len(text) else " "
    if run[0] == "_":
        return run
    if _is_punct(before) and after.isalnum():
        return run + WORD_JOINER
    if before.isalnum() and _is_punct(after):
        return WORD_JOINER + run
    return run


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"
