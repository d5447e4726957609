"""Build the Python enum types PySide6 creates for Qt's enums in one pass, same result.

shiboken6 (6.11) makes every Qt enum a Python enum through the functional API,
`enum.IntEnum(name, [(member, value), ...], boundary=KEEP)`, when the enum's Qt class is
first used: 226 enums with 3,306 members before the editor's first frame. Python 3.11's
`enum` turns each member into a `_proto_member` whose `__set_name__` deletes and sets it
again through `EnumType`'s Python-level `__delattr__`/`__setattr__`, after one
`_EnumDict.__setitem__` per member: ~237 M instructions for those 226 enums, a quarter of
the whole start (docs/performance.md, "Issue 17, session 6").

`EnumType.__call__` is replaced by the same function with one more branch: a call shaped
as shiboken's (one of `Enum`/`IntEnum`/`Flag`/`IntFlag`, a list of (str, int) pairs, plain
unique names that no base class defines, `boundary=KEEP` and nothing else) builds the
class the way `EnumType.__new__` would — same class dict in the same order, same members
with the same attributes, aliases, maps and flag masks — with the members made in one
loop (~54 M). Every other call, and every value lookup, runs Python's own code unchanged.
It is installed only on the `enum` code it was written against and compared with
(`tests/ui/test_fast_enums.py` builds every enum of QtCore, QtGui and QtWidgets both ways
and compares them; the real app's enums too); another Python keeps its own `enum`.
ARTICLE_EDITOR_STDLIB_ENUMS=1 turns it off.
"""

from __future__ import annotations

import enum
import os
import sys
import zlib
from itertools import repeat

# The attributes a member gets, in EnumType's order (a base must not define them).
_MEMBER_ATTRS = ("_value_", "_name_", "__objclass__", "_sort_order_")
_FLAG_OPERATORS = ("__or__", "__and__", "__xor__", "__ror__", "__rand__", "__rxor__", "__invert__")
# zlib.crc32 of the byte code of the enum functions whose work _build does (_fingerprint);
# CPython 3.11.7's. Any other enum module keeps its own code.
KNOWN_FINGERPRINTS = frozenset({304368456})

_stdlib_call = enum.EnumType.__call__
_taken: dict[type, frozenset[str]] = {}  # each base's attribute names, over its MRO


def _fingerprint() -> int:
    """Return a checksum of the enum code _build stands in for."""
    meta, crc = enum.EnumType, 0
    functions = (
        _stdlib_call,
        meta._create_,
        meta.__prepare__.__func__,
        meta.__new__,
        meta.__setattr__,
        meta.__delattr__,
        meta._get_mixins_.__func__,
        meta._find_new_.__func__,
        meta._find_data_repr_.__func__,
        meta._find_data_type_.__func__,
        meta._check_for_existing_members_.__func__,
        enum._EnumDict.__setitem__,
        enum._proto_member.__set_name__,
        enum.Enum.__init__,
        enum._is_single_bit,
    )
    for function in functions:
        crc = zlib.crc32(function.__code__.co_code, crc)
    return crc


def install() -> bool:
    """Use the one-pass build for shiboken's enums; return whether it is in use."""
    if os.environ.get("ARTICLE_EDITOR_STDLIB_ENUMS") == "1":
        return False
    if enum.EnumType.__call__ is _call:
        return True
    try:
        known = _fingerprint() in KNOWN_FINGERPRINTS
    except AttributeError:  # an enum module shaped otherwise
        known = False
    if not known:
        return False
    for base in (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag):
        _taken[base] = frozenset().union(*map(vars, base.__mro__))
    _call.__doc__ = _stdlib_call.__doc__
    enum.EnumType.__call__ = _call
    return True


def uninstall() -> None:
    """Give Python's own EnumType.__call__ back (the tests compare both)."""
    enum.EnumType.__call__ = _stdlib_call


def _call(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):  # noqa: A002, ANN001, ANN202
    # EnumType.__call__'s own code, with the one-pass branch. cls._create_ (not
    # _stdlib_call) keeps _create_'s sys._getframe(2) on the caller, as before.
    if names is None:  # simple value lookup
        return cls.__new__(cls, value)
    if (
        boundary is enum.KEEP
        and module is None
        and qualname is None
        and type is None
        and start == 1
        and cls in _taken
        and _plain(cls, names)
    ):
        try:
            module = sys._getframe(1).f_globals["__name__"]  # _create_'s guess, one frame up
        except (AttributeError, ValueError, KeyError):
            module = None
        if module is not None:
            return _build(cls, value, names, module)
    return cls._create_(
        value, names, module=module, qualname=qualname, type=type, start=start, boundary=boundary
    )


def _plain(cls: type, names: object) -> bool:
    """Tell whether names are (str, int) pairs that EnumType takes as plain members."""
    if not isinstance(names, list) or not names:
        return False
    if set(map(type, names)) != {tuple} or set(map(len, names)) != {2}:
        return False
    keys, values = zip(*names, strict=True)  # every pair has two (checked above)
    if set(map(type, keys)) != {str} or set(map(type, values)) != {int}:
        return False
    taken = _taken[cls]
    if len(set(keys)) != len(keys) or not taken.isdisjoint(keys) or {"", "mro"} & set(keys):
        return False  # a duplicate (an error), a descriptor to redirect, an invalid name
    if any(map(str.startswith, keys, repeat("_"))):
        return False  # sunder, dunder or private: _EnumDict's special cases
    return taken.isdisjoint(_MEMBER_ATTRS)


def _build(cls: type, class_name: str, names: list, module: str) -> type:  # noqa: PLR0912
    """Return what EnumType.__new__ makes of cls(class_name, names, boundary=KEEP)."""
    meta = enum.EnumType
    bases = (cls,)
    member_type, first_enum = meta._get_mixins_(class_name, bases)
    classdict = {
        "_generate_next_value_": getattr(first_enum, "_generate_next_value_", None),
        "__module__": module,
    }
    new, save_new, use_args = meta._find_new_(classdict, member_type, first_enum)
    member_names: list[str] = []
    member_map: dict[str, object] = {}
    value_map: dict[int, object] = {}
    classdict.update(
        _new_member_=new,
        _use_args_=use_args,
        _member_names_=member_names,
        _member_map_=member_map,
        _value2member_map_=value_map,
        _unhashable_values_=[],
        _member_type_=member_type,
        _value_repr_=meta._find_data_repr_(class_name, bases),
        _boundary_=enum.KEEP,
        _flag_mask_=0,
        _singles_mask_=0,
        _all_bits_=0,
        _inverted_=None,
    )
    enum_class = type.__new__(meta, class_name, bases, classdict)
    is_flag = issubclass(enum_class, enum.Flag)
    _add_members(enum_class, names, new, use_args, member_type, is_flag)
    if is_flag:
        enum_class._flag_mask_ = flag_mask = _or(value for _, value in names)
        enum_class._singles_mask_ = _or(filter(_single_bit, (value for _, value in names)))
        enum_class._all_bits_ = 2 ** (flag_mask.bit_length()) - 1
    classdict.update(enum_class.__dict__)
    for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
        if name not in classdict:  # the mixin's own would break pickle and repr
            found = getattr(enum_class, name)
            if found in (getattr(member_type, name), getattr(object, name)):
                setattr(enum_class, name, getattr(first_enum, name))
    if is_flag:
        for name in _FLAG_OPERATORS:
            if name not in classdict:
                setattr(enum_class, name, getattr(enum.Flag, name))
    if save_new:
        enum_class.__new_member__ = new
    enum_class.__new__ = enum.Enum.__new__
    if not is_flag:
        for name in ("_boundary_", "_flag_mask_", "_singles_mask_", "_all_bits_", "_inverted_"):
            delattr(enum_class, name)
    else:
        values = [member._value_ for member in enum_class]
        if values != sorted(values):
            enum_class._iter_member_ = enum_class._iter_member_by_def_
    return enum_class


def _add_members(enum_class, names, new, use_args, member_type, is_flag) -> None:  # noqa: ANN001
    """Make the members as _proto_member.__set_name__ does, then set them on the class."""
    member_names = enum_class._member_names_
    member_map = enum_class._member_map_
    value_map = enum_class._value2member_map_
    call_init = enum_class.__init__ is not enum.Enum.__init__  # Enum's does nothing
    for name, value in names:
        member = new(enum_class, value) if use_args else new(enum_class)
        if member_type is not object:
            value = member_type(value)
        vars(member).update(
            _value_=value, _name_=name, __objclass__=enum_class, _sort_order_=len(member_names)
        )
        if call_init:
            member.__init__(value)
        canonical = value_map.get(value)
        if canonical is None:
            if not is_flag or _single_bit(value):
                member_names.append(name)  # a Flag's multi-bit values are aliases
            value_map[value] = member
        else:
            member = canonical  # an alias of an earlier member
        member_map[name] = member
    # Set on the class after all are made (each set empties the class's lookup cache);
    # __set_name__ deleted and set each, so members follow the other names in this order.
    for name, member in member_map.items():
        type.__setattr__(enum_class, name, member)


def _single_bit(value: int) -> bool:
    return value != 0 and value & (value - 1) == 0  # enum._is_single_bit


def _or(values) -> int:  # noqa: ANN001
    result = 0
    for value in values:
        result |= value
    return result
