"""Two states of an article compared: per-field differences, and the body marked on the page."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from editor.core import review
from editor.core.diff import changes_to_html, condense, diff_html, diff_text, has_changes
from editor.core.model import Article, Status
from editor.ui.review.fields import field_label
from editor.ui.review.status import status_label

translate = QCoreApplication.translate
DIFF_CSS = (
    "<style>"
    "ins.diff-ins{background:#d6f5dd;color:#0b5d1e;text-decoration:none;border-radius:2px}"
    "del.diff-del{background:#fde0e0;color:#9b1c1c;text-decoration:line-through;"
    "border-radius:2px}"
    "</style>"
)
# A page loaded in a hidden tab has no real height yet, and its images and fonts move the
# change as they arrive: keep the change centred on every resize, image load and show until
# the reader scrolls by hand (a once-only listener lost the race to later layout passes).
SCROLL_TO_CHANGE_JS = """(() => {
  const first = document.querySelector('ins.diff-ins, del.diff-del');
  if (!first) return false;
  let reader = false;
  for (const kind of ['wheel', 'keydown', 'mousedown', 'touchstart']) {
    window.addEventListener(kind, () => { reader = true; }, {once: true, passive: true});
  }
  const go = () => { if (!reader) first.scrollIntoView({block: 'center'}); };
  window.__centreChange = go;
  go();
  window.addEventListener('resize', go);
  document.addEventListener('visibilitychange', go);
  for (const img of document.images) if (!img.complete) img.addEventListener('load', go);
  if (document.fonts) document.fonts.ready.then(go);
  return true;
})()"""
BROWSER_CSS = (
    "ins{background:#d6f5dd;color:#0b5d1e;text-decoration:none}"
    "del{background:#fde0e0;color:#9b1c1c}"
    "h4{margin:14px 0 4px 0;color:#4a5361}"
    "div.diff{white-space:pre-wrap;font-size:15px;line-height:160%}"
)
_LEAD_FIELDS = {
    "src": "lead_image",
    "alt": "lead_image.alt",
    "caption": "lead_image.caption",
    "credit": "lead_image.credit",
}


def state_of(article: Article, revision_id: str | None) -> dict[str, Any] | None:
    """Return a revision's tracked fields, or the article as it is now when id is None."""
    return (
        review.snapshot(article)
        if revision_id is None
        else review.revision_fields(article, revision_id)
    )


def _texts(state: dict[str, Any]) -> dict[str, str]:
    """Flatten a state into the fields a desk reads, each as text."""
    lead = state.get("lead_image") or {}
    texts = {name: str(state.get(name) or "") for name in ("headline", "subhead", "summary")}
    texts["body"] = str(state.get("body") or "")
    for part, name in _LEAD_FIELDS.items():
        texts[name] = str(lead.get(part) or "")
    texts["section"] = str(state.get("section") or "")
    texts["tags"] = ", ".join(state.get("tags") or [])
    texts["authors"] = ", ".join(
        " ".join(x for x in (a.get("name", ""), a.get("email", "")) if x)
        for a in state.get("authors") or []
    )
    texts["status"] = status_label(Status.parse(state.get("status")))
    return texts


def field_differences(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str]]:
    """Return (field, HTML of its marked differences) for each field that changed."""
    found = []
    before, after = _texts(old), _texts(new)
    for name, text in after.items():
        changes = diff_text(before.get(name, ""), text)
        if has_changes(changes):
            found.append((name, changes_to_html(condense(changes))))
    return found


def differences_html(old: dict[str, Any], new: dict[str, Any]) -> str:
    """Return the per-field differences as one HTML page for a text browser."""
    parts = [f"<style>{BROWSER_CSS}</style>"]
    for name, marked in field_differences(old, new):
        parts.append(f"<h4>{html.escape(field_label(name))}</h4><div class='diff'>{marked}</div>")
    if len(parts) == 1:
        nothing = translate("RevisionsDialog", "No differences.")
        parts.append(f"<p>{html.escape(nothing)}</p>")
    return "".join(parts)


def article_at(article: Article, state: dict[str, Any]) -> Article:
    """Return a copy of the article with a state's fields (images as they are now)."""
    copy = article.copy()
    review.apply_revision_fields(copy, state)
    copy.status = Status.parse(state.get("status"))
    return copy


def page_html(article: Article, old: dict[str, Any], new: dict[str, Any]) -> str:
    """Render the newer state's desktop page with the body's differences marked."""
    from editor.render.markdown import render_body
    from editor.render.page import Layout, render_page
    from editor.render.profiles import load_profile
    from editor.render.urls import FileUrls

    shown = article_at(article, new)
    profile = load_profile(shown.site)
    body = diff_html(render_body(old.get("body", "")), render_body(new.get("body", "")))
    return render_page(
        shown,
        profile,
        Layout.DESKTOP,
        urls=FileUrls(profile, shown.images),
        body_html=body,
        head_extra=DIFF_CSS,
    )


class _LocalOnly(QWebEngineUrlRequestInterceptor):
    """Refuse every request that could leave the machine (the page is ours, its links not)."""

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt API
        if info.requestUrl().scheme().lower() not in ("file", "data", "blob"):
            info.block(True)


class DiffPageView(QWebEngineView):
    """A read-only rendered page (loaded from a temp file: setHtml stops at about 2 MB)."""

    page_loaded = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("diff_page_view")
        # The profile is the parent's child created after this view, so Qt deletes the view
        # (and its page) first: a profile must outlive its pages.
        self._web_profile = QWebEngineProfile(parent)  # off the record
        self._interceptor = _LocalOnly(self._web_profile)
        self._web_profile.setUrlRequestInterceptor(self._interceptor)
        self.setPage(QWebEnginePage(self._web_profile, self))
        settings = self.page().settings()
        settings.setAttribute(
            QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False
        )
        settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False)
        self._folder = tempfile.TemporaryDirectory(prefix="article-diff-")
        self._count = 0
        self.loadFinished.connect(self._on_load_finished)

    def show_page(self, text: str) -> None:
        """Show a page's HTML."""
        self._count += 1  # a new name each time, so the view never shows a cached copy
        target = Path(self._folder.name) / f"diff-{self._count}.html"
        target.write_text(text, encoding="utf-8")
        self.load(QUrl.fromLocalFile(str(target)))

    def _on_load_finished(self, ok: bool) -> None:
        self.page().runJavaScript(SCROLL_TO_CHANGE_JS, 0, lambda _found: self.page_loaded.emit(ok))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Centre the change again once the tab is shown and the view has its size."""
        super().showEvent(event)
        self.page().runJavaScript("window.__centreChange && window.__centreChange()", 0)

    def remove_files(self) -> None:
        """Remove the pages written so far."""
        self._folder.cleanup()
