#!/usr/bin/env python3
"""`make bench`: every speed and size figure beside its budget; prints, asserts nothing.

Runs, in turn: the build with nothing changed, the scale bench (our build against plain MkDocs + Material at
100 and 1,000 pages per language), the posters bench, the session-kit bench, the privacy-scan bench, search quality
and size (search_quality.py), and the readers' bench (page weight, requests, axe, Lighthouse). Arguments are passed to bench_site.py.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    py = sys.executable
    build = [py, str(ROOT / "scripts" / "build_site.py"), "build", "--strict"]
    subprocess.run(build, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm caches
    started = time.monotonic()
    rc = subprocess.run(build, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    print(f"== make site, nothing changed: {time.monotonic() - started:.2f} s (exit {rc})")
    status = 0
    for name, extra in (("bench_scale.py", []), ("bench_posters.py", []), ("bench_kit.py", []), ("bench_privacy.py", []), ("search_quality.py", []),
                        ("bench_site.py", ["--use-site", *sys.argv[1:]])):
        print(f"\n== {name}", flush=True)
        status |= subprocess.run([py, str(ROOT / "scripts" / name), *extra], cwd=ROOT).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
