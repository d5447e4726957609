"""Open and save an article in any of its three forms: .article, page-bundle folder, .md."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

from editor.core.errors import ArticleError, DocumentError, UnsafeDocumentError
from editor.core.model import Article
from editor.storage import container, frontmatter
from editor.storage.atomic import atomic_write
from editor.storage.names import clean_member_name, nfc

ARTICLE_SUFFIX = ".article"
MAX_FOLDER_FILES = container.MAX_ENTRIES


class Kind(StrEnum):
    ARTICLE = "article"  # zip container
    BUNDLE = "bundle"  # folder with index.md and images
    MARKDOWN = "markdown"  # single .md with front matter


def kind_of(path: str | os.PathLike[str]) -> Kind:
    """Tell the form of a document from its path (a folder is a page bundle)."""
    p = Path(path)
    if p.is_dir():
        return Kind.BUNDLE
    if p.suffix.lower() in (".md", ".markdown"):
        return Kind.MARKDOWN
    return Kind.ARTICLE


def read_article(path: str | os.PathLike[str]) -> Article:
    """Open an article from a .article file, a page-bundle folder or a .md file.

    Raises:
        DocumentError: with a message a reporter understands.
    """
    p = Path(path)
    if not p.exists():
        raise DocumentError("The file does not exist.", path=str(p))
    kind = kind_of(p)
    try:
        if kind is Kind.ARTICLE:
            article = container.read(_read_bytes(p, container.MAX_TOTAL_BYTES), str(p))
        elif kind is Kind.BUNDLE:
            article = _read_folder(p)
        else:
            article = _read_markdown(p)
    except RecursionError as exc:
        raise DocumentError("The document is nested too deeply to read.", path=str(p)) from exc
    except ArticleError as exc:
        exc.path = exc.path or str(p)
        raise
    _normalise_image_names(article)
    return article


def write_article(article: Article, path: str | os.PathLike[str], kind: Kind | None = None) -> None:
    """Save an article atomically in the form its path asks for (or the kind given).

    Raises:
        DocumentError: the disk is full, the folder is not writable, or the like.
    """
    p = Path(path)
    kind = kind or kind_of(p)
    if kind is Kind.ARTICLE:
        atomic_write(p, container.write(article))
        return
    folder = p if kind is Kind.BUNDLE else p.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DocumentError(
            f"The folder could not be created ({exc.strerror}).", path=str(folder)
        ) from exc
    for member, data in sorted(article.images.items()):
        target = folder / clean_member_name(member)
        if target.is_file() and _same_file(target, data):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data)
    index = p / "index.md" if kind is Kind.BUNDLE else p
    atomic_write(index, frontmatter.render(article).encode("utf-8"))


def _same_file(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise UnsafeDocumentError(f"The file is too large ({size} bytes).", path=str(path))
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise DocumentError("This is a folder, not a file.", path=str(path)) from exc
    except PermissionError as exc:
        raise DocumentError("There is no permission to read this file.", path=str(path)) from exc
    except OSError as exc:
        raise DocumentError(
            f"The file could not be read ({exc.strerror}).", path=str(path)
        ) from exc


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"The file is not UTF-8 text (byte {exc.start} is not valid).", path=str(path)
        ) from exc


def _read_folder(folder: Path) -> Article:
    index = folder / "index.md"
    if not index.is_file():
        raise DocumentError(
            "The folder has no index.md, so it is not a page bundle.", path=str(folder)
        )
    article = frontmatter.parse(_decode(_read_bytes(index, container.MAX_INDEX_BYTES), index))
    total, count = 0, 0
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not (Path(root) / d).is_symlink()
        )
        for name in sorted(files):
            file = Path(root) / name
            rel = file.relative_to(folder).as_posix()
            if name.startswith(".") or rel == "index.md" or file.is_symlink():
                continue
            if rel.lower().endswith((".md", ".markdown", ".html")):
                continue  # other pages of a Hugo bundle are not ours to carry
            count += 1
            if count > MAX_FOLDER_FILES:
                raise UnsafeDocumentError("The folder holds too many files.", path=str(folder))
            data = _read_bytes(file, container.MAX_ENTRY_BYTES)
            total += len(data)
            if total > container.MAX_TOTAL_BYTES:
                raise UnsafeDocumentError("The folder holds more than 1 GiB.", path=str(folder))
            article.images[clean_member_name(rel)] = data
    return article


def _read_markdown(path: Path) -> Article:
    article = frontmatter.parse(_decode(_read_bytes(path, container.MAX_INDEX_BYTES), path))
    base = path.parent.resolve()
    for ref in article.referenced_images():
        if "://" in ref or ref.startswith(("/", "data:")):
            continue
        candidate = (base / nfc(ref)).resolve()
        if not candidate.is_relative_to(base):
            continue  # a reference that leaves the folder is not followed
        if not candidate.is_file():
            candidate = (base / ref).resolve()  # the disk may hold the NFD spelling
        if candidate.is_file() and candidate.is_relative_to(base):
            article.images[clean_member_name(ref)] = _read_bytes(
                candidate, container.MAX_ENTRY_BYTES
            )
    return article


def _normalise_image_names(article: Article) -> None:
    """Point references at the NFC, Windows-safe names the images are stored under."""
    lead = article.lead_image
    if lead.src and clean_member_name(lead.src) in article.images:
        lead.src = clean_member_name(lead.src)
    for ref in article.referenced_images():
        clean = clean_member_name(ref)
        if ref != clean and clean in article.images:
            article.body = article.body.replace(ref, clean)
