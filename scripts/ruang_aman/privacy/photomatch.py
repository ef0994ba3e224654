"""Edited copies of a protected photo: tiled multi-scale perceptual hashes.

A protected photo is stored as the 64-bit DCT hashes (pHash) of many overlapping square windows of
half its shorter side, every 5 % of that side: no pixel, only one bit per low-frequency DCT
coefficient of each window (about 20 x 13 bits of detail across the whole photo, less than any
thumbnail). A picture is a copy when windows of it, at a range of sizes and in all eight
orientations (turned 0/90/180/270, mirrored or not), match two or more of those hashes closely.
That covers crops to 75 % from any side, caption bars and borders up to 20 %, mirroring, turning,
grayscale, low-quality recompression and shrinking to a quarter. scripts/bench_photo_match.py
measures this against OpenCV ORB keypoints with a RANSAC homography (see the README for figures and
why hashes were chosen).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageOps

STORED_SIDE = 0.5      # window side as a share of the photo's shorter side
STORED_STEP = 0.025    # window positions every 2.5 % of the shorter side
# Candidate window sides, as a share of the candidate's shorter side: a stored window seen in a
# copy cropped to 75-100 % with a bar or border of up to 20 % measures 0.40-0.67 of it.
CANDIDATE_SIDES = (0.38, 0.41, 0.44, 0.48, 0.52, 0.56, 0.60, 0.65, 0.70)
CANDIDATE_SPOTS = (0.3, 0.5, 0.7)   # window centres, as shares of the width and height
MAX_DISTANCE = 6       # of 64 bits; unrelated windows sit near 32 (tuned by scripts/bench_photo_match.py)
MIN_MATCHES = 3        # windows that must agree on where the photo lies: one or two lucky windows are not a copy
MIN_CONTRAST = 6.0     # grey-level spread under which a window is flat (sky, wall) and says nothing
WORK_SIDE = 384        # pictures are reduced to this shorter side first (speed; hashes see 32 px)


def _gray(im: Image.Image) -> np.ndarray:
    """Upright grayscale pixels with the shorter side at most WORK_SIDE."""
    gray = ImageOps.exif_transpose(im).convert("L")
    scale = WORK_SIDE / min(gray.size)
    if scale < 1:
        gray = gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))),
                           Image.Resampling.BOX)
    return np.asarray(gray, dtype=np.float32)


def _hash(window: np.ndarray) -> int | None:
    """pHash of one window (32x32 area resample, DCT, 8x8 low frequencies against their median); None if flat."""
    if window.std() < MIN_CONTRAST:
        return None
    small = cv2.resize(window, (32, 32), interpolation=cv2.INTER_AREA)
    low = cv2.dct(small)[:8, :8].flatten()
    bits = low > np.median(low)
    return int(np.packbits(bits).view(">u8")[0])


@dataclass(frozen=True)
class StoredPhoto:
    """What is kept of a protected photo: window hashes and where each window lies (no pixel)."""

    hashes: np.ndarray   # uint64, one per window
    spots: np.ndarray    # (n, 2) int: top-left x, y of each window, in the photo's work pixels
    side: int            # window side, in the same pixels


def stored_tiles(im: Image.Image) -> StoredPhoto:
    """The stored form of a protected photo: hashes of every window of half its shorter side, every 2.5 %."""
    pixels = _gray(im)
    h, w = pixels.shape
    side = max(8, round(STORED_SIDE * min(h, w)))
    step = max(1, round(STORED_STEP * min(h, w)))
    hashes, spots = [], []
    for y in range(0, h - side + 1, step):
        for x in range(0, w - side + 1, step):
            value = _hash(pixels[y:y + side, x:x + side])
            if value is not None:
                hashes.append(value)
                spots.append((x, y))
    return StoredPhoto(np.array(hashes, dtype=np.uint64), np.array(spots, dtype=np.int64).reshape(-1, 2), side)


def candidate_tiles(im: Image.Image) -> np.ndarray:
    """Windows of a picture that may be a copy: several sizes and spots, all eight orientations.

    Returns rows of (hash, orientation, x, y, side), positions in the candidate's work pixels.
    """
    base = _gray(im)
    rows = []
    for orientation in range(8):
        pixels = np.rot90(base, orientation // 2)
        pixels = np.ascontiguousarray(pixels[:, ::-1] if orientation % 2 else pixels)
        h, w = pixels.shape
        for size in CANDIDATE_SIDES:
            side = max(8, round(size * min(h, w)))
            for cy in CANDIDATE_SPOTS:
                for cx in CANDIDATE_SPOTS:
                    y = min(max(0, round(cy * h - side / 2)), h - side)
                    x = min(max(0, round(cx * w - side / 2)), w - side)
                    value = _hash(pixels[y:y + side, x:x + side])
                    if value is not None:
                        rows.append((value, orientation, x, y, side))
    return np.array(rows, dtype=np.uint64).reshape(-1, 5)


def is_copy(candidate: np.ndarray, stored: StoredPhoto) -> bool:
    """True when MIN_MATCHES or more candidate windows match stored windows in one consistent geometry.

    Each close pair (within MAX_DISTANCE bits) says where the protected photo would lie in the
    candidate (its scale and its origin); a copy gives the same answer from several windows, two
    unrelated pictures do not.
    """
    if not len(candidate) or not len(stored.hashes):
        return False
    distances = np.bitwise_count(candidate[:, :1] ^ stored.hashes[None, :])
    rows, cols = np.nonzero(distances <= MAX_DISTANCE)
    if len(rows) < MIN_MATCHES:
        return False
    votes = []
    for r, c in zip(rows.tolist(), cols.tolist()):
        _, orientation, x, y, side = (int(v) for v in candidate[r])
        scale = side / stored.side
        sx, sy = stored.spots[c]
        votes.append((orientation, scale, x - scale * sx, y - scale * sy, side, r))
    for o, k, ox, oy, side, _ in votes:
        agree = {r2 for o2, k2, ox2, oy2, _, r2 in votes
                 if o2 == o and abs(k2 / k - 1) < 0.1 and abs(ox2 - ox) < 0.08 * side and abs(oy2 - oy) < 0.08 * side}
        if len(agree) >= MIN_MATCHES:
            return True
    return False


def pack(photo: StoredPhoto) -> str:
    """A stored photo as text: side, then per window an 8-byte hash and two 2-byte positions (base64)."""
    records = np.zeros(len(photo.hashes), dtype=[("h", ">u8"), ("x", ">u2"), ("y", ">u2")])
    records["h"], records["x"], records["y"] = photo.hashes, photo.spots[:, 0], photo.spots[:, 1]
    return f"{photo.side}:" + base64.b64encode(records.tobytes()).decode("ascii")


def unpack(text: str) -> StoredPhoto:
    """The stored text back to a StoredPhoto (ValueError when malformed)."""
    side, _, body = text.partition(":")
    raw = base64.b64decode(body.encode("ascii"), validate=True)
    if not side.isdigit() or len(raw) % 12:
        raise ValueError("expected 'side:base64' with 12 bytes per window")
    records = np.frombuffer(raw, dtype=[("h", ">u8"), ("x", ">u2"), ("y", ">u2")])
    spots = np.stack([records["x"].astype(np.int64), records["y"].astype(np.int64)], axis=1)
    return StoredPhoto(records["h"].astype(np.uint64), spots, int(side))
