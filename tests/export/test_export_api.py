"""export_article: one bundle, all or nothing, never over an old one unless asked, same bytes."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from exporthelp import photo, tree

from editor.core.errors import ExportError, ImageError
from editor.export import ExportFormat, bundle_slug, export_article
from editor.storage.container import ZIP_TIME

FORMATS = list(ExportFormat)


@pytest.mark.parametrize("fmt", FORMATS)
def test_repeat_exports_are_byte_identical(sample, tmp_path, fmt):
    sample.images["images/rotated.jpg"] = photo(900, 600, orientation=8, gps=True)
    sample.body += "\n\n![돌린 사진](images/rotated.jpg)\n"
    first = export_article(sample, fmt, tmp_path / "a")
    second = export_article(sample, fmt, tmp_path / "b")
    assert tree(first) == tree(second)
    zip_a = export_article(sample, fmt, tmp_path / "a", as_zip=True)
    zip_b = export_article(sample, fmt, tmp_path / "b", as_zip=True)
    assert zip_a.name == f"{sample.slug}.zip"
    assert zip_a.read_bytes() == zip_b.read_bytes()
    with zipfile.ZipFile(zip_a) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {i.date_time for i in archive.infolist()} == {ZIP_TIME}
        unpacked = {n.removeprefix(f"{sample.slug}/"): archive.read(n) for n in names}
    assert all(n.startswith(f"{sample.slug}/") for n in names)
    assert unpacked == tree(first), "the zip holds exactly the folder's files"


@pytest.mark.parametrize("as_zip", [False, True])
def test_refuses_to_overwrite_without_force(sample, tmp_path, as_zip):
    path = export_article(sample, "markdown", tmp_path, as_zip=as_zip)
    marker = path.stat().st_mtime_ns
    with pytest.raises(ExportError, match="already exists"):
        export_article(sample, "markdown", tmp_path, as_zip=as_zip)
    assert path.stat().st_mtime_ns == marker
    sample.headline = "바뀐 제목"
    again = export_article(sample, "markdown", tmp_path, as_zip=as_zip, force=True)
    assert again == path
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name], "no leftovers"
    if not as_zip:
        assert "바뀐 제목" in (path / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_broken_image_leaves_nothing_behind(sample, tmp_path, fmt):
    sample.images["images/broken.jpg"] = b"\xff\xd8\xff\xe0 not really a jpeg"
    sample.body += "\n\n![깨진 사진](images/broken.jpg)\n"
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ImageError, match="broken.jpg"):
        export_article(sample, fmt, out)
    assert list(out.iterdir()) == []


def test_a_failed_forced_export_keeps_the_old_bundle(sample, tmp_path):
    path = export_article(sample, "html", tmp_path)
    before = tree(path)
    sample.images["images/shuttle-stop.jpg"] = b"broken"
    with pytest.raises(ImageError, match="shuttle-stop.jpg"):
        export_article(sample, "html", tmp_path, force=True)
    assert tree(path) == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_force_does_not_replace_something_else(sample, tmp_path):
    (tmp_path / f"{sample.slug}.zip").mkdir()
    with pytest.raises(ExportError):
        export_article(sample, "markdown", tmp_path, as_zip=True, force=True)


def test_unknown_format(sample, tmp_path):
    with pytest.raises(ExportError, match="pdf"):
        export_article(sample, "pdf", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_slug_comes_from_the_headline_when_empty(sample, tmp_path):
    sample.slug = ""
    path = export_article(sample, ExportFormat.MARKDOWN, tmp_path)
    assert path.name == bundle_slug(sample) and path.name.isascii() and path.name
    sample.slug = "../../etc/x"
    assert "/" not in bundle_slug(sample) and not bundle_slug(sample).startswith(".")


def test_progress_is_reported_to_the_end(sample, tmp_path):
    seen: list[tuple[int, int]] = []
    export_article(sample, "html", tmp_path, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_real_export_loads_no_qt(tmp_path):
    code = (
        "import sys, pathlib\n"
        "from editor.storage import read_article\n"
        "from editor.export import export_article\n"
        "from editor import resources\n"
        "a = read_article(resources.sample_path())\n"
        "for fmt in ('markdown', 'html'):\n"
        f"    export_article(a, fmt, pathlib.Path({str(tmp_path)!r}) / fmt)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
