"""Per-run .aff files for `check`: only the suffix rules the words being checked could reach.

spellcheck-ko's .aff holds 94,341 suffix rules, and Hunspell parses and sorts every one of them
on each load (~0.7 s of CPU and ~40 MB; docs/performance.md, "Issue 17, session 8"). A suffix
rule can act on a word only when its append string ends a string Hunspell looks at: the word
after ICONV, a compound part of it (a substring), or, for a twofold suffix, such a string with
the outer suffix's append taken off and its strip put back. `check` knows its words, so it
gives Hunspell the .aff with every other line as it was and, of each flag's rules, those whose
append is a substring of one of those strings, in their order (Hunspell's suffix lists try
equal appends in file order, so the ones kept are tried as before). The editor's spell process
keeps the whole file: it suggests, and suggestions search every rule.

An index built once beside the unpacked dictionary finds the rules by the last KEY_LENGTH
characters of their append, so a run reads a few hundred lines of the .aff, not 14 MB. A file
with anything this reasoning does not cover (a prefix rule, IGNORE, compound patterns, a
positional or multi-character ICONV, ...) is never filtered: `filtered_aff` returns None.
"""

from __future__ import annotations

import bisect
import json
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editor.storage.atomic import atomic_write

INDEX_VERSION = 2  # part of the index's name: a new layout builds it anew
KEY_LENGTH = 6  # rules are found by their append's last 6 characters (~2,150 buckets)
# What Hunspell reads without making any string to check other than the word and its
# substrings with suffixes stripped (affixmgr.cxx, hunspell.cxx 1.7): anything else, not filtered.
KNOWN_OPTIONS = frozenset(
    ("SET", "LANG", "FLAG", "WORDCHARS", "AF", "AM", "FORBIDDENWORD", "TRY", "KEY", "REP")
    + ("MAP", "MAXCPDSUGS", "MAXNGRAMSUGS", "MAXDIFF", "ONLYMAXDIFF", "NOSUGGEST", "VERSION")
    + ("KEEPCASE", "NEEDAFFIX", "ONLYINCOMPOUND", "COMPOUNDMIN", "COMPOUNDRULE", "ICONV")
    + ("OCONV", "COMPOUNDMORESUFFIXES", "COMPOUNDWORDMAX", "NOSPLITSUGS", "SUGSWITHDOTS")
)
HANGUL = ("\uac00", "\ud7a3")


@dataclass
class AffixIndex:
    """Where each suffix rule of one .aff lies, found by its append's ending."""

    aff: Path
    path: Path
    blocks: list[list]  # [header without its count, start, end] in file order
    buckets: dict[str, list[int]]  # last KEY_LENGTH characters -> [offset, length]
    iconv: dict[str, str] | None  # None: ICONV decomposes every Hangul syllable (NFD)
    longest: int  # the longest append, in characters
    payload: int  # where the buckets start in the index file
    _read: dict[str, tuple[dict, list[int]]] = field(default_factory=dict)

    def rules(self, key: str, handle: int) -> tuple[dict[str, list[tuple[str, int, int]]], list]:
        """Return the bucket of key (append -> [(strip, start, length)]) and its appends' lengths."""
        if key not in self._read:
            bucket: dict[str, list[tuple[str, int, int]]] = {}
            offset, length = self.buckets.get(key, (0, 0))
            if length:
                text = os.pread(handle, length, self.payload + offset).decode("utf-8")
                for line in text.split("\n"):
                    append, strip, start, size = line.split("\t")
                    bucket.setdefault(append, []).append((strip, int(start), int(size)))
            self._read[key] = (bucket, sorted({len(a) for a in bucket if len(a) >= KEY_LENGTH}))
        return self._read[key]

    def convert(self, word: str) -> str:
        """Return word as Hunspell compares it: through the .aff's ICONV table."""
        if self.iconv is not None:
            return "".join(self.iconv.get(c, c) for c in word)
        return "".join(
            unicodedata.normalize("NFD", c) if HANGUL[0] <= c <= HANGUL[1] else c for c in word
        )


def index_path(aff: Path) -> Path:
    """Return where the index of an unpacked .aff lives (beside it)."""
    return aff.with_name(f"{aff.stem}.affix-index-{INDEX_VERSION}")


def load_index(aff: Path) -> AffixIndex | None:
    """Return the index of aff, building it first if needed (None: not a file to filter)."""
    path = index_path(aff)
    stat = aff.stat()
    try:
        with path.open("rb") as handle:
            first = handle.readline()
        header = json.loads(first)
        if header["source"] != [stat.st_size, stat.st_mtime_ns]:
            raise ValueError("the .aff changed")
    except (OSError, ValueError, KeyError, TypeError):
        header, payload = build_index(aff.read_bytes())
        header["source"] = [stat.st_size, stat.st_mtime_ns]
        first = json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n"
        atomic_write(path, first + payload)
    if not header.get("filterable"):
        return None
    return AffixIndex(
        aff,
        path,
        header["blocks"],
        header["buckets"],
        header["iconv"],
        header["longest"],
        len(first),
    )


def build_index(aff: bytes) -> tuple[dict, bytes]:
    """Return an index header and its buckets for an .aff (header["filterable"] says if usable)."""
    try:
        aff.decode("utf-8")
    except UnicodeDecodeError:
        return {"filterable": False, "why": "not UTF-8"}, b""
    if any(c in aff for c in (b"\r", b"\v", b"\f")):  # Hunspell splits on space and tab
        return {"filterable": False, "why": "whitespace Hunspell does not split on"}, b""
    lines, starts, position = aff.split(b"\n"), [], 0
    for line in lines:
        starts.append(position)
        position += len(line) + 1
    scan = _scan(lines, starts)
    if isinstance(scan, str):
        return {"filterable": False, "why": scan}, b""
    blocks, rules, iconv, outer = scan
    buckets: dict[str, list[str]] = {}
    for append, strip, start, size, flag in rules:
        twofold = outer is None or not flag.isdigit() or str(int(flag)) in outer
        strip = strip if twofold else ""  # no second suffix follows it: see _outer_flags
        buckets.setdefault(append[-KEY_LENGTH:], []).append(f"{append}\t{strip}\t{start}\t{size}")
    payload, table = bytearray(), {}
    for key, entries in buckets.items():
        data = "\n".join(entries).encode("utf-8")
        table[key] = [len(payload), len(data)]
        payload += data
    header = {
        "filterable": True,
        "blocks": blocks,
        "buckets": table,
        "iconv": None if _decomposes_hangul(iconv) else iconv,
        "longest": max((len(r[0]) for r in rules), default=0),
    }
    return header, bytes(payload)


def _scan(lines: list[bytes], starts: list[int]) -> tuple[list, list, dict, set | None] | str:
    """Return the blocks, rules, ICONV table and outer flags, or why the file is not filtered."""
    blocks, rules, iconv, index = [], [], {}, 0
    options: dict[str, list[list[str]]] = {}
    while index < len(lines):
        line = lines[index]
        fields = [f.decode("utf-8") for f in line.split()]  # space and tab, as Hunspell
        if not fields or fields[0].startswith("#"):
            index += 1
            continue
        if line[:1] in (b" ", b"\t"):
            return f"a line that opens with a blank (line {index + 1})"
        if fields[0] == "SFX":
            parsed = _block(lines, index, fields)
            if parsed is None:
                return f"an SFX block Hunspell may read otherwise (line {index + 1})"
            end = index + len(parsed)
            blocks.append([" ".join(fields[:3]), starts[index], starts[end] + len(lines[end])])
            for offset, (append, strip, _) in enumerate(parsed, start=index + 1):
                if "." in append:  # a wildcard in Hunspell's comparison: cannot be indexed
                    return "an append with '.'"
                rules.append((append, strip, starts[offset], len(lines[offset]), fields[1]))
            options.setdefault("continuations", []).append([c for *_, c in parsed])
            index = end + 1
            continue
        if fields[0] not in KNOWN_OPTIONS:
            return f"{fields[0]} (not filtered)"
        options.setdefault(fields[0], []).append(fields[1:])
        if fields[0] == "ICONV":
            if iconv or len(fields) != 2 or not fields[1].isdigit():
                return f"an ICONV table Hunspell may read otherwise (line {index + 1})"
            table = _iconv(lines[index + 1 : index + 1 + int(fields[1])], int(fields[1]))
            if table is None:
                return "a positional or multi-character ICONV"
            iconv, index = table, index + int(fields[1])
        index += 1
    return blocks, rules, iconv, _outer_flags(options)


def _iconv(lines: list[bytes], count: int) -> dict[str, str] | None:
    """Return an ICONV table's entries (the count lines after its header), or None if odd."""
    table = {}
    for line in lines:
        fields = [f.decode("utf-8") for f in line.split()]
        if len(fields) != 3 or fields[0] != "ICONV" or len(fields[1]) != 1:
            return None
        if "_" in fields[1] + fields[2]:  # Hunspell reads _ as a place, or a space
            return None
        table[fields[1]] = fields[2]
    return table if count and len(table) == count else None


def _outer_flags(options: dict[str, list[list[str]]]) -> set[str] | None:
    """Return the flags whose rules a second suffix may follow (None: any, as far as known).

    Hunspell tries a twofold suffix only where the outer rule's flag is some rule's
    continuation class (contclasses, affixmgr.cxx). Worked out for FLAG num, with or
    without AF aliases (numbers into the AF table); for other flag types every rule counts.
    """
    if options.get("FLAG") != [["num"]]:
        return None
    aliases = [row[0].split(",") for row in options.get("AF", [])[1:] if row]
    flags: set[str] = set()
    for text in {c for block in options.get("continuations", []) for c in block if c}:
        if aliases:  # a number into the AF table (1-based; Hunspell ignores one outside)
            if not (text.isascii() and text.isdigit()):
                return None
            chosen = aliases[int(text) - 1] if 1 <= int(text) <= len(aliases) else []
        else:
            chosen = text.split(",")
        if not all(f.isascii() and f.isdigit() for f in chosen):
            return None
        flags.update(str(int(f)) for f in chosen)
    return flags


def _block(lines: list[bytes], index: int, fields: list[str]) -> list | None:
    """Return each rule's append, strip and continuation of an SFX block (None: irregular)."""
    if len(fields) != 4 or fields[2] not in ("Y", "N") or not fields[3].isdigit():
        return None
    count, flag = int(fields[3]), fields[1].encode("utf-8")
    entries = []
    for line in lines[index + 1 : index + 1 + count]:
        parts = line.split()  # bytes: space and tab here (\r, \v, \f were ruled out)
        if len(parts) < 5 or parts[0] != b"SFX" or parts[1] != flag:
            return None
        append, _, continuation = parts[3].decode("utf-8").partition("/")
        strip = "" if parts[2] == b"0" else parts[2].decode("utf-8")
        entries.append(("" if append == "0" else append, strip, continuation))
    return entries if count and len(entries) == count else None


def _decomposes_hangul(iconv: dict[str, str]) -> bool:
    """Tell whether an ICONV table is exactly NFD over the 11,172 Hangul syllables."""
    if len(iconv) != 11172:
        return False
    return all(
        HANGUL[0] <= c <= HANGUL[1] and unicodedata.normalize("NFD", c) == out
        for c, out in iconv.items()
    )


def filtered_aff(aff: Path, words: Iterable[str]) -> bytes | None:
    """Return aff with only the suffix rules that words could reach (None: load it whole).

    Every line but the suffix rules is kept as it is; a flag left with no rule loses its
    block (Hunspell refuses a block of none); each block's count says what it keeps.
    """
    index = load_index(aff)
    if index is None:
        return None
    strings = {index.convert(w) for w in words}
    handle = os.open(index.path, os.O_RDONLY)
    try:
        kept: set[tuple[int, int]] = set()
        # A compound part may end anywhere in a word: every substring may carry a suffix.
        ends = {(text, end) for text in strings for end in range(len(text) + 1)}
        stripped = _match(index, handle, ends, kept)
        # A twofold suffix: the second is tried on the end of what the first leaves.
        _match(index, handle, {(text, len(text)) for text in stripped}, kept)
    finally:
        os.close(handle)
    return _assemble(index, sorted(kept))


def _match(index: AffixIndex, handle: int, ends: set[tuple[str, int]], kept: set) -> set[str]:
    """Keep the rules whose append ends text at end; return what each leaves, strip put back.

    What is returned is cut to the characters a second suffix could reach (the longest append).
    """
    derived: set[str] = set()
    for text, end in ends:
        found = []
        for size in range(min(end, KEY_LENGTH - 1) + 1):  # a short append is its own key
            piece = text[end - size : end]
            found.append((size, index.rules(piece, handle)[0].get(piece)))
        if end >= KEY_LENGTH:
            bucket, lengths = index.rules(text[end - KEY_LENGTH : end], handle)
            found += [(n, bucket.get(text[end - n : end])) for n in lengths if n <= end]
        for size, rules in found:
            for strip, start, length in rules or ():
                kept.add((start, length))
                if strip:  # without one, what is left ends where this round looked already
                    begin = end - size
                    derived.add(text[max(0, begin - index.longest) : begin] + strip)
    return derived


def _assemble(index: AffixIndex, kept: list[tuple[int, int]]) -> bytes:
    """Return the .aff with each block holding only the kept rules (kept in file order)."""
    starts = [block[1] for block in index.blocks]
    chosen: dict[int, list[tuple[int, int]]] = {}
    for start, size in kept:
        chosen.setdefault(bisect.bisect_right(starts, start) - 1, []).append((start, size))
    out, previous = bytearray(), 0
    with index.aff.open("rb") as aff:
        handle = aff.fileno()
        for number, (header, start, end) in enumerate(index.blocks):
            out += os.pread(handle, start - previous, previous)
            previous = end
            rules = chosen.get(number)
            if rules:
                out += f"{header} {len(rules)}".encode()
                opening = header.rsplit(" ", 1)[0].encode("utf-8") + b" "  # "SFX flag "
                for rule_start, size in rules:
                    line = os.pread(handle, size, rule_start)
                    if not start < rule_start < end or not line.startswith(opening):
                        raise ValueError("the affix index does not match the .aff")
                    out += b"\n" + line
        out += _rest(handle, previous)
    return bytes(out)


def _rest(handle: int, start: int) -> bytes:
    """Return a file's bytes from start to its end."""
    return os.pread(handle, max(os.fstat(handle).st_size - start, 0), start)
