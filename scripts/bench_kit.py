#!/usr/bin/env python3
"""Session kit benchmark on the real content (make bench): cold build, no-change rebuild, file sizes.

Prints figures; asserts nothing about time. Uses a temporary site and cache; the poster cards the
social kit zips are rendered first and not timed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from ruang_aman.kit import build_kit  # noqa: E402
from ruang_aman.load import load_content  # noqa: E402
from ruang_aman.posters import render_posters  # noqa: E402
from ruang_aman.problems import Problems  # noqa: E402

REBUILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, {scripts!r})
from ruang_aman.load import load_content
from ruang_aman.kit import build_kit
from ruang_aman.problems import Problems
content, _, positions = load_content(Path({root!r}))
start = time.perf_counter()
report = build_kit(content, positions, Path({root!r}), Path({site!r}), Path({cache!r}), Problems())
print(time.perf_counter() - start, len(report.rendered), len(report.reused))
"""


def main() -> int:
    content, _, positions = load_content(ROOT)
    if content is None:
        print("content_src/ does not load: run `make check`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-kit-") as tmp:
        base = Path(tmp)
        problems = Problems()
        render_posters(content, positions, base / "site", base / "cache", problems, progress=False, sizes=["square", "story"])
        started = time.perf_counter()
        report = build_kit(content, positions, ROOT, base / "site", base / "cache", problems)
        cold = time.perf_counter() - started
        if report is None:
            print("\n".join(p.format() for p in problems.items), file=sys.stderr)
            return 1
        code = REBUILD.format(scripts=str(ROOT / "scripts"), root=str(ROOT), site=str(base / "site"), cache=str(base / "cache"))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        warm, rendered, reused = float(out[0]), int(out[1]), int(out[2])
        entries = json.loads((base / "site" / "kit" / "manifest.json").read_text(encoding="utf-8"))["files"]
    print(f"kit: {len(entries)} files ({len(report.rendered)} PDFs rendered)")
    print(f"cold build (empty cache):    {cold:6.2f} s")
    print(f"rebuild, nothing changed:    {warm:6.2f} s in a fresh process, {rendered} rendered, {reused} reused (budget < 1 s)")
    for kind in ("deck", "guide", "leaflet", "social", "captions"):
        sizes = [e["bytes"] for e in entries if e["kind"] == kind]
        if sizes:
            print(f"{kind + ':':<28} {len(sizes):2d} file(s), {min(sizes) / 1024:6.1f}-{max(sizes) / 1024:.1f} KB each")
    return 0 if not rendered and warm < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
