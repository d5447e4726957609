"""Who is using the app: the name, e-mail and newsroom role kept in the settings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    """What the user does in the newsroom; only the desk approves."""

    REPORTER = "reporter"
    DESK = "desk"

    @classmethod
    def parse(cls, value: object) -> Role:
        """Return the role named by value, REPORTER for anything unknown."""
        try:
            return cls(str(value))
        except ValueError:
            return cls.REPORTER


@dataclass(frozen=True)
class User:
    """The person notes, revisions and approvals are signed with."""

    name: str = ""
    email: str = ""
    role: Role = Role.REPORTER

    @property
    def is_desk(self) -> bool:
        return self.role is Role.DESK

    @property
    def is_known(self) -> bool:
        """Tell whether the user has said who they are (the first run asks)."""
        return bool(self.name.strip())
