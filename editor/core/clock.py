"""Time helpers: one zone for the newsroom, an injectable clock for tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

DEFAULT_ZONE_NAME = "Asia/Seoul"


def newsroom_zone(name: str = DEFAULT_ZONE_NAME) -> timezone | ZoneInfo:
    """Return the named zone, or a fixed +09:00 when the system has no zone data."""
    # zoneinfo's import reads sysconfig's TZPATH (~8 M instructions): at the first time
    # shown, not in the window's first frame, which shows none.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone(timedelta(hours=9), "KST")


def _system_now() -> datetime:
    return datetime.now(newsroom_zone()).replace(microsecond=0)


now: Callable[[], datetime] = _system_now


def set_clock(func: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests); None restores the system clock."""
    global now
    now = func or _system_now


def aware(value: datetime) -> datetime:
    """Return value with a time zone, assuming the newsroom's zone when it has none."""
    if value.tzinfo is None:
        return value.replace(tzinfo=newsroom_zone())
    return value


def to_iso(value: datetime) -> str:
    """Format as ISO 8601 with offset, to the second."""
    return aware(value).replace(microsecond=0).isoformat()
