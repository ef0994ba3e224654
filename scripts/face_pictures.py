"""The face test pictures: real photos from scikit-image's sample data, turned, shrunk and pasted.

Every picture is made at run time from files that ship inside the pinned scikit-image wheel (no
picture is stored in this repository, none is downloaded). Sources and licences (scikit-image's
`skimage/data/README.txt` and its docs):

- `astronaut`: Eileen Collins, NASA portrait, public domain: a frontal face.
- `camera`: the cameraman, photographed by Lav Varshney for scikit-image, CC0: a face in profile.
- `lfw_subset`: 100 faces and 100 non-face patches of 25 x 25 pixels from Labeled Faces in the Wild
  (research data set): small frontal faces cut tight (no hair, no head outline).
- photos without people (coffee, rocket, chelsea the cat, hubble_deep_field, coins, brick, gravel,
  horse, moon, retina, grass, cell, immunohistochemistry, microaneurysms, page, text, logo, colorwheel,
  checkerboard, shepp_logan_phantom, clock): scikit-image's own, public domain or CC0.
- charts and posters without people are drawn here with Pillow and segno (QR codes).

Used by scripts/bench_faces.py (figures in the README) and tests/privacy/test_faces.py.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from skimage import data as samples

Box = tuple[float, float, float, float]  # x0, y0, x1, y1

# Where the face is in each source photo (x0, y0, x1, y1), the head with its hair.
SOURCE_FACES = {"astronaut": (170, 40, 285, 170), "camera": (165, 65, 285, 205)}
BACKGROUNDS = ("coffee", "rocket", "chelsea", "hubble_deep_field", "coins", "brick", "gravel", "horse", "grass")
NO_PEOPLE = ("coffee", "rocket", "chelsea", "hubble_deep_field", "coins", "brick", "gravel", "horse", "moon",
             "retina", "grass", "cell", "immunohistochemistry", "microaneurysms", "page", "text", "logo",
             "colorwheel", "checkerboard", "shepp_logan_phantom", "clock")


@dataclass
class Picture:
    """A test picture, what it shows (a group for the figures) and where its faces are."""

    name: str
    group: str
    image: Image.Image
    faces: list[Box] = field(default_factory=list)


def sample(name: str) -> Image.Image:
    """One of scikit-image's sample pictures, as RGB."""
    return Image.fromarray(np.asarray(getattr(samples, name)())).convert("RGB")


def _turn_point(x: float, y: float, size: tuple[int, int], new: tuple[int, int], degrees: float) -> tuple[float, float]:
    """Where a point lands when Pillow turns a picture of `size` by `degrees` (anticlockwise, expand=True)."""
    a = math.radians(degrees)
    cx, cy = size[0] / 2, size[1] / 2
    dx, dy = x - cx, y - cy
    return (new[0] / 2 + dx * math.cos(a) + dy * math.sin(a), new[1] / 2 - dx * math.sin(a) + dy * math.cos(a))


def turned(im: Image.Image, boxes: list[Box], degrees: float) -> tuple[Image.Image, list[Box]]:
    """The picture turned (anticlockwise), with its face boxes turned too (their bounding box)."""
    out = im.rotate(degrees, expand=True, fillcolor=(0, 0, 0), resample=Image.Resampling.BICUBIC)
    moved = []
    for x0, y0, x1, y1 in boxes:
        corners = [_turn_point(x, y, im.size, out.size, degrees) for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        moved.append((min(xs), min(ys), max(xs), max(ys)))
    return out, moved


def mirrored(im: Image.Image, boxes: list[Box]) -> tuple[Image.Image, list[Box]]:
    """The picture mirrored left to right, with its face boxes."""
    w = im.width
    return im.transpose(Image.Transpose.FLIP_LEFT_RIGHT), [(w - x1, y0, w - x0, y1) for x0, y0, x1, y1 in boxes]


def scene(background: str, height: int = 720) -> Image.Image:
    """A background photo without people, scaled to a 4:3 scene `height` pixels high."""
    im = sample(background)
    return im.resize((height * 4 // 3, height), Image.Resampling.BICUBIC)


def pasted(piece: Image.Image, boxes: list[Box], into: Image.Image, face_share: float, tilt: float,
           spot: int) -> tuple[Image.Image, list[Box]]:
    """`piece` scaled so its first face is `face_share` of the scene's height, turned, pasted at one of a few spots."""
    x0, y0, x1, y1 = boxes[0]
    scale = face_share * into.height / (y1 - y0)
    small = piece.resize((max(1, round(piece.width * scale)), max(1, round(piece.height * scale))),
                         Image.Resampling.LANCZOS)
    small_boxes = [(a * scale, b * scale, c * scale, d * scale) for a, b, c, d in boxes]
    mask = Image.new("L", small.size, 255)
    if tilt:
        mask = mask.rotate(tilt, expand=True)
        small, small_boxes = turned(small, small_boxes, tilt)
    fx = (0.25, 0.5, 0.72)[spot % 3] * into.width - small.width / 2
    fy = (0.3, 0.5, 0.62)[spot % 3] * into.height - small.height / 2
    fx = min(max(0, fx), into.width - small.width)
    fy = min(max(0, fy), into.height - small.height)
    out = into.copy()
    out.paste(small, (round(fx), round(fy)), mask)
    return out, [(a + round(fx), b + round(fy), c + round(fx), d + round(fy)) for a, b, c, d in small_boxes]


def on_face(found: list[tuple[float, float, float, float]], faces: list[Box]) -> bool:
    """True when a found box's (x, y, width, height) centre lies on a face (its box grown by a quarter each way)."""
    for x, y, w, h in found:
        cx, cy = x + w / 2, y + h / 2
        for x0, y0, x1, y1 in faces:
            gx, gy = (x1 - x0) / 4, (y1 - y0) / 4
            if x0 - gx <= cx <= x1 + gx and y0 - gy <= cy <= y1 + gy:
                return True
    return False


def photo_faces() -> list[Picture]:
    """The two real photos with a person: as they are, mirrored, tilted 15 and 30 degrees each way."""
    out = []
    for name, group in (("astronaut", "frontal photo"), ("camera", "profile photo")):
        im, boxes = sample(name), [SOURCE_FACES[name]]
        out.append(Picture(name, group, im, boxes))
        out.append(Picture(f"{name} mirrored", group, *mirrored(im, boxes)))
        for tilt in (15, -15, 30, -30):
            out.append(Picture(f"{name} tilted {tilt}", f"{group} tilted", *turned(im, boxes, tilt)))
    return out


def small_faces() -> list[Picture]:
    """Each real photo shrunk into a scene so its face is 1/20, 1/12 or 1/8 of the height; upright or tilted 25."""
    out = []
    spot = 0
    for name, group in (("astronaut", "frontal"), ("camera", "profile")):
        piece, boxes = sample(name), [SOURCE_FACES[name]]
        for share in (1 / 20, 1 / 12, 1 / 8):
            for tilt in (0, 25, -25):
                spot += 1
                im, faces = pasted(piece, boxes, scene(BACKGROUNDS[spot % len(BACKGROUNDS)]), share, tilt, spot)
                label = f"{group} at 1/{round(1 / share)}" + (" tilted" if tilt else "")
                out.append(Picture(f"{name} at 1/{round(1 / share)} tilted {tilt}", label, im, faces))
    return out


def lfw_faces(count: int = 40) -> list[Picture]:
    """LFW's 25 x 25 face crops pasted into scenes at 1/20, 1/12 or 1/8 of the height, tilted 0, 15 or 30."""
    patches = samples.lfw_subset()[:count]
    out = []
    for i, patch in enumerate(patches):
        share = (1 / 20, 1 / 12, 1 / 8)[i % 3]
        tilt = (0, 30, -15, 0, -30)[i % 5]
        piece = Image.fromarray((patch * 255).astype(np.uint8)).convert("RGB")
        im, faces = pasted(piece, [(0, 0, 25, 25)], scene(BACKGROUNDS[i % len(BACKGROUNDS)], 600), share, tilt, i)
        out.append(Picture(f"LFW face {i} at 1/{round(1 / share)} tilted {tilt}", "LFW crop (small, tight)", im, faces))
    return out


def with_people() -> list[Picture]:
    """Every test picture with a face."""
    return photo_faces() + small_faces() + lfw_faces()


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        from pathlib import Path
        fonts = sorted((Path(__file__).resolve().parents[1] / "fonts").rglob("*.ttf"))
        return ImageFont.truetype(str(fonts[0]), size) if fonts else ImageFont.load_default(size)
    except OSError:
        return ImageFont.load_default(size)


def charts() -> list[Picture]:
    """Bar, line and pie charts drawn with Pillow (the kind of figure the site publishes)."""
    out = []
    rng = np.random.default_rng(11)
    for i in range(4):
        im = Image.new("RGB", (960, 640), "white")
        draw = ImageDraw.Draw(im)
        values = rng.integers(10, 100, size=7)
        draw.text((40, 20), f"Kasus kekerasan {2019 + i}", fill="black", font=_font(32))
        draw.line((80, 580, 920, 580), fill="black", width=3)
        draw.line((80, 80, 80, 580), fill="black", width=3)
        if i % 2 == 0:
            for j, v in enumerate(values):
                draw.rectangle((110 + j * 115, 580 - v * 4.6, 190 + j * 115, 580), fill=("#b03060", "#305080")[j % 2])
                draw.text((120 + j * 115, 590), str(int(v)), fill="black", font=_font(22))
        else:
            points = [(110 + j * 130, 580 - v * 4.6) for j, v in enumerate(values)]
            draw.line(points, fill="#b03060", width=5)
            for x, y in points:
                draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill="#305080")
        out.append(Picture(f"chart {i}", "chart", im))
    for i in range(2):
        im = Image.new("RGB", (800, 800), "white")
        draw = ImageDraw.Draw(im)
        start = 0.0
        for j, share in enumerate((0.35, 0.25, 0.2, 0.12, 0.08)):
            draw.pieslice((100, 100, 700, 700), start, start + 360 * share,
                          fill=("#b03060", "#305080", "#e0a020", "#60a060", "#909090")[(j + i) % 5])
            start += 360 * share
        out.append(Picture(f"pie chart {i}", "chart", im))
    return out


def posters() -> list[Picture]:
    """Poster-like pictures: a title, hotline numbers, a QR code, blocks of colour."""
    import segno

    out = []
    for i, (title, colour) in enumerate((("Ruang Aman", "#5a2a82"), ("Butuh bantuan?", "#b03060"),
                                         ("Kekerasan bukan urusan pribadi", "#205070"), ("Call 129", "#303030"))):
        im = Image.new("RGB", (1240, 1754), "white")
        draw = ImageDraw.Draw(im)
        draw.rectangle((0, 0, 1240, 420), fill=colour)
        draw.text((80, 140), title, fill="white", font=_font(88))
        for j, line in enumerate(("SAPA 129", "WhatsApp 08111-129-129", "Polisi 110", "UPTD PPA")):
            draw.text((80, 540 + j * 120), line, fill="black", font=_font(64))
        buffer = io.BytesIO()
        segno.make_qr(f"https://example.org/bantuan-{i}.html").save(buffer, kind="png", scale=14, border=2)
        qr = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
        im.paste(qr, (1240 - qr.width - 80, 1754 - qr.height - 80))
        draw.ellipse((80, 1300, 380, 1600), outline=colour, width=18)
        out.append(Picture(f"poster {i}", "poster", im))
    return out


def without_people() -> list[Picture]:
    """Every test picture without a face: photos (as they are and turned), pasted non-face patches, charts, posters."""
    out = [Picture(name, "photo without people", sample(name)) for name in NO_PEOPLE]
    for i, name in enumerate(NO_PEOPLE[:11]):
        out.append(Picture(f"{name} tilted 25", "photo without people, tilted", *turned(sample(name), [], (25, -25)[i % 2])))
    patches = samples.lfw_subset()[100:160]
    for i, patch in enumerate(patches):
        share = (1 / 20, 1 / 12, 1 / 8)[i % 3]
        piece = Image.fromarray((patch * 255).astype(np.uint8)).convert("RGB")
        im, _ = pasted(piece, [(0, 0, 25, 25)], scene(BACKGROUNDS[i % len(BACKGROUNDS)], 600), share, (0, 30, -15)[i % 3], i)
        out.append(Picture(f"LFW non-face patch {i}", "non-face patch", im))
    return out + charts() + posters()
