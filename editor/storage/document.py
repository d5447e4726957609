"""Open and save an article in any of its three forms: .article, page-bundle folder, .md."""

from __future__ import annotations

import os
import re
from enum import StrEnum
from pathlib import Path

from editor.core.errors import ArticleError, DocumentError, ErrorCode, UnsafeDocumentError
from editor.core.model import Article
from editor.storage import container, frontmatter, safefs
from editor.storage.atomic import atomic_write, write_in
from editor.storage.names import clean_member_name, nfc, normalise_image_refs

ARTICLE_SUFFIX = ".article"
MAX_FOLDER_FILES = container.MAX_ENTRIES
ARTICLE_ID_KEY = "id"  # private: who this article is, for export markers


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
        raise DocumentError(ErrorCode.FILE_MISSING, path=str(p))
    kind = kind_of(p)
    try:
        if kind is Kind.ARTICLE:
            article = container.read(_read_bytes(p, container.MAX_TOTAL_BYTES), str(p))
        elif kind is Kind.BUNDLE:
            article = _read_folder(p)
        else:
            article = _read_markdown(p)
    except RecursionError as exc:
        raise DocumentError(ErrorCode.TOO_DEEP, path=str(p)) from exc
    except ArticleError as exc:
        exc.path = exc.path or str(p)
        raise
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, OverflowError) as exc:
        # The last net: whatever a damaged file makes a library trip over is a damaged file.
        raise DocumentError(
            ErrorCode.DAMAGED, path=str(p), reason=f"{type(exc).__name__}: {exc}"
        ) from exc
    normalise_image_refs(article)
    return article


def write_article(article: Article, path: str | os.PathLike[str], kind: Kind | None = None) -> None:
    """Save an article atomically in the form its path asks for (or the kind given).

    The limits are the reader's: what this writes, read_article opens. In a folder no link
    is followed, an image file changed on disk by another program (a photo retouched in
    place) is kept and taken into the article, and beside a .md another article's file of
    the same name is never overwritten: ours is saved under a free name instead.

    Raises:
        DocumentError: too large to open again, the disk is full, not writable, or the like.
    """
    p = Path(path)
    kind = kind or kind_of(p)
    if kind is Kind.ARTICLE:
        import uuid  # with platform: ~5 ms; only when an article gets its id, not at start-up

        article.private.setdefault(ARTICLE_ID_KEY, uuid.uuid4().hex)
        atomic_write(p, container.write(article))
        return
    check_folder_limits(article)
    folder = p if kind is Kind.BUNDLE else p.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DocumentError(
            ErrorCode.FOLDER_CREATE_FAILED, path=str(folder), reason=exc.strerror
        ) from exc
    for member in sorted(article.images):
        _write_image(article, folder, member, shared=kind is Kind.MARKDOWN)
    index = frontmatter.render(article).encode("utf-8")
    _check_index(len(index))
    write_in(folder, "index.md" if kind is Kind.BUNDLE else p.name, index)


def check_folder_limits(article: Article) -> None:
    """Refuse to write a bundle or .md that read_article would refuse to open."""
    sizes = [len(d) for d in article.images.values()]
    if len(sizes) > MAX_FOLDER_FILES:
        raise UnsafeDocumentError(
            ErrorCode.TOO_MANY_IMAGES, count=len(sizes), limit=MAX_FOLDER_FILES
        )
    if any(s > container.MAX_ENTRY_BYTES for s in sizes):
        raise UnsafeDocumentError(ErrorCode.IMAGE_TOO_LARGE_TO_SAVE)
    if sum(sizes) > container.MAX_TOTAL_BYTES:
        raise UnsafeDocumentError(ErrorCode.IMAGES_TOO_LARGE_TO_SAVE)


def _check_index(size: int) -> None:
    if size > container.MAX_INDEX_BYTES:
        raise UnsafeDocumentError(
            ErrorCode.INDEX_TOO_LARGE, size=size, limit=container.MAX_INDEX_BYTES
        )


def _write_image(article: Article, folder: Path, member: str, *, shared: bool) -> None:
    data = article.images[member]
    name = clean_member_name(member)
    on_disk = _disk_bytes(folder, name, len(data))
    if on_disk == data:
        return
    if on_disk is not None and not shared:
        article.images[member] = on_disk  # retouched in place: the file on disk wins
        return
    while on_disk is not None:  # beside a .md: another article's file; take a free name
        name = _next_name(name)
        on_disk = _disk_bytes(folder, name, len(data))
        if on_disk == data:
            break
    if name != clean_member_name(member):
        _rename_image(article, member, name)
    if on_disk != data:
        write_in(folder, name, data)


def _disk_bytes(folder: Path, rel: str, _size_hint: int) -> bytes | None:
    """Return the bytes of the regular file folder/rel, None if there is none.

    A link there counts as none: the atomic rename replaces the link itself, never its target.
    """
    if not safefs.exists_in(folder, rel):
        return None
    try:
        return safefs.read_in(folder, rel, container.MAX_ENTRY_BYTES)
    except UnsafeDocumentError:
        return None


def _next_name(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    match = re.match(r"^(.*)-(\d+)$", stem)
    stem, n = (match.group(1), int(match.group(2)) + 1) if match else (stem, 2)
    return f"{stem}-{n}.{ext}" if dot else f"{stem}-{n}"


def _rename_image(article: Article, old: str, new: str) -> None:
    article.images[new] = article.images.pop(old)
    if article.lead_image.src == old:
        article.lead_image.src = new
    article.body = article.body.replace(f"]({old}", f"]({new}").replace(
        f'src="{old}"', f'src="{new}"'
    )


def _read_bytes(path: Path, limit: int) -> bytes:
    return safefs.read_file(path, limit)


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(ErrorCode.NOT_UTF8, path=str(path), byte=exc.start) from exc


def _read_folder(folder: Path) -> Article:
    root = safefs.open_folder(folder)
    try:
        if not safefs.exists_in(folder, "index.md"):
            raise DocumentError(ErrorCode.FOLDER_NO_INDEX, path=str(folder))
        index = safefs.read_in(folder, "index.md", container.MAX_INDEX_BYTES, root)
        article = frontmatter.parse(_decode(index, folder / "index.md"))
        _read_folder_images(article, folder)
    finally:
        os.close(root)
    return article


def _read_folder_images(article: Article, folder: Path) -> None:
    total, count, seen = 0, 0, set()
    for rel, parent_fd, info in safefs.walk_files(folder):
        clean = clean_member_name(rel)
        if clean.casefold().endswith((".md", ".markdown", ".html")) or not clean:
            continue  # index.md in any spelling, other pages of a Hugo bundle: not ours
        count += 1
        if count > MAX_FOLDER_FILES:
            raise UnsafeDocumentError(ErrorCode.FOLDER_TOO_MANY, path=str(folder))
        total += info.st_size
        if total > container.MAX_TOTAL_BYTES:
            raise UnsafeDocumentError(ErrorCode.FOLDER_TOO_LARGE, path=str(folder))
        name = rel.rsplit("/", 1)[-1]
        data = safefs.read_at(parent_fd, name, container.MAX_ENTRY_BYTES, rel, folder)
        if clean.casefold() in seen:
            raise UnsafeDocumentError(ErrorCode.FOLDER_NAME_TWICE, path=str(folder), name=clean)
        seen.add(clean.casefold())
        article.images[clean] = data


def _read_markdown(path: Path) -> Article:
    article = frontmatter.parse(_decode(_read_bytes(path, container.MAX_INDEX_BYTES), path))
    base = path.parent
    total = 0
    for ref in article.referenced_images():
        if "://" in ref or ref.startswith(("/", "data:")) or "\\" in ref:
            continue
        rel = "/".join(p for p in ref.split("/") if p not in ("", "."))
        if not rel or ".." in rel.split("/"):
            continue  # a reference that leaves the folder is not followed
        for spelling in dict.fromkeys((nfc(rel), rel)):  # the disk may hold the NFD spelling
            if safefs.exists_in(base, spelling):
                data = safefs.read_in(base, spelling, container.MAX_ENTRY_BYTES)
                total += len(data)
                if total > container.MAX_TOTAL_BYTES or len(article.images) >= MAX_FOLDER_FILES:
                    raise UnsafeDocumentError(ErrorCode.IMAGES_TOO_MUCH, path=str(path))
                article.images[clean_member_name(ref)] = data
                break
    return article
