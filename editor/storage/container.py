"""The .article file: a zip of a page bundle plus the editor's private folder."""

from __future__ import annotations

import io
import json
import posixpath
import re
import stat
import zipfile
from typing import Any

from editor.core.errors import DocumentError, UnsafeDocumentError
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
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise DocumentError(
            "This is not an Article Editor document (not a zip file, or it is truncated).",
            path=name,
        ) from exc
    with archive:
        members = _checked_members(archive, name)
        if INDEX not in members:
            raise DocumentError("The document has no index.md.", path=name)
        files = {n: _read_member(archive, info, name) for n, info in members.items()}
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
    """Serialise an article as .article bytes: same input, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        _put(archive, INDEX, frontmatter.render(article).encode("utf-8"))
        for member in sorted(article.images):
            _put(archive, clean_member_name(member), article.images[member])
        for key in sorted(article.private):
            if not _PRIVATE_KEY.match(key):
                raise DocumentError(f"Private data key {key!r} is not allowed.")
            blob = json.dumps(article.private[key], ensure_ascii=False, indent=1, sort_keys=True)
            _put(archive, f"{PRIVATE_DIR}/{key}.json", blob.encode("utf-8"))
    return buffer.getvalue()


def _put(archive: zipfile.ZipFile, member: str, data: bytes) -> None:
    info = zipfile.ZipInfo(member, date_time=ZIP_TIME)
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    stored = member.lower().endswith(_STORED_SUFFIXES)
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _checked_members(archive: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnsafeDocumentError(
            f"The document has {len(infos)} entries; the limit is {MAX_ENTRIES}.", path=name
        )
    total = 0
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        raw = info.filename
        if info.is_dir():
            continue
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise UnsafeDocumentError(f"The document contains a link ({raw}).", path=name)
        if raw.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", raw) or "\\" in raw:
            raise UnsafeDocumentError(f"The document contains an absolute path ({raw}).", path=name)
        parts = raw.split("/")
        if ".." in parts or "" in parts or "." in parts:
            raise UnsafeDocumentError(
                f"The document contains a path that leaves it ({raw}).", path=name
            )
        limit = MAX_INDEX_BYTES if raw == INDEX else MAX_ENTRY_BYTES
        if info.file_size > limit:
            raise UnsafeDocumentError(
                f"The entry {raw} is too large ({info.file_size} bytes).", path=name
            )
        # index.md is capped at MAX_INDEX_BYTES already, and a long repetitive body (a pasted
        # table, a log) deflates past any ratio: checking it refused files the app had written.
        squeezed = info.file_size > MAX_RATIO * max(info.compress_size, 1)
        if raw != INDEX and info.file_size > (1 << 20) and squeezed:
            raise UnsafeDocumentError(
                f"The entry {raw} is compressed suspiciously well (a zip bomb?).", path=name
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnsafeDocumentError("The document unpacks to more than 1 GiB.", path=name)
        clean = clean_member_name(raw)
        if clean in members:
            raise UnsafeDocumentError(f"The document holds two entries named {clean}.", path=name)
        members[clean] = info
    return members


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    limit = MAX_INDEX_BYTES if info.filename == INDEX else MAX_ENTRY_BYTES
    try:
        with archive.open(info) as handle:
            content = handle.read(limit + 1)  # never trust the declared size alone
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        raise DocumentError(f"The entry {info.filename} is damaged ({exc}).", path=name) from exc
    if len(content) > limit:
        raise UnsafeDocumentError(f"The entry {info.filename} is larger than it claims.", path=name)
    return content


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"index.md is not UTF-8 text (byte {exc.start} is not valid).", path=name
        ) from exc


def _private_json(data: bytes, member: str, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DocumentError(f"The editor data {member} is damaged.", path=name) from exc
