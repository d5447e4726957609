"""`article-editor check` loads a spell dictionary only for a script its story has."""

from __future__ import annotations

from editor import paths
from editor.cli.main import main
from editor.core.model import Article
from editor.storage import dictionaries, write_article


def _recording_loads(monkeypatch) -> list[str]:
    """Record each Hunspell dictionary check opens, whole or cut to its words (still loaded)."""
    opened: list[str] = []
    real, real_scoped = dictionaries.open_dictionary, dictionaries._scoped

    def recording(name, folder):
        opened.append(name)
        return real(name, folder)

    def recording_scoped(folder, name, whole):
        opened.append(name)
        return real_scoped(folder, name, lambda: real(name, folder))

    monkeypatch.setattr(dictionaries, "open_dictionary", recording)
    monkeypatch.setattr(dictionaries, "_scoped", recording_scoped)
    return opened


def _recording_builds(monkeypatch) -> list[int]:
    """Record how many times the cut dictionary had been built after each cover of words."""
    from editor.storage import spell_scope

    builds: list[int] = []
    real_cover = spell_scope.ScopedDictionary.cover

    def recording_cover(self, words):
        real_cover(self, words)
        builds.append(self.builds)

    monkeypatch.setattr(spell_scope.ScopedDictionary, "cover", recording_cover)
    return builds


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


def test_check_cuts_the_korean_dictionary_to_its_words_and_says_the_same(
    tmp_path, monkeypatch, capsys
):
    body = (
        "[시사캐치] 셔틀 운행이 다음 달 재개됬다고 시는 밝혔다. 시의회는 예산안을 "
        "통과시켰고, 관제센터는 보여주는 화면을 바꿨다. 몇일 뒤 금새 역활이 바뀐다."
    )
    target = _story(tmp_path, body)
    built = _recording_builds(monkeypatch)
    main(["check", "--no-measure", str(target)])
    cut = capsys.readouterr().out
    assert built and max(built) == 1  # one load, for all of the story's words
    for path in (paths.cache_dir() / "dictionaries").glob("verdicts-*"):
        path.unlink()  # judged afresh, by the whole dictionary this time
    monkeypatch.setattr(dictionaries, "_scoped", lambda folder, name, whole: whole())
    main(["check", "--no-measure", str(target)])
    assert capsys.readouterr().out == cut
    for word in ("재개됬다고", "몇일", "금새"):
        assert f"Spelling: “{word}”" in cut


def test_a_folder_of_stories_is_checked_with_one_cut_for_all_their_words(
    tmp_path, monkeypatch, capsys
):
    first = _story(tmp_path, "[시사캐치] 셔틀 운행이 다음 달 재개됬다고 시는 밝혔다.")
    (tmp_path / "second").mkdir()
    second = _story(tmp_path / "second", "[시사캐치] 몇일 뒤 시의회는 예산안을 통과시켰다.")
    broken = tmp_path / "broken.article"
    broken.write_bytes(b"not a zip")  # skipped by the words' first pass, said at its turn
    builds = _recording_builds(monkeypatch)
    main(["check", "--no-measure", str(first), str(second), str(broken)])
    out = capsys.readouterr()
    assert "Spelling: “재개됬다고”" in out.out and "Spelling: “몇일”" in out.out
    assert f"{broken}: This is not an Article Editor document" in out.out + out.err
    assert builds and max(builds) == 1
