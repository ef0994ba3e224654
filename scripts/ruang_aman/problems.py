"""Problems found while reading or building content: collected, never raised one by one."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class Level(enum.IntEnum):
    """How bad a problem is: errors fail every build, warnings fail --strict, notices never fail."""

    NOTICE = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Where:
    """A position in a source file (1-based line and column; 0 when unknown)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"


@dataclass(frozen=True)
class Problem:
    """One problem: where, what, and what to do about it."""

    level: Level
    code: str
    where: Where
    message: str
    hint: str = ""

    def format(self) -> str:
        text = f"{self.where}: {self.level}[{self.code}]: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


@dataclass
class Problems:
    """Every problem of one run, in the order found."""

    items: list[Problem] = field(default_factory=list)

    def add(self, level: Level, code: str, where: Where, message: str, hint: str = "") -> None:
        self.items.append(Problem(level, code, where, message, hint))

    def error(self, code: str, where: Where, message: str, hint: str = "") -> None:
        self.add(Level.ERROR, code, where, message, hint)

    def warning(self, code: str, where: Where, message: str, hint: str = "") -> None:
        self.add(Level.WARNING, code, where, message, hint)

    def notice(self, code: str, where: Where, message: str, hint: str = "") -> None:
        self.add(Level.NOTICE, code, where, message, hint)

    def extend(self, other: "Problems") -> None:
        self.items.extend(other.items)

    def at(self, level: Level) -> list[Problem]:
        return [p for p in self.items if p.level == level]

    def has_errors(self) -> bool:
        """True when something could not be made (an error): the stages after it cannot run."""
        return any(p.level == Level.ERROR for p in self.items)

    def fails(self, strict: bool) -> bool:
        """True when the build must stop: any error, or any warning under --strict."""
        worst = max((p.level for p in self.items), default=Level.NOTICE)
        return worst >= (Level.WARNING if strict else Level.ERROR)

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (-p.level, p.where.path, p.where.line, p.where.col))


def relpath(path: Path, root: Path) -> str:
    """Path as shown in messages: relative to the project root when inside it."""
    if path.is_absolute() and root.is_absolute() and ".." not in path.parts and path.is_relative_to(root):
        return path.relative_to(root).as_posix()  # the common case, without asking the file system
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
