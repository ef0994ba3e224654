#!/usr/bin/env python3
"""Face detector figures: hit rate and false-alarm rate on test pictures made from scikit-image's samples.

    .venv/bin/python scripts/bench_faces.py [--posters site/posters]

Pictures with people: the astronaut photo as is and tilted 15 and 30 degrees each way, and 30 faces of
the LFW subset shipped with scikit-image, each pasted into a photo without people at 1/20, 1/12 and
1/6 of its height, upright and tilted 30 degrees. Pictures without people: the sample photos without
a face, 60 non-face patches of the LFW subset pasted the same way, and 12 built posters when the
folder is there. Prints figures only.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from skimage import data as samples  # noqa: E402

from ruang_aman.privacy.faces import count_faces  # noqa: E402

BACKGROUNDS = ("coffee", "rocket", "chelsea", "hubble_deep_field", "coins", "page", "brick", "gravel", "horse")


def sample(name: str) -> Image.Image:
    return Image.fromarray(getattr(samples, name)()).convert("RGB")


def pasted(patch: np.ndarray, background: Image.Image, share: float, tilt: float, spot: int) -> Image.Image:
    """A 25x25 patch scaled to `share` of the picture's height, tilted, pasted at one of a few spots."""
    out = background.copy()
    if out.height < 480:
        out = out.resize((round(out.width * 480 / out.height), 480))
    side = max(8, round(out.height * share))
    face = Image.fromarray((patch * 255).astype(np.uint8)).convert("RGB").resize((side, side), Image.Resampling.BICUBIC)
    if tilt:
        face = face.rotate(tilt, expand=True, fillcolor=(128, 128, 128))
    x = [out.width // 5, out.width // 2, 2 * out.width // 3][spot % 3] - face.width // 2
    y = [out.height // 3, out.height // 2, 2 * out.height // 3][spot % 3] - face.height // 2
    out.paste(face, (max(0, x), max(0, y)))
    return out


def with_people() -> list[tuple[str, Image.Image]]:
    astronaut = sample("astronaut")
    out = [("astronaut", astronaut)] + [(f"astronaut tilted {t}", astronaut.rotate(t, expand=True, fillcolor=(0, 0, 0)))
                                        for t in (15, -15, 30, -30)]
    faces = samples.lfw_subset()[:100]
    backgrounds = [sample(b) for b in BACKGROUNDS]
    for i, patch in enumerate(faces[:30]):
        share = (1 / 20, 1 / 12, 1 / 6)[i % 3]
        tilt = 30 if i % 2 else 0
        out.append((f"face {i} at 1/{round(1 / share)}{' tilted 30' if tilt else ''}",
                    pasted(patch, backgrounds[i % len(backgrounds)], share, tilt, i)))
    return out


def without_people(posters: Path | None) -> list[tuple[str, Image.Image]]:
    out = [(name, sample(name)) for name in BACKGROUNDS]
    out += [(name, sample(name)) for name in ("moon", "retina", "clock", "logo", "colorwheel", "text", "grass")]
    patches = samples.lfw_subset()[100:160]
    backgrounds = [sample(b) for b in BACKGROUNDS]
    for i, patch in enumerate(patches):
        share = (1 / 20, 1 / 12, 1 / 6)[i % 3]
        out.append((f"non-face patch {i}", pasted(patch, backgrounds[i % len(backgrounds)], share, 30 if i % 2 else 0, i)))
    if posters and posters.is_dir():
        out += [(p.name, Image.open(p)) for p in sorted(posters.glob("*.png"))[:12]]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posters", type=Path, default=Path(__file__).resolve().parents[1] / "site" / "posters")
    args = ap.parse_args()
    started = time.perf_counter()
    people = with_people()
    hits = [name for name, im in people if count_faces(im)]
    empty = without_people(args.posters)
    alarms = [name for name, im in empty if count_faces(im)]
    per = (time.perf_counter() - started) / (len(people) + len(empty))
    print(f"faces: hit rate {len(hits)}/{len(people)} ({100 * len(hits) / len(people):.0f}%) on pictures with a face; "
          f"false alarms {len(alarms)}/{len(empty)} ({100 * len(alarms) / len(empty):.0f}%) on pictures without one; "
          f"{per * 1000:.0f} ms per picture")
    by_kind: dict[str, list[bool]] = {}
    for name, im in people:
        kind = "astronaut" if name.startswith("astronaut") else name.split(" at ")[1]
        by_kind.setdefault(kind, []).append(name in hits)
    for kind, found in by_kind.items():
        print(f"  {kind:20s} {sum(found)}/{len(found)}")
    if alarms:
        print(f"  false alarms: {', '.join(alarms[:20])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
