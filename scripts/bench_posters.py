#!/usr/bin/env python3
"""Poster render benchmark on the real content (make bench): full render, no-change rebuild, memory, cores.

Prints figures; asserts nothing about time (tests never do). Uses a temporary site and cache,
so the real site/ and .cache/ are left alone.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from ruang_aman.load import load_content  # noqa: E402
from ruang_aman.posters import render_posters  # noqa: E402
from ruang_aman.posters.run import WORKERS  # noqa: E402
from ruang_aman.problems import Level, Problems  # noqa: E402


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _run(content, positions, site: Path, cache: Path):
    problems = Problems()
    wall, cpu = time.perf_counter(), _cpu()
    report = render_posters(content, positions, site, cache, problems, progress=False)
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    errors = [p.format() for p in problems.items if p.level == Level.ERROR]
    if errors:
        print("\n".join(errors), file=sys.stderr)
        raise SystemExit(1)
    return report, wall, cpu


REBUILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {scripts!r})
from ruang_aman.load import load_content
from ruang_aman.posters import render_posters
from ruang_aman.problems import Problems
content, _, positions = load_content(Path({root!r}))
start = time.perf_counter()
report = render_posters(content, positions, Path({site!r}), Path({cache!r}), Problems(), progress=False)
print(time.perf_counter() - start, len(report.rendered), len(report.reused))
"""


def _fresh_rebuild(site: Path, cache: Path) -> tuple[float, int, int]:
    """A no-change rebuild in a new process, as `make site` runs it: cold in memory, warm on disk."""
    code = REBUILD.format(scripts=str(ROOT / "scripts"), root=str(ROOT), site=str(site), cache=str(cache))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main() -> int:
    content, _, positions = load_content(ROOT)
    if content is None:
        print("content_src/ does not load: run `make check`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-posters-") as tmp:
        tmp_path = Path(tmp)
        full, full_wall, full_cpu = _run(content, positions, tmp_path / "site1", tmp_path / "cache")
        full_children = os.times().children_user + os.times().children_system
        pdf_sizes: dict[str, list[int]] = {}
        for pdf in (tmp_path / "site1" / "posters").glob("*.pdf"):
            pdf_sizes.setdefault(pdf.stem.rsplit("-", 1)[1].upper(), []).append(pdf.stat().st_size)
        again_wall, again_rendered, again_reused = _fresh_rebuild(tmp_path / "site2", tmp_path / "cache")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    posters = len(content.posters)
    print(f"posters: {posters} poster(s) x 2 languages, {len(full.rendered)} files")
    print(f"full render (empty cache):   {full_wall:6.2f} s wall, {full_cpu:6.2f} s CPU "
          f"({full_children:.2f} s of it in {WORKERS} worker processes) = {full_cpu / full_wall:.2f} cores busy; "
          f"load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"rebuild, nothing changed:    {again_wall:6.2f} s in a fresh process, {again_rendered} rendered, {again_reused} reused")
    for size, budget in (("A4", 145), ("A3", 220)):
        values = pdf_sizes.get(size, [0])
        print(f"{size} PDF (vector):              {min(values) / 1024:6.1f}-{max(values) / 1024:.1f} KB each (budget {budget} KB)")
    print(f"peak memory (max RSS):       {own:6.0f} MiB main process, {children:6.0f} MiB largest worker")
    return 0 if not again_rendered else 1


if __name__ == "__main__":
    sys.exit(main())
