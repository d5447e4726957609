"""The .aff cut to a run's words: every other line kept, the rules the words reach, Hunspell's verdicts."""

from __future__ import annotations

import os

import pytest
from realtools import require_library

from editor.storage import affix_filter, dictionaries, hunspell_lib

HOW = "apt-get install libhunspell-1.7-0, or sudo bash .ci/deps/50-hunspell.sh"
# A twofold suffix: ab + xy (flag 3's rule, which flag 1 may follow: AF 1) = abxy; flag 1 turns its
# final y into z: abxz. Checking abxz, Hunspell strips z, puts y back and finds xy: a rule
# whose append is no part of the word checked. ICONV makes Z a z (abxZ is checked as abxz).
TINY_AFF = """SET UTF-8
FLAG num
# a comment
ICONV 1
ICONV Z z
AF 3
AF 1
AF 3
AF 4

SFX 3 Y 2
SFX 3 0 xy/1 .
SFX 3 0 qq .

SFX 1 Y 1
SFX 1 y z y

SFX 4 Y 1
SFX 4 0 w .
"""
TINY_DIC = "2\nab/2\ncd/3\n"  # AF numbers: ab has flag 3, cd flag 4


def _tiny(tmp_path, aff: str = TINY_AFF):
    path = tmp_path / "t.aff"
    path.write_text(aff, encoding="utf-8")
    (tmp_path / "t.dic").write_text(TINY_DIC, encoding="utf-8")
    return path


def _rules(data: bytes) -> list[str]:
    return [line for line in data.decode().split("\n") if line.startswith("SFX ")]


def test_only_the_rules_the_words_reach_are_kept_and_every_other_line_stays(tmp_path):
    aff = _tiny(tmp_path)
    data = affix_filter.filtered_aff(aff, ["abxz"])
    assert _rules(data) == ["SFX 3 Y 1", "SFX 3 0 xy/1 .", "SFX 1 Y 1", "SFX 1 y z y"]
    others = [line for line in data.decode().split("\n") if line and not line.startswith("SFX")]
    assert others == [line for line in TINY_AFF.split("\n") if line and not line.startswith("SFX")]


def test_a_second_suffix_is_kept_only_after_a_rule_it_may_follow(tmp_path):
    # 1 may follow 3's xy (AF 1 is flag 1), so stripping 1's z finds xy; not with AF 2 (flag 3).
    assert "SFX 3 0 xy/1 ." in _rules(affix_filter.filtered_aff(_tiny(tmp_path), ["abxz"]))
    aff = _tiny(tmp_path, TINY_AFF.replace("SFX 3 0 xy/1 .", "SFX 3 0 xy/2 ."))
    assert "SFX 3 0 xy/2 ." not in _rules(affix_filter.filtered_aff(aff, ["abxz"]))


def test_words_are_compared_as_iconv_makes_them_and_a_block_of_none_goes(tmp_path):
    data = affix_filter.filtered_aff(_tiny(tmp_path), ["abxZ", "cdw"])
    assert _rules(data) == [
        *("SFX 3 Y 1", "SFX 3 0 xy/1 .", "SFX 1 Y 1", "SFX 1 y z y"),
        *("SFX 4 Y 1", "SFX 4 0 w ."),
    ]
    assert _rules(affix_filter.filtered_aff(_tiny(tmp_path), ["nothing"])) == []


@pytest.mark.parametrize(
    ("line", "instead"),
    [
        ("# a comment", "PFX 5 Y 1\nPFX 5 0 re ."),  # prefixes make other strings to check
        ("# a comment", "IGNORE x"),
        ("# a comment", "CHECKCOMPOUNDPATTERN 1\nCHECKCOMPOUNDPATTERN a b"),
        ("ICONV Z z", "ICONV ab c"),  # several characters: not modelled
        ("ICONV Z z", "ICONV q a_b"),  # Hunspell makes the _ a space
        ("ICONV Z z", "ICONV Z z\nICONV 1\nICONV Y y"),  # a second table
        ("SFX 4 Y 1\nSFX 4 0 w .", "SFX 4 Y 2\nSFX 4 0 w .\n# inside a block"),
        ("# a comment", " SFX 7 Y 1"),
    ],
)
def test_a_file_with_what_the_filter_does_not_model_loads_whole(tmp_path, line, instead):
    aff = _tiny(tmp_path, TINY_AFF.replace(line, instead))
    assert affix_filter.filtered_aff(aff, ["abxz"]) is None


def test_the_index_is_built_again_when_the_aff_changes(tmp_path):
    aff = _tiny(tmp_path)
    assert "SFX 4 0 w ." in _rules(affix_filter.filtered_aff(aff, ["cdw"]))
    aff.write_text(TINY_AFF.replace("SFX 4 0 w .", "SFX 4 0 v ."), encoding="utf-8")
    os.utime(aff, ns=(1, 1))
    assert "SFX 4 0 v ." in _rules(affix_filter.filtered_aff(aff, ["cdv"]))


def test_hunspell_reads_the_cut_file_and_judges_alike(tmp_path):
    lib = hunspell_lib.load_library(require_library(hunspell_lib.candidates(), HOW))
    aff = _tiny(tmp_path)
    whole = hunspell_lib.Hunspell(lib, aff, tmp_path / "t.dic")
    words = ["abxz", "abxZ", "abxy", "abqq", "cdw", "abz", "abxw"]
    cut_file = tmp_path / "cut.aff"
    for word in words:
        cut_file.write_bytes(affix_filter.filtered_aff(aff, [word]))
        cut = hunspell_lib.Hunspell(lib, cut_file, tmp_path / "t.dic")
        assert (cut.spell(word), cut.analyze(word)) == (whole.spell(word), whole.analyze(word))
    assert whole.spell("abxz") and whole.spell("abxZ") and not whole.spell("abz")


def test_spellcheck_ko_is_cut_to_a_story(tmp_path, sample_dir):
    from editor.core.spelling import words_in_text

    aff = dictionaries.unpacked("ko", tmp_path) / "ko.aff"
    body = (sample_dir / "index.md").read_text(encoding="utf-8")
    data = affix_filter.filtered_aff(aff, {w.text for w in words_in_text(body) if w.is_korean})
    kept, whole = (
        [line for line in _rules(text) if len(line.split()) >= 5]
        for text in (data, aff.read_bytes())
    )
    assert 0 < len(kept) < len(whole) / 100  # ~150 rules of 94,341
    assert set(kept) <= set(whole)
    not_rules = [line for line in data.split(b"\n") if not line.startswith(b"SFX")]
    assert [x for x in not_rules if x] == [
        x for x in aff.read_bytes().split(b"\n") if x and not x.startswith(b"SFX")
    ]


def test_an_index_that_does_not_match_the_aff_is_refused(tmp_path):
    aff = _tiny(tmp_path)
    affix_filter.filtered_aff(aff, ["cdw"])
    index = affix_filter.index_path(aff)
    header, _, payload = index.read_bytes().partition(b"\n")
    append, strip, start, rest = payload.split(b"\t", 3)  # the first rule, a byte later:
    moved = b"\t".join([append, strip, str(int(start) + 1).encode(), rest])
    index.write_bytes(header + b"\n" + moved)
    with pytest.raises(ValueError):
        affix_filter.filtered_aff(aff, ["abxz", "cdw", "abqq"])
