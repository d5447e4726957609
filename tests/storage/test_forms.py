from __future__ import annotations

import shutil
import unicodedata
import zipfile

import pytest

from editor.core.errors import DocumentError
from editor.storage import Kind, container, frontmatter, kind_of, read_article, write_article

HUGO_PAGE = """---
title: 허구의 제목
date: 2025-03-27T10:00:00+09:00
weight: 10
params:
  featured: true
  colours: [red, blue]
menu: main
---
본문 첫 문단.
"""


def test_kind_of_paths(tmp_path):
    assert kind_of(tmp_path) is Kind.BUNDLE
    assert kind_of(tmp_path / "a.md") is Kind.MARKDOWN
    assert kind_of(tmp_path / "a.article") is Kind.ARTICLE


def test_sample_opens_with_every_field(sample_dir):
    article = read_article(sample_dir)
    assert article.headline.startswith("세종시 자율주행 셔틀")
    assert "\n" in article.subhead
    assert article.lead_image.src == "images/shuttle-lead.jpg"
    assert article.lead_image.credit == "사진=세종시 제공"
    assert article.authors[0].email == "sky@sisacatch.example"
    assert article.created.utcoffset().total_seconds() == 9 * 3600
    assert set(article.images) == {"images/shuttle-lead.jpg", "images/shuttle-stop.jpg"}
    assert article.body.startswith("[시사캐치]")


def test_unknown_keys_kept_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.md").write_text(HUGO_PAGE, encoding="utf-8")
    article = read_article(tmp_path / "b")
    assert list(article.extra) == ["weight", "params", "menu"]
    write_article(article, tmp_path / "c", Kind.BUNDLE)
    text = (tmp_path / "c" / "index.md").read_text(encoding="utf-8")
    meta = frontmatter.parse(text)
    assert meta.extra == {
        "weight": 10,
        "params": {"featured": True, "colours": ["red", "blue"]},
        "menu": "main",
    }
    assert text.index("weight") < text.index("params") < text.index("menu")


def test_hugo_bundle_round_trips_with_its_files(tmp_path, sample_dir):
    folder = tmp_path / "bundle"
    shutil.copytree(sample_dir, folder)
    (folder / "data.csv").write_text("a,b\n", encoding="utf-8")
    before = read_article(folder)
    write_article(before, folder)
    after = read_article(folder)
    assert after == before
    assert (folder / "data.csv").read_text(encoding="utf-8") == "a,b\n"


def test_nfd_image_names_become_nfc_and_references_follow(tmp_path):
    nfd = unicodedata.normalize("NFD", "사진.jpg")
    folder = tmp_path / "bundle"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / nfd).write_bytes(b"jpeg")
    (folder / "index.md").write_text(
        f"---\ntitle: t\nlead_image:\n  src: images/{nfd}\n---\n![x](images/{nfd})\n",
        encoding="utf-8",
    )
    article = read_article(folder)
    nfc = "images/" + unicodedata.normalize("NFC", "사진.jpg")
    assert list(article.images) == [nfc]
    assert article.lead_image.src == nfc
    assert f"]({nfc})" in article.body


def test_markdown_file_picks_up_referenced_images_only_inside_its_folder(tmp_path):
    (tmp_path / "outside.jpg").write_bytes(b"secret")
    page = tmp_path / "in" / "page.md"
    (page.parent / "images").mkdir(parents=True)
    (page.parent / "images" / "a.jpg").write_bytes(b"a")
    page.write_text("---\ntitle: t\n---\n![a](images/a.jpg) ![b](../outside.jpg)\n", "utf-8")
    article = read_article(page)
    assert article.images == {"images/a.jpg": b"a"}


def test_page_without_front_matter_is_all_body(tmp_path):
    page = tmp_path / "plain.md"
    page.write_text("그냥 본문\n", encoding="utf-8")
    article = read_article(page)
    assert article.body == "그냥 본문\n" and article.headline == ""


def test_container_excludes_nothing_private_from_zip_layout():
    from editor.core.model import Article

    data = container.write(
        Article(headline="h", images={"images/a.jpg": b"1"}, private={"notes": []})
    )
    import io

    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names == ["index.md", "images/a.jpg", ".editor/notes.json"]


def test_write_reports_unwritable_folder(tmp_path):
    from editor.core.model import Article

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        import os

        if os.geteuid() == 0:
            pytest.skip("root can write anywhere")
        with pytest.raises(DocumentError, match="permission"):
            write_article(Article(headline="h"), locked / "a.article")
    finally:
        locked.chmod(0o700)
