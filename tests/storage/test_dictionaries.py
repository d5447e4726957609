"""Spell check on the real spellcheck-ko and en_US dictionaries through chunspell's Hunspell."""

from __future__ import annotations

import pytest

from editor.storage import dictionaries

# Correct words Hunspell 1.7 gets right, and joinings it rejects that 한글 맞춤법 allows
# (auxiliary verbs 제47항, compound nouns 제49·50항): the leniency must accept all of them.
CORRECT = [
    "됐다",
    "발표했다",
    "밝혔다",
    "기자는",
    "보여주는",
    "알려주는",
    "지켜봐주세요",
    "해줬다",
    "먹어버렸다",
    "가져다주는",
    "시의회",
    "시의회는",
    "서울시의회",
    "세종시의회",
    "구의회가",
    "도의회에서",
    "정부세종청사",
    "국토교통부장관",
    "자율주행",
    "예산안",
    "관제센터는",
]
# Common newsroom misspellings: every one must still be flagged.
MISSPELLED = [
    "됬다",
    "몇일",
    "어떻해",
    "금새",
    "역활",
    "설겆이",
    "희안하다",
    "왠만하면",
    "않됀다",
    "어의없다",
    "웬지",
    "오랫만에",
    "할께요",
    "일일히",
    "깨끗히",
    "닥달",
    "감기가낳았다",
    "햇다",
]


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    return dictionaries.load_checker(tmp_path_factory.mktemp("dicts"))


def test_the_binding_reads_the_real_korean_dictionary(checker):
    assert checker.korean.spell("발표했다")  # chunspell 2.0.5 said no to everything before
    assert not checker.korean.spell("됬다")
    assert checker.suggest("됬다")[0] == "됐다"


@pytest.mark.parametrize("word", CORRECT)
def test_correct_korean_is_accepted(checker, word):
    assert checker.is_correct(word)


@pytest.mark.parametrize("word", MISSPELLED)
def test_misspellings_are_flagged(checker, word):
    assert not checker.is_correct(word)


def test_english_too(checker):
    assert checker.is_correct("reporter") and checker.is_correct("Seoul")
    assert not checker.is_correct("reporetr")
    assert "reporter" in checker.suggest("reporetr")


def test_user_words_and_ignored_words(checker, tmp_path):
    path = tmp_path / "words.txt"
    assert not checker.is_correct("넷플릭스")  # a loanword the dictionary lacks
    assert checker.is_correct("넷플릭스", ignored=frozenset({"넷플릭스"}))
    dictionaries.add_user_word("넷플릭스", path)
    assert dictionaries.read_user_words(path) == {"넷플릭스"}
    checker.add("넷플릭스")
    assert checker.is_correct("넷플릭스")
    checker.user_words.discard("넷플릭스")


def test_misspelled_skips_code_links_mail_and_the_credit(checker):
    text = (
        "[시사캐치=홍길동 기자] 됬다 `됬다` https://example.kr/됬다 a@b.kr "
        "[링크](https://x.kr/됬다) <span>됬다</span>\n\n```\n됬다\n```\n"
    )
    words = checker.misspelled(text)
    assert [(w.text, text[w.start : w.end]) for w in words] == [("됬다", "됬다"), ("됬다", "됬다")]
    assert words[0].start == text.index("됬다")


def test_newsroom_and_site_words_take_particles(checker):
    assert checker.is_correct("셔틀은") and checker.is_correct("오송역까지")  # shipped lists
    assert checker.is_correct("시사캐치")
    assert not checker.is_correct("셔틀됬다")


def _serve(checker, *texts: str) -> list[dict]:
    """Run the spell process's loop over check requests; return its replies."""
    import io
    import json

    from editor.storage import spell_worker

    requests = [{"id": n, "op": "check", "items": [[f"0:{n}", t]]} for n, t in enumerate(texts)]
    stdin = io.StringIO("".join(json.dumps(r) + "\n" for r in requests))
    stdout = io.StringIO()
    assert spell_worker.serve(stdin, stdout, checker) == 0
    return [json.loads(line) for line in stdout.getvalue().splitlines()]


def test_the_spell_process_loads_only_the_dictionaries_a_text_needs(tmp_path):
    # ready at once: nothing is loaded before a word needs it (~50 MB for Korean)
    checker = dictionaries.load_checker(tmp_path, remember=True)
    replies = _serve(checker, "KTX 오송역 22km 운행 계획 확정됬다")
    assert replies[0] == {"op": "ready"}
    assert [w for _a, _b, w in replies[1]["results"][0][2]] == ["확정됬다"]
    assert checker.loaded_languages == ["ko"]  # all-Korean (KTX, 22km are not checked)
    replies = _serve(checker, "셔틀 shuttle shutle")
    assert [w for _a, _b, w in replies[1]["results"][0][2]] == ["shutle"]
    assert checker.loaded_languages == ["ko", "en_US"]


def test_a_story_judged_before_loads_no_dictionary(tmp_path):
    first = dictionaries.load_checker(tmp_path, remember=True)
    _serve(first, "운행 계획 확정됬다")  # serve saves the verdicts when its input ends
    again = dictionaries.load_checker(tmp_path, remember=True)
    replies = _serve(again, "운행 계획 확정됬다")
    assert [w for _a, _b, w in replies[1]["results"][0][2]] == ["확정됬다"]
    assert again.loaded_languages == []


def test_a_dictionary_that_fails_to_load_is_said_and_ends_the_process():
    import io

    from editor.storage import spell_worker

    def broken(language: str) -> object:
        raise dictionaries.DictionaryError(f"the {language} dictionary could not be loaded")

    checker = dictionaries.SpellChecker(None, None, loader=broken)
    stdin = io.StringIO('{"id": 1, "op": "check", "items": [["0:0", "새단어"]]}\n')
    stdout = io.StringIO()
    assert spell_worker.serve(stdin, stdout, checker) == 1
    assert stdout.getvalue().splitlines()[-1] == (
        '{"op": "error", "message": "the ko dictionary could not be loaded"}'
    )


class _Speller:
    """A dictionary that knows a few words (and says which thread loaded it)."""

    def __init__(self, words: set[str]) -> None:
        import threading

        self.words = words
        self.thread = threading.current_thread().name

    def spell(self, word: str) -> bool:
        return word in self.words

    def analyze(self, word: str) -> tuple[str, ...]:
        return ()


def _recording_checker(known: dict[str, bool]):
    from editor.storage.spell_cache import KnownWords

    loads: list[_Speller] = []

    def loader(name: str) -> _Speller:
        loads.append(_Speller({"ko": {"셔틀", "운행"}, "en_US": {"shuttle"}}[name]))
        return loads[-1]

    words = {"시사캐치"}
    checker = dictionaries.SpellChecker(None, None, words, KnownWords(None, known), loader)
    return checker, loads


def test_preload_loads_nothing_for_words_judged_before_or_the_users_own():
    checker, loads = _recording_checker({"셔틀": True, "운행": True})
    checker.preload(["셔틀 운행", "시사캐치는 운행"], frozenset())
    checker.preload(["재개됬다"], frozenset({"재개됬다"}))
    assert checker.misspelled("셔틀 운행") == [] and loads == []


def test_preload_loads_a_needed_dictionary_in_a_thread_and_the_check_waits_for_it():
    import threading

    checker, loads = _recording_checker({"셔틀": True})
    checker.preload(["셔틀 재개됬다 shutle"])
    found = [w.text for w in checker.misspelled("셔틀 운행 재개됬다 shutle")]
    assert found == ["재개됬다", "shutle"]
    assert [s.thread != threading.current_thread().name for s in loads] == [True, True]
    assert (checker.korean, checker.english) == tuple(loads)  # each loaded once


def test_preload_twice_loads_once_and_a_failed_load_is_said_by_the_check_needing_it():
    checker, loads = _recording_checker({})
    checker.preload(["재개됬다"])
    checker.preload(["셔틀 재개됬다"])  # a second story while the first load may run
    assert [w.text for w in checker.misspelled("셔틀 재개됬다")] == ["재개됬다"]
    assert len(loads) == 1
    tried = []

    def failing(name: str):
        tried.append(name)
        raise dictionaries.DictionaryError(f"the {name} dictionary could not be loaded")

    broken = dictionaries.SpellChecker(None, None, set(), None, failing)
    broken.preload(["재개됬다"])
    with pytest.raises(dictionaries.DictionaryError):
        broken.misspelled("재개됬다")  # cmd_check says it once and checks on without
    assert tried == ["ko", "ko"]
