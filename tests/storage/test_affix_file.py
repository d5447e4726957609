"""The unpacked .aff says each affix rule once; Hunspell's verdicts stay what they were."""

from __future__ import annotations

import lzma
import re

import pytest

from editor import resources
from editor.storage import dictionaries
from editor.storage.affix_file import without_repeated_affixes

AFF = b"""SET UTF-8
FLAG num
SFX 10 Y 4
SFX 10 0 \xeb\x8b\xa4 .
SFX 10 0 \xea\xb3\xa0 .
SFX 10 0 \xeb\x8b\xa4 .
SFX 10 0 \xeb\x8b\xa4 . po:x
SFX 11 N 2
SFX 11 0 a .
SFX 11 0 a  .
"""


def test_a_repeated_rule_is_dropped_and_the_count_follows():
    assert without_repeated_affixes(AFF) == (
        b"SET UTF-8\nFLAG num\nSFX 10 Y 3\n"
        b"SFX 10 0 \xeb\x8b\xa4 .\nSFX 10 0 \xea\xb3\xa0 .\nSFX 10 0 \xeb\x8b\xa4 . po:x\n"
        b"SFX 11 N 1\nSFX 11 0 a .\n"
    )


def test_a_block_hunspell_would_not_read_as_one_is_left_as_it_is():
    short = b"SFX 10 Y 3\nSFX 10 0 a .\nSFX 10 0 a .\n"  # says 3, has 2 lines
    other = b"SFX 10 Y 2\nSFX 10 0 a .\nSFX 12 0 a .\nSFX 12 0 a .\n"
    assert without_repeated_affixes(short) == short
    assert without_repeated_affixes(other) == other


def test_the_unpacked_korean_affixes_say_each_rule_once(tmp_path):
    original = lzma.decompress(resources.path("dictionaries", "ko.aff.xz").read_bytes())
    written = (dictionaries.unpacked("ko", tmp_path) / "ko.aff").read_bytes()
    rules = [tuple(line.split()) for line in written.split(b"\n") if line.startswith(b"SFX")]
    assert len(rules) == len(set(rules))
    assert original.count(b"\nSFX ") - written.count(b"\nSFX ") == 4236  # of 99,069 lines


@pytest.mark.slow
def test_hunspell_judges_and_suggests_as_with_the_original_file(tmp_path, sample_dir):
    import hunspell

    plain = tmp_path / "plain"
    plain.mkdir()
    for name in ("ko.aff", "ko.dic"):
        xz = resources.path("dictionaries", f"{name}.xz")
        (plain / name).write_bytes(lzma.decompress(xz.read_bytes()))
    once = dictionaries.unpacked("ko", tmp_path / "cache")
    text = (sample_dir / "index.md").read_text(encoding="utf-8")
    words = sorted(set(re.findall(r"[가-힣]+", text)))
    words += [w + tail for w in words[:150] for tail in ("는", "을", "했다", "됬다")]
    before = hunspell.Hunspell("ko", hunspell_data_dir=str(plain))
    after = hunspell.Hunspell("ko", hunspell_data_dir=str(once))
    assert [after.spell(w) for w in words] == [before.spell(w) for w in words]
    for word in ("됬다", "몇일", "역활"):
        assert after.suggest(word) == before.suggest(word)
