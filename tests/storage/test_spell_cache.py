"""Kept spelling verdicts: a word judged once loads no dictionary again, and stays right."""

from __future__ import annotations

from editor.storage.dictionaries import SpellChecker
from editor.storage.spell_cache import KnownWords

KEYS = ["ko-0123", "en_US-4567"]


class FakeSpeller:
    """Hunspell's interface over a fixed word list."""

    def __init__(self, words: set[str]) -> None:
        self.words = words

    def spell(self, word: str) -> bool:
        return word in self.words

    def analyze(self, word: str) -> tuple[str, ...]:
        return ()

    def suggest(self, word: str) -> tuple[str, ...]:
        return ()


def _checker(folder, loads: list[int], user_words=(), keys=KEYS) -> SpellChecker:
    def load(language: str) -> FakeSpeller:
        loads.append(1)
        return FakeSpeller({"셔틀", "운행"} if language == "ko" else {"shuttle"})

    return SpellChecker(None, None, set(user_words), KnownWords.open(folder, keys), load)


def _misspelled(checker: SpellChecker, text: str) -> list[str]:
    return [w.text for w in checker.misspelled(text)]


def test_a_second_run_answers_from_the_kept_verdicts_without_loading(tmp_path):
    loads: list[int] = []
    first = _checker(tmp_path, loads)
    assert _misspelled(first, "셔틀 운행 확정됬다 shuttle shutle") == ["확정됬다", "shutle"]
    assert len(loads) == 2  # Korean and English, each once
    first.known.save()
    again = _checker(tmp_path, loads)
    assert _misspelled(again, "셔틀 운행 확정됬다 shuttle shutle") == ["확정됬다", "shutle"]
    assert len(loads) == 2 and not again.loaded
    _misspelled(again, "새단어")  # a word never judged loads its script's dictionary, once
    assert len(loads) == 3 and again.loaded_languages == ["ko"]


def test_user_words_are_never_kept_so_adding_one_takes_effect(tmp_path):
    loads: list[int] = []
    first = _checker(tmp_path, loads, user_words={"오송역"})
    assert _misspelled(first, "오송역까지 확정됬다") == ["확정됬다"]
    first.known.save()
    # The word list changed: 오송역 is gone, 확정됬다 was added. Neither verdict is stale.
    again = _checker(tmp_path, loads, user_words={"확정됬다"})
    assert _misspelled(again, "오송역까지 확정됬다") == ["오송역까지"]


def test_other_dictionaries_or_a_damaged_file_start_afresh(tmp_path):
    loads: list[int] = []
    first = _checker(tmp_path, loads)
    _misspelled(first, "셔틀 확정됬다")
    first.known.save()
    other = _checker(tmp_path, loads, keys=["ko-ffff", "en_US-4567"])
    assert other.known.verdicts == {}
    (saved,) = tmp_path.glob("verdicts-*.json")
    saved.write_text("{not json", encoding="utf-8")
    damaged = _checker(tmp_path, loads)
    assert damaged.known.verdicts == {}
    assert _misspelled(damaged, "셔틀 확정됬다") == ["확정됬다"]
    damaged.known.save()
    assert KnownWords.open(tmp_path, KEYS).verdicts == {"셔틀": True, "확정됬다": False}


def test_the_editors_spell_process_leaves_its_verdicts_for_check():
    import io
    import json

    from editor.storage import spell_worker
    from editor.storage.dictionaries import load_checker

    text = "운행 계획 확정됬다"
    request = {"id": 1, "op": "check", "items": [["0:0", text]]}
    stdout = io.StringIO()
    assert spell_worker.serve(io.StringIO(json.dumps(request) + "\n"), stdout) == 0
    replies = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert replies[-1]["results"][0][2] == [[6, 10, "확정됬다"]]
    # The command line, later: the same verdicts, and no dictionary loaded for them.
    later = load_checker(remember=True)
    assert _misspelled(later, text) == ["확정됬다"]
    assert not later.loaded
