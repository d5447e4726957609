"""Strip metadata from animations without re-encoding a frame: GIF, APNG and WebP containers.

The export keeps animations as they are (re-encoding drops frames or bloats them), so the
metadata is removed at the container level: GIF comment and foreign application blocks
(XMP), PNG text, EXIF and time chunks, WebP EXIF and XMP chunks. What makes the pictures
(frames, palettes, timing, colour profile) is kept byte for byte.
"""

from __future__ import annotations

import struct

from editor.core.errors import ErrorCode, ImageError

# PNG chunks that draw the picture or its animation; every other ancillary chunk goes.
_PNG_KEEP = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP",
    b"sBIT", b"bKGD", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_GIF_LOOPING = (b"NETSCAPE2.0", b"ANIMEXTS1.0")  # the loop count; every other app block goes
_WEBP_DROP = {b"EXIF", b"XMP "}


def strip_metadata(data: bytes, fmt: str, name: str = "image") -> bytes:
    """Return an animation's bytes with every metadata block removed.

    Raises:
        ImageError: the container is damaged.
    """
    try:
        if fmt == "PNG":
            return _png(data)
        if fmt == "GIF":
            return _gif(data)
        if fmt == "WEBP":
            return _webp(data)
    except (IndexError, struct.error, ValueError) as exc:
        raise ImageError(ErrorCode.ANIMATION_DAMAGED, path=name, reason=str(exc)) from exc
    return data


def _png(data: bytes) -> bytes:
    if not data.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG")
    out, pos = [_PNG_SIGNATURE], len(_PNG_SIGNATURE)
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise ValueError("truncated chunk")
        if kind in _PNG_KEEP:
            out.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            break
    return b"".join(out)


def _gif_sub_blocks(data: bytes, pos: int) -> int:
    """Return the position after a run of GIF data sub-blocks starting at pos."""
    while data[pos]:
        pos += data[pos] + 1
    return pos + 1


def _gif(data: bytes) -> bytes:
    if data[:3] != b"GIF":
        raise ValueError("not a GIF")
    flags = data[10]
    pos = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    out = [data[:pos]]
    while True:
        introducer = data[pos]
        if introducer == 0x3B:  # trailer
            out.append(b"\x3b")
            return b"".join(out)
        if introducer == 0x2C:  # image: descriptor, local colour table, LZW code size, data
            local = data[pos + 9]
            start = pos
            pos += 10 + (3 * 2 ** ((local & 7) + 1) if local & 0x80 else 0) + 1
            pos = _gif_sub_blocks(data, pos)
            out.append(data[start:pos])
        elif introducer == 0x21:
            label, start = data[pos + 1], pos
            pos = _gif_sub_blocks(data, pos + 2)
            app = data[start + 3 : start + 14] if label == 0xFF else b""
            if label in (0xF9, 0x01) or (label == 0xFF and app in _GIF_LOOPING):
                out.append(data[start:pos])  # graphic control, plain text, loop count
        else:
            raise ValueError(f"unknown GIF block {introducer:#x}")


def _webp(data: bytes) -> bytes:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise ValueError("not a WebP")
    chunks, pos = [], 12
    while pos + 8 <= len(data):
        kind = data[pos : pos + 4]
        (size,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        end = pos + 8 + size + (size & 1)
        if kind not in _WEBP_DROP:
            chunk = data[pos:end]
            if kind == b"VP8X":  # say there is no EXIF (bit 3) and no XMP (bit 2) any more
                chunk = chunk[:8] + bytes([chunk[8] & ~0x0C]) + chunk[9:]
            chunks.append(chunk)
        pos = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body
