"""The optimised libhunspell through ctypes: used when present, agreeing with chunspell's."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from realtools import require_library

from editor.storage import dictionaries, hunspell_lib, read_article, write_article

HOW = "apt-get install libhunspell-1.7-0, or sudo bash .ci/deps/50-hunspell.sh"
# Misspellings a reporter makes whose suggestions Hunspell finds in ~10 ms. Not 역활, 어떻해,
# 오랫만에, 희안하다 (0.2-0.7 s): Hunspell stops some of those searches on a clock (TIMELIMIT,
# 1/20-1/4 s), so on a busy machine chunspell's slower build may find fewer, not other ones.
MISSPELLED = ["됬다", "몇일", "금새", "할께요"]
MISSPELLED_EN = ["reporetr", "goverment", "recieve", "shutle"]
DIFFERENT = ["바이어했다", "바이어해", "바이어하는"]


def _system_library() -> str:
    return require_library(hunspell_lib.candidates(), HOW)


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    base = tmp_path_factory.mktemp("dicts")
    return {name: dictionaries.unpacked(name, base) for name in dictionaries.LANGUAGES}


def test_a_dictionary_is_loaded_with_the_systems_library_when_there_is_one(folders):
    path = _system_library()
    speller = dictionaries.open_dictionary("en_US", folders["en_US"])
    assert isinstance(speller, hunspell_lib.Hunspell)
    assert os.path.realpath(dictionaries.engine(speller)) == os.path.realpath(path)
    assert speller.encoding == "utf-8"  # en_US.aff says SET UTF-8 (so does ko.aff)


def test_without_the_library_chunspell_loads_it(folders, monkeypatch):
    monkeypatch.setenv(hunspell_lib.ENGINE_VARIABLE, "chunspell")
    monkeypatch.setattr(hunspell_lib, "_LOADED", {})
    speller = dictionaries.open_dictionary("en_US", folders["en_US"])
    assert dictionaries.engine(speller) == "chunspell"
    assert speller.spell("reporter") and not speller.spell("reporetr")
    with pytest.raises(hunspell_lib.LibraryError):
        hunspell_lib.load_library()


def test_words_go_in_the_dictionarys_own_encoding(tmp_path):
    _system_library()
    (tmp_path / "fr.aff").write_bytes(b"SET ISO8859-1\nTRY aeiouc\xe9\n")
    (tmp_path / "fr.dic").write_bytes(b"2\ncaf\xe9\nth\xe9\n")
    speller = hunspell_lib.open_dictionary(tmp_path, "fr")
    assert speller.encoding == "iso8859-1"
    assert speller.spell("café") and not speller.spell("cafe")
    assert "café" in speller.suggest("cafe")
    assert not speller.spell("한글") and speller.suggest("한글") == ()  # not in its alphabet
    assert not speller.spell("caf\0é")


def test_a_missing_file_is_a_dictionary_error(tmp_path):
    _system_library()
    with pytest.raises(dictionaries.DictionaryError, match="No such file.*ko.aff"):
        dictionaries.open_dictionary("ko", tmp_path)


def _sample_words(sample_dir) -> list[str]:
    """Return the sample's Hangul words, some with endings and a typo, and its Latin words."""
    text = (sample_dir / "index.md").read_text(encoding="utf-8")
    words = sorted(set(re.findall(r"[가-힣]+", text)))
    words += [w + tail for w in words[:120] for tail in ("는", "을", "했다", "됬다")]
    return words + sorted(set(re.findall(r"[A-Za-z]+", text)))


@pytest.mark.slow
def test_both_engines_judge_analyse_and_suggest_alike(folders, sample_dir):
    import hunspell  # chunspell, with its bundled libhunspell 1.7.2

    lib = hunspell_lib.load_library(_system_library())
    words = _sample_words(sample_dir)
    for name, typos in (("ko", MISSPELLED), ("en_US", MISSPELLED_EN)):
        ours = hunspell_lib.open_dictionary(folders[name], name, lib)
        theirs = hunspell.Hunspell(name, hunspell_data_dir=str(folders[name]))
        assert [ours.spell(w) for w in words] == [theirs.spell(w) for w in words]
        assert [ours.analyze(w) for w in words[:200]] == [theirs.analyze(w) for w in words[:200]]
        assert [ours.suggest(w) for w in typos] == [theirs.suggest(w) for w in typos]


@pytest.mark.slow
def test_where_the_engines_differ_the_spell_check_does_not(folders):
    import hunspell

    lib = hunspell_lib.load_library(_system_library())
    ours = hunspell_lib.open_dictionary(folders["ko"], "ko", lib)
    theirs = hunspell.Hunspell("ko", hunspell_data_dir=str(folders["ko"]))
    # Debian's 1.7.1 accepts these as the compound 바 + 이어하다, 1.7.2 does not: 3 of the
    # 278,905 words benchmarks/spell_agreement.py judged. The leniency accepts them either way.
    checkers = [dictionaries.SpellChecker(speller, None) for speller in (ours, theirs)]
    for word in DIFFERENT:
        assert [checker.is_correct(word) for checker in checkers] == [True, True]


# Runs check, then reports which libhunspell files that process mapped and whether it
# imported chunspell's module.
RUN_CHECK = """
import json, sys
from editor.cli.main import main
status = main(sys.argv[1:])
maps = {l.split()[-1] for l in open('/proc/self/maps') if 'libhunspell' in l}
print('REPORT ' + json.dumps({'maps': sorted(maps), 'chunspell': 'hunspell' in sys.modules}))
sys.exit(status)
"""


def test_check_uses_the_optimised_library(sample_dir, tmp_path):
    path = os.path.realpath(_system_library())
    article = read_article(sample_dir)
    article.headline = "셔틀 운행 계획 확정됬다"
    target = tmp_path / "typo.article"
    write_article(article, target)
    env = {**os.environ, "ARTICLE_EDITOR_CACHE_DIR": str(tmp_path / "cache")}
    env.pop(hunspell_lib.ENGINE_VARIABLE, None)
    done = subprocess.run(
        [sys.executable, "-c", RUN_CHECK, "check", "--no-measure", str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    printed, report = done.stdout.split("REPORT ", 1)
    assert "Spelling: “확정됬다”" in printed  # every word new: the dictionary loaded
    assert json.loads(report) == {"maps": [path], "chunspell": False}
