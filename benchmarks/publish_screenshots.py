"""Screenshots of publishing: the paste kit panel and the Outbox window (with a queued job).

    .venv/bin/python benchmarks/publish_screenshots.py [--out docs/screenshots] [--lang ko]

Opens the sample, queues it for a WordPress address nothing answers on (so the job waits in
the outbox), opens the paste kit with the body copied, and grabs both. Runs offscreen by
default, in a temp config and data folder. Prints the files it wrote as JSON.
"""

from __future__ import annotations

import json
import os
import socket

import benchlib


def _nobody_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def _dialogs(app, window, out) -> list[str]:  # noqa: ANN001
    """Grab Publishing Settings and the edited-on-the-web dialog (a made-up web edit)."""
    from editor.ui.publishing.conflict import ConflictDialog
    from editor.ui.publishing.settings_dialog import PublishSettingsDialog

    settings = PublishSettingsDialog(window)
    settings.show()
    benchlib.settle(app, 0.5)
    benchlib.save_shot(settings, out, "publish-settings.png")
    settings.reject()
    job = window.publishing.outbox.jobs()[0]
    article = window.document.article
    first = article.body.split("\n\n", 1)[0]
    job.ours = {"title": article.headline, "excerpt": article.summary, "content": f"<p>{first}</p>"}
    job.remote = dict(job.ours, url="https://wp.sisacatch.example/?p=12",
                      content=f"<p>{first.replace('22km', '20km')}</p><p>데스크가 웹에서 덧붙인 문단.</p>")  # fmt: skip
    conflict = ConflictDialog(job, window)
    conflict.show()
    benchlib.settle(app, 0.5)
    benchlib.save_shot(conflict, out, "publish-conflict.png")
    conflict.reject()
    return [str(out / "publish-settings.png"), str(out / "publish-conflict.png")]


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=2.0, lang="ko", lang_help="ko or en"
    )
    args = parser.parse_args(argv)
    benchlib.screenshot_environment(args, ("config", "data"), replace=True)
    os.environ["PUBLISH_SHOT_PASSWORD"] = "x"
    from editor.publish.targets import Target, save_targets

    target = Target("wordpress", name="시사캐치 WordPress", url=_nobody_url(), user="reporter",
                    password_env="PUBLISH_SHOT_PASSWORD")  # fmt: skip
    save_targets([target])
    app, window = benchlib.open_screenshot_window(args, (1366, 768))
    publishing = window.publishing
    publishing.publish(target)
    publishing.runner.wait()
    benchlib.settle(app, 0.5)
    written: list[str] = []
    publishing.show_paste_kit()
    kit = publishing.paste_kit
    kit.resize(720, 460)
    kit.copy_field(0)
    kit.copy_field(1)
    kit.copy_field(2)  # the body: the next button now offers the caption
    benchlib.settle(app, 0.5)
    for widget, name in ((kit, "publish-paste-kit.png"), (window, "publish-window.png")):
        benchlib.save_shot(widget, args.out, name, written)
    publishing.show_outbox()
    publishing.outbox_window.resize(900, 260)
    benchlib.settle(app, 0.5)
    benchlib.save_shot(publishing.outbox_window, args.out, "publish-outbox.png", written)
    written += _dialogs(app, window, args.out)
    print(json.dumps({"screenshots": written}, ensure_ascii=False))
    window.close()
    app.clipboard().clear()  # Qt's offscreen clipboard crashes at exit while it holds data
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
