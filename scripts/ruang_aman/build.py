"""The one function that runs a build: read everything, render, check, then swap site/ in."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .load import load_content
from .pages import write_pages
from .problems import Problems
from .report import print_problems
from .sitebuild import build_site


@dataclass
class Outcome:
    """What a build produced, for the one-screen summary."""

    pages: dict[str, int] = field(default_factory=dict)
    outputs: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace site_dir by staging in two renames, so readers never see a half-built site."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    old = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(staging, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def run_stages(root: Path, staging: Path, *, strict: bool, today: dt.date | None, include_drafts: bool,
               posters: bool, problems: Problems, outcome: Outcome) -> bool:
    """Every stage in order, into `staging`; False as soon as a stage's problems fail the build."""
    content, loaded, _positions = load_content(root, on=today)
    problems.extend(loaded)
    if content is None or problems.fails(strict):
        return False
    content = content.for_build(include_drafts)
    docs_dir = root / "docs"
    pages_by_lang = write_pages(content, docs_dir, include_drafts)
    outcome.pages = {lang: len(pages) for lang, pages in pages_by_lang.items()}
    if not build_site(content, root, docs_dir, staging, pages_by_lang, problems) or problems.fails(strict):
        return False
    for stage in extra_stages():
        if not stage(content=content, positions=_positions, root=root, staging=staging, problems=problems,
                     outcome=outcome, posters=posters, strict=strict):
            return False
        if problems.fails(strict):
            return False
    return True


def extra_stages() -> list:
    """Stages after MkDocs, in order (posters, search, offline, privacy); see stages.py."""
    from .stages import STAGES

    return STAGES


def build(root: Path, *, strict: bool = True, today: dt.date | None = None, include_drafts: bool = False,
          site_dir: Path | None = None, posters: bool = True, quiet: bool = False) -> int:
    """Build site/ from content_src/. Returns the exit code: 0 built, 1 problems (site/ untouched)."""
    started = time.monotonic()
    site_dir = site_dir or root / "site"
    problems, outcome = Problems(), Outcome()
    (root / "build").mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="site-", dir=root / "build"))
    try:
        ok = run_stages(root, staging, strict=strict, today=today, include_drafts=include_drafts,
                        posters=posters, problems=problems, outcome=outcome)
        if ok:
            swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print_problems(problems, strict)
    if not quiet:
        summary(root, site_dir, outcome, problems, ok, time.monotonic() - started)
    return 0 if ok else 1


def summary(root: Path, site_dir: Path, outcome: Outcome, problems: Problems, ok: bool, seconds: float) -> None:
    """One screen: what was built and where, warnings by kind, the next steps if it failed."""
    out = sys.stderr
    print("", file=out)
    if ok:
        print(f"Built {site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir}/ in {seconds:.1f} s", file=out)
        print("  pages: " + ", ".join(f"{lang} {n}" for lang, n in outcome.pages.items()), file=out)
        for what, where in outcome.outputs:
            print(f"  {what}: {where}", file=out)
        for note in outcome.notes:
            print(f"  {note}", file=out)
        print(f"  open: {site_dir / 'index.html'}", file=out)
    else:
        print(f"Build FAILED after {seconds:.1f} s; the previous site/ is unchanged.", file=out)
        print("Next steps:", file=out)
        first = problems.sorted()[:1]
        if first:
            print(f"  1. fix the first problem: {first[0].where} ({first[0].code})", file=out)
        print("  2. run `make check` to list every content problem with its line", file=out)
        print("  3. see content_src/README.md for what each error code means", file=out)
