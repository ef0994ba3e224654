"""The stage contract: one frozen build context in, a StageResult (problems and outputs) out.

Every build stage is `def x_stage(ctx: BuildContext) -> StageResult`. A stage never judges the build:
it reports what it found; build.py decides pass or fail once, with the real strict flag.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from .model import Content, Language, Page
from .problems import Problems

CONTENT_DIR = "content_src"
"""The project's own content root; a second city's content root is passed in (`--content DIR`, CONTENT=DIR)."""


def content_root(root: Path, content: Path | None = None) -> Path:
    """The content root a build or a staff command reads and writes: the one given, else root/content_src."""
    return Path(content) if content is not None else root / CONTENT_DIR


@dataclass(frozen=True)
class BuildPaths:
    """Where a build reads and writes. `content` may be any content root (a second city's content_src/)."""

    root: Path
    """The project: theme/, mkdocs.yml, fonts/ and build/ (caches) live here."""
    content: Path
    """The content root that was loaded (content_src/ by default)."""
    docs: Path
    """Generated Markdown per language (git-ignored), MkDocs' input."""
    staging: Path
    """Where this build writes the site; swapped into `site` only when everything passed."""
    site: Path
    """Where the finished site goes (site/, or build/preview/ for the preview)."""

    @property
    def cache(self) -> Path:
        """Rendered posters, reused across builds."""
        return self.root / "build" / "cache"

    @property
    def theme(self) -> Path:
        return self.root / "theme"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"


@dataclass(frozen=True)
class BuildOptions:
    """What was asked for: strictness, drafts, the date checks are judged on, posters or not."""

    strict: bool = True
    include_drafts: bool = False
    today: dt.date | None = None
    posters: bool = True


@dataclass(frozen=True)
class BuildContext:
    """Everything a stage may read; nothing in it changes during a build."""

    content: Content
    positions: Any
    """load.Positions: `positions.where(record, *path)` gives a record's file:line:col."""
    paths: BuildPaths
    options: BuildOptions

    @cached_property
    def languages(self) -> tuple[Language, ...]:
        """The languages this build publishes, in site.yml's order (draft languages only in previews:
        `content` is already Content.for_build(include_drafts))."""
        return tuple(self.content.site.languages)

    @cached_property
    def pages(self) -> tuple[Page, ...]:
        """The pages this build publishes (drafts only in previews)."""
        return tuple(self.content.published_pages(self.options.include_drafts))


@dataclass
class StageResult:
    """What one stage found and made: its own problems, and (what, where) lines for the summary."""

    problems: Problems = field(default_factory=Problems)
    outputs: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Stage:
    """A named step of the build."""

    name: str
    run: Callable[[BuildContext], StageResult]
