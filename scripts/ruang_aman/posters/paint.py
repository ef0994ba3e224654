"""Drawing a Plan with Pillow, and writing it as a palette PNG: same plan, same bytes."""

from __future__ import annotations

import io
import itertools

from PIL import Image, ImageDraw, ImageOps

from . import text as T
from .plan import Plan, QrOp, RectOp, TextOp
from .qr import matrix

RAMP_STEPS = 14
"""Shades between each pair of theme colours: enough for smooth anti-aliased edges, under 256 in all."""


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def draw(plan: Plan) -> Image.Image:
    """The page as an RGB image."""
    image = Image.new("RGB", (plan.width, plan.height), _rgb(plan.palette[0]))
    pen = ImageDraw.Draw(image)
    for op in plan.ops:
        if isinstance(op, RectOp):
            x0, y0, x1, y1 = op.box
            box = (x0, y0, x1 - 1, y1 - 1)
            if op.radius:
                pen.rounded_rectangle(box, radius=op.radius, fill=_rgb(op.colour))
            else:
                pen.rectangle(box, fill=_rgb(op.colour))
        elif isinstance(op, TextOp):
            pen.text((op.x, op.y), op.text, font=T.font(op.weight, op.px), fill=_rgb(op.colour), anchor="ls")
        elif isinstance(op, QrOp):
            image.paste(_qr_image(op), (op.x, op.y))
    return image


def _qr_image(op: QrOp) -> Image.Image:
    rows = matrix(op.url)
    n = len(rows)
    small = Image.new("L", (n, n))
    small.putdata([0 if dark else 255 for row in rows for dark in row])
    big = small.resize((n * op.module, n * op.module), Image.Resampling.NEAREST)
    return ImageOps.colorize(big, _rgb(op.dark), _rgb(op.light))


def palette(colours: tuple[str, ...]) -> Image.Image:
    """A fixed palette: the theme's colours first, then ramps between every pair of them.

    Quantising to it keeps every solid area exactly its theme colour (no dithering, no averaging)
    and makes the PNG small and lossless inside the PDF.
    """
    base = [_rgb(c) for c in colours]
    entries = list(base)
    for a, b in itertools.combinations(base, 2):
        for step in range(1, RAMP_STEPS + 1):
            t = step / (RAMP_STEPS + 1)
            entries.append(tuple(round(a[k] + (b[k] - a[k]) * t) for k in range(3)))
    entries = list(dict.fromkeys(entries))[:256]
    flat = [v for rgb in entries for v in rgb]
    image = Image.new("P", (1, 1))
    image.putpalette(flat + flat[:3] * (256 - len(entries)))
    return image


def png_bytes(image: Image.Image, colours: tuple[str, ...], dpi: int) -> bytes:
    """A palette PNG with its DPI and no time or text chunks."""
    indexed = image.quantize(palette=palette(colours), dither=Image.Dither.NONE)
    out = io.BytesIO()
    indexed.save(out, "PNG", dpi=(dpi, dpi), compress_level=9 if image.width * image.height < 4_000_000 else 6)
    return out.getvalue()


def thumbnail_bytes(image: Image.Image, colours: tuple[str, ...], width: int) -> bytes:
    """A small preview for the gallery, in the poster's palette."""
    height = round(width * image.height / image.width)
    small = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return png_bytes(small, colours, 72)
