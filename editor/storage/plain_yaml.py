"""An exact reader for the plain front matter this app writes; PyYAML reads everything else.

Importing PyYAML (its reader, scanner, parser, composer, constructor, resolver, emitter and
C extension) is ~45 M instructions of every start, inside the window's first frame: the
sample's front matter is read before the window is shown. What `safeyaml.dump` writes is a
small part of YAML — block mappings and sequences, one-line plain and quoted scalars, `|`
literals — and this module reads that part the way PyYAML's SafeLoader does, to the same
values of the same types: the scanner's rules for plain and block scalars and the
resolver's patterns are PyYAML 6's. Anything else — a comment, a tab, a flow collection, an
anchor, a tag, a multi-line plain or quoted scalar, a date that is not quoted, an
indentation indicator, a character PyYAML refuses, a key that is not text —
raises `Unsupported`, and the caller hands the text to PyYAML, whose answer (or error) is
then the answer. Tests hold the two equal over the app's files and many generated ones.
"""

from __future__ import annotations

import re
from typing import Any

MAX_YAML_BYTES = 1 << 20  # front matter larger than 1 MiB is not a reporter's (both readers)
# What PyYAML's reader refuses, what YAML 1.1 also breaks lines at (NEL, U+2028, U+2029),
# the BOM, tab and CR: the complement of TAKEN, written as short ranges (a negated class
# reaching U+10FFFF takes sre ~9 ms to compile; tests compare the two at every code point).
TAKEN = "[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
_UNTAKEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_KEY = re.compile(r"(.*?):(?: |$)")  # a key ends at the first ": " (or a final ":")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_LITERALS = {"|": None, "|-": False, "|+": True}  # chomping: clip, strip, keep
_SIMPLE_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_SIMPLE_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+\Z")
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
# PyYAML's implicit resolvers (yaml/resolver.py), in the order it tries them.
_RESOLVERS = (
    ("bool", "yYnNtTfFoO", r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$"""),
    ("float", "-+0123456789.", r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$"""),
    ("int", "-+0123456789", r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"""),
    ("merge", "<", r"^(?:<<)$"),
    ("null", "~nN", r"""^(?: ~
                    |null|Null|NULL
                    | )$"""),
    ("timestamp", "0123456789", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"""),
    ("value", "=", r"^(?:=)$"),
)  # fmt: skip
_COMPILED: list[tuple[str, str, re.Pattern[str]]] = []


class Unsupported(Exception):  # noqa: N818 - not an error: "PyYAML reads this one"
    """Text this reader does not take as a whole: PyYAML reads it instead."""


def read(text: str) -> dict[str, Any]:
    """Return the mapping a front matter holds, as PyYAML's SafeLoader builds it.

    Raises:
        Unsupported: the text is not wholly in the part of YAML read here.
    """
    if not text or len(text.encode("utf-8", "surrogatepass")) > MAX_YAML_BYTES:
        raise Unsupported  # PyYAML's path says why
    if _UNTAKEN.search(text):
        raise Unsupported
    reader = _Reader(text.split("\n"))
    result = reader.mapping(0)
    if reader.pos != len(reader.lines):
        raise Unsupported
    return result


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_entry(body: str) -> bool:
    return body == "-" or body.startswith("- ")


class _Reader:
    """Read block collections line by line; raise Unsupported at the first doubt."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.pos = 0

    def _next_indent(self) -> int:
        """Return the next line's indentation (-1 at the end); refuse a blank line."""
        if self.pos >= len(self.lines):
            return -1
        line = self.lines[self.pos]
        if not line.strip(" ") or line.startswith(("---", "...")):
            raise Unsupported  # blank lines fold scalars; markers end the document
        return _indent(line)

    def mapping(self, indent: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while (found := self._next_indent()) >= indent:
            body = self.lines[self.pos][found:]
            if found > indent or _is_entry(body):
                raise Unsupported
            match = _KEY.match(body)
            if not match:
                raise Unsupported
            key = _plain(match.group(1))
            if not isinstance(key, str):
                raise Unsupported
            self.pos += 1
            # A repeated key keeps its first place and takes the last value, as PyYAML's
            # construct_mapping assigning into a dict does.
            result[key] = self._value(body[match.end() :].lstrip(" "), indent)
        return result

    def _value(self, rest: str, indent: int) -> Any:
        """Read what follows `key:` in a mapping at indent."""
        if rest in _LITERALS:
            return self._literal(_LITERALS[rest], indent)
        if rest:
            return self._scalar(rest, indent)
        found = self._next_indent()
        if found < indent:
            return None
        body = self.lines[self.pos][found:]
        if _is_entry(body) and found >= indent:
            return self._sequence(found)
        if found > indent:
            return self.mapping(found)
        return None  # the mapping's next key

    def _sequence(self, indent: int) -> list[Any]:
        items: list[Any] = []
        while self._next_indent() == indent and _is_entry(self.lines[self.pos][indent:]):
            body = self.lines[self.pos][indent + 2 :]
            if not body or body.startswith(" "):
                raise Unsupported
            if body in _LITERALS:  # PyYAML's indent is the dash's column here too
                self.pos += 1
                items.append(self._literal(_LITERALS[body], indent))
            elif body[0] not in "'\"" and _KEY.match(body):  # "- key: value": a mapping
                self.lines[self.pos] = " " * (indent + 2) + body
                items.append(self.mapping(indent + 2))
            else:
                self.pos += 1
                items.append(self._scalar(body, indent))
        if self._next_indent() > indent:
            raise Unsupported
        return items

    def _scalar(self, text: str, indent: int) -> Any:
        """Read a one-line scalar; the next line must not carry it on."""
        if self._next_indent() > indent:
            raise Unsupported  # a multi-line scalar (or a mapping PyYAML would refuse)
        if text[0] == "'":
            inner = text[1:-1]
            if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
                raise Unsupported
            return inner.replace("''", "'")
        if text[0] == '"':
            inner = text[1:-1]
            if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
                raise Unsupported
            return inner
        if text == "[]":
            return []
        if text == "{}":
            return {}
        return _plain(text)

    def _literal(self, keep: bool | None, indent: int) -> str:
        """Read a `|` block scalar as PyYAML's scan_block_scalar does (no indicator digit).

        keep: None clips the final line break, False strips it, True keeps the breaks.
        """
        lines, j = self.lines, self.pos
        if j >= len(lines) or not lines[j].strip(" ") or _indent(lines[j]) <= indent:
            raise Unsupported  # empty, or leading blank lines: left to PyYAML
        width = _indent(lines[j])
        margin = " " * width
        chunks, breaks = [lines[j][width:]], 0
        j += 1
        line_break = "\n" if j < len(lines) else ""  # the break after the last content line
        while j < len(lines):
            line = lines[j]
            if len(line) > width and line.startswith(margin):  # content (spaces past it too)
                chunks += [line_break, "\n" * breaks, line[width:]]
                breaks = 0
                j += 1
                line_break = "\n" if j < len(lines) else ""
            elif len(line) <= width and not line.strip(" ") and j + 1 < len(lines):
                breaks += 1  # a blank line inside or after the block
                j += 1
            else:
                break
        self.pos = j
        if self._next_indent() > indent:
            raise Unsupported
        text = "".join(chunks)
        if keep is not False:
            text += line_break
        if keep is True:
            text += "\n" * breaks
        return text


def _resolve(text: str) -> str:
    """Return the tag PyYAML's resolver gives a plain scalar ("str" when none matches)."""
    if not _COMPILED:
        _COMPILED.extend((t, c, re.compile(p, re.X)) for t, c, p in _RESOLVERS)
    for tag, first, pattern in _COMPILED:
        if text[0] in first and pattern.match(text):
            return tag
    return "str"


def _plain(text: str) -> Any:
    """Return a one-line plain scalar's value, as PyYAML's scanner and constructor give it."""
    if (
        not text
        or text[0] == " "
        or text[-1] in " :"
        or ": " in text
        or " #" in text
        or (text[0] in _INDICATORS and not (text[0] == "-" and len(text) > 1 and text[1] != " "))
    ):
        raise Unsupported
    tag = _resolve(text)
    if tag == "str":
        return text
    if tag == "bool":
        return _BOOLS[text.lower()]
    if tag == "null":
        return None
    if tag == "int" and _SIMPLE_INT.match(text):
        return int(text)
    if tag == "float" and _SIMPLE_FLOAT.match(text):
        return float(text)
    raise Unsupported  # other numbers, dates, merge keys: PyYAML's own constructors
