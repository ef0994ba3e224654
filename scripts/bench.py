#!/usr/bin/env python3
"""`make bench`: every speed and size figure beside its budget (prints; asserts nothing)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHES = ["bench_posters.py", "bench_privacy.py", "bench_site.py"]


def main() -> int:
    py = sys.executable
    print("== build: make site equivalent (strict), warm caches")
    started = time.monotonic()
    rc = subprocess.run([py, str(ROOT / "scripts" / "build_site.py"), "build", "--strict"], cwd=ROOT,
                        stderr=subprocess.DEVNULL).returncode
    print(f"full build: {time.monotonic() - started:.2f} s (exit {rc})")
    for name in BENCHES:
        script = ROOT / "scripts" / name
        print(f"\n== {name}")
        if not script.exists():
            print("(not present)")
            continue
        subprocess.run([py, str(script)], cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
