"""Desktop, phone and side-by-side: true CSS widths, scaled to fit; the share card."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.webengine

HEADLINE = "document.querySelector('h1[data-field=headline]').textContent"


def test_the_phone_viewport_is_360_390_and_412_css_px(pane, document, wait_ready, wait_js):
    pane.set_document(document)
    pane.set_mode("mobile", 360)
    wait_ready(pane)
    view = pane.views["mobile"]
    for width in (360, 390, 412):
        pane.set_mode("mobile", width)
        wait_js(
            view,
            "[window.innerWidth, document.documentElement.clientWidth]",
            lambda v, w=width: v == [w, w],
        )
    assert "desktop" not in pane.views  # a mode never shown is never created


def test_a_narrow_pane_scales_the_phone_but_keeps_its_css_width(
    make_pane, document, wait_ready, wait_js
):
    pane = make_pane(width=640, height=700)
    pane.set_share_card_visible(False)
    pane.set_document(document)
    pane.set_mode("both", 412)
    wait_ready(pane)
    phone, desktop = pane.views["mobile"], pane.views["desktop"]
    assert phone.zoomFactor() < 1 and desktop.zoomFactor() < 1
    wait_js(phone, "window.innerWidth", lambda w: w is not None and abs(w - 412) <= 1)
    wait_js(desktop, "window.innerWidth", lambda w: w is not None and w >= 1279)
    # The desktop page keeps its width in a frame that scrolls sideways; both fit the pane.
    assert pane.desktop_frame.width() + pane.phone.width() <= 640
    assert desktop.width() > pane.desktop_frame.viewport().width()


def test_both_mode_patches_both_pages(pane, document, wait_ready, wait_js):
    pane.set_document(document)
    pane.set_mode("side-by-side", 390)  # the settings' name for "both"
    wait_ready(pane)
    assert pane.mode == "both" and set(pane.views) == {"desktop", "mobile"}
    document.set("headline", "양쪽에 보이는 제목")
    for view in pane.active_views():
        wait_js(view, HEADLINE, lambda t: t == "양쪽에 보이는 제목")


def test_a_hidden_layout_catches_up_when_shown(pane, document, wait_ready, wait_js):
    pane.set_document(document)
    pane.set_mode("both", 390)
    wait_ready(pane)
    pane.set_mode("desktop", 390)
    document.set("headline", "숨어 있던 사이에 바뀐 제목")
    wait_js(pane.views["desktop"], HEADLINE, lambda t: t == "숨어 있던 사이에 바뀐 제목")
    pane.set_mode("mobile", 390)
    wait_js(pane.views["mobile"], HEADLINE, lambda t: t == "숨어 있던 사이에 바뀐 제목")


def test_the_share_card_shows_title_summary_and_image(pane, document, wait_ready, qtbot):
    pane.set_document(document)
    card = pane.share_card
    assert card.title_label.text() == document.article.headline
    assert card.description_label.text() == document.article.summary
    assert "www.sisacatch.example" in card.domain_label.text()
    assert not card.image_label.pixmap().isNull()
    document.set("summary", "")
    qtbot.waitUntil(lambda: card.description_label.text().startswith("[시사캐치] 세종시가"))
    assert card.description_label.text().endswith("…")
    pane.share_card_action.setChecked(False)
    assert not card.isVisible()


def test_the_share_card_is_filled_before_the_pane_is_shown(make_pane, document):
    pane = make_pane(show=False)  # the main window sets the document before showing the pane
    pane.set_document(document)
    assert pane.share_card.title_label.text() == document.article.headline
    card = pane.share_card
    assert card.height() >= card.layout().totalHeightForWidth(card.width())  # nothing overlaps
