"""The paste kit: fields in the CMS form's order, clean body HTML and text, a photo folder."""

from __future__ import annotations

import io

from exporthelp import photo
from PIL import Image
from publish_corpus import korean_article

from editor.publish.pastekit import build_kit, html_to_text, write_photos


def test_fields_come_in_the_forms_order_as_typed():
    kit = build_kit(korean_article())
    assert [f.key for f in kit.fields] == [
        "headline",
        "subhead",
        "body",
        "caption",
        "credit",
        "tags",
    ]
    assert kit.field("headline").text == "MBC <PD수첩>, 《토지》 다시 읽기… “3~4일 방송”"
    assert kit.field("subhead").text == "<SBS 스페셜>과 함께 기획\n원작자 인터뷰도 담아"
    assert kit.field("subhead").html == "&lt;SBS 스페셜&gt;과 함께 기획<br>원작자 인터뷰도 담아"
    assert kit.field("caption").text == "▲ 드라마 촬영지인 최참판댁"
    assert kit.field("credit").text == "사진=하동군 제공"
    assert kit.field("tags").text == "<JTBC>, 방송, 토지"


def test_body_is_clean_html_and_notepad_text_with_photo_markers():
    body = build_kit(korean_article()).field("body")
    assert body.html == (
        "<p>[시사캐치=홍길동 기자] MBC &lt;PD수첩&gt;이 <strong>“탐사보도”</strong>는 "
        "끝나지 않았다고 말했다.</p>\n"
        "<p>[사진 02-pyeongsari.jpg]</p>\n"
        "<p>제작진은 3~4일 이틀에 걸쳐 방송한다고 밝혔다.</p>\n"
        "<p>[사진 03-manuscript.jpg]</p>\n"
        "<p>홍길동 기자 hong@sisacatch.example</p>"
    )
    assert body.text == (
        "[시사캐치=홍길동 기자] MBC <PD수첩>이 “탐사보도”는 끝나지 않았다고 말했다.\n\n"
        "[사진 02-pyeongsari.jpg]\n\n"
        "제작진은 3~4일 이틀에 걸쳐 방송한다고 밝혔다.\n\n"
        "[사진 03-manuscript.jpg]\n\n"
        "홍길동 기자 hong@sisacatch.example\n"
    )


def test_lists_and_line_breaks_survive_as_text():
    assert html_to_text("<ul>\n<li>하나</li>\n<li>둘</li>\n</ul>\n<p>가<br>나</p>") == (
        "- 하나\n- 둘\n\n가\n나\n"
    )


def test_photo_folder_upright_stripped_ascii_in_body_order(tmp_path):
    article = korean_article()
    article.images["images/평사리 전경.jpg"] = photo(2400, 1600, gps=True, seed=9)
    article.body += "\n![마을](images/평사리%20전경.jpg)\n"
    kit = build_kit(article)
    (tmp_path / "keep.txt").write_text("mine")
    paths = write_photos(kit, tmp_path)
    names = [p.name for p in paths]
    assert names == ["01-lead.jpg", "02-pyeongsari.jpg", "03-manuscript.jpg",
                     "04-pyeongsari-jeongyeong.jpg"]  # fmt: skip
    assert all(name.isascii() for name in names)
    with Image.open(tmp_path / "03-manuscript.jpg") as img:
        assert img.size == (800, 1200)  # the sideways phone photo, upright
        assert not img.getexif()  # no orientation, camera, serial or GPS left
    with Image.open(io.BytesIO((tmp_path / "04-pyeongsari-jeongyeong.jpg").read_bytes())) as img:
        assert img.size == (1200, 800) and not img.getexif()
    assert (tmp_path / "captions.txt").read_text(encoding="utf-8").splitlines() == [
        "01-lead.jpg\t▲ 드라마 촬영지인 최참판댁 사진=하동군 제공",
        "02-pyeongsari.jpg\t▲ 경남 하동 평사리 마을",
        "03-manuscript.jpg\t▲ 박경리 선생의 육필 원고",
        "04-pyeongsari-jeongyeong.jpg\t",
    ]
    assert (tmp_path / "keep.txt").read_text() == "mine"  # nothing else touched
