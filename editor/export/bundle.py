"""Writing a bundle: build in a hidden temp folder next to the target, then move it in.

A bundle is first a mapping of relative paths to bytes; the same mapping gives the same
folder or zip, byte for byte (fixed zip times, sorted entries, fixed permissions).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path

from editor.core.errors import ExportError
from editor.storage.container import ZIP_TIME

Files = dict[str, bytes]  # bundle-relative POSIX path -> content
_STORED = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".woff2", ".woff", ".zip")


def target_path(out_dir: Path, slug: str, as_zip: bool) -> Path:
    """Return where a bundle goes: DIR/<slug>/ or DIR/<slug>.zip."""
    return out_dir / (f"{slug}.zip" if as_zip else slug)


def check_free(target: Path, force: bool, as_zip: bool) -> None:
    """Refuse an existing bundle unless forced.

    Raises:
        ExportError: the target exists and force is off, or it is not ours to replace.
    """
    if not (target.exists() or target.is_symlink()):
        return
    if not force:
        raise ExportError(
            "A bundle with this name already exists; choose another folder or allow replacing it.",
            path=str(target),
        )
    if target.is_symlink() or target.is_dir() == as_zip:
        raise ExportError(
            "Something else than a bundle is in the way; nothing was changed.", path=str(target)
        )


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


def write_bundle(files: Files, out_dir: Path, slug: str, *, as_zip: bool, force: bool) -> Path:
    """Write files as DIR/<slug>/ or DIR/<slug>.zip, all or nothing; return the path.

    Raises:
        ExportError: the bundle exists (without force), or the disk refused.
    """
    target = target_path(out_dir, slug, as_zip)
    check_free(target, force, as_zip)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{slug}.", suffix=".partial", dir=out_dir))
    except OSError as exc:
        raise ExportError(
            f"The folder cannot be written ({exc.strerror}).", path=str(out_dir)
        ) from exc
    try:
        built = work / target.name
        if as_zip:
            _write_file(built, zip_bytes(files, slug))
        else:
            _write_tree(built, files)
        _move_into_place(built, target, work, force)
    except OSError as exc:
        raise ExportError(
            f"The bundle could not be written ({exc.strerror or exc}); nothing was left behind.",
            path=str(target),
        ) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _mode(default: int) -> int:
    umask = os.umask(0)
    os.umask(umask)
    return default & ~umask


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, _mode(0o666))


def _write_tree(root: Path, files: Files) -> None:
    root.mkdir()
    for name in sorted(files):
        path = root.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_file(path, files[name])
    for folder in sorted({p for p in root.rglob("*") if p.is_dir()} | {root}):
        os.chmod(folder, _mode(0o777))


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
