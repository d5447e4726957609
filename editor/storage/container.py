"""The .article file: a zip of a page bundle plus the editor's private folder."""

from __future__ import annotations

import io
import posixpath
import re
import stat
import zipfile
import zlib
from typing import Any

from editor.core.errors import DocumentError, ErrorCode, UnsafeDocumentError
from editor.core.model import Article
from editor.storage import frontmatter
from editor.storage.names import clean_member_name

INDEX = "index.md"
PRIVATE_DIR = ".editor"  # reserved: revision history, desk notes; never exported
MAX_ENTRIES = 2000
MAX_ENTRY_BYTES = 256 << 20
MAX_TOTAL_BYTES = 1 << 30
MAX_INDEX_BYTES = 32 << 20
MAX_RATIO = 200  # a deflated entry may grow at most 200-fold (beyond its first MiB)
# The whole document may unpack to this floor plus MAX_TOTAL_RATIO times its packed size: room
# for a 32 MiB body and its history that compress very well, while a 1 MB file cannot become
# a gigabyte (entries under 1 MiB escape the per-entry ratio, but not this one).
RATIO_FLOOR = 96 << 20
MAX_TOTAL_RATIO = 20
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_PRIVATE_KEY = re.compile(r"^[a-z0-9_-]{1,64}$")
_STORED_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")


def read(data: bytes, name: str = "document") -> Article:
    """Open an .article from its bytes, checking every entry before trusting it.

    Raises:
        DocumentError: not a zip, truncated, or no index.md.
        UnsafeDocumentError: traversal, links, or a zip bomb.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError as exc:
        raise DocumentError(ErrorCode.ZIP_UNSUPPORTED, path=name, reason=str(exc)) from exc
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, *_ZIP_ERRORS) as exc:
        raise DocumentError(ErrorCode.NOT_A_DOCUMENT, path=name) from exc
    with archive:
        members = _checked_members(archive, name, len(data))
        if INDEX not in members:
            raise DocumentError(ErrorCode.NO_INDEX, path=name)
        files = {n: _read_member(archive, n, info, name) for n, info in members.items()}
    article = frontmatter.parse(_decode(files.pop(INDEX), name))
    for member, content in files.items():
        if member.startswith(PRIVATE_DIR + "/"):
            key = posixpath.splitext(member[len(PRIVATE_DIR) + 1 :])[0]
            if _PRIVATE_KEY.match(key):
                article.private[key] = _private_json(content, member, name)
        else:
            article.images[member] = content
    return article


def write(article: Article) -> bytes:
    """Serialise an article as .article bytes: same input, same bytes.

    The result passes the reader's own checks, or nothing is returned: the app never writes
    a document it would then refuse to open.

    Raises:
        DocumentError: the article is beyond a limit of the reader (named in the message).
    """
    data = _build(article)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _checked_members(archive, "document", len(data))
    except UnsafeDocumentError as exc:
        raise UnsafeDocumentError(ErrorCode.REOPEN_FAILED, reason=exc) from exc
    return data


def _build(article: Article) -> bytes:
    import json  # here and in _private_json: not for the page bundle opened at start

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _put(archive, INDEX, frontmatter.render(article).encode("utf-8"))
        for member in sorted(article.images):
            _put(archive, clean_member_name(member), article.images[member])
        for key in sorted(article.private):
            if not _PRIVATE_KEY.match(key):
                raise DocumentError(ErrorCode.PRIVATE_KEY_BAD, key=key)
            blob = json.dumps(article.private[key], ensure_ascii=False, indent=1, sort_keys=True)
            _put(archive, f"{PRIVATE_DIR}/{key}.json", blob.encode("utf-8"))
    return buffer.getvalue()


def _put(archive: zipfile.ZipFile, member: str, data: bytes) -> None:
    info = zipfile.ZipInfo(member, date_time=ZIP_TIME)
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    stored = member.lower().endswith(_STORED_SUFFIXES)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _checked_members(
    archive: zipfile.ZipFile, name: str, packed: int
) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnsafeDocumentError(
            ErrorCode.TOO_MANY_ENTRIES, path=name, count=len(infos), limit=MAX_ENTRIES
        )
    total = 0
    members: dict[str, zipfile.ZipInfo] = {}
    folded: set[str] = set()
    for info in infos:
        if not info.filename:
            raise UnsafeDocumentError(ErrorCode.ENTRY_UNNAMED, path=name)
        if info.is_dir():
            continue
        clean = _checked_name(info, name)
        _check_size(info, clean, name)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnsafeDocumentError(ErrorCode.UNPACKS_TOO_LARGE, path=name)
        if total > RATIO_FLOOR + MAX_TOTAL_RATIO * packed:
            raise UnsafeDocumentError(ErrorCode.ZIP_BOMB, path=name)
        if clean.casefold() in folded:  # NFC, Windows-safe and case-insensitive: one name
            raise UnsafeDocumentError(ErrorCode.ENTRY_TWICE, path=name, name=clean)
        folded.add(clean.casefold())
        members[clean] = info
    return members


def _checked_name(info: zipfile.ZipInfo, name: str) -> str:
    """Return the entry's clean name, refusing links, absolute paths and traversal."""
    raw = info.filename
    if stat.S_ISLNK(info.external_attr >> 16):
        raise UnsafeDocumentError(ErrorCode.ENTRY_LINK, path=name, name=raw)
    if raw.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", raw) or "\\" in raw:
        raise UnsafeDocumentError(ErrorCode.ENTRY_ABSOLUTE, path=name, name=raw)
    parts = raw.split("/")
    if ".." in parts or "" in parts or "." in parts:
        raise UnsafeDocumentError(ErrorCode.ENTRY_LEAVES, path=name, name=raw)
    clean = clean_member_name(raw)
    if not clean or "\0" in raw:
        raise UnsafeDocumentError(ErrorCode.ENTRY_UNUSABLE, path=name, name=raw)
    return clean


def _limit(clean: str) -> int:
    return MAX_INDEX_BYTES if clean.casefold() == INDEX else MAX_ENTRY_BYTES


def _check_size(info: zipfile.ZipInfo, clean: str, name: str) -> None:
    if info.file_size > _limit(clean):
        raise UnsafeDocumentError(
            ErrorCode.ENTRY_TOO_LARGE, path=name, name=clean, size=info.file_size
        )
    # index.md is capped at MAX_INDEX_BYTES already, and a long repetitive body (a pasted
    # table, a log) deflates past any ratio: checking it refused files the app had written.
    # The editor's own data (a history of that body) is the same text; the whole-document
    # ratio in _checked_members bounds them all.
    squeezed = info.file_size > MAX_RATIO * max(info.compress_size, 1)
    text = clean == INDEX or clean.startswith(PRIVATE_DIR + "/")
    if not text and info.file_size > (1 << 20) and squeezed:
        raise UnsafeDocumentError(ErrorCode.ENTRY_COMPRESSED, path=name, name=clean)


_ZIP_ERRORS = (NotImplementedError, RuntimeError, zipfile.LargeZipFile, KeyError, TypeError)


def _read_member(archive: zipfile.ZipFile, clean: str, info: zipfile.ZipInfo, name: str) -> bytes:
    limit = _limit(clean)
    try:
        with archive.open(info) as handle:
            content = handle.read(limit + 1)  # never trust the declared size alone
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, *_ZIP_ERRORS) as exc:
        raise DocumentError(
            ErrorCode.ENTRY_DAMAGED, path=name, name=clean, reason=str(exc)
        ) from exc
    if len(content) > limit:
        raise UnsafeDocumentError(ErrorCode.ENTRY_LARGER, path=name, name=clean)
    return content


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(ErrorCode.INDEX_NOT_UTF8, path=name, byte=exc.start) from exc


def _private_json(data: bytes, member: str, name: str) -> Any:
    import json

    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DocumentError(ErrorCode.EDITOR_DATA_DAMAGED, path=name, name=member) from exc
