"""The one function that runs a build: read everything, render, check, then swap site/ in."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from .contract import BuildContext, BuildOptions, BuildPaths, Stage, StageResult, content_root
from .kit.stage import kit_stage
from .load import load_content
from .minify import minify_stage
from .offline import offline_bundle_stage, service_worker_stage
from .pages import pages_stage
from .posters.stage import posters_stage
from .privacy.stage import privacy_stage
from .problems import Problems
from .report import print_problems
from .search_index import search_stage
from .sitebuild import mkdocs_stage
from .sitecheck import site_check_stage
from .sitemap import sitemap_stage
from .swap import new_staging, remove_leftovers, swap_in

# Every stage, in order. Order matters: MkDocs reads the generated Markdown; the search index reads the
# pages before they are minified; the service worker's cache version hashes the finished files; the offline
# bundle zips the finished site; the checks and the privacy guard see exactly what would be published.
STAGES: tuple[Stage, ...] = (
    Stage("pages", pages_stage),                  # content -> docs/<lang>/*.md
    Stage("mkdocs", mkdocs_stage),                # docs/ -> staging/ (one MkDocs build per language)
    Stage("posters", posters_stage),              # posters and cards -> staging/posters/
    Stage("kit", kit_stage),                      # session kit -> staging/kit/ (zips the poster cards)
    Stage("search", search_stage),                # staging/assets/ra/search-<lang>.js
    Stage("sitemap", sitemap_stage),              # one sitemap.xml: every page, every language, with alternates
    Stage("minify", minify_stage),                # one purged stylesheet, smaller HTML
    Stage("service worker", service_worker_stage),
    Stage("offline bundle", offline_bundle_stage),
    Stage("site check", site_check_stage),        # no off-site resource, no broken link
    Stage("privacy", privacy_stage),              # no victim's name or photo in anything published
)


@dataclass
class Outcome:
    """What a build produced, for the one-screen summary."""

    pages: dict[str, int] = field(default_factory=dict)
    outputs: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    """Wall-clock seconds per step (loading, then each stage that ran), for the summary and make bench."""


def run_stages(ctx: BuildContext, stages: tuple[Stage, ...], problems: Problems, outcome: Outcome) -> None:
    """Every stage in order. Warnings never stop the stages (every problem in one run); an error does,
    since the next stage would read what this one failed to make."""
    for stage in stages:
        started = time.monotonic()
        result: StageResult = stage.run(ctx)
        outcome.seconds[stage.name] = time.monotonic() - started
        problems.extend(result.problems)
        outcome.outputs += result.outputs
        if problems.has_errors():
            return


def build(root: Path, *, strict: bool = True, today: dt.date | None = None, include_drafts: bool = False,
          site_dir: Path | None = None, posters: bool = True, quiet: bool = False,
          content_dir: Path | None = None, docs_dir: Path | None = None,
          keep: Callable[[BuildContext], None] | None = None, outcome: Outcome | None = None) -> int:
    """Build site/ from content_src/. Returns the exit code: 0 built, 1 problems (site/ untouched).

    Strictness is judged here, once: errors always fail; warnings fail only when `strict` (make site, CI)
    and are printed either way. `outcome`, when given, receives what was built and the seconds per step.
    """
    started = time.monotonic()
    site_dir = site_dir or root / "site"
    options = BuildOptions(strict=strict, include_drafts=include_drafts, today=today, posters=posters)
    outcome = outcome if outcome is not None else Outcome()
    content, problems, positions = load_content(root, content_dir, on=today)
    outcome.seconds["load"] = time.monotonic() - started
    ok = False
    if content is not None and not problems.has_errors():
        remove_leftovers(root / "build", site_dir)
        staging = new_staging(root / "build")
        paths = BuildPaths(root=root, content=content_root(root, content_dir), docs=docs_dir or root / "docs",
                           staging=staging, site=site_dir)
        ctx = BuildContext(content.for_build(include_drafts), positions, paths, options)
        outcome.pages = {lang.code: len(ctx.pages) for lang in ctx.languages}
        try:
            run_stages(ctx, STAGES, problems, outcome)
            ok = not problems.fails(strict)
            if ok:
                swap_in(staging, site_dir)
                if keep is not None:  # the preview keeps the context to rebuild single pages (quick_rebuild.py)
                    keep(BuildContext(ctx.content, ctx.positions, replace(paths, staging=site_dir), options))
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
        print(f"  open: {site_dir / 'index.html'}", file=out)
        print("  seconds: " + ", ".join(f"{step} {s:.1f}" for step, s in outcome.seconds.items()), file=out)
    else:
        print(f"Build FAILED after {seconds:.1f} s; the previous site/ is unchanged.", file=out)
        print("Next steps:", file=out)
        first = problems.sorted()[:1]
        if first:
            print(f"  1. fix the first problem: {first[0].where} ({first[0].code})", file=out)
        print("  2. run `make check` to list every content problem with its line", file=out)
        print("  3. see content_src/README.md for what each error code means", file=out)
