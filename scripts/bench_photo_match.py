#!/usr/bin/env python3
"""Edited copies of protected photos: tiled multi-scale hashes against ORB keypoints with RANSAC.

    .venv/bin/python scripts/bench_photo_match.py

Protected photos and unrelated photos come from scikit-image's sample data. Every protected photo is
edited the ways the issue lists (crop to 75 % from each side, caption bar and border of 20 %,
mirror, turn 90/180, grayscale, quality 15, a quarter of the size, and combinations); every edit is a
leak to catch. Every unrelated photo (and its edits) checked against every protected photo is a
chance of a false alarm. Prints recall, false alarms, time per picture and stored bytes per photo.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image, ImageDraw, ImageOps  # noqa: E402
from skimage import data as samples  # noqa: E402

from ruang_aman.privacy import photomatch  # noqa: E402

PROTECTED = ("astronaut", "coffee", "chelsea", "rocket", "motorcycle_left", "immunohistochemistry")
UNRELATED = ("camera", "page", "moon", "coins", "retina", "hubble_deep_field", "brick", "grass",
             "gravel", "colorwheel", "logo", "clock", "horse", "text", "motorcycle_right", "microaneurysms")


def sample(name: str) -> Image.Image:
    """A sample photograph as RGB."""
    if name.startswith("motorcycle_"):  # one stereo pair: two photos of the same scene, a hard case
        pixels = samples.stereo_motorcycle()[0 if name.endswith("left") else 1]
    else:
        pixels = getattr(samples, name)()
    if pixels.dtype != np.uint8:
        pixels = (pixels * 255 / max(1, pixels.max())).astype(np.uint8)
    im = Image.fromarray(pixels)
    return im.convert("RGB")


def recompress(im: Image.Image, quality: int = 60) -> Image.Image:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def crop(im: Image.Image, side: str, share: float = 0.75) -> Image.Image:
    w, h = im.size
    cw, ch = round(w * share), round(h * share)
    boxes = {"left": (0, 0, cw, h), "right": (w - cw, 0, w, h), "top": (0, 0, w, ch), "bottom": (0, h - ch, w, h),
             "corner": (w - cw, h - ch, w, h), "centre": ((w - cw) // 2, (h - ch) // 2, (w + cw) // 2, (h + ch) // 2)}
    return im.crop(boxes[side])


def caption(im: Image.Image, share: float = 0.2, top: bool = False) -> Image.Image:
    w, h = im.size
    bar = round(h * share / (1 - share))
    out = Image.new("RGB", (w, h + bar), (20, 20, 20))
    out.paste(im, (0, bar if top else 0))
    draw = ImageDraw.Draw(out)
    y = 4 if top else h + 4
    draw.text((10, y), "BREAKING: kisah korban di Balikpapan", fill=(255, 255, 255))
    draw.text((10, y + 14), "Foto: dokumentasi warga", fill=(230, 230, 0))
    return out


def border(im: Image.Image, share: float = 0.2) -> Image.Image:
    w, h = im.size
    pad = round(min(w, h) * share / 2)
    return ImageOps.expand(im, border=pad, fill=(255, 255, 255))


EDITS = {
    "crop-left": lambda im: crop(im, "left"),
    "crop-right": lambda im: crop(im, "right"),
    "crop-top": lambda im: crop(im, "top"),
    "crop-bottom": lambda im: crop(im, "bottom"),
    "crop-corner": lambda im: crop(im, "corner"),
    "crop-centre": lambda im: crop(im, "centre"),
    "caption-bottom": lambda im: caption(im),
    "caption-top": lambda im: caption(im, top=True),
    "border": border,
    "mirror": ImageOps.mirror,
    "turn-90": lambda im: im.transpose(Image.Transpose.ROTATE_90),
    "turn-180": lambda im: im.transpose(Image.Transpose.ROTATE_180),
    "grayscale": lambda im: im.convert("L"),
    "quality-15": lambda im: recompress(im, 15),
    "quarter": lambda im: im.resize((im.width // 4, im.height // 4), Image.Resampling.LANCZOS),
    "crop-caption-mirror": lambda im: ImageOps.mirror(caption(crop(im, "right"))),
    "crop-turn-gray-small": lambda im: crop(im, "top").transpose(Image.Transpose.ROTATE_270).convert("L").resize(
        (im.height * 3 // 8, im.width // 2)),
}


class Hashes:
    name = "tiled multi-scale hashes"

    def store(self, im: Image.Image):
        photo = photomatch.stored_tiles(im)
        return photo, len(photomatch.pack(photo))

    def prepare(self, im: Image.Image):
        return photomatch.candidate_tiles(im)

    def matches(self, cand, stored) -> bool:
        return photomatch.is_copy(cand, stored)


class Orb:
    name = "ORB + RANSAC homography"

    def __init__(self) -> None:
        self.orb = cv2.ORB_create(nfeatures=1000, nlevels=12)
        self.matcher = cv2.BFMatcher(cv2.NORM_HAMMING)

    def _features(self, im: Image.Image):
        gray = np.asarray(ImageOps.exif_transpose(im).convert("L"))
        return self.orb.detectAndCompute(gray, None)

    def store(self, im: Image.Image):
        kp, desc = self._features(im)
        return (np.float32([k.pt for k in kp]), desc), (0 if desc is None else desc.nbytes) + 8 * len(kp)

    def prepare(self, im: Image.Image):
        return [self._features(im), self._features(ImageOps.mirror(im))]

    def matches(self, cand, stored) -> bool:
        points, desc = stored
        for kp, d in cand:
            if d is None or desc is None or len(kp) < 8:
                continue
            pairs = [p for p in self.matcher.knnMatch(d, desc, k=2) if len(p) == 2 and p[0].distance < 0.75 * p[1].distance]
            if len(pairs) < 10:
                continue
            src = np.float32([kp[p[0].queryIdx].pt for p in pairs])
            dst = np.float32([points[p[0].trainIdx] for p in pairs])
            _, mask = cv2.findHomography(src, dst, cv2.RANSAC, 8.0)
            if mask is not None and int(mask.sum()) >= 15:
                return True
        return False


def main() -> int:
    protected = {name: sample(name) for name in PROTECTED}
    unrelated = {name: sample(name) for name in UNRELATED}
    print(f"{len(protected)} protected photos x {len(EDITS)} edits = {len(protected) * len(EDITS)} copies to catch; "
          f"{len(unrelated)} unrelated photos (as is, cropped, captioned) x {len(protected)} protected = "
          f"{3 * len(unrelated) * len(protected)} pairs that must not match")
    for method in (Hashes(), Orb()):
        stored, sizes = {}, []
        for name, im in protected.items():
            stored[name], size = method.store(im)
            sizes.append(size)
        caught, missed, started, pictures = 0, [], time.perf_counter(), 0
        for name, im in protected.items():
            for edit, fn in EDITS.items():
                cand = method.prepare(recompress(fn(im), 75))
                pictures += 1
                if method.matches(cand, stored[name]):
                    caught += 1
                else:
                    missed.append(f"{name}/{edit}")
        alarms = []
        for name, im in unrelated.items():
            for variant, fn in (("as is", lambda x: x), ("crop", lambda x: crop(x, "centre")), ("caption", caption)):
                cand = method.prepare(recompress(fn(im), 75))
                pictures += 1
                alarms += [f"{name}({variant})~{p}" for p, s in stored.items() if method.matches(cand, s)]
        per = (time.perf_counter() - started) / pictures
        total = len(protected) * len(EDITS)
        print(f"\n{method.name}:")
        print(f"  recall {caught}/{total} ({100 * caught / total:.0f}%), false alarms {len(alarms)}/"
              f"{3 * len(unrelated) * len(protected)}, {per * 1000:.0f} ms per picture checked, "
              f"stored {sum(sizes) / len(sizes) / 1024:.1f} KB per photo")
        if missed:
            print(f"  missed: {', '.join(missed)}")
        if alarms:
            print(f"  false alarms: {', '.join(alarms)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
