"""article.json against IPTC's own ninjs 1.4 JSON Schema, format checks on."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from exporthelp import photo
from test_html_bundle import SLUG, _sample

from editor.core.model import Article, LeadImage, Status
from editor.export.html_bundle import HtmlBundleExporter
from editor.export.ninjs import NINJS_SCHEMA
from editor.render.profiles import load_profile

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "ninjs" / "ninjs-schema_1.4.json"
BASE = "https://www.sisacatch.example/news/"


def _validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"] == NINJS_SCHEMA, "article.json declares the schema we check against"
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def _item(article: Article, slug: str, **settings) -> dict:
    profile = load_profile("sisacatch")
    profile = dataclasses.replace(profile, data={**profile.data, **settings}, _env=None)
    return json.loads(HtmlBundleExporter(profile).build(article, slug)["article.json"])


def _awkward_names() -> Article:
    """A draft whose image names have spaces, Hangul and NFD Hangul."""
    nfd = "images/\u1109\u1161\u110c\u1175\u11ab 3.jpg"  # 사진 3 in decomposed jamo
    images = {
        "images/my photo.jpg": photo(1700, 900),
        "images/사진 2.jpg": photo(900, 600),
        nfd: photo(800, 600),
    }
    body = f'본문\n\n![둘째](<images/사진 2.jpg> "둘째 캡션")\n\n![셋째](<{nfd}>)'
    return Article(
        headline="제목",
        body=body,
        lead_image=LeadImage("images/my photo.jpg", "대체", "캡션", "사진=시사캐치"),
        slug="awkward",
        status=Status.DRAFT,
        images=images,
    )


def test_format_checks_are_really_on():
    bad = {"uri": "urn:x:y", "versioncreated": "2025-13-45 nonsense"}
    assert [e.validator for e in _validator().iter_errors(bad)] == ["format"]
    assert not list(_validator().iter_errors({"uri": "urn:x:y"}))


@pytest.mark.parametrize("make", [lambda: (_sample(), SLUG), lambda: (_awkward_names(), "awkward")])
def test_article_json_is_valid_ninjs_with_base_url(make):
    article, slug = make()
    item = _item(article, slug, base_url=BASE)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(item)]
    assert errors == []


def test_without_base_url_only_the_relative_hrefs_are_not_uris():
    """ninjs wants an absolute href; bundle-relative ones are the documented exception."""
    item = _item(_awkward_names(), "awkward")
    errors = list(_validator().iter_errors(item))
    assert errors, "relative hrefs are not URIs by RFC 3986"
    for error in errors:
        path = list(error.absolute_path)
        assert error.validator == "format" and path[0] == "associations" and path[-1] == "href"


def test_every_body_image_is_associated_with_its_renditions():
    item = _item(_awkward_names(), "awkward", base_url=BASE)
    assoc = item["associations"]
    assert list(assoc) == ["featureimage", "image1", "image2"]
    assert item["pubstatus"] == "withheld"
    assert assoc["featureimage"]["description_text"] == "캡션"
    assert assoc["featureimage"]["byline"] == "사진=시사캐치"
    assert (
        assoc["image1"]["body_text"] == "둘째"
        and assoc["image1"]["description_text"] == "둘째 캡션"
    )
    assert assoc["image2"]["body_text"] == "셋째"
    for role, picture in assoc.items():
        assert picture["type"] == "picture" and picture["renditions"], role
        for rendition in picture["renditions"].values():
            assert rendition["href"].startswith(f"{BASE}awkward/images/"), rendition
            assert " " not in rendition["href"]


def test_the_sample_associates_its_body_photo():
    assoc = _item(_sample(), SLUG)["associations"]
    assert list(assoc) == ["featureimage", "image1"]
    hrefs = [r["href"] for r in assoc["image1"]["renditions"].values()]
    assert hrefs == ["images/shuttle-stop-1200.jpg", "images/shuttle-stop-800.jpg"]
