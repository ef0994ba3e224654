"""The README's screenshots: the home page and a self-check result, on a phone-sized screen, from site/.

Run `make site` first, then `.venv/bin/python scripts/screenshots.py`. Debian's headless Chromium (never a
browser download) opens the built pages from disk; the PNGs are reduced to a 64-colour palette so they stay
small in the repository (design/screenshots/).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
OUT = ROOT / "design" / "screenshots"
PHONE = {"width": 412, "height": 915}


def save(png: bytes, name: str) -> Path:
    """A palette PNG (64 colours), written without metadata."""
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    path = OUT / name
    image.save(path, optimize=True)
    return path


def main() -> int:
    if not (SITE / "index.html").exists():
        print("screenshots: no site/ yet; run `make site` first.", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport=PHONE, device_scale_factor=1)
        page.goto((SITE / "index.html").as_uri())
        shots = [save(page.screenshot(full_page=True), "home.png")]
        page.goto((SITE / "en" / "apakah-ini-kekerasan.html").as_uri())
        for key, value in (("dipukul", "yes"), ("dikekang", "sometimes"), ("disiplin-aib", "yes")):
            page.check(f'input[name="ra-q-{key}"][value="{value}"]')
        page.click(".ra-check__go")
        page.wait_for_timeout(100)
        box = page.locator("#ra-check-result").bounding_box()
        top = box["y"] + page.evaluate("window.scrollY") - 16
        clip = {"x": 0, "y": top, "width": PHONE["width"], "height": box["height"] + 32}
        page.evaluate("window.scrollTo(0, 0)")   # the fixed quick exit then sits at the top, outside the clip
        shots.append(save(page.screenshot(full_page=True, clip=clip), "self-check-result.png"))
        browser.close()
    for path in shots:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
