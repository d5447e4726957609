"""Pack the built Linux app into dist/article-editor-VERSION-linux-ARCH.tar.gz (`make dist`).

The archive holds one folder, article-editor/, as users unpack it. Entries are sorted and
owned by root with the version's date, so two packs of one build are the same bytes.
Usage: python packaging/dist.py
"""

from __future__ import annotations

import datetime as dt
import gzip
import platform
import sys
import tarfile
from pathlib import Path

import buildinfo

DIST = buildinfo.REPO / "dist"
APP_DIR = DIST / buildinfo.EXE_NAME


def archive_name(version: str, machine: str) -> str:
    """Return the archive's file name for version on machine (e.g. x86_64)."""
    return f"{buildinfo.EXE_NAME}-{version}-linux-{machine}.tar.gz"


def pack(app_dir: Path, target: Path, date: str) -> Path:
    """Write app_dir as target (a .tar.gz holding app_dir's folder); return target."""
    if not (app_dir / buildinfo.EXE_NAME).is_file():
        raise SystemExit(f"dist: {app_dir} holds no built app; run `make package` first")
    mtime = int(dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC).timestamp())

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = mtime
        return info

    partial = target.with_name(target.name + ".part")
    with (
        partial.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=mtime, filename="") as zipped,
        tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for path in [app_dir, *sorted(app_dir.rglob("*"))]:
            name = str(Path(app_dir.name) / path.relative_to(app_dir))
            tar.add(path, arcname=name, recursive=False, filter=normalise)
    partial.replace(target)
    return target


def main() -> int:
    """Pack dist/article-editor; print where the archive went; return 0."""
    target = DIST / archive_name(buildinfo.app_version(), platform.machine())
    pack(APP_DIR, target, buildinfo.release_date())
    print(f"wrote {target} ({target.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
