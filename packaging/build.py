"""Build the one-folder app into dist/article-editor/ (and dist/Article Editor.app on macOS).

Usage (from the repository, with the project's venv Python on any OS):
    python packaging/build.py [--clean]

Steps: install PyInstaller (the [package] extra) when missing, render the icons, compile the
translations, run the spec, then add the Linux desktop integration files to the folder.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import py_compile
import shutil
import subprocess
import sys
import time
from pathlib import Path

import buildinfo
import elfscan

REPO = buildinfo.REPO
PACKAGING = buildinfo.PACKAGING
BUILD = REPO / "build"
GENERATED = BUILD / "generated"
WORK = BUILD / "pyinstaller"
DIST = REPO / "dist"
APP_DIR = DIST / buildinfo.EXE_NAME


def run(command: list[str], **kwargs: object) -> None:
    """Run a command, echoing it; stop the build when it fails."""
    print("+", " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)  # type: ignore[arg-type]


def ensure_pyinstaller() -> None:
    """Install the [package] extra into this Python when PyInstaller is missing."""
    if importlib.util.find_spec("PyInstaller") is None:
        run([sys.executable, "-m", "pip", "install", "--quiet", "-e", f"{REPO}[package]"])


def clean() -> None:
    """Remove everything a previous build left."""
    for folder in (GENERATED, WORK, APP_DIR, DIST / f"{buildinfo.APP_NAME}.app"):
        shutil.rmtree(folder, ignore_errors=True)


def render_icons() -> None:
    """Render the SVG icon to PNG, ICO and ICNS (in a child: it needs a Qt application)."""
    run([sys.executable, PACKAGING / "icons.py", GENERATED / "icons"])


def compile_translations() -> list[Path]:
    """Compile resources/i18n/*.ts into build/generated/i18n/*.qm; return the .qm files."""
    sources = sorted((REPO / "resources" / "i18n").glob("*.ts"))
    out = GENERATED / "i18n"
    out.mkdir(parents=True, exist_ok=True)
    if not sources:
        return []
    tool = _lrelease()
    compiled = []
    for ts in sources:
        qm = out / ts.with_suffix(".qm").name
        run([tool, "-silent", ts, "-qm", qm])
        compiled.append(qm)
    return compiled


def _lrelease() -> str:
    """Return pyside6-lrelease from this Python's environment (or PATH)."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise SystemExit("build: pyside6-lrelease not found; install PySide6 in this venv")
    return found


def freeze(clean_cache: bool) -> None:
    """Run PyInstaller on the spec."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        DIST,
        "--workpath",
        WORK,
        PACKAGING / "article-editor.spec",
    ]
    if clean_cache:
        command.insert(3, "--clean")
    run(command, env={**os.environ, "ARTICLE_EDITOR_GENERATED": str(GENERATED)})


def ship_shiboken_support(app_dir: Path) -> Path | None:
    """Put shiboken6's support package into the app as files with their byte code.

    shiboken6 carries it (the signature loader, ~200 M instructions at every start) as
    embedded source that it compiles at each import, unless `files.dir` sits beside
    shiboken6's own module: then it imports that. The app cannot write it at run time (an
    install may be read-only, and a frozen app writes no byte code), so the build writes
    it: unpacked by shiboken itself (SBK_EMBED=0 in a child of this Python), compiled with
    hash-checked byte code that does not depend on file times. Returns the folder.
    """
    internal = app_dir / "_internal" / "shiboken6"
    if not internal.is_dir():
        return None
    spec = importlib.util.find_spec("shiboken6")
    source = Path(spec.origin).parent / "files.dir" if spec and spec.origin else None
    if source is None:
        return None
    if not source.is_dir():
        run([sys.executable, "-c", "import shiboken6"], env={**os.environ, "SBK_EMBED": "0"})
    target = internal / "files.dir"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(
        target, quiet=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH
    )
    return target


def add_linux_launcher(app_dir: Path) -> elfscan.HostNeeds:
    """Move the frozen binary into app/ and put the glibc-checking launcher in its place.

    Raises SystemExit when the bundle needs a newer glibc than buildinfo.GLIBC_FLOOR.
    """
    inner = app_dir / "app"
    inner.mkdir()
    for name in (buildinfo.EXE_NAME, "_internal"):
        (app_dir / name).rename(inner / name)
    needs = elfscan.scan(inner)
    floor = needs.floor("GLIBC")
    print(
        f"glibc floor {floor} (set by {needs.needed_by.get('GLIBC')}), "
        f"libstdc++ GLIBCXX_{needs.floor('GLIBCXX')}; from the host: "
        + " ".join(sorted(needs.host_libraries))
    )
    if not elfscan.at_least(buildinfo.GLIBC_FLOOR, floor):
        raise SystemExit(
            f"build: the app needs glibc {floor} ({needs.needed_by['GLIBC']}), newer than the "
            f"supported floor {buildinfo.GLIBC_FLOOR}: build on an older system"
        )
    template = (PACKAGING / "linux" / "article-editor.sh").read_text(encoding="utf-8")
    launcher = app_dir / buildinfo.EXE_NAME
    launcher.write_text(template.replace("@GLIBC_FLOOR@", floor), encoding="utf-8")
    launcher.chmod(0o755)
    GENERATED.mkdir(parents=True, exist_ok=True)
    (GENERATED / "host-needs.json").write_text(
        json.dumps(
            {
                "glibc": floor,
                "glibcxx": needs.floor("GLIBCXX"),
                "needed_by": needs.needed_by,
                "host_libraries": sorted(needs.host_libraries),
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return needs


def add_linux_integration(app_dir: Path) -> None:
    """Copy the .desktop entry, icons, MIME type, metainfo and install.sh into the app."""
    linux = PACKAGING / "linux"
    share = app_dir / "share"
    _copy(linux / "article-editor.desktop", share / "applications")
    _copy(linux / "article-editor.xml", share / "mime" / "packages")
    shutil.copytree(
        GENERATED / "icons" / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True
    )
    template = (linux / f"{buildinfo.APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = buildinfo.metainfo_with_release(
        template, buildinfo.app_version(), buildinfo.release_date()
    )
    target = share / "metainfo" / f"{buildinfo.APP_ID}.metainfo.xml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(metainfo, encoding="utf-8")
    _copy(linux / "install.sh", app_dir).chmod(0o755)


def _copy(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(source, folder / source.name))


def folder_size(folder: Path) -> int:
    """Return the bytes of every file under folder."""
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    """Build the app; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--clean",
        action="store_true",
        help="remove earlier build output and PyInstaller's cache first",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    ensure_pyinstaller()
    if args.clean:
        clean()
    render_icons()
    compile_translations()
    freeze(args.clean)
    ship_shiboken_support(APP_DIR)
    if sys.platform.startswith("linux"):
        add_linux_launcher(APP_DIR)
        add_linux_integration(APP_DIR)
    size = folder_size(APP_DIR) / 1e6
    print(
        f"built {APP_DIR} ({size:.0f} MB) in {time.monotonic() - started:.0f} s, "
        f"version {buildinfo.app_version()}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
