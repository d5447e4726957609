"""base_url: absolute og:image, JSON-LD, canonical and ninjs hrefs when set, relative when not."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest
from test_html_bundle import SLUG, _sample, parse

from editor.core.errors import ProfileError
from editor.export.html_bundle import HtmlBundleExporter
from editor.render.profiles import load_profile

BASE = "https://www.sisacatch.example/news/"


def _build(**settings):
    profile = load_profile("sisacatch")
    profile = dataclasses.replace(profile, data={**profile.data, **settings}, _env=None)
    return HtmlBundleExporter(profile).build(_sample(), SLUG)


def _parts(files):
    html = files["index.html"].decode("utf-8")
    ld = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    canonical = re.findall(r'<link rel="canonical" href="([^"]*)">', html)
    return parse(html).meta, ld, canonical, json.loads(files["article.json"])


def test_with_base_url_every_machine_read_url_is_absolute():
    meta, ld, canonical, item = _parts(_build(base_url=BASE.rstrip("/")))
    page = f"{BASE}{SLUG}/"
    assert canonical == [page]
    assert meta["og:url"] == [page]
    assert meta["og:image"] == [f"{page}images/shuttle-lead-1600.jpg"]
    assert meta["twitter:image"] == [f"{page}images/shuttle-lead-1600.jpg"]
    assert ld["url"] == page and ld["mainEntityOfPage"]["@id"] == page
    assert ld["image"] == [f"{page}images/shuttle-lead-1600.jpg"]
    hrefs = [r["href"] for r in item["associations"]["featureimage"]["renditions"].values()]
    assert hrefs == [f"{page}images/shuttle-lead-1600.jpg", f"{page}images/shuttle-lead-800.jpg"]


def test_article_path_places_the_page_and_is_escaped():
    _, ld, canonical, _ = _parts(_build(base_url=BASE, article_path="/기사/{slug}.html"))
    assert canonical == [f"{BASE}%EA%B8%B0%EC%82%AC/{SLUG}.html"]
    assert ld["image"] == [f"{BASE}%EA%B8%B0%EC%82%AC/images/shuttle-lead-1600.jpg"]


def test_without_base_url_urls_stay_relative_and_there_is_no_canonical():
    meta, ld, canonical, item = _parts(_build())
    assert canonical == [] and "og:url" not in meta and "url" not in ld
    assert meta["og:image"] == ["images/shuttle-lead-1600.jpg"]
    assert ld["image"] == ["images/shuttle-lead-1600.jpg"]
    lead = item["associations"]["featureimage"]["renditions"]["jpeg_1600"]
    assert lead["href"] == "images/shuttle-lead-1600.jpg"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"base_url": "www.sisacatch.example"}, "base_url must be an absolute"),
        ({"base_url": "ftp://x.example/"}, "base_url must be an absolute"),
        ({"base_url": "https://x.example/", "article_path": "news/"}, "{slug}"),
    ],
)
def test_a_bad_base_url_is_one_clear_message(tmp_path, settings, message):
    import shutil

    import yaml

    from editor.render.profiles import bundled_profiles_dir

    folder = tmp_path / "sites" / "mine"
    shutil.copytree(bundled_profiles_dir() / "sisacatch", folder)
    data = yaml.safe_load((folder / "site.yaml").read_text(encoding="utf-8"))
    (folder / "site.yaml").write_text(yaml.safe_dump({**data, **settings}), encoding="utf-8")
    with pytest.raises(ProfileError, match=re.escape(message)):
        load_profile("mine", tmp_path / "sites")
