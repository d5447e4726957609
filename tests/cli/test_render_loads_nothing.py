"""The render page loads nothing remote: not a lead image URL, not a body image, no script."""

from __future__ import annotations

import re

from editor.cli.main import main
from editor.core.model import Article, LeadImage
from editor.storage import write_article

BEACON = "http://127.0.0.1:9/beacon.gif"


def test_a_remote_lead_image_is_never_in_the_page(tmp_path, capsys):
    article = Article(
        headline="추적 이미지",
        body=f"본문 ![원격]({BEACON})\n",
        lead_image=LeadImage(src=BEACON, alt="대표 사진", caption="설명"),
    )
    source = tmp_path / "a.article"
    write_article(article, source)
    out = tmp_path / "page.html"
    assert main(["render", str(source), "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    lead = re.search(r'<img data-field="lead-image"[^>]*>', html)
    assert lead is not None and BEACON not in lead.group(0)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp is not None and html.index(csp.group(0)) < html.index("<title")
    policy = csp.group(1)
    assert "default-src 'none'" in policy and "img-src data:;" in policy
    assert "script-src" not in policy, "no script source is allowed at all"
    assert "대표 사진" in html and "설명" in html
