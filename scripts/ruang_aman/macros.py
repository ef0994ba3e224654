"""Placeholders in page Markdown that pull data in: `{{ contact sapa-129 }}`, `{{ myths }}`.

Numbers, statistics and contacts live in data files; prose names them with a placeholder and
the page renderer fills them in, so a number is typed once and both languages show the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MACRO_RE = re.compile(r"\{\{\s*([a-z][a-z-]*)((?:\s+[a-z0-9-]+)*)\s*\}\}")

# name -> (description, how many arguments: None = any)
MACROS: dict[str, tuple[str, int | None]] = {
    "hotlines": ("the site's hotlines as tap-to-call buttons", 0),
    "contact": ("one contact as a tap-to-call card: {{ contact KEY }}", 1),
    "contacts": ("the service directory; optional scope: national or local", None),
    "violence": ("kinds of violence; optional group: general or child", None),
    "impacts": ("effects of violence on victims", 0),
    "laws": ("the laws and what they protect", 0),
    "myths": ("myths and facts", 0),
    "steps": ("the path after a report, as a step diagram", 0),
    "stats": ("a dataset as a chart with its table: {{ stats KEY }}", 1),
    "fact": ("one sourced figure inline: {{ fact KEY }}", 1),
    "sources": ("every source, for the About page", 0),
    "link": ("a link to another page with its title: {{ link SLUG }}", 1),
    "posters": ("the poster gallery", 0),
    "erase": ("the control that removes this site from the device (browsing-safety page)", 0),
    "kit": ("the session kit's files with their sizes (filled in by the kit stage)", 0),
    "self-check": ("the self-check 'Is this violence?' (self-check.yml), readable without JavaScript", 0),
    "doors": ("the home page's doors (site.yml doors:), with their pictures", 0),
}


@dataclass(frozen=True)
class Macro:
    """One placeholder found in a page, with its position in the page's file."""

    name: str
    args: tuple[str, ...]
    line: int
    col: int
    span: tuple[int, int]


def find_macros(markdown: str, first_line: int = 1) -> list[Macro]:
    """Every placeholder in a Markdown text, positioned relative to the file."""
    found = []
    for match in MACRO_RE.finditer(markdown):
        before = markdown[: match.start()]
        line = first_line + before.count("\n")
        col = match.start() - (before.rfind("\n") + 1) + 1
        found.append(
            Macro(match.group(1), tuple(match.group(2).split()), line, col, match.span())
        )
    return found


def signature(markdown: str) -> list[tuple[str, tuple[str, ...]]]:
    """The data a text shows, in order: both languages of a page must show the same."""
    return [(m.name, m.args) for m in find_macros(markdown) if m.name != "link"]
