"""A worker's render is applied on a turn of its own, and not while the reporter types."""

from __future__ import annotations

from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QObject, QThreadPool

from editor.ui.preview.body_render import BodyRenderQueue

BODY = "\n\n".join(f"문단 {n}: 세종시 자율주행 셔틀이 달린다." for n in range(30))


_OWNERS: list[QObject] = []  # the queues' parents live as long as the test module


def _queue(typing: list[bool]) -> tuple[BodyRenderQueue, list[list]]:
    text = [BODY]
    _OWNERS.append(QObject())
    queue = BodyRenderQueue(lambda: text[0], lambda html: html, _OWNERS[-1], busy=lambda: typing[0])
    queue.text = text  # the test edits the body through it
    applied: list[list] = []
    queue.rendered.connect(applied.append)
    queue.last_render_ms = 1e6  # pretend renders are slow: they go to a worker
    return queue, applied


def _worker_finishes() -> None:
    """Let the worker finish: its result is then a posted event, not yet handled."""
    QThreadPool.globalInstance().waitForDone(10_000)


def test_a_result_is_not_applied_among_the_posted_events_it_arrives_with(qtbot):
    queue, applied = _queue([False])
    queue.start()
    _worker_finishes()
    QCoreApplication.sendPostedEvents()  # what a keystroke's posted events would include
    assert applied == [] and queue.running  # held for a turn of its own
    with qtbot.waitSignal(queue.rendered, timeout=2000):
        pass
    assert len(applied) == 1 and applied[0][-1].html.endswith("달린다.</p>")
    assert not queue.running


def test_after_the_pause_a_result_is_applied_on_the_next_turn(qtbot):
    # The refresh waits for it: no HOLD_MS (20 ms) more when a long body went to the worker.
    queue, applied = _queue([False])
    queue.start()
    _worker_finishes()
    QCoreApplication.sendPostedEvents()
    assert applied == []
    for _ in range(5):  # a few turns of the event loop, far quicker than HOLD_MS
        QCoreApplication.processEvents()
    assert len(applied) == 1


def test_while_typing_goes_on_a_result_waits_for_the_pause(qtbot):
    typing = [True]
    queue, applied = _queue(typing)
    queue.start()
    _worker_finishes()
    qtbot.wait(120)  # several looks, typing all along
    assert applied == [] and queue.running
    typing[0] = False
    with qtbot.waitSignal(queue.rendered, timeout=2000):
        pass
    assert len(applied) == 1


def test_a_change_during_a_render_renders_again_after_the_pause(qtbot):
    typing = [True]
    queue, applied = _queue(typing)
    queue.start()
    queue.text[0] = BODY + "\n\n새 문단"
    queue.start()  # the preview's debounce fired again during the render: it goes again
    _worker_finishes()
    qtbot.wait(60)
    assert applied == []  # neither the stale render nor a new one while typing
    typing[0] = False
    qtbot.waitUntil(lambda: len(applied) == 1, timeout=5000)
    assert "새 문단" in applied[0][-1].html  # the newest text won; the stale one never showed


def test_an_edit_builds_only_the_edited_blocks_again(qtbot):
    from editor.render.preview_updates import ShownBlock

    queue, applied = _queue([False])
    before = None
    for edit in (
        "문단 7: 세종시 자율주행 셔틀이 달린다.",
        "문단 7: 고쳤다.",
        "문단 7: 고쳤다.\n\n새 문단.",
    ):
        queue.text[0] = BODY.replace("문단 7: 세종시 자율주행 셔틀이 달린다.", edit)
        queue.last_render_ms = 0.0  # inline, whatever the machine's load made of the last
        queue.start()
        after = applied[-1]
        fresh = [
            ShownBlock(b.key, b.line, h) for b, h in queue.renderer.render_blocks(queue.text[0])
        ]
        assert after == fresh  # what the pages get is the whole body's render
        if before is not None:  # the blocks before the edit: the last render's very objects
            assert all(a is b for a, b in zip(after[:7], before[:7], strict=True))
        before = after
    assert len(after) == 31 and after[8].html == "<p>새 문단.</p>"


def test_a_worker_still_rendering_when_its_pane_goes_is_harmless(qtbot):
    # The pane (the queue's parent) deleted while a worker renders, as a test or a closed
    # window does: the worker's signal outlives it and nothing reaches the dead queue. Its
    # signals object was the queue's child and was deleted with it: the emit crashed.
    owner = QObject()
    long_body = "\n\n".join([BODY] * 40)
    queue = BodyRenderQueue(lambda: long_body, lambda html: html, owner)
    queue.last_render_ms = 1e6
    signals = queue._signals
    queue.start()
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone mid-render
    _worker_finishes()
    QCoreApplication.sendPostedEvents()
    assert signals.receivers(SIGNAL("done(int,PyObject)")) == 0  # the dead queue's slot is off
