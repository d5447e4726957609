"""Hunspell .aff files as unpacked for the spell check: affix rules said twice, said once.

spellcheck-ko 0.7.92 repeats 4,236 of its 98,577 suffix rules word for word within the same
flag. Hunspell keeps every line as an entry of its own (~400 bytes with its strings) and
tries each in turn, so a repeated one gives the same verdict again and costs ~1.7 MB of the
spell process (docs/performance.md). The vendored file stays Debian's; this runs on unpack.
"""

from __future__ import annotations

AFFIX_KINDS = (b"PFX", b"SFX")


def without_repeated_affixes(aff: bytes) -> bytes:
    """Return an .aff file with each flag's repeated affix lines dropped and its count fixed.

    A block is a header `SFX flag Y|N count` and the `count` lines after it, as Hunspell
    reads them. A block that does not look like that is left exactly as it is.
    """
    lines = aff.split(b"\n")
    out: list[bytes] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        header = _header(line)
        if header is None:
            out.append(line)
            index += 1
            continue
        kind, flag, count = header
        block = lines[index + 1 : index + 1 + count]
        if len(block) < count or any(entry.split()[:2] != [kind, flag] for entry in block):
            out.append(line)  # not a block Hunspell would read as one: keep it all
            index += 1
            continue
        kept, seen = [], set()
        for entry in block:
            fields = tuple(entry.split())
            if fields not in seen:
                seen.add(fields)
                kept.append(entry)
        out.append(line if len(kept) == count else _with_count(line, len(kept)))
        out.extend(kept)
        index += 1 + count
    return b"\n".join(out)


def _header(line: bytes) -> tuple[bytes, bytes, int] | None:
    """Return (kind, flag, count) of an affix block's header line, or None."""
    parts = line.split()
    if len(parts) != 4 or parts[0] not in AFFIX_KINDS or parts[2] not in (b"Y", b"N"):
        return None
    return (parts[0], parts[1], int(parts[3])) if parts[3].isdigit() else None


def _with_count(line: bytes, count: int) -> bytes:
    """Return a header line with another count (its other fields as they were)."""
    parts = line.split()
    return b" ".join([*parts[:3], str(count).encode()])
