"""The dataclasses' methods compiled once and kept (editor.codecache)."""

from __future__ import annotations

import inspect
import json
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
        print(json.dumps(codecache.stats), flush=True)
        QTimer.singleShot(0, lambda: os._exit(0))  # once the window has saved the cache
    window.first_painted.connect(painted)
    return window

real_open = app.open_window
app.open_window = lambda *a, **k: report(real_open(*a, **k))
editor.cli.main.main([])
"""


def test_the_apps_second_start_compiles_no_dataclass_method_before_its_first_frame(cache_env):
    def start() -> dict[str, int]:
        out = subprocess.run(
            [sys.executable, "-c", APP_FIRST_FRAME],
            capture_output=True,
            text=True,
            check=True,
            env=cache_env,
            timeout=120,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    first = start()  # saved once the window is painted
    assert first["compiled"] > 50 and first["reused"] == 0
    assert start() == {"compiled": 0, "reused": first["compiled"]}
