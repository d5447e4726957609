"""Notes, approvals and history stay in the .article: neither export carries any of them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from editor.core import review
from editor.export import export_article
from editor.storage import read_article

SECRETS = ["데스크 비밀 메모", "기자 답글 내용", "수정 이력 요약", "김데스크", ".editor"]


def _reviewed_article(window, tmp_path: Path, select_in_body):
    select_in_body(window, "22km")
    window.review.begin_note()
    note = window.review.notes_panel.add_note("데스크 비밀 메모")
    review.update_note(window.document.article, note.id, reply=("김하늘", "기자 답글 내용"))
    window.review.flow.approve()
    window.review.summary_edit.setText("수정 이력 요약")
    path = tmp_path / "reviewed.article"
    assert window._write(lambda: window.document.save_as(path))
    assert b".editor/" in path.read_bytes()  # the .article itself does carry them
    article = read_article(path)
    assert review.notes(article) and review.revisions(article) and review.approval(article)
    return article


def _every_byte(root: Path) -> list[tuple[str, bytes]]:
    found = []
    for path in [root] if root.is_file() else sorted(root.rglob("*")):
        if path.is_file():
            found.append((str(path), path.read_bytes()))
            if path.suffix == ".zip":
                with zipfile.ZipFile(path) as bundle:
                    found += [(n, n.encode() + bundle.read(n)) for n in bundle.namelist()]
        found.append((str(path), str(path.relative_to(root.parent)).encode()))
    return found


@pytest.mark.parametrize("fmt", ["markdown", "html"])
@pytest.mark.parametrize("as_zip", [False, True])
def test_notes_and_history_never_reach_an_export(
    qtbot, tmp_path, review_window, select_in_body, fmt, as_zip
):
    article = _reviewed_article(review_window, tmp_path, select_in_body)
    written = export_article(article, fmt, tmp_path / "out", as_zip=as_zip)
    files = _every_byte(written)
    assert len(files) > 2
    for name, data in files:
        for secret in SECRETS:
            assert secret.encode("utf-8") not in data, f"{secret} leaked into {name}"
