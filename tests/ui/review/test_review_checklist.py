"""The checklist panel: every rule shows, each finding jumps to its passage, and `check` agrees."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit

from editor.cli.main import main as cli_main
from editor.core.model import Article, Author, LeadImage
from editor.storage import write_article
from editor.ui.messages import Answer
from editor.ui.review.checklist_panel import measure_on_phone
from editor.ui.review.fields import field_widgets
from editor.ui.review.problem_text import problem_text

EVERY_CODE = {
    "headline-missing", "headline-newline", "headline-long", "headline-over-target",
    "headline-mobile-lines", "headline-clickbait", "subhead-missing", "body-missing",
    "lead-image-missing", "alt-missing", "caption-missing", "credit-missing", "image-missing",
    "author-missing", "email-invalid", "slug-invalid", "lead-image-small", "body-short",
    "copyright-form", "link-broken", "placeholder", "house-style", "sentence-long",
    "image-broken", "image-gps", "style-sensitive",
}  # fmt: skip


def _small_photo_with_gps() -> bytes:
    img = Image.new("RGB", (800, 600), "white")
    exif = Image.Exif()
    exif.get_ifd(0x8825)[1] = "N"
    exif.get_ifd(0x8825)[2] = (37.0, 30.0, 0.0)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def broken_articles() -> list[Article]:
    """Return articles that between them break every rule of the checklist."""
    body = (
        "세종시가 ○○○ 구간을 넓힌다고 밝혔다. 시는 회의를 개최하였다. 꿀 먹은 벙어리였다. "
        + "아주 " * 25
        + "긴 문장이다.\n\n[자료](htp:/x)\n\n![사진](images/none.jpg)\n\n"
        "저작권자 시사캐치 무단 전재 금지"
    )
    broken = Article(
        headline="충격 TK 시장이 밝힌 세종시 자율주행 셔틀 노선 두 배 확대 계획의 전말",
        body=body,
        lead_image=LeadImage("images/lead.jpg"),
        slug="Bad Slug",
        images={"images/lead.jpg": _small_photo_with_gps(), "images/bad.jpg": b"not an image"},
    )
    empty = Article(authors=[Author("김하늘", "not-an-address")])
    wordy = Article(headline="세종시 자율주행 셔틀\n시범운행 구간 두 배로", body="[시사캐치] 본문")
    return [broken, empty, wordy]


def _load(window, article: Article, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.article"
    write_article(article, path)
    window.document.load(path)
    return path


def _shown(window) -> list:
    panel = window.review.checklist
    return [
        panel.problem_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(panel.problem_list.count())
    ]


def test_every_rule_appears_in_the_panel_in_words(qtbot, tmp_path, review_window):
    seen = set()
    for n, article in enumerate(broken_articles()):
        _load(review_window, article, tmp_path, f"a{n}")
        review_window.review.check_again()  # measures (here: 2 lines, or 3 when long)
        review_window.review.checklist.runner.measure = lambda a, _p: {360: 3}
        review_window.review.check_again()
        panel = review_window.review.checklist
        for i, problem in enumerate(_shown(review_window)):
            assert problem_text(problem) == problem.message  # English: the core's words
            assert panel.problem_list.item(i).text().endswith(problem.message)
            seen.add(problem.code)
    assert seen == EVERY_CODE
    assert "error(s)" in review_window.review.checklist.summary_label.text()


def test_each_problem_jumps_to_its_field_and_passage(qtbot, tmp_path, review_window):
    _load(review_window, broken_articles()[0], tmp_path, "broken")
    panel = review_window.review.checklist
    widgets = field_widgets(review_window)
    for row in range(panel.problem_list.count()):
        item = panel.problem_list.item(row)
        problem = item.data(Qt.ItemDataRole.UserRole)
        panel.problem_list.itemActivated.emit(item)
        widget = widgets[problem.field]
        if problem.start < 0 or problem.start == problem.end:
            continue
        from editor.core.review import field_text

        wanted = field_text(review_window.document.article, problem.field)
        wanted = wanted[problem.start : problem.end]
        if isinstance(widget, QLineEdit):
            assert widget.selectedText() == wanted, problem
        elif isinstance(widget, QPlainTextEdit):
            selected = widget.textCursor().selectedText().replace("\u2029", "\n")
            assert selected == wanted, problem


def test_the_panel_refreshes_after_a_pause_in_typing(qtbot, review_window, commit_text):
    panel = review_window.review.checklist
    assert not any(p.code == "placeholder" for p in panel.problems)
    commit_text(review_window.body_editor.text_edit, "TK ")
    assert panel.timer.isActive()
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        pass
    assert any(p.code == "placeholder" for p in panel.problems)


@pytest.mark.webengine
@pytest.mark.parametrize("which", ["sample", "broken"])
def test_check_prints_what_the_panel_shows(qtbot, tmp_path, capsys, review_window, which):
    from editor import resources

    path = resources.sample_path()
    if which == "broken":
        path = _load(review_window, broken_articles()[0], tmp_path, "broken")
    else:
        review_window.document.load(path)
    review_window.review.checklist.runner.measure = measure_on_phone  # QtWebEngine, 360 px
    review_window.review.check_again()
    shown = [
        f"{p.severity}: {p.field}: {p.message}"
        + (f" [{p.args['rule']}]" if p.args.get("rule") else "")
        for p in _shown(review_window)
    ]
    capsys.readouterr()
    # Spelling is the editor's underlines in the window; check adds it unless told not to.
    status = cli_main(["check", "--no-spelling", str(path)])
    printed = capsys.readouterr().out.splitlines()
    assert printed == shown
    assert status == (1 if which == "broken" else 0)
    if which == "sample":
        assert review_window.review.checklist.runner.headline_lines(
            review_window.document.article
        ) == {360: 2}


def test_export_warns_while_errors_remain(qtbot, tmp_path, review_window, prompts):
    from editor.ui.dialogs import ExportDialog

    _load(review_window, broken_articles()[0], tmp_path, "broken")
    dialog = ExportDialog(review_window.document, review_window.settings, review_window)
    qtbot.addWidget(dialog)
    dialog.destination_edit.setText(str(tmp_path / "out"))
    prompts.answer(Answer.CANCEL)
    dialog.start_export()
    assert dialog._job is None and not (tmp_path / "out").exists()
    assert "error(s)" in prompts.seen[-1].text and "○○○" in prompts.seen[-1].text
    prompts.answer(Answer.YES, Answer.NO)  # export anyway; then do not open the folder
    with qtbot.waitSignal(dialog.export_finished, timeout=30_000):
        dialog.start_export()


def test_a_hidden_checklist_costs_nothing_until_shown(qtbot, window, commit_text):
    panel = window.review.checklist
    commit_text(window.body_editor.text_edit, "TK ")
    assert panel.problems == [] and not panel.timer.isActive()
    window.review.set_review_mode(True)
    assert any(p.code == "placeholder" for p in panel.problems)


def test_the_checklist_reuses_the_previews_count_on_a_360_px_phone(qtbot, review_window):
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QLabel

    class Preview(QLabel):
        headline_measured = Signal(str, int, int, str)

    probes: list[str] = []
    checklist = review_window.review.checklist
    checklist.runner.measure = lambda article, _p: probes.append(article.headline) or {360: 9}
    preview = Preview("preview")
    qtbot.addWidget(preview)
    review_window.preview_installed.emit(preview)
    headline = review_window.document.article.headline
    preview.headline_measured.emit("mobile", 390, 4, headline)  # another phone: not used
    preview.headline_measured.emit("desktop", 1280, 1, headline)
    assert checklist.runner.headline_lines(review_window.document.article) is None
    preview.headline_measured.emit("mobile", 360, 3, headline)
    assert "3 line(s), measured" in checklist.measure_label.text()  # without Check Again
    review_window.review.check_again()
    assert probes == [] and "3 line(s)" in checklist.measure_label.text()
    preview.headline_measured.emit("mobile", 360, 5, "예전 제목")  # late: an older headline
    assert "3 line(s)" in checklist.measure_label.text()
    review_window.document.set_field("headline", "고친 제목")  # not counted by the preview yet
    review_window.review.check_again()
    assert probes == ["고친 제목"] and "9 line(s)" in checklist.measure_label.text()


def _style_item(panel, field: str, wrong: str):
    for row in range(panel.problem_list.count()):
        item = panel.problem_list.item(row)
        problem = item.data(Qt.ItemDataRole.UserRole)
        if problem.code == "house-style" and (problem.field, problem.args["wrong"]) == (
            field,
            wrong,
        ):
            return item
    return None


def test_a_style_finding_is_fixed_from_the_panel_in_one_undo_step(qtbot, review_window):
    doc = review_window.document
    doc.set_body("시는 22일 설명회를 개최하였다. 주민 의견도 들었다.")
    panel = review_window.review.checklist
    panel.refresh()
    item = _style_item(panel, "body", "개최하였다")
    assert item is not None
    assert not panel.fix_button.isVisible()
    panel.problem_list.setCurrentItem(item)
    assert panel.fix_button.isVisible()
    assert panel.fix_button.text() == panel.tr("Fix: {wrong} → {fix}").format(
        wrong="개최하였다", fix=item.data(Qt.ItemDataRole.UserRole).args["fix"]
    )
    fix = item.data(Qt.ItemDataRole.UserRole).args["fix"]
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert doc.article.body == f"시는 22일 설명회를 {fix}. 주민 의견도 들었다."
    assert _style_item(panel, "body", "개최하였다") is None
    review_window.body_editor.text_edit.undo()
    assert doc.article.body == "시는 22일 설명회를 개최하였다. 주민 의견도 들었다."


def test_the_fix_is_offered_in_the_panels_context_menu_for_the_headline(qtbot, review_window):
    doc = review_window.document
    doc.set_field("headline", "세종시, 자율주행 버스 시범운행 발표하였다")
    panel = review_window.review.checklist
    panel.refresh()
    item = _style_item(panel, "headline", "하였다")
    assert item is not None
    panel.problem_list.scrollToItem(item)
    pos = panel.problem_list.visualItemRect(item).center()
    panel.problem_list.customContextMenuRequested.emit(pos)
    menu = panel.findChild(QMenu)
    action = menu.findChild(QAction, "checklist_fix_action")
    assert action.text() == panel.tr("Fix: {wrong} → {fix}").format(wrong="하였다", fix="했다")
    action.trigger()
    menu.close()
    assert doc.article.headline == "세종시, 자율주행 버스 시범운행 발표했다"
    assert _style_item(panel, "headline", "하였다") is None
    review_window.form.headline_edit.undo()
    assert doc.article.headline == "세종시, 자율주행 버스 시범운행 발표하였다"
