"""Find and replace over plain text: case, whole word with Korean particles, regex, NFC/NFD."""

from __future__ import annotations

import unicodedata

import pytest

from editor.core.find import FindError, Query, find_all, replace_all


def spans(text: str, query: Query) -> list[str]:
    return [text[m.start : m.end] for m in find_all(text, query)]


def test_plain_search_ignores_case_unless_asked():
    text = "Seoul seoul SEOUL"
    assert spans(text, Query("seoul")) == ["Seoul", "seoul", "SEOUL"]
    assert spans(text, Query("seoul", case=True)) == ["seoul"]


def test_whole_word_keeps_korean_particles_but_not_longer_words():
    text = "검찰이 검찰청에 자료를 냈다. 검찰은 검찰총장과 달리 검찰에서 검찰."
    found = find_all(text, Query("검찰", whole_word=True))
    assert [text[m.start : m.end + 2] for m in found] == ["검찰이 ", "검찰은 ", "검찰에서", "검찰."]


def test_whole_word_in_latin_text():
    assert spans("cat catalog cat.", Query("cat", whole_word=True)) == ["cat", "cat"]


def test_decomposed_hangul_matches_composed_query():
    composed = "대한민국 한글날 기념식"
    decomposed = unicodedata.normalize("NFD", composed)
    found = find_all(decomposed, Query("한글"))
    assert len(found) == 1
    assert decomposed[found[0].start : found[0].end] == unicodedata.normalize("NFD", "한글")
    # and the other way round: an NFD query finds composed text
    assert spans(composed, Query(unicodedata.normalize("NFD", "기념식"))) == ["기념식"]


def test_regex_with_groups_in_the_replacement():
    text = "3~4일, 10~12일"
    found = find_all(text, Query(r"(\d+)~(\d+)일", regex=True), r"\1∼\2일")
    assert replace_all(text, found) == "3∼4일, 10∼12일"


def test_plain_replacement_is_literal():
    text = "a.b a.b"
    found = find_all(text, Query("a.b"), r"\1")
    assert replace_all(text, found) == r"\1 \1"


def test_bad_regex_is_one_clear_error():
    with pytest.raises(FindError):
        find_all("text", Query("(", regex=True))


def test_empty_matches_are_skipped():
    assert find_all("abc", Query("x*", regex=True)) == []
    assert find_all("abc", Query("")) == []
