"""Bundle folders never follow links, read only regular files, and keep what others wrote."""

from __future__ import annotations

import os
import threading

import pytest

from editor.core.errors import DocumentError, UnsafeDocumentError
from editor.core.model import Article
from editor.storage import read_article, write_article
from editor.storage.safe_save import fingerprint

INDEX = "---\ntitle: 제목\n---\n본문 ![사진](images/a.jpg)\n"
SECRET = "-----BEGIN OPENSSH PRIVATE KEY----- secret"


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "id_rsa"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _bundle(tmp_path, name="bundle"):
    folder = tmp_path / name
    (folder / "images").mkdir(parents=True)
    (folder / "index.md").write_text(INDEX, encoding="utf-8")
    (folder / "images" / "a.jpg").write_bytes(b"photo-1")
    return folder


def test_an_index_md_that_is_a_link_is_refused(tmp_path, secret):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "index.md").symlink_to(secret)
    with pytest.raises(UnsafeDocumentError, match="link"):
        read_article(folder)
    assert fingerprint(folder) is None, "the fingerprint does not read through the link either"


def test_an_images_folder_that_is_a_link_is_never_read_or_written(tmp_path, secret):
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "index.md").write_text(INDEX, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.jpg").write_bytes(b"not ours")
    (folder / "images").symlink_to(outside)
    article = read_article(folder)
    assert article.images == {}
    article.images["images/new.jpg"] = b"new photo"
    with pytest.raises(UnsafeDocumentError, match="link"):
        write_article(article, folder)
    assert sorted(p.name for p in outside.iterdir()) == ["a.jpg"], "nothing written outside"


def test_a_link_inside_images_is_skipped_and_replaced_not_written_through(tmp_path, secret):
    folder = _bundle(tmp_path)
    (folder / "images" / "key.jpg").symlink_to(secret)
    article = read_article(folder)
    assert set(article.images) == {"images/a.jpg"}
    article.images["images/key.jpg"] = b"a real photo"
    write_article(article, folder)
    assert secret.read_text(encoding="utf-8") == SECRET, "the link's target is untouched"
    assert not (folder / "images" / "key.jpg").is_symlink()


def test_a_md_never_reads_an_image_through_a_link(tmp_path, secret):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.jpg").symlink_to(secret)
    page = tmp_path / "page.md"
    page.write_text(INDEX, encoding="utf-8")
    with pytest.raises(UnsafeDocumentError, match="link"):
        read_article(page)


def test_a_link_to_dev_zero_is_not_read(tmp_path):
    folder = _bundle(tmp_path)
    (folder / "images" / "zero.jpg").symlink_to("/dev/zero")
    assert set(read_article(folder).images) == {"images/a.jpg"}


def test_a_fifo_named_article_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "trap.article"
    os.mkfifo(fifo)
    result: list[BaseException] = []
    worker = threading.Thread(target=lambda: _catch(result, fifo), daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading a FIFO hung"
    assert isinstance(result[0], DocumentError) and "regular file" in str(result[0])


def test_a_fifo_inside_a_bundle_is_skipped_without_hanging(tmp_path):
    folder = _bundle(tmp_path)
    os.mkfifo(folder / "images" / "pipe.jpg")
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(read_article(folder)), daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading a FIFO hung"
    assert set(result[0].images) == {"images/a.jpg"}


def _catch(result: list[BaseException], path) -> None:
    try:
        read_article(path)
    except BaseException as exc:  # noqa: BLE001 - the test inspects it
        result.append(exc)


def test_a_photo_retouched_in_place_is_not_reverted(tmp_path):
    folder = _bundle(tmp_path)
    article = read_article(folder)
    (folder / "images" / "a.jpg").write_bytes(b"photo-1 retouched")
    article.headline = "고친 제목"
    write_article(article, folder)
    assert (folder / "images" / "a.jpg").read_bytes() == b"photo-1 retouched"
    assert article.images["images/a.jpg"] == b"photo-1 retouched", "the article takes it"
    assert read_article(folder).headline == "고친 제목"


def test_a_md_never_overwrites_another_articles_image(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.jpg").write_bytes(b"the other article's photo")
    (tmp_path / "other.md").write_text(INDEX, encoding="utf-8")
    mine = Article(headline="내 기사", body="![내 사진](images/a.jpg)\n")
    mine.images["images/a.jpg"] = b"my photo"
    write_article(mine, tmp_path / "mine.md")
    assert (tmp_path / "images" / "a.jpg").read_bytes() == b"the other article's photo"
    back = read_article(tmp_path / "mine.md")
    assert list(back.images.values()) == [b"my photo"]
    assert "images/a-2.jpg" in back.body
    assert read_article(tmp_path / "other.md").images["images/a.jpg"] == (
        b"the other article's photo"
    )
