"""Printing problems and summaries for people: grouped, one screen, most important first."""

from __future__ import annotations

import sys
from collections import Counter
from typing import TextIO

from .problems import Level, Problems


def print_problems(problems: Problems, strict: bool, out: TextIO | None = None, limit_notices: int = 8) -> None:
    """Every error and warning in full; notices grouped so they never push errors off screen."""
    out = out or sys.stderr
    shown_notices = 0
    for problem in problems.sorted():
        if problem.level == Level.NOTICE:
            shown_notices += 1
            if shown_notices > limit_notices:
                continue
        print(problem.format(), file=out)
    hidden = shown_notices - limit_notices
    if hidden > 0:
        print(f"... and {hidden} more notices (run `make check` to see them all)", file=out)
    counts = Counter(p.level for p in problems.items)
    if problems.items:
        codes = Counter(f"{p.level}[{p.code}]" for p in problems.items if p.level >= Level.WARNING)
        grouped = ", ".join(f"{n} x {code}" for code, n in codes.most_common())
        print(
            f"{counts[Level.ERROR]} error(s), {counts[Level.WARNING]} warning(s), {counts[Level.NOTICE]} notice(s)"
            + (f": {grouped}" if grouped else "")
            + (" (warnings fail the build under --strict)" if strict and counts[Level.WARNING] else ""),
            file=out,
        )
