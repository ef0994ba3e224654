"""Reference images: one rendered page of each kind of print file, for the comparison test.

`make references` (scripts/refresh_references.py) rewrites tests/kit/reference/ from the current
content and renderer; the test never does. Run it after a deliberate change to content or layout,
look at the new images, and commit them.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
DPI = 40
# kind -> (file under site/, page): a chart slide, the guide's first page, the leaflet's inside, an A4 poster.
PAGES = {
    "deck": ("kit/deck-kenali-kekerasan-id.pdf", 5),
    "guide": ("kit/guide-en.pdf", 1),
    "leaflet": ("kit/leaflet-id.pdf", 2),
    "poster": ("posters/hubungi-129-en-a4.pdf", 1),
}


def render_page(pdf: Path, page: int, out: Path) -> Path:
    """One page as a greyscale PNG at DPI (poppler's pdftoppm, as a print shop's RIP would see it)."""
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(out)], check=True)
    return out.with_suffix(".png")


def build_site_files(root: Path, base: Path) -> Path:
    """The posters (A4 and cards) and the kit of the content under root, into base/site."""
    import sys

    sys.path.insert(0, str(root / "scripts"))
    from ruang_aman.kit import build_kit
    from ruang_aman.load import load_content
    from ruang_aman.posters import render_posters
    from ruang_aman.problems import Problems

    content, _, positions = load_content(root)
    problems = Problems()
    render_posters(content, positions, base / "site", base / "cache", problems, progress=False, sizes=["a4", "square", "story"])
    build_kit(content, positions, root, base / "site", base / "cache", problems)
    errors = [p.format() for p in problems.items if p.level.name == "ERROR"]
    if errors:
        raise SystemExit("\n".join(errors))
    return base / "site"


def refresh(root: Path) -> list[Path]:
    """Rewrite every reference image from the content under root."""
    REFERENCE_DIR.mkdir(exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site_files(root, Path(tmp))
        for kind, (file, page) in PAGES.items():
            written.append(render_page(site / file, page, REFERENCE_DIR / kind))
    return written
