"""shiboken's enum types built in one pass (editor.ui.fast_enums) are Python's own, exactly.

Each test compares what users of an enum can see (tests/ui/enum_shapes.py) between the
one-pass build and Python's EnumType, never a timing.
"""

from __future__ import annotations

import enum
import sys

import pytest

from editor.ui import fast_enums
from tests.ui.test_startup_cost import _run
from tests.ui.test_window_start import RUN_TO_FIRST_PAINT

ON_THE_CHECKED_PYTHON = sys.implementation.name == "cpython" and sys.version_info[:3] == (3, 11, 7)

# Every enum of QtCore, QtGui and QtWidgets, rebuilt from its members both ways.
EVERY_QT_ENUM = """
import enum, json
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
from editor.ui import fast_enums
from tests.ui.enum_shapes import describe, qt_enums

found = qt_enums([PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets])
seen = {"enums": len(found), "one_pass": 0, "different": []}
for qt in found:
    base, members = qt.__mro__[1], [(n, m._value_) for n, m in qt._member_map_.items()]
    fast_enums.uninstall()
    python = base(qt.__name__, list(members), boundary=enum.KEEP)
    assert fast_enums.install()
    seen["one_pass"] += fast_enums._plain(base, members)
    ours = base(qt.__name__, list(members), boundary=enum.KEEP)
    if describe(python) != describe(ours):
        seen["different"].append(qt.__qualname__)
print(json.dumps(seen))
"""

# The real app on the sample: every enum it made up to its first painted frame.
APP_ENUMS = (
    """
import enum, os
from editor.ui import app, fast_enums
from tests.ui.enum_shapes import describe, made_enums

def at_first_paint():
    seen = {"installed": enum.EnumType.__call__ is not fast_enums._stdlib_call}
    seen.update((e.__module__ + "." + e.__qualname__, describe(e)) for e in made_enums())
    return seen
"""
    + RUN_TO_FIRST_PAINT
)


def test_every_qt_enum_is_the_same_built_in_one_pass():
    if not ON_THE_CHECKED_PYTHON:
        pytest.skip("another Python keeps its own enum code (fast_enums.KNOWN_FINGERPRINTS)")
    seen = _run(EVERY_QT_ENUM)
    assert seen["enums"] > 600  # 631 with PySide6 6.11.3
    assert seen["one_pass"] >= seen["enums"] - 2  # all but those with no members
    assert seen["different"] == []


def test_the_apps_enums_at_its_first_frame_are_the_same_without_it(monkeypatch):
    monkeypatch.setenv("PYTHONHASHSEED", "0")  # a plain Enum member's hash is its name's
    ours = _run(APP_ENUMS)
    monkeypatch.setenv("ARTICLE_EDITOR_STDLIB_ENUMS", "1")
    pythons = _run(APP_ENUMS)
    assert ours.pop("installed") is ON_THE_CHECKED_PYTHON
    assert pythons.pop("installed") is False
    assert len(ours) > 200
    assert sorted(ours) == sorted(pythons)
    for name, shape in ours.items():
        assert shape == pythons[name], name


@pytest.fixture
def one_pass():
    """Install the one-pass build in this process (PySide6 was imported before editor.ui)."""
    before = enum.EnumType.__call__
    if not fast_enums.install():
        pytest.skip("another Python keeps its own enum code")
    yield
    enum.EnumType.__call__ = before


def _both_ways(make) -> tuple[object, object]:  # noqa: ANN001
    """Return what make() gives (its enum's description, or its error) both ways."""
    from tests.ui.enum_shapes import describe

    results = []
    for install in (False, True):
        (fast_enums.install if install else fast_enums.uninstall)()
        try:
            results.append(describe(make()))
        except Exception as exc:  # noqa: BLE001 - the error itself is compared
            results.append((type(exc), str(exc)))
    return results[0], results[1]


@pytest.mark.parametrize(
    "make",
    [
        lambda: enum.Enum("Colour", "RED GREEN BLUE"),
        lambda: enum.IntEnum("Size", [("S", 1), ("M", 2)]),  # no boundary: Python's own
        lambda: enum.Flag("Mode", [("READ", 1), ("READ", 2)], boundary=enum.KEEP),
        lambda: enum.Enum("Odd", [("_sunder_", 1)], boundary=enum.KEEP),
        lambda: enum.IntEnum("Named", [("name", 1), ("value", 2)], boundary=enum.KEEP),
        lambda: enum.IntEnum("Real", [("real", 1), ("A", 1)], boundary=enum.KEEP),
        lambda: enum.Enum("Texts", [("A", "a")], boundary=enum.KEEP),
        lambda: enum.IntFlag("Bits", [("A", 1), ("AB", 3), ("B", 2), ("Z", 0)], boundary=enum.KEEP),
        lambda: enum.Flag("Back", [("C", 4), ("A", 1), ("ALL", -1)], boundary=enum.KEEP),
        lambda: enum.IntEnum("Alias", [("A", 1), ("B", 1), ("BIG", 2**64 - 1)], boundary=enum.KEEP),
        lambda: enum.Enum("Mro", [("mro", 1)], boundary=enum.KEEP),
        lambda: enum.Enum("Empty", [], boundary=enum.KEEP),
    ],
)
def test_any_other_call_gives_what_python_gives(one_pass, make):
    python, ours = _both_ways(make)
    assert ours == python


def test_the_module_is_still_guessed_from_the_caller(one_pass):
    # EnumType._create_ names the calling module from the stack: one frame up, both ways.
    assert enum.IntEnum("Here", [("A", 1)], boundary=enum.KEEP).__module__ == __name__
    assert enum.Enum("There", "A B").__module__ == __name__
    assert enum.Enum("Given", [("A", 1)], module="elsewhere").__module__ == "elsewhere"


def test_it_is_used_only_on_the_enum_code_it_was_checked_against(monkeypatch):
    monkeypatch.setattr(enum.EnumType, "__call__", fast_enums._stdlib_call)  # restored after
    assert (fast_enums._fingerprint() in fast_enums.KNOWN_FINGERPRINTS) is ON_THE_CHECKED_PYTHON
    monkeypatch.setenv("ARTICLE_EDITOR_STDLIB_ENUMS", "1")
    assert fast_enums.install() is False
    monkeypatch.setattr(fast_enums, "KNOWN_FINGERPRINTS", frozenset())
    monkeypatch.delenv("ARTICLE_EDITOR_STDLIB_ENUMS")
    assert fast_enums.install() is False
    assert enum.EnumType.__call__ is fast_enums._stdlib_call
