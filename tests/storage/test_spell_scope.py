"""`check`'s Korean dictionary cut to its words: the very verdicts and analyses of the whole one."""

from __future__ import annotations

import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from realtools import require_library

from editor.core.spelling import KoreanLeniency
from editor.storage import dictionaries, hunspell_lib, spell_scope

HOW = "apt-get install libhunspell-1.7-0, or sudo bash .ci/deps/50-hunspell.sh"
REPO = Path(__file__).resolve().parents[2]
HANGUL = re.compile(r"[가-힣]+")
JAMO = [chr(c) for c in (*range(0x1100, 0x1113), *range(0x1161, 0x1176), *range(0x11A8, 0x11C3))]
BATCHES = (1, 7, 50, 200, 1000)  # words per cut: a one-word story up to a desk's folder


@pytest.fixture(scope="module")
def korean(tmp_path_factory):
    require_library(hunspell_lib.candidates(), HOW)
    folder = dictionaries.unpacked("ko", tmp_path_factory.mktemp("dicts"))
    return folder, dictionaries.open_dictionary("ko", folder)


def _scoped(korean) -> spell_scope.ScopedDictionary:
    folder, whole = korean
    return spell_scope.ScopedDictionary(folder, "ko", lambda: whole)


def test_words_told_load_once_and_a_new_one_loads_again(korean):
    scoped = _scoped(korean)
    scoped.cover(["셔틀은", "운행했다"])
    assert scoped.builds == 1
    assert scoped.spell("운행했다") and scoped.spell("운행") and scoped.builds == 1  # a part
    assert not scoped.spell("됬다") and scoped.builds == 2
    assert scoped.analyze("됬다") == korean[1].analyze("됬다")
    assert scoped.suggest("됬다") == korean[1].suggest("됬다")  # from the whole dictionary


def test_without_proc_mounted_the_cut_loads_from_a_temporary_file(korean, monkeypatch):
    # A bare chroot or container without /proc: the memfd has no name Hunspell can open
    # (the packaged check died with FileNotFoundError in package-check's bookworm chroot).
    real_isdir, real_hunspell = spell_scope.os.path.isdir, hunspell_lib.Hunspell

    def no_proc(lib, aff, dic):
        if str(aff).startswith("/proc/"):
            raise FileNotFoundError(2, "No such file or directory", str(aff))
        return real_hunspell(lib, aff, dic)

    monkeypatch.setattr(
        spell_scope.os.path, "isdir", lambda p: not p.startswith("/proc/") and real_isdir(p)
    )
    monkeypatch.setattr(hunspell_lib, "Hunspell", no_proc)
    scoped = _scoped(korean)
    scoped.cover(["셔틀은", "운행했다", "됬다"])
    assert scoped.builds == 1 and scoped._speller is not korean[1]  # the cut, not the whole
    assert scoped.spell("운행했다") and not scoped.spell("됬다")


def test_words_arriving_one_by_one_end_with_the_whole_dictionary(korean):
    scoped = _scoped(korean)
    for word in ["가다", "나다", "다니다", "라면", "마시다", "바다", "사다", "아이", "자다"]:
        assert scoped.spell(word) == korean[1].spell(word)
    assert scoped.builds == spell_scope.MAX_BUILDS + 1 and scoped.covers(["아무"])


def test_a_file_not_filtered_loads_whole(tmp_path, korean):
    (tmp_path / "x.aff").write_text("SET UTF-8\nPFX 1 Y 1\nPFX 1 0 re .\n", encoding="utf-8")
    (tmp_path / "x.dic").write_text("1\nword/1\n", encoding="utf-8")
    whole = hunspell_lib.Hunspell(hunspell_lib.library(), tmp_path / "x.aff", tmp_path / "x.dic")
    scoped = spell_scope.ScopedDictionary(tmp_path, "x", lambda: whole)
    assert scoped.spell("reword") and scoped._speller is whole


def _words(folder: Path) -> list[str]:
    """Return the repository's Hangul words, stems with the .aff's endings, and jamo edits."""
    rng = random.Random(17)
    listed = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    found: set[str] = set()
    for name in listed:
        path = REPO / name
        if path.suffix in {".py", ".md", ".txt", ".yaml", ".json", ".ts", ".html"}:
            found.update(HANGUL.findall(path.read_text(encoding="utf-8", errors="replace")))
    words = sorted(found)
    return [*words, *_inflected(rng, folder, 2000), *_edited(rng, words, 2000)]


def _inflected(rng: random.Random, folder: Path, count: int) -> list[str]:
    """Return ko.dic stems with a random rule's strip and append (right and wrong forms)."""
    lines = (folder / "ko.dic").read_text(encoding="utf-8").splitlines()[1:]
    stems = [unicodedata.normalize("NFD", line.split("/")[0]) for line in lines]
    rules = [
        (p[2], p[3].split("/")[0])
        for p in (line.split() for line in (folder / "ko.aff").read_text("utf-8").split("\n"))
        if len(p) == 5 and p[0] == "SFX"
    ]
    made: set[str] = set()
    while len(made) < count:
        stem, (strip, append) = rng.choice(stems), rng.choice(rules)
        if strip != "0" and not stem.endswith(strip):
            continue
        stem = stem[: len(stem) - len(strip)] if strip != "0" else stem
        word = unicodedata.normalize("NFC", stem + ("" if append == "0" else append))
        if HANGUL.fullmatch(word):
            made.add(word)
    return sorted(made)


def _edited(rng: random.Random, words: list[str], count: int) -> list[str]:
    """Return words with one jamo changed, left out or added (mostly misspellings)."""
    made: set[str] = set()
    while len(made) < count:
        jamo = list(unicodedata.normalize("NFD", rng.choice(words)))
        at, way = rng.randrange(len(jamo)), rng.random()
        if way < 0.4:
            jamo[at] = rng.choice(JAMO)
        elif way < 0.7:
            del jamo[at]
        else:
            jamo.insert(at, rng.choice(JAMO))
        word = unicodedata.normalize("NFC", "".join(jamo))
        if HANGUL.fullmatch(word):
            made.add(word)
    return sorted(made)


@pytest.mark.slow
def test_the_cut_dictionary_says_what_the_whole_one_says(korean):
    """Hunspell's verdict and analyses of every word and part of one, batch by batch."""
    folder, whole = korean
    words = _words(folder)
    random.Random(3).shuffle(words)
    differences, asked, start, number = [], 0, 0, 0
    while start < len(words):
        batch = words[start : start + BATCHES[number % len(BATCHES)]]
        start, number = start + len(batch), number + 1
        scoped = _scoped(korean)
        scoped.cover(batch)
        lenient, lenient_whole = KoreanLeniency(scoped), KoreanLeniency(whole)
        for word in batch:
            size = len(word)
            parts = {word[a:b] for a in range(size) for b in range(a + 1, size + 1)}
            for part in parts if size <= 12 else {word}:  # the leniency splits up to 12
                asked += 1
                if (scoped.spell(part), scoped.analyze(part)) != (
                    whole.spell(part),
                    whole.analyze(part),
                ):
                    differences.append(part)
            if lenient.accepts(word) != lenient_whole.accepts(word):
                differences.append(f"leniency: {word}")
        assert scoped.builds == 1  # every answer came from the cut file
    print(f"{len(words)} words, {asked} asked, {number} cuts", file=sys.stderr)
    assert len(words) > 5000 and not differences
