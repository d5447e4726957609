"""The Nu HTML Checker on a bundle whose image names have spaces, Hangul and NFD Hangul."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from urllib.parse import unquote

import pytest
from exporthelp import fragment_page, nu_check
from test_ninjs_schema import BASE, _awkward_names

from editor.export.html_bundle import HtmlBundleExporter
from editor.render.profiles import load_profile


def _files(**settings) -> dict:
    profile = load_profile("sisacatch")
    profile = dataclasses.replace(profile, data={**profile.data, **settings}, _env=None)
    return HtmlBundleExporter(profile).build(_awkward_names(), "awkward")


@pytest.mark.slow
def test_awkward_file_names_give_zero_nu_errors(tmp_path):
    """Both pages, with and without base_url (canonical, absolute og:image), in one JVM."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, files in (("relative", _files()), ("absolute", _files(base_url=BASE))):
        index = files["index.html"].decode("utf-8")
        urls = re.findall(r'\ssrc="([^"]*)"', index)
        urls += [u.split()[0] for s in re.findall(r'srcset="([^"]*)"', index) for u in s.split(",")]
        assert len(urls) >= 5 and all(unquote(u) in files for u in urls), urls
        assert all(unicodedata.is_normalized("NFC", unquote(u)) for u in urls), urls
        (pages / f"{name}.html").write_text(index, encoding="utf-8")
        fragment = files["article.html"].decode("utf-8")
        (pages / f"{name}-fragment.html").write_text(fragment_page(fragment), encoding="utf-8")
    nu_check(pages)
