"""Faces in a picture: OpenCV's Haar cascades (shipped inside the pinned opencv-python-headless wheel).

The frontal cascade sees faces turned up to about 15 degrees; the picture is also searched turned
by 25 degrees each way (heads tilted up to 30 degrees and more), and the profile cascade runs on the
picture and its mirror image (it knows one side only). Faces down to 1/20 of the picture's shorter
side are looked for. Passes stop at the first that finds a face. Hit and false-alarm rates on the
test pictures: scripts/bench_faces.py (figures in the README).
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageOps

WORK_SIDE = 800        # longer side the search runs at (speed; a 1/20 face of a 4:3 picture is still 30 px)
SMALL_SIDE = 240       # smaller pictures (thumbnails) are enlarged to this shorter side: the cascades need 24 px faces
SMALLEST = 1 / 22      # of the shorter side: faces of 1/20 and up, with a margin
TILTS = (25, -25)      # degrees


@lru_cache(maxsize=1)
def _cascades() -> tuple[cv2.CascadeClassifier, cv2.CascadeClassifier]:
    """The frontal and profile cascades (loaded once per process)."""
    cv2.setNumThreads(1)
    folder = cv2.data.haarcascades
    return (cv2.CascadeClassifier(folder + "haarcascade_frontalface_default.xml"),
            cv2.CascadeClassifier(folder + "haarcascade_profileface.xml"))


def _turned(pixels: np.ndarray, degrees: float) -> np.ndarray:
    h, w = pixels.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    matrix[0, 2] += nw / 2 - w / 2
    matrix[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(pixels, matrix, (nw, nh), borderMode=cv2.BORDER_REPLICATE)


def count_faces(im: Image.Image) -> int:
    """Faces in an upright picture: frontal, tilted, in profile; 0 when none."""
    frontal, profile = _cascades()
    gray = ImageOps.exif_transpose(im).convert("L")
    gray.thumbnail((WORK_SIDE, WORK_SIDE))
    if min(gray.size) < SMALL_SIDE:
        scale = SMALL_SIDE / max(1, min(gray.size))
        gray = gray.resize((round(gray.width * scale), round(gray.height * scale)), Image.Resampling.BICUBIC)
    pixels = cv2.equalizeHist(np.asarray(gray))
    side = max(20, round(min(pixels.shape) * SMALLEST))
    size = (side, side)
    # The extra passes ask for more agreeing neighbours: turned pictures and the profile cascade
    # raise false alarms on texture (gravel, coins) otherwise (tuned with scripts/bench_faces.py).
    found = frontal.detectMultiScale(pixels, scaleFactor=1.1, minNeighbors=10, minSize=size)
    if len(found):
        return len(found)
    for degrees in TILTS:
        found = frontal.detectMultiScale(_turned(pixels, degrees), scaleFactor=1.1, minNeighbors=18, minSize=size)
        if len(found):
            return len(found)
    for view in (pixels, np.ascontiguousarray(pixels[:, ::-1])):
        found = profile.detectMultiScale(view, scaleFactor=1.1, minNeighbors=12, minSize=size)
        if len(found):
            return len(found)
    return 0
