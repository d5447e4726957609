"""Each photo's files go to disk while the next photos are made, and the bundle is as before."""

from __future__ import annotations

import io
import os
import stat
import threading
import zipfile

import pytest
from exporthelp import photo, tree

import editor.export.images as images_module
from editor.core.errors import ImageError
from editor.core.model import Article, LeadImage
from editor.export import export_article
from editor.export.bundle import MARKER
from editor.export.html_bundle import HtmlBundleExporter
from editor.export.markdown_bundle import MarkdownBundleExporter
from editor.render.profiles import load_profile
from editor.storage.document import ARTICLE_ID_KEY

WAIT_S = 10  # only reached when the overlap is gone: the test then fails, it never hangs


def _article(count: int = 3) -> Article:
    pics = {
        f"images/p{i}.jpg": photo(900, 600, orientation=(1, 6, 3)[i % 3], seed=i)
        for i in range(count)
    }
    body = "\n\n".join(f"문단 {i}\n\n![사진 {i}](images/p{i}.jpg)" for i in range(1, count))
    article = Article(
        headline="사진 기사",
        body=body,
        lead_image=LeadImage("images/p0.jpg", "대표", "캡션", "사진=벤치"),
        slug="photos",
        images=pics,
    )
    article.private[ARTICLE_ID_KEY] = "staging-test"  # the same marker for every copy
    return article


def _partial_files(out_dir) -> list[str]:
    """Return the files written so far inside the export's hidden temp folder."""
    return [
        p.relative_to(part).as_posix()
        for part in out_dir.glob(".photos.*.partial")
        for p in part.rglob("*")
        if p.is_file()
    ]


def test_a_photos_files_are_written_before_the_last_photo_is_made(tmp_path, monkeypatch):
    """The last photo waits until the first one's renditions are on disk in the temp folder."""
    monkeypatch.setattr(images_module.os, "cpu_count", lambda: 1)  # one photo after another
    render = images_module._render
    seen: list[list[str]] = []

    def last_waits(job, info):
        if job.name == "images/p2.jpg":
            written = threading.Event()
            for _ in range(WAIT_S * 100):
                found = _partial_files(tmp_path)
                if {"photos/images/p0-900.jpg", "photos/images/p0-800.jpg"} <= set(found):
                    seen.append(found)
                    written.set()
                    break
                written.wait(0.01)
        return render(job, info)

    monkeypatch.setattr(images_module, "_render", last_waits)
    bundle = export_article(_article(), "html", tmp_path)
    assert seen, "the first photo's files were not written while the last photo was made"
    assert "photos/index.html" not in seen[0]  # the pages come after every photo
    assert (bundle / "images" / "p2-800.jpg").is_file()


def test_the_folder_holds_exactly_the_built_files_and_the_zip_the_same(tmp_path):
    """Written early or late, every file has the bytes build() makes, and nothing else."""
    article = _article()
    expected = HtmlBundleExporter(load_profile("sisacatch")).build(article.copy(), "photos")
    folder = export_article(article.copy(), "html", tmp_path / "dir")
    found = tree(folder)
    assert set(found) == set(expected) | {MARKER}
    assert {n: found[n] for n in expected} == expected
    packed = export_article(article.copy(), "html", tmp_path / "zip", as_zip=True)
    with zipfile.ZipFile(io.BytesIO(packed.read_bytes())) as archive:
        zipped = {n.removeprefix("photos/"): archive.read(n) for n in archive.namelist()}
    assert zipped == found


def test_a_markdown_bundle_is_the_built_files(tmp_path):
    article = _article()
    profile = load_profile("sisacatch")
    for layout in ("hugo", "jekyll"):
        expected = MarkdownBundleExporter(profile).build(article.copy(), "photos", layout)
        out = tmp_path / layout
        found = tree(export_article(article.copy(), "markdown", out, layout=layout))
        assert {n: d for n, d in found.items() if n != MARKER} == expected


def test_a_broken_photo_after_written_ones_leaves_nothing(tmp_path, monkeypatch):
    """Files already written for the good photos go with the temp folder: all or nothing."""
    monkeypatch.setattr(images_module.os, "cpu_count", lambda: 1)
    article = _article()
    article.images["images/p2.jpg"] = article.images["images/p2.jpg"][:2000]  # cut short
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(ImageError, match="p2.jpg"):
        export_article(article, "html", out)
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_files_and_folders_get_the_umasks_modes(tmp_path):
    old = os.umask(0o027)
    try:
        bundle = export_article(_article(2), "html", tmp_path)
    finally:
        os.umask(old)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in bundle.rglob("*") if p.is_file()}
    folders = {stat.S_IMODE(p.stat().st_mode) for p in [bundle, *bundle.rglob("*")] if p.is_dir()}
    assert modes == {0o640}
    assert folders == {0o750}
