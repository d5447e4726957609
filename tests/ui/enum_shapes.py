"""Describe a Python enum type completely, as plain data two processes can compare.

Used by tests/ui/test_fast_enums.py: the class dict in order, every member's attributes,
repr, str, format, hash, pickling, iteration, lookups and flag operations. Objects that
are not data are named by their qualified name (functions, builtins) or their type.
"""

from __future__ import annotations

import enum
import functools
import sys


def qt_enums(modules: list) -> list[type]:
    """Return every enum type of the Qt classes (and their nested classes) in modules."""
    found = []
    for module in modules:
        for name in dir(module):
            todo = [getattr(module, name)]
            while todo:
                owner = todo.pop()
                if not isinstance(owner, type):
                    continue
                for value in list(vars(owner).values()):
                    if isinstance(value, enum.EnumType):
                        found.append(value)
                    elif isinstance(value, type) and value.__qualname__.startswith(
                        owner.__qualname__ + "."
                    ):
                        todo.append(value)  # a nested class, e.g. QTextEdit.ExtraSelection
    return found


def made_enums() -> list[type]:
    """Return the enum types of the Qt classes PySide6 has made so far (it makes them lazily)."""
    found = []
    for name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"):
        for owner in list(vars(sys.modules[name]).values()):
            if isinstance(owner, type) and not isinstance(owner, enum.EnumType):
                found += [v for v in list(vars(owner).values()) if isinstance(v, enum.EnumType)]
    return found


def _name(value: object) -> str:
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '?')}"


def shape(owner: type, value: object) -> object:
    """Return value as data, members and the class itself by name."""
    if isinstance(value, owner):
        return ["member", value._name_]
    if value is owner:
        return ["self"]
    if isinstance(value, dict):
        return ["dict", [[shape(owner, k), shape(owner, v)] for k, v in value.items()]]
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, [shape(owner, v) for v in value]]
    if isinstance(value, (bool, int, str, type(None))):
        return [type(value).__name__, value]
    if isinstance(value, functools.partial):  # shiboken's _missing_
        return ["partial", _name(value.func), [shape(owner, a) for a in value.args]]
    if hasattr(value, "__func__") and hasattr(value, "__self__"):
        return ["bound", _name(value.__func__), shape(owner, value.__self__)]
    if hasattr(value, "__qualname__"):
        return ["named", _name(value)]
    return ["object", type(value).__name__]


def describe(owner: type) -> dict:
    """Return everything about an enum type that its users could see."""
    members = list(owner._member_map_.values())
    described = {
        "names": [owner.__name__, owner.__qualname__, owner.__module__, owner.__doc__],
        "meta": _name(type(owner)),
        "mro": [shape(owner, base) for base in owner.__mro__],
        "dict": [[key, shape(owner, value)] for key, value in vars(owner).items()],
        "dir": dir(owner),
        "len": len(owner),
        "iter": [member._name_ for member in owner],
        "lookup": [owner(member._value_)._name_ for member in members],
        "reduce": [shape(owner, member.__reduce_ex__(4)) for member in members],
    }
    described["members"] = [
        [
            name,
            [[key, shape(owner, value)] for key, value in vars(member).items()],
            type(member) is owner,
            repr(member),
            str(member),
            format(member),
            hash(member),
        ]
        for name, member in owner._member_map_.items()
    ]
    if issubclass(owner, enum.Flag) and members:
        pairs = [a | b for a in members[:6] for b in members[:6]]
        described["flags"] = [repr(~member) for member in members] + [repr(p) for p in pairs]
        described["flags"].append(repr(owner(0)))
    return described
