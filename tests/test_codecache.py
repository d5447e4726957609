"""The dataclasses' methods compiled once and kept (editor.codecache)."""

from __future__ import annotations

import inspect
import json
import marshal
import os
import subprocess
import sys

import pytest

from editor import codecache

# Defines dataclasses of every kind through the cache and reports what they do.
PROBE = """
import dataclasses, inspect, json
from editor import codecache
codecache.install()
from dataclasses import dataclass, field

@dataclass
class Plain:
    title: str
    tags: list[str] = field(default_factory=list)
    count: int = 0

@dataclass(frozen=True, order=True)
class Frozen:
    a: int
    b: str = "나"

p = Plain("제목", count=3)
f = Frozen(1)
try:
    f.a = 2
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
try:
    Plain()
    missing = ""
except TypeError as exc:
    missing = str(exc)
print(json.dumps({
    "repr": [repr(p), repr(f)],
    "eq": [p == Plain("제목", [], 3), f == Frozen(1, "나"), Frozen(1) < Frozen(2)],
    "hash": hash(f) == hash(Frozen(1)),
    "frozen": frozen,
    "missing": missing,
    "signature": [str(inspect.signature(Plain)), str(inspect.signature(Frozen.__init__))],
    "stats": codecache.stats,
}))
codecache.save()
"""


def _probe(env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(out.stdout)


@pytest.fixture
def cache_env(tmp_path):
    return {**os.environ, "ARTICLE_EDITOR_CACHE_DIR": str(tmp_path / "cache")}


def test_the_second_start_compiles_nothing_and_its_classes_behave_the_same(cache_env):
    first, second = _probe(cache_env), _probe(cache_env)
    assert first["stats"]["compiled"] > 0 and first["stats"]["reused"] == 0
    assert second["stats"] == {"compiled": 0, "reused": first["stats"]["compiled"]}
    first.pop("stats"), second.pop("stats")
    assert second == first
    assert first["repr"] == ["Plain(title='제목', tags=[], count=3)", "Frozen(a=1, b='나')"]
    assert first["eq"] == [True, True, True] and first["hash"] and first["frozen"]
    assert "missing 1 required positional argument: 'title'" in first["missing"]
    assert (
        first["signature"][0] == "(title: str, tags: list[str] = <factory>, count: int = 0) -> None"
    )


def test_the_same_as_without_the_cache(cache_env):
    cached = _probe(cache_env)
    plain = subprocess.run(
        [sys.executable, "-c", PROBE.replace("codecache.install()", "")],
        capture_output=True,
        text=True,
        check=True,
        env=cache_env,
    )
    without = json.loads(plain.stdout)
    cached.pop("stats"), without.pop("stats")
    assert cached == without


def test_a_damaged_cache_file_is_ignored_and_replaced(cache_env, monkeypatch, tmp_path):
    monkeypatch.setenv("ARTICLE_EDITOR_CACHE_DIR", cache_env["ARTICLE_EDITOR_CACHE_DIR"])
    target = codecache.cache_file()
    target.parent.mkdir(parents=True)
    target.write_bytes(b"\x00not marshal")
    report = _probe(cache_env)
    assert report["stats"]["compiled"] > 0
    assert _probe(cache_env)["stats"]["compiled"] == 0  # written whole, read back


def test_the_app_installs_it_before_its_first_dataclass(cache_env):
    code = (
        "import dataclasses, json, sys\n"
        "import editor.cli.main\n"
        "from editor import codecache\n"
        "import editor.core.model\n"
        "print(json.dumps([dataclasses.exec is codecache._exec, codecache.stats['compiled']"
        " + codecache.stats['reused']]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=cache_env
    )
    installed, methods = json.loads(out.stdout)
    # errors' ErrorRecord and the model's dataclasses went through it
    assert installed is True and methods >= 10
    assert inspect.isfunction(codecache._exec)


APP_FIRST_FRAME = """
import json, os
import editor.cli.main
from editor import codecache
from editor.ui import app

def report(window):
    def painted():
        from PySide6.QtCore import QTimer
        print(json.dumps([codecache.stats, codecache.pattern_stats]), flush=True)
        QTimer.singleShot(0, lambda: os._exit(0))  # once the window has saved the cache
    window.first_painted.connect(painted)
    return window

real_open = app.open_window
app.open_window = lambda *a, **k: report(real_open(*a, **k))
editor.cli.main.main([])
"""


def test_the_apps_second_start_compiles_no_dataclass_method_or_pattern_before_its_first_frame(
    cache_env,
):
    def start() -> list[dict[str, int]]:
        out = subprocess.run(
            [sys.executable, "-c", APP_FIRST_FRAME],
            capture_output=True,
            text=True,
            check=True,
            env=cache_env,
            timeout=120,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    methods, patterns = start()  # saved once the window is painted
    assert methods["compiled"] > 50 and methods["reused"] == 0
    assert patterns["compiled"] > 30 and patterns["reused"] == 0
    assert start() == [
        {"compiled": 0, "reused": methods["compiled"]},
        {"compiled": 0, "reused": patterns["compiled"]},
    ]


# Compiles patterns of every kind through the kept programs; reports each one's program
# against a fresh compile by re's own code, and how it matches.
PATTERNS = """
import json, re, warnings
from editor import codecache
codecache.install()
from re import _compiler
TEXT = "제목: <PD수첩> 3~4일, **“인용”**는 Hello World 2026-12-01\\n둘째 줄 x=1 y=22"
CASES = [
    (r"(?P<year>\\d{4})-(?P<month>\\d\\d)-(?P<day>\\d\\d)", 0),
    (r"(?<=\\s)\\w+(?=\\s)", 0),
    (r"(?i)hello|WORLD", 0),
    (r"수첩|인용", re.IGNORECASE),
    (r"^둘째.*$", re.MULTILINE),
    (r"\\w+", re.ASCII),
    (r" x = (\\d) # a comment\\n | y=(\\d+)", re.VERBOSE),
    (re.escape("<PD수첩>"), 0),
    (r"(a)?(?(1)b|c)", 0),  # a conditional group: never kept
    (r"[[a]x", 0),  # a possible nested set: warns, never kept
    (r"(?x) [가-힣]+ ", 0),
]
seen = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for text, flags in CASES:
        ours = re.compile(text, flags)
        fresh = codecache._real["compile"](text, flags)
        seen.append([ours == fresh, ours.flags, ours.groups, dict(ours.groupindex),
                     [m.span() for m in ours.finditer(TEXT)]])
print(json.dumps({"cases": seen, "stats": codecache.pattern_stats,
                  "warnings": [str(w.message) for w in caught],
                  "installed": _compiler.compile is codecache._compile_pattern}))
codecache.save()
re.compile("a search typed after the start")  # not kept: the file holds the start's
codecache.save()
"""


def _patterns(env: dict[str, str]) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PATTERNS], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(out.stdout)


def test_a_kept_pattern_is_the_one_re_compiles_and_a_warning_still_comes(cache_env, monkeypatch):
    first, second = _patterns(cache_env), _patterns(cache_env)
    if not first["installed"]:
        pytest.skip("another Python's re: patterns are compiled by re alone")
    assert first["stats"] == {"compiled": 9, "reused": 0}
    assert second["stats"] == {"compiled": 0, "reused": 9}  # not the two that could warn
    assert second["cases"] == first["cases"]
    assert all(case[0] for case in first["cases"])  # equal to what re compiles itself
    assert first["cases"][0][3] == {"year": 1, "month": 2, "day": 3}
    assert first["cases"][3][4] == [[7, 9], [20, 22]]  # 수첩, 인용
    # ours and the fresh compile beside it, at both starts
    assert first["warnings"] == second["warnings"] == ["Possible nested set at position 1"] * 2
    monkeypatch.setenv("ARTICLE_EDITOR_CACHE_DIR", cache_env["ARTICLE_EDITOR_CACHE_DIR"])
    kept = [text for text, _ in marshal.loads(codecache.patterns_file().read_bytes())]
    assert len(kept) == 9 and "a search typed after the start" not in kept


def test_a_damaged_pattern_file_is_ignored(cache_env, monkeypatch):
    monkeypatch.setenv("ARTICLE_EDITOR_CACHE_DIR", cache_env["ARTICLE_EDITOR_CACHE_DIR"])
    target = codecache.patterns_file()
    target.parent.mkdir(parents=True)
    target.write_bytes(marshal.dumps({("\\w+", 0): (0, [1, 2, 3], 0, {}, (None,))}))
    report = _patterns(cache_env)  # the entry's program is refused: compiled afresh
    assert all(case[0] for case in report["cases"])
    target.write_bytes(b"\x00not marshal")
    assert all(case[0] for case in _patterns(cache_env)["cases"])
