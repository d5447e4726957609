"""`article-editor check` loads a spell dictionary only for a script its story has."""

from __future__ import annotations

from editor.cli.main import main
from editor.core.model import Article
from editor.storage import dictionaries, write_article


def _recording_loads(monkeypatch) -> list[str]:
    """Record each Hunspell dictionary check opens (the real one still loads)."""
    opened: list[str] = []
    real = dictionaries.open_dictionary

    def recording(name, folder):
        opened.append(name)
        return real(name, folder)

    monkeypatch.setattr(dictionaries, "open_dictionary", recording)
    return opened


def _story(tmp_path, body: str):
    article = Article(headline="세종시 자율주행 셔틀, 오송역까지 달린다", body=body)
    target = tmp_path / "story.article"
    write_article(article, target)
    return target


def test_an_all_korean_story_never_loads_the_english_dictionary(tmp_path, monkeypatch, capsys):
    opened = _recording_loads(monkeypatch)
    target = _story(tmp_path, "[시사캐치] 셔틀 운행이 다음 달 재개됬다고 시는 밝혔다.")
    main(["check", "--no-measure", str(target)])
    assert "Spelling: “재개됬다고”" in capsys.readouterr().out
    assert opened == ["ko"]  # en_US is ~0.2 s of CPU and ~7 MB that nothing here needs


def test_a_latin_word_loads_the_english_dictionary_too(tmp_path, monkeypatch, capsys):
    opened = _recording_loads(monkeypatch)
    target = _story(tmp_path, "[시사캐치] 셔틀은 다음 달 운행한다. 관제 sofware도 바뀐다.")
    main(["check", "--no-measure", str(target)])
    assert "Spelling: “sofware”" in capsys.readouterr().out
    assert sorted(opened) == ["en_US", "ko"]
