"""`article-editor check` lists spelling findings as warnings, over one or many articles."""

from __future__ import annotations

from editor.cli.main import main
from editor.storage import read_article, write_article


def _article(sample_dir, tmp_path, name: str, headline: str, extra: str = ""):
    article = read_article(sample_dir)
    article.headline = headline
    article.body = article.body.replace("\n\n", f"\n\n{extra}\n\n", 1) if extra else article.body
    target = tmp_path / name
    write_article(article, target)
    return target


def test_check_prints_misspellings_with_their_passage(sample_dir, tmp_path, capsys):
    target = _article(
        sample_dir,
        tmp_path,
        "a.article",
        "셔틀 운행 계획 확정됬다",
        "운행이 재개됬다고 `됬다` 밝혔다.",
    )
    status = main(["check", "--no-measure", str(target)])
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if "Spelling" in ln]
    assert "warning: headline: Spelling: “확정됬다” in “셔틀 운행 계획 확정됬다”" in lines
    assert any(ln.startswith("warning: body: Spelling: “재개됬다고”") for ln in lines)
    assert not any("“됬다”" in ln for ln in lines)  # inside code: not checked
    assert status == 0  # spelling warns, it never blocks


def test_ignored_words_and_many_files(sample_dir, tmp_path, capsys):
    first = _article(sample_dir, tmp_path, "a.article", "재개됬다")
    article = read_article(first)
    article.private["spelling_ignore"] = ["재개됬다"]
    second = tmp_path / "b.article"
    write_article(article, second)
    main(["check", "--no-measure", str(first), str(second)])
    out = capsys.readouterr().out
    assert f"{first}: warning: headline: Spelling: “재개됬다”" in out
    assert f"{second}: warning: headline: Spelling" not in out


def test_no_spelling_skips_it(sample_dir, tmp_path, capsys):
    target = _article(sample_dir, tmp_path, "a.article", "재개됬다")
    main(["check", "--no-measure", "--no-spelling", str(target)])
    assert "Spelling" not in capsys.readouterr().out
