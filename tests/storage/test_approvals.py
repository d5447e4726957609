"""Approval is verifiable: an HMAC by the desk key (in the keyring) over the approved content."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from editor.cli.main import main
from editor.core import review, signing
from editor.core.model import Article, Status
from editor.export import export_article
from editor.storage import approvals, read_article, write_article


def _approved(headline: str = "승인된 기사") -> Article:
    article = Article(headline=headline, body="본문입니다.", slug="approved")
    article.images["images/a.jpg"] = b"photo"
    review.set_status(article, Status.APPROVED, "김데스크")
    approvals.sign(article)
    return article


def _forge(path) -> None:
    """The two hand edits of the red team: status approved, and an approval by a made-up desk."""
    with zipfile.ZipFile(path) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    files["index.md"] = files["index.md"].replace(b"status: draft", b"status: approved")
    files[".editor/approval.json"] = json.dumps({"by": "가짜 데스크", "at": "2026-01-01"}).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def test_a_desk_approval_verifies_after_a_save_and_publishes(tmp_path, memory_keyring):
    path = tmp_path / "a.article"
    write_article(_approved(), path)
    article = read_article(path)
    assert approvals.state(article) == signing.VERIFIED
    assert [k for k in memory_keyring.secrets] and "desk-signing" in str(memory_keyring.secrets)
    bundle = export_article(article, "markdown", tmp_path / "out")
    assert "draft: false" in (bundle / "index.md").read_text(encoding="utf-8")


def test_a_forged_approval_is_unverified_in_check_and_exports_as_a_draft(tmp_path, capsys):
    approvals.desk_key(create=True)  # this machine has a desk key: still, nothing verifies
    path = tmp_path / "a.article"
    write_article(Article(headline="기사", body="본문", slug="forged"), path)
    _forge(path)
    article = read_article(path)
    assert article.status is Status.APPROVED
    assert approvals.state(article) == signing.UNVERIFIED
    main(["check", str(path), "--no-measure"])
    err = capsys.readouterr().err
    assert "approval unverified" in err and "approved by 가짜 데스크" not in err
    bundle = export_article(article, "markdown", tmp_path / "out")
    text = (bundle / "index.md").read_text(encoding="utf-8")
    assert "draft: true" in text and "status: approved" not in text


def test_a_signature_moved_to_another_article_or_an_edit_after_signing_fails(tmp_path):
    signed = _approved()
    other = Article(headline="다른 기사", body="본문입니다.")
    review.set_status(other, Status.APPROVED, "김데스크")
    other.private[review.APPROVAL_KEY] = dict(signed.private[review.APPROVAL_KEY])
    assert approvals.state(other) == signing.UNVERIFIED
    signed.body += " 몰래 고친 문장"  # a hand edit of index.md, not through the app
    assert approvals.state(signed) == signing.UNVERIFIED
    signed.body = signed.body.removesuffix(" 몰래 고친 문장")
    signed.images["images/a.jpg"] = b"another photo"
    assert approvals.state(signed) == signing.UNVERIFIED


def test_a_machine_without_the_desk_key_reads_it_as_unverified(memory_keyring):
    article = _approved()
    assert approvals.state(article) == signing.VERIFIED
    memory_keyring.secrets.clear()
    assert approvals.state(article) == signing.UNVERIFIED
    approvals.desk_key(create=True)  # a different key: still unverified
    assert approvals.state(article) == signing.UNVERIFIED


def test_no_keyring_leaves_the_approval_unsigned_and_unverified():
    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    article = Article(headline="x")
    review.set_status(article, Status.APPROVED, "김데스크")
    with pytest.raises(approvals.SecretStoreError):
        approvals.sign(article)
    assert approvals.state(article) == signing.UNVERIFIED


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("web_title", "몰래 바꾼 검색 제목"),
        ("social_title", "몰래 바꾼 공유 제목"),
        ("embargo", None),
    ],
)
def test_the_approval_covers_the_title_variants_and_the_embargo(name, value):
    from datetime import datetime

    from editor.core.clock import newsroom_zone

    article = Article(headline="승인된 기사", body="본문입니다.", web_title="검색 제목")
    article.social_title = "공유 제목"
    article.embargo = datetime(2026, 12, 1, 18, 0, tzinfo=newsroom_zone())
    review.set_status(article, Status.APPROVED, "김데스크")
    approvals.sign(article)
    assert approvals.state(article) == signing.VERIFIED
    setattr(article, name, value)  # a hand edit of index.md after the desk approved it
    assert approvals.state(article) == signing.UNVERIFIED


def test_an_approval_signed_before_the_assignment_fields_still_verifies():
    """Unset variants and embargo add nothing to what is signed: older approvals stay valid."""
    import hashlib

    article = _approved()
    earlier = review.snapshot(article)  # what the previous release signed
    earlier["images"] = {"images/a.jpg": hashlib.sha256(b"photo").hexdigest()}
    blob = json.dumps(earlier, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert signing.approval_digest(article) == hashlib.sha256(blob.encode()).hexdigest()
