"""Export "replace" replaces only a provably earlier export of the same article, never more."""

from __future__ import annotations

import io
import json
import shutil
import zipfile

import pytest
from exporthelp import tree

from editor.cli.main import EXIT_USER_ERROR, main
from editor.core.errors import ExportError
from editor.export import export_article
from editor.export.bundle import MARKER
from editor.storage import Kind, read_article, write_article


def test_a_folder_named_like_the_slug_is_never_replaced(sample, tmp_path):
    """slug: Documents wiped ~/Documents."""
    sample.slug = "Documents"
    home = tmp_path / "home"
    documents = home / "Documents"
    documents.mkdir(parents=True)
    (documents / "tax-return.pdf").write_bytes(b"%PDF precious")
    (home / "Documents.zip").write_bytes(_some_zip())
    for as_zip in (False, True):
        with pytest.raises(ExportError, match="not an earlier export of this article") as caught:
            export_article(sample, "markdown", home, as_zip=as_zip, force=True)
        assert "nothing was changed" in str(caught.value)
        assert "no export marker" in str(caught.value)
    assert (documents / "tax-return.pdf").read_bytes() == b"%PDF precious"
    assert (home / "Documents.zip").read_bytes() == _some_zip()
    assert sorted(p.name for p in home.iterdir()) == ["Documents", "Documents.zip"]


def _some_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("Documents/letter.txt", (2020, 1, 1, 0, 0, 0)), "hi")
    return buffer.getvalue()


def test_a_hugo_bundle_exported_into_its_own_folder_is_not_replaced(sample, tmp_path):
    """Exporting content/news/<slug>/ into content/news/ replaced the source bundle."""
    news = tmp_path / "content" / "news"
    source = news / sample.slug
    write_article(sample, source, Kind.BUNDLE)
    (source / "original.wav").write_bytes(b"\0" * 1000)
    (source / "transcript.txt").write_text("인터뷰 녹취", encoding="utf-8")
    before = tree(source)
    article = read_article(source)
    for force in (False, True):
        with pytest.raises(ExportError, match="article being exported"):
            export_article(article, "markdown", news, force=force, source=source)
    assert tree(source) == before


def test_the_cli_refuses_its_source_and_a_stranger_in_one_line(sample, tmp_path, capsys):
    news = tmp_path / "news"
    source = news / sample.slug
    write_article(sample, source, Kind.BUNDLE)
    code = main(["export", str(source), "--to", "markdown", "--out", str(news), "--force"])
    err = capsys.readouterr().err
    assert code == EXIT_USER_ERROR and len(err.strip().splitlines()) == 1
    assert "article being exported" in err and (source / "index.md").exists()
    stranger = tmp_path / "out" / sample.slug
    stranger.mkdir(parents=True)
    (stranger / "notes.txt").write_text("mine", encoding="utf-8")
    code = main(
        ["export", str(source), "--to", "markdown", "--out", str(tmp_path / "out"), "--force"]
    )
    err = capsys.readouterr().err
    assert code == EXIT_USER_ERROR and "not an earlier export of this article" in err
    assert (stranger / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_cli_replaces_its_own_earlier_export(sample, tmp_path, capsys):
    doc = tmp_path / "a.article"
    write_article(sample, doc)
    out = tmp_path / "out"
    args = ["export", str(doc), "--to", "html", "--out", str(out)]
    assert main(args) == 0
    assert main([*args, "--force"]) == 0, capsys.readouterr().err
    listed = json.loads((out / sample.slug / MARKER).read_text(encoding="utf-8"))
    assert "index.html" in listed["files"] and listed["ids"]


@pytest.mark.parametrize("as_zip", [False, True])
def test_another_articles_export_is_not_replaced(sample, tmp_path, as_zip):
    first = export_article(sample, "markdown", tmp_path, as_zip=as_zip)
    before = first.read_bytes() if as_zip else tree(first)
    other = sample.copy()
    other.private["id"] = "0" * 32  # another article that happens to have the same slug
    with pytest.raises(ExportError, match="names another article"):
        export_article(other, "markdown", tmp_path, as_zip=as_zip, force=True)
    assert (first.read_bytes() if as_zip else tree(first)) == before


def test_an_earlier_export_with_added_files_is_not_replaced(sample, tmp_path):
    first = export_article(sample, "markdown", tmp_path)
    (first / "images" / "added-by-hand.jpg").write_bytes(b"keep")
    with pytest.raises(ExportError, match="did not write: images/added-by-hand.jpg"):
        export_article(sample, "markdown", tmp_path, force=True)
    assert (first / "images" / "added-by-hand.jpg").read_bytes() == b"keep"


def test_an_earlier_export_replaced_is_the_new_one(sample, tmp_path):
    first = export_article(sample, "markdown", tmp_path / "a", as_zip=True)
    copy = tmp_path / "b" / first.name
    copy.parent.mkdir()
    shutil.copy(first, copy)
    sample.headline = "바뀐 제목"
    again = export_article(sample, "markdown", tmp_path / "b", as_zip=True, force=True)
    with zipfile.ZipFile(again) as archive:
        index = archive.read(f"{sample.slug}/index.md").decode("utf-8")
    assert "바뀐 제목" in index
