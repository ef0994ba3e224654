"""One rendered page of each kind (slide, guide, leaflet, poster) against its reference image.

The tolerance absorbs anti-aliasing differences between poppler versions; a moved block, a missing
text or a changed colour goes well past it. Refresh the references only with `make references`.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from .conftest import ROOT, need
from .references import PAGES, REFERENCE_DIR, build_site_files, render_page

MAX_CHANGED = 0.004
"""Share of pixels allowed to differ by more than a quarter of the grey range."""


def changed(a, b) -> float:
    x = np.asarray(Image.open(a).convert("L"), dtype=np.int16)
    y = np.asarray(Image.open(b).convert("L"), dtype=np.int16)
    assert x.shape == y.shape, (x.shape, y.shape)
    return float((np.abs(x - y) > 64).mean())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need("pdftoppm")
    return build_site_files(ROOT, tmp_path_factory.mktemp("reference"))


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_matches_its_reference(site, tmp_path, kind):
    file, page = PAGES[kind]
    got = render_page(site / file, page, tmp_path / kind)
    share = changed(got, REFERENCE_DIR / f"{kind}.png")
    assert share <= MAX_CHANGED, (
        f"{file} page {page} differs from tests/kit/reference/{kind}.png in {share:.1%} of its pixels "
        f"(render kept at {got}). If the change is deliberate, run `make references` and commit the images.")


def test_the_tolerance_catches_a_different_page(site, tmp_path):
    """The comparison is not blind: the next slide is far outside the tolerance."""
    file, page = PAGES["deck"]
    other = render_page(site / file, page + 1, tmp_path / "other")
    assert changed(other, REFERENCE_DIR / "deck.png") > 10 * MAX_CHANGED
