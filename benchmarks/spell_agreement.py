"""Do the two Hunspell engines agree? The optimised libhunspell (ctypes) against chunspell's.

Run: .venv/bin/python benchmarks/spell_agreement.py [--stems 10000]

The words (deterministic, ~64,000): every Hangul and Latin word of the repository's tracked
text files; --stems stems of ko.dic (every n-th) with four real endings (는, 을, 했다, 됬다);
every one-syllable deletion of the repository's Hangul words; en_US stems with -s, -ed, -ing. Each engine runs in a process of its own (chunspell's bundled library has the same
soname as the system's) on the same unpacked files, and reports for every word Hunspell's
own verdict and the spell check's (with the Korean leniency, which asks Hunspell for
analyses), the suggestions for common misspellings, and what loading cost (CPU, peak).
Prints every difference.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parent.parent / "tests" / "storage"))
import benchlib  # noqa: E402
import test_dictionaries  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DICTIONARIES = REPO / "resources" / "dictionaries"
TEXT_SUFFIXES = {".py", ".md", ".html", ".txt", ".yaml", ".yml", ".json", ".ts", ".css", ".js"}
ENDINGS = ("는", "을", "했다", "됬다")
# The newsroom misspellings the dictionary tests hold, a few more, and English ones.
MISSPELLED = [
    *test_dictionaries.MISSPELLED,
    *("확정됬다", "셔틀은됬다", "자율주향", "운영햇다", "발표헀다", "시의희", "정부세종청서"),
    *("reporetr", "goverment", "recieve", "shutle", "wich", "teh", "accomodate", "seperate"),
]
HANGUL = re.compile(r"[가-힣]+")
LATIN = re.compile(r"[A-Za-z]{2,}")


def repository_words() -> tuple[set[str], set[str]]:
    """Return the Hangul and the Latin words of every tracked text file."""
    listed = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    hangul: set[str] = set()
    latin: set[str] = set()
    for name in listed:
        path = REPO / name
        if path.suffix in TEXT_SUFFIXES and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            hangul.update(HANGUL.findall(text))
            latin.update(LATIN.findall(text))
    return hangul, latin


def dictionary_stems(name: str, count: int) -> list[str]:
    """Return count stems of a packed .dic, spread evenly over it."""
    lines = lzma.decompress((DICTIONARIES / f"{name}.dic.xz").read_bytes()).decode().splitlines()
    # ko.dic spells its stems in conjoining jamo (its ICONV composes what is checked)
    stems = [unicodedata.normalize("NFC", line.split("/")[0]) for line in lines[1:]]
    stems = [stem for stem in stems if HANGUL.fullmatch(stem) or LATIN.fullmatch(stem)]
    step = max(1, len(stems) // count)
    return stems[::step][:count]


def deletions(words: set[str]) -> set[str]:
    """Return every word with one syllable left out, 3+ long."""
    return {w[:i] + w[i + 1 :] for w in words if len(w) >= 3 for i in range(len(w))}


def word_list(stems: int, endings: tuple[str, ...] = ENDINGS) -> list[str]:
    """Return the words both engines judge (sorted, no repeats)."""
    hangul, latin = repository_words()
    words = hangul | latin | deletions(hangul)
    words |= {s + e for s in dictionary_stems("ko", stems) for e in endings}
    words |= {s + e for s in dictionary_stems("en_US", stems // 5) for e in ("s", "ed", "ing")}
    return sorted(words)


ENGINE = """
import json, resource, sys, time
from pathlib import Path
from editor.storage import dictionaries
words = json.loads(Path(sys.argv[1]).read_text())
started = time.process_time()
checker = dictionaries.load_checker(Path(sys.argv[2]))
load_cpu = time.process_time() - started
checker.user_words = set()
ko, en = checker.korean, checker.english
raw = ''.join('1' if (ko if '가' <= w[0] <= '힣' else en).spell(w) else '0' for w in words)
full = ''.join('1' if checker.is_correct(w) else '0' for w in words)
started = time.process_time()
suggestions = {w: checker.suggest(w, limit=99) for w in json.loads(sys.argv[3])}
print(json.dumps({
    'engine': dictionaries.engine(ko), 'load_cpu': load_cpu, 'raw': raw, 'full': full,
    'suggest_cpu': time.process_time() - started, 'suggestions': suggestions,
    'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def run_engine(engine: str, words_file: Path, folder: Path) -> dict[str, object]:
    """Judge every word with one engine in a fresh process; return what it reported."""
    env = {**os.environ}
    env.pop("ARTICLE_EDITOR_HUNSPELL", None)
    if engine == "chunspell":
        env["ARTICLE_EDITOR_HUNSPELL"] = "chunspell"
    done = subprocess.run(
        [sys.executable, "-c", ENGINE, str(words_file), str(folder), json.dumps(MISSPELLED)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return json.loads(done.stdout)


def differences(words: list[str], a: str, b: str) -> list[str]:
    """Return the words two verdict strings disagree on."""
    return [w for w, x, y in zip(words, a, b, strict=True) if x != y]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stems", type=int, default=10000, help="ko.dic stems with endings")
    parser.add_argument("--endings", default=" ".join(ENDINGS), help="Korean endings to add")
    args = parser.parse_args(argv)
    words = word_list(args.stems, tuple(args.endings.split()))
    with tempfile.TemporaryDirectory(prefix="article-editor-agree-") as base:
        words_file = Path(base) / "words.json"
        words_file.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
        folder = Path(base) / "dictionaries"
        ours = run_engine("system", words_file, folder)  # unpacks into folder
        theirs = run_engine("chunspell", words_file, folder)
    hunspell_diff = differences(words, ours["raw"], theirs["raw"])
    checker_diff = differences(words, ours["full"], theirs["full"])
    suggest_diff = {
        w: {"system": ours["suggestions"][w], "chunspell": theirs["suggestions"][w]}
        for w in MISSPELLED
        if ours["suggestions"][w] != theirs["suggestions"][w]
    }
    results = {
        "words": len(words),
        "korean_words": sum(1 for w in words if HANGUL.fullmatch(w)),
        "accepted_by_hunspell": ours["raw"].count("1"),
        "accepted_by_the_checker": ours["full"].count("1"),
        "hunspell_verdicts_differ": hunspell_diff,
        "checker_verdicts_differ": checker_diff,
        "misspellings": len(MISSPELLED),
        "suggestions_differ": suggest_diff,
        "engines": {
            name: {k: r[k] for k in ("engine", "load_cpu", "suggest_cpu", "peak_mb")}
            for name, r in (("system", ours), ("chunspell", theirs))
        },
    }
    table = [
        "| measure | optimised libhunspell | chunspell |",
        "|---|---|---|",
        f"| words judged | {len(words):,} | {len(words):,} |",
        f"| Hunspell's verdicts that differ | {len(hunspell_diff)} | |",
        f"| the spell check's verdicts that differ | {len(checker_diff)} | |",
        f"| misspellings whose suggestions differ | {len(suggest_diff)} of {len(MISSPELLED)} | |",
    ]
    for key in ("load_cpu", "suggest_cpu", "peak_mb"):
        row = [f"{results['engines'][n][key]:.2f}" for n in ("system", "chunspell")]
        table.append(f"| {key} (both dictionaries) | {row[0]} | {row[1]} |")
    benchlib.emit("spell_agreement", results, "\n".join(table))
    return 0 if not (hunspell_diff or checker_diff) else 1


if __name__ == "__main__":
    sys.exit(main())
