"""Hand `re` a pattern before a library compiles its own at import (docs/performance.md).

Two libraries compile a large pattern in pure Python (sre_compile) when imported, at every
start of the app: PyYAML's Reader (`NON_PRINTABLE`, a negated class reaching U+10FFFF,
~9 ms) and shiboken's signature parser (an argument-list pattern of nested braces, ~11 ms,
used only when a signature is asked for). `re.compile` looks in its cache before it
compiles, so a pattern put there under the library's text is what the library gets: for
PyYAML one with the same characters that compiles in ~1 ms, for shiboken one compiled when
first used. Where `re` keeps no such cache the library compiles its own, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


def seed(text: str, flags: int, pattern: object) -> bool:
    """Make re.compile(text, flags) return pattern; False where re has no cache to take it."""
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return False
    cache[(type(text), text, int(flags))] = pattern
    return True


class LazyPattern:
    """A regular expression compiled the first time it is used."""

    def __init__(self, text: str, flags: int = 0) -> None:
        self.pattern, self.flags = text, int(flags)
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """Return the compiled pattern, compiling it now the first time."""
        if self._compiled is None:
            cache = getattr(re, "_cache", {})
            key = (str, self.pattern, self.flags)
            if cache.get(key) is self:
                del cache[key]  # else re.compile would hand back this object
            found = re.compile(self.pattern, self.flags)  # another seed may stand there
            self._compiled = found.compiled() if isinstance(found, LazyPattern) else found
        return self._compiled

    # The methods a caller may bind before it uses them (shiboken keeps `finditer`).
    def search(self, *args: Any) -> re.Match[str] | None:
        return self.compiled().search(*args)

    def match(self, *args: Any) -> re.Match[str] | None:
        return self.compiled().match(*args)

    def fullmatch(self, *args: Any) -> re.Match[str] | None:
        return self.compiled().fullmatch(*args)

    def finditer(self, *args: Any) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(*args)

    def findall(self, *args: Any) -> list[Any]:
        return self.compiled().findall(*args)

    def sub(self, *args: Any) -> str:
        return self.compiled().sub(*args)

    def split(self, *args: Any) -> list[str]:
        return self.compiled().split(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)
