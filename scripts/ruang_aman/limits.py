"""The largest files the build accepts, and the one check of a file's size against them.

Limits keep a careless or hostile file from exhausting memory or time (a 400-megapixel image decodes into
gigabytes); each is far above what real content needs. They are stated in content_src/README.md
("Limits"); tests/test_limits.py keeps the two in step.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from .problems import Problems, Where, relpath

MAX_DATA_BYTES = 512 * 1024          # one YAML file (the largest today is about 14 KB)
MAX_PAGE_BYTES = 512 * 1024          # one Markdown page with both languages (the largest today is about 20 KB)
MAX_IMAGE_BYTES = 10 * 1024 * 1024   # one image file
MAX_IMAGE_PIXELS = 40_000_000        # one image: width x height (e.g. 8000 x 5000)


def size_text(n: int) -> str:
    """A byte count as people read it: 1.5 MB, 600 KB, 12 bytes."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def file_fits(path: Path, root: Path, limit: int, problems: Problems, what: str, hint: str) -> bool:
    """False (with a `file-too-large` error naming the size and the limit) when a file is larger than `limit`."""
    size = path.stat().st_size
    if size <= limit:
        return True
    problems.error("file-too-large", Where(relpath(path, root)),
                   f"this {what} is {size_text(size)}; the build accepts at most {size_text(limit)}.", hint)
    return False


def image_too_large(size: tuple[int, int] | int | None, nbytes: int) -> str | None:
    """Why an image is too large to publish (its size and the limit), or None when it fits.

    `size`: (width, height), or only a pixel count when that is all that is known."""
    limit = f"the build accepts at most {MAX_IMAGE_PIXELS // 1_000_000} megapixels"
    if isinstance(size, tuple) and size[0] * size[1] > MAX_IMAGE_PIXELS:
        w, h = size
        return f"the image is {w} x {h} pixels ({w * h / 1e6:.0f} megapixels); {limit}"
    if isinstance(size, int) and size > MAX_IMAGE_PIXELS:
        return f"the image has {size / 1e6:.0f} megapixels; {limit}"
    if nbytes > MAX_IMAGE_BYTES:
        return f"the image file is {size_text(nbytes)}; the build accepts at most {size_text(MAX_IMAGE_BYTES)}"
    return None


IMAGE_EXTS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"})
# Pillow refuses to open images far past its own limit; its message still gives the pixel count.
_BOMB_PIXELS_RE = re.compile(r"Image size \((\d+) pixels\)")


def image_dimensions(path: Path | BinaryIO) -> tuple[int, int] | int | None:
    """Width and height from an image's header (nothing is decoded); a pixel count when Pillow refuses to open
    it as a decompression bomb; None when it is not an image Pillow reads (the privacy guard reports that)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                return im.size
    except Image.DecompressionBombError as exc:
        found = _BOMB_PIXELS_RE.search(str(exc))
        return int(found.group(1)) if found else MAX_IMAGE_PIXELS + 1
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return None


def check_images(content_dir: Path, root: Path, problems: Problems) -> None:
    """An `image-too-large` error for every image in content_src/ over the limits, with its size and the limit."""
    for path in sorted(p for p in content_dir.rglob("*") if p.suffix.lower() in IMAGE_EXTS and p.is_file()):
        dims = image_dimensions(path)
        why = image_too_large(dims, path.stat().st_size)
        if why:
            problems.error("image-too-large", Where(relpath(path, root)), why + ".", IMAGE_HINT)


IMAGE_HINT = "resize it to at most 2400 pixels on its longest side and save it as JPEG (photos) or PNG (drawings)."
