"""The poster stage: lay out every poster, render what the cache lacks on two cores, copy, manifest."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from ..model import Content, Poster
from ..problems import Problems
from .cache import Cache, job_key
from .files import MANIFEST, OUT_DIR, Output, outputs, thumb_name
from .paint import draw, png_bytes, thumbnail_bytes
from .pdf import pdf_bytes
from .plan import Fault, Plan, plan_poster
from .spec import Spec, load_spec, theme_faults

WORKERS = 2
"""Processes for a full render: the build machines have two cores."""


@dataclass
class PosterReport:
    """What the poster stage did, for the build summary."""

    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    manifest: Path | None = None
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"posters: {len(self.rendered)} file(s) rendered, {len(self.reused)} reused from the cache "
                f"({self.seconds:.1f} s)")


@dataclass(frozen=True)
class Job:
    """One poster in one language at one size: its plan and the files it yields."""

    plan: Plan
    outputs: tuple[Output, ...]
    page_pt: tuple[float, float]
    thumb_width: int | None
    key: str = ""

    @property
    def names(self) -> list[str]:
        names = [o.name for o in self.outputs]
        if self.thumb_width:
            names.append(thumb_name(self.plan.slug, self.plan.lang))
        return names

    def key_data(self) -> dict[str, Any]:
        return {"plan": self.plan.as_data(), "files": self.names, "page_pt": list(self.page_pt), "thumb": self.thumb_width}


def render_job(job: Job) -> dict[str, bytes]:
    """Every file of a plan's size: the PNG (and thumbnail) painted once, the PDF drawn as vectors."""
    files: dict[str, bytes] = {}
    image = draw(job.plan) if job.thumb_width or any(o.format == "png" for o in job.outputs) else None
    for out in job.outputs:
        if out.format == "png":
            files[out.name] = png_bytes(image, job.plan.palette, job.plan.dpi)
        else:
            files[out.name] = pdf_bytes(job.plan, job.page_pt)
    if job.thumb_width:
        files[thumb_name(job.plan.slug, job.plan.lang)] = thumbnail_bytes(image, job.plan.palette, job.thumb_width)
    return files


def _render_and_store(job: Job, cache_dir: str) -> list[str]:
    """Worker: render a job into the cache (the parent copies from there)."""
    Cache(Path(cache_dir)).store(job.key, render_job(job))
    return job.names


def plan_jobs(content: Content, positions: Any, problems: Problems, spec: Spec,
              sizes: list[str] | None = None, langs: tuple[str, ...] | None = None) -> list[Job]:
    """Lay out every poster x language x size; every fault becomes a positioned problem."""
    jobs: list[Job] = []
    langs = langs or content.site.codes()
    for poster in sorted(content.posters, key=lambda p: p.slug):
        theme = spec.themes.get(poster.theme)
        if theme is None:
            problems.error("unknown-theme", positions.where(poster, "theme"), f"poster '{poster.slug}': no colour theme '{poster.theme}'.",
                           f"themes: {', '.join(sorted(spec.themes))} (scripts/ruang_aman/posters/themes.yml).")
            continue
        faults = theme_faults(theme)
        if faults:
            problems.error("poster-contrast", positions.where(poster, "theme"),
                           f"poster '{poster.slug}': theme '{theme.name}' is not legible in black-and-white print: {'; '.join(faults)}.",
                           "choose another theme, or darken the text colours in themes.yml.")
            continue
        for lang in langs:
            seen: dict[tuple, list[str]] = {}
            first: dict[tuple, Fault] = {}
            for name, size in spec.sizes.items():
                if sizes is not None and name not in sizes:
                    continue
                result = plan_poster(content, poster, lang, size, theme)
                if isinstance(result, Fault):
                    key = (result.code, result.path, result.name)
                    seen.setdefault(key, []).append(content.site.label(size.label_key, "en"))  # build messages are in English
                    first.setdefault(key, result)
                    continue
                thumb = spec.thumbnail.width_px if name == spec.thumbnail.size else None
                job = Job(result, tuple(outputs(spec, poster.slug, lang, [name])), size.page_pt, thumb)
                jobs.append(Job(job.plan, job.outputs, job.page_pt, job.thumb_width, job_key(job.key_data())))
            for key, fault in first.items():
                _report(problems, positions, poster, lang, fault, seen[key])
    return jobs


def _report(problems: Problems, positions: Any, poster: Poster, lang: str, fault: Fault, sizes: list[str]) -> None:
    layouts = ", ".join(sizes)
    problems.error(fault.code, positions.where(poster, *fault.path),
                   f"poster '{poster.slug}' ({lang}), {fault.name}: {fault.detail} (layout: {layouts}).", fault.hint)


def render_posters(content: Content, positions: Any, site_dir: Path, cache_dir: Path, problems: Problems,
                   progress: bool = True, *, sizes: list[str] | None = None, langs: tuple[str, ...] | None = None,
                   spec: Spec | None = None, workers: int = WORKERS) -> PosterReport:
    """Render every poster into site_dir/posters/ (reusing the cache) and write its manifest.json.

    `sizes`, `langs` and `spec` narrow or replace what is rendered (tests, previews); a full run
    also removes stale files from site_dir/posters/ and unused entries from the cache.
    """
    started = time.perf_counter()
    spec = spec or load_spec()
    full = sizes is None and langs is None
    jobs = plan_jobs(content, positions, problems, spec, sizes, langs)
    cache = Cache(cache_dir)
    todo = [j for j in jobs if not cache.has(j.key, j.names)]
    todo.sort(key=lambda j: -j.plan.width * j.plan.height)  # biggest first: the two cores finish together
    report = PosterReport()
    _run(todo, cache, progress, workers)
    rendered_keys = {j.key for j in todo}
    out_dir = site_dir / OUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    written = set()
    for job in jobs:
        for name in job.names:
            shutil.copyfile(cache.entry(job.key) / name, out_dir / name)
            written.add(name)
            (report.rendered if job.key in rendered_keys else report.reused).append(f"{OUT_DIR}/{name}")
    report.manifest = write_manifest(out_dir, jobs)
    written.add(MANIFEST)
    if full:
        for stale in out_dir.iterdir():
            if stale.is_file() and stale.name not in written:
                stale.unlink()
        cache.prune({j.key for j in jobs})
    report.seconds = time.perf_counter() - started
    return report


def _run(todo: list[Job], cache: Cache, progress: bool, workers: int) -> None:
    bar = tqdm(total=sum(len(j.names) for j in todo), desc="posters", unit="file", file=sys.stderr,
               disable=not progress or not todo, leave=False)
    workers = max(1, min(workers, len(todo), os.cpu_count() or 1))
    with bar:
        if workers == 1:
            for job in todo:
                bar.update(len(_render_and_store(job, str(cache.cache_dir))))
            return
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(_render_and_store, job, str(cache.cache_dir)) for job in todo]
            for future in as_completed(futures):
                bar.update(len(future.result()))


def write_manifest(out_dir: Path, jobs: list[Job]) -> Path:
    """site/posters/manifest.json: one entry per file, in poster, language, size, format order."""
    entries = []
    for job in jobs:
        for out in job.outputs:
            entries.append({"slug": out.slug, "lang": out.lang, "size": out.size if out.size in ("square", "story") else out.size.upper(),
                            "format": out.format, "file": out.path, "qr": job.plan.url, "title": job.plan.title})
    path = out_dir / MANIFEST
    path.write_text(json.dumps({"posters": entries}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
