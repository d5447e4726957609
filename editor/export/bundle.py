"""Writing a bundle: build in a hidden temp folder next to the target, then move it in.

A bundle is first a mapping of relative paths to bytes; the same mapping gives the same
folder or zip, byte for byte (fixed zip times, sorted entries, fixed permissions).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import stat
import tempfile
import uuid
import zipfile
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from editor.core.errors import ArticleError, ErrorCode, ExportError
from editor.core.model import Article
from editor.storage import safefs
from editor.storage.container import ZIP_TIME
from editor.storage.document import ARTICLE_ID_KEY

Files = dict[str, bytes]  # bundle-relative POSIX path -> content
MARKER = ".article-editor-export.json"  # what makes a folder provably an earlier export
_STORED = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".woff2", ".woff", ".zip")


def target_path(out_dir: Path, slug: str, as_zip: bool) -> Path:
    """Return where a bundle goes: DIR/<slug>/ or DIR/<slug>.zip."""
    return out_dir / (f"{slug}.zip" if as_zip else slug)


def check_free(
    target: Path, force: bool, as_zip: bool, ids: Sequence[str] = (), source: Path | None = None
) -> None:
    """Refuse an existing bundle unless forced, and then unless it is provably ours to replace.

    Provably ours: an earlier export of this same article, that is a folder or zip holding
    our marker with one of the article's ids and nothing the export did not write; never the
    article's own source, never a link, never anything else.

    Raises:
        ExportError: the target exists and force is off, or it is not ours to replace.
    """
    if source is not None and _holds_source(target, source):
        raise ExportError(ErrorCode.EXPORT_OWN_FOLDER, path=str(target))
    if not (target.exists() or target.is_symlink()):
        return
    if not force:
        raise ExportError(ErrorCode.BUNDLE_EXISTS, path=str(target))
    if target.is_symlink() or target.is_dir() == as_zip:
        raise ExportError(ErrorCode.BUNDLE_IN_THE_WAY, path=str(target))
    problem = _not_ours(target, as_zip, set(ids))
    if problem:
        raise ExportError(ErrorCode.BUNDLE_NOT_OURS, path=str(target), reason=problem)


def export_ids(article: Article, source: Path | None) -> list[str]:
    """Return the ids an export of this article carries: its own id, and its file's."""
    ids = []
    own = article.private.get(ARTICLE_ID_KEY)
    if isinstance(own, str) and own:
        ids.append(f"id:{own}")
    if source is not None:
        where = str(Path(source).resolve())
        ids.append("file:" + hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest())
    if not ids:  # never saved: this session's article gets an id, kept if it is saved
        article.private[ARTICLE_ID_KEY] = uuid.uuid4().hex
        ids.append(f"id:{article.private[ARTICLE_ID_KEY]}")
    return ids


def marker(files: Files, ids: Sequence[str]) -> bytes:
    """Return the marker an export leaves: who it is of, and every file it wrote."""
    data = {"app": "article-editor", "marker": 1, "ids": sorted(ids), "files": sorted(files)}
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _holds_source(target: Path, source: Path) -> bool:
    src, dest = Path(source).resolve(), target.resolve()
    return src == dest or src.is_relative_to(dest) or (src.is_dir() and dest.is_relative_to(src))


def _not_ours(target: Path, as_zip: bool, ids: set[str]) -> ExportError | None:
    """Return why target is not an earlier export of an article with these ids (None if it is)."""
    try:
        found = _zip_listing(target) if as_zip else _folder_listing(target)
    except (OSError, ValueError, zipfile.BadZipFile, ArticleError) as exc:
        return ExportError(ErrorCode.BUNDLE_UNCHECKED, reason=str(exc))
    if found is None:
        return ExportError(ErrorCode.BUNDLE_NO_MARKER)
    listed, names = found
    if not ids & set(listed.get("ids", [])):
        return ExportError(ErrorCode.BUNDLE_OTHER_ARTICLE)
    extra = sorted(set(names) - set(listed.get("files", [])) - {MARKER})
    if extra:
        return ExportError(ErrorCode.BUNDLE_EXTRA_FILES, names=", ".join(extra[:5]))
    return None


def _read_marker(data: bytes) -> dict | None:
    try:
        listed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return listed if isinstance(listed, dict) and listed.get("app") == "article-editor" else None


def _folder_listing(target: Path) -> tuple[dict, list[str]] | None:
    if not safefs.exists_in(target, MARKER):
        return None
    listed = _read_marker(safefs.read_in(target, MARKER, 1 << 20))
    if listed is None:
        return None
    names = []
    for root, dirs, files in os.walk(target, followlinks=False):
        rel = Path(root).relative_to(target).as_posix()
        prefix = "" if rel == "." else rel + "/"
        names += [prefix + n for n in files]
        names += [prefix + d for d in dirs if (Path(root) / d).is_symlink()]  # never ours
    return listed, names


def _zip_listing(target: Path) -> tuple[dict, list[str]] | None:
    data = safefs.read_file(target, 1 << 31)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if not n.endswith("/")]
        root = names[0].split("/", 1)[0] if names else ""
        inner = [n.split("/", 1)[1] if n.startswith(root + "/") else n for n in names]
        if MARKER not in inner:
            return None
        listed = _read_marker(archive.read(f"{root}/{MARKER}")[: 1 << 20])
    return (listed, inner) if listed is not None else None


def zip_bytes(files: Files, root: str) -> bytes:
    """Return a deterministic zip of files, each under root/."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{root}/{name}", date_time=ZIP_TIME)
            info.create_system = 3  # Unix, on every platform: same bytes everywhere
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            stored = name.lower().endswith(_STORED)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name], compresslevel=9 if not stored else None)
    return buffer.getvalue()


class Staging:
    """A bundle being built in a hidden temp folder next to its target, then moved in.

    Files handed to add() are written (and fsynced) by writer threads while the export goes
    on: a photo's renditions go to disk while the next photos decode, instead of all 29
    files one after another at the end (docs/performance.md, session 7). finish() writes
    the rest and the marker, waits for every write and moves the folder into place; leaving
    the with block any other way removes the temp folder and all it holds. A zip is written
    whole by finish(): add() only keeps its files in mind.
    """

    WRITERS = 4  # concurrent fsyncs share the file system's journal commits

    def __init__(
        self,
        out_dir: Path,
        slug: str,
        *,
        as_zip: bool,
        force: bool,
        ids: Sequence[str] = (),
        source: Path | None = None,
    ) -> None:
        self.target = target_path(out_dir, slug, as_zip)
        self.slug, self.as_zip, self.force, self.ids, self.source = slug, as_zip, force, ids, source
        check_free(self.target, force, as_zip, ids, source)
        self._modes = (_mode(0o666), _mode(0o777))
        self._out_dir = out_dir
        self._work: Path | None = None  # made with the first file: a refusal leaves nothing
        self._sent: Files = {}
        self._writes: list[Future[None]] = []
        self._pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)

    @property
    def _built(self) -> Path:
        """Return the bundle's path inside the temp folder, making the folder the first time."""
        if self._work is None:
            try:
                self._out_dir.mkdir(parents=True, exist_ok=True)
                work = tempfile.mkdtemp(
                    prefix=f".{self.slug}.", suffix=".partial", dir=self._out_dir
                )
            except OSError as exc:
                raise ExportError(
                    ErrorCode.EXPORT_FOLDER_UNWRITABLE, path=str(self._out_dir), reason=exc.strerror
                ) from exc
            self._work = Path(work)
        return self._work / self.target.name

    def add(self, files: Files) -> None:
        """Start writing files into the bundle (their bytes must be final)."""
        if self.as_zip:
            return
        if self._pool is None:
            self._built.mkdir()
            self._pool = ThreadPoolExecutor(self.WRITERS, thread_name_prefix="bundle-write")
        for name, data in files.items():
            if name in self._sent:
                if self._sent[name] == data:
                    continue
                self._wait()  # never two writes of one file at once
            self._sent[name] = data
            self._writes.append(self._pool.submit(self._write, name, data))

    def _wait(self) -> None:
        """Wait for every write so far; raise the first one's OSError."""
        for future in self._writes:
            future.result()

    def finish(self, files: Files) -> Path:
        """Write what add() did not and the marker, then move the bundle into place.

        Raises:
            ExportError: the target is no longer ours to replace, or the disk refused.
        """
        check_free(self.target, self.force, self.as_zip, self.ids, self.source)
        files = {**files, MARKER: marker(files, self.ids)}
        built = self._built
        try:
            if self.as_zip:
                _write_file(built, zip_bytes(files, self.slug), self._modes[0])
            else:
                self._write_rest(files)
            _move_into_place(built, self.target, built.parent, self.force)
        except OSError as exc:
            raise ExportError(
                ErrorCode.BUNDLE_WRITE_FAILED,
                path=str(self.target),
                reason=exc.strerror or str(exc),
            ) from exc
        return self.target

    def _write_rest(self, files: Files) -> None:
        """Write the files add() was not given (or other bytes of); remove any not in files."""
        self.add(files)
        self._wait()
        for name in set(self._sent) - set(files):
            self._built.joinpath(*name.split("/")).unlink()
        for folder in sorted({p for p in self._built.rglob("*") if p.is_dir()} | {self._built}):
            os.chmod(folder, self._modes[1])

    def _write(self, name: str, data: bytes) -> None:
        path = self._built.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_file(path, data, self._modes[0])


def _mode(default: int) -> int:
    """Return default less the process's umask."""
    return default & ~_umask()


def _umask() -> int:
    """Return the umask: from /proc where it says (setting it, even back, is process-wide)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o077)  # for a moment another thread's new file is private, not open
    os.umask(umask)
    return umask


def _write_file(path: Path, data: bytes, mode: int) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, mode)


def _move_into_place(built: Path, target: Path, work: Path, force: bool) -> None:
    """Rename the finished bundle onto target; an old one (force) is moved aside first."""
    old = work / ".replaced"
    had_old = force and (target.exists() or target.is_symlink())
    if had_old:
        os.rename(target, old)
    try:
        if target.exists():
            raise FileExistsError(17, "A bundle appeared while exporting", str(target))
        os.rename(built, target)
    except OSError:
        if had_old:
            with contextlib.suppress(OSError):
                os.rename(old, target)
        raise
